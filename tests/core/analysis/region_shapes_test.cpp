// Region geometry from members: areas, validity, holes, label points.
#include "analysis/region_shapes.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>

#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "support.hpp"

using namespace atlas;

TEST_CASE("region shapes: Yangtze River Delta area matches the published 211,700 km2", "[analysis]") {
    const auto& shapes = test::bundled_shapes();
    const RegionShape* yrd = test::shape("yangtze_river_delta");
    REQUIRE(yrd != nullptr);
    CHECK(yrd->area_km2 == Approx(211700).epsilon(0.03));
    CHECK(yrd->units.size() == 26);
    CHECK(shapes.size() == test::bundled_plan().regions.size());
}

TEST_CASE("region shapes never overlap themselves and have no sliver holes", "[analysis]") {
    GeosContext ctx;
    for (const RegionShape& s : test::bundled_shapes()) {
        INFO(s.region->id);
        double member_sum = 0;
        for (const Region* u : s.units) member_sum += u->area_km2;
        // Union area equals the sum of the members' areas: nothing counted twice, nothing lost.
        CHECK(s.area_km2 == Approx(member_sum).epsilon(0.003));
        CHECK(is_valid(ctx, s.geometry));
        CHECK(contains(s.geometry, s.label));
        for (const Polygon& p : s.geometry)
            for (const Ring& hole : p.holes) CHECK(geodesic_area_km2({Polygon{hole, {}}}) > 1.0);
    }
}

TEST_CASE("economic belts are built from whole provinces", "[analysis]") {
    const RegionShape* belt = test::shape("yangtze_river_economic_belt");
    REQUIRE(belt != nullptr);
    CHECK(belt->provinces.size() == 11);
    CHECK(belt->area_km2 == Approx(2.05e6).epsilon(0.03));
}
