// Inputs as analysts have them (issue: every encoding, broken geometry and hostile file gets the right
// answer or one clear error). Each TEST_CASE is one kind of fault, with the handed case among its
// instances; fixtures in tests/data/cases.
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "analysis/point_report.hpp"
#include "error.hpp"
#include "geo/datum.hpp"
#include "geo/gcj02.hpp"
#include "io/csv.hpp"
#include "io/gdal_env.hpp"
#include "io/region_reader.hpp"
#include "io/user_data.hpp"
#include "scene/figure.hpp"
#include "scene/session.hpp"
#include "support.hpp"

using namespace atlas;
using atlas::test::run_cli;
using atlas::test::TempFolder;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return std::string(ATLAS_TEST_DATA) + "/cases/" + name; }

std::string write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

UserTable table(const std::string& path, const std::string& key = "") {
    Document& doc = test::bundled_document();
    return read_user_table(path, doc.provinces(), doc.prefectures(), UserTableOptions{key});
}

/// The message of the AtlasError `f` throws (FAIL when it throws none).
template <typename F>
std::string error_of(F f, ErrorKind kind = ErrorKind::Input) {
    try {
        f();
    } catch (const AtlasError& e) {
        CHECK(e.kind() == kind);
        return e.message();
    }
    FAIL("no error");
    return "";
}

RegionLayer read(const std::string& path, ReadReport& report, const std::string& code = "code",
                 const std::string& name = "name_zh", Datum datum = Datum::Wgs84) {
    LayerSpec spec{path, "units", code, name, "name_en", "", datum};
    return read_regions(spec, UnitLevel::Province, report);
}

bool has_raw_controls(const std::string& text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    return false;
}

}  // namespace

TEST_CASE("text encodings of CSV tables are decided from the bytes: Excel's GBK, UTF-16 with a BOM, UTF-8",
          "[inputs]") {
    // Excel's "Save as CSV" on Chinese Windows: GBK bytes, CRLF; the header is 代码,省份,企业数.
    UserTable gbk = table(fixture("gbk.csv"));
    CHECK(gbk.columns == std::vector<std::string>{"企业数"});
    CHECK(gbk.key_column == "代码");
    REQUIRE(gbk.notes.size() == 2);
    CHECK_THAT(gbk.notes[0], Contains("gbk.csv: not UTF-8; decoded as GB18030"));
    CHECK_THAT(gbk.notes[1], Contains("gbk.csv: 1 text column left out (column '省份')"));
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = fixture("gbk.csv");
    s.data.column = "企业数";
    Figure f = compose_figure(test::bundled_document(), s, &gbk);
    CHECK(f.legend.title == "企业数 (gbk.csv)");

    TempFolder tmp;
    auto r = run_cli("render --size 64x48 --data " + fixture("gbk.csv") + " --column 企业数 -o " + tmp.path("m.png"));
    CHECK_THAT(r.err, Contains("decoded as GB18030"));
    if (ATLAS_HAVE_VIEWER) CHECK(r.exit_code == 0);  // a build without the viewer reads it, then cannot draw
    // A file named with a line break: its notes stay one line each (the name's second half was a line
    // of its own).
    std::filesystem::copy_file(fixture("gbk.csv"), tmp.path("gb\nk.csv"));
    auto broken = run_cli("export --data '" + tmp.path("gb\nk.csv") + "' -o " + tmp.path("d.geojson"));
    CHECK(broken.exit_code == 0);
    CHECK_THAT(broken.err, Contains("note: " + tmp.path("gb\\nk.csv") + ": not UTF-8; decoded as GB18030"));
    CHECK_THAT(broken.err, Contains("note: " + tmp.path("gb\\nk.csv") + ": 1 text column left out"));
    CHECK_FALSE(has_raw_controls(broken.err));

    UserTable utf16 = table(fixture("utf16.csv"));
    CHECK_FALSE(utf16.codes.empty());
    CHECK_THAT(utf16.notes.at(0), Contains("read as UTF-16LE (byte order mark)"));
    // Bytes valid in no encoding we know: refused with the line and the byte.
    std::string bad = write(tmp.path("latin.csv"), "code,v\n110000,\xff\xfe\xfd\n");
    CHECK_THAT(error_of([&] { table(bad); }),
               Contains("latin.csv:2: not UTF-8 (byte 0xFF at column 8), nor plausibly GB18030"));
}

TEST_CASE("a NUL byte, a folder or a device as a CSV get one clear line", "[inputs]") {
    std::string nul = error_of([] { table(fixture("nul.csv")); });
    CHECK_THAT(nul, Contains("nul.csv:2: a NUL byte (\\x00) at column 7"));
    CHECK(test::line_count(nul + "\n") == 1);
    TempFolder tmp;
    fs::create_directory(tmp.path("dir.csv"));
    CHECK_THAT(error_of([&] { table(tmp.path("dir.csv")); }), Contains("dir.csv: is a folder, not a CSV table"));
    CHECK_THAT(error_of([] { table("/dev/zero"); }), Contains("/dev/zero: is a device, not a regular file"));
    REQUIRE(::mkfifo(tmp.path("fifo.csv").c_str(), 0600) == 0);  // opened non-blocking: no hang
    CHECK_THAT(error_of([&] { table(tmp.path("fifo.csv")); }), Contains("is a FIFO (named pipe)"));
}

TEST_CASE(
    "a CSV keyed by names joins by name, and yearbook headers, separators and ambiguous names are reported by line",
    "[inputs]") {
    TempFolder tmp;
    UserTable names = table(write(tmp.path("names.csv"), "地区;企业数\n北京市;10\n上海;20\nGuangdong Province;30\n"));
    CHECK(names.key_column == "地区");
    CHECK(names.key_kind == UserKeyKind::Name);
    CHECK(names.level == UserDataLevel::Province);
    CHECK(names.codes == std::vector<std::string>{"110000", "310000", "440000"});
    CHECK_THAT(names.notes.at(0), Contains("3 of 3 rows joined by name"));
    // 苏州 and 宿州 are both "Suzhou" in English: the name is refused, with both candidates.
    std::string ambiguous =
        error_of([&] { table(write(tmp.path("suzhou.csv"), "city,gdp\nSuzhou,1\n南京,2\nAtlantis,3\n")); });
    CHECK_THAT(ambiguous,
               Contains("suzhou.csv:2: 'Suzhou' matches 2 prefectures (320500 苏州, 341300 宿州); use codes"));
    CHECK_THAT(ambiguous, Contains("suzhou.csv:4: 'Atlantis' matches no province or prefecture name"));
    // A guessed key column says so and names the option that picks another.
    std::string guessed = error_of([&] { table(write(tmp.path("guess.csv"), "x,v\n990000,1\n")); });
    CHECK_THAT(guessed, Contains("key: column 'x', the first (no header says code or name; --data-key picks another)"));
}

TEST_CASE("geometry is checked whole: open rings are closed with a warning, holes are checked like outer rings",
          "[inputs]") {
    ReadReport report;
    RegionLayer unclosed = read(fixture("unclosed.geojson"), report);
    REQUIRE(unclosed.regions.size() == 1);
    CHECK(unclosed.regions[0].code == "110000");
    CHECK_THAT(report.warnings.at(0),
               Contains("unclosed.geojson: layer 'units': feature 0 (code '110000'): 1 ring(s) not closed"));

    ReadReport r2;
    std::string far = error_of([&] { read(fixture("hole_far.geojson"), r2); });
    CHECK_THAT(far, Contains("hole_far.geojson: layer 'units': feature 0 (code '110000'): ring 1: coordinates out of "
                             "lon/lat range (500"));
    std::string nan = error_of([&] { read(fixture("hole_nan.geojson"), r2); });
    CHECK_THAT(nan, Contains("hole_nan.geojson: layer 'units': feature 0 (code '110000'): ring 1: coordinates out of "
                             "lon/lat range (nan"));
    CHECK(nan.find("GEOS") == std::string::npos);
}

