#include "io/region_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "io/file_commit.hpp"
#include "io/gdal_env.hpp"
#include "io/input_file.hpp"
#include "io/layer_text.hpp"
#include "io/ogr_wgs84.hpp"
#include "io/postgis.hpp"
#include "io/postgis_open.hpp"
#include "io/stored_extent.hpp"
#include "io/validated_stamp.hpp"
#include "io/wkb.hpp"
#include "store/content_hash.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// How messages name a source: its path, or host, port and database of a connection (no password).
std::string source_name(const std::string& source) {
    return is_pg_connection(source) ? describe_connection(source) : escape_controls(source);
}

std::string where(const LayerSpec& spec) { return source_name(spec.source) + ": layer " + quote_value(spec.layer, 80); }

GDALDatasetUniquePtr open_file(const std::string& source, const char* const* open_options) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_path(source).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                              open_options, nullptr));
    if (ds) return ds;
    std::string why = last_gdal_error();
    fail_input(source + ": not a readable vector dataset" + (why.empty() ? "" : " (" + why + ")"));
}

/// Opens the source. A Shapefile is reopened without GDAL's recoding, so that the encoding is
/// decided from its raw bytes (layer_text.hpp) rather than trusted from a .cpg or language driver id.
GDALDatasetUniquePtr open_vector(const std::string& source) {
    if (is_pg_connection(source)) return open_postgis(source, false, ErrorKind::Input);
    if (looks_like_connection(source))  // mistyped: never printed, it holds a password
        fail_input(
            "--geodata looks like a PostgreSQL connection string (it holds a password) but does not start "
            "with PG: or postgresql://");
    ensure_gdal_registered();
    check_input_source(source);
    // A Shapefile whose replacement was cut short (the machine went down mid-commit) is finished before
    // it is read; one that cannot be finished here is refused rather than read half old, half new.
    std::string unfinished = recover_before_read(source);
    if (!unfinished.empty()) fail_input(unfinished);
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr ds = open_file(source, nullptr);
    if (std::string(ds->GetDriver()->GetDescription()) != "ESRI Shapefile") return ds;
    const char* const raw[] = {"ENCODING=", nullptr};
    return open_file(source, raw);
}

int required_field(OGRFeatureDefn* defn, const LayerSpec& spec, const std::string& field, const char* option) {
    int index = defn->GetFieldIndex(field.c_str());
    if (index < 0) fail_input(where(spec) + ": no field " + quote_value(field) + " (set it with " + option + ")");
    return index;
}

/// A field the user named for an optional role: it must be there.
int named_field(OGRFeatureDefn* defn, const LayerSpec& spec, const std::string& field, const char* option) {
    int index = defn->GetFieldIndex(field.c_str());
    if (index < 0) fail_input(where(spec) + ": no field " + quote_value(field) + " (given with " + option + ")");
    return index;
}

int optional_field(OGRFeatureDefn* defn, const std::string& field) {
    return field.empty() ? -1 : defn->GetFieldIndex(field.c_str());
}

/// "EPSG:3857 (WGS 84 / Pseudo-Mercator)", or the CRS's name alone without an authority code.
std::string crs_text(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    const char* name = srs.GetName();
    std::string n = name != nullptr ? escape_controls(name) : std::string("unnamed CRS");
    if (authority == nullptr || code == nullptr) return n;
    return std::string(authority) + ":" + code + " (" + n + ")";
}

/// The .prj a Shapefile layer of `spec` would take its CRS from (FILE.prj beside FILE.shp, or
/// LAYER.prj in a folder source), when there is one: GDAL leaves a .prj it cannot read unsaid, and
/// the layer was reported as having no CRS at all.
std::string prj_beside(const LayerSpec& spec) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path source(spec.source);
    fs::path prj =
        fs::is_directory(source, ec) ? source / (spec.layer + ".prj") : fs::path(source).replace_extension(".prj");
    if (ascii_lower(fs::path(source).extension().string()) != ".shp" && !fs::is_directory(source, ec)) return {};
    return fs::is_regular_file(prj, ec) ? prj.string() : std::string();
}

