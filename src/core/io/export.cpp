#include "io/export.hpp"

#include <gdal_priv.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/coverage.hpp"
#include "error.hpp"
#include "geo/operations.hpp"
#include "geo/orientation.hpp"
#include "geo/simplify_coverage.hpp"
#include "io/boundary_source.hpp"
#include "io/csv.hpp"
#include "io/data_paths.hpp"
#include "io/export_tables.hpp"
#include "io/gdal_env.hpp"
#include "io/geojson_writer.hpp"
#include "io/output_file.hpp"
#include "io/pg_connection.hpp"
#include "io/postgis.hpp"
#include "io/vector_writer.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace atlas {

namespace {
constexpr std::pair<ExportLayer, const char*> kLayerNames[] = {
    {ExportLayer::Provinces, "provinces"},    {ExportLayer::Prefectures, "prefectures"},
    {ExportLayer::Regions, "regions"},        {ExportLayer::Hubs, "hubs"},
    {ExportLayer::Coverage, "coverage"},      {ExportLayer::Counties, "counties"},
    {ExportLayer::PilotZones, "pilot_zones"}, {ExportLayer::NewDistricts, "new_districts"}};
}  // namespace

const std::vector<std::string>& export_layer_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [layer, name] : kLayerNames) out.push_back(name);
        out.push_back("all");
        return out;
    }();
    return names;
}

const char* to_string(ExportLayer layer) {
    for (const auto& [l, name] : kLayerNames)
        if (l == layer) return name;
    return "?";
}

std::vector<ExportLayer> parse_export_layers(const std::string& name) {
    std::vector<ExportLayer> all;
    for (const auto& [l, n] : kLayerNames) {
        if (name == n) return {l};
        all.push_back(l);
    }
    if (name == "all") return all;
    throw AtlasError(ErrorKind::Usage,
                     "unknown layer " + quote_value(name, 40) + " (use " + join_or(export_layer_names()) + ")");
}

std::string export_driver(const ExportRequest& request) {
    bool to_postgis = is_pg_connection(request.output);
    if (to_postgis && !request.driver.empty() && request.driver != "PostgreSQL")
        throw AtlasError(ErrorKind::Usage,
                         "a PG: connection takes --format PostgreSQL, not " + quote_value(request.driver, 40) + "");
    if (!to_postgis && request.driver == "PostgreSQL")
        throw AtlasError(ErrorKind::Usage,
                         "--format PostgreSQL writes to a database: -o \"PG:host=... dbname=... user=...\"");
    if (to_postgis) return "PostgreSQL";
    // The name's extension and --format must agree: x.gml, x.xlsx or x.kmz held GeoJSON text, and
    // "-o m.gpkg --format GeoJSON" a ".gpkg" that no GIS opens as one.
    // A mistyped connection string is check_target's to refuse, without showing any of it.
    const bool no_name_check = request.output == "-" || looks_like_connection(request.output);
    const std::string from_extension = no_name_check ? "" : driver_for_extension(request.output);
    const std::string extension = ascii_lower(fs::path(request.output).extension().string());
    const std::string shown = escape_controls(request.output);
    // GDAL writes a Shapefile's parts in lower case: "-o a.SHP" left a.shp, a.shx, a.dbf and reported
    // "wrote a.SHP: 0 bytes" of a file that does not exist.
    if (!no_name_check && from_extension == "ESRI Shapefile" && extension == ".shp" &&
        fs::path(request.output).extension().string() != ".shp")
        throw AtlasError(ErrorKind::Usage, shown +
                                               ": name the Shapefile .shp in lower case (GDAL writes its .shp, "
                                               ".shx, .dbf and .prj so)");
    if (!request.driver.empty()) {
        std::string chosen;
        for (const ExportFormat& f : export_formats())
            if (ascii_lower(request.driver) == ascii_lower(f.driver)) chosen = f.driver;
        if (chosen.empty())
            throw AtlasError(ErrorKind::Usage, "unknown format " + quote_value(request.driver, 40) + " (use " +
                                                   export_formats_text() + " with -o PG:...)");
        if (!from_extension.empty() && from_extension != chosen)
            throw AtlasError(ErrorKind::Usage, shown + ": the name says " + from_extension + " but --format says " +
                                                   chosen + "; make them agree");
        // GDAL writes a Shapefile under any other name as a folder of that name: "-o e.zip" made a
        // folder named e.zip. A name without an extension is a folder on purpose (one .shp per layer).
        if (!no_name_check && from_extension.empty() && !extension.empty() && chosen == "ESRI Shapefile")
            throw AtlasError(ErrorKind::Usage, shown + ": a Shapefile is named .shp (or .shp.zip or .shz, zipped); " +
                                                   quote_value(extension) + " would be a folder of that name");
        if (!no_name_check && from_extension.empty() && !extension.empty() && chosen == "CSV")
            throw AtlasError(ErrorKind::Usage, shown + ": a CSV is named .csv; " + quote_value(extension) +
                                                   " would be a folder of that name");
        return chosen;
    }
    if (!no_name_check && from_extension.empty() && !extension.empty())
        throw AtlasError(ErrorKind::Usage, shown + ": " + quote_value(extension) +
                                               " is not the extension of a format ClusterAtlas writes (" +
                                               export_extensions_text() + "); rename it" +
                                               (request.format_option ? " or give --format" : ""));
    return from_extension.empty() ? "GeoJSON" : from_extension;
}

