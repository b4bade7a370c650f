// Region colours that every reader can tell apart: CIEDE2000 and colour-vision simulation checked
// against published values, then the bundled regions' palette against their real neighbours.
#include <catch2/catch.hpp>
#include <set>

#include "geo/operations.hpp"
#include "scene/colour_difference.hpp"
#include "scene/style.hpp"
#include "support.hpp"

using namespace atlas;

TEST_CASE("CIEDE2000 gives Sharma, Wu and Dalal's published differences", "[palette]") {
    CHECK(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == Approx(2.0425).margin(1e-4));
    CHECK(ciede2000({50, 0, 0}, {50, -1, 2}) == Approx(2.3669).margin(1e-4));
    CHECK(ciede2000({50, 2.5, 0}, {73, 25, -18}) == Approx(27.1492).margin(1e-4));
    CHECK(ciede2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) == Approx(1.2644).margin(1e-4));
    Lab white = to_lab({1, 1, 1, 1});
    CHECK(white.l == Approx(100).margin(0.01));
    CHECK(white.a == Approx(0).margin(0.01));
}

TEST_CASE("colour-vision simulation keeps greys and merges red with green for deuteranopes", "[palette]") {
    for (VisionDeficiency v : kAllVisions) {
        Rgba grey = simulate_vision({0.5f, 0.5f, 0.5f, 1}, v);
        CHECK(grey.r == Approx(0.5).margin(0.01));
        CHECK(grey.b == Approx(0.5).margin(0.01));
    }
    Rgba red{0.85f, 0.25f, 0.2f, 1}, green{0.35f, 0.6f, 0.2f, 1};
    double normal = ciede2000(to_lab(red), to_lab(green));
    double deutan = ciede2000(to_lab(simulate_vision(red, VisionDeficiency::Deuteranopia)),
                              to_lab(simulate_vision(green, VisionDeficiency::Deuteranopia)));
    CHECK(normal > 40);
    CHECK(deutan < normal / 2);
}

TEST_CASE("region palette: neighbours differ for every reader, and no two regions share a colour", "[palette]") {
    Document& doc = test::bundled_document();
    const auto& neighbours = doc.region_neighbours();
    std::vector<RegionPaint> paint = default_region_paint(doc.plan(), neighbours);
    auto seen = [](const RegionPaint& p) {
        return over(MapStyle{}.land, {p.colour.r, p.colour.g, p.colour.b, p.fill_alpha});
    };
    auto index = [&](const char* id) {
        return static_cast<std::size_t>(doc.plan().region(id) - doc.plan().regions.data());
    };
    // Neighbours as measured: Beijing-Tianjin-Hebei touches the Shandong Peninsula; the Bohai rim overlaps both.
    auto near = [&](std::size_t a, std::size_t b) {
        for (auto [x, y] : neighbours)
            if ((x == a && y == b) || (x == b && y == a)) return true;
        return false;
    };
    // Every pair whose unions GEOS finds touching (within 0.01 degree) is counted as neighbours.
    GeosContext ctx;
    std::vector<const RegionShape*> shapes = doc.shapes();
    for (std::size_t i = 0; i < shapes.size(); ++i)
        for (std::size_t j = i + 1; j < shapes.size(); ++j)
            if (within_degrees(ctx, shapes[i]->geometry, shapes[j]->geometry, 0.01)) {
                INFO(shapes[i]->region->id << " touches " << shapes[j]->region->id);
                CHECK(near(i, j));
            }
    CHECK(near(index("yangtze_river_delta"), index("yangtze_river_economic_belt")));
    CHECK(near(index("harbin_changchun"), index("central_south_liaoning")));
    CHECK_FALSE(near(index("pearl_river_delta"), index("tianshan_north_slope")));
    int pairs = 0;
    double least = INFINITY;
    for (auto [a, b] : neighbours) {
        if (!paint[a].fill || !paint[b].fill) continue;
        double d = min_difference_all_visions(seen(paint[a]), seen(paint[b]));
        INFO(doc.plan().regions[a].id << " / " << doc.plan().regions[b].id << ": " << d);
        CHECK(d >= 12);
        least = std::min(least, d);
        ++pairs;
    }
    CHECK(pairs >= 3);
    std::set<std::tuple<float, float, float>> colours;
    int filled = 0;
    for (const RegionPaint& p : paint)
        if (p.fill) colours.insert({p.colour.r, p.colour.g, p.colour.b}), ++filled;
    CHECK(static_cast<int>(colours.size()) == filled);
    // Wider areas are drawn as their own kind: casings, not fills.
    CHECK(paint[index("yangtze_river_economic_belt")].casing);
    CHECK_FALSE(paint[index("yangtze_river_economic_belt")].fill);
    WARN("least difference between neighbouring fills, all visions: " << least);
}