std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRLayer* layer, const LayerSpec& spec, ReadReport& report) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (srs == nullptr) {
        std::string prj = prj_beside(spec);
        report.warnings.push_back(where(spec) +
                                  (prj.empty() ? std::string(": no CRS given")
                                               : ": its " + quote_value(prj) + " could not be read as a CRS") +
                                  "; assuming lon/lat WGS84");
        return nullptr;
    }
    // EPSG:4326 itself, by its authority: importing it to compare opened PROJ's database, 15 ms of
    // every command that reads a layer (perf, 2026-12-03).
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr && EQUAL(authority, "EPSG") && EQUAL(code, "4326")) return nullptr;
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

struct FieldIndexes {
    int code, name, name_en, parent, label_lon, label_lat, seat_lon, seat_lat, source_code, area, kind, name_en_source,
        geometry_source;
};

FieldIndexes field_indexes(OGRFeatureDefn* defn, const LayerSpec& spec) {
    return {required_field(defn, spec, spec.code_field, "--code-field"),
            required_field(defn, spec, spec.name_field, "--name-field"),
            spec.name_en_field_named ? named_field(defn, spec, spec.name_en_field, "--name-en-field")
                                     : optional_field(defn, spec.name_en_field),
            spec.parent_field_named ? named_field(defn, spec, spec.parent_field, "--province-field")
                                    : optional_field(defn, spec.parent_field),
            optional_field(defn, "label_lon"),
            optional_field(defn, "label_lat"),
            optional_field(defn, "seat_lon"),
            optional_field(defn, "seat_lat"),
            optional_field(defn, "source_code"),
            optional_field(defn, "area_km2"),
            optional_field(defn, "kind"),
            optional_field(defn, "name_en_source"),
            optional_field(defn, "geometry_source")};
}

/// A feature as read, its text still in the source's bytes.
struct RawFeature {
    std::unique_ptr<OGRFeature> feature;
    std::string code, name, name_en, parent, source_code, kind, name_en_source, geometry_source;
};

std::string raw_text(OGRFeature& f, int index) {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
}

/// Every feature of the layer. A read error in the middle (a damaged page, a lost connection) is an
/// error, never the end of the layer: GDAL reports it only through its error state.
std::vector<RawFeature> read_all(OGRLayer* layer, const FieldIndexes& ix, const LayerSpec& spec) {
    std::vector<RawFeature> out;
    layer->ResetReading();
    CPLErrorReset();
    for (;;) {
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
            fail_input(where(spec) + ": read failed after feature " + std::to_string(out.size()) + " (" +
                       last_gdal_error() + ")");
        if (!f) break;
        RawFeature r{nullptr,
                     raw_text(*f, ix.code),
                     raw_text(*f, ix.name),
                     raw_text(*f, ix.name_en),
                     raw_text(*f, ix.parent),
                     raw_text(*f, ix.source_code),
                     raw_text(*f, ix.kind),
                     raw_text(*f, ix.name_en_source),
                     raw_text(*f, ix.geometry_source)};
        r.feature = std::move(f);
        out.push_back(std::move(r));
    }
    GIntBig expected = layer->GetFeatureCount(FALSE);
    if (expected >= 0 && static_cast<std::size_t>(expected) != out.size())
        fail_input(where(spec) + ": read " + std::to_string(out.size()) + " of its " + std::to_string(expected) +
                   " features (the file may be damaged)");
    return out;
}

/// The layer's declared encoding (a Shapefile's .cpg, else its .dbf language driver id).
std::pair<std::string, std::string> declared_encoding(OGRLayer* layer) {
    const char* cpg = layer->GetMetadataItem("ENCODING_FROM_CPG", "SHAPEFILE");
    if (cpg != nullptr && *cpg != '\0') return {cpg, "its .cpg"};
    const char* ldid = layer->GetMetadataItem("ENCODING_FROM_LDID", "SHAPEFILE");
    if (ldid != nullptr && *ldid != '\0') return {ldid, "the .dbf's language driver id"};
    return {"", ""};
}

LayerTextEncoding decide_encoding(OGRLayer* layer, const std::vector<RawFeature>& raw, const LayerSpec& spec) {
    std::vector<FeatureText> features;
    for (const RawFeature& r : raw)
        features.push_back({"feature " + std::to_string(r.feature->GetFID()) + " (" + spec.code_field + " " +
                                quote_value(r.code, 40) + ")",
                            {r.name, r.code, r.name_en, r.parent, r.source_code}});
    auto [declared, how] = declared_encoding(layer);
    return decide_layer_encoding(features, declared, how, where(spec));
}

