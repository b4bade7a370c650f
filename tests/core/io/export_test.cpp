// Export: every format read back with GDAL; RFC 7946 rules; filters; atomic failure.
#include "io/export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>

#include "error.hpp"
#include "geo/operations.hpp"
#include "geo/orientation.hpp"
#include "io/data_export.hpp"
#include "io/data_paths.hpp"
#include "io/gdal_env.hpp"
#include "scene/figure.hpp"
#include "support.hpp"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

struct ReadBack {
    std::map<std::string, std::string> name_zh;  ///< by id
    std::map<std::string, double> area;          ///< geodesic area of the geometry read back, by id
    std::vector<std::string> fields;
};

MultiPolygon to_ours(OGRGeometry* g) {
    std::vector<unsigned char> wkb(static_cast<std::size_t>(g->WkbSize()));
    g->exportToWkb(wkbNDR, wkb.data());
    GeosContext ctx;
    GeomPtr geos = from_wkb(ctx, wkb.data(), wkb.size());
    return from_geos(ctx, geos.get());
}

ReadBack read_back(const std::string& path, const std::string& id_field) {
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer != nullptr);
    ReadBack r;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
        r.fields.push_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    for (auto& f : *layer) {
        std::string id = f->GetFieldAsString(id_field.c_str());
        r.name_zh[id] = f->GetFieldAsString("name_zh");
        REQUIRE(f->GetGeometryRef() != nullptr);
        r.area[id] = geodesic_area_km2(to_ours(f->GetGeometryRef()));
    }
    return r;
}

ExportRequest regions_to(const std::string& path, const std::string& driver = "") {
    ExportRequest r;
    r.layers = {ExportLayer::Regions};
    r.output = path;
    r.driver = driver;
    return r;
}

}  // namespace

TEST_CASE("regions export to every format and read back with GDAL", "[io][export]") {
    const std::pair<const char*, const char*> formats[] = {
        {"GeoJSON", "regions.geojson"}, {"GeoJSONSeq", "regions.geojsonl"}, {"GPKG", "regions.gpkg"},
        {"FlatGeobuf", "regions.fgb"},  {"ESRI Shapefile", "regions.shp"},  {"KML", "regions.kml"},
        {"CSV", "regions.csv"}};
    Document& doc = test::bundled_document();
    for (const auto& [driver, file] : formats) {
        INFO(driver);
        test::TempFolder tmp;
        ExportResult result = export_layers(doc, regions_to(tmp.path(file), driver));
        CHECK(result.features == 19);
        CHECK(result.bytes > 0);
        ReadBack back = read_back(tmp.path(file), "id");
        REQUIRE(back.name_zh.size() == 19);
        for (const RegionShape* s : doc.shapes()) {
            INFO(s->region->id);
            CHECK(back.name_zh[s->region->id] == s->region->name_zh);
            CHECK(back.area[s->region->id] == Approx(s->area_km2).epsilon(0.001));
        }
        if (std::string(driver) == "ESRI Shapefile") {
            CHECK(fs::exists(tmp.path("regions.cpg")));
            for (const std::string& field : back.fields) CHECK(field.size() <= 10);
        }
        for (const auto& entry : fs::directory_iterator(tmp.dir()))
            CHECK(entry.path().filename().string().rfind(".clusteratlas-tmp", 0) != 0);
    }
}

TEST_CASE("integer fields stay integers in every format, KML's 32-bit ones included", "[io][export]") {
    // KML has no 64-bit integer: GDAL wrote member_count as <SimpleField type="string">.
    for (const char* file : {"r.kml", "r.gpkg", "r.shp", "r.fgb", "r.geojson"}) {
        INFO(file);
        test::TempFolder tmp;
        export_layers(test::bundled_document(), regions_to(tmp.path(file)));
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path(file).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
        const char* name = std::string(file) == "r.shp" ? "n_members" : "member_count";
        int i = defn->GetFieldIndex(name);
        REQUIRE(i >= 0);
        OGRFieldType type = defn->GetFieldDefn(i)->GetType();
        CHECK((type == OFTInteger || type == OFTInteger64));
        std::unique_ptr<OGRFeature> f(ds->GetLayer(0)->GetNextFeature());
        REQUIRE(f);
        CHECK(f->GetFieldAsInteger64(i) > 0);
    }
    test::TempFolder tmp;
    export_layers(test::bundled_document(), regions_to(tmp.path("r.kml")));
    CHECK_THAT(test::read_text(tmp.path("r.kml")),
               Catch::Matchers::Contains("<SimpleField name=\"member_count\" type=\"int\">"));
}

