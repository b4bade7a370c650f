// End-to-end: the real clusteratlas binary, its stdout, stderr and exit codes.
#include <gdal_priv.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/csv.hpp"
#include "io/gdal_env.hpp"
#include "support.hpp"

using atlas::test::run_cli;
namespace test = atlas::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// A copy of the bundled GeoPackage at `path` with `statements` (SQL) run on it.
void edited_bundled_copy(const std::string& path, const std::vector<std::string>& statements) {
    std::filesystem::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", path);
    atlas::ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    for (const std::string& sql : statements) ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
}

}  // namespace

TEST_CASE("list provinces --format csv prints 34 rows with unique codes and both names", "[cli]") {
    auto r = run_cli("list provinces --format csv");
    REQUIRE(r.exit_code == 0);
    auto rows = atlas::parse_csv(r.out);
    REQUIRE(rows.size() == 35);
    CHECK(rows[0].cells[0] == "code");
    std::set<std::string> codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        codes.insert(rows[i].cells[0]);
        CHECK_FALSE(rows[i].cells[1].empty());
        CHECK_FALSE(rows[i].cells[2].empty());
    }
    CHECK(codes.size() == 34);
    // Any case, as export's --format: "CSV" was refused as an unknown format.
    auto upper = run_cli("list provinces --format CSV");
    CHECK(upper.exit_code == 0);
    CHECK(upper.out == r.out);
}

TEST_CASE("list prefectures: unique codes whose first two digits are the province's", "[cli]") {
    auto r = run_cli("list prefectures --format csv");
    REQUIRE(r.exit_code == 0);
    auto rows = atlas::parse_csv(r.out);
    REQUIRE(rows.size() == 368);
    std::set<std::string> codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK(codes.insert(rows[i].cells[0]).second);
        CHECK(rows[i].cells[0].substr(0, 2) == rows[i].cells[1].substr(0, 2));
    }
    auto jiangsu = run_cli("list prefectures --province 320000 --format json");
    CHECK(jiangsu.exit_code == 0);
    CHECK_THAT(jiangsu.out, Contains("\"name_en\": \"Suzhou (Jiangsu)\""));
}

TEST_CASE("info reports counts, datum and projection", "[cli]") {
    auto r = run_cli("info");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("provinces:    34 features"));
    CHECK_THAT(r.out, Contains("prefectures:  367 features"));
    CHECK_THAT(r.out, Contains("GCJ-02"));
    CHECK_THAT(r.out, Contains("+proj=aea +lat_1=25 +lat_2=47 +lon_0=105"));
    // CTest runs this without the county layer: info says so, and how to build one.
    CHECK_THAT(r.out, Contains("counties:     none (scripts/fetch-counties builds the layer"));
    // Asked for none: said as asked, not as a layer to go and build.
    CHECK_THAT(run_cli("--counties none info").out,
               Contains("counties:     none (--counties none: a partial member counts whole)"));
}

TEST_CASE("show reads the level a name's suffix gives, and full-width forms as typed", "[cli]") {
    // 吉林 alone names the province and the city; 吉林省 and 吉林市 say which.
    auto both = run_cli("show 吉林");
    CHECK(both.exit_code == 5);
    CHECK_THAT(both.err, Contains("'吉林' names 2 units"));
    CHECK_THAT(run_cli("show 吉林省").out, StartsWith("吉林  Jilin  [220000]  province"));
    CHECK_THAT(run_cli("show 吉林市").out, StartsWith("吉林  Jilin (city)  [220200]  prefecture"));
    CHECK_THAT(run_cli("show \"Jilin Province\"").out, StartsWith("吉林  Jilin  [220000]  province"));
    // An ideographic space after the name, as a Chinese input method leaves it; full-width digits.
    auto spaced = run_cli("show \"长三角\u3000\"");
    CHECK(spaced.exit_code == 0);
    CHECK_THAT(spaced.out, StartsWith("Yangtze River Delta urban agglomeration"));
    CHECK_THAT(run_cli("show \"吉林省\u3000\"").out, StartsWith("吉林  Jilin  [220000]  province"));
    CHECK_THAT(run_cli("show \uFF13\uFF17\uFF10\uFF11\uFF10\uFF10").out, StartsWith("济南  Jinan  [370100]"));
}

TEST_CASE("show: a level suffix asks for the unit over a region of its name, and one name of two cities asks which",
          "[cli]") {
    // 武汉 is the region (Wuhan metropolitan area); 武汉市 and "Wuhan City" the prefecture-level city.
    CHECK_THAT(run_cli("show 武汉").out, StartsWith("Wuhan"));
    CHECK_THAT(run_cli("show 武汉").out, !StartsWith("武汉  Wuhan  [420100]"));
    CHECK_THAT(run_cli("show 武汉市").out, StartsWith("武汉  Wuhan  [420100]  prefecture"));
    CHECK_THAT(run_cli("show \"Wuhan City\"").out, StartsWith("武汉  Wuhan  [420100]  prefecture"));
    CHECK_THAT(run_cli("show 昆明市").out, StartsWith("昆明  Kunming  [530100]  prefecture\n"));
    // The region of a city's name says that the name is the city's too (Kunming the key city).
    auto kunming = run_cli("show Kunming");
    CHECK_THAT(kunming.out, StartsWith("Kunming (昆明)  [kunming]\nkind:         key_city\n"));
    CHECK(kunming.err == "note: Kunming also names the prefecture 530100 昆明 Kunming: show 530100 reports it\n");
    CHECK_THAT(run_cli("show 659001").out,
               StartsWith("石河子  Shihezi  [659001]  prefecture (county-level city administered by its province)\n"));
    // A unit where a region is asked for is named as what it is (it was "unknown region '苏州'").
    auto suzhou = run_cli("compare 苏州 长三角");
    CHECK(suzhou.exit_code == 5);
    CHECK(suzhou.err ==
          "clusteratlas: unknown region '苏州': it is a prefecture, 320500 苏州 Suzhou (Jiangsu), not a "
          "region of the plan; show 320500 names the regions that hold it\n");
    CHECK_THAT(run_cli("render --region 青岛 -o never.png").err,
               Contains("'青岛': it is a prefecture, 370200 青岛 Qingdao (山东), not a region"));
    // Fuzhou is 福州 and 抚州: asked, with their provinces, not answered with the place 福州新区.
    auto fuzhou = run_cli("show Fuzhou");
    CHECK(fuzhou.exit_code == 5);
    CHECK(fuzhou.out.empty());
    CHECK_THAT(fuzhou.err, Contains("'Fuzhou' names 2 units (350100 福州 (福建), 361000 抚州 (江西)): give the code"));
    CHECK_THAT(run_cli("show \"Fuzhou (Fujian)\"").out, StartsWith("福州  Fuzhou (Fujian)  [350100]"));
    CHECK_THAT(run_cli("show \"Jilin City\"").out, StartsWith("吉林  Jilin (city)  [220200]  prefecture"));
    CHECK_THAT(run_cli("show \"Suzhou City\"").err, Contains("names 2 units (320500 苏州 (江苏), 341300 宿州 (安徽))"));
    // An autonomous prefecture as it is written: 延边州, 恩施州; a no-break space pasted after a name.
    CHECK_THAT(run_cli("show 延边州").out, StartsWith("延边  Yanbian  [222400]  prefecture"));
    CHECK_THAT(run_cli("show 恩施州").out, StartsWith("恩施  Enshi  [422800]  prefecture"));
    CHECK_THAT(run_cli("show \"吉林省\u00A0\"").out, StartsWith("吉林  Jilin  [220000]  province"));
    // One or two letters, or one character, are no name: not the Xi'an pilot zone, Wuhan or a new area.
    for (const char* short_query : {"x", "Wu", "江", "1"}) {
        auto r = run_cli(std::string("show ") + short_query);
        INFO(short_query);
        CHECK(r.exit_code == 5);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Contains("no region, province, prefecture, county or place"));
    }
}