/// A coordinate as the user wrote it, short: 500, 1e+300, nan.
std::string coordinate(double v) { return short_number(v, 10); }

/// Reprojects a feature's geometry to lon/lat (io/ogr_wgs84.hpp lonlat_problem), or fails naming it.
void to_lonlat(OGRGeometry& geometry, OGRCoordinateTransformation& ct, const std::string& what) {
    std::string problem = lonlat_problem(geometry, ct);
    if (!problem.empty()) fail_input(what + ": " + problem);
}

void check_ring(const Ring& ring, std::size_t index, const std::string& what) {
    for (const LonLat& p : ring)
        if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::fabs(p.lon) > 180 || std::fabs(p.lat) > 90)
            fail_input(what + ": ring " + std::to_string(index) + ": coordinates out of lon/lat range (" +
                       coordinate(p.lon) + ", " + coordinate(p.lat) + "); is the CRS right?");
    if (ring.size() < 4)
        fail_input(what + ": ring " + std::to_string(index) + " has " + std::to_string(ring.size()) +
                   " positions (a closed ring needs at least 4)");
}

/// A unit of China lies within a few degrees of China's extent (lon 73.5..135.1, lat 3.8..53.6, the
/// Nansha islands included): a feature reaching past that (a whole-world box, a ring across the
/// antimeridian) was taken as Beijing of 510 million km², its label at lon 0, and the map shrunk to
/// fit it. The layer's own check (check_over_china) sees only a layer wholly elsewhere.
void check_near_china(const MultiPolygon& g, const std::string& what) {
    double west = 180, east = -180, south = 90, north = -90;
    for (const Polygon& p : g)
        for (const LonLat& q : p.outer)
            west = std::min(west, q.lon), east = std::max(east, q.lon), south = std::min(south, q.lat),
            north = std::max(north, q.lat);
    if (west >= 70 && east <= 140 && south >= 0 && north <= 57) return;
    char box[128];
    std::snprintf(box, sizeof box, "lon %.4g..%.4g, lat %.4g..%.4g", west, east, south, north);
    fail_input(what + ": reaches " + box + ", past China (lon 73..135, lat 3..54); " +
               (east - west > 180 ? "does it cross the antimeridian or cover the globe? " : "") + "is its CRS right?");
}

/// Every ring of every polygon, holes too: finite lon/lat in range, closed (an open ring is closed,
/// as GDAL and QGIS do, with a warning), at least 4 positions.
void check_rings(MultiPolygon& g, const std::string& what, ReadReport& report) {
    std::size_t index = 0, closed = 0;
    auto visit = [&](Ring& ring) {
        // Counted as written ("has 3 positions" was said of a ring of 2 once closed): an open ring
        // needs 3 positions, a closed one 4.
        std::size_t written = ring.size();
        bool open = written > 0 && !(ring.front().lon == ring.back().lon && ring.front().lat == ring.back().lat);
        if (written > 0 && written < (open ? 3u : 4u))
            fail_input(what + ": ring " + std::to_string(index) + " has " + std::to_string(written) +
                       (written == 1 ? " position" : " positions") +
                       " (a ring needs at least 4, its first repeated last)");
        if (open) {
            ring.push_back(ring.front());
            ++closed;
        }
        check_ring(ring, index++, what);
    };
    for (Polygon& polygon : g) {
        visit(polygon.outer);
        for (Ring& hole : polygon.holes) visit(hole);
    }
    check_near_china(g, what);
    if (closed > 0)
        report.warnings.push_back(what + ": " + std::to_string(closed) +
                                  " ring(s) not closed (first and last positions "
                                  "differ); closed them");
}

