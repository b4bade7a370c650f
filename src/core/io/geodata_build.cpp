#include "io/geodata_build.hpp"

#include <cpl_conv.h>

#include <cstdlib>
#include <map>

#include "error.hpp"
#include "geo/coverage_clean.hpp"
#include "geo/gcj02.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "io/csv.hpp"
#include "io/echarts_source.hpp"
#include "io/region_reader.hpp"
#include "io/validated_stamp.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

namespace {

constexpr double kGrid = 1.0 / 1024.0;
constexpr double kMaxGapWidth = 0.005;  // degrees (~500 m): thinner faces inside no unit are slivers

struct Unit {
    std::string code, source_code, province, name_zh, name_en, kind;
    LonLat seat;
    MultiPolygon geometry;  // grid space (GCJ-02) until converted
};

using NameTable = std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>>;

NameTable read_names(const std::string& path) {
    NameTable names;
    auto rows = read_csv_file(path);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& c = rows[i].cells;
        if (c.size() != 4) fail_input(path + ": line " + std::to_string(rows[i].line) + ": expected 4 columns");
        names[{c[1], c[0]}] = {c[2], c[3]};
    }
    return names;
}

const std::string& english_name(const NameTable& names, const std::string& level, const std::string& code,
                                const std::string& name_zh, const std::string& path) {
    auto it = names.find({level, code});
    if (it == names.end()) fail_input(path + ": no English name for " + level + " " + code + " " + name_zh);
    if (it->second.first != name_zh)
        fail_input(path + ": " + level + " " + code + " is '" + it->second.first + "' there but '" + name_zh +
                   "' in the source");
    return it->second.second;
}

std::string unit_kind(const std::string& code) {
    static const std::map<std::string, std::string> whole = {
        {"110000", "municipality"},        {"120000", "municipality"}, {"310000", "municipality"},
        {"500000", "municipality"},        {"810000", "sar"},          {"820000", "sar"},
        {"710000", "province_as_one_unit"}};
    if (auto it = whole.find(code); it != whole.end()) return it->second;
    if (code.substr(2, 2) == "90") return "county_level_under_province";
    return "prefecture";
}

std::vector<Unit> read_prefectures(const GeosContext& ctx, const GeodataBuildInput& in, const NameTable& names,
                                   GeodataBuildReport& report) {
    std::string path = in.echarts_dir + "/map/json/china-cities.json";
    std::vector<Unit> units;
    for (const EchartsFeature& f : read_echarts_file(path)) {
        Unit u;
        u.source_code = f.code;
        u.code = code_2016(f.code);
        u.province = f.code.substr(0, 2) + "0000";
        u.name_zh = f.name;
        u.name_en = english_name(names, "prefecture", f.code, f.name, in.names_csv);
        u.kind = unit_kind(u.code);
        u.seat = gcj02_to_wgs84(f.cp);
        u.geometry = assemble_rings(f.rings);
        report.dropped_rings += f.dropped_rings;
        if (!is_valid(ctx, u.geometry)) {
            u.geometry = make_valid(ctx, u.geometry);
            ++report.repaired;
        }
        units.push_back(std::move(u));
    }
    std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.code < b.code; });
    return units;
}

/// Neighbouring prefectures of the source do not share exact borders; make them a clean coverage on
/// the source grid so that provinces and regions dissolve without slivers.
void clean_prefectures(const GeosContext& ctx, std::vector<Unit>& prefectures, GeodataBuildReport& report) {
    std::vector<MultiPolygon> geometries;
    for (const Unit& u : prefectures) geometries.push_back(u.geometry);
    CoverageCleanReport clean;
    std::vector<MultiPolygon> cleaned = clean_coverage(ctx, geometries, kGrid, kMaxGapWidth, clean);
    for (std::size_t i = 0; i < prefectures.size(); ++i) prefectures[i].geometry = std::move(cleaned[i]);
    report.notes.push_back("coverage: " + std::to_string(clean.faces) + " faces, " +
                           std::to_string(clean.overlap_faces) + " overlaps given to one unit, " +
                           std::to_string(clean.gap_faces) + " gaps given to a neighbour, " +
                           std::to_string(clean.open_faces) + " wide faces left open");
}