TEST_CASE("the regions layer carries what a user needs", "[io][export]") {
    test::TempFolder tmp;
    export_layers(test::bundled_document(), regions_to(tmp.path("r.gpkg")));
    ReadBack back = read_back(tmp.path("r.gpkg"), "id");
    for (const char* field : {"id",         "name_zh",          "name_en",     "kind",           "designation",
                              "industries", "plan_terms",       "hubs",        "members",        "provinces",
                              "area_km2",   "partial_area_km2", "confidence",  "provisional",    "extent_source",
                              "caveat",     "verification",     "extent_note", "extent_sources", "plan_section",
                              "plan_quote", "boundary_source"})
        CHECK(std::count(back.fields.begin(), back.fields.end(), field) == 1);
    // The extent's sources, as `show` lists them: the Yangtze River Delta's plan among them.
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("r.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("regions");
    REQUIRE(layer != nullptr);
    layer->SetAttributeFilter("id = 'yangtze_river_delta'");
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    REQUIRE(f);
    CHECK_THAT(std::string(f->GetFieldAsString("extent_sources")), Catch::Matchers::Contains("http"));
    // What the sources leave unconfirmed travels with the export, not only in `show`'s table.
    layer->SetAttributeFilter("id = 'tianshan_north_slope'");
    layer->ResetReading();
    OGRFeatureUniquePtr tianshan(layer->GetNextFeature());
    REQUIRE(tianshan);
    CHECK_THAT(std::string(tianshan->GetFieldAsString("verification")), Catch::Matchers::Contains("NOT found"));
    CHECK_THAT(std::string(tianshan->GetFieldAsString("extent_note")), Catch::Matchers::Contains("main functional"));
}

TEST_CASE("GeoJSON follows RFC 7946", "[io][export]") {
    test::TempFolder tmp;
    ExportRequest request = regions_to(tmp.path("r.geojson"));
    request.layers = {ExportLayer::Regions};
    export_layers(test::bundled_document(), request);
    std::string text = test::read_text(tmp.path("r.geojson"));
    nlohmann::json doc = nlohmann::json::parse(text);
    CHECK_FALSE(doc.contains("crs"));
    CHECK(doc["bbox"].size() == 4);
    GeosContext ctx;
    std::set<std::string> ids;
    for (const auto& f : doc["features"]) {
        CHECK(ids.insert(f["id"].get<std::string>()).second);
        CHECK(f["bbox"].size() == 4);
        CHECK(f["geometry"]["type"] == "MultiPolygon");
        MultiPolygon g;
        for (const auto& polygon : f["geometry"]["coordinates"]) {
            Polygon p;
            for (std::size_t r = 0; r < polygon.size(); ++r) {
                Ring ring;
                for (const auto& c : polygon[r]) ring.push_back({c[0].get<double>(), c[1].get<double>()});
                if (r == 0)
                    CHECK(signed_area(ring) > 0);  // exterior counter-clockwise
                else
                    CHECK(signed_area(ring) < 0);  // holes clockwise
                (r == 0 ? p.outer : p.holes.emplace_back()) = ring;
            }
            g.push_back(p);
        }
        INFO(f["id"]);
        CHECK(is_valid(ctx, g));
        CHECK(f["properties"]["industries"].is_array());
    }
    // No coordinate carries more than 6 decimals.
    std::regex long_number("[0-9]\\.[0-9]{7,}[],]");
    CHECK_FALSE(std::regex_search(text.substr(0, 2000000), long_number));
}

TEST_CASE("an industry filter (biomedicine) exports exactly the regions the plan designates for it", "[io][export]") {
    test::TempFolder tmp;
    ExportRequest request = regions_to(tmp.path("bio.geojson"));
    request.industry = "biomedicine";
    export_layers(test::bundled_document(), request);
    ReadBack back = read_back(tmp.path("bio.geojson"), "id");
    std::vector<std::string> ids;
    for (const auto& [id, name] : back.name_zh) ids.push_back(id);
    CHECK(ids == std::vector<std::string>{"central_south_liaoning", "harbin_changchun", "northeast_china",
                                          "shandong_peninsula"});
    request.industry = "digital_creative";
    request.output = tmp.path("none.geojson");
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), request),
                      Catch::Matchers::Contains("selection is empty"));
    CHECK_FALSE(fs::exists(tmp.path("none.geojson")));
}