/// OGR geometry -> our polygon type, through WKB; checked whole (check_rings), then repaired with
/// GEOS MakeValid unless the layer carries the stamp of a validated build (kValidatedStamp).
MultiPolygon read_geometry(const GeosContext& ctx, OGRGeometry* geometry, const std::string& what, bool validate,
                           Datum datum, ReadReport& report) {
    OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon)
        fail_input(what + ": geometry is " + OGRGeometryTypeToName(type) + ", expected Polygon or MultiPolygon");
    geometry->flattenTo2D();
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geometry->WkbSize()));
    geometry->exportToWkb(wkbNDR, wkb.data());
    std::optional<MultiPolygon> parsed = parse_wkb_polygons(wkb.data(), wkb.size());
    if (!parsed) fail_input(what + ": malformed polygon geometry");
    MultiPolygon result = std::move(*parsed);
    check_rings(result, what, report);
    if (datum != Datum::Wgs84)
        for (Polygon& polygon : result) {
            for (LonLat& p : polygon.outer) p = to_wgs84(p, datum);
            for (Ring& hole : polygon.holes)
                for (LonLat& p : hole) p = to_wgs84(p, datum);
        }
    std::string reason;
    // GEOS messages never reach the user alone: they are wrapped with the feature they concern.
    try {
        if (validate && !is_valid(ctx, result, &reason)) {
            std::size_t dropped = drop_holes_outside_shells(ctx, result);
            report.warnings.push_back(what + ": invalid geometry (" + reason + "), repaired with MakeValid" +
                                      (dropped > 0 ? " after dropping " + std::to_string(dropped) +
                                                         " hole(s) outside their shell (not counted as land)"
                                                   : ""));
            bool holes = std::any_of(result.begin(), result.end(), [](const Polygon& p) { return !p.holes.empty(); });
            result = holes ? make_valid_keeping_holes(ctx, result) : make_valid(ctx, result);
        }
    } catch (const AtlasError& e) {
        fail_input(what + ": " + e.message());
    }
    return result;
}

struct ReadContext {
    const LayerSpec& spec;
    UnitLevel level;
    const FieldIndexes& ix;
    OGRCoordinateTransformation* ct;
    bool validate;
    const LayerTextEncoding& text;
    bool attributes_only;                 ///< the geometry was not read (LayerSpec::attributes_only, honoured)
    const DerivedUnits* known = nullptr;  ///< validity, areas and labels kept from an earlier read
    DerivedUnits* derived = nullptr;      ///< where to put them when they are derived now, to keep
};

/// A unit of a trusted layer read without its geometry: its stored area, label point and seat.
Region with_stored_points(Region& r, OGRFeature& f, const ReadContext& c) {
    const FieldIndexes& ix = c.ix;
    r.area_km2 = f.GetFieldAsDouble(ix.area);
    r.label = {f.GetFieldAsDouble(ix.label_lon), f.GetFieldAsDouble(ix.label_lat)};
    bool has_seat = ix.seat_lon >= 0 && ix.seat_lat >= 0 && !f.IsFieldNull(ix.seat_lon);
    r.seat = has_seat ? LonLat{f.GetFieldAsDouble(ix.seat_lon), f.GetFieldAsDouble(ix.seat_lat)} : r.label;
    return std::move(r);
}

/// A unit with its area and label point (derived now or kept), and its seat where the source gives one.
Region with_derived(Region& r, OGRFeature& f, const ReadContext& c, const DerivedUnit& derived) {
    const FieldIndexes& ix = c.ix;
    r.area_km2 = derived.area_km2;
    r.label = derived.label;
    bool has_seat = ix.seat_lon >= 0 && ix.seat_lat >= 0 && !f.IsFieldNull(ix.seat_lon);
    r.seat =
        has_seat ? to_wgs84({f.GetFieldAsDouble(ix.seat_lon), f.GetFieldAsDouble(ix.seat_lat)}, c.spec.datum) : r.label;
    return std::move(r);
}

/// The key of a layer's content as read, before any reprojection: what its derived values depend on
/// (store/layer_memo.hpp). Every feature's code and geometry bytes, the CRS, the datum and the level.
std::string layer_content_key(OGRLayer* layer, const std::vector<RawFeature>& raw, const LayerSpec& spec,
                              UnitLevel level) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(kLayerMemoVersion))
        .add(static_cast<std::uint64_t>(level))
        .add(static_cast<std::uint64_t>(spec.datum));
    char* wkt = nullptr;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) srs->exportToWkt(&wkt);
    h.add(std::string_view(wkt != nullptr ? wkt : ""));
    CPLFree(wkt);
    h.add(static_cast<std::uint64_t>(raw.size()));
    std::vector<unsigned char> wkb;
    for (const RawFeature& r : raw) {
        h.add(r.code);
        OGRGeometry* g = r.feature->GetGeometryRef();
        wkb.resize(g != nullptr ? static_cast<std::size_t>(g->WkbSize()) : 0);
        if (g != nullptr) g->exportToWkb(wkbNDR, wkb.data());
        h.add(std::string_view(reinterpret_cast<const char*>(wkb.data()), wkb.size()));
    }
    return h.hex();
}