TEST_CASE("bad input on the command line: one line on stderr, non-zero exit, nothing on stdout", "[cli][errors]") {
    std::string bad = std::string(ATLAS_TEST_DATA) + "/bad/";
    struct Case {
        std::string args, message;
        int code;
    };
    const Case cases[] = {
        {"--geodata /nonexistent.gpkg list provinces", "/nonexistent.gpkg: no such file", 3},
        {"--geodata " + bad + "not_vector.txt list provinces", "not a readable vector dataset", 3},
        {"--provinces-layer nope list provinces", "no layer 'nope'", 3},
        {"--geodata " + bad + "missing_code_field.geojson --provinces-layer units list provinces", "no field 'code'",
         3},
        {"--geodata " + bad + "duplicate_codes.geojson --provinces-layer units list provinces", "duplicate code", 3},
        {"--geodata " + bad + "empty_layer.geojson --provinces-layer units list provinces", "layer is empty", 3},
        {"--projection nosuchproj info", "unknown projection 'nosuchproj'", 2},
        {"list provinces --format xml", "unknown format 'xml'", 2},
        {"list prefectures --province 990000", "unknown province code '990000'", 5},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        auto r = run_cli(c.args);
        CHECK(r.exit_code == c.code);
        CHECK_THAT(r.err, Contains(c.message));
        CHECK(atlas::test::line_count(r.err) == 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("list regions shows every region of section 8", "[cli][plan]") {
    auto r = run_cli("list regions --format csv");
    REQUIRE(r.exit_code == 0);
    auto rows = atlas::parse_csv(r.out);
    CHECK(rows.size() == 20);
    CHECK_THAT(r.out, Contains("kunming,Kunming,昆明,key_city,key_city,general"));
    // The tier, as show and the exports give it.
    CHECK_THAT(r.out, Contains("长江三角洲城市群,urban_agglomeration,world_class_cluster,general"));
    CHECK_THAT(r.out, Contains("tianshan_north_slope") && Contains("provisional"));
}

TEST_CASE("show prints each region's plan sentence with its section", "[cli][plan]") {
    for (const auto& region : atlas::test::bundled_plan().regions) {
        INFO(region.id);
        auto r = run_cli("show " + region.id);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("plan, 8(2):"));
        CHECK_THAT(r.out, Contains(region.designation.quote));
        if (region.extent.provisional) CHECK_THAT(r.out, Contains("PROVISIONAL"));
    }
}

// What the sources leave unconfirmed was in show's table only: its JSON gave the caveat without the
// verification ("member list NOT found") or the note ("name and date unconfirmed").
TEST_CASE("show gives the extent's verification and note in its table and its JSON", "[cli][plan]") {
    auto table = run_cli("show tianshan_north_slope");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("verification: unconfirmed") && Contains("note:         Year is that of"));
    auto json = nlohmann::json::parse(run_cli("show tianshan_north_slope --format json").out);
    CHECK_THAT(json["extent"]["verification"].get<std::string>(), Contains("NOT found"));
    CHECK_THAT(json["extent"]["note"].get<std::string>(), Contains("main functional zone plan"));
    auto jingjinji = nlohmann::json::parse(run_cli("show jingjinji --format json").out);
    CHECK_THAT(jingjinji["extent"]["note"].get<std::string>(), Contains("unconfirmed"));
}

// Five pilot zones share their names with a region or unit, which won: the zone's own report
// (approval, document, what is unconfirmed) could not be shown at all.
TEST_CASE("a pilot zone named like a region or unit is reached by kind and id, and named when the other wins",
          "[cli][plan]") {
    for (const char* query : {"pilot-zone:jingjinji", "jingjinji pilot zone", "上海试验区", "pilot zone Xi'an"}) {
        INFO(query);
        auto r = run_cli(std::string("show \"") + query + "\"");
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("comprehensive innovation reform pilot zone (2015)"));
    }
    auto region = run_cli("show jingjinji");
    REQUIRE(region.exit_code == 0);
    CHECK_THAT(region.out, Contains("[jingjinji]") && !Contains("pilot zone (2015)"));
    CHECK_THAT(region.err, Contains("note: jingjinji also names the pilot zone Beijing-Tianjin-Hebei (京津冀): show "
                                    "pilot-zone:jingjinji reports it"));
    auto province = run_cli("show shanghai");
    CHECK_THAT(province.err, Contains("show pilot-zone:shanghai reports it"));
}

