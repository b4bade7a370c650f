#pragma once
/// The transformation of a GDAL layer's coordinates to lon/lat WGS84 (traditional GIS axis order),
/// for readers of user layers (points, insets). Internal to src/core/io: it exposes GDAL types.

#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace atlas {

/// Null when the layer has no CRS (taken as lon/lat) or is WGS84 lon/lat already. Throws
/// AtlasError(Input) naming `path` and the layer when PROJ cannot transform its CRS.
std::unique_ptr<OGRCoordinateTransformation> layer_to_wgs84(OGRLayer& layer, const std::string& path);

/// Transforms the geometry in place with `ct` (from layer_to_wgs84); empty when it worked, else why
/// not ("coordinate 1e+300 is beyond any extent of the layer's CRS"). No CRS on Earth has
/// coordinates beyond 1e9 of its units, and GDAL 3.6 can spin for ever on 1e300 metres (a points
/// file hung in a user's trial): those are refused before the transformation. A coordinate beyond
/// the CRS's extent comes back wrapped to a plausible longitude: the round trip tells it apart
/// (`round_trip` false skips it: a point source's millions of features, each counted where it lands).
std::string lonlat_problem(OGRGeometry& geometry, OGRCoordinateTransformation& ct, bool round_trip = true);

}  // namespace atlas