/// A county-level unit's prefecture-level unit from its code, for a layer without a prefecture field:
/// PPCC00, except in the municipalities (and Hong Kong, Macau, Taiwan), which are their own
/// prefecture-level unit PP0000 in the prefecture layer (110101 Dongcheng is in 110000 Beijing).
std::string county_parent(const std::string& code) {
    static const std::set<std::string> own_prefecture{"11", "12", "31", "50", "71", "81", "82"};
    return own_prefecture.count(code.substr(0, 2)) > 0 ? code.substr(0, 2) + "0000" : code.substr(0, 4) + "00";
}

Region read_feature(const GeosContext& ctx, RawFeature& raw, const ReadContext& c, ReadReport& report) {
    OGRFeature& f = *raw.feature;
    Region r;
    r.code = decode_layer_text(raw.code, c.text);
    std::string what = where(c.spec) + ": feature " + std::to_string(f.GetFID()) + " (" + c.spec.code_field + " " +
                       quote_value(r.code, 40) + ")";
    r.name_zh = decode_layer_text(raw.name, c.text);
    r.name_en = c.ix.name_en >= 0 ? decode_layer_text(raw.name_en, c.text) : r.name_zh;
    if (r.name_en.empty()) r.name_en = r.name_zh;
    r.parent_code = decode_layer_text(raw.parent, c.text);
    // Without a province field, a prefecture-level unit's province is in its code (a municipality,
    // 110000, is its own province, as in the bundled data).
    if (c.ix.parent < 0 && c.level == UnitLevel::Prefecture) r.parent_code = r.code.substr(0, 2) + "0000";
    if (c.ix.parent < 0 && c.level == UnitLevel::County) r.parent_code = county_parent(r.code);
    r.source_code = decode_layer_text(raw.source_code, c.text);
    r.kind = decode_layer_text(raw.kind, c.text);
    r.name_en_source = decode_layer_text(raw.name_en_source, c.text);
    r.geometry_source = decode_layer_text(raw.geometry_source, c.text);
    if (c.attributes_only) return with_stored_points(r, f, c);
    OGRGeometry* geometry = f.GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) fail_input(what + ": no geometry");
    if (c.ct != nullptr) to_lonlat(*geometry, *c.ct, what);
    // A stored area (the bundled data's, computed by geodesic_area_km2 at build time) saves the
    // per-vertex geodesic work at every start; other sources get it computed.
    std::size_t warnings_before = report.warnings.size();
    const DerivedUnit* memo = nullptr;
    if (c.known != nullptr)
        if (auto it = c.known->find(r.code); it != c.known->end()) memo = &it->second;
    // A geometry an earlier read of this same layer found valid is not checked again.
    r.geometry =
        read_geometry(ctx, geometry, what, c.validate && (memo == nullptr || !memo->valid), c.spec.datum, report);
    bool repaired = report.warnings.size() > warnings_before;
    if (r.geometry.empty()) fail_input(what + ": geometry is empty after repair");
    const FieldIndexes& ix = c.ix;
    if (memo != nullptr) return with_derived(r, f, c, *memo);
    // Stored areas and label points are trusted only from a layer build-geodata wrote and stamped:
    // anyone else's area_km2 or label_lon is just a column, and the README promises computed areas.
    bool trusted = !c.validate;
    bool has_area = trusted && !repaired && ix.area >= 0 && !f.IsFieldNull(ix.area) && f.GetFieldAsDouble(ix.area) > 0;
    r.area_km2 = has_area ? f.GetFieldAsDouble(ix.area) : geodesic_area_km2(r.geometry);
    // A ring of points a ten-billionth of a degree apart is valid and was listed at 0 km² without a
    // word: no administrative unit is smaller than a square metre.
    // (A unit off China is left to check_over_china: its CRS, not its size, is what is wrong.)
    const LonLat& corner = r.geometry.front().outer.front();
    bool over_china = corner.lon > 70 && corner.lon < 140 && corner.lat > 15 && corner.lat < 56;
    if (over_china && !(r.area_km2 >= 1e-6))
        fail_input(what + ": geometry has no area (" + short_number(r.area_km2 * 1e6, 3) +
                   " m²): a collapsed polygon, not a unit's boundary");
    bool has_label = trusted && ix.label_lon >= 0 && ix.label_lat >= 0 && !f.IsFieldNull(ix.label_lon);
    try {
        r.label = has_label
                      ? to_wgs84({f.GetFieldAsDouble(ix.label_lon), f.GetFieldAsDouble(ix.label_lat)}, c.spec.datum)
                      : label_point(ctx, r.geometry);
    } catch (const AtlasError& e) {
        fail_input(what + ": " + e.message());
    }
    if (c.derived != nullptr) (*c.derived)[r.code] = {!repaired, r.area_km2, r.label};
    return with_derived(r, f, c, {!repaired, r.area_km2, r.label});
}