std::vector<Unit> dissolve_provinces(const GeosContext& ctx, const GeodataBuildInput& in, const NameTable& names,
                                     const std::vector<Unit>& prefectures, GeodataBuildReport& report) {
    std::string path = in.echarts_dir + "/map/json/china.json";
    std::vector<Unit> provinces;
    for (const EchartsFeature& f : read_echarts_file(path)) {
        Unit p;
        p.code = p.source_code = p.province = f.code;
        p.name_zh = f.name;
        p.name_en = english_name(names, "province", f.code, f.name, in.names_csv);
        p.kind = "province";
        p.seat = gcj02_to_wgs84(f.cp);
        std::vector<const MultiPolygon*> members;
        for (const Unit& u : prefectures)
            if (u.province == f.code) members.push_back(&u.geometry);
        if (members.empty()) fail_input(path + ": province " + f.code + " has no prefectures in china-cities.json");
        p.geometry = coverage_union(ctx, members);
        std::size_t holes = 0;
        for (const Polygon& polygon : p.geometry) holes += polygon.holes.size();
        report.notes.push_back(p.code + " " + p.name_en + ": " + std::to_string(members.size()) + " units, " +
                               std::to_string(p.geometry.size()) + " parts, " + std::to_string(holes) + " holes");
        provinces.push_back(std::move(p));
    }
    std::sort(provinces.begin(), provinces.end(), [](const Unit& a, const Unit& b) { return a.code < b.code; });
    return provinces;
}

OutLayer to_layer(const GeosContext& ctx, const std::string& name, std::vector<Unit>& units, bool prefecture,
                  GeodataBuildReport& report) {
    OutLayer layer{name, false, {}, {}, {}, bundled_schema::kCodeField, {}};
    int invalid_after_all = 0;
    layer.fields = {{bundled_schema::kCodeField},   {bundled_schema::kNameField},
                    {bundled_schema::kNameEnField}, {"kind"},
                    {"label_lon", FieldType::Real}, {"label_lat", FieldType::Real},
                    {"seat_lon", FieldType::Real},  {"seat_lat", FieldType::Real},
                    {"area_km2", FieldType::Real}};
    if (prefecture) layer.fields.insert(layer.fields.begin() + 1, {{bundled_schema::kParentField}, {"source_code"}});
    for (Unit& u : units) {
        echarts_grid_to_wgs84(u.geometry);
        if (!is_valid(ctx, u.geometry)) {
            u.geometry = make_valid(ctx, u.geometry);
            ++report.repaired;
            invalid_after_all += is_valid(ctx, u.geometry) ? 0 : 1;
        }
        LonLat label = label_point(ctx, u.geometry);
        OutFeature f;
        f.values = {u.code};
        if (prefecture) f.values.insert(f.values.end(), {u.province, u.source_code});
        f.values.insert(f.values.end(), {u.name_zh, u.name_en, u.kind, label.lon, label.lat, u.seat.lon, u.seat.lat,
                                         geodesic_area_km2(u.geometry)});
        f.polygons = u.geometry;
        layer.features.push_back(std::move(f));
    }
    if (invalid_after_all == 0) layer.metadata.push_back({kValidatedStamp, validated_stamp(layer)});
    return layer;
}

}  // namespace

std::string code_2016(const std::string& source_code) {
    static const std::map<std::string, std::string> changed = {
        {"652100", "650400"},  // Turpan prefecture became a prefecture-level city, 2015
        {"652200", "650500"},  // Hami, 2016
        {"542200", "540500"},  // Shannan, 2016
        {"542600", "540400"},  // Nyingchi, 2015
        {"469003", "460400"},  // Danzhou became a prefecture-level city, 2015
    };
    auto it = changed.find(source_code);
    return it == changed.end() ? source_code : it->second;
}

