// End-to-end: the real clusteratlas binary, its stdout, stderr and exit codes.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "io/csv.hpp"
#include "support.hpp"

using atlas::test::run_cli;
using Catch::Matchers::Contains;

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
        {"--geodata " + bad + "missing_code_field.geojson --provinces-layer units list provinces", "no field 'code'", 3},
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