TEST_CASE("a region or industry filter keeps the pilot zones in the chosen regions, as it keeps their units",
          "[io][export]") {
    // The places layers once ignored --region and --industry: all 8 zones for Chengdu-Chongqing.
    test::TempFolder tmp;
    auto zones = [&](std::vector<std::string> regions, std::string industry) {
        ExportRequest request = regions_to(tmp.path("zones.geojson"));
        request.layers = {ExportLayer::PilotZones};
        request.regions = std::move(regions);
        request.industry = std::move(industry);
        request.force = true;
        export_layers(test::bundled_document(), request);
        std::vector<std::string> ids;
        for (const auto& [id, name] : read_back(tmp.path("zones.geojson"), "id").name_zh) ids.push_back(id);
        return ids;
    };
    CHECK(zones({"chengdu_chongqing"}, "") ==
          std::vector<std::string>{"sichuan"});  // by its core: Chengdu-Deyang-Mianyang
    CHECK(zones({"yangtze_river_delta"}, "") == std::vector<std::string>{"anhui", "shanghai"});
    CHECK(zones({}, "biomedicine") == std::vector<std::string>{"shenyang"});  // in Central-South Liaoning
    CHECK(zones({}, "").size() == 8);
}

TEST_CASE("a filter that leaves a layer empty is said: an error alone, a note among others", "[io][export]") {
    // Shandong Peninsula holds no pilot zone: the layer alone was once written with 0 features, exit 0.
    test::TempFolder tmp;
    ExportRequest request = regions_to(tmp.path("zones.geojson"));
    request.layers = {ExportLayer::PilotZones};
    request.regions = {"shandong_peninsula"};
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), request),
                      "nothing of layer 'pilot_zones' lies in the selection (--region shandong_peninsula); "
                      "nothing written");
    CHECK_FALSE(fs::exists(tmp.path("zones.geojson")));
    request.output = tmp.path("both.gpkg");
    request.layers = {ExportLayer::Regions, ExportLayer::PilotZones};
    ExportResult result = export_layers(test::bundled_document(), request);
    CHECK(result.features == 1);
    CHECK(std::count(result.notes.begin(), result.notes.end(),
                     "nothing of layer 'pilot_zones' lies in the selection (--region shandong_peninsula); "
                     "written empty") == 1);
    // A region the plan does not designate for the industry: "none of the chosen regions", as the
    // plan does designate others.
    request.layers = {ExportLayer::Regions};
    request.regions = {"chengdu_chongqing"};
    request.industry = "biomedicine";
    request.output = tmp.path("none.geojson");
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), request),
                      "the selection is empty: none of the chosen regions (chengdu_chongqing) is designated for "
                      "'biomedicine'; nothing written");
}

