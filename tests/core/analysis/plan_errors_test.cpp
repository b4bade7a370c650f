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

// Values of the wrong kind were read as "" or false: a list as name_zh printed as a blank name.
TEST_CASE("a plan value of the wrong kind is refused naming its key and place", "[plan][errors]") {
    using Catch::Matchers::Contains;
    json name_list = bundled_json();
    name_list["regions"][1]["name_zh"] = json::array({1, 2});
    CHECK_THAT(plan_error(name_list),
               Contains("regions[1] (yangtze_river_delta): 'name_zh' must be text, not a list ([1,2])"));
    json caveat_number = bundled_json();
    caveat_number["regions"][0]["extent"]["caveat"] = 5;
    CHECK_THAT(plan_error(caveat_number),
               Contains("regions[0] (jingjinji): extent: 'caveat' must be text, not a number"));
    json partial_text = bundled_json();
    partial_text["regions"][0]["members"][2]["partial"] = "yes";
    CHECK_THAT(plan_error(partial_text), Contains("members[2]: 'partial' must be true or false, not \"yes\""));
    json code_number = bundled_json();
    code_number["regions"][0]["members"][0]["code"] = 110000;
    CHECK_THAT(plan_error(code_number), Contains("members[0]: 'code' must be text, not a number (110000)"));
    json alias_number = bundled_json();
    alias_number["regions"][2]["aliases"][1] = 7;
    CHECK_THAT(plan_error(alias_number), Contains("'aliases'[1] must be text, not a number (7)"));
    json id_number = bundled_json();
    id_number["industries"][0]["id"] = 5;
    CHECK_THAT(plan_error(id_number), Contains("industries[0] (?): 'id' must be text, not a number (5)"));
}

TEST_CASE("a member listed twice and a name two regions answer to are refused", "[plan][errors]") {
    using Catch::Matchers::Contains;
    json repeated = bundled_json();
    for (int i = 0; i < 1000; ++i) repeated["regions"][0]["members"].push_back(repeated["regions"][0]["members"][0]);
    CHECK_THAT(plan_error(repeated), Contains("region 'jingjinji' lists member '110000' more than once"));
    json nested = bundled_json();
    for (json& r : nested["regions"])
        if (r["id"] == "kunming") r["members"].push_back({{"code", "530000"}, {"name_en", "Yunnan"}});
    CHECK_THAT(plan_error(nested), Contains("region 'kunming' lists a member inside another member ('530100' in "
                                            "'530000'): list the province or its units, not both"));
    json shared = bundled_json();
    shared["regions"][1]["aliases"].push_back("Jing-Jin-Ji");
    CHECK_THAT(plan_error(shared),
               Contains("regions 'jingjinji' and 'yangtze_river_delta' both answer to 'Jing-Jin-Ji'"));
}

// A parent cycle made list industries, coverage, render --industry and export --industry loop for
// ever, their memory growing by 100 MB a second.
TEST_CASE("an industry that is its own ancestor is refused", "[plan][errors]") {
    using Catch::Matchers::Contains;
    json self = bundled_json();
    for (json& ind : self["industries"])
        if (ind["id"] == "biotech") ind["parent"] = "biotech";
    CHECK_THAT(plan_error(self), Contains("industry 'biotech' is its own ancestor (biotech -> biotech)"));
    json two = bundled_json();
    for (json& ind : two["industries"])
        if (ind["id"] == "next_gen_it") ind["parent"] = "big_data";
    CHECK_THAT(plan_error(two), Contains("is its own ancestor (") && Contains("big_data -> next_gen_it"));
}
