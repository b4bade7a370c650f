// The plan file against the plan's own text: regions, hubs, industries, sections, quotes, targets.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace atlas;
using test::bundled_plan;
using test::plan_text;

namespace {

std::string section8() {
    const std::string& text = plan_text();
    std::size_t start = text.find("\n8. Promote the cluster development");
    std::size_t end = text.find("\n9. Promote the open development");
    REQUIRE(start != std::string::npos);
    return text.substr(start, end - start);
}

bool in_text(const std::string& quote) { return !quote.empty() && plan_text().find(quote) != std::string::npos; }

}  // namespace

namespace {

const std::pair<const char*, const char*> kSection8Regions[] = {
    {"Beijing-Tianjin-Hebei", "jingjinji"},
    {"Yangtze River Delta urban agglomeration", "yangtze_river_delta"},
    {"Pearl River Delta urban agglomeration", "pearl_river_delta"},
    {"Shandong Peninsula urban agglomeration", "shandong_peninsula"},
    {"West Side of the Taiwan Strait", "west_taiwan_strait"},
    {"Chengdu-Chongqing area", "chengdu_chongqing"},
    {"Wuhan metropolitan area", "wuhan_metropolitan"},
    {"Changsha-Zhuzhou-Xiangtan urban agglomeration", "changzhutan"},
    {"Zhongyuan urban agglomeration", "zhongyuan"},
    {"Guanzhong Plain urban agglomeration", "guanzhong_plain"},
    {"Kunming", "kunming"},
    {"Guiyang", "guiyang"},
    {"North Slope of the Tianshan Mountains", "tianshan_north_slope"},
    {"Lanzhou-Xining urban agglomerations", "lanzhou_xining"},
    {"urban agglomerations of Northeast China", "northeast_china"},
    {"Bohai Sea region", "bohai_sea_region"},
    {"Yangtze River Economic Belt", "yangtze_river_economic_belt"},
};

const std::pair<const char*, const char*> kSection8Hubs[] = {
    {"Shanghai", "310000"}, {"Nanjing", "320100"},   {"Hangzhou", "330100"},  {"Hefei", "340100"},
    {"Suzhou", "320500"},   {"Wuxi", "320200"},      {"Guangzhou", "440100"}, {"Shenzhen", "440300"},
    {"Fuzhou", "350100"},   {"Xiamen", "350200"},    {"Shenyang", "210100"},  {"Dalian", "210200"},
    {"Harbin", "230100"},   {"Changchun", "220100"}, {"Kunming", "530100"},   {"Guiyang", "520100"}};

}  // namespace

TEST_CASE("every region section 8 names is in the plan file, with its sentence", "[plan]") {
    for (const auto& [name, id] : kSection8Regions) {
        INFO(name);
        const PlanRegion* r = bundled_plan().region(id);
        REQUIRE(r != nullptr);
        CHECK(r->quote.find(name) != std::string::npos);
        CHECK(r->plan_section == "8(2)");
        CHECK_FALSE(r->members.empty());
    }
    CHECK(bundled_plan().regions.size() == 19);
}

// The tests tagged [plan-text] read the plan's English text, which is not in the repository: CTest
// runs them as one entry, "plan quotes are verbatim in the plan text", where ATLAS_PLAN_TEXT names
// the file (.ci/run sets it) and reports it skipped elsewhere.
TEST_CASE("every region section 8 names is in section 8 of the plan text, with its sentence from there",
          "[plan-text]") {
    std::string s8 = section8();
    for (const auto& [name, id] : kSection8Regions) {
        INFO(name);
        CHECK(s8.find(name) != std::string::npos);
        const PlanRegion* r = bundled_plan().region(id);
        REQUIRE(r != nullptr);
        CHECK(s8.find(r->quote) != std::string::npos);
    }
}

TEST_CASE("every hub city section 8 names is a hub of a region, with its prefecture code", "[plan]") {
    for (const auto& [name, code] : kSection8Hubs) {
        INFO(name);
        bool found = false;
        for (const PlanRegion& r : bundled_plan().regions)
            for (const Hub& h : r.hubs) found = found || (h.name_en == name && h.code == code);
        CHECK(found);
        CHECK(test::bundled_prefectures().find(code) != nullptr);
    }
}

TEST_CASE("every hub city is named in section 8 of the plan text", "[plan-text]") {
    std::string s8 = section8();
    for (const auto& [name, code] : kSection8Hubs) CHECK(s8.find(name) != std::string::npos);
}

