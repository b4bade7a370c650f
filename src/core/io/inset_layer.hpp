#pragma once
/// The user's layer for a figure's inset: maps of China published in China carry an inset of the
/// South China Sea islands and the boundary line there, which the bundled boundaries do not have. The
/// user names a vector source holding them (any GDAL format); the figure draws its lines, rings and
/// points in a box of their own extent, over the map of that box.

#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

struct InsetLayer {
    std::string path;
    std::vector<std::vector<LonLat>> lines;  ///< line strings and polygon rings, lon/lat WGS84 degrees
    std::vector<LonLat> points;
    double extent[4] = {0, 0, 0, 0};  ///< min lon, min lat, max lon, max lat of all of them
    /// Features left out because they have no geometry (GeoJSON's null): one line for the first,
    /// "'PATH', layer 'L', feature 3: no geometry, left out of the inset (and 2 more like it)"; and
    /// polygons drawn otherwise than the data has them: rings not closed (drawn closed), polygons
    /// GEOS finds invalid, such as a ring crossing itself (outlined as given, with GEOS's reason).
    std::vector<std::string> warnings;
};

/// Every geometry of every layer of `path`, transformed from the layer's CRS to WGS84 (a layer
/// without a CRS is taken as lon/lat WGS84). Throws AtlasError(Input) naming the file when GDAL cannot
/// open it, when a CRS cannot be transformed, when it holds no geometry, or when its extent is not in
/// longitude -180 to 180 and latitude -90 to 90; and naming the feature (the first of each kind, with
/// how many more are like it, one line a kind) whose coordinates GDAL cannot read, are empty, not
/// numbers, or not longitude and latitude. Features without geometry are left out, said in warnings.
InsetLayer read_inset_layer(const std::string& path);

}  // namespace atlas
