#include "geo/projection.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

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

// EPSG:4326 gave degrees where the scene takes metres: its 60-unit wide China was read as the most
// zoomed level, and every county's name was drawn at the national view (helper-51).
TEST_CASE("a CRS in degrees or feet projects to metres, and a bare number is an EPSG code", "[geo]") {
    Projection degrees("EPSG:4326");
    ProjectedXY xy;
    REQUIRE(degrees.forward({105, 30}, xy));
    CHECK(xy.x == Approx(105 * 111319.490793).epsilon(1e-9));
    CHECK(xy.y == Approx(30 * 111319.490793).epsilon(1e-9));
    LonLat back;
    REQUIRE(degrees.inverse(xy, back));
    CHECK(back.lon == Approx(105).margin(1e-9));
    CHECK(back.lat == Approx(30).margin(1e-9));
    std::vector<ProjectedXY> many = degrees.forward(std::vector<LonLat>{{105, 30}});
    CHECK(many[0].x == Approx(xy.x));
    // A CRS in US survey feet (NAD83 / California zone 1, ftUS): the same place in metres as EPSG:26941's.
    ProjectedXY feet, metres;
    REQUIRE(Projection("EPSG:2225").forward({-122, 41}, feet));
    REQUIRE(Projection("EPSG:26941").forward({-122, 41}, metres));
    CHECK(feet.x == Approx(metres.x).margin(0.01));
    Projection bare("4326");
    CHECK(bare.definition() == "EPSG:4326");
    REQUIRE(bare.forward({105, 30}, xy));
    CHECK(xy.x == Approx(105 * 111319.490793).epsilon(1e-9));
    CHECK(Projection("3857").definition() == "EPSG:3857");
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

TEST_CASE("a short projection name projects exactly as PROJ's own choice for its definition", "[geo]") {
    // The short names are built from a stored pipeline, not searched for in PROJ's database: a PROJ
    // that chose another operation would move every map.
    std::vector<LonLat> grid;
    for (double lon = 70; lon <= 140; lon += 7)
        for (double lat = 15; lat <= 55; lat += 4) grid.push_back({lon, lat});
    for (const std::string& name : projection_names()) {
        Projection stored(name), searched(projection_definition(name));
        std::vector<ProjectedXY> a = stored.forward(grid), b = searched.forward(grid);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            INFO(name << " at " << grid[i].lon << "," << grid[i].lat);
            CHECK(a[i].x == b[i].x);
            CHECK(a[i].y == b[i].y);
        }
        LonLat back_a, back_b;
        REQUIRE(stored.inverse(a[12], back_a));
        REQUIRE(searched.inverse(b[12], back_b));
        CHECK(back_a.lon == back_b.lon);
        CHECK(back_a.lat == back_b.lat);
        CHECK(stored.caveat() == searched.caveat());
    }
}

TEST_CASE("a word is a projection only as a CRS's whole name, never PROJ's nearest match", "[geo]") {
    // "foo" was drawn in Amersfoort / RD New (the Netherlands) and "Beijing" in a Beijing 1954 CRS,
    // each labelled only with the word typed.
    for (const char* word : {"foo", "Beijing", "xian"}) {
        INFO(word);
        try {
            Projection p(word);
            FAIL("accepted");
        } catch (const AtlasError& e) {
            CHECK(e.kind() == ErrorKind::Usage);
            CHECK_THAT(e.what(), Catch::StartsWith(std::string("unknown projection '") + word +
                                                   "' (PROJ's nearest CRS "
                                                   "name is '"));
        }
    }
    Projection named("WGS 84 / Pseudo-Mercator");  // a whole name, in any case
    Projection lower("wgs 84 / pseudo-mercator");
    ProjectedXY a, b;
    REQUIRE(named.forward({116.4, 39.9}, a));
    REQUIRE(lower.forward({116.4, 39.9}, b));
    CHECK(a.x == b.x);
}

TEST_CASE("a short projection name is summarized alike with and without PROJ: its definition, no caveat", "[geo]") {
    // The front program (geo/projection_summary_front.cpp) describes short names from their table,
    // without PROJ: what PROJ says of them must be that, or `info` would differ between the programs.
    for (const std::string& name : projection_names()) {
        INFO(name);
        ProjectionSummary summary = summarize_projection(name);
        CHECK(summary.definition == projection_definition(name));
        CHECK(summary.caveat.empty());
    }
    CHECK(projection_definition("albers") ==
          "+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84 +units=m +no_defs +type=crs");
    CHECK(projection_definition("mercator") == "EPSG:3857");
    CHECK(projection_definition("EPSG:3415") == "EPSG:3415");
}
