// The plan's places (geodata/source/places): read, checked against the layers, tied to units, listed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analysis/place_shapes.hpp"
#include "io/place_reader.hpp"
#include "support.hpp"

namespace atlas {

namespace {
const PlaceSet& places() {
    static const PlaceSet set = read_places(std::string(ATLAS_GEODATA) + "/source/places");
    return set;
}
}  // namespace

TEST_CASE("places: 8 pilot zones and 19 new districts, each with codes and sources, unconfirmed fields marked") {
    int zones = 0, districts = 0;
    for (const Place& p : places().places) {
        INFO(p.id);
        (p.kind == PlaceKind::PilotZone ? zones : districts)++;
        CHECK(!p.codes.empty());
        CHECK(!p.sources.empty());
        CHECK(!p.name_en.empty());
    }
    CHECK(zones == 8);
    CHECK(districts == 19);
    const Place* xixian = places().find("nd07");
    REQUIRE(xixian != nullptr);
    CHECK(xixian->name_en == "Shaanxi Xixian New Area");
    CHECK(xixian->partial);
    CHECK(xixian->area_km2 == Approx(882));
    CHECK(xixian->unconfirmed.empty());  // date and document from the 批复 itself
    const Place* pudong = places().find("nd01");
    CHECK_FALSE(pudong->partial);
    CHECK(pudong->unconfirmed == std::vector<std::string>{"document"});  // "国函〔1992〕145号 (from memory)"
    CHECK(places().find("nd04")->area_km2 == Approx(1440));              // "land 1440; sea 20800"
    CHECK_FALSE(places().find("nd19")->area_km2.has_value());            // 雄安: three stages, no one figure
    CHECK(places().find("guangdong")->core_codes.size() == 9);
    CHECK(check_places(places(), test::bundled_provinces(), test::bundled_prefectures(), nullptr).empty());
}

TEST_CASE("places: a county layer lacking a district's counties gives one bounded line a district") {
    RegionLayer none;  // a user's county layer with none of the districts' counties
    std::vector<std::string> problems =
        check_places(places(), test::bundled_provinces(), test::bundled_prefectures(), &none);
    CHECK(problems.size() == 19);  // one a new district, the pilot zones are checked on the other layers
    CHECK(std::find(problems.begin(), problems.end(),
                    "nd03 Chongqing Liangjiang New Area: 500105, 500109, 500112 are in no county-level unit") !=
          problems.end());
    for (const std::string& line : problems) CHECK(line.size() < 200);
}

TEST_CASE("places: Xi'an hosts its pilot zone and the Xixian New Area, Shenzhen is a core city of its zone") {
    auto ties = places_of_unit(places(), *test::bundled_prefectures().find("610100"), UnitLevel::Prefecture);
    REQUIRE(ties.size() == 2);
    CHECK(ties[0].place->id == "xian");
    CHECK(ties[1].place->id == "nd07");
    CHECK(ties[1].relation == "hosts");
    auto shenzhen = places_of_unit(places(), *test::bundled_prefectures().find("440300"), UnitLevel::Prefecture);
    REQUIRE(!shenzhen.empty());
    CHECK(shenzhen[0].relation == "core city of");
    auto r = test::run_cli("show Xixian");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Shaanxi Xixian New Area (陕西西咸新区)  [nd07]") != std::string::npos);
    CHECK(r.out.find("area:         882 km2 (its own, from the source)") != std::string::npos);
    auto list = test::run_cli("list places --format csv");
    CHECK(test::line_count(list.out) == 28);
    // As JSON: a published area that is only words once crashed it (exit 1, the JSON library's text).
    auto json = test::run_cli("list places --format json");
    REQUIRE(json.exit_code == 0);
    nlohmann::json places_json = nlohmann::json::parse(json.out);
    CHECK(places_json.size() == 27);
    for (const auto& p : places_json) {
        CHECK((p["area_km2"].is_number() || p["area_km2"].is_null()));
        CHECK(p["codes"].is_array());
    }
    auto bad = test::run_cli("list places --kind zone");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--kind 'zone' (use pilot-zone or new-district)") != std::string::npos);
}

}  // namespace atlas

namespace atlas {

TEST_CASE("list regions gives the published planning area and the deviation from it, as JSON numbers too") {
    auto r = test::run_cli("list regions --format json");  // no county layer here: whole prefectures
    REQUIRE(r.exit_code == 0);
    nlohmann::json rows = nlohmann::json::parse(r.out);
    for (const auto& row : rows)
        if (row["id"] == "guanzhong_plain") {
            CHECK(row["published_km2"] == 107100);
            CHECK(row["deviation_pct"] == Approx(51.3));  // +51 %: partial members counted whole
        }
}

}  // namespace atlas