TEST_CASE("compare Shandong Peninsula with the West Side of the Taiwan Strait", "[cli][plan]") {
    auto r = run_cli("compare \"Shandong Peninsula\" \"West Side of the Taiwan Strait\"");
    REQUIRE(r.exit_code == 0);
    for (const char* word :
         {"biomedicine", "high-end equipment manufacturing", "next-generation information technology", "new materials",
          "marine economy", "biology", "oceans", "integrated circuits", "area_km2", "157"})
        CHECK_THAT(r.out, Contains(word));
    // A subsector counts for its sector, as in coverage: the West Side's integrated circuits (2(4))
    // for next-generation IT, Shandong's biomedicine (4(1)) for the biotech industry.
    CHECK_THAT(r.out, Contains("shared industries: next_gen_it; biotech; marine_economy\n"));
    CHECK_THAT(r.out, Contains("yes, through integrated_circuits"));
}

// compare counted only the industries a region names: Shandong's next_gen_it and Harbin-Changchun's
// electronic_components (under it) were unique to each, while coverage and list industries counted
// both for next_gen_it (helper-53).
TEST_CASE("compare counts a region for the sector above a subsector it names, as coverage does", "[cli][plan]") {
    auto r = run_cli("compare shandong_peninsula harbin_changchun --format json");
    REQUIRE(r.exit_code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    std::vector<std::string> shared = j["shared_industries"];
    for (const char* id : {"next_gen_it", "high_end_equipment", "biomedicine"}) {
        INFO(id);
        CHECK(std::find(shared.begin(), shared.end(), id) != shared.end());
    }
    const nlohmann::json& hc = j["regions"][1];
    CHECK(hc["through_subsectors"]["next_gen_it"] ==
          nlohmann::json::array({"electronic_components", "software_it_services"}));
    std::vector<std::string> unique = j["regions"][0]["unique_industries"];
    CHECK(std::find(unique.begin(), unique.end(), "next_gen_it") == unique.end());
    CHECK(j["regions"][0]["jaccard"]["harbin_changchun"].get<double>() > 0.111);  // 0.111 counting names only
}

TEST_CASE("compare as JSON: one object per region, numbers as numbers, no Jaccard without industries named",
          "[cli][plan]") {
    // Every value was a string ("216701"), and two general designations had Jaccard 1.000.
    auto r = run_cli("compare jingjinji zhongyuan shandong_peninsula --format json");
    REQUIRE(r.exit_code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    REQUIRE(j["regions"].size() == 3);
    const nlohmann::json& jjj = j["regions"][0];
    CHECK(jjj["id"] == "jingjinji");
    CHECK(jjj["area_km2"].is_number());
    CHECK(jjj["area_km2"].get<double>() > 200000);
    CHECK(jjj["members"] == 13);
    CHECK(jjj["jaccard"]["zhongyuan"].is_null());  // two general designations: undefined
    // A general designation against an explicit one: undefined too, not "nothing in common" (helper-51).
    CHECK(jjj["jaccard"]["shandong_peninsula"].is_null());
    CHECK(j["regions"][2]["jaccard"]["jingjinji"].is_null());
    CHECK(j["regions"][2]["jaccard"]["shandong_peninsula"] == 1.0);
    // Its five named, and the sectors above biomedicine and high-end equipment / new materials.
    CHECK(j["regions"][2]["industries"].size() == 7);
    auto table = run_cli("compare jingjinji zhongyuan");
    CHECK_THAT(table.out, Contains("n/a"));
}

TEST_CASE("coverage by province: 34 rows with shares and industries", "[cli][plan]") {
    auto r = run_cli("coverage --by province --format csv");
    REQUIRE(r.exit_code == 0);
    auto rows = atlas::parse_csv(r.out);
    REQUIRE(rows.size() == 35);
    CHECK(rows[0].cells[5] == "share");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        double share = std::stod(rows[i].cells[5]);
        CHECK(share >= 0.0);
        CHECK(share <= 1.0001);
    }
    CHECK_THAT(r.out, Contains("370000,Shandong,山东,157299,157299,1.0000"));
    // A share resting on a provisional extent says so: Fujian's 1.0 is the West Side of the Taiwan
    // Strait's, whose extent no national plan gives (helper-50: no mark in coverage).
    CHECK(rows[0].cells.back() == "provisional_regions");
    bool fujian = false;
    for (const auto& row : rows)
        if (row.cells[0] == "350000") fujian = row.cells.back() == "west_taiwan_strait";
    CHECK(fujian);
    auto matrix = run_cli("coverage --by region --format csv");
    CHECK_THAT(matrix.out,
               Contains("region,designation,extent,") && Contains("\ntianshan_north_slope,general,provisional,"));
}

TEST_CASE("unknown names get suggestions and exit code 5", "[cli][errors]") {
    auto r = run_cli("show \"Pearl Rivr Delta urbn\"");
    auto unknown = run_cli("show Atlantis");
    CHECK(unknown.exit_code == 5);
    CHECK_THAT(unknown.err, Contains("no region, province, prefecture, county or place 'Atlantis'"));
    auto typo = run_cli("compare Shandong Yangzi");
    CHECK(typo.exit_code == 5);
    CHECK_THAT(typo.err, Contains("did you mean:"));
    CHECK(run_cli("compare jingjinji").exit_code == 2);
}

// `coverage --by region --industry biomedicine` printed the whole matrix, byte for byte the same as
// without it; `export --data-key code` without --data wrote the plan's layers.
TEST_CASE("an option given where it changes nothing is refused, naming where it applies", "[cli][errors]") {
    auto industry = run_cli("coverage --by region --industry biomedicine");
    CHECK(industry.exit_code == 2);
    CHECK(industry.err ==
          "clusteratlas: --industry applies to --by province (the regions designated for it); --by 'region' lists "
          "every industry\n");
    auto all = run_cli("coverage --by province --all-industries");
    CHECK(all.exit_code == 2);
    CHECK(all.err == "clusteratlas: --all-industries applies to --by region (a column for every industry)\n");
    CHECK(run_cli("coverage --by province --industry biomedicine").exit_code == 0);
    test::TempFolder tmp;
    auto key = run_cli("export --data-key code -o " + tmp.path("x.geojson"));
    CHECK(key.exit_code == 2);
    CHECK(key.err == "clusteratlas: --data-key needs --data (without it, it changes nothing)\n");
    CHECK(!std::filesystem::exists(tmp.path("x.geojson")));
    auto shapefile = run_cli("export --layer hubs --table my_hubs -o " + tmp.path("h.shp"));
    CHECK(shapefile.exit_code == 2);
    CHECK(shapefile.err ==
          "clusteratlas: --table does nothing for ESRI Shapefile: its layer is named after the "
          "file; rename the file instead\n");
    auto tab = run_cli("export --layer hubs --table \"$(printf 'a\\tb')\" -o " + tmp.path("h.gpkg"));
    CHECK(tab.exit_code == 2);
    CHECK(tab.err == "clusteratlas: --table 'a\\tb': a table name with control characters is refused\n");
}

// "command line: 'compare' needs 2 to 4 regions" named a session key the user never typed.
TEST_CASE("render's figure options are named as typed when they do not fit together", "[cli][errors]") {
    test::TempFolder tmp;
    auto one = run_cli("render -o " + tmp.path("a.png") + " --compare jingjinji");
    CHECK(one.exit_code == 2);
    CHECK(one.err == "clusteratlas: --compare needs 2 to 4 regions (--compare A --compare B ...), not 1\n");
    auto twice = run_cli("render -o " + tmp.path("a.png") + " --compare jingjinji --compare 京津冀");
    CHECK(twice.exit_code == 2);
    CHECK(twice.err == "clusteratlas: --compare names region 'jingjinji' twice\n");
    auto data = run_cli("render -o " + tmp.path("a.png") + " --choropleth data");
    CHECK(data.exit_code == 2);
    CHECK(data.err == "clusteratlas: --choropleth data needs --data FILE (or --points FILE)\n");
    CHECK(!std::filesystem::exists(tmp.path("a.png")));
}

// A session without "size" was drawn at the viewer's 1400x900 while --help gives 1600x1200.
TEST_CASE("render --session of a session without a size draws at --size's default", "[cli][figure][gl]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("s.json")) << R"({"clusteratlas_session": 1, "industries": ["biomedicine"]})";
    auto r = run_cli("render --session " + tmp.path("s.json") + " -o " + tmp.path("a.png"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("(1600x1200, "));
    std::ofstream(tmp.path("t.json")) << R"({"clusteratlas_session": 1, "size": [320, 200]})";
    auto sized = run_cli("render --session " + tmp.path("t.json") + " -o " + tmp.path("b.png"));
    REQUIRE(sized.exit_code == 0);
    CHECK_THAT(sized.err, Contains("(320x200, "));
}

TEST_CASE("export regions to GeoJSON from the command line", "[cli][export]") {
    atlas::test::TempFolder tmp;
    std::string out = tmp.path("regions.geojson");
    auto r = run_cli("export --layer regions -o " + out);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("wrote") && Contains("19 features"));
    auto info = atlas::test::read_text(out);
    CHECK(std::count(info.begin(), info.end(), '\n') == 21);  // header, 19 features, footer
    std::ofstream(tmp.path("keep.geojson")) << "mine";
    auto again = run_cli("export --layer regions -o " + tmp.path("keep.geojson"));
    CHECK(again.exit_code == 4);
    CHECK_THAT(again.err, Contains("exists (use --force"));
    CHECK(atlas::test::read_text(tmp.path("keep.geojson")) == "mine");
    auto forced = run_cli("export --layer regions --force -o " + tmp.path("keep.geojson"));
    CHECK(forced.exit_code == 0);
}

TEST_CASE("export to stdout, and export errors", "[cli][export][errors]") {
    auto r = run_cli("export --layer hubs --region 长三角 -o -");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("\"type\":\"FeatureCollection\"") && Contains("\"name_en\":\"Hefei\""));
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 8);  // 6 hubs
    struct Case {
        std::string args, message;
        int code;
    };
    const Case cases[] = {
        {"export --format DXF -o /tmp/x.dxf", "unknown format 'DXF'", 2},
        {"export --layer rivers -o /tmp/x.geojson", "unknown layer 'rivers'", 2},
        {"export --format GPKG -o -", "only GeoJSON", 2},
        {"export --industry digital_creative -o /tmp/never.geojson", "selection is empty", 2},
        // Known names whose combination selects nothing: a usage error, not an unknown name (5).
        {"export --layer hubs --region jingjinji -o /tmp/never.geojson", "nothing of layer 'hubs' lies in", 2},
        {"export -o /proc/nope/x.geojson", "no folder '/proc/nope'", 4},
        {"export --region Atlantis -o /tmp/never.geojson", "unknown region 'Atlantis'", 5},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        auto e = run_cli(c.args);
        CHECK(e.exit_code == c.code);
        CHECK_THAT(e.err, Contains(c.message));
        CHECK(atlas::test::line_count(e.err) == 1);
    }
    CHECK_FALSE(std::ifstream("/tmp/never.geojson").good());
}