TEST_CASE("what counts as a province is decided by rule: DataV's helper feature is skipped with a counted warning",
          "[inputs]") {
    ReadReport report;
    RegionLayer layer = read(fixture("datav_like.geojson"), report, "adcode", "name");
    REQUIRE(layer.regions.size() == 2);
    CHECK(layer.regions[0].code == "110000");
    CHECK(layer.regions[1].code == "120000");
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0], Contains("1 feature skipped, not a province (feature 2 (adcode '100000_JD'): "
                                            "not a 6-digit GB/T 2260 code, no name)"));
    CHECK(unit_code_problem("100000", UnitLevel::Province) == "no province has the code prefix 10");
    CHECK(unit_code_problem("429004", UnitLevel::Prefecture).empty());  // Xiantao, directly administered
    CHECK_FALSE(unit_code_problem("320500", UnitLevel::Province).empty());
}

TEST_CASE("a read error in the middle of a layer is an error naming file and layer, never a shorter layer",
          "[inputs]") {
    TempFolder tmp;
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", tmp.path("mid.gpkg"));
    {
        std::fstream f(tmp.path("mid.gpkg"), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((2000 - 1) * 4096);
        std::string zeros(4096, '\0');
        f.write(zeros.data(), 4096);
    }
    for (const char* command : {"info", "coverage --by province"}) {
        INFO(command);
        auto r = run_cli("--geodata " + tmp.path("mid.gpkg") + " " + command);
        CHECK(r.exit_code == 3);
        CHECK(test::line_count(r.err) == 1);
        CHECK_THAT(r.err, Contains("mid.gpkg: layer 'prefectures': read failed"));
    }
    // A listing reads the geometry-free table, which is whole; the layer itself is read all the
    // same, to check it against its validated stamp, and page 2000 is one of its pages.
    auto listed = run_cli("--geodata " + tmp.path("mid.gpkg") + " list prefectures --format csv");
    CHECK(listed.exit_code == 3);
    CHECK(test::line_count(listed.err) == 1);
    CHECK_THAT(listed.err, Contains("mid.gpkg: layer 'prefectures': read failed"));
    CHECK_THAT(listed.err, Contains("database disk image is malformed"));
    CHECK(listed.out.empty());
}

// An edit of the layer in any tool (here plain SQL) is what a listing prints, not the name the file
// was built with; an edit of its geometry-free twin alone changes nothing (it was read instead of
// the layer: Nanjing listed at 99,999 km² and Jiangsu's coverage share 1.0).
TEST_CASE("an edit of a bundled layer reaches the listings, one of its geometry-free twin does not", "[inputs]") {
    TempFolder tmp;
    const std::string gpkg = tmp.path("edited.gpkg");
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", gpkg);
    auto edit = [&](std::initializer_list<const char*> statements) {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        for (const char* sql : statements) ds->ExecuteSQL(sql, nullptr, nullptr);
    };
    auto list = [&] { return run_cli("--geodata " + gpkg + " list prefectures --province 320000 --format csv"); };
    edit({"UPDATE prefectures SET name_en = 'Renamed' WHERE code = '320500'",
          "DELETE FROM prefectures WHERE code = '320600'"});
    auto listed = list();
    REQUIRE(listed.exit_code == 0);
    CHECK_THAT(listed.out, Contains("320500,320000,苏州,Renamed,"));
    CHECK(listed.out.find("320600") == std::string::npos);
    // Edited after its triggers were dropped, the layer is read itself: the twin is stale.
    edit({"DROP TRIGGER prefectures_attributes_update",
          "UPDATE prefectures SET name_en = 'Again' WHERE code = '320500'"});
    auto stale = list();
    REQUIRE(stale.exit_code == 0);
    CHECK_THAT(stale.out, Contains("320500,320000,苏州,Again,"));
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", gpkg, fs::copy_options::overwrite_existing);
    edit({"UPDATE prefectures_attributes SET area_km2 = 99999, label_lon = 80 WHERE code = '320100'",
          "UPDATE provinces_attributes SET area_km2 = 1 WHERE code = '320000'"});
    auto twin = list();
    REQUIRE(twin.exit_code == 0);
    CHECK(twin.err.empty());
    CHECK_THAT(twin.out, Contains("320100,320000,南京,Nanjing,6587.7,118.75793,"));
    auto coverage = run_cli("--geodata " + gpkg + " coverage --by province --format csv");
    REQUIRE(coverage.exit_code == 0);
    CHECK(coverage.out.find("99999") == std::string::npos);
    CHECK_THAT(coverage.out, Contains("\n320000,Jiangsu,江苏,103393,66023,0.6386,"));
}

// The bundled layers carry a stamp that lets a read trust their geometry and stored areas; a copy
// edited since (here a unit moved and one made a bow-tie, through GDAL as QGIS would) was listed with
// the stale stored area and its invalid geometry drawn unchecked.
TEST_CASE("a bundled layer edited after its build is checked and measured again", "[inputs]") {
    TempFolder tmp;
    const std::string gpkg = tmp.path("edited.gpkg");
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", gpkg);
    auto area_of = [&](const std::string& listing, const std::string& code) {
        std::size_t at = listing.find("\n" + code + ",");
        REQUIRE(at != std::string::npos);
        std::istringstream row(listing.substr(at + 1, listing.find('\n', at + 1) - at - 1));
        std::vector<std::string> cells;
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() == 7);
        return std::stod(cells[4]);
    };
    auto before = run_cli("--geodata " + gpkg + " list prefectures --format csv");
    REQUIRE(before.exit_code == 0);
    CHECK(before.err.empty());
    CHECK(area_of(before.out, "320500") == Approx(8603.5).margin(1));
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("prefectures");
        auto reshape = [&](const char* code, const char* wkt) {
            layer->SetAttributeFilter((std::string("code = '") + code + "'").c_str());
            std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
            REQUIRE(f);
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
            f->SetGeometryDirectly(g);
            REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
        };
        // A 1 degree square (about 10,500 km²) for Suzhou, a bow-tie for Nantong.
        reshape("320500", "MULTIPOLYGON (((120.5 31,121.5 31,121.5 32,120.5 32,120.5 31)))");
        reshape("320600", "MULTIPOLYGON (((120.5 32,121.5 33,121.5 32,120.5 33,120.5 32)))");
    }
    auto after = run_cli("--geodata " + gpkg + " list prefectures --format csv");
    REQUIRE(after.exit_code == 0);
    CHECK(area_of(after.out, "320500") == Approx(10530).epsilon(0.01));
    CHECK_THAT(after.err, Contains("edited.gpkg: layer 'prefectures': changed since ClusterAtlas validated it"));
    CHECK_THAT(after.err, Contains("320600"));
    // The provinces, not edited, are still trusted: nothing said of them.
    CHECK(after.err.find("'provinces'") == std::string::npos);
}

// `info` prints the extent a GeoPackage records (gpkg_contents) only while its R-tree, which the
// file's triggers keep in step with every edit, agrees: an edit in SQL leaves the record stale.
TEST_CASE("info's extent follows an edit of the provinces that left the recorded extent stale", "[inputs]") {
    TempFolder tmp;
    const std::string gpkg = tmp.path("extent.gpkg");
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", gpkg);
    auto extent = [&] {
        auto r = run_cli("--geodata " + gpkg + " info");
        REQUIRE(r.exit_code == 0);
        std::size_t at = r.out.find("extent:");
        REQUIRE(at != std::string::npos);
        return r.out.substr(at, r.out.find('\n', at) - at);
    };
    auto sql = [&](const char* statement) {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL(statement, nullptr, nullptr);
    };
    CHECK(extent() == "extent:       lon 73.4991 .. 135.0869, lat 18.1449 .. 53.5620");
    // The recorded extent is what is printed while the index agrees (135.086935 recorded as 135.08700).
    sql("UPDATE gpkg_contents SET max_x = 135.087 WHERE table_name = 'provinces'");
    CHECK(extent() == "extent:       lon 73.4991 .. 135.0870, lat 18.1449 .. 53.5620");
    // Xinjiang (the west end) given Beijing's shape in plain SQL: the index follows, the record does not.
    sql("UPDATE provinces SET geom = (SELECT geom FROM provinces WHERE code = '110000') WHERE code = '650000'");
    CHECK(extent() == "extent:       lon 78.3938 .. 135.0869, lat 18.1449 .. 53.5620");  // Tibet's west end
}