namespace {

/// "2000", "1e+09", "nan": a number as the user would recognise it.
std::string fixed_number(double value) { return short_number(value); }

/// Why a filter keeps nothing: "none of the chosen regions (chengdu_chongqing) is designated for
/// 'biomedicine'", not "no region is", which the plan contradicts.
std::string empty_selection(const ExportRequest& request) {
    std::string regions = request.regions.empty()
                              ? std::string()
                              : " (" + join_first(request.regions, ", ", 3, [](std::size_t) { return ", ..."; }) + ")";
    std::string who = request.regions.empty() ? "no region" : "none of the chosen regions" + regions;
    return "the selection is empty: " + who +
           (request.industry.empty() ? std::string(" matches")
                                     : " is designated for " + quote_value(request.industry, 40));
}

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
    if (sel.regions.empty()) throw AtlasError(ErrorKind::Usage, empty_selection(request) + "; nothing written");
    for (const RegionShape* s : sel.regions) {
        for (const Region* u : s->units) sel.unit_codes.insert(u->code);
        sel.province_codes.insert(s->provinces.begin(), s->provinces.end());
    }
    return sel;
}

OutLayer build_table(Document& doc, ExportLayer kind, const ExportSelection& sel) {
    switch (kind) {
        case ExportLayer::Provinces:
            return provinces_table(doc, sel);
        case ExportLayer::Prefectures:
            return prefectures_table(doc, sel);
        case ExportLayer::Regions:
            return regions_table(doc, sel);
        case ExportLayer::Hubs:
            return hubs_table(doc, sel);
        case ExportLayer::Coverage:
            return coverage_table(doc, sel);
        case ExportLayer::Counties:
            return counties_table(doc, sel);
        case ExportLayer::PilotZones:
            return pilot_zones_table(doc, sel);
        case ExportLayer::NewDistricts:
            return new_districts_table(doc, sel);
    }
    return {};
}

/// OWASP's rule for CSV opened in spreadsheets: a text cell starting with = + - @ tab or CR gets a
/// leading quote (io/csv.hpp), numbers stay numbers. The header too: a table's column names are the
/// user's text as much as its cells are.
void neutralise_formulas(OutLayer& layer) {
    for (FieldDef& field : layer.fields) {
        std::string safe = neutralise_formula(field.name);
        if (layer.id_field == field.name) layer.id_field = safe;
        field.name = std::move(safe);
    }
    for (OutFeature& f : layer.features)
        for (FieldValue& v : f.values) {
            if (auto* text = std::get_if<std::string>(&v)) *text = neutralise_formula(*text);
            if (auto* list = std::get_if<std::vector<std::string>>(&v))
                for (std::string& item : *list) item = neutralise_formula(item);
        }
}