/// The features' own warnings (a geometry repaired, a ring closed), the first few in full and the rest
/// counted in one line: a county layer rounded to 6 decimals gave 831 lines (140 kB) of "invalid
/// geometry ... repaired with MakeValid" before its listing.
void bound_feature_warnings(ReadReport& report, std::size_t first, const LayerSpec& spec) {
    constexpr std::size_t kShown = 5;
    if (report.warnings.size() <= first + kShown + 1) return;
    std::size_t more = report.warnings.size() - first - kShown;
    report.warnings.resize(first + kShown);
    report.warnings.push_back(where(spec) + ": " + std::to_string(more) +
                              " more features repaired or closed as the ones above (not listed one by one)");
}

/// The units of a China atlas lie over China: a layer entirely elsewhere has the wrong CRS (lon/lat
/// data declared as UTM metres lands at lat 0.0003) or the wrong datum, and must not be measured.
void check_over_china(const RegionLayer& layer, const LayerSpec& spec) {
    double west = 180, east = -180, south = 90, north = -90;
    for (const Region& r : layer.regions)
        for (const Polygon& p : r.geometry)
            for (const LonLat& q : p.outer)
                west = std::min(west, q.lon), east = std::max(east, q.lon), south = std::min(south, q.lat),
                north = std::max(north, q.lat);
    if (east < 70 || west > 140 || north < 15 || south > 56) {
        char box[128];
        std::snprintf(box, sizeof box, "lon %.4g..%.4g, lat %.4g..%.4g", west, east, south, north);
        fail_input(where(spec) + ": lies at " + box + ", not over China (lon 73..135, lat 18..54); is its CRS right?");
    }
}

/// A prefecture-level unit's province is the first two digits of its GB/T 2260 code: a province
/// field that says otherwise ('110000' for Nanjing, 'abc', empty) moved it to another province, or
/// to none, without a word. The code's province is taken, and one warning names the first few.
void check_provinces(RegionLayer& layer, const LayerSpec& spec, ReadReport& report) {
    std::vector<std::string> wrong;
    for (Region& r : layer.regions) {
        std::string province = r.code.substr(0, 2) + "0000";
        if (r.parent_code == province) continue;
        wrong.push_back(quote_value(r.code, 10) + " " + quote_value(r.parent_code, 20));
        r.parent_code = province;
    }
    if (wrong.empty()) return;
    report.warnings.push_back(
        where(spec) + ": " + std::to_string(wrong.size()) + " of " + std::to_string(layer.regions.size()) +
        " units have a " + quote_value(spec.parent_field, 40) + " that is not the province of their code (" +
        join_first(wrong, ", ", 3, [](std::size_t n) { return ", and " + std::to_string(n) + " more"; }) +
        "); the code's province is taken");
}

/// Features that are not administrative units of the level, with why: one warning line for all.
class Skipped {
  public:
    void add(const std::string& feature, const std::string& why) {
        if (listed_.size() < 3) listed_.push_back(feature + ": " + why);
        ++count_;
    }
    std::size_t count() const { return count_; }
    std::string describe(UnitLevel level) const {
        std::string more = count_ > listed_.size() ? "; and " + std::to_string(count_ - listed_.size()) + " more" : "";
        return std::to_string(count_) + (count_ == 1 ? " feature" : " features") + " skipped, not a " +
               to_string(level) + " (" + join(listed_) + more + ")";
    }

  private:
    std::vector<std::string> listed_;
    std::size_t count_ = 0;
};