// Options that change nothing in the result were accepted without a word: the figure or file the
// user got was not the one they asked for, and nothing said so.
TEST_CASE("options that would change nothing are refused, naming what they need", "[cli][errors]") {
    test::TempFolder tmp;
    const std::string png = " -o " + tmp.path("x.png");
    test::TempFolder inputs;
    std::ofstream(inputs.path("one.geojson"))
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"v":1},)"
        << R"("geometry":{"type":"Point","coordinates":[116.3,39.9]}}]})";
    struct Case {
        std::string args, message;
    };
    const Case cases[] = {
        {"render --column firms" + png, "--column classes the --data choropleth: give --data FILE"},
        {"render --classes 7" + png, "--classes classes the --data choropleth"},
        {"render --data-key code" + png, "--data-key reads --data: give --data FILE"},
        {"render --points-value v" + png, "--points-value is an option of --points: give --points FILE"},
        {"render --max-outside 5" + png, "--max-outside is an option of --points"},
        {"render --compare yrd --compare prd --region bth" + png, "--compare draws only the compared regions"},
        {"render --compare yrd --compare prd --industry biomedicine" + png,
         "--compare draws the compared regions, not --industry's"},
        {"render --compare yrd --compare prd --choropleth province-coverage" + png,
         "--compare is not drawn under a choropleth"},
        {"render --title T --no-title" + png, "--title and --no-title: choose one"},
        {"render --paper a4 --size 800x600" + png, "--paper sets the page's size: --size does nothing with it"},
        {"render --paper a4 --dpi 150 -o " + tmp.path("x.svg"), "--dpi sets a PNG's resolution"},
        {"render --points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --choropleth none" + png,
         "--points is drawn by --choropleth data, and --choropleth none leaves it out"},
        {"render --choropleth none --data " + std::string(ATLAS_TEST_DATA) + "/user/bad_rows.csv" + png,
         "--data is drawn by --choropleth data, and --choropleth none leaves it out"},
        {"export --layer regions --table t -o " + tmp.path("t.geojson"), "--table does nothing for GeoJSON"},
        {"export --layer regions --format \"ESRI Shapefile\" -o " + tmp.path("e.zip"),
         "a Shapefile is named .shp (or .shp.zip or .shz, zipped); '.zip' would be a folder of that name"},
        {"points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --format json -o " + tmp.path("p.geojson"),
         "with -o the layer's format is its name's extension"},
        {"points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --force", "--force needs --output"},
        {"points " + std::string(ATLAS_TEST_DATA) +
             "/points/firms.csv --by industry --industry-column industry "
             "--value employees",
         "--by industry counts the points of each industry; --value sums per unit"},
        {"points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --layer foo",
         "--layer picks a layer of a "
         "multi-layer source; a CSV has one"},
        {"export --layer regions --no-bom -o " + tmp.path("r.geojson"), "--no-bom is for CSV output"},
        {"export --layer regions --keep-formulas -o " + tmp.path("r.gpkg"), "--keep-formulas is for CSV output"},
        {"export --layer hubs --simplify 1000 -o " + tmp.path("h.geojson"),
         "--simplify simplifies borders, and the "
         "hubs are points"},
        {"export --layer regions --format CSV -o " + tmp.path("z.txt"),
         "a CSV is named .csv; '.txt' would be a folder"},
        {"points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --industry-column industry --by province",
         "--industry-column counts the points of each industry: give --by industry, or drop it"},
        {"points " + inputs.path("one.geojson") + " --lon x --lat y", "--lon names a CSV column; the points of '"},
        {"render --layers provinces --region jingjinji" + png,
         "--region picks regions to draw, and neither the regions nor the hubs layer is drawn"},
        {"render --layers provinces,labels --compare kunming --compare guiyang" + png,
         "--compare picks regions to draw, and neither the regions nor the hubs layer is drawn"},
        {"list provinces --keep-formulas", "--keep-formulas is for CSV output; --format table is written as it is"},
        {"show jingjinji --keep-formulas --format json", "--keep-formulas is for CSV output; --format json"},
        {"coverage --keep-formulas", "--keep-formulas is for CSV output"},
        {"compare yrd prd --keep-formulas", "--keep-formulas is for CSV output"},
        {"points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --keep-formulas",
         "--keep-formulas is for CSV output"},
        {"list counties --province 110000 --prefecture 320100",
         "--prefecture '320100' (Nanjing) lies in province '320000', not in --province '110000': drop one"},
        {"render --size 8192x16 --width-mm 200 -o " + tmp.path("x.pdf"),
         "--width-mm 200 with --size 8192x16's shape gives a 200 x 0.390625 mm page laid out at 945 x 2 pixels"},
        {"list regions --province 320000", "list regions takes no --province (it filters counties or prefectures)"},
        {"list prefectures --prefecture 320100", "list prefectures takes no --prefecture (it filters counties)"},
        {"list provinces --kind pilot-zone", "list provinces takes no --kind (it filters places)"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        auto e = run_cli(c.args);
        CHECK(e.exit_code == 2);
        CHECK_THAT(e.err, Contains(c.message));
        CHECK(atlas::test::line_count(e.err) == 1);
    }
    CHECK(std::filesystem::is_empty(tmp.path("")));  // nothing written: no figure, no e.zip folder
    // view takes the figure options render takes, and refuses the same of them (where it is built).
    const Case view_cases[] = {
        {"view --column x --frames 1", "--column classes the --data choropleth: give --data FILE, or drop it"},
        {"view --method equal --frames 1", "--method classes the --data choropleth"},
        {"view --data-key code --frames 1", "--data-key reads --data: give --data FILE"},
        {"view --compare jingjinji --compare shandong_peninsula --industry biomedicine --frames 1",
         "--compare draws the compared regions, not --industry's: choose one"},
        {"view --choropleth none --data " + std::string(ATLAS_TEST_DATA) + "/user/province_area.csv --frames 1",
         "--data is drawn by --choropleth data, and --choropleth none leaves it out"},
    };
    for (const Case& c : view_cases) {
        if (!ATLAS_HAVE_VIEWER) break;
        INFO(c.args);
        auto e = run_cli(c.args);
        CHECK(e.exit_code == 2);
        CHECK_THAT(e.err, Contains(c.message));
        CHECK(atlas::test::line_count(e.err) == 1);
    }
    // points has no --format naming a GDAL format: its advice does not offer one.
    auto gml = run_cli("points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv -o " + tmp.path("p.gml"));
    CHECK(gml.exit_code == 2);
    CHECK_THAT(gml.err, Contains("'.gml' is not the extension of a format ClusterAtlas writes"));
    CHECK(gml.err.find("--format") == std::string::npos);
    // The choropleth --points gives is "--choropleth data", which was refused as needing --data.
    auto points_data = run_cli("render --points " + std::string(ATLAS_TEST_DATA) +
                               "/points/firms.csv --choropleth data -o " + tmp.path("p.svg"));
    CHECK(points_data.exit_code == 0);
    // Without --force an input as the output said "exists (use --force ...)", advice that led to the refusal.
    std::ofstream(tmp.path("f.csv")) << "lon,lat\n116.4,39.9\n";
    auto own = run_cli("points " + tmp.path("f.csv") + " -o " + tmp.path("f.csv"));
    CHECK(own.exit_code == 2);
    CHECK_THAT(own.err, Contains("is an input of this command"));
    // What --keep-formulas changes is still written: a CSV table printed, or a CSV file by -o.
    CHECK(run_cli("list provinces --format csv --keep-formulas").exit_code == 0);
    CHECK(run_cli("points " + std::string(ATLAS_TEST_DATA) + "/points/firms.csv --keep-formulas -o " +
                  tmp.path("kept.csv"))
              .exit_code == 0);
    // --region with the hubs drawn picks the hubs.
    CHECK(run_cli("render --layers provinces,hubs --region yrd -o " + tmp.path("hubs.svg")).exit_code == 0);
    // A near miss of a name is read as the best match and said.
    auto near = run_cli("coverage --by province --industry biomedcine --format csv");
    CHECK(near.exit_code == 0);
    CHECK_THAT(near.err,
               Contains("'biomedcine' read as industry 'biomedicine' (Biomedicine (biopharmaceuticals)): give the id "
                        "to be sure"));
    CHECK(run_cli("coverage --by province --industry biomedicine --format csv").err.empty());
}

