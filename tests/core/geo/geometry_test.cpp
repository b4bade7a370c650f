#include "geo/geometry.hpp"

#include <catch2/catch.hpp>

#include "geo/operations.hpp"
#include "support.hpp"

using namespace atlas;

namespace {
Ring square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}
}  // namespace

TEST_CASE("contains respects holes", "[geo]") {
    MultiPolygon g{Polygon{square(0, 0, 10), {square(4, 4, 2)}}};
    CHECK(contains(g, {1, 1}));
    CHECK_FALSE(contains(g, {5, 5}));
    CHECK_FALSE(contains(g, {11, 5}));
}

TEST_CASE("geodesic area of a one-degree cell at the equator", "[geo]") {
    // 1 x 1 degree at the equator on WGS84: 12,308.8 km2
    CHECK(geodesic_area_km2({Polygon{square(0, 0, 1), {}}}) == Approx(12308.8).epsilon(0.001));
}

TEST_CASE("dissolve fills gaps between neighbours but keeps holes covered by others", "[geo]") {
    GeosContext ctx;
    // Two cells with a thin gap between them, surrounding a third unit (a real hole).
    MultiPolygon left{Polygon{{{0, 0}, {4.999, 0}, {4.999, 10}, {0, 10}, {0, 0}}, {}}};
    MultiPolygon right{Polygon{{{5, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 0}}, {square(7, 4, 2)}}};
    MultiPolygon enclave{Polygon{square(7, 4, 2), {}}};
    MultiPolygon merged = dissolve(ctx, {&left, &right}, {&enclave}, 0.01);
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].holes.size() == 1);  // the enclave stays a hole; the gap is snapped away
    MultiPolygon without_enclave = dissolve(ctx, {&left, &right}, {}, 0.01);
    CHECK(without_enclave[0].holes.empty());
}

TEST_CASE("make_valid repairs a bow-tie", "[geo]") {
    GeosContext ctx;
    MultiPolygon bow{Polygon{{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}, {}}};
    CHECK_FALSE(is_valid(ctx, bow));
    MultiPolygon fixed = make_valid(ctx, bow);
    CHECK(is_valid(ctx, fixed));
    CHECK(fixed.size() == 2);
}

TEST_CASE("label point lies inside a concave polygon", "[geo]") {
    GeosContext ctx;
    MultiPolygon u{Polygon{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}, {}}};
    CHECK(contains(u, label_point(ctx, u)));
}

TEST_CASE("the fast ellipsoidal area agrees with PROJ's geodesic area", "[geo]") {
    for (const char* code : {"110000", "500000", "650000", "460000", "230000", "810000"}) {
        const Region* p = test::bundled_provinces().find(code);
        INFO(p->name_en);
        CHECK(geodesic_area_km2(p->geometry) == Approx(proj_geodesic_area_km2(p->geometry)).epsilon(1e-5));
    }
    MultiPolygon cell{Polygon{square(100, 30, 1), {}}};
    CHECK(geodesic_area_km2(cell) == Approx(proj_geodesic_area_km2(cell)).epsilon(1e-3));
}
