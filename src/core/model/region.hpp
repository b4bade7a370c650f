#pragma once
/// An administrative unit (province, prefecture-level or county-level unit) as loaded from a data source.

#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

struct Region {
    std::string code;         ///< GB/T 2260 code (six digits for the bundled data)
    std::string parent_code;  ///< province code for a prefecture, prefecture code for a county; empty for a province
    std::string name_zh;
    std::string name_en;
    std::string source_code;     ///< code in the source data when it differs (e.g. Turpan 652100)
    std::string kind;            ///< the source's `kind` field when it has one (district, county, municipality ...)
    std::string name_en_source;  ///< where name_en comes from, when the source says (e.g. pinyin, not checked)
    /// How the geometry was made where the source gave none (the county layer's 蓟州区 120119:
    /// derived from its prefecture-level unit's shape); empty for the source's own geometry.
    std::string geometry_source;
    LonLat label;           ///< inside the polygon
    LonLat seat;            ///< seat of government when the source gives it, else the label point
    MultiPolygon geometry;  ///< lon/lat WGS84
    double area_km2 = 0;    ///< on the WGS84 ellipsoid
};

/// The administrative level a layer holds.
enum class UnitLevel { Province, Prefecture, County };

/// "province", "prefecture-level unit", "county-level unit".
const char* to_string(UnitLevel level);

/// Why `code` cannot be a unit of `level` under GB/T 2260, or empty when it can: six digits whose
/// first two are a province's (11..82); a province ends in 0000; a prefecture-level unit ends in 00
/// or is a directly administered county-level unit (PP90xx, e.g. 429004 Xiantao); PP0000 only for the
/// province-level units that are their own prefecture (the municipalities, Hong Kong, Macau, Taiwan).
/// A county-level unit is any other code of a province (not PP0000): a prefecture-level city without
/// counties (441900 Dongguan) is its own county-level unit.
/// DataV's helper feature "100000_JD", the country's 100000 and a province's 320000 as a prefecture fail.
std::string unit_code_problem(const std::string& code, UnitLevel level);

/// The regions of one layer, with where they came from.
struct RegionLayer {
    std::string source;  ///< path or connection string
    std::string layer;
    std::vector<Region> regions;
    /// Written and validated by build-geodata: every geometry valid, neighbours sharing exact borders.
    bool validated = false;
    /// The whole layer's extent (degrees lon/lat, WGS84) as its source stores it, set by an
    /// attributes-only read of a GeoPackage whose recorded extent (gpkg_contents) agrees with its
    /// R-tree index, which SQLite triggers keep in step with every edit; absent otherwise (the
    /// extent is then the regions' geometry's: bounds_of).
    std::optional<Bounds> stored_extent;
    /// The source's CRS when its coordinates were reprojected to WGS84 lon/lat on reading, as
    /// "EPSG:3857 (WGS 84 / Pseudo-Mercator)"; empty when the source is in WGS84 lon/lat already.
    std::string reprojected_from;

    /// Null when no region has that code.
    const Region* find(const std::string& code) const;
};

}  // namespace atlas
