#include "io/inset_layer.hpp"

#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "io/gdal_env.hpp"
#include "io/input_file.hpp"
#include "io/ogr_wgs84.hpp"
#include "io/pg_connection.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

namespace {

std::vector<LonLat> points_of(const OGRSimpleCurve& curve) {
    std::vector<LonLat> out;
    for (int i = 0; i < curve.getNumPoints(); ++i) out.push_back({curve.getX(i), curve.getY(i)});
    return out;
}

void collect(const OGRGeometry& g, InsetLayer& out) {
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPoint: {
            const auto& p = *g.toPoint();
            if (!p.IsEmpty()) out.points.push_back({p.getX(), p.getY()});
            break;
        }
        case wkbLineString:
        case wkbLinearRing:
            out.lines.push_back(points_of(*g.toSimpleCurve()));
            break;
        case wkbPolygon:
            for (const OGRLinearRing* ring : *g.toPolygon()) out.lines.push_back(points_of(*ring));
            break;
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *g.toGeometryCollection()) collect(*part, out);
            break;
        default: {  // curves: their linear approximation
            std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
            if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g.getGeometryType()))
                collect(*linear, out);
        }
    }
}

void extent_of(InsetLayer& l) {
    double e[4] = {1e300, 1e300, -1e300, -1e300};
    auto add = [&](const LonLat& p) {
        e[0] = std::min(e[0], p.lon), e[1] = std::min(e[1], p.lat);
        e[2] = std::max(e[2], p.lon), e[3] = std::max(e[3], p.lat);
    };
    for (const auto& line : l.lines) std::for_each(line.begin(), line.end(), add);
    std::for_each(l.points.begin(), l.points.end(), add);
    if (e[0] > e[2]) throw AtlasError(ErrorKind::Input, quote_value(l.path) + ": no geometry to draw in an inset");
    if (e[0] < -180 || e[2] > 180 || e[1] < -90 || e[3] > 90)
        throw AtlasError(ErrorKind::Input,
                         quote_value(l.path) + ": its extent is not longitude/latitude (give the layer its CRS)");
    // A lone point (or a line along a meridian) has no extent: show a degree around it.
    if (e[2] - e[0] < 0.5) e[0] -= 1, e[2] += 1;
    if (e[3] - e[1] < 0.5) e[1] -= 1, e[3] += 1;
    std::copy(e, e + 4, l.extent);
}

/// Every coordinate a finite longitude and latitude: 1e999 said "its extent is not longitude/latitude
/// (give the layer its CRS)" and a NaN point was drawn nowhere. "" when it is, else why not.
std::string lonlat_fault(OGRGeometry& g) {
    OGREnvelope e;
    g.getEnvelope(&e);
    bool ok = std::isfinite(e.MinX) && std::isfinite(e.MaxX) && std::isfinite(e.MinY) && std::isfinite(e.MaxY) &&
              e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;
    if (ok || g.IsEmpty()) return {};
    char box[160];
    std::snprintf(box, sizeof box, "lon %.6g..%.6g, lat %.6g..%.6g", e.MinX, e.MaxX, e.MinY, e.MaxY);
    return std::string("a coordinate is not a longitude and latitude (") + box + ")";
}

/// Every vertex a finite number: a NaN leaves a geometry's envelope as it was, so a line through
/// one passed lonlat_fault and was drawn with a gap.
bool finite_vertices(const InsetLayer& one) {
    auto finite = [](const LonLat& p) { return std::isfinite(p.lon) && std::isfinite(p.lat); };
    bool ok = std::all_of(one.points.begin(), one.points.end(), finite);
    for (const auto& line : one.lines) ok = ok && std::all_of(line.begin(), line.end(), finite);
    return ok;
}

/// The features of an inset's layers that cannot be drawn, one line for the first of each kind and
/// how many more are like it: the reader stopped at the first, so a file with three bad features
/// was fixed and refused three times.
class InsetFaults {
  public:
    void add(const std::string& kind, const std::string& line) {
        for (auto& f : faults_)
            if (f.kind == kind) return void(++f.more);
        faults_.push_back({kind, line, 0});
    }
    /// One line a kind, "(and N more like it)" where there are.
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        for (const auto& f : faults_)
            out.push_back(f.line + (f.more ? " (and " + with_separators(f.more) + " more like it)" : ""));
        return out;
    }

  private:
    struct Fault {
        std::string kind, line;
        std::uint64_t more;
    };
    std::vector<Fault> faults_;
};

/// What keeps one feature's geometry `g` (read with GDAL error `unread`, if any) from the inset: ""
/// when nothing does, else the problem, its kind set in `kind`. Collects the drawable parts in `one`.
std::string feature_fault(OGRGeometry* g, const std::string& unread, OGRCoordinateTransformation* ct, InsetLayer& one,
                          std::string& kind) {
    // GDAL reads a coordinate that is no number ("a", NaN) as no geometry or an empty one, which was
    // drawn nowhere without a word.
    if (g == nullptr) return kind = "unread", unread;
    if (g->IsEmpty())
        return kind = "empty", "an empty geometry (no coordinates, or ones GDAL could not read, such as NaN)";
    std::string problem = ct ? lonlat_problem(*g, *ct) : std::string();
    if (!problem.empty()) return kind = "transform", problem;
    problem = lonlat_fault(*g);
    if (!problem.empty()) return kind = "lonlat", problem;
    collect(*g, one);
    if (!finite_vertices(one)) return kind = "nan", "a coordinate is not a number (NaN)";
    // A line of one point is drawn as nothing at all.
    for (const auto& line : one.lines)
        if (line.size() < 2)
            return kind = "short", "a line of " + std::to_string(line.size()) + " point (a line needs two)";
    return {};
}

