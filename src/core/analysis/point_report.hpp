#pragma once
/// The tables made from a point tally (analysis/point_tally.hpp): one row per unit of a level, with
/// counts, densities and shares; and, when the points carry an industry, how much of each
/// industry's evidence lies in the regions the plan names for it.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/point_tally.hpp"
#include "model/plan.hpp"

namespace atlas {

enum class PointLevel { Province, Prefecture, County, Region, Industry };

/// "province", "prefecture", "county", "region", "industry"; AtlasError(Usage) naming `option` and
/// the value otherwise.
PointLevel parse_point_level(const std::string& name, const std::string& option = "--by");
const char* to_string(PointLevel level);

struct PointUnitRow {
    std::string code;  ///< GB/T 2260 code, or the plan region's id
    std::string name_en, name_zh;
    std::string parent;   ///< province code of a prefecture-level unit, prefecture code of a county-level one
    double area_km2 = 0;  ///< on the WGS84 ellipsoid
    std::uint64_t points = 0;
    std::uint64_t in_regions = 0;         ///< of them inside a designated region (not a context area)
    std::uint64_t valued = 0;             ///< of them with a value
    double sum = 0;                       ///< of the values
    const Region* unit = nullptr;         ///< the unit (province, prefecture or county level)
    const RegionShape* region = nullptr;  ///< the plan region (level Region)

    double mean() const { return valued ? sum / static_cast<double>(valued) : 0; }
    /// Points per 1,000 km².
    double density() const { return area_km2 > 0 ? static_cast<double>(points) * 1000 / area_km2 : 0; }
};

/// Every unit of the level, with or without points, in layer (plan) order. Level County needs the
/// county layer (AtlasError(Usage) without it); level Region the regions' shapes, in plan order
/// (their areas and geometry); level Industry is not a unit level (Usage).
std::vector<PointUnitRow> point_rows(const PointUnits& units, const PointTally& tally, PointLevel level,
                                     const std::vector<const RegionShape*>& shapes = {});

/// The plan industry each category text stands for: its id, English or Chinese name (case and
/// surrounding spaces ignored), or what the mapping (text -> industry id or name) says.
struct CategoryMapping {
    std::vector<const Industry*> industry;                        ///< per category; null when unmapped
    std::vector<std::pair<std::string, std::uint64_t>> unmapped;  ///< texts and their points, most first
};
CategoryMapping map_categories(const std::vector<std::string>& categories, const PointTally& tally, const Plan& plan,
                               const std::map<std::string, std::string>& mapping = {});

/// Reads a mapping file: CSV with a header (',', ';' or tab separated, as detect_separator finds, or
/// as a sep= line says; UTF-8, UTF-16 or GB18030 as text/encoding.hpp decides), the category text in
/// the first column and the plan industry (id, English or Chinese name) in the second.
/// AtlasError(Input) naming the line for a header of one column, an industry the plan does not have,
/// a line without both cells, or a text mapped twice.
std::map<std::string, std::string> read_category_mapping(const std::string& path, const Plan& plan);

struct IndustryShare {
    const Industry* industry = nullptr;
    std::uint64_t points = 0;
    std::uint64_t in_named = 0;            ///< in a region the plan names for the industry
    std::vector<const PlanRegion*> named;  ///< the regions the plan names for it (explicitly)
    /// Regions the plan does not name for it, with its points there, most first (at most 3).
    std::vector<std::pair<const PlanRegion*, std::uint64_t>> unnamed_top;
    double share() const { return points ? static_cast<double>(in_named) / static_cast<double>(points) : 0; }
};
/// One row per industry that has points, in plan order.
std::vector<IndustryShare> industry_shares(const PointUnits& units, const PointTally& tally, const Plan& plan,
                                           const CategoryMapping& mapping);

}  // namespace atlas
