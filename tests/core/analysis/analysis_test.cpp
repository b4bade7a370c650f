// Coverage matrix, province coverage, comparison and search on the bundled plan.
#include <catch2/catch.hpp>

#include "analysis/compare.hpp"
#include "analysis/coverage.hpp"
#include "analysis/resolve.hpp"
#include "analysis/search.hpp"
#include "error.hpp"
#include "support.hpp"

using namespace atlas;
using test::bundled_plan;

namespace {
std::vector<const RegionShape*> all_shapes() {
    std::vector<const RegionShape*> out;
    for (const RegionShape& s : test::bundled_shapes()) out.push_back(&s);
    return out;
}
const SearchIndex& index() {
    static const SearchIndex idx(&test::bundled_provinces(), &test::bundled_prefectures(), &bundled_plan());
    return idx;
}
}  // namespace

TEST_CASE("coverage matrix: explicit, general and none", "[analysis]") {
    CoverageMatrix m = coverage_matrix(bundled_plan(), {"biomedicine", "integrated_circuits"});
    REQUIRE(m.regions.size() == 19);
    auto cell = [&](const char* region, std::size_t column) {
        for (std::size_t r = 0; r < m.regions.size(); ++r)
            if (m.regions[r]->id == region) return m.cells[r][column];
        FAIL("no region " << region);
        return Coverage::None;
    };
    CHECK(cell("shandong_peninsula", 0) == Coverage::Explicit);
    CHECK(cell("shandong_peninsula", 1) == Coverage::None);
    CHECK(cell("west_taiwan_strait", 1) == Coverage::Explicit);
    CHECK(cell("yangtze_river_delta", 0) == Coverage::General);
    CHECK(cell("bohai_sea_region", 0) == Coverage::None);
}

TEST_CASE("regions designated for biomedicine are exactly those the plan names", "[analysis]") {
    std::vector<std::string> ids;
    for (const PlanRegion* r : regions_designated_for(bundled_plan(), "biomedicine")) ids.push_back(r->id);
    CHECK(ids == std::vector<std::string>{"shandong_peninsula", "harbin_changchun", "central_south_liaoning",
                                          "northeast_china"});
}

TEST_CASE("province coverage: shares, regions and industries", "[analysis]") {
    auto rows = province_coverage(bundled_plan(), all_shapes(), test::bundled_provinces());
    REQUIRE(rows.size() == 34);
    auto row = [&](const char* code) {
        for (const auto& r : rows)
            if (r.province->code == code) return r;
        FAIL("no province " << code);
        return rows[0];
    };
    CHECK(row("310000").share() == Approx(1.0));  // Shanghai: all in the Yangtze River Delta
    CHECK(row("540000").share() == Approx(0.0));  // Tibet: no designated region
    CHECK(row("370000").share() == Approx(1.0));  // Shandong: all 17 cities
    CHECK(row("420000").share() == Approx(57946.0 / 186036.0).epsilon(0.01));  // Hubei: Wuhan 1+8
    auto shandong = row("370000");
    CHECK(std::count(shandong.industries.begin(), shandong.industries.end(), "biomedicine") == 1);
    // A wholly covered province's share is 1, not 1.0000000000000742 (its units' areas summed).
    for (const auto& r : rows) {
        INFO(r.province->code);
        CHECK(r.share() <= 1.0);
        CHECK(r.covered_partial_km2 <= r.covered_km2);
    }
    CHECK(row("130000").share() == 1.0);  // Hebei, in Beijing-Tianjin-Hebei
    // Biomedicine only: Shandong still covered, Shanghai not.
    auto bio = province_coverage(bundled_plan(), all_shapes(), test::bundled_provinces(), "biomedicine");
    for (const auto& r : bio) {
        if (r.province->code == "370000") CHECK(r.share() == Approx(1.0));
        if (r.province->code == "310000") CHECK(r.share() == Approx(0.0));
    }
}

TEST_CASE("compare: Shandong Peninsula and West Side of the Taiwan Strait", "[analysis]") {
    Comparison c =
        compare_regions(bundled_plan(), {test::shape("shandong_peninsula"), test::shape("west_taiwan_strait")});
    // Counted as coverage counts: Shandong's biomedicine (4(1)) for biotech, the West Side's
    // integrated circuits (2(4)) for next-generation IT.
    CHECK(c.shared == std::vector<std::string>{"next_gen_it", "biotech", "marine_economy"});
    CHECK(c.unique[1] == std::vector<std::string>{"integrated_circuits"});
    CHECK(c.jaccard[0][1] == Approx(3.0 / 8.0));
    CHECK(c.overlap_km2[0][1] == 0);
    CHECK(c.overlap_km2[0][0] == Approx(test::shape("shandong_peninsula")->area_km2).epsilon(1e-6));
}

