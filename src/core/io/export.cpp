#include "io/export.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <gdal_priv.h>

#include "analysis/coverage.hpp"
#include "io/gdal_env.hpp"
#include "io/postgis.hpp"
#include "error.hpp"
#include "geo/orientation.hpp"
#include "geo/simplify_coverage.hpp"
#include "io/export_tables.hpp"
#include "io/geojson_writer.hpp"
#include "io/vector_writer.hpp"

namespace fs = std::filesystem;

namespace atlas {

namespace {
constexpr std::pair<ExportLayer, const char*> kLayerNames[] = {{ExportLayer::Provinces, "provinces"},
                                                              {ExportLayer::Prefectures, "prefectures"},
                                                              {ExportLayer::Regions, "regions"},
                                                              {ExportLayer::Hubs, "hubs"},
                                                              {ExportLayer::Coverage, "coverage"}};
const char* kFormats[] = {"GeoJSON", "GeoJSONSeq", "GPKG", "FlatGeobuf", "ESRI Shapefile", "KML", "CSV", "PostgreSQL"};
}  // namespace

const char* to_string(ExportLayer layer) {
    for (const auto& [l, name] : kLayerNames)
        if (l == layer) return name;
    return "?";
}

std::vector<ExportLayer> parse_export_layers(const std::string& name) {
    if (name == "all") return {ExportLayer::Provinces, ExportLayer::Prefectures, ExportLayer::Regions, ExportLayer::Hubs,
                               ExportLayer::Coverage};
    for (const auto& [l, n] : kLayerNames)
        if (name == n) return {l};
    throw AtlasError(ErrorKind::Usage,
                     "unknown layer '" + name + "' (use provinces, prefectures, regions, hubs, coverage or all)");
}

std::string export_driver(const ExportRequest& request) {
    bool to_postgis = is_pg_connection(request.output);
    if (to_postgis && !request.driver.empty() && request.driver != "PostgreSQL")
        throw AtlasError(ErrorKind::Usage, "a PG: connection takes --format PostgreSQL, not '" + request.driver + "'");
    if (!to_postgis && request.driver == "PostgreSQL")
        throw AtlasError(ErrorKind::Usage, "--format PostgreSQL writes to a database: -o \"PG:host=... dbname=... user=...\"");
    if (to_postgis) return "PostgreSQL";
    if (!request.driver.empty()) {
        for (const char* f : kFormats)
            if (request.driver == f) return f;
        throw AtlasError(ErrorKind::Usage, "unknown format '" + request.driver +
                                               "' (use GeoJSON, GeoJSONSeq, GPKG, FlatGeobuf, \"ESRI Shapefile\", KML, CSV "
                                               "or PostgreSQL with -o PG:...)");
    }
    std::string from_extension = request.output == "-" ? "" : driver_for_extension(request.output);
    return from_extension.empty() ? "GeoJSON" : from_extension;
}

namespace {

bool is_geojson(const std::string& driver) { return driver == "GeoJSON" || driver == "GeoJSONSeq"; }

ExportSelection select(Document& doc, const ExportRequest& request) {
    ExportSelection sel;
    sel.industry = request.industry;
    sel.regions_chosen = !request.regions.empty();
    sel.filtered = sel.regions_chosen || !request.industry.empty();
    for (const PlanRegion& r : doc.plan().regions) {
        bool chosen = request.regions.empty() ||
                      std::find(request.regions.begin(), request.regions.end(), r.id) != request.regions.end();
        if (chosen && (request.industry.empty() || doc.plan().designates(r, request.industry)))
            sel.regions.push_back(&doc.shape(r));
    }
    if (sel.regions.empty())
        throw AtlasError(ErrorKind::NotFound, "the selection is empty: no region " +
                                                  (request.industry.empty() ? std::string("matches")
                                                                            : "is designated for '" + request.industry + "'") +
                                                  "; nothing written");
    for (const RegionShape* s : sel.regions) {
        for (const Region* u : s->units) sel.unit_codes.insert(u->code);
        sel.province_codes.insert(s->provinces.begin(), s->provinces.end());
    }
    return sel;
}

OutLayer build_table(Document& doc, ExportLayer kind, const ExportSelection& sel) {
    switch (kind) {
        case ExportLayer::Provinces: return provinces_table(doc, sel);
        case ExportLayer::Prefectures: return prefectures_table(doc, sel);
        case ExportLayer::Regions: return regions_table(doc, sel);
        case ExportLayer::Hubs: return hubs_table(doc, sel);
        case ExportLayer::Coverage: return coverage_table(doc, sel);
    }
    return {};
}

void simplify_layer(OutLayer& layer, double metres) {
    std::vector<const MultiPolygon*> geometries;
    for (const OutFeature& f : layer.features) geometries.push_back(&f.polygons);
    std::vector<MultiPolygon> simplified = simplify_coverage(geometries, metres_to_degrees(metres));
    for (std::size_t i = 0; i < layer.features.size(); ++i) layer.features[i].polygons = std::move(simplified[i]);
}

/// Precision first, then orientation: rounding after orienting is what breaks rings (SOURCE-NOTES 6).
void finish_geometry(OutLayer& layer, std::optional<int> precision, bool rfc7946) {
    for (OutFeature& f : layer.features) {
        if (layer.points) {
            if (precision) {
                double scale = std::pow(10.0, *precision);
                f.point = {std::round(f.point.lon * scale) / scale, std::round(f.point.lat * scale) / scale};
            }
            continue;
        }
        if (precision) round_coordinates(f.polygons, *precision);
        if (rfc7946) orient_rfc7946(f.polygons);
    }
}

WriteOptions write_options(const std::string& driver, const ExportRequest& request, std::optional<int> precision) {
    // The LIBKML driver writes attributes as ExtendedData that both KML drivers read back; the older
    // KML driver's schema is not read by LIBKML, which GDAL prefers when reading.
    std::string gdal_driver = driver == "KML" && GetGDALDriverManager()->GetDriverByName("LIBKML") ? "LIBKML" : driver;
    WriteOptions o{gdal_driver, {}, {}, request.force, precision.value_or(15), request.progress};
    if (driver == "ESRI Shapefile") o.layer_options = {"ENCODING=UTF-8"};
    else if (driver == "CSV") o.layer_options = {"GEOMETRY=AS_WKT"};
    return o;
}

std::uintmax_t size_of(const std::string& path) {
    std::error_code ec;
    std::uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

}  // namespace

ExportResult export_layers(Document& doc, const ExportRequest& request) {
    ensure_gdal_registered();
    std::string driver = export_driver(request);
    bool to_stdout = request.output == "-";
    if (to_stdout && !is_geojson(driver))
        throw AtlasError(ErrorKind::Usage, "only GeoJSON and GeoJSONSeq can be written to stdout ('-o -')");
    if (request.output.empty()) throw AtlasError(ErrorKind::Usage, "no output given (-o PATH, or -o - for stdout)");
    std::optional<int> precision = request.precision;
    if (!precision && is_geojson(driver)) precision = 6;
    if (precision && (*precision < 0 || *precision > 15))
        throw AtlasError(ErrorKind::Usage, "--precision must be 0 to 15, not " + std::to_string(*precision));
    if (to_stdout && request.layers.size() > 1)
        throw AtlasError(ErrorKind::Output, "-: GeoJSON on stdout holds one layer; write one layer at a time");
    ExportSelection sel = select(doc, request);
    std::vector<OutLayer> layers;
    bool to_postgis = is_pg_connection(request.output);
    ExportResult result{to_stdout ? "-" : to_postgis ? describe_connection(request.output) : request.output, driver, 0, 0};
    if (!request.table.empty() && request.layers.size() != 1)
        throw AtlasError(ErrorKind::Usage, "--table names the table of one layer; export the layers one at a time");
    for (ExportLayer kind : request.layers) {
        OutLayer layer = build_table(doc, kind, sel);
        if (!request.table.empty()) layer.name = request.table;
        if (request.simplify_m > 0 && !layer.points) simplify_layer(layer, request.simplify_m);
        finish_geometry(layer, precision, is_geojson(driver));
        result.features += layer.features.size();
        layers.push_back(std::move(layer));
    }
    WriteOptions options = write_options(driver, request, precision);
    if (!to_stdout) {
        write_layers(request.output, layers, options);
        if (!to_postgis) result.bytes = size_of(request.output);
        if (to_postgis) {
            PgConnection c = parse_pg_connection(request.output, ErrorKind::Output);
            std::string tables;
            for (const OutLayer& layer : layers) tables += (tables.empty() ? "" : ", ") + postgis_table_name(layer.name, c);
            result.path += ", " + std::string(layers.size() == 1 ? "table " : "tables ") + tables;
        }
        return result;
    }
    // Streamed: nothing is kept in a temporary file. A consumer that goes away (| head) or a full
    // disk makes the writes fail; the caller checks stdout at the end (exit 4).
    const OutLayer& layer = layers.at(0);
    std::size_t total = layer.features.size();
    auto after_feature = [&](std::size_t done) { return !request.progress || request.progress(done, total); };
    if (!write_geojson(std::cout, layer, {options.precision, driver == "GeoJSONSeq", layer.id_field, after_feature}))
        throw AtlasError(ErrorKind::Output, "stdout: write interrupted");
    std::cout.flush();
    return result;
}

}  // namespace atlas
