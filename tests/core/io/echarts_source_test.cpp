#include "io/echarts_source.hpp"

#include <catch2/catch.hpp>

using namespace atlas;

TEST_CASE("echarts ring strings decode as parseGeoJson.js does", "[io]") {
    // '@' is zero; 'B' is +1 in zigzag (2 >> 1), 'A' is -1; offsets are in 1/1024 degree.
    Ring ring = decode_echarts_ring("@@B@@B", 1024 * 100, 1024 * 30);
    REQUIRE(ring.size() == 3);
    CHECK(ring[0].lon == 100.0);
    CHECK(ring[0].lat == 30.0);
    CHECK(ring[1].lon == Approx(100.0 + 1.0 / 1024));
    CHECK(ring[2].lat == Approx(30.0 + 1.0 / 1024));
    Ring back = decode_echarts_ring("A@", 0, 0);
    CHECK(back[0].lon == Approx(-1.0 / 1024));
}

TEST_CASE("loose rings become polygons by containment: islands stay parts, inner rings become holes", "[io]") {
    Ring outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    Ring hole{{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}};
    Ring island{{20, 0}, {21, 0}, {21, 1}, {20, 1}, {20, 0}};
    Ring islet_in_hole{{4.5, 4.5}, {5.5, 4.5}, {5.5, 5.5}, {4.5, 5.5}, {4.5, 4.5}};
    MultiPolygon g = assemble_rings({outer, island, hole, islet_in_hole});
    REQUIRE(g.size() == 3);
    CHECK(g[0].holes.size() == 1);
    CHECK(g[1].holes.empty());
    CHECK(g[2].holes.empty());
}
