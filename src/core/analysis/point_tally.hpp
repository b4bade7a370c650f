#pragma once
/// Counting an analyst's points per unit: which province, prefecture-level unit, county-level unit
/// and plan region each point lies in, and the tallies (count, sum of a value) that the per-unit
/// tables, the exports and the maps are made of. Points come in batches (io/point_source.hpp), so
/// that any number of them is counted in constant memory.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "analysis/unit_grid.hpp"
#include "geo/datum.hpp"
#include "io/point_source.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

/// The units points are located in, indexed once. Keeps references to the layers and shapes.
class PointUnits {
  public:
    /// `regions`: the plan's regions in plan order (at most 64). `counties` may be null; with it,
    /// a partial member whose counties a source lists puts only those counties' points in its region,
    /// as the region's shape does (analysis/region_shapes.hpp). `every_county`: points get their
    /// county-level unit (else only the counties of such members are indexed, which is much cheaper).
    PointUnits(const RegionLayer& provinces, const RegionLayer& prefectures, const RegionLayer* counties,
               std::vector<const PlanRegion*> regions, bool every_county);

    PointUnits(const PointUnits&) = delete;  // its grids refer to its own members
    PointUnits& operator=(const PointUnits&) = delete;

    struct Location {
        int prefecture = -1;  ///< index into prefectures().regions; -1 outside every unit
        int county = -1;      ///< index into counties()->regions; -1 outside, without a county layer or every_county
        std::uint64_t regions = 0;  ///< bit r: inside plan region r
        /// Inside a region the plan designates (explicitly or in general); the wider areas it only
        /// mentions (Bohai rim, Yangtze River Economic Belt) do not count, as in `coverage`.
        bool designated = false;
        /// Counted by county (every_county), inside a prefecture-level unit but in none of the county
        /// layer's units: a gap in that layer (a unit its source lacks, a user layer with holes).
        bool county_missed = false;
    };
    Location locate(double lon, double lat) const;
    /// The location of a point known to lie in `prefecture` and in `county` (an index into
    /// county_index_layer(); -1 for none): for counts made elsewhere (a PostGIS join).
    Location location_of(int prefecture, int county_index) const;
    /// The county layer points are located in: every county with every_county, else only the
    /// partial members' counties; null when none is needed.
    const RegionLayer* county_index_layer() const;
    /// Whether a point in this prefecture-level unit needs its county (a partial member's, or every
    /// one with every_county).
    bool needs_county(int prefecture) const {
        return every_county_ || needs_county_[static_cast<std::size_t>(prefecture)] != 0;
    }
    /// Just the prefecture-level unit (-1 outside): for diagnoses.
    int prefecture_at(double lon, double lat) const { return prefecture_grid_.locate(lon, lat); }

    const RegionLayer& provinces() const { return provinces_; }
    const RegionLayer& prefectures() const { return prefectures_; }
    const RegionLayer* counties() const { return counties_; }
    const std::vector<const PlanRegion*>& regions() const { return regions_; }
    /// Index into provinces().regions of each prefecture-level unit's province (-1 when none).
    const std::vector<int>& province_of() const { return province_of_; }

  private:
    const RegionLayer& provinces_;
    const RegionLayer& prefectures_;
    const RegionLayer* counties_;
    std::vector<const PlanRegion*> regions_;
    UnitGrid prefecture_grid_;
    std::optional<UnitGrid> county_grid_;
    RegionLayer scoped_counties_;    ///< without every_county: the partial members' counties only
    std::vector<int> scoped_index_;  ///< their indices in *counties_
    bool every_county_ = false;
    std::vector<int> province_of_;
    std::vector<std::uint64_t> prefecture_regions_;  ///< regions a whole prefecture is in
    std::vector<std::uint64_t> county_regions_;      ///< regions of partial members' listed counties
    std::uint64_t designated_ = 0;                   ///< bits of the regions that are not context
    std::vector<char> needs_county_;                 ///< prefecture is a partial member cut to counties
};

/// Count, sum and values counted, per unit.
struct UnitTally {
    std::vector<std::uint64_t> count;
    std::vector<std::uint64_t> in_regions;  ///< points of the unit inside a designated region (Location::designated)
    std::vector<double> sum;                ///< of the value column, where a point has a value (with carry)
    std::vector<double> carry;              ///< what rounding lost from sum (Neumaier): total() adds it back
    std::vector<std::uint64_t> valued;      ///< points with a value
    std::string value_named = "--value";    ///< the option and column summed, as messages name it
    void resize(std::size_t n);
    void add(std::size_t i, double value, bool in_region);
    /// Adds `value` to sum[i], compensated: a million values of 1e15 summed naively were 2e-8 off each.
    /// Throws AtlasError(Input), naming value_named, when the sum passes the largest double.
    void add_value(std::size_t i, double value);
    /// The sum with its carry; 0 for -0 (a negative zero printed "-0.00").
    double total(std::size_t i) const { return sum[i] + carry[i] + 0.0; }
};