const std::string* text_field(const OutLayer& layer, const OutFeature& f, const char* name) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == name) return std::get_if<std::string>(&f.values[i]);
    return nullptr;
}

/// KML placemarks show a <name> in Google Earth's Places panel and on the map, and a <description>
/// in the balloon: "Shanghai 上海", and the plan's sentence for a region, the code for a unit.
void add_kml_labels(OutLayer& layer) {
    for (OutFeature& f : layer.features) {
        const std::string* en = text_field(layer, f, "name_en");
        const std::string* zh = text_field(layer, f, "name_zh");
        std::string name = en != nullptr ? *en : "";
        if (zh != nullptr && *zh != name) name += (name.empty() ? "" : " ") + *zh;
        std::string description;
        if (const std::string* quote = text_field(layer, f, "plan_quote"))
            description = *quote;
        else if (const std::string* code = text_field(layer, f, "code"))
            description = "GB/T 2260 code " + *code;
        f.values.insert(f.values.begin(), {name, description});
    }
    layer.fields.insert(layer.fields.begin(),
                        {{"Name", FieldType::String, "Name"}, {"Description", FieldType::String, "Descr"}});
}

void simplify_layer(OutLayer& layer, double metres) {
    std::vector<const MultiPolygon*> geometries;
    for (const OutFeature& f : layer.features) geometries.push_back(&f.polygons);
    std::vector<MultiPolygon> simplified = simplify_coverage(geometries, metres_to_degrees(metres));
    for (std::size_t i = 0; i < layer.features.size(); ++i) layer.features[i].polygons = std::move(simplified[i]);
}

/// What changing coordinates did to a layer.
struct GeometryChanges {
    std::vector<std::string> collapsed;  ///< ids of features left without any area
    std::size_t repaired = 0;            ///< features snap-rounded back to validity
};

std::string feature_id(const OutLayer& layer, const OutFeature& f) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == layer.id_field)
            if (const auto* id = std::get_if<std::string>(&f.values[i])) return *id;
    return "?";
}

/// Rounds each feature (with `precision`) and repairs the ones that rounding or simplification made
/// invalid (a ring crossing itself or a neighbouring ring): snap-rounded by GEOS on the same grid,
/// valid by construction, or made valid when only simplified. What was repaired comes from `memo`
/// when it has this layer, and is given to it when derived here: the same answer, without GEOS.
void change_coordinates(OutLayer& layer, std::optional<int> precision, bool simplified, const RoundingMemoAccess* memo,
                        GeometryChanges& changes) {
    std::string key;
    std::optional<RoundedFeatures> known;
    bool any_polygon = std::any_of(layer.features.begin(), layer.features.end(),
                                   [](const OutFeature& f) { return !f.polygons.empty(); });
    if (memo != nullptr && any_polygon) {  // a table without geometry leaves nothing to keep
        std::vector<const MultiPolygon*> inputs;
        for (const OutFeature& f : layer.features) inputs.push_back(&f.polygons);
        key = rounding_memo_key(inputs, precision.value_or(-1), simplified);
        if (memo->find) known = memo->find(key);
        if (known && known->size() != layer.features.size()) known.reset();  // a hash collision, at worst
    }
    RoundedFeatures derived(known ? 0 : layer.features.size());
    GeosContext ctx;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        OutFeature& f = layer.features[i];
        MultiPolygon changed;
        if (known && (*known)[i].repaired) {
            changed = std::move((*known)[i].geometry);
            ++changes.repaired;
        } else {
            changed = f.polygons;
            if (precision) round_coordinates(changed, *precision);
            if (!known && !changed.empty() && !is_valid(ctx, changed)) {
                changed = precision ? snap_to_grid(ctx, f.polygons, std::pow(10.0, -*precision))
                                    : make_valid(ctx, f.polygons);
                ++changes.repaired;
                derived[i] = {true, changed};
            }
        }
        f.polygons = std::move(changed);
        if (f.polygons.empty()) changes.collapsed.push_back(feature_id(layer, f));
    }
    if (!known && !key.empty() && memo->keep) memo->keep(key, derived);
}