GeodataBuildReport build_geodata(const GeodataBuildInput& input) {
    GeosContext ctx;
    GeodataBuildReport report;
    NameTable names = read_names(input.names_csv);
    std::vector<Unit> prefectures = read_prefectures(ctx, input, names, report);
    clean_prefectures(ctx, prefectures, report);
    std::vector<Unit> provinces = dissolve_provinces(ctx, input, names, prefectures, report);
    report.prefectures = static_cast<int>(prefectures.size());
    report.provinces = static_cast<int>(provinces.size());
    std::vector<OutLayer> layers;
    layers.push_back(to_layer(ctx, bundled_schema::kProvincesLayer, provinces, false, report));
    layers.push_back(to_layer(ctx, bundled_schema::kPrefecturesLayer, prefectures, true, report));
    // Geometry-free twins: SQLite reads a row's columns in order, and the attributes stored after a
    // boundary's blob were reached only through every overflow page of it. `list`, `show` and the
    // plan's checks read codes, names and areas: a third of their time went to pages of geometry.
    std::vector<std::string> finish;
    for (const OutLayer& layer : layers)
        for (std::string& sql : attributes_table_sql(layer)) finish.push_back(std::move(sql));
    write_reproducible_gpkg(input.output, layers, input.force, finish);
    return report;
}

std::vector<std::string> attributes_table_sql(const OutLayer& layer) {
    std::string table = layer.name + kAttributesTableSuffix;
    std::string columns = "fid", definitions = "fid INTEGER PRIMARY KEY AUTOINCREMENT";
    for (const FieldDef& f : layer.fields) {
        columns += ", \"" + f.name + "\"";
        definitions += ", \"" + f.name + "\" " + (f.type == FieldType::Real ? "REAL" : "TEXT");
    }
    std::string values = "NEW.fid", sets;
    for (const FieldDef& f : layer.fields) {
        values += ", NEW.\"" + f.name + "\"";
        sets += std::string(sets.empty() ? "" : ", ") + "\"" + f.name + "\" = NEW.\"" + f.name + "\"";
    }
    const std::string on = " ON \"" + layer.name + "\" BEGIN ";
    const std::string insert = "INSERT INTO \"" + table + "\" (" + columns + ") VALUES (" + values + "); END";
    return {"CREATE TABLE \"" + table + "\" (" + definitions + ")",
            "INSERT INTO \"" + table + "\" (" + columns + ") SELECT " + columns + " FROM \"" + layer.name + "\"",
            // The same fixed date as the layers' (write_reproducible_gpkg): the same bytes on every build.
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) VALUES ('" + table +
                "', 'attributes', '" + table + "', '2016-11-29T00:00:00.000Z')",
            // Kept in step by SQLite itself, whatever edits the layer (QGIS, ogr2ogr, plain SQL): a twin
            // left behind would give the old names and codes to every command that reads it.
            "CREATE TRIGGER \"" + table + "_insert\" AFTER INSERT" + on + insert,
            "CREATE TRIGGER \"" + table + "_update\" AFTER UPDATE" + on + "DELETE FROM \"" + table +
                "\" WHERE fid = OLD.fid; " + insert,
            "CREATE TRIGGER \"" + table + "_delete\" AFTER DELETE" + on + "DELETE FROM \"" + table +
                "\" WHERE fid = OLD.fid; END"};
}

void write_reproducible_gpkg(const std::string& path, const std::vector<OutLayer>& layers, bool force,
                             const std::vector<std::string>& finish_sql) {
    // A fixed timestamp makes the GeoPackage's gpkg_contents table the same on every run.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2016-11-29T00:00:00Z");
    WriteOptions options{"GPKG", {}, {"SPATIAL_INDEX=YES"}, force, 15, {}, finish_sql};
    try {
        write_layers(path, layers, options);
    } catch (...) {
        CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
        throw;
    }
    CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
}

}  // namespace atlas
