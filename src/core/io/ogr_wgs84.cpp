#include "io/ogr_wgs84.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "text/escape.hpp"
#include "text/number.hpp"

namespace atlas {

namespace {

std::string coordinate(double v) { return short_number(v, 10); }

/// The largest magnitude of an envelope's coordinates (infinite when one is not finite).
double magnitude(const OGREnvelope& e) {
    double m = std::max({std::fabs(e.MinX), std::fabs(e.MaxX), std::fabs(e.MinY), std::fabs(e.MaxY)});
    return std::isfinite(e.MinX + e.MaxX + e.MinY + e.MaxY) ? m : HUGE_VAL;
}

}  // namespace

std::string lonlat_problem(OGRGeometry& geometry, OGRCoordinateTransformation& ct, bool round_trip) {
    OGREnvelope source;
    geometry.getEnvelope(&source);
    if (magnitude(source) > 1e9)
        return "coordinate " + coordinate(magnitude(source)) + " is beyond any extent of the layer's CRS";
    if (geometry.transform(&ct) != OGRERR_NONE)
        return "cannot transform to WGS84 (a coordinate is infinite or outside the area of the layer's CRS)";
    if (!round_trip) return "";
    std::unique_ptr<OGRCoordinateTransformation> inverse(ct.GetInverse());
    std::unique_ptr<OGRGeometry> back(geometry.clone());
    OGREnvelope again;
    bool returned = inverse != nullptr && back->transform(inverse.get()) == OGRERR_NONE;
    if (returned) back->getEnvelope(&again);
    double tolerance = 1e-6 * std::max(1.0, magnitude(source));
    auto differs = [&](double a, double b) { return !(std::fabs(a - b) <= tolerance); };
    if (returned && (differs(source.MinX, again.MinX) || differs(source.MaxX, again.MaxX) ||
                     differs(source.MinY, again.MinY) || differs(source.MaxY, again.MaxY)))
        return "a coordinate lies outside the extent of the layer's CRS (x " + coordinate(source.MinX) + " .. " +
               coordinate(source.MaxX) + ", y " + coordinate(source.MinY) + " .. " + coordinate(source.MaxY) +
               " do not come back from lon/lat)";
    return "";
}

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