/// Rings whose last point is not their first, closed in `one` (their outline was drawn with a gap).
std::size_t close_rings(const OGRGeometry& g, InsetLayer& one) {
    OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) return 0;
    std::size_t closed = 0;
    for (auto& line : one.lines)
        if (line.size() >= 2 && (line.front().lon != line.back().lon || line.front().lat != line.back().lat))
            line.push_back(line.front()), ++closed;
    return closed;
}

/// Why GEOS finds a polygon feature invalid ("Self-intersection[121.5 25.1]"), "" when it is valid
/// or holds no polygon. An outline is drawn as given either way: the inset only outlines it.
std::string polygon_fault(const GeosContext& geos, const OGRGeometry& g) {
    OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) return {};
    GEOSGeometry* converted = g.exportToGEOS(geos.handle());
    if (converted == nullptr) return {};
    std::string reason;
    if (GEOSisValid_r(geos.handle(), converted) == 0) {
        char* why = GEOSisValidReason_r(geos.handle(), converted);
        reason = why != nullptr ? why : "not valid";
        GEOSFree_r(geos.handle(), why);
    }
    GEOSGeom_destroy_r(geos.handle(), converted);
    return reason;
}

/// What the inset draws differently from the data, said as warnings: a ring not closed is closed, a
/// ring that crosses itself (a bow-tie) is outlined as given.
void note_polygon_faults(const GeosContext& geos, const OGRGeometry& g, InsetLayer& one, const std::string& name,
                         InsetFaults& warnings) {
    if (std::size_t n = close_rings(g, one); n > 0)
        warnings.add("unclosed", name + ": " + std::to_string(n) + (n == 1 ? " ring" : " rings") +
                                     " not closed (the last point is not the first), drawn closed");
    else if (std::string why = polygon_fault(geos, g); !why.empty())
        warnings.add("invalid", name + ": not a valid polygon (GEOS: " + escape_controls(why) + "), outlined as given");
}

}  // namespace

InsetLayer read_inset_layer(const std::string& path) {
    // A FIFO hung GDAL's open for ever; a missing file was "cannot open": said as for any source.
    if (!is_pg_connection(path)) check_input_source(path);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_path(path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw AtlasError(ErrorKind::Input, quote_value(path) + ": cannot open as a vector layer for the inset");
    InsetLayer out;
    out.path = path;
    QuietGdalErrors quiet;
    GeosContext geos;
    InsetFaults faults, left_out;
    for (OGRLayer* layer : ds->GetLayers()) {
        std::unique_ptr<OGRCoordinateTransformation> ct = layer_to_wgs84(*layer, path);
        std::uint64_t ordinal = 0;  // counted as the loop below reads them
        auto feature_name = [&](const OGRFeature& f) {
            return quote_value(path) + ", layer " + quote_value(layer->GetName()) + ", " +
                   feature_label(ordinal, f.GetFID());
        };
        // A driver that reads the whole file at its first feature says why a coordinate was not read
        // then: the reason waits for the feature without geometry it belongs to.
        CPLErrorReset();
        std::string unread;
        for (auto& feature : *layer) {
            ++ordinal;
            OGRGeometry* g = feature->GetGeometryRef();
            if (CPLGetLastErrorType() == CE_Failure) unread = last_gdal_error();
            CPLErrorReset();
            if (g == nullptr && unread.empty()) {  // GeoJSON's "geometry": null: legal, and nothing to draw
                left_out.add("none", feature_name(*feature) + ": no geometry, left out of the inset");
                continue;
            }
            InsetLayer one;
            std::string kind, problem = feature_fault(g, unread, ct.get(), one, kind);
            if (g == nullptr) unread.clear();
            if (!problem.empty()) {
                faults.add(kind, feature_name(*feature) + ": " + problem);
                continue;
            }
            note_polygon_faults(geos, *g, one, feature_name(*feature), left_out);
            out.lines.insert(out.lines.end(), one.lines.begin(), one.lines.end());
            out.points.insert(out.points.end(), one.points.begin(), one.points.end());
        }
        if (CPLGetLastErrorType() == CE_Failure) unread = last_gdal_error();
        if (!unread.empty())
            faults.add("layer", quote_value(path) + ", layer " + quote_value(layer->GetName()) + ": " + unread);
    }
    // A folder whose Shapefile GDAL could not open drew "no geometry to draw in an inset".
    if (out.lines.empty() && out.points.empty())
        if (std::string why = unopened_shapefile(path, ""); !why.empty()) throw AtlasError(ErrorKind::Input, why);
    std::vector<std::string> refused = faults.lines();
    if (!refused.empty()) throw AtlasError(ErrorKind::Input, join(refused, "; "));  // one line, as every error
    out.warnings = left_out.lines();
    extent_of(out);
    return out;
}

}  // namespace atlas
