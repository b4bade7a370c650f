// Levels of detail (store/detail_levels.hpp): triangles fill each feature exactly, a level read back
// from its store is the level computed, and each scale draws the level it should.
#include "store/detail_levels.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <iterator>

#include "geo/geos_handle.hpp"
#include "geo/triangulate.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

/// The layout's vertices (triangulate()'s indices refer to them).
std::vector<LonLat> layout(const MultiPolygon& g) {
    std::vector<LonLat> out;
    auto add = [&](const Ring& r) {
        if (r.size() >= 4) out.insert(out.end(), r.begin(), r.end() - 1);
    };
    for (const Polygon& p : g) {
        add(p.outer);
        for (const Ring& h : p.holes) add(h);
    }
    return out;
}

double triangles_area(const MultiPolygon& g, const std::vector<std::uint32_t>& t) {
    std::vector<LonLat> v = layout(g);
    double area = 0;
    for (std::size_t i = 0; i + 2 < t.size(); i += 3) {
        const LonLat &a = v.at(t[i]), &b = v.at(t[i + 1]), &c = v.at(t[i + 2]);
        area += std::fabs((b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat)) / 2;
    }
    return area;
}

double polygon_area(const MultiPolygon& g) {
    double area = 0;
    for (const Polygon& p : g) {
        area += std::fabs(signed_area(p.outer));
        for (const Ring& h : p.holes) area -= std::fabs(signed_area(h));
    }
    return area;
}

bool same(const MultiPolygon& a, const MultiPolygon& b) {
    std::vector<LonLat> x = layout(a), y = layout(b);
    if (x.size() != y.size() || a.size() != b.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i].lon != y[i].lon || x[i].lat != y[i].lat) return false;
    return true;
}

}  // namespace

TEST_CASE("triangulate: a square with a square hole is eight triangles of its area, none over the hole", "[store]") {
    GeosContext ctx;
    Polygon p;
    p.outer = {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}};
    p.holes = {{{1, 1}, {1, 3}, {3, 3}, {3, 1}, {1, 1}}};
    std::vector<std::uint32_t> t = triangulate(ctx, {p});
    REQUIRE(t.size() == 8 * 3);
    CHECK(triangles_area({p}, t) == Approx(12.0));
}

TEST_CASE("triangulate: a ring crossing itself gets no triangles (the renderer's stencil fill instead)", "[store]") {
    GeosContext ctx;
    Polygon bowtie;
    bowtie.outer = {{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}};
    CHECK(triangulate(ctx, {bowtie}).empty());
}

TEST_CASE("detail levels: every bundled province and prefecture at every level is triangulated to its own area",
          "[store]") {
    Document& doc = test::bundled_document();
    for (double tolerance : kDetailTolerances) {
        const DetailLevel& level = doc.detail_level(tolerance);
        CHECK(level.tolerance_m == tolerance);
        for (auto [detail, layer] :
             {std::pair{&level.provinces, &doc.provinces()}, std::pair{&level.prefectures, &doc.prefectures()}}) {
            REQUIRE(detail->triangles.size() == layer->regions.size());
            std::size_t without = 0;
            for (std::size_t f = 0; f < layer->regions.size(); ++f) {
                const MultiPolygon& g = detail->features.empty() ? layer->regions[f].geometry : detail->features[f];
                if (detail->triangles[f].empty()) {
                    ++without;
                    continue;
                }
                CHECK(triangles_area(g, detail->triangles[f]) == Approx(polygon_area(g)).epsilon(1e-6));
            }
            INFO("level " << tolerance << " m");
            CHECK(without == 0);
        }
    }
}

TEST_CASE("detail levels: a store read back gives each level exactly as computed", "[store]") {
    Document& doc = test::bundled_document();
    DetailLevels computed = doc.compute_detail_levels();
    REQUIRE(computed.size() == std::size(kDetailTolerances));
    test::TempFolder tmp;
    std::string path = tmp.path("levels.levels");
    write_detail_levels(path, "0123456789abcdef", computed, false);
    std::ifstream in(path, std::ios::binary);
    std::string problem;
    auto index = read_level_index(in, "0123456789abcdef", problem);
    REQUIRE(index);
    REQUIRE(index->size() == computed.size());
    for (std::size_t i = 0; i < computed.size(); ++i) {
        auto level = read_level(in, (*index)[i], problem);
        REQUIRE(level);
        CHECK(level->tolerance_m == computed[i].tolerance_m);
        CHECK(level->prefectures.triangles == computed[i].prefectures.triangles);
        CHECK(level->regions.triangles == computed[i].regions.triangles);
        for (auto [read, made] : {std::pair{&level->provinces, &computed[i].provinces},
                                  std::pair{&level->prefectures, &computed[i].prefectures},
                                  std::pair{&level->regions, &computed[i].regions}}) {
            REQUIRE(read->features.size() == made->features.size());
            for (std::size_t f = 0; f < read->features.size(); ++f) CHECK(same(read->features[f], made->features[f]));
        }
    }
    std::ifstream again(path, std::ios::binary);
    CHECK_FALSE(read_level_index(again, "fedcba9876543210", problem));
    CHECK(problem == kLevelsOfOtherData);
}

TEST_CASE("detail levels: the national view draws the coarsest level, a city view a finer one, a street view all",
          "[store]") {
    CHECK(detail_tolerance(3000) == 1500);
    CHECK(detail_tolerance(1000) == 500);
    CHECK(detail_tolerance(250) == 150);
    CHECK(detail_tolerance(100) == 0);
}