/// Precision first, then orientation: rounding after orienting is what breaks rings (SOURCE-NOTES 6).
/// Features that vanish are collected for the caller to refuse.
void finish_geometry(OutLayer& layer, std::optional<int> precision, bool simplified, bool rfc7946,
                     const RoundingMemoAccess* memo, GeometryChanges& changes) {
    if (layer.points) {
        if (!precision) return;
        double scale = std::pow(10.0, *precision);
        for (OutFeature& f : layer.features)
            f.point = {std::round(f.point.lon * scale) / scale, std::round(f.point.lat * scale) / scale};
        return;
    }
    if (precision || simplified) change_coordinates(layer, precision, simplified, memo, changes);
    if (rfc7946)
        for (OutFeature& f : layer.features) orient_rfc7946(f.polygons);
}

/// Refuses options that leave features without geometry, naming them.
void refuse_collapse(const GeometryChanges& changes, const OutLayer& layer, const ExportRequest& request,
                     std::optional<int> precision) {
    if (changes.collapsed.empty()) return;
    std::string options;
    if (request.simplify_m > 0) options = "--simplify " + fixed_number(request.simplify_m);
    if (request.precision)
        options += (options.empty() ? "" : " with ") + std::string("--precision ") + std::to_string(*precision);
    std::string ids = join_first(changes.collapsed, ", ", 5, [](std::size_t) { return ", ..."; });
    throw AtlasError(ErrorKind::Usage, options + " leaves " + std::to_string(changes.collapsed.size()) + " of " +
                                           std::to_string(layer.features.size()) + " features of layer '" + layer.name +
                                           "' without any area (" + ids + "); use " +
                                           (request.simplify_m > 0 ? "a smaller --simplify" : "a larger --precision") +
                                           "; nothing written");
}

WriteOptions write_options(const std::string& driver, const ExportRequest& request, std::optional<int> precision) {
    // GDAL's streaming KML driver, not LIBKML: LIBKML 3.6 closes a file in quadratic time (minutes for
    // the prefectures; GDAL issue 10138, fixed in 3.9.1). Placemarks take their <name> and
    // <description> from the fields add_kml_labels adds; the rest goes to typed ExtendedData.
    WriteOptions o{driver, {}, {}, request.force, precision.value_or(15), request.progress};
    if (driver == "KML") o.dataset_options = {"NameField=Name", "DescriptionField=Description"};
    if (driver == "ESRI Shapefile")
        o.layer_options = {"ENCODING=UTF-8"};
    else if (driver == "CSV")
        o.layer_options = {"GEOMETRY=AS_WKT", request.csv_bom ? "WRITE_BOM=YES" : "WRITE_BOM=NO"};
    return o;
}

