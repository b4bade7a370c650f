// The viewer's window divided between docked panels and the map.
#include "scene/screen_layout.hpp"

#include <catch2/catch.hpp>

#include "scene/camera.hpp"

using namespace atlas;

namespace {

bool inside(const PixelRect& r, int width, int height) {
    return r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height;
}

bool overlap(const PixelRect& a, const PixelRect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace

TEST_CASE("screen layout: panels at the sides, the map between them", "[layout]") {
    ScreenLayout l = compute_screen_layout(1400, 900, 1, 21, 28, PanelLayout{});
    CHECK(l.sidebar.x == 0);
    CHECK(l.sidebar.width == 340);
    CHECK(l.inspector.width == 360);
    CHECK(l.inspector.x + l.inspector.width == 1400);
    CHECK(l.map.x == 340);
    CHECK(l.map.width == 700);
    CHECK(l.map.y == 21);
    CHECK(l.map.height == 900 - 21 - 28);
    CHECK_FALSE(overlap(l.map, l.sidebar));
    CHECK_FALSE(overlap(l.map, l.inspector));
}

TEST_CASE("screen layout: at 1024x700 everything fits and the map keeps 40% of the width", "[layout]") {
    ScreenLayout l = compute_screen_layout(1024, 700, 1, 21, 28, PanelLayout{});
    for (const PixelRect& r : {l.sidebar, l.inspector, l.map}) CHECK(inside(r, 1024, 700));
    CHECK(l.map.width >= 0.4 * 1024 - 1);
    CHECK_FALSE(overlap(l.map, l.sidebar));
    CHECK_FALSE(overlap(l.map, l.inspector));
}

TEST_CASE("screen layout: folded panels leave a strip, the matrix docks under the map", "[layout]") {
    PanelLayout p;
    p.sidebar_open = p.inspector_open = false;
    p.bottom_dock_open = true;
    ScreenLayout l = compute_screen_layout(1400, 900, 1, 21, 28, p);
    CHECK(l.sidebar.width == 26);
    CHECK(l.inspector.width == 26);
    CHECK(l.map.width == 1400 - 52);
    CHECK(l.bottom_dock.height > 0);
    CHECK(l.bottom_dock.y == l.map.y + l.map.height);
    CHECK(l.bottom_dock.y + l.bottom_dock.height == 900 - 28);
}

TEST_CASE("screen layout: at 4K and 200% the panels keep their size in points", "[layout]") {
    ScreenLayout l = compute_screen_layout(3840, 2160, 2, 42, 56, PanelLayout{});
    CHECK(l.sidebar.width == 680);
    CHECK(l.inspector.width == 720);
    CHECK(l.map.width == 3840 - 680 - 720);
}

// The viewer's legend floats over a corner of the map: fit and fly-to frame regions beside it
// (Pearl River Delta lay wholly under it after "Fit map").
TEST_CASE("camera: an extent fitted within part of the viewport fills that part, centred on it", "[layout]") {
    Camera c;
    c.width = 1000, c.height = 800;
    const float box[4] = {0, 0, 400000, 200000};  // scene metres, 2:1
    c.fit_within(box, 300, 0, 700, 800, 0.1);     // the map right of a 300-pixel legend
    CHECK(c.metres_per_pixel == Approx(400000 / (700 * 0.8)));
    ScreenXY centre = c.scene_to_screen({200000, 100000});
    CHECK(centre.x == Approx(650));
    CHECK(centre.y == Approx(400));
    ScreenXY left = c.scene_to_screen({0, 100000});
    CHECK(left.x == Approx(300 + 70));  // the margin inside the part, clear of the legend
}
