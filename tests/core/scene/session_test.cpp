// Sessions: what the viewer saves is what `view --session` and `render --session` read back, and a
// session's figure (style and legend) shows what it says.
#include "scene/session.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "geo/projection.hpp"
#include "scene/colour_difference.hpp"
#include "scene/figure.hpp"
#include "scene/matrix_layout.hpp"
#include "support.hpp"
#include "text/i18n.hpp"

using namespace atlas;

namespace {

std::size_t region_index(const char* id) {
    const Plan& plan = test::bundled_plan();
    const PlanRegion* r = plan.region(id);
    REQUIRE(r != nullptr);
    return static_cast<std::size_t>(r - plan.regions.data());
}

std::size_t province_index(const char* code) {
    const RegionLayer& provinces = test::bundled_document().provinces();
    const Region* p = provinces.find(code);
    REQUIRE(p != nullptr);
    return static_cast<std::size_t>(p - provinces.regions.data());
}

bool same_colour(const Rgba& a, const Rgba& b) {
    return std::fabs(a.r - b.r) < 1e-6 && std::fabs(a.g - b.g) < 1e-6 && std::fabs(a.b - b.b) < 1e-6;
}

}  // namespace

TEST_CASE("session: every setting survives a write and a read", "[session]") {
    Session s;
    s.width = 1200, s.height = 700, s.projection = "mercator", s.english = false;
    s.window_width = 1400, s.window_height = 900;  // the viewer's window, beside the map's size
    s.has_camera = true, s.centre = {121.47, 31.23}, s.metres_per_pixel = 320.5;
    s.show_prefectures = false, s.show_legend = false;
    s.regions["kunming"] = {false, -1};
    s.regions["jingjinji"] = {true, 0.8f};
    s.selected_region = "shandong_peninsula", s.selected_prefecture = "370200";
    s.industries = {"biomedicine", "new_materials"};
    s.compare = {"jingjinji", "shandong_peninsula"};
    s.choropleth = ChoroplethKind::UserData;
    s.data = {"/data/firms.csv", "", "firms", "natural", 7};  // points: no key column (a table's, below)
    s.figure = FigureKind::Matrix, s.matrix_sort = "name", s.split_view = true, s.show_matrix_window = true;
    s.furniture = {"Title", "Subtitle", "Credit", false, false, false, false, false, "/data/scs.geojson"};
    s.data.points_by = "county", s.data.points_datum = "gcj02", s.data.points_value = "employees";
    test::TempFolder tmp;
    std::string path = tmp.path("s.json");
    write_session(path, s, false);
    std::vector<std::string> warnings;
    Session back = read_session(path, &warnings);
    // Every key written is a key read: 'furniture.inset' was called unknown and ignored, yet used.
    CHECK(warnings == std::vector<std::string>{});
    CHECK(session_json(back) == session_json(s));
    CHECK(back.furniture.inset == "/data/scs.geojson");
    CHECK(back.centre.lon == 121.47);
    CHECK(back.regions.at("jingjinji").opacity == Approx(0.8f));
    CHECK(back.data.classes == 7);
    CHECK(back.data.points_value == "employees");  // a summed points' figure can be kept
    CHECK(back.window_width == 1400);
    CHECK(back.window_height == 900);
    // A table's key column and separator (a points session refuses them).
    Session table = s;
    table.data.points_by.clear(), table.data.points_value.clear();
    table.data.key_column = "adcode", table.data.separator = ";";
    write_session(tmp.path("t.json"), table, false);
    Session table_back = read_session(tmp.path("t.json"));
    CHECK(session_json(table_back) == session_json(table));
    CHECK(table_back.data.key_column == "adcode");
    SECTION("an existing file is kept without force") {
        CHECK_THROWS_WITH(write_session(path, Session{}, false), Catch::Contains("exists (use --force"));
        CHECK(read_session(path).width == 1200);
    }
}