TEST_CASE("a CSV with bad rows reports each by its line number and writes nothing", "[cli][errors][user_data]") {
    test::TempFolder tmp;
    std::string csv = std::string(ATLAS_TEST_DATA) + "/user/bad_rows.csv";
    auto r = test::run_cli("render --data " + csv + " -o " + tmp.path("map.png"));
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("bad_rows.csv:3: unknown code '990000'"));
    CHECK_THAT(r.err, Catch::Contains("bad_rows.csv:4: column 'firms': '12x' is not a number"));
    CHECK_THAT(r.err, Catch::Contains("bad_rows.csv:6: duplicate code '110000' (first on line 2)"));
    CHECK(test::line_count(r.err) == 3);
    CHECK_FALSE(std::filesystem::exists(tmp.path("map.png")));
}

TEST_CASE("render --session draws a kept session, and command-line options override the file", "[cli][figure][gl]") {
    test::TempFolder tmp;
    std::string sessions = std::string(ATLAS_TEST_DATA) + "/sessions/";
    auto r = test::run_cli("render --session " + sessions + "user_csv.json --size 800x500 -o " + tmp.path("csv.png"));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("wrote " + tmp.path("csv.png") + " (800x500"));
    auto again = test::run_cli("render --session " + sessions + "user_csv.json -o " + tmp.path("csv.png"));
    CHECK(again.exit_code == 4);  // kept without --force
    CHECK_THAT(again.err, Catch::Contains("exists (use --force"));
    auto count =
        test::run_cli("render --industry biomedicine --industry marine_economy --size 600x400 -o " + tmp.path("n.png"));
    CHECK(count.exit_code == 0);
    // A matrix is a table: its line names no projection.
    auto matrix = test::run_cli("render --session " + sessions + "matrix.json -o " + tmp.path("m.png"));
    CHECK(matrix.exit_code == 0);
    CHECK_THAT(matrix.err, Catch::Contains(", coverage matrix, ") && !Catch::Contains("albers"));
}

