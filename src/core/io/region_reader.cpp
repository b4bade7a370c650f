#include "io/region_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "io/gdal_env.hpp"
#include "io/postgis.hpp"
#include "io/postgis_open.hpp"
#include "io/wkb.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// How messages name a source: its path, or host, port and database of a connection (no password).
std::string source_name(const std::string& source) {
    return is_pg_connection(source) ? describe_connection(source) : source;
}

std::string where(const LayerSpec& spec) { return source_name(spec.source) + ": layer '" + spec.layer + "'"; }

GDALDatasetUniquePtr open_vector(const std::string& source) {
    if (is_pg_connection(source)) return open_postgis(source, false, ErrorKind::Input);
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (ds) return ds;
    bool is_connection = source.rfind("PG:", 0) == 0;
    if (!is_connection && !std::filesystem::exists(source)) fail_input(source + ": no such file");
    std::string why = last_gdal_error();
    fail_input(source + ": not a readable vector dataset" + (why.empty() ? "" : " (" + why + ")"));
}

int required_field(OGRFeatureDefn* defn, const LayerSpec& spec, const std::string& field, const char* option) {
    int index = defn->GetFieldIndex(field.c_str());
    if (index < 0)
        fail_input(where(spec) + ": no field '" + field + "' (set it with " + option + ")");
    return index;
}

int optional_field(OGRFeatureDefn* defn, const std::string& field) {
    return field.empty() ? -1 : defn->GetFieldIndex(field.c_str());
}

std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRLayer* layer, const LayerSpec& spec, ReadReport& report) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (srs == nullptr) {
        report.warnings.push_back(where(spec) + ": no CRS given; assuming lon/lat WGS84");
        return nullptr;
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.IsSame(&wgs84)) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!ct) fail_input(where(spec) + ": cannot transform its CRS to WGS84 (" + last_gdal_error() + ")");
    return ct;
}

void check_lonlat(const MultiPolygon& g, const std::string& what) {
    for (const Polygon& polygon : g)
        for (const LonLat& p : polygon.outer)
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::fabs(p.lon) > 180 || std::fabs(p.lat) > 90)
                fail_input(what + ": coordinates out of lon/lat range (" + std::to_string(p.lon) + ", " +
                           std::to_string(p.lat) + "); is the CRS right?");
}

/// OGR geometry -> our polygon type, through WKB; invalid input is repaired unless the layer carries
/// the stamp of a validated build (kValidatedStamp).
MultiPolygon read_geometry(const GeosContext& ctx, OGRGeometry* geometry, const std::string& what, bool validate,
                           ReadReport& report) {
    OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon)
        fail_input(what + ": geometry is " + OGRGeometryTypeToName(type) + ", expected Polygon or MultiPolygon");
    geometry->flattenTo2D();
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geometry->WkbSize()));
    geometry->exportToWkb(wkbNDR, wkb.data());
    std::optional<MultiPolygon> parsed = parse_wkb_polygons(wkb.data(), wkb.size());
    if (!parsed) fail_input(what + ": malformed polygon geometry");
    MultiPolygon result = std::move(*parsed);
    check_lonlat(result, what);
    std::string reason;
    if (validate && !is_valid(ctx, result, &reason)) {
        report.warnings.push_back(what + ": invalid geometry (" + reason + "), repaired with MakeValid");
        result = make_valid(ctx, result);
    }
    return result;
}

std::string text_field(OGRFeature& f, int index) { return index >= 0 ? f.GetFieldAsString(index) : ""; }

struct FieldIndexes {
    int code, name, name_en, parent, label_lon, label_lat, seat_lon, seat_lat, source_code, area;
};

FieldIndexes field_indexes(OGRFeatureDefn* defn, const LayerSpec& spec) {
    return {required_field(defn, spec, spec.code_field, "--code-field"),
            required_field(defn, spec, spec.name_field, "--name-field"),
            optional_field(defn, spec.name_en_field),
            optional_field(defn, spec.parent_field),
            optional_field(defn, "label_lon"),
            optional_field(defn, "label_lat"),
            optional_field(defn, "seat_lon"),
            optional_field(defn, "seat_lat"),
            optional_field(defn, "source_code"),
            optional_field(defn, "area_km2")};
}

