// Plan-file errors: each is reported, naming every offender.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io/plan_reader.hpp"
#include "support.hpp"

using namespace atlas;
using nlohmann::json;

namespace {

json bundled_json() {
    std::ifstream in(std::string(ATLAS_GEODATA) + "/plan.json");
    return json::parse(in);
}

/// Writes the document, reads and validates it; returns the error message ("" when it passes).
std::string plan_error(const json& doc) {
    test::TempFolder tmp;
    std::string path = tmp.path("plan.json");
    std::ofstream(path) << doc.dump();
    try {
        Plan plan = read_plan(path);
        validate_plan(plan, test::bundled_provinces(), test::bundled_prefectures(), path);
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Input);
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
        CHECK(std::string(e.what()).find(path) == 0);
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the bundled plan validates", "[plan][errors]") { CHECK(plan_error(bundled_json()) == ""); }

TEST_CASE("plan errors list every offender", "[plan][errors]") {
    using Catch::Matchers::Contains;
    json doc = bundled_json();
    doc["regions"][0]["members"][0]["code"] = "999900";
    doc["regions"][1]["members"][2]["code"] = "888800";
    doc["regions"][3]["designation"]["industries"][0]["industry"] = "no_such_industry";
    doc["regions"][4]["id"] = doc["regions"][5]["id"];
    doc["regions"][6]["members"] = json::array();
    doc["industries"][7]["id"] = doc["industries"][8]["id"];
    std::string message = plan_error(doc);
    CHECK_THAT(message, Contains("unknown member code '999900'"));
    CHECK_THAT(message, Contains("unknown member code '888800'"));
    CHECK_THAT(message, Contains("unknown industry id 'no_such_industry'"));
    CHECK_THAT(message, Contains("duplicate region id 'chengdu_chongqing'"));
    CHECK_THAT(message, Contains("region 'wuhan_metropolitan' has no members"));
    CHECK_THAT(message, Contains("duplicate industry id"));
    CHECK_THAT(message, Contains("6 problems"));
}

TEST_CASE("malformed plan files name the place", "[plan][errors]") {
    using Catch::Matchers::Contains;
    json doc = bundled_json();
    doc["regions"][2].erase("members");
    CHECK_THAT(plan_error(doc), Contains("regions[2] (pearl_river_delta)") && Contains("members"));
    json bad_confidence = bundled_json();
    bad_confidence["regions"][0]["extent"]["confidence"] = "maybe";
    CHECK_THAT(plan_error(bad_confidence), Contains("confidence must be confirmed or provisional"));
    test::TempFolder tmp;
    std::ofstream(tmp.path("broken.json")) << "{\"plan\": ";
    CHECK_THROWS_WITH(read_plan(tmp.path("broken.json")), Contains("broken.json: not a plan file (JSON error at byte"));
    CHECK_THROWS_WITH(read_plan(tmp.path("missing.json")), Contains("missing.json: no such file"));
}