TEST_CASE("render --save-session keeps the figure: the session draws the same bytes", "[cli][figure]") {
    // A figure made on the command line could not be kept: the viewer saved sessions, render did not.
    test::TempFolder tmp;
    std::string firms = std::string(ATLAS_TEST_DATA) + "/points/firms.csv";
    auto made = test::run_cli(
        "render --renderer cairo --region kunming --region guiyang --industry biomedicine "
        "--lang zh --size 500x400 --title 'Two regions' -o " +
        tmp.path("a.png") + " --save-session " + tmp.path("s.json"));
    REQUIRE(made.exit_code == 0);
    CHECK_THAT(made.err, Catch::Contains("wrote " + tmp.path("s.json")));
    auto redrawn =
        test::run_cli("render --renderer cairo --session " + tmp.path("s.json") + " -o " + tmp.path("b.png"));
    REQUIRE(redrawn.exit_code == 0);
    CHECK(test::read_text(tmp.path("a.png")) == test::read_text(tmp.path("b.png")));
    // Points: their file by absolute path, the value summed, the datum kept.
    auto points = test::run_cli("render --renderer cairo --points " + firms +
                                " --points-value employees --points-datum gcj02 --size 500x400 -o " +
                                tmp.path("p.png") + " --save-session " + tmp.path("p.json"));
    REQUIRE(points.exit_code == 0);
    nlohmann::json kept = nlohmann::json::parse(test::read_text(tmp.path("p.json")));
    CHECK(kept["data"]["path"] == std::filesystem::absolute(firms).string());
    CHECK(kept["data"]["column"] == "sum_employees");
    CHECK(kept["data"]["points_datum"] == "gcj02");
    // Points over a table's session: the table's key column and separator are not kept with them
    // (a session with both is refused), so the saved session opens.
    std::ofstream(tmp.path("table.json"))
        << R"({"clusteratlas_session":1,"choropleth":"data","data":{"path":")" << ATLAS_TEST_DATA
        << R"(/user/province_area.csv","key_column":"code","separator":",","column":"area_km2"}})";
    auto over = test::run_cli("render --renderer cairo --session " + tmp.path("table.json") + " --points " + firms +
                              " --size 500x400 -o " + tmp.path("t.png") + " --save-session " + tmp.path("t.json"));
    REQUIRE(over.exit_code == 0);
    auto reopened =
        test::run_cli("render --renderer cairo --session " + tmp.path("t.json") + " -o " + tmp.path("t2.png"));
    CHECK(reopened.exit_code == 0);
    CHECK(test::read_text(tmp.path("t.png")) == test::read_text(tmp.path("t2.png")));
    // An existing session is kept without --force, and the figure not drawn; columns a session
    // cannot name are refused.
    auto again = test::run_cli("render -o " + tmp.path("c.png") + " --save-session " + tmp.path("p.json"));
    CHECK(again.exit_code == 4);
    CHECK_FALSE(std::filesystem::exists(tmp.path("c.png")));
    auto lon = test::run_cli("render --points " + firms + " --points-lon lon -o " + tmp.path("d.png") +
                             " --save-session " + tmp.path("d.json"));
    CHECK(lon.exit_code == 2);
    CHECK_THAT(lon.err, Catch::Contains("--points-lon cannot be kept in a session"));
    // What a session cannot keep is said (--counties none and a 120 mm page at 300 dpi were dropped
    // without a word); a plain figure says nothing of it.
    CHECK_THAT(made.err, !Catch::Contains("a session keeps"));
    auto page = test::run_cli("--counties none render --renderer cairo --width-mm 120 --dpi 300 -o " +
                              tmp.path("e.png") + " --save-session " + tmp.path("e.json"));
    REQUIRE(page.exit_code == 0);
    CHECK_THAT(page.err, Catch::Contains("e.json: a session keeps the figure, not its data sources (--counties)"));
    CHECK_THAT(page.err, Catch::Contains("e.json: a session keeps the figure's size in pixels (567x425), not "
                                         "--width-mm, --dpi"));
}

