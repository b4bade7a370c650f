#include "geo/projection.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "error.hpp"

using namespace atlas;

TEST_CASE("projections round-trip within 1 cm", "[geo]") {
    const LonLat places[] = {{121.47, 31.23}, {91.13, 29.65}, {126.63, 45.75}, {87.62, 43.82}, {109.5, 18.25}};
    for (const std::string name : {"albers", "mercator", "platecarree"}) {
        Projection p(name);
        for (const LonLat& ll : places) {
            ProjectedXY xy;
            REQUIRE(p.forward(ll, xy));
            LonLat back;
            REQUIRE(p.inverse(xy, back));
            ProjectedXY again;
            REQUIRE(p.forward(back, again));
            INFO(name << " " << ll.lon << "," << ll.lat);
            CHECK(std::hypot(again.x - xy.x, again.y - xy.y) < 0.01);
            CHECK(back.lon == Approx(ll.lon).margin(1e-9));
            CHECK(back.lat == Approx(ll.lat).margin(1e-9));
        }
    }
}

TEST_CASE("China Albers is centred on 105 E and takes lon/lat in GIS order", "[geo]") {
    Projection p("albers");
    ProjectedXY xy;
    REQUIRE(p.forward({105, 25}, xy));
    CHECK(xy.x == Approx(0).margin(1e-6));
    ProjectedXY east;
    REQUIRE(p.forward({115, 25}, east));
    CHECK(east.x > 900000);  // ten degrees east is ~1,000 km east, not north
}

TEST_CASE("an unknown projection is a usage error naming it", "[geo]") {
    try {
        Projection p("robinsonx");
        FAIL("no error");
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK(std::string(e.what()).find("robinsonx") != std::string::npos);
    }
}