TEST_CASE("industries of sections 2-7 are present with their sections", "[plan]") {
    const std::pair<const char*, const char*> expected[] = {{"next_gen_it", "2"},
                                                            {"high_end_equipment_new_materials", "3"},
                                                            {"biotech", "4"},
                                                            {"green_low_carbon", "5"},
                                                            {"digital_creative", "6"},
                                                            {"future_industries", "7"},
                                                            {"integrated_circuits", "2(4)"},
                                                            {"artificial_intelligence", "2(5)"},
                                                            {"aviation", "3(2)"},
                                                            {"satellites", "3(3)"},
                                                            {"rail_transit_equipment", "3(4)"},
                                                            {"marine_engineering_equipment", "3(5)"},
                                                            {"new_materials", "3(6)"},
                                                            {"biomedicine", "4(1)"},
                                                            {"biomedical_engineering", "4(2)"},
                                                            {"bio_agriculture", "4(3)"},
                                                            {"bio_manufacturing", "4(4)"},
                                                            {"bioenergy", "4(6)"},
                                                            {"new_energy_vehicles", "5(1)"},
                                                            {"nuclear_power", "5(2)"},
                                                            {"wind_power", "5(2)"},
                                                            {"solar_power", "5(2)"},
                                                            {"energy_saving", "5(3)"},
                                                            {"environmental_protection", "5(4)"},
                                                            {"resource_recycling", "5(5)"},
                                                            {"digital_content", "6(2)"}};
    for (const auto& [id, section] : expected) {
        INFO(id);
        const Industry* ind = bundled_plan().industry(id);
        REQUIRE(ind != nullptr);
        CHECK(ind->section == section);
        CHECK_FALSE(ind->quote.empty());
    }
    CHECK(bundled_plan().sectors().size() == 6);
}

TEST_CASE("every 2020 target has its year and value, and the headline figures are right", "[plan]") {
    const Plan& plan = bundled_plan();
    std::size_t targets = 0;
    for (const Industry& i : plan.industries)
        for (const Target& t : i.targets) {
            INFO(i.id << ": " << t.quote);
            CHECK_FALSE(t.quote.empty());
            CHECK(t.year == 2020);
            ++targets;
        }
    CHECK(targets >= 20);
    for (const PlanRegion& r : plan.regions)
        for (const IndustryDesignation& d : r.designation.industries)
            CHECK(r.designation.quote.find(d.plan_term) != std::string::npos);
    // The headline figures: next-generation IT over 12 trillion yuan, NEV production and sales.
    CHECK(plan.industry("next_gen_it")->targets.at(0).value == 12);
}

TEST_CASE("every quote and every 2020 target sentence is verbatim in the plan text", "[plan-text]") {
    const Plan& plan = bundled_plan();
    for (const Industry& i : plan.industries) {
        INFO(i.id);
        CHECK(in_text(i.quote));
        for (const Target& t : i.targets) CHECK(in_text(t.quote));
    }
    for (const Target& t : plan.plan_targets) CHECK(in_text(t.quote));
    for (const PlanRegion& r : plan.regions) {
        INFO(r.id);
        CHECK(in_text(r.quote));
        CHECK(in_text(r.designation.quote));
    }
    for (const MacroDesignation& d : plan.macro_designations) CHECK(in_text(d.quote));
}

TEST_CASE("designations follow the plan's words", "[plan]") {
    const Plan& plan = bundled_plan();
    CHECK(plan.designates(*plan.region("shandong_peninsula"), "biomedicine"));
    CHECK(plan.designates(*plan.region("shandong_peninsula"), "marine_economy"));
    CHECK(plan.designates(*plan.region("west_taiwan_strait"), "integrated_circuits"));
    CHECK(plan.designates(*plan.region("northeast_china"), "biomedicine"));
    CHECK_FALSE(plan.designates(*plan.region("yangtze_river_delta"), "biomedicine"));  // general, not named
    CHECK(plan.region("yangtze_river_delta")->designation.type == DesignationType::General);
    CHECK(plan.region("bohai_sea_region")->designation.type == DesignationType::Context);
    // The sector rolls up its subsectors: Shandong's biomedicine designates it for biotech.
    CHECK(plan.designates(*plan.region("shandong_peninsula"), "biotech"));
}

TEST_CASE("provisional extents are marked, with their caveats", "[plan]") {
    const Plan& plan = bundled_plan();
    for (const char* id : {"tianshan_north_slope", "central_south_liaoning", "west_taiwan_strait"}) {
        INFO(id);
        CHECK(plan.region(id)->extent.provisional);
        CHECK_FALSE(plan.region(id)->extent.caveat.empty());
    }
    CHECK_FALSE(plan.region("yangtze_river_delta")->extent.provisional);
    CHECK(plan.region("guanzhong_plain")->extent.after_plan);
}