TEST_CASE("a terminal table shows a layer's control characters escaped, CSV and JSON carry them", "[cli][errors]") {
    // A name_en holding ESC ] 0 ; ... BEL retitled the terminal and ESC [ 2 J cleared it: errors were
    // escaped, `list` and `coverage` tables were not.
    std::string geodata =
        "--geodata " + std::string(ATLAS_TEST_DATA) + "/bad/escape_names.geojson --provinces-layer units ";
    auto table = test::run_cli(geodata + "list provinces");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Shanghai\\x1b]0;PWN\\x07\\x1b[2J"));
    CHECK(table.out.find('\x1b') == std::string::npos);
    CHECK(table.out.find('\x07') == std::string::npos);
    auto json = test::run_cli(geodata + "list provinces --format json");
    CHECK_THAT(json.out, Catch::Contains("Shanghai\\u001b]0;PWN\\u0007\\u001b[2J"));
    // CSV into a file or a pipe is data; on a terminal (util-linux `script` gives one) it retitled it.
    auto csv = test::run_cli(geodata + "list provinces --format csv");
    CHECK_THAT(csv.out, Catch::Contains("Shanghai\x1b]0;PWN\x07\x1b[2J"));
    test::TempFolder tmp;
    std::string command = "script -qec '" + std::string(ATLAS_CLI) + " " + geodata +
                          "list provinces --format csv' /dev/null > " + tmp.path("tty") + " 2>&1 < /dev/null";
    // Twice: the second is answered by the front program from the cache, its stdout held in memory
    // while it answers (it printed the ESC as it was).
    for (int run = 0; run < 2; ++run) {
        REQUIRE(std::system(command.c_str()) == 0);
        std::string tty = test::read_text(tmp.path("tty"));
        CHECK_THAT(tty, Catch::Contains("Shanghai\\x1b]0;PWN\\x07\\x1b[2J"));
        CHECK(tty.find('\x1b') == std::string::npos);
    }
}

TEST_CASE("a session's table under another colouring is said not drawn", "[cli][session]") {
    // A session with a 'data' block and no "choropleth": "data" drew a plain map without a word.
    test::TempFolder tmp;
    std::ofstream(tmp.path("d.csv")) << "code,v\n110000,1\n";
    std::ofstream(tmp.path("s.json"))
        << R"({"clusteratlas_session": 1, "data": {"path": "d.csv"}, "size": [400, 300]})";
    auto r = test::run_cli("render --renderer cairo --session " + tmp.path("s.json") + " -o " + tmp.path("s.png"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("s.json: its 'data' (d.csv) is not drawn: its 'choropleth' is 'none' "
                                      "(give --choropleth data to draw it)"));
}

TEST_CASE("a plan whose names hold control characters is said once, and its names printed escaped", "[cli][errors]") {
    // An edited plan.json's region named "BTH ESC ] 0 ; PWN BEL" went by without a word.
    test::TempFolder tmp;
    nlohmann::json plan = nlohmann::json::parse(test::read_text(std::string(ATLAS_GEODATA) + "/plan.json"));
    plan["regions"][0]["name_en"] = "BTH\x1b]0;PWN\x07";
    std::ofstream(tmp.path("plan.json")) << plan.dump();
    auto listed = test::run_cli("--plan " + tmp.path("plan.json") + " list regions");
    REQUIRE(listed.exit_code == 0);
    CHECK_THAT(listed.err, Catch::Contains("plan.json: 1 name holds a control character, shown escaped: "
                                           "regions[0].name_en 'BTH\\x1b]0;PWN\\x07'"));
    CHECK_THAT(listed.out, Catch::Contains("BTH\\x1b]0;PWN\\x07"));
    CHECK(listed.out.find('\x1b') == std::string::npos);
}

TEST_CASE("an option typed over a session replaces what in it would hide the option's figure, with a note",
          "[cli][session]") {
    // render --session S --industry X over a session's comparison drew the comparison without a word
    // (without a session, --compare with --industry is refused).
    atlas::test::TempFolder tmp;
    std::ofstream(tmp.path("c.json"))
        << R"({"clusteratlas_session": 1, "compare": ["jingjinji", "wuhan_metropolitan"], "size": [400, 300]})";
    auto saved = [&](const std::string& name) { return nlohmann::json::parse(atlas::test::read_text(tmp.path(name))); };
    std::string common = " --renderer cairo -o " + tmp.path("o.png") + " --force --save-session ";
    auto industry =
        run_cli("render --session " + tmp.path("c.json") + " --industry biomedicine" + common + tmp.path("i.json"));
    REQUIRE(industry.exit_code == 0);
    CHECK_THAT(industry.err, Contains("note: --industry replaces " + tmp.path("c.json") + "'s 'compare'"));
    CHECK(saved("i.json")["compare"].empty());
    CHECK(saved("i.json")["industries"] == nlohmann::json::array({"biomedicine"}));
    auto region = run_cli("render --session " + tmp.path("c.json") + " --region wuhan" + common + tmp.path("r.json"));
    REQUIRE(region.exit_code == 0);
    CHECK_THAT(region.err, Contains("note: --region replaces " + tmp.path("c.json") + "'s 'compare'"));
    CHECK(saved("r.json")["compare"].empty());
    // A session file asking for two figures draws one, and says which it left out.
    std::ofstream(tmp.path("both.json"))
        << R"({"clusteratlas_session": 1, "compare": ["jingjinji", "wuhan_metropolitan"], "choropleth": "province-coverage"})";
    auto both = run_cli("render --session " + tmp.path("both.json") + " --renderer cairo -o " + tmp.path("b.png"));
    REQUIRE(both.exit_code == 0);
    CHECK_THAT(both.err, Contains("both.json: its 'compare' is not drawn under its choropleth"));
    // --compare typed over it draws the comparison (the viewer drops a choropleth when regions are ticked).
    auto compared = run_cli("render --session " + tmp.path("both.json") + " --compare yrd --compare prd" + common +
                            tmp.path("k.json"));
    REQUIRE(compared.exit_code == 0);
    CHECK_THAT(compared.err, Contains("note: --compare replaces " + tmp.path("both.json") + "'s 'choropleth'"));
    CHECK(saved("k.json")["choropleth"] == "none");
    CHECK(saved("k.json")["compare"] == nlohmann::json::array({"yangtze_river_delta", "pearl_river_delta"}));
}

TEST_CASE("show escapes a layer's control characters in its report", "[cli][errors]") {
    // A copy of the bundled layers whose Suzhou name_en holds ESC ] 0 ; PWN BEL: `show 320500`
    // retitled the terminal (its report was printed as read).
    atlas::test::TempFolder tmp;
    edited_bundled_copy(tmp.path("c.gpkg"),
                        {"UPDATE prefectures SET name_en = 'Suzhou' || char(27) || ']0;PWN' || char(7) "
                         "WHERE code = '320500'",
                         // A line break in a name split the heading in two (escaped as the other controls now).
                         "UPDATE prefectures SET name_zh = '苏' || char(10) || '州' WHERE code = '320500'"});
    auto shown = run_cli("--geodata " + tmp.path("c.gpkg") + " show 320500", "XDG_CACHE_HOME=" + tmp.path("cache"));
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, StartsWith("苏\\n州  Suzhou\\x1b]0;PWN\\x07  [320500]"));
    CHECK(shown.out.find('\x1b') == std::string::npos);
    CHECK(shown.out.find('\x07') == std::string::npos);
    // The read says so, once, naming the unit (nothing was said of it).
    CHECK_THAT(shown.err, Contains("c.gpkg: layer 'prefectures': 1 unit name holds a control character, shown "
                                   "escaped: feature "));
    CHECK_THAT(shown.err, Contains("(code '320500'): '苏\\n州'"));
    CHECK(shown.err.find('\x1b') == std::string::npos);
}