std::uintmax_t size_of(const std::string& path) {
    std::error_code ec;
    std::uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

/// "--region shandong_peninsula --industry 'biomedicine'": the filter, as the user typed it.
std::string filter_text(const ExportRequest& request) {
    std::string text;
    for (const std::string& id : request.regions) text += (text.empty() ? "" : " ") + std::string("--region ") + id;
    if (!request.industry.empty())
        text += (text.empty() ? "" : " ") + std::string("--industry ") + quote_value(request.industry, 40);
    return text;
}

/// A filter that leaves a layer without features: asked alone, an error (an empty file helps no
/// one); among others, written empty with a note naming it.
void refuse_empty_layers(const std::vector<OutLayer>& layers, const ExportRequest& request, const ExportSelection& sel,
                         ExportResult& result) {
    if (!sel.filtered) return;
    for (const OutLayer& layer : layers) {
        if (!layer.features.empty()) continue;
        std::string what = "nothing of layer '" + layer.name + "' lies in the selection (" + filter_text(request) + ")";
        if (layers.size() == 1) throw AtlasError(ErrorKind::Usage, what + "; nothing written");
        result.notes.push_back(what + "; written empty");
    }
}

/// Without a county layer, counties and new districts cannot be written: asked alone, that is an
/// error; among others ("all"), they are left out and `left_out` says so.
ExportRequest leave_out_county_layers(Document& doc, const ExportRequest& asked, std::vector<std::string>& left_out) {
    ExportRequest request = asked;
    if (doc.has_counties()) return request;
    request.layers.clear();
    for (ExportLayer kind : asked.layers) {
        if (kind != ExportLayer::Counties && kind != ExportLayer::NewDistricts) {
            request.layers.push_back(kind);
            continue;
        }
        // Built on this machine but not loaded: the options left it out (--counties none, or --geodata
        // naming other boundaries), and they are what to change.
        const bool turned_off = !county_layer_path().empty();
        std::string why = std::string(to_string(kind)) +
                          (turned_off ? ": needs a county layer and none is loaded (--counties none, or --geodata "
                                        "without --counties FILE, leaves the built one out)"
                                      : ": needs the county layer, which is built on this machine "
                                        "(scripts/fetch-counties; its data may not be redistributed)");
        if (asked.layers.size() == 1) throw AtlasError(turned_off ? ErrorKind::Usage : ErrorKind::NotFound, why);
        left_out.push_back(why + "; left out");
    }
    return request;
}

}  // namespace

namespace {

/// What a request asks of the writer, checked before any work: a wrong combination of options is a
/// usage error, found before anything is computed or written.
struct WriteTarget {
    std::string driver;
    std::optional<int> precision;
    bool to_stdout = false, to_postgis = false;
};

WriteTarget check_request(const ExportRequest& request, std::size_t layer_count) {
    WriteTarget t;
    t.driver = export_driver(request);
    t.to_stdout = request.output == "-";
    if (t.to_stdout && !is_geojson(t.driver))
        throw AtlasError(ErrorKind::Usage, "only GeoJSON and GeoJSONSeq can be written to stdout ('-o -')");
    if (request.output.empty()) throw AtlasError(ErrorKind::Usage, "no output given (-o PATH, or -o - for stdout)");
    t.precision = request.precision;
    if (!t.precision && is_geojson(t.driver)) t.precision = 6;
    if (t.precision && (*t.precision < 0 || *t.precision > 15))
        throw AtlasError(ErrorKind::Usage, "--precision must be 0 to 15, not " + std::to_string(*t.precision));
    if (!std::isfinite(request.simplify_m) || request.simplify_m < 0)
        throw AtlasError(ErrorKind::Usage,
                         "--simplify must be a distance in metres, 0 or more, not " + fixed_number(request.simplify_m));
    if (layer_count > 1 && holds_one_layer(t.driver))
        throw AtlasError(ErrorKind::Usage, quote_value(request.output) + ": " + t.driver +
                                               " holds one layer, and --layer asks for " + std::to_string(layer_count) +
                                               "; export them one at a time, or into a GeoPackage (.gpkg)");
    // Options that change nothing in what is written were accepted without a word.
    if (t.driver != "CSV" && (!request.csv_bom || request.keep_formulas))
        throw AtlasError(ErrorKind::Usage, std::string(!request.csv_bom ? "--no-bom" : "--keep-formulas") +
                                               " is for CSV output; " + t.driver + " is written as it is: drop it");
    if (request.simplify_m > 0 && request.layers == std::vector<ExportLayer>{ExportLayer::Hubs})
        throw AtlasError(ErrorKind::Usage, "--simplify simplifies borders, and the hubs are points: drop it");
    t.to_postgis = is_pg_connection(request.output);
    if (!t.to_stdout && !t.to_postgis) check_target(request.output, request.force, t.driver);  // before the work
    if (!request.table.empty() && layer_count != 1)
        throw AtlasError(ErrorKind::Usage, "--table names the table of one layer; export the layers one at a time");
    if (has_controls(request.table))
        throw AtlasError(ErrorKind::Usage,
                         "--table " + quote_value(request.table) + ": a table name with control characters is refused");
    // These formats keep no layer name apart from the file's: --table changed nothing, silently.
    if (!request.table.empty() && (t.driver == "ESRI Shapefile" || t.driver == "CSV" || is_geojson(t.driver)))
        throw AtlasError(ErrorKind::Usage, "--table does nothing for " + t.driver +
                                               ": its layer is named after the file; rename the file instead");
    return t;
}

/// A Shapefile's text field holds at most 254 bytes: what the .dbf will cut, said at export time
/// ("13 regions values cut ... in fields quote, caveat"), not found later in a quote cut mid-sentence.
std::string shapefile_cuts(const OutLayer& layer) {
    constexpr std::size_t kDbfText = 254;
    std::size_t cut = 0;
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        std::size_t here = 0;
        for (const OutFeature& f : layer.features) {
            const FieldValue& v = f.values.at(i);
            std::size_t bytes = std::holds_alternative<std::string>(v) ? std::get<std::string>(v).size()
                                : std::holds_alternative<std::vector<std::string>>(v)
                                    ? join(std::get<std::vector<std::string>>(v)).size()
                                    : 0;
            here += bytes > kDbfText ? 1 : 0;
        }
        if (here == 0) continue;
        cut += here;
        fields.push_back(layer.fields[i].short_name.empty() ? layer.fields[i].name : layer.fields[i].short_name);
    }
    if (cut == 0) return "";
    return std::to_string(cut) + " " + layer.name + " values longer than a Shapefile's 254 bytes cut in field" +
           (fields.size() == 1 ? " " : "s ") + join(fields, ", ") + " (a GeoPackage keeps them whole)";
}

