#pragma once
/// Reads provinces or prefectures from any OGR vector source: the bundled GeoPackage,
/// a Shapefile, GeoJSON, or a PostGIS connection string ("PG:host=... dbname=...").

#include <string>
#include <vector>

#include "model/region.hpp"

namespace atlas {

/// Layer metadata item set by build-geodata on layers whose every geometry passed GEOS IsValid;
/// the reader then skips its own validity check for that layer.
inline constexpr const char* kValidatedStamp = "CLUSTERATLAS_VALIDATED";

struct LayerSpec {
    std::string source;                 ///< file path or OGR connection string
    std::string layer;                  ///< layer (table) name
    std::string code_field = "code";    ///< required; values must be unique and non-empty
    std::string name_field = "name_zh"; ///< required
    std::string name_en_field = "name_en";         ///< optional: falls back to the name field
    std::string parent_field = "province_code";    ///< optional: else the first two digits + "0000"
};

/// Per-feature problems that were repaired or skipped, one line each, naming the feature.
struct ReadReport {
    std::vector<std::string> warnings;
};

/// Loads every feature of the layer. Geometries are reprojected to lon/lat WGS84 when the layer has
/// another CRS, and invalid ones are repaired with GEOS MakeValid (a warning names the feature).
/// Areas are computed on the ellipsoid; label points come from the label_lon/label_lat fields when
/// present, else are computed inside the polygon.
/// Throws AtlasError(Input) with one line naming the source, layer, field or feature when the source
/// cannot be opened or is not a vector dataset, the layer or a required field is missing, the layer
/// is empty, a code is empty or duplicated, or coordinates are not finite lon/lat.
RegionLayer read_regions(const LayerSpec& spec, ReadReport& report);

}  // namespace atlas
