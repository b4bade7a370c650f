#include "io/ogr_wgs84.hpp"

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "text/escape.hpp"

namespace atlas {

std::unique_ptr<OGRCoordinateTransformation> layer_to_wgs84(OGRLayer& layer, const std::string& path) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr) return nullptr;
    OGRSpatialReference wgs84, source(*srs);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.IsSame(&wgs84)) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!ct)
        throw AtlasError(ErrorKind::Input, quote_value(path) + ", layer " + quote_value(layer.GetName()) +
                                               ": cannot transform its CRS to WGS84 (" + last_gdal_error() + ")");
    return ct;
}

}  // namespace atlas