TEST_CASE("compare a region with itself gives Jaccard 1, nested regions overlap", "[analysis]") {
    for (const RegionShape& s : test::bundled_shapes()) {
        Comparison c = compare_regions(bundled_plan(), {&s, &s});
        CHECK(c.jaccard[0][1] == 1.0);
    }
    // Overlaps are of the shapes themselves: a region's with itself is its area, a region inside
    // another overlaps it by its whole area (a partial member counted whole made Chengdu-Chongqing
    // overlap itself and the Yangtze River Economic Belt by 239,223 km2 where its area is 189,055).
    const std::pair<const char*, const char*> nested_pairs[] = {{"bohai_sea_region", "jingjinji"},
                                                                {"yangtze_river_economic_belt", "chengdu_chongqing"},
                                                                {"yangtze_river_economic_belt", "wuhan_metropolitan"}};
    for (auto [outer, inner] : nested_pairs) {
        INFO(outer << " around " << inner);
        Comparison nested = compare_regions(bundled_plan(), {test::shape(outer), test::shape(inner)});
        double area = test::shape(inner)->area_km2;
        CHECK(nested.overlap_km2[1][1] == area);
        CHECK(nested.overlap_km2[0][0] == test::shape(outer)->area_km2);
        CHECK(nested.overlap_km2[0][1] == nested.overlap_km2[1][0]);
        CHECK(nested.overlap_km2[0][1] <= area);
        CHECK(nested.overlap_km2[0][1] == Approx(area).epsilon(0.0005));
    }
    // Neighbours that share only a border overlap by (nearly) nothing, never by a shared unit's area.
    Comparison side = compare_regions(bundled_plan(), {test::shape("changzhutan"), test::shape("wuhan_metropolitan")});
    CHECK(side.overlap_km2[0][1] < 1.0);
    CHECK_THROWS_AS(compare_regions(bundled_plan(), {test::shape("jingjinji")}), AtlasError);
}

TEST_CASE("search in Chinese, English and pinyin, tolerant of spelling", "[analysis][search]") {
    auto top = [](const std::string& q) { return index().find(q, 1).at(0).id; };
    CHECK(top("长三角") == "yangtze_river_delta");
    CHECK(top("yangtze delta") == "yangtze_river_delta");
    CHECK(top("Yangtze-River  DELTA") == "yangtze_river_delta");
    CHECK(top("Xian") == "610100");
    CHECK(top("Xi'an") == "610100");
    CHECK(top("西安") == "610100");
    CHECK(top("Shanxi") == "140000");
    CHECK(top("Shaanxi") == "610000");
    CHECK(top("Guangzou") == "440100");  // typo
    CHECK(top("上海市") == "310000");
    CHECK(top("harbin") == "230100");
    CHECK(top("biomedicine") == "biomedicine");
    // A region's id ties with a district's name ("Zhongyuan District" less "District"): the region
    // first, as `show Zhongyuan` has it (the district came first, by 100 to 95: helper-51).
    RegionLayer counties;
    counties.regions.push_back({"410102", "410100", "中原区", "Zhongyuan District"});
    SearchIndex with_counties(&test::bundled_provinces(), &test::bundled_prefectures(), &bundled_plan(), &counties);
    std::vector<SearchHit> zhongyuan = with_counties.find("Zhongyuan", 2);
    REQUIRE(zhongyuan.size() == 2);
    CHECK(zhongyuan[0].id == "zhongyuan");
    CHECK(zhongyuan[1].id == "410102");
    CHECK(index().find("qqqqzzzz").empty());
}

TEST_CASE("resolving names: ids, names, aliases, and suggestions for unknown names", "[analysis][search]") {
    CHECK(resolve_region(bundled_plan(), index(), "Shandong Peninsula").id == "shandong_peninsula");
    CHECK(resolve_region(bundled_plan(), index(), "West Side of the Taiwan Strait").id == "west_taiwan_strait");
    CHECK(resolve_region(bundled_plan(), index(), "珠三角").id == "pearl_river_delta");
    CHECK(resolve_industry(bundled_plan(), index(), "Integrated circuits").id == "integrated_circuits");
    try {
        resolve_region(bundled_plan(), index(), "Yangzi");
        FAIL("resolved");
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::NotFound);
        CHECK_THAT(e.what(), Catch::Matchers::Contains("unknown region 'Yangzi'; did you mean:") &&
                                 Catch::Matchers::Contains("yangtze_river"));
    }
    // Words every region's name shares are never guessed: "China" was read as the Northeast group,
    // "s s n" and "Mountains" as the North Slope of the Tianshan Mountains.
    for (const char* vague : {"China", "Urban agglomeration", "urban", "Mountains", "s s n", "%s%s%n"}) {
        INFO(vague);
        CHECK_THROWS_AS(resolve_region(bundled_plan(), index(), vague), AtlasError);
    }
    CHECK(resolve_region(bundled_plan(), index(), "Pearl River").id == "pearl_river_delta");
    CHECK(resolve_region(bundled_plan(), index(), "Northeast").id == "northeast_china");
    // A query far longer than any name finds nothing (30,000 characters took 14 s to).
    CHECK(index().find(std::string(30000, 'x'), 5).empty());
}
