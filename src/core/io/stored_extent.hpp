#pragma once
/// A GeoPackage layer's extent read from what the file keeps, without reading its geometry.

#include <optional>
#include <string>

#include "geo/geometry.hpp"

class GDALDataset;

namespace atlas {

/// The extent (degrees lon/lat) of GeoPackage table `table` as its gpkg_contents row records it,
/// when that row is in EPSG:4326 and agrees within 1e-4 degrees with the bounding boxes of the
/// layer's R-tree index (`rtree_<table>_<geometry column>`, kept in step with every edit by the
/// GeoPackage's triggers; its single-precision boxes are rounded outward). The recorded extent
/// alone can be stale: GDAL grows it on inserts but never shrinks it, and an edit in SQL leaves it
/// as it was. Absent for any other source, a layer without an index, or a disagreement. Never throws.
std::optional<Bounds> stored_extent(GDALDataset& ds, const std::string& table);

}  // namespace atlas