TEST_CASE("all layers into one GeoPackage, hubs as points at the seats", "[io][export]") {
    test::TempFolder tmp;
    ExportRequest request = regions_to(tmp.path("all.gpkg"));
    request.layers = parse_export_layers("all");
    ExportResult result = export_layers(test::bundled_document(), request);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("all.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    CHECK(ds->GetLayerByName("provinces")->GetFeatureCount() == 34);
    CHECK(ds->GetLayerByName("prefectures")->GetFeatureCount() == 367);
    CHECK(ds->GetLayerByName("regions")->GetFeatureCount() == 19);
    CHECK(ds->GetLayerByName("coverage")->GetFeatureCount() == 34);
    OGRLayer* hubs = ds->GetLayerByName("hubs");
    CHECK(hubs->GetFeatureCount() == 16);
    CHECK(wkbFlatten(hubs->GetGeomType()) == wkbPoint);
    CHECK(ds->GetLayerByName("pilot_zones")->GetFeatureCount() == 8);
    CHECK(result.features == 34 + 367 + 19 + 16 + 34 + 8);  // no county layer here: counties, new districts left out
    // A unit or province in a provisional region says which (helper-50: only the regions layer did).
    OGRLayer* prefectures = ds->GetLayerByName("prefectures");
    prefectures->SetAttributeFilter("code = '350100'");
    std::unique_ptr<OGRFeature> fuzhou(prefectures->GetNextFeature());
    REQUIRE(fuzhou);
    CHECK(std::string(fuzhou->GetFieldAsString("regions_provisional")) == "west_taiwan_strait");
    OGRLayer* coverage = ds->GetLayerByName("coverage");
    coverage->SetAttributeFilter("code = '350000'");
    std::unique_ptr<OGRFeature> fujian(coverage->GetNextFeature());
    REQUIRE(fujian);
    CHECK(std::string(fujian->GetFieldAsString("provisional_regions")) == "west_taiwan_strait");
    coverage->SetAttributeFilter(nullptr);
    // The regions' and the coverage's polygons are the boundaries': each names their source.
    for (const char* name : {"regions", "coverage"}) {
        INFO(name);
        OGRLayer* layer = ds->GetLayerByName(name);
        CHECK(std::string(layer->GetMetadataItem("SOURCE")) == "echarts 4.9.0 (GCJ-02 shifted to WGS84)");
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        REQUIRE(f);
        CHECK(std::string(f->GetFieldAsString("boundary_source")) == "echarts 4.9.0 (GCJ-02 shifted to WGS84)");
    }
}

TEST_CASE("a failed export leaves the target as it was and no temporary file", "[io][export][errors]") {
    for (const char* file : {"r.gpkg", "r.geojson"}) {
        INFO(file);
        test::TempFolder tmp;
        std::string target = tmp.path(file);
        std::ofstream(target) << "previous contents";
        ExportRequest request = regions_to(target);
        request.layers = parse_export_layers("all");
        if (std::string(file) == "r.geojson") request.layers = {ExportLayer::Prefectures};
        request.force = true;
        std::size_t calls = 0;
        request.progress = [&](std::size_t, std::size_t) { return ++calls < 100; };  // fail midway
        CHECK_THROWS_WITH(export_layers(test::bundled_document(), request), Catch::Matchers::Contains("interrupted"));
        CHECK(test::read_text(target) == "previous contents");
        CHECK(std::distance(fs::directory_iterator(tmp.dir()), fs::directory_iterator()) == 1);
    }
}

TEST_CASE("bad export requests are refused before anything is written", "[io][export][errors]") {
    using Catch::Matchers::Contains;
    test::TempFolder tmp;
    ExportRequest r = regions_to(tmp.path("x.geojson"), "DXF");
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), r), Contains("unknown format 'DXF'"));
    r = regions_to("-", "GPKG");
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), r), Contains("only GeoJSON"));
    r = regions_to(tmp.path("two.geojson"));
    r.layers = {ExportLayer::Regions, ExportLayer::Hubs};
    CHECK_THROWS_WITH(export_layers(test::bundled_document(), r), Contains("holds one layer"));
    CHECK_THROWS_WITH(parse_export_layers("rivers"), Contains("unknown layer 'rivers'"));
    CHECK(std::distance(fs::directory_iterator(tmp.dir()), fs::directory_iterator()) == 0);
}

TEST_CASE("simplification keeps shared borders shared", "[io][export][geo]") {
    test::TempFolder tmp;
    ExportRequest r = regions_to(tmp.path("p.gpkg"));
    r.layers = {ExportLayer::Provinces};
    r.simplify_m = 2000;
    export_layers(test::bundled_document(), r);
    ReadBack back = read_back(tmp.path("p.gpkg"), "code");
    double total = 0;
    for (const auto& [code, area] : back.area) total += area;
    // Simplified provinces still tile China: their areas add up to the unsimplified total within 0.5%.
    double original = 0;
    for (const Region& p : test::bundled_provinces().regions) original += p.area_km2;
    CHECK(total == Approx(original).epsilon(0.005));
    CHECK(fs::file_size(tmp.path("p.gpkg")) < fs::file_size(std::string(ATLAS_GEODATA) + "/china.gpkg") / 3);
}

