// What the inspector states about a unit: every region containing it and how, on the bundled data.
#include "analysis/unit_report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace atlas;

namespace {

UnitReport report_of(const std::string& code) {
    Document& doc = test::bundled_document();
    const Region* unit = doc.prefectures().find(code);
    if (unit == nullptr) unit = doc.provinces().find(code);
    REQUIRE(unit != nullptr);
    return report_unit(doc.plan(), doc.shapes(), doc.provinces(), doc.prefectures(), *unit);
}

const UnitMembership* in(const UnitReport& r, const std::string& region) {
    for (const UnitMembership& m : r.regions)
        if (m.region->id == region) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("unit report: Xi'an lies in the Guanzhong Plain, a full member", "[analysis]") {
    UnitReport r = report_of("610100");
    CHECK_FALSE(r.is_province);
    REQUIRE(r.regions.size() == 1);
    const UnitMembership* m = in(r, "guanzhong_plain");
    REQUIRE(m != nullptr);
    CHECK_FALSE(m->partial);
    CHECK_FALSE(m->via_province);
}

TEST_CASE("unit report: a partial member and a member through its province", "[analysis]") {
    UnitReport shangluo = report_of("611000");
    REQUIRE(in(shangluo, "guanzhong_plain") != nullptr);
    CHECK(in(shangluo, "guanzhong_plain")->partial);
    UnitReport chengdu = report_of("510100");
    REQUIRE(in(chengdu, "chengdu_chongqing") != nullptr);
    REQUIRE(in(chengdu, "yangtze_river_economic_belt") != nullptr);
    CHECK(in(chengdu, "yangtze_river_economic_belt")->via_province);
    CHECK_FALSE(in(chengdu, "chengdu_chongqing")->via_province);
    // Chengdu-Chongqing is designated in general: no industry named. Jinan's Shandong Peninsula is
    // named for some, and they come with the report.
    CHECK(chengdu.industries.empty());
    UnitReport jinan = report_of("370100");
    REQUIRE(in(jinan, "shandong_peninsula") != nullptr);
    CHECK_FALSE(jinan.industries.empty());
}

TEST_CASE("unit report: a province counts its prefecture-level units inside each region", "[analysis]") {
    UnitReport shaanxi = report_of("610000");
    CHECK(shaanxi.is_province);
    const UnitMembership* m = in(shaanxi, "guanzhong_plain");
    REQUIRE(m != nullptr);
    CHECK(m->units_inside == 6);  // Xi'an, Tongchuan, Baoji, Xianyang, Weinan, Shangluo
    CHECK(m->units_total == 10);
}

TEST_CASE("unit report: a unit no region contains has an empty report", "[analysis]") {
    UnitReport lhasa = report_of("540100");
    CHECK(lhasa.regions.empty());
    CHECK(lhasa.industries.empty());
}

TEST_CASE("unit report: each hub is reported in the unit of its seat", "[analysis]") {
    Document& doc = test::bundled_document();
    int checked = 0;
    for (const RegionShape* s : doc.shapes())
        for (std::size_t i = 0; i < s->region->hubs.size() && i < s->hub_units.size(); ++i) {
            if (s->hub_units[i] == nullptr) continue;
            UnitReport r = report_of(s->hub_units[i]->code);
            const UnitMembership* m = in(r, s->region->id);
            REQUIRE(m != nullptr);
            CHECK(std::count(m->hubs.begin(), m->hubs.end(), &s->region->hubs[i]) == 1);
            ++checked;
        }
    CHECK(checked >= 10);
}
