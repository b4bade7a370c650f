#pragma once
/// The per-unit point tables (analysis/point_report.hpp) as a layer to export: each unit's polygon
/// (lon/lat WGS84) with its counts, density and shares, and the points' source in the metadata.

#include <string>
#include <vector>

#include "analysis/point_report.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

struct PointLayerInfo {
    std::string source;        ///< the points' file or connection (without password)
    std::string datum;         ///< "WGS84", "GCJ-02 converted to WGS84", ...
    std::string value_column;  ///< empty without --value
    std::uint64_t points = 0, outside = 0;
    /// Where the units' polygons come from (io/boundary_source.hpp unit_boundaries): a field
    /// boundary_source of each feature, and SOURCE and TERMS items of the layer's metadata.
    std::string boundary_source, boundary_terms;
};

/// One feature per row: code, name_en, name_zh, parent_code, area_km2, points, share_pct (of the
/// points in any unit), per_1000_km2, in_regions_pct (null without points), and sum_COL, mean_COL
/// with a value column COL (null where no point has a value).
/// Layer name "points_by_<level>".
OutLayer point_layer(const std::vector<PointUnitRow>& rows, PointLevel level, std::uint64_t located,
                     const PointLayerInfo& info);

}  // namespace atlas