// A region's area exceeded its members' sum by the slivers its union fills (Beijing-Tianjin-Hebei
// 216,701 km² against 216,620 for Beijing, Tianjin and Hebei) without a word (helper-50, helper-51).
TEST_CASE("show says how much of a region's area is slivers its union fills, and the export carries it",
          "[cli][plan]") {
    auto json = nlohmann::json::parse(run_cli("show jingjinji --format json").out);
    double gaps = json["gaps_km2"].get<double>();
    CHECK(gaps == Approx(80).margin(2));
    auto table = run_cli("show jingjinji");
    CHECK_THAT(table.out, Contains("km2 (union of 13 prefecture-level units, WGS84 ellipsoid); of it 80 km2 are "
                                   "slivers between members that no unit of the boundary source covers"));
    // The members' own areas (coverage --by province gives the provinces') sum to the area less the slivers.
    auto provinces = nlohmann::json::parse(run_cli("list provinces --format json").out);
    double members = 0;
    for (const auto& p : provinces)
        if (p["code"] == "110000" || p["code"] == "120000" || p["code"] == "130000")
            members += p["area_km2"].get<double>();
    CHECK(json["area_km2"].get<double>() - gaps == Approx(members).margin(0.5));
    // A region without slivers says nothing of them.
    CHECK_THAT(run_cli("show shandong_peninsula").out, !Contains("slivers"));
    atlas::test::TempFolder tmp;
    REQUIRE(run_cli("export --layer regions -o " + tmp.path("r.geojson")).exit_code == 0);
    auto regions = nlohmann::json::parse(test::read_text(tmp.path("r.geojson")));
    for (const auto& f : regions["features"])
        if (f["properties"]["id"] == "jingjinji") CHECK(f["properties"]["gaps_km2"].get<double>() == Approx(gaps));
}

// A --geodata whose prefectures lack Beijing's 110000: the province's polygon was in the union and
// the area, and show said "union of 12 prefecture-level units" (helper-50).
TEST_CASE("a province member the prefecture layer holds no unit of is named as taken whole", "[cli][plan]") {
    atlas::test::TempFolder tmp;
    edited_bundled_copy(tmp.path("c.gpkg"), {"DELETE FROM prefectures WHERE code = '110000'"});
    std::string env = "XDG_CACHE_HOME=" + tmp.path("cache");
    auto shown = run_cli("--geodata " + tmp.path("c.gpkg") + " show jingjinji", env);
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, Contains("union of 12 prefecture-level units, and the province 北京 110000 whole, as the "
                                   "prefecture layer holds no unit of it"));
    CHECK_THAT(shown.out, Contains("provinces:    Beijing; Tianjin; Hebei"));
    auto json =
        nlohmann::json::parse(run_cli("--geodata " + tmp.path("c.gpkg") + " show jingjinji --format json", env).out);
    CHECK(json["provinces_drawn_whole"] == nlohmann::json::array({"110000"}));
}

// Xiong'an (2017-04-01) was shown as "national new district, plan section 8(3)" like the others, as if
// the plan of November 2016 could name it (helper-52).
TEST_CASE("a new district approved after the plan says so", "[cli][plan]") {
    CHECK_THAT(run_cli("show nd19").out, Contains("after plan:   approved after the industry plan of November 2016"));
    CHECK_THAT(run_cli("show nd01").out, !Contains("after plan:"));
}

// "verified: month + counties yes" beside "unconfirmed: document; approved" read as a contradiction:
// the month is confirmed, the day 2017-04-01 is from memory (helper-52).
TEST_CASE("a place's confirmed and unconfirmed lines say which parts they mean", "[cli][plan]") {
    auto r = run_cli("show nd19");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("source check: month + counties yes (the reference's note: what a stored source "
                               "confirmed, and what not)"));
    CHECK_THAT(r.out, Contains("unconfirmed:  the parts marked 'from memory' of document; approved (no stored source "
                               "confirmed them)"));
    CHECK_THAT(r.out, !Contains("verified:"));
}

TEST_CASE("the new districts export marks the one approved after the plan", "[cli][counties]") {
    atlas::test::TempFolder tmp;
    REQUIRE(run_cli("export --layer new_districts -o " + tmp.path("d.geojson")).exit_code == 0);
    auto districts = nlohmann::json::parse(test::read_text(tmp.path("d.geojson")));
    int after = 0;
    for (const auto& f : districts["features"]) {
        bool xiongan = f["properties"]["id"] == "nd19";
        CHECK(f["properties"]["after_plan"] == (xiongan ? 1 : 0));
        after += xiongan;
    }
    CHECK(after == 1);
}

TEST_CASE("a path climbing above the root reads and writes GeoPackages as any other reader does", "[cli][io]") {
    // "/../tmp/x.gpkg" is /tmp/x.gpkg; SQLite refused it ("unable to open database file") where a CSV
    // reader took it.
    atlas::test::TempFolder tmp;
    auto read = run_cli("--geodata /.." + std::string(ATLAS_GEODATA) + "/china.gpkg list provinces --format csv");
    CHECK(read.exit_code == 0);
    CHECK(atlas::test::line_count(read.out) == 35);
    auto written = run_cli("export --layer hubs -o /.." + tmp.path("h.gpkg"));
    CHECK(written.exit_code == 0);
    CHECK(std::filesystem::exists(tmp.path("h.gpkg")));
}