// A session named its CSV by its absolute path: moved with its CSV, it failed ("'data.path' names
// '/tmp/work/prov.csv', which cannot be used") (helper-52). Files beside it or below are kept relative.
TEST_CASE("session: a data file and inset beside the session file are written relative to it", "[session]") {
    test::TempFolder tmp;
    std::filesystem::create_directories(tmp.path("data"));
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = tmp.path("data/prov.csv");
    s.furniture.inset = tmp.path("scs.geojson");
    write_session(tmp.path("s.json"), s, false);
    nlohmann::json j = nlohmann::json::parse(test::read_text(tmp.path("s.json")));
    CHECK(j["data"]["path"] == "data/prov.csv");
    CHECK(j["furniture"]["inset"] == "scs.geojson");
    Session back = read_session(tmp.path("s.json"));
    CHECK(back.data.path == std::filesystem::path(tmp.path("data/prov.csv")).lexically_normal().string());
    // A file elsewhere keeps its absolute path.
    s.data.path = "/srv/shared/prov.csv";
    write_session(tmp.path("t.json"), s, false);
    CHECK(nlohmann::json::parse(test::read_text(tmp.path("t.json")))["data"]["path"] == "/srv/shared/prov.csv");
}

TEST_CASE("session: a relative data path is read beside the session file", "[session]") {
    test::TempFolder tmp;
    std::filesystem::create_directories(tmp.path("figures"));
    std::ofstream(tmp.path("figures/s.json")) << R"({"clusteratlas_session": 1, "choropleth": "data",
        "data": {"path": "../firms.csv"}})";
    Session s = read_session(tmp.path("figures/s.json"));
    CHECK(s.choropleth == ChoroplethKind::UserData);
    CHECK(s.data.path == std::filesystem::path(tmp.path("firms.csv")).lexically_normal().string());
}

TEST_CASE("session: bad files name the file and the key", "[session]") {
    auto error_of = [](const std::string& text) {
        try {
            parse_session(text, "s.json");
        } catch (const AtlasError& e) {
            CHECK(e.kind() == ErrorKind::Input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of("{"), Catch::StartsWith("s.json: not a session file (JSON error"));
    CHECK_THAT(error_of(R"({"size": [10, 10]})"), Catch::Contains("no 'clusteratlas_session' key"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "size": [10, 10]})"), Catch::Contains("'size' must be"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "layers": {"hubs": "yes"}})"),
               Catch::Contains("'layers.hubs' has the wrong type"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "camera": {"lon": 116, "lat": 95, "metres_per_pixel": 100}})"),
               Catch::Contains("'camera' needs"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "choropleth": "heat"})"),
               Catch::Contains("unknown choropleth 'heat'"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "data": {"classes": 12}})"),
               Catch::Contains("'data.classes' must be a whole number 2 to 9, not 12"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "data": {"method": "kmeans"}})"),
               Catch::Contains("'data.method' must be quantile, equal or natural, not 'kmeans'"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "size": [1e300, 600]})"), Catch::Contains("16 to 8192 pixels"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "industries": "biotech"})"),
               Catch::Contains("'industries' has the wrong type (the string 'biotech'; expected an array of strings)"));
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "language": "fr"})"),
               Catch::Contains("'language' must be en or zh"));
    // -1 is the unset opacity inside; in a file it drew the default fill as if it were a value.
    CHECK_THAT(error_of(R"({"clusteratlas_session": 1, "regions": {"wuhan_metropolitan": {"opacity": -1}}})"),
               Catch::Contains("'regions.wuhan_metropolitan.opacity' must be 0 to 1, not -1"));
}