// A layer in another CRS is reprojected on reading; `info` said it was "WGS84 lon/lat (EPSG:4326), as
// --geodata gives it".
TEST_CASE("info names the CRS a --geodata layer was reprojected from", "[inputs]") {
    TempFolder tmp;
    ensure_gdal_registered();
    GDALDatasetUniquePtr src(GDALDataset::Open((std::string(ATLAS_GEODATA) + "/china.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(src);
    const char* args[] = {"-t_srs", "EPSG:3857", "provinces", "prefectures", nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH from = GDALDataset::ToHandle(src.get());
    GDALDatasetH out = GDALVectorTranslate(tmp.path("m.gpkg").c_str(), nullptr, 1, &from, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(out != nullptr);
    GDALClose(out);
    auto r = run_cli("--geodata " + tmp.path("m.gpkg") + " info");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("datum:        WGS84 lon/lat (EPSG:4326), reprojected from the layer's EPSG:3857 "
                               "(WGS 84 / Pseudo-Mercator)\n"));
    CHECK_THAT(r.out, Contains("provinces:    34 features"));
}

TEST_CASE("info with boundaries that lack units the plan names prints one error line and no report", "[inputs]") {
    TempFolder tmp;
    const std::string gpkg = tmp.path("short.gpkg");
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", gpkg);
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("DELETE FROM provinces WHERE code = '650000'", nullptr, nullptr);
    }
    auto r = run_cli("--geodata " + gpkg + " info");
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    // The error, after the one warning that the edited layer is checked, not trusted.
    CHECK(test::line_count(r.err) == 2);
    CHECK_THAT(r.err, StartsWith("warning: " + gpkg + ": layer 'provinces': changed since ClusterAtlas validated it"));
    CHECK_THAT(r.err, Contains("\nclusteratlas: " + gpkg + ": lacks 1 unit the plan names (province '650000'"));
}

TEST_CASE("a Shapefile whose language driver id lies is read in the encoding its bytes show", "[inputs]") {
    TempFolder tmp;
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr src(
            GDALDataset::Open((std::string(ATLAS_GEODATA) + "/china.gpkg").c_str(), GDAL_OF_VECTOR));
        GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr out(shp->Create(tmp.path("gbk.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        const char* options[] = {"ENCODING=CP936", nullptr};
        REQUIRE(out->CopyLayer(src->GetLayerByName("provinces"), "gbk", const_cast<char**>(options)) != nullptr);
    }
    fs::remove(tmp.path("gbk.cpg"));
    {
        std::fstream dbf(tmp.path("gbk.dbf"), std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(29);
        dbf.put('\x57');  // language driver id 87: a Western code page
    }
    ReadReport report;
    LayerSpec spec{tmp.path("gbk.shp"), "gbk", "code", "name_zh", "name_en", "", Datum::Wgs84};
    RegionLayer layer = read_regions(spec, UnitLevel::Province, report);
    REQUIRE(layer.regions.size() == 34);
    CHECK(layer.find("110000")->name_zh == "北京");
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0],
               Contains("declares 'ISO-8859-1' (the .dbf's language driver id), but its names read as "
                        "Chinese in GB18030 (GBK) (34 of 34)"));
    CHECK_THAT(report.warnings[0], Contains(".cpg"));
}

TEST_CASE("control characters in echoed values are escaped and values are cut short", "[inputs]") {
    auto r = run_cli("render --size 64x48 --data " + fixture("escapes.csv") + " -o /tmp/never-written.png");
    CHECK(r.exit_code == 3);
    CHECK_FALSE(has_raw_controls(r.err));
    CHECK_THAT(r.err, Contains("\\x1b]0;PWNED\\x07"));
    TempFolder tmp;
    write(
        tmp.path("esc.geojson"),
        R"({"type":"FeatureCollection","name":"units","features":[{"type":"Feature","properties":{"code":"110000\u001b[2J","name_zh":"x"},"geometry":null}]})");
    auto g = run_cli("--geodata " + tmp.path("esc.geojson") + " --provinces-layer units list provinces");
    CHECK(g.exit_code == 3);
    CHECK_FALSE(has_raw_controls(g.err));
    CHECK_THAT(g.err, Contains("110000\\x1b[2J"));
}

TEST_CASE("session files are untrusted input: depth, size, types and ranges give one short line naming file and key",
          "[inputs]") {
    std::string deep =
        "{\"clusteratlas_session\":1,\"size\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    std::string message = error_of([&] { parse_session(deep, "deep.json"); });
    CHECK(message == "deep.json: not a session file (nested more than 16 levels deep at byte 48)");
    std::string big =
        error_of([&] { parse_session(R"({"clusteratlas_session":1,"projection":["a","b"]})", "big.json"); });
    CHECK(big == "big.json: 'projection' has the wrong type (an array of 2 items; expected a string)");
    // A title drawn as one line: a session's is refused as --title's is (ESC and BEL went into the PDF).
    CHECK(error_of([] {
              parse_session(R"({"clusteratlas_session":1,"furniture":{"title":"line1\nline2\u0007"}})", "t.json");
          }) ==
          "t.json: 'furniture.title' must be one line of text without control characters, not "
          "'line1\\nline2\\x07'");
    CHECK_THAT(
        error_of([] { parse_session(R"({"clusteratlas_session":1,"furniture":{"credit":"\u001b[31mX"}})", "c.json"); }),
        Contains("'furniture.credit' must be one line"));
    CHECK_THAT(
        error_of([] { parse_session(R"({"clusteratlas_session":1,"furniture":{"subtitle":"a\u2028b"}})", "l.json"); }),
        Contains("'furniture.subtitle' must be one line of text without control characters, not 'a\\u2028b'"));
    TempFolder tmp;
    write(tmp.path("huge.json"), "{\"clusteratlas_session\":1,\"pad\":\"" + std::string(5 << 20, 'x') + "\"}");
    CHECK_THAT(error_of([&] { read_session(tmp.path("huge.json")); }),
               Contains("huge.json: is 5,242,915 bytes; a session file is at most 4,194,304 bytes"));

    auto classes = run_cli("render --session " + fixture("classes_12.json") + " -o " + tmp.path("a.png"));
    CHECK(classes.exit_code == 3);
    CHECK_THAT(classes.err, Contains("classes_12.json: 'data.classes' must be a whole number 2 to 9, not 12"));
    auto method = run_cli("render --session " + fixture("method_kmeans.json") + " -o " + tmp.path("b.png"));
    CHECK(method.exit_code == 3);
    CHECK_THAT(method.err,
               Contains("method_kmeans.json: 'data.method' must be quantile, equal or natural, not 'kmeans'"));
    std::vector<std::string> warnings;
    read_session(fixture("typo_keys.json"), &warnings);
    REQUIRE(warnings.size() == 3);
    CHECK_THAT(warnings[0], Contains("unknown key 'lang' ignored (did you mean 'language'?)"));
    CHECK_THAT(warnings[1], Contains("unknown key 'sise' ignored (did you mean 'size'?)"));
    CHECK_THAT(warnings[2], Contains("unknown key 'layer' ignored (did you mean 'layers'?)"));
}

TEST_CASE("a session's data path never makes the tool echo a file, read a device or wait on a FIFO", "[inputs]") {
    TempFolder tmp;
    fs::create_directories(tmp.path("shared"));
    write(tmp.path("secret.txt"), "alice:S3cr3t-token-4711:1000\nbob:Hunter2-token-0815:1001\n");
    REQUIRE(::mkfifo(tmp.path("fifo").c_str(), 0600) == 0);
    const std::pair<const char*, const char*> paths[] = {
        {"../secret.txt", "S3cr3t"}, {"/etc/passwd", "root:"}, {"/dev/zero", "is a device"}, {"../fifo", "FIFO"}};
    write(tmp.path("coords.csv"), "lon,lat\nS3cr3t-token-4711,39\n");            // a cell, not a header, holds it
    write(tmp.path("both.csv"), "lng_S3cr3t,lng_bd09,lat\n116.4,116.4,39.9\n");  // two longitudes, one secret
    // Read as a table, and as points counted per unit (a points file once had its cells and header shown).
    for (const char* points : {"", R"(,"points_by":"prefecture")"})
        for (auto [path, marker] : paths) {
            if (*points != 0 && std::string(marker) == "root:") path = "../coords.csv", marker = "S3cr3t";
            if (*points != 0 && std::string(marker) == "is a device") path = "../both.csv", marker = "S3cr3t";
            INFO(path << points);
            write(tmp.path("shared/s.json"),
                  std::string(R"({"clusteratlas_session":1,"size":[64,48],"choropleth":"data",)") +
                      R"("data":{"path":")" + path + "\"" + points + "}}");
            auto r = run_cli("render --session " + tmp.path("shared/s.json") + " -o " + tmp.path("x.png"));
            CHECK(r.exit_code == 3);
            CHECK_THAT(r.err, Contains("s.json: 'data.path' names"));
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // /etc/passwd gave 22 lines
            bool content = std::string(marker) == "S3cr3t" || std::string(marker) == "root:";
            if (content)
                CHECK(r.err.find(marker) == std::string::npos);
            else
                CHECK_THAT(r.err, Contains(marker));
        }
}

TEST_CASE("a prefecture whose province field contradicts its code keeps its code's province, with a warning",
          "[inputs]") {
    // Nanjing with province_code 'abc' vanished from 'list prefectures --province 320000' (12, not 13), silently.
    TempFolder tmp;
    REQUIRE(run_cli("export --layer provinces --layer prefectures -o " + tmp.path("b.gpkg")).exit_code == 0);
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("b.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("prefectures");
        layer->SetAttributeFilter("code = '320100'");
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        REQUIRE(f);
        f->SetField("province_code", "abc");
        REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
    }
    auto r = run_cli("--geodata " + tmp.path("b.gpkg") + " list prefectures --province 320000 --format csv");
    CHECK(r.exit_code == 0);
    CHECK(test::line_count(r.out) == 14);  // the header and Jiangsu's 13
    CHECK_THAT(r.err, Contains("1 of 367 units have a 'province_code' that is not the province of their code "
                               "('320100' 'abc'); the code's province is taken"));
}

TEST_CASE("boundaries of part of China are named as lacking the plan's units, not the bundled plan", "[inputs]") {
    // "plan.json: 285 problem(s): region 'jingjinji': unknown member code ..." blamed the bundled plan.
    TempFolder tmp;
    REQUIRE(
        run_cli("export --layer provinces --layer prefectures --region shandong_peninsula -o " + tmp.path("part.gpkg"))
            .exit_code == 0);
    auto r = run_cli("--geodata " + tmp.path("part.gpkg") + " list regions");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("part.gpkg: lacks "));
    CHECK_THAT(r.err, Contains("units the plan names ('110000' Beijing, a member of 'jingjinji';"));
    CHECK(r.err.find("plan.json") == std::string::npos);
    CHECK(test::line_count(r.err) == 1);
}

TEST_CASE("a Shapefile missing its .dbf or .shx is said in one line, not as a missing field or in GDAL's words",
          "[inputs]") {
    // No .dbf read as "no field 'code' (set it with --code-field)"; no .shx gave GDAL's SHAPE_RESTORE_SHX text.
    TempFolder tmp;
    REQUIRE(run_cli("export --layer hubs -o " + tmp.path("h.shp")).exit_code == 0);
    fs::rename(tmp.path("h.dbf"), tmp.path("h.dbf.away"));
    auto no_dbf = run_cli("points " + tmp.path("h.shp"));
    CHECK(no_dbf.exit_code == 3);
    CHECK_THAT(no_dbf.err,
               Contains("h.shp: a Shapefile without its .dbf, which holds its fields (codes, names, values)"));
    fs::rename(tmp.path("h.dbf.away"), tmp.path("h.dbf"));
    fs::remove(tmp.path("h.shx"));
    auto no_shx = run_cli("--geodata " + tmp.path("h.shp") + " list provinces");
    CHECK(no_shx.exit_code == 3);
    CHECK_THAT(no_shx.err, Contains("h.shp: a Shapefile without its .shx index"));
    CHECK(no_shx.err.find("Unable to open") == std::string::npos);
    // A table without geometry (a .dbf alone, a workbook) as points: one line, not a line a row.
    fs::remove(tmp.path("h.shp"));
    auto table = run_cli("points " + tmp.path("h.dbf"));
    CHECK(table.exit_code == 3);
    CHECK_THAT(table.err, Contains("h.dbf, layer 'h': a table without geometry (ESRI Shapefile); save it as CSV"));
    CHECK(test::line_count(table.err) == 1);
}

TEST_CASE("a session's inset is a key it knows, and a file it names that cannot be used is one line naming it",
          "[inputs]") {
    // 'furniture.inset' was called an unknown key "ignored", then used; its faults named no session.
    TempFolder tmp;
    REQUIRE(::mkfifo(tmp.path("fifo.geojson").c_str(), 0600) == 0);  // GDAL's open waited on it for ever
    for (const char* path : {"/dev/zero", "none.geojson", "fifo.geojson"}) {
        INFO(path);
        write(tmp.path("s.json"),
              std::string(R"({"clusteratlas_session":1,"size":[64,48],"furniture":{"inset":")") + path + "\"}}");
        auto r = run_cli("render --session " + tmp.path("s.json") + " -o " + tmp.path("x.png"));
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Contains("s.json: 'furniture.inset' names '"));
        CHECK_THAT(r.err, Contains("which cannot be used as an inset (its content is not shown)"));
        CHECK(r.err.find("unknown key") == std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    auto typed = run_cli("render --size 64x48 --inset " + tmp.path("fifo.geojson") + " -o " + tmp.path("y.png"));
    CHECK(typed.exit_code == 3);
    CHECK_THAT(typed.err, Contains("fifo.geojson: is a FIFO"));
}

TEST_CASE("a literal tab is a separator, not a blank value", "[inputs]") {
    // Refusing blank values once refused --data-separator '<TAB>', which the help names.
    TempFolder tmp;
    write(tmp.path("t.tsv"), "code\tv\n110000\t1\n120000\t2\n");
    auto r = run_cli("export --data " + tmp.path("t.tsv") + " --data-separator '\t' -o " + tmp.path("t.gpkg"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(run_cli("list prefectures --province '   '").exit_code == 2);
}

TEST_CASE("a session's points that all lie outside every unit are refused, as 'points' refuses them", "[inputs]") {
    // They were once drawn as an empty choropleth with a note, exit 0.
    TempFolder tmp;
    write(tmp.path("sea.csv"), "lon,lat\n150,20\n151,21\n152,22\n");
    write(tmp.path("half.csv"), "lon,lat\n150,20\n116.40,39.90\n");
    auto render = [&](const char* file) {
        write(tmp.path("s.json"), std::string(R"({"clusteratlas_session":1,"size":[64,48],"choropleth":"data",)") +
                                      R"("data":{"path":")" + file + R"(","points_by":"prefecture"}})");
        return run_cli("render --session " + tmp.path("s.json") + " -o " + tmp.path("x.png") + " --force");
    };
    auto sea = render("sea.csv");
    CHECK(sea.exit_code == 3);
    CHECK_THAT(sea.err, Contains("sea.csv', whose points cannot be used (its content is not shown): 3 of 3 points "
                                 "lie outside every unit: the sea, abroad, or coordinates that are not "
                                 "longitude/latitude (no point lies in a unit)"));
    CHECK_FALSE(fs::exists(tmp.path("x.png")));
#if ATLAS_HAVE_VIEWER  // drawn: a build without the viewer has no render
    auto half = render("half.csv");
    CHECK(half.exit_code == 0);
    CHECK_THAT(half.err, Contains("half.csv: 1 of 2 points lie outside every unit"));
#endif
}

TEST_CASE("an industry a session names twice is refused, as a region in 'compare' twice is", "[inputs]") {
    TempFolder tmp;
    write(tmp.path("s.json"), R"({"clusteratlas_session":1,"industries":["biomedicine","biomedicine"]})");
    auto r = run_cli("render --session " + tmp.path("s.json") + " -o " + tmp.path("x.png"));
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("s.json: industry 'biomedicine' is in 'industries' twice"));
    CHECK_FALSE(fs::exists(tmp.path("x.png")));
}

TEST_CASE("global options are accepted after the subcommand, as the README's synopses write them", "[inputs]") {
    TempFolder tmp;
    if (ATLAS_HAVE_VIEWER) {
        auto after = run_cli("render --size 80x60 -o " + tmp.path("after.png") + " --projection mercator");
        auto before = run_cli("--projection mercator render --size 80x60 -o " + tmp.path("before.png"));
        REQUIRE(after.exit_code == 0);
        REQUIRE(before.exit_code == 0);
        CHECK(test::read_text(tmp.path("after.png")) == test::read_text(tmp.path("before.png")));
    }
    auto after_info = run_cli("info --projection mercator");
    REQUIRE(after_info.exit_code == 0);
    CHECK_THAT(after_info.out, Contains("projection:   mercator"));
    auto list = run_cli("list provinces --format csv --provinces-layer provinces");
    CHECK(list.exit_code == 0);
    auto help = run_cli("render --help");
    CHECK_THAT(help.out, Contains("--projection"));
    CHECK_THAT(help.out, Contains("--datum"));
}

TEST_CASE("PROJ's reason is kept when it refuses a projection", "[inputs]") {
    auto r = run_cli("--projection '+proj=merc +lat_ts=95 +type=crs' info");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("merc: Invalid value for lat_ts: |lat_ts| should be <= 90"));
    auto unknown = run_cli("--projection robinsonx info");
    CHECK_THAT(unknown.err, Contains("unknown projection 'robinsonx'"));
}

TEST_CASE("datum: gcj02 and bd09 sources convert a source's coordinates to WGS84 with the bundled data's transform",
          "[inputs]") {
    // A square in WGS84, written as AMap (GCJ-02) and Baidu (BD-09) would give it.
    const LonLat corners[] = {{116.3, 39.8}, {116.5, 39.8}, {116.5, 40.0}, {116.3, 40.0}, {116.3, 39.8}};
    TempFolder tmp;
    for (Datum datum : {Datum::Gcj02, Datum::Bd09}) {
        std::string ring;
        for (const LonLat& p : corners) {
            LonLat q = wgs84_to_gcj02(p);
            if (datum == Datum::Bd09) q = gcj02_to_bd09(q);
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%s[%.9f,%.9f]", ring.empty() ? "" : ",", q.lon, q.lat);
            ring += buffer;
        }
        std::string path =
            write(tmp.path(std::string(to_string(datum)) + ".geojson"),
                  R"({"type":"FeatureCollection","name":"units","features":[{"type":"Feature",)"
                  R"("properties":{"code":"110000","name_zh":"北京"},"geometry":{"type":"Polygon","coordinates":[[)" +
                      ring + "]]}}]}");
        ReadReport report;
        RegionLayer layer = read(path, report, "code", "name_zh", datum);
        const Ring& back = layer.regions.at(0).geometry.at(0).outer;
        REQUIRE(back.size() == 5);
        for (std::size_t i = 0; i < 5; ++i) {
            CHECK(back[i].lon == Approx(corners[i].lon).margin(2e-6));
            CHECK(back[i].lat == Approx(corners[i].lat).margin(2e-6));
        }
    }
    auto bad = run_cli("--datum wgs85 list provinces");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Contains("unknown datum 'wgs85' (use wgs84, gcj02 or bd09)"));
}

TEST_CASE("more encodings: UTF-32 with a BOM, a NUL anywhere, Big5 refused rather than garbled", "[inputs]") {
    TempFolder tmp;
    std::string utf32;
    for (char c : std::string("code,v\n110000,1\n")) utf32 += std::string(1, c) + std::string(3, '\0');
    UserTable t = table(write(tmp.path("u32.csv"), std::string("\xFF\xFE\0\0", 4) + utf32));
    CHECK(t.codes == std::vector<std::string>{"110000"});
    CHECK_THAT(error_of([&] { table(write(tmp.path("nulhead.csv"), std::string("co\0de,v\n110000,1\n", 17))); }),
               Contains("nulhead.csv:1: a NUL byte (\\x00) at column 3"));
    CHECK_THAT(error_of([&] { table(write(tmp.path("zeros.csv"), std::string(64, '\0'))); }),
               Contains("zeros.csv:1: a NUL byte"));
    // 北京 and 上海 in Big5: decodable as GB18030 only into rare characters.
    std::string big5 =
        error_of([&] { table(write(tmp.path("big5.csv"), "name,v\n\xA5\x5F\xA8\xCA,1\n\xA4\x57\xAE\xFC,2\n")); });
    CHECK_THAT(big5, Contains("big5.csv:2: not UTF-8"));
    CHECK_THAT(big5, Contains("is it Big5, Shift-JIS or Latin-1?"));
}

TEST_CASE("name keys: a level suffix decides the level, official long names and spelling variants join", "[inputs]") {
    TempFolder tmp;
    UserTable cities = table(write(tmp.path("cities.csv"), "name,value\n北京市,1\n吉林市,2\n延边州,3\nÜrümqi,4\n"));
    CHECK(cities.level == UserDataLevel::Prefecture);
    CHECK(cities.codes == std::vector<std::string>{"110000", "220200", "222400", "650100"});
    UserTable provinces = table(
        write(tmp.path("provinces.csv"),
              "name,value\n新疆维吾尔自治区,1\nGuangxi Zhuang Autonomous Region,2\nNingxia Hui Autonomous Region,3\n"
              "Macao,4\nXizang,5\n内蒙古自治区,6\n吉林省,7\n"));
    CHECK(provinces.level == UserDataLevel::Province);
    CHECK(provinces.codes ==
          std::vector<std::string>{"650000", "450000", "640000", "820000", "540000", "150000", "220000"});
}

TEST_CASE("decimal commas and separators: what was picked is said, --data-separator picks another", "[inputs]") {
    TempFolder tmp;
    std::string comma = error_of([&] { table(write(tmp.path("dc.csv"), "code;value\n110000;1,5\n120000;2,5\n")); });
    CHECK_THAT(comma, Contains("(semicolon-separated, as the header suggests; --data-separator picks another)"));
    CHECK_THAT(comma, Contains("'1,5' in column 'value' looks like a decimal comma: write 1.5"));
    std::string width = error_of([&] { table(write(tmp.path("w.csv"), "code,value\n110000;5\n120000,6\n")); });
    CHECK_THAT(width, Contains("w.csv:2: 1 cells, the header has 2 (comma-separated, as the header suggests"));
    // Every row short: the rows' width is the fault, said alone (no "no numeric column" before it).
    auto short_rows = run_cli("export --data " + write(tmp.path("short.csv"), "code,v,w\n110000,1\n") + " -o " +
                              tmp.path("s.geojson"));
    CHECK(short_rows.exit_code == 3);
    CHECK(test::line_count(short_rows.err) == 1);
    CHECK_THAT(short_rows.err, Contains("short.csv:2: 2 cells, the header has 3"));
    CHECK_FALSE(fs::exists(tmp.path("s.geojson")));
    Document& doc = test::bundled_document();
    // The header has more commas than semicolons, but the file is semicolon-separated.
    UserTable t = read_user_table(write(tmp.path("semi.csv"), "code;value,with,commas\n110000;5\n"), doc.provinces(),
                                  doc.prefectures(), UserTableOptions{"", ';'});
    CHECK(t.columns == std::vector<std::string>{"value,with,commas"});
    CHECK(t.codes == std::vector<std::string>{"110000"});
}

// '1,234' was advised to be written 1.234, a thousand times off; Excel's "sep=;" line was read as the
// key column's header.
TEST_CASE("thousands separators are told apart from decimal commas, and Excel's sep= line names the separator",
          "[inputs]") {
    TempFolder tmp;
    std::string thousands =
        error_of([&] { table(write(tmp.path("t.csv"), "code,value\n110000,\"1,234,567\"\n120000,2\n")); });
    CHECK_THAT(thousands,
               Contains("column 'value': '1,234,567' is not a number; it has thousands separators: write 1234567"));
    std::string either =
        error_of([&] { table(write(tmp.path("e.csv"), "code,value\n110000,\"1,234\"\n120000,\"2,5\"\n")); });
    CHECK_THAT(either, Contains("'1,234' in column 'value' has a thousands separator or a decimal comma: write 1234 "
                                "or 1.234"));
    CHECK_THAT(error_of([&] { table(write(tmp.path("d.csv"), "code,value\n110000,1.5\n120000,\"2,5\"\n")); }),
               Contains("column 'value': '2,5' is not a number; it looks like a decimal comma: write 2.5"));
    UserTable excel = table(write(tmp.path("x.csv"), "sep=;\ncode;value\n110000;1\n120000;2\n"));
    CHECK(excel.key_column == "code");
    CHECK(excel.columns == std::vector<std::string>{"value"});
    CHECK(excel.codes == std::vector<std::string>{"110000", "120000"});
    // --data-separator against the file's own sep= line: one line, not an error for every row.
    Document& doc = test::bundled_document();
    std::string clash = error_of([&] {
        read_user_table(tmp.path("x.csv"), doc.provinces(), doc.prefectures(), UserTableOptions{"", ','});
    });
    CHECK_THAT(clash, Contains("x.csv: its sep= line says semicolon-separated, and --data-separator comma"));
    CHECK(clash.find('\n') == std::string::npos);
    std::string line = error_of([&] { table(write(tmp.path("y.csv"), "sep=;\ncode;value\n110000;1\n120000\n")); });
    CHECK_THAT(line, Contains("y.csv:4: 1 cells, the header has 2 (semicolon-separated, as its sep= line says"));
}

// "1.234.567" and "1 234 567" (and a no-break space) were "not a number" without a word of why; 1.234
// in a semicolon-separated file, likely a thousand, was read as 1.234 without a note.
TEST_CASE("digits grouped by dots or spaces are hinted, and 1.234 in a semicolon file is noted", "[inputs]") {
    TempFolder tmp;
    CHECK_THAT(error_of([&] { table(write(tmp.path("d.csv"), "code;value\n110000;1.234.567\n120000;2\n")); }),
               Contains("'1.234.567' is not a number; it has dots between digit groups: write 1234567"));
    CHECK_THAT(error_of([&] { table(write(tmp.path("s.csv"), "code,value\n110000,1 234 567\n120000,2\n")); }),
               Contains("'1 234 567' is not a number; it has spaces between digit groups: write 1234567"));
    CHECK_THAT(error_of([&] {
                   table(write(tmp.path("n.csv"),
                               "code;value\n110000;1\xC2\xA0"
                               "234,5\n120000;2\n"));
               }),
               Contains("has spaces between digit groups and a decimal comma: write 1234.5"));
    UserTable semi = table(write(tmp.path("semi.csv"), "code;value\n110000;1.234\n120000;2.500\n130000;7\n"));
    CHECK(semi.values[0][0] == Approx(1.234));
    REQUIRE(semi.notes.size() == 1);
    CHECK_THAT(semi.notes[0], Contains("column 'value': 2 values such as '1.234' read with a decimal point; in a "
                                       "semicolon-separated file they may be thousands"));
    // A column with other fractions (0.5) uses the dot as a decimal point: no note; nor in a comma file.
    CHECK(table(write(tmp.path("f.csv"), "code;value\n110000;1.234\n120000;0.5\n")).notes.empty());
    CHECK(table(write(tmp.path("c.csv"), "code,value\n110000,1.234\n120000,2\n")).notes.empty());
}

// A stray quote in a file a session names showed the cell, which the session's reader never chose to
// see (a session from elsewhere can name any file: its contents must not reach the terminal).
TEST_CASE("a stray quote in a file the user did not name is placed by line and column, its value not shown",
          "[inputs]") {
    TempFolder tmp;
    Document& doc = test::bundled_document();
    UserTableOptions hidden;
    hidden.show_values = false;
    std::string path = write(tmp.path("secret.csv"), "code,value\n110000,\"s3cr3t\"x\n");
    std::string message = error_of([&] { read_user_table(path, doc.provinces(), doc.prefectures(), hidden); });
    CHECK_THAT(message, Contains("secret.csv:2: column 2 (a value): text after the closing quote"));
    CHECK(message.find("s3cr3t") == std::string::npos);
    CHECK_THAT(error_of([&] { table(path); }), Contains("'\"s3cr3t\"x'"));
}

// A table of one row whose value overflowed (1e999) said only "no numeric column besides the key".
TEST_CASE("a value column none of whose cells is a number says which cell is not", "[inputs]") {
    TempFolder tmp;
    CHECK_THAT(error_of([&] { table(write(tmp.path("o.csv"), "code,v\n110000,1e999\n")); }),
               Contains("no numeric column besides the key column 'code'") &&
                   Contains("; line 2: '1e999' in column 'v' is out of range (a number here is at most about 1.8e308"));
    // A column of names is no hint: it was never meant as numbers.
    std::string names = error_of([&] { table(write(tmp.path("n.csv"), "code,name\n110000,Beijing\n")); });
    CHECK(names.find("is not a number") == std::string::npos);
}

// The headers of a file a session names were listed when the session's column was not among them.
TEST_CASE("a session's column missing from the file it names does not list that file's headers", "[inputs]") {
    TempFolder tmp;
    write(tmp.path("b.csv"), "code,SECRETA,SECRETB\n110000,1,2\n");
    write(tmp.path("s.json"),
          R"({"clusteratlas_session": 1, "choropleth": "data", "data": {"path": "b.csv", "column": "zz"}})");
    auto r = run_cli("render --session " + tmp.path("s.json") + " -o " + tmp.path("x.svg"));
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("'data.column': ") && Contains("no numeric column 'zz' (its headers are not shown)"));
    CHECK(r.err.find("SECRET") == std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path("x.svg")));
}

// Excel's sep= line was honoured by --data only: an --industry-map with one read "sep=;" as its header.
TEST_CASE("Excel's sep= line names the separator of every CSV read whole", "[inputs]") {
    TempFolder tmp;
    std::vector<CsvRow> rows = read_csv_file(write(tmp.path("m.csv"), "sep=;\ntext;industry\nchips;semiconductors\n"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == std::vector<std::string>{"text", "industry"});
    CHECK(rows[1].line == 3);
}

// An --industry-map saved by a comma-decimal spreadsheet (';'-separated) was read as one cell a line
// ("a mapping is two cells"); UTF-16 as Excel's "Unicode text" saves it is decoded as --data's.
TEST_CASE("an industry map is read with the separator and encoding it was saved with", "[inputs]") {
    TempFolder tmp;
    const Plan& plan = atlas::test::bundled_plan();
    auto semicolons = read_category_mapping(write(tmp.path("m.csv"), "text;industry\nchips;biomedicine\n"), plan);
    CHECK(semicolons == std::map<std::string, std::string>{{"chips", "biomedicine"}});
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("text,industry\r\nchips,biomedicine\r\n")) utf16 += std::string{c, '\0'};
    CHECK(read_category_mapping(write(tmp.path("u.csv"), utf16), plan) ==
          std::map<std::string, std::string>{{"chips", "biomedicine"}});
    std::string one =
        error_of([&] { read_category_mapping(write(tmp.path("p.csv"), "text|industry\nchips|x\n"), plan); });
    CHECK_THAT(one, Contains("p.csv:1: its header is one column, 'text|industry': no comma separates its names; it "
                             "looks '|'-separated"));
}

// 110000.0 (a number column saved by Excel or pandas), 110000000000 (the statistical code) and 110100
// (Beijing's 市辖区, as many prefecture tables give it) were refused as names or unknown codes.
TEST_CASE(
    "codes written as decimals, as twelve-digit statistical codes or as a municipality's 110100 are read, "
    "with a note",
    "[inputs]") {
    TempFolder tmp;
    UserTable t = table(write(tmp.path("c.csv"), "code,value\n110000.0,1\n130100000000,2\n310100,3\n"));
    CHECK(t.level == UserDataLevel::Prefecture);
    CHECK(t.codes == std::vector<std::string>{"110000", "130100", "310000"});
    REQUIRE(t.notes.size() == 1);
    CHECK_THAT(t.notes[0], Contains("3 codes written otherwise"));
    std::string bad = error_of([&] { table(write(tmp.path("b.csv"), "code,value\n130100000001,1\n")); });
    CHECK_THAT(bad, Contains("'130100000001'"));
}

TEST_CASE("a source's sidecars and stdin are checked before GDAL opens them: no hang on a FIFO", "[inputs]") {
    TempFolder tmp;
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr src(
            GDALDataset::Open((std::string(ATLAS_GEODATA) + "/china.gpkg").c_str(), GDAL_OF_VECTOR));
        GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr out(shp->Create(tmp.path("p.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(out->CopyLayer(src->GetLayerByName("provinces"), "p") != nullptr);
    }
    fs::remove(tmp.path("p.dbf"));
    REQUIRE(::mkfifo(tmp.path("p.dbf").c_str(), 0600) == 0);
    auto r = run_cli("--geodata " + tmp.path("p.shp") + " --provinces-layer p list provinces");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err,
               Contains("p.dbf: is a FIFO (named pipe), not a regular file; GDAL would read it with the source"));
    auto folder = run_cli("--geodata " + tmp.dir() + " info");
    CHECK(folder.exit_code == 3);
    auto in = run_cli("--geodata /vsistdin/ info < /dev/null");
    CHECK_THAT(in.err, Contains("/vsistdin/: reading vector data from stdin is not supported"));
}

TEST_CASE("another source's areas and label points are computed, and a layer not over China is refused", "[inputs]") {
    TempFolder tmp;
    fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", tmp.path("edited.gpkg"));
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("edited.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ds->ExecuteSQL("UPDATE provinces SET area_km2 = 999, label_lon = 0, label_lat = -80 WHERE code = '110000'",
                       nullptr, nullptr);
        ds->ExecuteSQL("DELETE FROM gpkg_metadata_reference", nullptr, nullptr);  // no longer build-geodata's layer
    }
    ReadReport report;
    LayerSpec spec{tmp.path("edited.gpkg"), "provinces", "code", "name_zh", "name_en", "", Datum::Wgs84};
    RegionLayer layer = read_regions(spec, UnitLevel::Province, report);
    const Region* beijing = layer.find("110000");
    REQUIRE(beijing != nullptr);
    CHECK(beijing->area_km2 == Approx(16414).epsilon(0.01));
    CHECK(beijing->label.lat > 39);
    // Lon/lat declared as UTM metres: the units land near (112.5, 0.0003).
    auto r = run_cli("--geodata " + tmp.path("utm.geojson") + " info");
    write(
        tmp.path("utm.geojson"),
        R"({"type":"FeatureCollection","name":"units","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32650"}},)"
        R"("features":[{"type":"Feature","properties":{"code":"110000","name_zh":"北京"},"geometry":{"type":"Polygon",)"
        R"("coordinates":[[[116,39.5],[117,39.5],[117,40.5],[116,40.5],[116,39.5]]]}}]})");
    ReadReport r2;
    LayerSpec utm{tmp.path("utm.geojson"), "units", "code", "name_zh", "name_en", "", Datum::Wgs84};
    CHECK_THAT(error_of([&] { read_regions(utm, UnitLevel::Province, r2); }),
               Contains("not over China (lon 73..135, lat 18..54); is its CRS right?"));
}

TEST_CASE("a province's code in a prefecture layer is not a prefecture-level unit", "[inputs]") {
    CHECK(unit_code_problem("320000", UnitLevel::Prefecture) == "a province's code, not a prefecture-level unit's");
    CHECK(unit_code_problem("110000", UnitLevel::Prefecture).empty());  // Beijing is its own prefecture
    CHECK(unit_code_problem("810000", UnitLevel::Prefecture).empty());  // Hong Kong
}

TEST_CASE("session versions, duplicate keys and numbers beyond a double are input errors naming the file", "[inputs]") {
    CHECK(error_of([] { parse_session(R"({"clusteratlas_session":1,"size":[1e999,600]})", "s.json"); }) ==
          "s.json: not a session file (a number out of range in 'size')");
    CHECK(error_of([] { parse_session(R"({"clusteratlas_session":1,"camera":{"lon":1e400}})", "s.json"); }) ==
          "s.json: not a session file (a number out of range in 'camera.lon')");
    CHECK(error_of([] { parse_session(R"({"clusteratlas_session":2})", "s.json"); }) ==
          "s.json: session format '2' is not one this ClusterAtlas reads (1)");
    CHECK(error_of([] {
              parse_session(R"({"clusteratlas_session":1,"layers":{"hubs":true,"hubs":false}})", "s.json");
          }) == "s.json: key 'hubs' appears twice in one object");
}

TEST_CASE("command-line values are escaped and cut in messages, CLI11's too", "[inputs]") {
    auto typo = run_cli("\"$(printf 'lis\\033[2Jt')\"");
    CHECK(typo.exit_code == 2);
    CHECK_FALSE(has_raw_controls(typo.err));
    CHECK_THAT(typo.err, Contains("lis\\x1b[2Jt"));
    // A right-to-left override reorders the line on screen; a zero-width space makes a wrong name look right.
    auto bidi = run_cli("show \"$(printf 'zzz\\342\\200\\256abc')\"");
    CHECK(bidi.exit_code == 5);
    CHECK_THAT(bidi.err, Contains("'zzz\\u202eabc'"));
    CHECK(bidi.err.find("\u202e") == std::string::npos);
    TempFolder tmp;
    write(tmp.path("t.csv"), "name,v\n北京\u200b,1\n");
    auto hidden = run_cli("export --data " + tmp.path("t.csv") + " -o " + tmp.path("t.gpkg"));
    CHECK(hidden.exit_code == 3);
    CHECK_THAT(hidden.err, Contains("t.csv:2: '北京\\u200b' matches no province or prefecture name"));
    auto longname = run_cli("show " + std::string(3000, 'x'));
    CHECK(longname.exit_code == 5);
    CHECK(longname.err.size() < 400);
    auto datum = run_cli("--datum gcj02 list provinces");
    CHECK(datum.exit_code == 2);
    CHECK_THAT(datum.err, Contains("--datum describes --geodata; the bundled data is WGS84 already"));
}

TEST_CASE("a hole outside its shell is dropped, not turned into land by the repair", "[inputs]") {
    TempFolder tmp;
    write(tmp.path("hole.geojson"),
          R"({"type":"FeatureCollection","name":"units","features":[{"type":"Feature","properties":{"code":"110000",)"
          R"("name_zh":"北京"},"geometry":{"type":"Polygon","coordinates":[[[116,39.5],[117,39.5],[117,40.5],)"
          R"([116,40.5],[116,39.5]],[[118.2,39.7],[118.3,39.7],[118.3,39.8],[118.2,39.7]]]}}]})");
    write(tmp.path("square.geojson"),
          R"({"type":"FeatureCollection","name":"units","features":[{"type":"Feature","properties":{"code":"110000",)"
          R"("name_zh":"北京"},"geometry":{"type":"Polygon","coordinates":[[[116,39.5],[117,39.5],[117,40.5],)"
          R"([116,40.5],[116,39.5]]]}}]})");
    auto hole =
        run_cli("--geodata " + tmp.path("hole.geojson") + " --provinces-layer units list provinces --format csv");
    auto square =
        run_cli("--geodata " + tmp.path("square.geojson") + " --provinces-layer units list provinces --format csv");
    REQUIRE(hole.exit_code == 0);
    CHECK_THAT(hole.err, Contains("feature 0 (code '110000'): invalid geometry (Hole lies outside shell"));
    CHECK_THAT(hole.err, Contains("after dropping 1 hole(s) outside their shell (not counted as land)"));
    CHECK(hole.out == square.out);  // the same area as the shell alone: 9481.6 km2
    CHECK_THAT(square.out, Contains("110000,北京,北京,9481.6"));
}

TEST_CASE("Big5 names behind a Western language driver id are refused with the remedy, never read as Latin-1",
          "[inputs]") {
    TempFolder tmp;
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr src(
            GDALDataset::Open((std::string(ATLAS_GEODATA) + "/china.gpkg").c_str(), GDAL_OF_VECTOR));
        GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr out(shp->Create(tmp.path("b5.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        const char* options[] = {"ENCODING=CP950", nullptr};
        REQUIRE(out->CopyLayer(src->GetLayerByName("provinces"), "b5", const_cast<char**>(options)) != nullptr);
    }
    fs::remove(tmp.path("b5.cpg"));
    {
        std::fstream dbf(tmp.path("b5.dbf"), std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(29);
        dbf.put('\x57');  // language driver id 87: a Western code page
    }
    auto r = run_cli("--geodata " + tmp.path("b5.shp") + " --provinces-layer b5 list provinces --format csv");
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("b5.shp: layer 'b5': declares 'ISO-8859-1' (the .dbf's language driver id), but its "
                               "names have no Chinese in it and read as Chinese in Big5"));
    CHECK_THAT(r.err, Contains("a .cpg file holding 'BIG5'"));
    // With the .cpg the remedy names, the same file reads right.
    std::ofstream(tmp.path("b5.cpg")) << "BIG5";
    auto fixed = run_cli("--geodata " + tmp.path("b5.shp") + " --provinces-layer b5 list provinces --format csv");
    CHECK(fixed.exit_code == 0);
    CHECK_THAT(fixed.out, Contains("110000,北京"));
}

TEST_CASE("a column a session names that its table lacks is a fault of the session file, named with its key",
          "[inputs]") {
    TempFolder tmp;
    fs::copy_file(fixture("gbk.csv"), tmp.path("gbk.csv"));
    write(
        tmp.path("c.json"),
        R"({"clusteratlas_session":1,"size":[64,48],"choropleth":"data","data":{"path":"gbk.csv","column":"nocol"}})");
    auto r = run_cli("render --session " + tmp.path("c.json") + " -o " + tmp.path("c.png"));
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("c.json: 'data.column': "));
    CHECK_THAT(r.err, Contains("no numeric column 'nocol' (its headers are not shown)"));
    // Typed on the command line, the same mistake stays a usage error.
    auto typed = run_cli("render --session " + tmp.path("c.json") + " --column nocol2 -o " + tmp.path("c.png"));
    CHECK(typed.exit_code == 2);
    CHECK_FALSE(fs::exists(tmp.path("c.png")));
}

TEST_CASE("units are listed in code order whatever the source's order (FlatGeobuf's spatial index)", "[inputs]") {
    TempFolder tmp;
    ensure_gdal_registered();
    {
        GDALDatasetUniquePtr src(
            GDALDataset::Open((std::string(ATLAS_GEODATA) + "/china.gpkg").c_str(), GDAL_OF_VECTOR));
        GDALDriver* fgb = GetGDALDriverManager()->GetDriverByName("FlatGeobuf");
        GDALDatasetUniquePtr out(fgb->Create(tmp.path("p.fgb").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(out->CopyLayer(src->GetLayerByName("provinces"), "provinces", nullptr) != nullptr);
    }
    auto r = run_cli("--geodata " + tmp.path("p.fgb") + " list provinces --format csv");
    REQUIRE(r.exit_code == 0);
    auto rows = atlas::parse_csv(r.out);
    REQUIRE(rows.size() == 35);
    for (std::size_t i = 2; i < rows.size(); ++i) CHECK(rows[i - 1].cells.at(0) < rows[i].cells.at(0));
}

TEST_CASE("a user's county layer without a prefecture field works, and its warnings are said in every listing",
          "[inputs]") {
    TempFolder tmp;
    // code and name only, as a user's layer may have them; one county a bow-tie, repaired with a warning.
    write(tmp.path("c.geojson"),
          R"({"type":"FeatureCollection","name":"counties","features":[{"type":"Feature","properties":)"
          R"({"code":"110101","name_zh":"东城区"},"geometry":{"type":"Polygon","coordinates":[[[116.3,39.8],)"
          R"([116.5,39.8],[116.5,40.0],[116.3,40.0],[116.3,39.8]]]}},{"type":"Feature","properties":)"
          R"({"code":"110102","name_zh":"西城区"},"geometry":{"type":"Polygon","coordinates":[[[116.0,39.8],)"
          R"([116.2,40.0],[116.2,39.8],[116.0,40.0],[116.0,39.8]]]}}]})");
    std::string counties = "--counties " + tmp.path("c.geojson") + " ";
    std::string repaired = "feature 1 (code '110102'): invalid geometry (Self-intersection";
    // The regions' partial members are cut from the county layer: chosen by code, not by a field it lacks.
    auto regions = run_cli(counties + "list regions --format csv");
    CHECK(regions.exit_code == 0);
    CHECK_THAT(regions.out, Contains("chengdu_chongqing"));
    // The 19 new districts' 58 counties this layer lacks: one short warning, not one line each.
    INFO(regions.err);
    CHECK(test::line_count(regions.err) <= 2);
    CHECK_THAT(regions.err, Contains("warning: 19 of 27 places name units the layers lack, not drawn there: nd01 "
                                     "Shanghai Pudong New Area: 310115 is in no county-level unit; nd02 "));
    CHECK_THAT(regions.err, Contains("; and 17 more places (list places gives their codes)\n"));
    auto all = run_cli(counties + "list counties --format csv");
    REQUIRE(all.exit_code == 0);
    CHECK_THAT(all.out, Contains("110102,110000,西城区"));  // Beijing is its own prefecture-level unit
    CHECK_THAT(all.err, Contains(repaired));
    auto filtered = run_cli(counties + "list counties --prefecture 110000 --format csv");
    REQUIRE(filtered.exit_code == 0);
    CHECK_THAT(filtered.out, Contains("110101,110000,东城区"));
    CHECK_THAT(filtered.err, Contains(repaired));
}

TEST_CASE("a layer's repaired features are listed five at most, the rest counted in one line", "[cli][errors]") {
    // A county layer rounded to 6 decimals gave 831 lines of "invalid geometry ... repaired".
    test::TempFolder tmp;
    std::ofstream out(tmp.path("bowties.geojson"));
    out << R"({"type":"FeatureCollection","name":"units","features":[)";
    const char* codes[] = {"110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000"};
    for (int i = 0; i < 9; ++i) {
        double x = 100 + 2 * i, y = 30;  // a bowtie: its edges cross at its middle
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"code":")" << codes[i]
            << R"(","name_zh":"x"},"geometry":{"type":"Polygon","coordinates":[[[)" << x << "," << y << "],[" << x + 1
            << "," << y + 1 << "],[" << x + 1 << "," << y << "],[" << x << "," << y + 1 << "],[" << x << "," << y
            << "]]]}}";
    }
    out << "]}";
    out.close();
    auto r = run_cli("--geodata " + tmp.path("bowties.geojson") + " --provinces-layer units list provinces");
    REQUIRE(r.exit_code == 0);
    CHECK(test::line_count(r.err) == 6);
    CHECK_THAT(r.err, Catch::Contains("feature 4 (code '150000'): invalid geometry (Self-intersection"));
    CHECK_THAT(r.err,
               Catch::Contains(": 4 more features repaired or closed as the ones above (not listed one by one)"));
    CHECK(test::line_count(r.out) == 11);  // all nine listed, under the header and its rule
}