TEST_CASE("a table joined to its units exports as a layer: every unit kept, its values or null", "[io][export][data]") {
    Document& doc = test::bundled_document();
    // Three prefectures, one without a value, and a header that repeats one of the layer's fields.
    UserTable table = parse_user_table("code,firms,area_km2\n320500,812,8657\n440300,,1997\n610100,95.5,10108\n",
                                       "firms.csv", doc.provinces(), doc.prefectures());
    test::TempFolder tmp;
    ExportRequest request;
    request.output = tmp.path("firms.gpkg");
    ExportResult result = export_tables(request, 1, [&] { return std::vector<OutLayer>{user_data_layer(doc, table)}; });
    CHECK(result.features == doc.prefectures().regions.size());
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(request.output.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("data");
    REQUIRE(layer != nullptr);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("firms") >= 0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("data_area_km2") >= 0);
    // ... and says so (it was written under the other name without a word).
    CHECK(std::find(result.notes.begin(), result.notes.end(),
                    "1 column of the table written under another name (the layer holding its name already, field "
                    "names ignoring case, or a control character in it): 'area_km2' as data_area_km2") !=
          result.notes.end());
    // A header cell with a line break (Excel's Alt+Enter) became a field name holding it: '_' now, said.
    UserTable broken = parse_user_table("code,\"gro\nwth\"\n320500,1\n", "g.csv", doc.provinces(), doc.prefectures());
    request.output = tmp.path("g.gpkg");
    ExportResult renamed =
        export_tables(request, 1, [&] { return std::vector<OutLayer>{user_data_layer(doc, broken)}; });
    CHECK(std::find(renamed.notes.begin(), renamed.notes.end(),
                    "1 column of the table written under another name (the layer holding its name already, field "
                    "names ignoring case, or a control character in it): 'gro\\nwth' as gro_wth") !=
          renamed.notes.end());
    std::map<std::string, std::pair<bool, double>> firms;  // code: set, value
    int in_table = 0;
    for (auto& f : *layer) {
        in_table += f->GetFieldAsInteger("in_table");
        int i = f->GetFieldIndex("firms");
        firms[f->GetFieldAsString("code")] = {f->IsFieldSetAndNotNull(i), f->GetFieldAsDouble(i)};
        CHECK(f->GetGeometryRef() != nullptr);
    }
    CHECK(in_table == 3);
    CHECK(firms["320500"] == std::make_pair(true, 812.0));
    CHECK(firms["610100"] == std::make_pair(true, 95.5));
    CHECK_FALSE(firms["440300"].first);  // an empty cell stays null, not 0
    CHECK_FALSE(firms["110000"].first);  // a unit without a row too
    CHECK(std::string(layer->GetMetadataItem("data_source")) == "firms.csv");
}

TEST_CASE("a joined table's long column names are cut for Shapefile so that they still say what they hold",
          "[io][export][data]") {
    Document& doc = test::bundled_document();
    UserTable table = parse_user_table("code,gdp_per_capita_yuan,gdp_per_capita_usd\n110000,118198,17795\n", "gdp.csv",
                                       doc.provinces(), doc.prefectures());
    test::TempFolder tmp;
    ExportRequest request;
    request.output = tmp.path("gdp.shp");
    ExportResult result = export_tables(request, 1, [&] { return std::vector<OutLayer>{user_data_layer(doc, table)}; });
    ReadBack back = read_back(request.output, "code");
    CHECK(back.name_zh.size() == doc.provinces().regions.size());
    std::set<std::string> fields(back.fields.begin(), back.fields.end());
    CHECK(fields.count("gdp_per_ca") == 1);
    CHECK(fields.count("gdp_per__2") == 1);
    // And which is which is said: the .dbf alone cannot tell yuan from dollars.
    bool said = false;
    for (const std::string& note : result.notes)
        said = said ||
               note.find("gdp_per_capita_yuan as gdp_per_ca, gdp_per_capita_usd as gdp_per__2") != std::string::npos;
    CHECK(said);
}