/// How points' own codes (--expect-code) agree with the unit they lie in.
struct CodeCheck {
    std::uint64_t checked = 0;    ///< points with a code of a prefecture-level unit
    std::uint64_t agree = 0;      ///< in the unit their code names
    std::uint64_t elsewhere = 0;  ///< in another unit
    std::uint64_t outside = 0;    ///< in none
    std::uint64_t no_code = 0;    ///< an empty cell
    std::uint64_t malformed = 0;  ///< text that is not a GB/T 2260 code (4, 6, 9 or 12 digits): "abc", "5101070"
    std::vector<std::uint64_t> malformed_lines;  ///< the lines (features) of the first 5 of them
    std::uint64_t unknown = 0;                   ///< a code no unit of the layer has (an older or newer code)
    struct Miss {
        std::uint64_t line;
        std::string expected, found;  ///< codes; found empty outside every unit
    };
    std::vector<Miss> first;  ///< the first 10 points not in their unit
};

/// The prefecture-level unit code a point's code stands for: "5402" and "540221" mean 540200; a
/// municipality's district (110105) means 110000; a directly administered county-level unit
/// (429004) stays itself; "540221.0" and a township's or village's 9- or 12-digit statistical code
/// ("540221100000") are read by their first six digits. Empty when the text is none of these.
std::string expected_prefecture_code(const std::string& written);

/// Everything counted from a source's points.
struct PointTally {
    std::uint64_t points = 0;
    std::uint64_t outside = 0;     ///< in no unit: sea, abroad, wrong datum or axes
    std::uint64_t in_regions = 0;  ///< inside at least one designated region (Location::designated)
    /// By county: in a prefecture-level unit and its totals, but in no county-level unit's row
    /// (Location::county_missed); said, as they were lost without a word (helper-53).
    std::uint64_t county_missed = 0;
    std::vector<std::uint64_t> county_missed_lines;  ///< lines (features) of the first 3 of them
    UnitTally prefectures, counties, regions;
    /// Points per (category, region bits): what the industry shares are computed from.
    std::unordered_map<std::int32_t, std::unordered_map<std::uint64_t, std::uint64_t>> category_regions;
    std::uint64_t uncategorised = 0;  ///< points with an empty category cell
    CodeCheck codes;                  ///< with --expect-code
    /// The option and column whose values are summed, as messages name them ("--points-value 'v'").
    void name_value(const std::string& named) {
        prefectures.value_named = counties.value_named = regions.value_named = named;
    }

    /// Raw (as read, before datum conversion) coordinates of points outside, the first 5,000, and
    /// of a uniform sample of all points (reservoir, sample_kept): to test whether other axes or another
    /// datum would put them on the map.
    std::vector<LonLat> outside_raw, sample_raw;
    std::vector<LonLat> sample;                ///< the same sample in WGS84 (after datum conversion): dots to draw
    std::vector<std::uint64_t> outside_lines;  ///< lines (features) of the first outside points
    std::size_t sample_kept = 10000;           ///< size of the sample (start_tally's `dots`)
    std::mt19937_64 rng{20161129};
};

/// Starts a tally sized for the units, keeping a sample of `dots` points (at least 10,000).
PointTally start_tally(const PointUnits& units, std::size_t dots = 10000);
/// Counts one batch.
void tally_points(const PointUnits& units, const PointBatch& batch, PointTally& tally);
/// Counts `count` points found elsewhere at one location, with the sum of `valued` values and
/// their category (-1 an empty cell, -2 no category column): what a database's GROUP BY returns.
void tally_group(const PointUnits::Location& at, std::uint64_t count, double sum, std::uint64_t valued,
                 std::int32_t category, PointTally& tally);

/// Why points are off the map, when something other than the file's coordinates as declared would
/// put most of them on it: "read as BD-09 (--datum bd09), 98% of them would lie in a unit" or
/// "with longitude and latitude swapped, ...". Empty when no alternative helps: the sea, abroad, a
/// coastline generalised in the boundary data.
std::string outside_hint(const PointUnits& units, const PointTally& tally, Datum declared);

}  // namespace atlas
