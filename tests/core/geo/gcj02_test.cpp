#include "geo/gcj02.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace atlas;

namespace {
double metres(const LonLat& a, const LonLat& b) {
    double dx = (a.lon - b.lon) * 111320 * std::cos(a.lat * M_PI / 180), dy = (a.lat - b.lat) * 110540;
    return std::hypot(dx, dy);
}
}  // namespace

TEST_CASE("GCJ-02 shifts points in China by 100 to 700 m and the inverse undoes it", "[geo]") {
    const LonLat places[] = {{116.3975, 39.9087}, {121.4737, 31.2304}, {114.17, 22.32}, {87.62, 43.82}};
    for (const LonLat& wgs : places) {
        LonLat gcj = wgs84_to_gcj02(wgs);
        double shift = metres(wgs, gcj);
        CHECK(shift > 100);
        CHECK(shift < 700);
        LonLat back = gcj02_to_wgs84(gcj);
        CHECK(metres(back, wgs) < 0.01);
    }
}

TEST_CASE("GCJ-02 leaves points outside China unchanged", "[geo]") {
    LonLat paris{2.35, 48.85};
    CHECK(wgs84_to_gcj02(paris).lon == paris.lon);
    CHECK(gcj02_to_wgs84(paris).lat == paris.lat);
}