// Sessions are shared: a file one names is opened by whoever opens it, so it is a file on this
// machine. GDAL would fetch "/vsicurl/http://..." (a beacon to any host) and read a bare URL or a
// connection string from the network.
TEST_CASE("session: a file it names is a local file, never a URL or a GDAL virtual file", "[session]") {
    test::TempFolder tmp;
    const std::string origin = tmp.path("s.json");
    std::ofstream(origin) << "{}";
    auto error_of = [&](const std::string& text) {
        try {
            parse_session(text, origin);
        } catch (const AtlasError& e) {
            CHECK(e.kind() == ErrorKind::Input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    for (const char* path :
         {"/vsicurl/http://127.0.0.1:9/p.geojson", "/vsizip//vsicurl/http://h/x.zip/p.csv", "/vsis3/bucket/p.csv"}) {
        INFO(path);
        CHECK_THAT(error_of(std::string(R"({"clusteratlas_session": 1, "data": {"path": ")") + path + "\"}}"),
                   Catch::Contains("'data.path' must name a file on this machine, not a GDAL virtual file, URL or "
                                   "connection string: '") &&
                       Catch::Contains(path));
        CHECK_THAT(error_of(std::string(R"({"clusteratlas_session": 1, "furniture": {"inset": ")") + path + "\"}}"),
                   Catch::Contains("'furniture.inset' must name a file on this machine"));
    }
    // Without a session file to resolve against, a URL and a connection string stay as they are.
    for (const char* path : {"http://127.0.0.1:9/p.geojson", "WFS:http://127.0.0.1:9/wfs"}) {
        INFO(path);
        try {
            parse_session(std::string(R"({"clusteratlas_session": 1, "data": {"path": ")") + path + "\"}}", "");
            FAIL("accepted");
        } catch (const AtlasError& e) {
            CHECK_THAT(e.what(), Catch::Contains("must name a file on this machine"));
        }
    }
    // A VRT beside the session is a local file that reads the network (or a FIFO, which hung): refused
    // by its content, whatever its name.
    const std::string vrt = R"(<OGRVRTDataSource><OGRVRTLayer name="p"><SrcDataSource>)"
                            R"(/vsicurl/http://127.0.0.1:9/p.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>)";
    std::ofstream(tmp.path("remote.vrt")) << vrt;
    std::ofstream(tmp.path("remote.csv")) << "\xEF\xBB\xBF  " << vrt;
    for (const char* name : {"remote.vrt", "remote.csv"}) {
        INFO(name);
        CHECK_THAT(error_of(std::string(R"({"clusteratlas_session": 1, "data": {"path": ")") + name + "\"}}"),
                   Catch::Contains("'data.path' names a GDAL VRT, which reads other files or the network"));
        CHECK_THAT(error_of(std::string(R"({"clusteratlas_session": 1, "furniture": {"inset": ")") + name + "\"}}"),
                   Catch::Contains("'furniture.inset' names a GDAL VRT"));
    }
    // Beside the session file, a name with a colon is a local file like any other.
    Session s = parse_session(R"({"clusteratlas_session": 1, "data": {"path": "notes:2016.csv"}})", origin);
    CHECK(s.data.path == tmp.path("notes:2016.csv"));
}

TEST_CASE("session: names the document lacks are refused", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.compare = {"jingjinji"};
    CHECK_THROWS_WITH(check_session(doc, s, "s.json"), "s.json: 'compare' needs 2 to 4 regions, not 1");
    s.compare = {"jingjinji", "atlantis"};
    CHECK_THROWS_WITH(check_session(doc, s, "s.json"), "s.json: unknown region 'atlantis' in 'compare'");
    s.compare.clear();
    s.selected_prefecture = "999999";
    CHECK_THROWS_WITH(check_session(doc, s, "s.json"), Catch::Contains("unknown prefecture code '999999'"));
    s.selected_prefecture.clear();
    s.industries = {"telepathy"};
    CHECK_THROWS_WITH(check_session(doc, s, "s.json"), Catch::Contains("unknown industry 'telepathy'"));
    s.industries.clear();
    // A projection that cannot draw China was a usage error naming neither the file nor the key.
    s.projection = "+proj=ortho +lon_0=-75";
    CHECK_THROWS_WITH(check_session(doc, s, "s.json"),
                      "s.json: 'projection' '+proj=ortho +lon_0=-75': cannot show China: 0 of 121 points of "
                      "China's bounding box project");
    CHECK_NOTHROW(check_session(doc, s, "s.json", false));  // the command line's --projection replaces it
}

TEST_CASE("figure: one industry shows its regions, faint general ones, and hides the rest", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.industries = {"integrated_circuits"};
    Figure f = compose_figure(doc, s, nullptr);
    CHECK(f.style.regions[region_index("west_taiwan_strait")].visible);
    CHECK(f.style.regions[region_index("west_taiwan_strait")].fill_alpha >= 0.6f);
    CHECK(f.style.regions[region_index("shandong_peninsula")].fill_alpha < 0.3f);  // for next-generation IT: light
    CHECK(f.style.regions[region_index("kunming")].fill_alpha < 0.2f);             // general: faint
    CHECK_FALSE(f.style.regions[region_index("bohai_sea_region")].visible);        // context
    CHECK_THAT(f.legend.title, Catch::Contains("Integrated circuits"));
    CHECK(f.legend.entries[0].label == "West Side of the Taiwan Strait");
}

TEST_CASE("figure: several industries colour regions by how many they are named for", "[session]") {
    Session s;
    s.industries = {"biomedicine", "marine_economy"};
    Figure f = compose_figure(test::bundled_document(), s, nullptr);
    const RegionPaint& shandong = f.style.regions[region_index("shandong_peninsula")];  // both
    const RegionPaint& west = f.style.regions[region_index("west_taiwan_strait")];      // marine only
    CHECK(same_colour(shandong.colour, f.legend.entries[1].colour));
    CHECK(same_colour(west.colour, f.legend.entries[0].colour));
    CHECK(f.legend.entries[1].label == "2 of 2");
    CHECK_FALSE(f.style.regions[region_index("kunming")].visible);
    // In Chinese the classes and the industries are in Chinese (they were "1 of 2" and English names).
    s.english = false;
    set_language(Language::Chinese);
    f = compose_figure(test::bundled_document(), s, nullptr);
    set_language(Language::English);
    CHECK(f.legend.entries[1].label == "2 / 2 项");
    CHECK_THAT(f.legend.notes[0], Catch::Contains("生物医药、"));
    CHECK_THAT(f.legend.notes[0], !Catch::Contains("Biomedicine"));
}

TEST_CASE("figure: a region named for the sector above the industry is drawn light and listed", "[session]") {
    // --industry biomedicine: the West Side of the Taiwan Strait, named for "biology" (the biotech
    // sector), was hidden on the map while the viewer's Layers tab gave it an orange swatch.
    Session s;
    s.industries = {"biomedicine"};
    Figure f = compose_figure(test::bundled_document(), s, nullptr);
    const RegionPaint& west = f.style.regions[region_index("west_taiwan_strait")];
    CHECK(west.visible);
    CHECK(west.fill_alpha < 0.3f);
    CHECK(f.style.regions[region_index("shandong_peninsula")].fill_alpha >= 0.6f);  // named for biomedicine
    auto entry = std::find_if(f.legend.entries.begin(), f.legend.entries.end(), [](const LegendEntry& e) {
        return e.label.rfind("West Side of the Taiwan Strait", 0) == 0;
    });
    REQUIRE(entry != f.legend.entries.end());
    CHECK(entry->label == "West Side of the Taiwan Strait (light)");
    CHECK_THAT(f.legend.notes,
               Catch::VectorContains(std::string(
                   "Light: named for the sector above, Biotech industry, which may include this industry")));
    s.industries = {"next_gen_it"};  // a sector: none above it
    for (const LegendEntry& e : compose_figure(test::bundled_document(), s, nullptr).legend.entries)
        CHECK_THAT(e.label, !Catch::Contains("(light)"));
}

TEST_CASE("figure: the compare set shows only its regions and hatches the members they share", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.compare = {"jingjinji", "bohai_sea_region"};
    Figure f = compose_figure(doc, s, nullptr);
    std::size_t visible = 0;
    for (const RegionPaint& p : f.style.regions) visible += p.visible ? 1 : 0;
    CHECK(visible == 2);
    // Every unit of Beijing-Tianjin-Hebei lies in the Bohai Sea region: all of them are shared.
    CHECK(f.style.overlap_prefectures.size() == doc.shape(*doc.plan().region("jingjinji")).units.size());
    CHECK(f.legend.entries.back().label == "member of more than one (overlap)");  // no hubs: no hub symbol
    // Over an industry, comparing shows the compared regions alone.
    s.industries = {"biomedicine"};
    Figure over = compose_figure(doc, s, nullptr);
    CHECK(over.legend.title == "Comparison of 2 regions");
    visible = 0;
    for (const RegionPaint& p : over.style.regions) visible += p.visible ? 1 : 0;
    CHECK(visible == 2);
}

TEST_CASE("figure: without a camera the compared or picked regions are framed, as the viewer flies to them",
          "[session]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000, false});
    Projection albers("albers");
    auto on_screen = [&](const Camera& c, LonLat place) {
        ProjectedXY xy;
        REQUIRE(albers.forward(place, xy));
        ScreenXY p = c.scene_to_screen(scene.to_scene(xy));
        return p.x >= 0 && p.y >= 0 && p.x < c.width && p.y < c.height;
    };
    const LonLat beijing{116.40, 39.90}, hangzhou{120.16, 30.27}, lhasa{91.1, 29.65}, wuhan{114.30, 30.59};
    Session s;
    Camera national = session_camera(s, scene, albers, 1600, 1200);
    CHECK(on_screen(national, lhasa));
    s.compare = {"jingjinji", "yangtze_river_delta"};
    Camera compared = session_camera(s, scene, albers, 1600, 1200);
    CHECK(on_screen(compared, beijing));
    CHECK(on_screen(compared, hangzhou));
    CHECK_FALSE(on_screen(compared, lhasa));  // render --compare drew all of China, both regions small
    CHECK(compared.metres_per_pixel < national.metres_per_pixel / 2);
    // --region: the regions left visible.
    s.compare.clear();
    for (const PlanRegion& r : doc.plan().regions) s.regions[r.id].visible = r.id == "wuhan_metropolitan";
    Camera picked = session_camera(s, scene, albers, 1600, 1200);
    CHECK(on_screen(picked, wuhan));
    CHECK_FALSE(on_screen(picked, beijing));
    CHECK(picked.metres_per_pixel < national.metres_per_pixel / 5);
    // A choropleth of picked regions frames them too (helper-54: all of China, the region an outline);
    // a comparison under a choropleth is not drawn, and frames nothing; nor does a session's camera.
    s.choropleth = ChoroplethKind::ProvinceCoverage;
    CHECK(session_camera(s, scene, albers, 1600, 1200).metres_per_pixel == picked.metres_per_pixel);
    s.regions.clear();
    s.compare = {"jingjinji", "yangtze_river_delta"};
    CHECK(session_camera(s, scene, albers, 1600, 1200).metres_per_pixel == national.metres_per_pixel);
    s.choropleth = ChoroplethKind::None, s.compare.clear();
    s.has_camera = true, s.centre = {104, 35}, s.metres_per_pixel = 1234;
    CHECK(session_camera(s, scene, albers, 1600, 1200).metres_per_pixel == 1234);
}

TEST_CASE("figure: province coverage fills each province by its classed share", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.choropleth = ChoroplethKind::ProvinceCoverage;
    Figure f = compose_figure(doc, s, nullptr);
    REQUIRE(f.style.fills.layer == FeatureFills::Layer::Provinces);
    const auto& fills = f.style.fills.colours;
    CHECK(same_colour(fills[province_index("110000")], ramp_colour(1)));  // Beijing: all inside
    CHECK(same_colour(fills[province_index("540000")], kNotDesignated));  // Tibet: nothing designated
    // The lowest share class is coloured, apart from "not designated" for every reader.
    CHECK(min_difference_all_visions(kNotDesignated, f.legend.entries[1].colour) > 5);
    CHECK(f.legend.entries.size() == coverage_class_bounds().size() + 1);  // classes and the hub symbol
    for (const RegionPaint& p : f.style.regions) CHECK_FALSE(p.fill);
}

TEST_CASE("figure: a user column is classed onto its provinces", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = std::string(ATLAS_TEST_DATA) + "/user/province_area.csv";
    s.data.column = "area_km2";
    s.data.method = "quantile";
    s.data.classes = 4;
    auto table = load_session_data(doc, s);
    REQUIRE(table != nullptr);
    Figure f = compose_figure(doc, s, table.get());
    const auto& fills = f.style.fills.colours;
    CHECK(same_colour(fills[province_index("650000")], ramp_colour(1)));  // Xinjiang: the largest
    CHECK(same_colour(fills[province_index("820000")], ramp_colour(0)));  // Macau: the smallest
    // Classes and hubs: every province has a value, so "no data" is not listed.
    CHECK(f.legend.entries.size() == 4 + 1);
    CHECK(f.legend.entries.back().swatch == LegendEntry::Swatch::Point);
    CHECK_THAT(f.legend.title, Catch::StartsWith("area_km2 (province_area.csv)"));
    CHECK_THAT(f.legend.notes[0], Catch::EndsWith("; regions drawn as outlines"));
    s.data.column = "firms";
    CHECK_THROWS_AS(compose_figure(doc, s, table.get()), AtlasError);
}

TEST_CASE("figure: 'no data' is listed only where a unit has none", "[session]") {
    Document& doc = test::bundled_document();
    test::TempFolder tmp;
    std::ofstream(tmp.path("two.csv")) << "code,v\n110000,1\n310000,2\n";
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = tmp.path("two.csv");
    s.data.classes = 2;
    s.data.method = "equal";
    auto table = load_session_data(doc, s);
    Figure f = compose_figure(doc, s, table.get());
    REQUIRE(f.legend.entries.size() == 2 + 1 + 1);  // classes, no data, hubs
    CHECK(f.legend.entries[2].label == "no data");
    CHECK(same_colour(f.style.fills.colours[province_index("440000")], f.legend.entries[2].colour));  // Guangdong
}

TEST_CASE("figure: a points' figure says what it measures and why it has fewer classes", "[session]") {
    // Titled per_1000_km2 and sum_employees (the columns' keys), with two colours where five quantile
    // classes were asked and nothing said of the 360 prefectures with no point.
    Document& doc = test::bundled_document();
    Session s = test::firms_points_session("", "employees");
    auto table = load_session_data(doc, s);
    REQUIRE(table != nullptr);
    const std::vector<std::pair<std::string, std::string>> titles = {
        {"points", "points (firms.csv)"},
        {"per_1000_km2", "points per 1,000 km² (firms.csv)"},
        {"share_pct", "share of all points (%) (firms.csv)"},
        {"sum_employees", "sum of employees (firms.csv)"},
        {"mean_employees", "mean of employees (firms.csv)"}};
    for (const auto& [column, title] : titles) {
        s.data.column = column;
        CHECK(compose_figure(doc, s, table.get()).legend.title == title);
    }
    // In Chinese the column's name comes first ("合计 employees" read as "total: employees").
    set_language(Language::Chinese);
    s.data.column = "sum_employees";
    std::string zh_sum = compose_figure(doc, s, table.get()).legend.title;
    s.data.column = "mean_employees";
    std::string zh_mean = compose_figure(doc, s, table.get()).legend.title;
    set_language(Language::English);
    CHECK(zh_sum == "employees 合计 (firms.csv)");
    CHECK(zh_mean == "employees 平均值 (firms.csv)");
    s.data.column = "points";
    Figure f = compose_figure(doc, s, table.get());
    CHECK_THAT(f.legend.notes, Catch::VectorContains(std::string("2 classes, not 5: the value 0 in 360 of 367 units")));
    REQUIRE(f.legend.entries.size() >= 2);  // the class above 0: over 0, up to 1
    CHECK(f.legend.entries[1].label == ">0 - 1");
    // Five values over five classes: none merged, nothing said.
    test::TempFolder tmp;
    std::ofstream(tmp.path("five.csv")) << "code,v\n110000,1\n310000,2\n440000,3\n510000,4\n650000,5\n";
    Session five;
    five.choropleth = ChoroplethKind::UserData;
    five.data.path = tmp.path("five.csv");
    auto spread = load_session_data(doc, five);
    for (const std::string& note : compose_figure(doc, five, spread.get()).legend.notes)
        CHECK_THAT(note, !Catch::Contains("classes, not"));
    CHECK(compose_figure(doc, five, spread.get()).legend.title == "v (five.csv)");
    // One value everywhere: one class, said in the singular ("1 classes" before).
    std::ofstream(tmp.path("same.csv")) << "code,v\n110000,3\n310000,3\n440000,3\n";
    five.data.path = tmp.path("same.csv");
    auto same = load_session_data(doc, five);
    CHECK_THAT(compose_figure(doc, five, same.get()).legend.notes,
               Catch::VectorContains(std::string("1 class, not 5: the value 3 in 3 of 3 units")));
}

TEST_CASE("figure: the regions picked are named in the title", "[session]") {
    // --region kunming was titled "Regions for strategic emerging industries"; with --industry it
    // spoke of "the regions the plan names for it", none of which was drawn.
    Document& doc = test::bundled_document();
    Session s;
    for (const PlanRegion& r : doc.plan().regions)
        if (r.id != "kunming" && r.id != "shandong_peninsula") s.regions[r.id].visible = false;
    CHECK(compose_figure(doc, s, nullptr).title == "Shandong Peninsula urban agglomeration, Kunming");
    s.industries = {"biomedicine"};
    CHECK(compose_figure(doc, s, nullptr).title ==
          "Biomedicine (biopharmaceuticals): Shandong Peninsula urban agglomeration, Kunming; 1 of the 2 named for it");
    s.regions["shandong_peninsula"].visible = false;
    CHECK(compose_figure(doc, s, nullptr).title == "Biomedicine (biopharmaceuticals): Kunming, not named for it");
    s.show_regions = false;  // --layers provinces,hubs
    s.industries.clear();
    CHECK(compose_figure(doc, s, nullptr).title == "Hub cities of Kunming");
    // Four or more picked: counted, not named (the title said "the regions the plan names for it",
    // one of four drawn, or the generic plan title).
    s.show_regions = true;
    for (const char* id : {"shandong_peninsula", "guiyang", "pearl_river_delta"}) s.regions[id].visible = true;
    CHECK(compose_figure(doc, s, nullptr).title == "4 of the plan's 19 regions");
    s.industries = {"biomedicine"};
    Figure four = compose_figure(doc, s, nullptr);
    CHECK(four.title == "Biomedicine (biopharmaceuticals): 4 of the plan's 19 regions; 1 of the 4 named for it");
    // The grey ones the user picked keep their names on the map (none of the three was named).
    CHECK(four.style.regions[region_index("guiyang")].labelled);
    CHECK(four.style.regions[region_index("guiyang")].fill_alpha < 0.2f);
    Session all;
    all.industries = {"biomedicine"};
    CHECK_FALSE(compose_figure(doc, all, nullptr).style.regions[region_index("guiyang")].labelled);
    s.english = false;
    set_language(Language::Chinese);
    CHECK(compose_figure(doc, s, nullptr).title == "生物医药：4 个地区（规划共 19 个）；其中 1 个（共 4 个）为其点名");
    set_language(Language::English);
}

TEST_CASE("figure: the legend lists only the layers drawn", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    s.show_regions = false;  // --layers provinces,hubs
    Figure f = compose_figure(doc, s, nullptr);
    REQUIRE(f.legend.entries.size() == 1);
    CHECK(f.legend.entries[0].swatch == LegendEntry::Swatch::Point);
    CHECK(f.legend.entries[0].label == "hub city named by the plan");
    for (const std::string& note : f.legend.notes) CHECK_THAT(note, !Catch::Contains("Dashed outline"));
    s.show_hubs = false;
    CHECK(compose_figure(doc, s, nullptr).legend.entries.empty());
    s.industries = {"integrated_circuits"};  // an industry's legend is of regions too
    s.show_hubs = true;
    f = compose_figure(doc, s, nullptr);
    REQUIRE(f.legend.entries.size() == 1);
    CHECK(f.legend.entries[0].swatch == LegendEntry::Swatch::Point);
}

TEST_CASE("figure: without the regions layer the title names what is drawn", "[session]") {
    // --layers provinces was titled "Regions for strategic emerging industries"; with hubs and an
    // industry it spoke of the regions named for it and drew the hubs of every region.
    Document& doc = test::bundled_document();
    const Plan& plan = doc.plan();
    Session s;
    s.show_regions = s.show_hubs = s.show_prefectures = false;  // --layers provinces
    Figure f = compose_figure(doc, s, nullptr);
    CHECK(f.title == "Provinces of China");
    CHECK(f.legend.title == f.title);
    s.show_prefectures = s.show_pilot_zones = true;  // --layers provinces,prefectures,pilot_zones
    CHECK(compose_figure(doc, s, nullptr).title == "Comprehensive innovation reform pilot zones (2015)");
    CHECK(compose_figure(doc, s, nullptr).legend.title == "Comprehensive innovation reform pilot zones (2015)");
    s.show_pilot_zones = false, s.show_hubs = true;  // --layers provinces,prefectures,hubs --industry biomedicine
    s.industries = {"biomedicine"};
    f = compose_figure(doc, s, nullptr);
    CHECK(f.title == "Biomedicine (biopharmaceuticals): hub cities of the regions the plan names for it");
    // Only the named regions' hubs are drawn (scene/map_paint.cpp draws a hub of a visible region):
    // Kunming, designated in general, keeps its dot off.
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        INFO(plan.regions[i].id);
        CHECK(f.style.regions[i].visible == plan.designates(plan.regions[i], "biomedicine"));
    }
    s.industries.clear();
    s.compare = {"yangtze_river_delta", "pearl_river_delta"};
    CHECK(compose_figure(doc, s, nullptr).title ==
          "Hub cities of Yangtze River Delta urban agglomeration, Pearl River Delta urban agglomeration");
    s.show_regions = true;  // the regions drawn: the titles as before
    CHECK(compose_figure(doc, s, nullptr).title ==
          "Comparison: Yangtze River Delta urban agglomeration, Pearl River Delta urban agglomeration");
}

TEST_CASE("matrix layout: rows sorted by industries named, cells found at their pixels", "[session]") {
    const Plan& plan = test::bundled_plan();
    MatrixLayout m = matrix_layout(plan, "industries");
    REQUIRE(m.rows.size() == plan.regions.size());
    REQUIRE(m.columns.size() == plan.industries.size());
    CHECK(m.row_explicit[m.rows[0]] >= m.row_explicit[m.rows[1]]);
    CHECK(m.matrix.regions[m.rows.back()]->designation.type == DesignationType::Context);
    std::size_t row = 0, column = 0;
    REQUIRE(m.cell_at(m.row_label_px + 1, m.header_px + 1, row, column));
    CHECK(row == m.rows[0]);
    CHECK(m.matrix.industries[column]->id == "next_gen_it");  // the first sector leads the columns
    CHECK_FALSE(m.cell_at(5, 5, row, column));
    CHECK_THROWS_AS(matrix_layout(plan, "colour"), AtlasError);
}

TEST_CASE("figure: every outline and hatch drawn is in the legend, choropleths included", "[session]") {
    Document& doc = test::bundled_document();
    auto has_swatch = [](const Figure& f, LegendEntry::Swatch swatch) {
        return std::any_of(f.legend.entries.begin(), f.legend.entries.end(),
                           [&](const LegendEntry& e) { return e.swatch == swatch; });
    };
    auto has_note = [](const Figure& f, const std::string& start) {
        return std::any_of(f.legend.notes.begin(), f.legend.notes.end(),
                           [&](const std::string& n) { return n.rfind(start, 0) == 0; });
    };
    // A choropleth draws the regions as outlines, dashed where provisional and banded where wider
    // areas: its legend says both, as it lists no region.
    Session s;
    s.choropleth = ChoroplethKind::ProvinceCoverage;
    Figure coverage = compose_figure(doc, s, nullptr);
    CHECK(has_note(coverage, "Dashed outline: provisional extent"));
    CHECK(has_note(coverage,
                   "Wide band: a wider area around the clusters (not a designated cluster): Bohai Sea "
                   "region, Yangtze River Economic Belt"));
    // The Northeast's group is designated for five industries: not "not a designated cluster" (helper-52).
    CHECK(has_note(coverage,
                   "Wide band: a group of clusters the plan designates as a whole: Urban agglomerations "
                   "of Northeast China"));
    // One industry: the faint regions designated in general are hatched where partly in, and the
    // hatch is listed even when no region named for the industry has it.
    Session industry;
    industry.industries = {"biomedicine"};
    Figure f = compose_figure(doc, industry, nullptr);
    bool faint_hatched = false;
    const Plan& plan = doc.plan();
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        faint_hatched = faint_hatched || (f.style.regions[i].visible && f.style.regions[i].fill &&
                                          !plan.designates(plan.regions[i], "biomedicine") &&
                                          doc.shape(plan.regions[i]).partial_area_km2 > 0);
    REQUIRE(faint_hatched);
    CHECK(has_swatch(f, LegendEntry::Swatch::Hatched));
}

// Northeast China (a grouping, drawn as a wide band) is provisional: its band was solid and its swatch
// a plain band, while only its 1-pixel inner line was dashed (helper-50).
TEST_CASE("figure: a provisional wider area is drawn and listed with a broken band", "[session]") {
    Document& doc = test::bundled_document();
    Session s;
    for (const PlanRegion& r : doc.plan().regions) s.regions[r.id].visible = r.id == "northeast_china";
    Figure f = compose_figure(doc, s, nullptr);
    REQUIRE(f.legend.entries.size() >= 1);
    CHECK(f.legend.entries[0].label == "Urban agglomerations of Northeast China");
    CHECK(f.legend.entries[0].swatch == LegendEntry::Swatch::CasingDashed);
    s.regions["northeast_china"].visible = false;
    s.regions["bohai_sea_region"].visible = true;  // confirmed: a whole band
    CHECK(compose_figure(doc, s, nullptr).legend.entries[0].swatch == LegendEntry::Swatch::Casing);
}

TEST_CASE("figure: one faint region is counted in the singular", "[session]") {
    // render --region yangtze_river_delta --industry biomedicine read "faint: 1 regions".
    Document& doc = test::bundled_document();
    Session s;
    for (const PlanRegion& r : doc.plan().regions) s.regions[r.id].visible = r.id == "yangtze_river_delta";
    s.industries = {"biomedicine"};
    Figure f = compose_figure(doc, s, nullptr);
    bool found = std::any_of(f.legend.entries.begin(), f.legend.entries.end(), [](const LegendEntry& e) {
        return e.label == "faint: 1 region designated in general, no industry named";
    });
    CHECK(found);
}
