#include "scene/label_source.hpp"

#include <catch2/catch.hpp>

#include "geo/projection.hpp"
#include "scene/figure.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

std::size_t count_text(const std::vector<LabelCandidate>& candidates, const std::string& text) {
    std::size_t n = 0;
    for (const LabelCandidate& c : candidates) n += c.text == text ? 1 : 0;
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
    // The region "Kunming" and its hub city: the region's label, and the hub's marker without a name.
    CHECK(count_text(national, "Kunming") == 1);
    CHECK(count_text(national, "Guiyang") == 1);
    std::size_t markers = 0;
    for (const LabelCandidate& c : national) markers += c.kind == kHubDot ? 1 : 0;
    CHECK(markers == scene.hubs.size());  // every hub keeps its marker
    // Zoomed on Tianjin, where cities are named: the municipality once, not as province and city.
    SceneXY tianjin;
    REQUIRE(scene_point(Projection("albers"), scene, {117.37, 39.20}, tianjin));
    camera.cx = tianjin.x, camera.cy = tianjin.y, camera.metres_per_pixel = 500;
    std::vector<LabelCandidate> zoomed = source.candidates(camera, style, measure);
    CHECK(count_text(zoomed, "Tianjin") == 1);
    CHECK(count_text(zoomed, "Langfang") == 1);  // its neighbour, named once as ever
}