/// Unit names holding a control character (a line break, ESC, a tab), said once per layer: a label
/// or a table cell would break at it, and every output shows it escaped ("\\x1B").
struct ControlNames {
    std::size_t count = 0;
    std::string first;
    void add(const Region& r, GIntBig fid) {
        if (count++ == 0)
            first = "feature " + std::to_string(fid) + " (code " + quote_value(r.code, 20) +
                    "): " + quote_value(has_controls(r.name_zh) ? r.name_zh : r.name_en, 40);
    }
    std::string describe() const {
        return std::to_string(count) + (count == 1 ? " unit name holds" : " unit names hold") +
               " a control character, shown escaped: " + first + (count > 1 ? " and more" : "");
    }
};

}  // namespace

std::string layer_metadata_item(const LayerSpec& spec, const std::string& key) {
    GDALDatasetUniquePtr ds;
    try {
        ds = open_vector(spec.source);
    } catch (const AtlasError&) {
        return {};
    }
    QuietGdalErrors quiet;
    OGRLayer* layer = spec.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(spec.layer.c_str());
    const char* value = layer != nullptr ? layer->GetMetadataItem(key.c_str()) : nullptr;
    return value != nullptr ? value : "";
}

RegionLayer read_regions(const LayerSpec& spec, UnitLevel level, ReadReport& report, const LayerMemoAccess* memo) {
    GDALDatasetUniquePtr ds = open_vector(spec.source);
    QuietGdalErrors quiet;
    CPLErrorReset();
    OGRLayer* layer = ds->GetLayerByName(spec.layer.c_str());
    if (layer == nullptr) {
        std::string reason = CPLGetLastErrorType() >= CE_Failure ? last_gdal_error() : "";
        // A folder's Shapefile GDAL could not open is no layer of it: why, in place of the list.
        if (std::string why = unopened_shapefile(spec.source, spec.layer); !why.empty()) fail_input(why);
        std::vector<std::string> listed;
        for (OGRLayer* l : ds->GetLayers()) listed.push_back(l->GetName());
        // Listed, yet not opened (a server's statement_timeout cancelled the query): "no layer
        // 'boundaries.provinces' (layers: boundaries.provinces, ...)" contradicted itself.
        if (std::find(listed.begin(), listed.end(), spec.layer) != listed.end())
            fail_input(source_name(spec.source) + ": layer " + quote_value(spec.layer) +
                       " is there but could not be read" +
                       (reason.empty() ? std::string() : " (" + one_line_message(without_passwords(reason)) + ")"));
        std::string names = join(listed, ", ");
        fail_input(source_name(spec.source) + ": no layer " + quote_value(spec.layer) +
                   " (layers: " + escape_controls(names) + ")");
    }
    // A folder's Shapefile without its .dbf opens as a layer without fields ("no field 'code'").
    check_folder_shapefiles(spec.source, spec.layer);
    // Layers written by build-geodata were validated then; checking 700,000 vertices again at every
    // start would double the start-up time. Any other layer, or one changed since (its stamp's
    // digest no longer matching), is checked feature by feature.
    const char* stamp_value = layer->GetMetadataItem(kValidatedStamp);
    std::string stamp = stamp_value != nullptr ? stamp_value : "";
    // A stamp describes the whole layer: read whole for it when only a part is read below.
    std::optional<bool> stamp_holds;
    if (stamp_value != nullptr && !spec.where.empty()) stamp_holds = stamp_describes(stamp, *layer, where(spec));
    if (!spec.where.empty() && layer->SetAttributeFilter(spec.where.c_str()) != OGRERR_NONE)
        fail_input(where(spec) + ": cannot filter by " + quote_value(spec.where, 60) + " (" + last_gdal_error() + ")");
    if (layer->GetFeatureCount(TRUE) == 0) fail_input(where(spec) + ": layer is empty");
    FieldIndexes ix = field_indexes(layer->GetLayerDefn(), spec);
    std::unique_ptr<OGRCoordinateTransformation> ct = to_wgs84(layer, spec, report);
    bool may_trust = stamp_value != nullptr && ct == nullptr && spec.datum == Datum::Wgs84;
    if (!may_trust) stamp_holds = false;
    // Without geometry only where the stored areas and label points are trusted (read_feature).
    auto stored_values = [&] {
        return spec.attributes_only && stamp_holds.value_or(false) && ix.area >= 0 && ix.label_lon >= 0 &&
               ix.label_lat >= 0;
    };
    if (stored_values()) {  // checked above: the part read needs no geometry
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        layer->SetIgnoredFields(ignored);
    }
    std::vector<RawFeature> raw = read_all(layer, ix, spec);
    if (raw.empty()) fail_input(where(spec) + ": layer is empty");
    if (!stamp_holds.has_value()) {
        std::vector<const OGRFeature*> features;
        for (const RawFeature& r : raw) features.push_back(r.feature.get());
        stamp_holds = stamp_describes(stamp, features);
    }
    bool validate = !stamp_holds.value_or(false);
    if (may_trust && validate)
        report.warnings.push_back(where(spec) +
                                  (stamp_has_digest(stamp)
                                       ? ": changed since ClusterAtlas validated it (its " +
                                             std::string(kValidatedStamp) + " stamp does not match its content)"
                                       : ": its " + std::string(kValidatedStamp) +
                                             " stamp is from an older ClusterAtlas and names no content") +
                                  ": every geometry is checked, and areas and label points are computed, not read");
    // The stored values of the layer itself: its geometry-free twin table (which build-geodata still
    // writes) was read instead, and an edit of the twin alone went unnoticed.
    bool attributes_only = stored_values();
    if (attributes_only)
        for (RawFeature& r : raw) r.feature->SetGeometryDirectly(nullptr);
    LayerTextEncoding text = decide_encoding(layer, raw, spec);
    if (!text.note.empty()) report.warnings.push_back(text.note);
    GeosContext ctx;
    RegionLayer out{spec.source, spec.layer, {}, !validate};
    if (ct != nullptr) out.reprojected_from = crs_text(*layer->GetSpatialRef());
    std::map<std::string, GIntBig> seen;  // code -> the feature that had it first
    Skipped skipped;
    // What an unstamped layer's geometry gives is kept by content: read again, it is looked up.
    std::string memo_key;
    std::optional<DerivedUnits> known;
    DerivedUnits derived;
    if (memo != nullptr && validate && !attributes_only) {
        memo_key = layer_content_key(layer, raw, spec, level);
        if (memo->find) known = memo->find(memo_key);
    }
    ReadContext context{spec,
                        level,
                        ix,
                        ct.get(),
                        validate,
                        text,
                        attributes_only,
                        known ? &*known : nullptr,
                        memo_key.empty() || known ? nullptr : &derived};
    std::size_t warnings_before = report.warnings.size();
    ControlNames names_with_controls;
    for (RawFeature& r : raw) {
        std::string code = decode_layer_text(r.code, text), name = decode_layer_text(r.name, text);
        std::string why = unit_code_problem(code, level);
        if (name.empty()) why += std::string(why.empty() ? "" : ", ") + "no name";
        if (!why.empty()) {
            skipped.add("feature " + std::to_string(r.feature->GetFID()) + " (" + spec.code_field + " " +
                            quote_value(code, 40) + ")",
                        why);
            continue;
        }
        auto [first, fresh] = seen.emplace(code, r.feature->GetFID());
        if (!fresh)
            fail_input(where(spec) + ": duplicate code " + quote_value(code) + " in field " +
                       quote_value(spec.code_field) + " (features " + std::to_string(first->second) + " and " +
                       std::to_string(r.feature->GetFID()) + ")");
        out.regions.push_back(read_feature(ctx, r, context, report));
        const Region& read = out.regions.back();
        if (has_controls(read.name_zh) || has_controls(read.name_en))
            names_with_controls.add(read, r.feature->GetFID());
    }
    bound_feature_warnings(report, warnings_before, spec);
    if (names_with_controls.count > 0) report.warnings.push_back(where(spec) + ": " + names_with_controls.describe());
    if (out.regions.empty())
        fail_input(where(spec) + ": no " + to_string(level) + " in it: " + skipped.describe(level) +
                   "; check --code-field and --name-field");
    if (skipped.count() > 0) report.warnings.push_back(where(spec) + ": " + skipped.describe(level));
    if (level == UnitLevel::Prefecture && ix.parent >= 0) check_provinces(out, spec, report);
    if (!attributes_only) check_over_china(out, spec);
    if (attributes_only && spec.where.empty()) out.stored_extent = stored_extent(*ds, spec.layer);
    if (!memo_key.empty() && !known && memo->keep) memo->keep(memo_key, derived);
    // In code order whatever the source's (a FlatGeobuf comes in spatial-index order, a database in
    // any): every listing and export is the same for the same units.
    std::sort(out.regions.begin(), out.regions.end(), [](const Region& a, const Region& b) { return a.code < b.code; });
    return out;
}

}  // namespace atlas
