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

}  // namespace atlas