/// A Shapefile's field names hold 10 bytes: which fields are written under another name, said at
/// export time ("population_2015 as population, population_2016 as populati_2"), so that a reader of
/// the .dbf knows which column is which year.
std::string shapefile_renames(const OutLayer& layer) {
    std::vector<std::string> renamed;
    for (const FieldDef& f : layer.fields)
        if (!f.short_name.empty() && f.short_name != f.name) renamed.push_back(f.name + " as " + f.short_name);
    if (renamed.empty()) return "";
    return layer.name + ": " + std::to_string(renamed.size()) + (renamed.size() == 1 ? " field name" : " field names") +
           " cut to a Shapefile's 10 bytes: " + join(renamed, ", ") + " (a GeoPackage keeps them whole)";
}

/// Simplification, precision, RFC 7946 rings, spreadsheet-safe text, KML labels: what every layer
/// gets before it is written.
void prepare_layer(OutLayer& layer, const ExportRequest& request, const WriteTarget& t, const RoundingMemoAccess* memo,
                   ExportResult& result) {
    if (!request.table.empty()) layer.name = request.table;
    result.notes.insert(result.notes.end(), layer.notes.begin(), layer.notes.end());
    bool simplified = request.simplify_m > 0 && !layer.points;
    if (simplified) simplify_layer(layer, request.simplify_m);
    GeometryChanges changes;
    finish_geometry(layer, t.precision, simplified, is_geojson(t.driver), memo, changes);
    refuse_collapse(changes, layer, request, t.precision);
    if (changes.repaired > 0)
        result.notes.push_back(std::to_string(changes.repaired) + " of " + std::to_string(layer.features.size()) + " " +
                               layer.name +
                               (t.precision ? " snap-rounded by GEOS to stay valid after the coordinate change"
                                            : " repaired by GEOS MakeValid: simplification made them invalid"));
    if (t.driver == "CSV" && !request.keep_formulas) neutralise_formulas(layer);
    if (t.driver == "KML") add_kml_labels(layer);
    if (t.driver == "ESRI Shapefile") {
        if (std::string cut = shapefile_cuts(layer); !cut.empty()) result.notes.push_back(cut);
        if (std::string renames = shapefile_renames(layer); !renames.empty()) result.notes.push_back(renames);
    }
    result.features += layer.features.size();
}

