#include "scene/label_source.hpp"

#include <catch2/catch.hpp>

#include "geo/projection.hpp"
#include "scene/figure.hpp"
#include "scene/labels.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

std::size_t count_placed(const std::vector<PlacedLabel>& placed, const std::string& text) {
    std::size_t n = 0;
    for (const PlacedLabel& p : placed) n += p.label.text == text ? 1 : 0;
    return n;
}

/// Seven pixels a byte, fourteen high: the size the placement tests measure with.
std::pair<double, double> measure(const std::string& text) { return {7.0 * static_cast<double>(text.size()), 14.0}; }

}  // namespace

TEST_CASE("a name is not read twice side by side: the region and its hub, the municipality and its city", "[labels]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    LabelSource source(doc, scene);
    MapStyle style = compose_figure(doc, Session{}, nullptr).style;
    Camera camera = national_view(scene, 1600, 1200);
    std::vector<LabelCandidate> national = source.candidates(camera, style, measure);
    std::vector<PlacedLabel> placed = place_labels(national, 1600, 1200);
    // The region "Kunming" and its hub city: one name, and the hub's marker.
    CHECK(count_placed(placed, "Kunming") == 1);
    CHECK(count_placed(placed, "Guiyang") == 1);
    std::size_t markers = 0;
    for (const LabelCandidate& c : national) markers += c.kind == kHubDot ? 1 : 0;
    CHECK(markers == scene.hubs.size());  // every hub keeps its marker
    // Where the region's label finds no room over its area (a box over it), the place is still named
    // once, beside its marker, off the box (the region's name set beside its anchor; where that too
    // has no room, the hub's name).
    SceneXY kunming;
    REQUIRE(scene_point(Projection("albers"), scene, {102.71, 25.04}, kunming));
    ScreenXY at = camera.scene_to_screen(kunming);
    std::vector<std::array<double, 4>> over_region = {{at.x - 90, at.y - 60, at.x + 2, at.y + 60}};
    std::vector<PlacedLabel> beside = place_labels(national, 1600, 1200, 2, over_region);
    REQUIRE(count_placed(beside, "Kunming") == 1);
    for (const PlacedLabel& p : beside)
        if (p.label.text == "Kunming") CHECK(p.left >= over_region[0][2]);
    // Zoomed on Tianjin, where cities are named: the municipality once, not as province and city.
    SceneXY tianjin;
    REQUIRE(scene_point(Projection("albers"), scene, {117.37, 39.20}, tianjin));
    camera.cx = tianjin.x, camera.cy = tianjin.y, camera.metres_per_pixel = 500;
    std::vector<PlacedLabel> zoomed = place_labels(source.candidates(camera, style, measure), 1600, 1200);
    CHECK(count_placed(zoomed, "Tianjin") == 1);
    CHECK(count_placed(zoomed, "Langfang") == 1);  // its neighbour, named once as ever
}