Region read_feature(const GeosContext& ctx, OGRFeature& f, const FieldIndexes& ix, const LayerSpec& spec,
                    OGRCoordinateTransformation* ct, bool validate, ReadReport& report) {
    Region r;
    r.code = text_field(f, ix.code);
    std::string what = where(spec) + ": feature " + std::to_string(f.GetFID()) + " (" + spec.code_field + " '" +
                       r.code + "')";
    if (r.code.empty()) fail_input(what + ": empty code");
    r.name_zh = text_field(f, ix.name);
    r.name_en = ix.name_en >= 0 ? text_field(f, ix.name_en) : r.name_zh;
    for (const std::string* name : {&r.name_zh, &r.name_en})
        if (!valid_utf8(*name)) fail_input(what + ": name is not valid UTF-8 (re-encode the source, e.g. ogr2ogr -lco ENCODING)");
    r.parent_code = ix.parent >= 0 ? text_field(f, ix.parent) : "";
    if (ix.parent < 0 && r.code.size() == 6 && r.code.substr(2) != "0000") r.parent_code = r.code.substr(0, 2) + "0000";
    r.source_code = text_field(f, ix.source_code);
    OGRGeometry* geometry = f.GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) fail_input(what + ": no geometry");
    if (ct != nullptr && geometry->transform(ct) != OGRERR_NONE)
        fail_input(what + ": cannot transform to WGS84 (" + last_gdal_error() + ")");
    // A stored area (the bundled data's, computed by geodesic_area_km2 at build time) saves the
    // per-vertex geodesic work at every start; other sources get it computed.
    std::size_t warnings_before = report.warnings.size();
    r.geometry = read_geometry(ctx, geometry, what, validate, report);
    bool repaired = report.warnings.size() > warnings_before;
    if (r.geometry.empty()) fail_input(what + ": geometry is empty after repair");
    bool has_area = !repaired && ix.area >= 0 && !f.IsFieldNull(ix.area) && f.GetFieldAsDouble(ix.area) > 0;
    r.area_km2 = has_area ? f.GetFieldAsDouble(ix.area) : geodesic_area_km2(r.geometry);
    bool has_label = ix.label_lon >= 0 && ix.label_lat >= 0 && !f.IsFieldNull(ix.label_lon);
    r.label = has_label ? LonLat{f.GetFieldAsDouble(ix.label_lon), f.GetFieldAsDouble(ix.label_lat)}
                        : label_point(ctx, r.geometry);
    bool has_seat = ix.seat_lon >= 0 && ix.seat_lat >= 0 && !f.IsFieldNull(ix.seat_lon);
    r.seat = has_seat ? LonLat{f.GetFieldAsDouble(ix.seat_lon), f.GetFieldAsDouble(ix.seat_lat)} : r.label;
    return r;
}

}  // namespace

RegionLayer read_regions(const LayerSpec& spec, ReadReport& report) {
    GDALDatasetUniquePtr ds = open_vector(spec.source);
    OGRLayer* layer = ds->GetLayerByName(spec.layer.c_str());
    if (layer == nullptr) {
        std::string names;
        for (OGRLayer* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
        fail_input(source_name(spec.source) + ": no layer '" + spec.layer + "' (layers: " + names + ")");
    }
    if (layer->GetFeatureCount(TRUE) == 0) fail_input(where(spec) + ": layer is empty");
    FieldIndexes ix = field_indexes(layer->GetLayerDefn(), spec);
    std::unique_ptr<OGRCoordinateTransformation> ct = to_wgs84(layer, spec, report);
    // Layers written by build-geodata were validated then; checking 700,000 vertices again at every
    // start would double the start-up time. Any other layer is checked feature by feature.
    const char* stamp = layer->GetMetadataItem(kValidatedStamp);
    bool validate = stamp == nullptr || ct != nullptr;
    GeosContext ctx;
    RegionLayer out{spec.source, spec.layer, {}, !validate};
    std::set<std::string> seen;
    for (auto& feature : *layer) {
        Region r = read_feature(ctx, *feature, ix, spec, ct.get(), validate, report);
        if (!seen.insert(r.code).second)
            fail_input(where(spec) + ": duplicate code '" + r.code + "' in field '" + spec.code_field + "'");
        out.regions.push_back(std::move(r));
    }
    if (out.regions.empty()) fail_input(where(spec) + ": layer is empty");
    return out;
}

}  // namespace atlas