TEST_CASE("exported prefectures say how they belong, regions carry the published area", "[io][export]") {
    // Yueyang is a partial member of Changsha-Zhuzhou-Xiangtan and in the Yangtze River Economic Belt
    // through Hunan, as `show 430600` says; the export said only "changzhutan; yangtze_river_economic_belt".
    test::TempFolder tmp;
    ExportRequest request = regions_to(tmp.path("all.gpkg"));
    request.layers = {ExportLayer::Prefectures, ExportLayer::Regions};
    export_layers(test::bundled_document(), request);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("all.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* prefectures = ds->GetLayerByName("prefectures");
    prefectures->SetAttributeFilter("code = '430600'");
    std::unique_ptr<OGRFeature> yueyang(prefectures->GetNextFeature());
    REQUIRE(yueyang);
    CHECK(std::string(yueyang->GetFieldAsString("regions_partial")) == "changzhutan");
    CHECK(std::string(yueyang->GetFieldAsString("regions_via_province")) == "yangtze_river_economic_belt");
    OGRLayer* regions = ds->GetLayerByName("regions");
    regions->SetAttributeFilter("id = 'yangtze_river_delta'");
    std::unique_ptr<OGRFeature> yrd(regions->GetNextFeature());
    REQUIRE(yrd);
    CHECK(yrd->GetFieldAsDouble("published_km2") == 211700);
    double area = yrd->GetFieldAsDouble("area_km2");
    CHECK(yrd->GetFieldAsDouble("deviation_pct") == Approx(std::round(1000 * (area - 211700) / 211700) / 10));
    regions->SetAttributeFilter("id = 'bohai_sea_region'");  // no published area: null
    std::unique_ptr<OGRFeature> bohai(regions->GetNextFeature());
    REQUIRE(bohai);
    CHECK_FALSE(bohai->IsFieldSetAndNotNull(bohai->GetFieldIndex("published_km2")));
}

TEST_CASE("exported units and figures name where the boundaries come from: the bundled source or the user's file",
          "[io][export]") {
    // A figure and an export over the user's own layers credited echarts and its terms.
    test::TempFolder tmp;
    ExportRequest r;
    r.layers = {ExportLayer::Provinces};
    r.output = tmp.path("p.geojson");
    export_layers(test::bundled_document(), r);
    nlohmann::json bundled = nlohmann::json::parse(test::read_text(r.output));
    CHECK_FALSE(bundled.contains("name"));  // GDAL names the layer after the file, as users expect
    CHECK(bundled["metadata"]["SOURCE"] == "echarts 4.9.0 (GCJ-02 shifted to WGS84)");
    CHECK(bundled["features"][0]["properties"]["boundary_source"] == "echarts 4.9.0 (GCJ-02 shifted to WGS84)");

    fs::copy_file(bundled_geodata_path(), tmp.path("tianditu.gpkg"));
    DocumentSources sources = bundled_sources();
    sources.provinces.source = sources.prefectures.source = tmp.path("tianditu.gpkg");
    sources.counties.reset();
    Document mine(sources);
    r.layers = {ExportLayer::Prefectures};
    r.output = tmp.path("q.gpkg");
    export_layers(mine, r);
    GDALDatasetUniquePtr ds(GDALDataset::Open(r.output.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("prefectures");
    REQUIRE(layer != nullptr);
    CHECK(std::string(layer->GetMetadataItem("SOURCE")) == "tianditu.gpkg (--geodata)");
    std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
    CHECK(std::string(first->GetFieldAsString("boundary_source")) == "tianditu.gpkg (--geodata)");
    Figure figure = compose_figure(mine, Session{}, nullptr);
    REQUIRE_FALSE(figure.credits.empty());
    CHECK(figure.credits[0] == "Boundaries: tianditu.gpkg (--geodata); extents: the regions' own plans");
    CHECK(compose_figure(test::bundled_document(), Session{}, nullptr).credits[0].find("Boundaries: echarts 4.9.0") ==
          0);
}

// CLUSTERATLAS_DATA naming a china.gpkg edited since its build was credited as echarts: the credit
// compared paths only. The build stamp's digest now decides (an area edited breaks it).
TEST_CASE("a bundled china.gpkg changed since its build is not credited as echarts", "[io][export]") {
    test::TempFolder tmp;
    fs::create_directory(tmp.path("data"));
    fs::copy_file(bundled_geodata_path(), tmp.path("data/china.gpkg"));
    fs::copy_file(bundled_plan_path(), tmp.path("data/plan.json"));
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(tmp.path("data/china.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE prefectures SET area_km2 = area_km2 + 100 WHERE code = '130100'", nullptr, nullptr);
    }
    std::optional<std::string> old;
    if (const char* v = std::getenv("CLUSTERATLAS_DATA")) old = v;
    ::setenv("CLUSTERATLAS_DATA", tmp.path("data").c_str(), 1);
    DocumentSources sources = bundled_sources();
    sources.counties.reset();
    std::string credit;
    {
        Document edited(sources);
        credit = compose_figure(edited, Session{}, nullptr).credits[0];
    }
    if (old)
        ::setenv("CLUSTERATLAS_DATA", old->c_str(), 1);
    else
        ::unsetenv("CLUSTERATLAS_DATA");
    CHECK(credit ==
          "Boundaries: china.gpkg, changed since ClusterAtlas built it from echarts 4.9.0; extents: the "
          "regions' own plans");
}