void write_out(std::vector<OutLayer>& layers, const ExportRequest& request, const WriteTarget& t,
               const RoundingMemoAccess* memo, ExportResult& result) {
    for (OutLayer& layer : layers) prepare_layer(layer, request, t, memo, result);
    WriteOptions options = write_options(t.driver, request, t.precision);
    if (!t.to_stdout) {
        if (!t.to_postgis) {
            write_layers(request.output, layers, options);
            result.bytes = size_of(request.output);
            return;
        }
        std::vector<std::string> renamed;
        options.renamed = [&](const std::string& layer, const std::string& field, const std::string& as) {
            renamed.push_back(layer + "." + field + " as " + as);
        };
        std::string tables = join(write_layers_postgis(request.output, layers, options), ", ");
        if (!renamed.empty())
            result.notes.push_back(
                std::to_string(renamed.size()) + (renamed.size() == 1 ? " field name" : " field names") +
                " written as PostgreSQL keeps them (lower case, '_' for '-', '#' and quotes): " + join(renamed, ", "));
        result.path += ", " + std::string(layers.size() == 1 ? "table " : "tables ") + tables;
        return;
    }
    // Streamed: nothing is kept in a temporary file. A consumer that goes away (| head) or a full
    // disk makes the writes fail; the caller checks stdout at the end (exit 4).
    const OutLayer& layer = layers.at(0);
    std::size_t total = layer.features.size();
    auto after_feature = [&](std::size_t done) { return !request.progress || request.progress(done, total); };
    if (!write_geojson(std::cout, layer,
                       {options.precision, t.driver == "GeoJSONSeq", layer.id_field, after_feature})) {
        if (int error = stdout_error())
            throw AtlasError(ErrorKind::Output, std::string("stdout: cannot write (") + std::strerror(error) + ")");
        throw AtlasError(ErrorKind::Output, "stdout: write interrupted");
    }
    std::cout.flush();
}

ExportResult result_for(const ExportRequest& request, const WriteTarget& t, std::vector<std::string> notes) {
    return ExportResult{t.to_stdout    ? "-"
                        : t.to_postgis ? describe_connection(request.output)
                                       : request.output,
                        t.driver, 0, 0, std::move(notes)};
}

}  // namespace

ExportResult export_layers(Document& doc, const ExportRequest& asked) {
    ensure_gdal_registered();
    std::vector<std::string> left_out;
    const ExportRequest request = leave_out_county_layers(doc, asked, left_out);
    WriteTarget t = check_request(request, request.layers.size());
    ExportSelection sel = select(doc, request);
    ExportResult result = result_for(request, t, left_out);
    std::vector<OutLayer> layers;
    for (ExportLayer kind : request.layers) layers.push_back(build_table(doc, kind, sel));
    // The terms the layers carry (AMap's with the counties fetch-counties built and the regions they
    // shape, or those a user's county file holds), each said once.
    std::vector<std::string> terms;
    for (const OutLayer& layer : layers)
        for (const auto& [key, value] : layer.metadata)
            if (key == "TERMS" && std::find(terms.begin(), terms.end(), value) == terms.end()) terms.push_back(value);
    result.notes.insert(result.notes.end(), terms.begin(), terms.end());
    refuse_empty_layers(layers, request, sel, result);
    RoundingMemoAccess memo = doc.rounding_memo_access();
    write_out(layers, request, t, &memo, result);
    return result;
}

ExportResult export_tables(const ExportRequest& request, std::size_t layer_count,
                           const std::function<std::vector<OutLayer>()>& build) {
    ensure_gdal_registered();
    WriteTarget t = check_request(request, layer_count);
    std::vector<OutLayer> layers = build();
    ExportResult result = result_for(request, t, {});
    write_out(layers, request, t, nullptr, result);  // a user's table, exported once
    return result;
}

}  // namespace atlas
