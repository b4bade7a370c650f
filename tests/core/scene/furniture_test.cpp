// Map furniture (scene/furniture.hpp): the scale bar is true at the map's centre, the north arrow
// follows the meridian there, the legend goes where there is no land, and the texts come from the
// figure unless the session says otherwise.
#include "scene/furniture.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "geo/projection.hpp"
#include "scene/figure.hpp"
#include "scene/label_source.hpp"
#include "scene/labels.hpp"
#include "scene/prepared_figure.hpp"
#include "scene/session.hpp"
#include "support.hpp"

using namespace atlas;

TEST_CASE("A scale bar is a round length no longer than its room", "[figure][furniture]") {
    ScaleBar bar = scale_bar(3000, 160);  // 480 km fit: 200 km is the roundest under it
    CHECK(bar.metres == 200000);
    CHECK(bar.pixels == Approx(66.67).margin(0.01));
    CHECK(bar.label == "200 km");
    CHECK(scale_bar(2.5, 160).label == "200 m");
    CHECK(scale_bar(31250, 160).label == "5000 km");
    CHECK(scale_bar(0, 160).pixels == 0);  // unknown scale: no bar
}

TEST_CASE("The scale is measured on the ground at the centre, north follows the meridian there",
          "[figure][furniture]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {});
    Projection albers(scene.projection_name);
    Camera national = national_view(scene, 1600, 1200);
    ViewGeometry g = view_geometry(scene, national, albers);
    REQUIRE(g.known);
    // China Albers is equal-area: along a parallel it stretches north of its middle, so the ground
    // metres per pixel are near the camera's but not equal; 1 % of them at most here.
    CHECK(g.true_metres_per_px == Approx(national.metres_per_pixel).epsilon(0.05));
    // Its central meridian is 105°E: near it north is straight up; at 125°E (Harbin) meridians lean
    // towards the pole, so north turns anticlockwise (negative).
    Camera east = national;
    SceneXY harbin;
    REQUIRE(scene_point(albers, scene, {126.6, 45.8}, harbin));
    east.cx = harbin.x, east.cy = harbin.y;
    ViewGeometry ne = view_geometry(scene, east, albers);
    CHECK(std::fabs(g.north_radians) < 0.05);
    CHECK(ne.north_radians < -0.1);
    CHECK(ne.centre.lon == Approx(126.6).margin(0.01));
}

TEST_CASE("Land under a screen rectangle: none over the sea, all over Sichuan", "[figure][furniture]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {});
    Camera camera = national_view(scene, 1600, 1200);
    Projection albers(scene.projection_name);
    auto screen = [&](double lon, double lat) {
        SceneXY p;
        REQUIRE(scene_point(albers, scene, {lon, lat}, p));
        return camera.scene_to_screen(p);
    };
    ScreenXY sea = screen(128, 28), sichuan = screen(103, 30.5);  // East China Sea; near Chengdu
    auto box = [](ScreenXY c) {
        return std::make_pair(PaintPoint{static_cast<float>(c.x - 20), static_cast<float>(c.y - 20)},
                              PaintPoint{static_cast<float>(c.x + 20), static_cast<float>(c.y + 20)});
    };
    CHECK(land_share(scene, camera, box(sea).first, box(sea).second) == 0);
    CHECK(land_share(scene, camera, box(sichuan).first, box(sichuan).second) == 1);
}

TEST_CASE("Titles and credits come from the figure unless the session gives or hides them", "[figure][furniture]") {
    Document& doc = test::bundled_document();
    Session s;
    s.industries = {"new_energy_vehicles"};  // section 8 names it for no region: the title says so
    CHECK(compose_figure(doc, s, nullptr).title == "New energy vehicles: section 8 names no region for it");
    s.industries = {"biomedicine"};
    Figure f = compose_figure(doc, s, nullptr);
    FigureWords w = figure_words(f, s.furniture);
    CHECK(w.title == "Biomedicine (biopharmaceuticals): the regions the plan names for it");
    CHECK(w.subtitle == "13th Five-Year Plan for Strategic Emerging Industries (State Council, November 2016)");
    CHECK(w.credit.find("Boundaries: echarts 4.9.0") == 0);
    CHECK(w.credit.find("Plan: State Council, November 2016") != std::string::npos);
    s.furniture.title = "Pharma clusters";
    s.furniture.credit = "Map: The Daily";  // the user's credit first, the data's sources kept
    w = figure_words(f, s.furniture);
    CHECK(w.title == "Pharma clusters");
    CHECK(w.credit.find("Map: The Daily; Boundaries: echarts 4.9.0") == 0);
    CHECK(w.credit.find("Plan: State Council") != std::string::npos);
    s.furniture.show_credit = false;
    CHECK(figure_words(f, s.furniture).credit.empty());
    s.compare = {"jingjinji", "yangtze_river_delta"};
    s.industries.clear();
    CHECK(compose_figure(doc, s, nullptr).title ==
          "Comparison: Beijing-Tianjin-Hebei metropolitan region, Yangtze River Delta urban agglomeration");
}

namespace {

/// Text 10 pixels a byte, nothing drawn: enough to lay text out.
class MeasuringPainter : public Painter {
  public:
    float scale() const override { return 1; }
    float font_size() const override { return 14; }
    void rect_filled(PaintPoint, PaintPoint, const Rgba&, float) override {}
    void rect(PaintPoint, PaintPoint, const Rgba&, float, float) override {}
    void line(PaintPoint, PaintPoint, const Rgba&, float) override {}
    void circle_filled(PaintPoint, float, const Rgba&) override {}
    void polygon_filled(const std::vector<PaintPoint>&, const Rgba&) override {}
    void text(PaintPoint, float, const Rgba&, const std::string&) override {}
    std::pair<float, float> measure(float size, const std::string& text) const override {
        return {10.0f * static_cast<float>(text.size()), size};
    }
    void push_clip(PaintPoint, PaintPoint) override {}
    void pop_clip() override {}
};

}  // namespace

TEST_CASE("A title, subtitle or credit takes at most three lines, the last cut with '...'", "[figure][furniture]") {
    // A 500-character title grew its box to 60% of the map and pushed the legend off the figure.
    MeasuringPainter p;
    std::vector<std::string> lines = wrap_text_lines(p, 20, std::string(500, 'W'), 200, 3);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == std::string(20, 'W'));
    CHECK(lines[2] == std::string(17, 'W') + "...");
    CHECK(p.measure(20, lines[2]).first <= 200);
    CHECK(wrap_text_lines(p, 20, "short title", 200, 3) == std::vector<std::string>{"short title"});
    // Chinese is cut between characters, never inside one.
    std::vector<std::string> zh = wrap_text_lines(p, 20, std::string(60, 'x') + "京津冀京津冀京津冀", 100, 2);
    REQUIRE(zh.size() == 2);
    CHECK(zh[1].size() <= 10);
    // Nor inside a number, nor before closing or after opening punctuation: a 400x300 figure's
    // subtitle read "（国务院，2" then "016年11月）".
    std::vector<std::string> dated = wrap_text(p, 20, "（国务院，2016年11月）", 100);
    CHECK(dated == std::vector<std::string>{"（国务", "院，2016", "年11", "月）"});
}

TEST_CASE("No map label is placed under the legend, the title or the credit strip", "[figure][furniture][labels]") {
    // At 800 x 600 the region legend takes the left of the map; labels were placed under it and
    // showed through its translucent box as stray half words.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Figure figure = compose_figure(doc, Session{}, nullptr);
    Camera camera = national_view(scene, 800, 600);
    ViewGeometry geometry = view_geometry(scene, camera, Projection("albers"));
    MeasuringPainter p;
    std::vector<std::array<double, 4>> boxes =
        furniture_boxes(p, figure, FurnitureSettings{}, scene, camera, geometry, true);
    REQUIRE(boxes.size() >= 4);  // title, legend, credit strip, scale block
    bool legend_left =
        std::any_of(boxes.begin(), boxes.end(), [](const auto& b) { return b[0] < 20 && b[3] - b[1] > 200; });
    CHECK(legend_left);
    LabelSource source(doc, scene);
    auto measure = [](const std::string& text) { return std::make_pair(7.0 * static_cast<double>(text.size()), 14.0); };
    std::vector<LabelCandidate> candidates = source.candidates(camera, figure.style, measure);
    std::vector<PlacedLabel> free = place_labels(candidates, 800, 600, 2, boxes);
    CHECK(free.size() >= 10);
    for (const PlacedLabel& l : free)
        for (const auto& b : boxes) CHECK_FALSE((l.left < b[2] && b[0] < l.right && l.top < b[3] && b[1] < l.bottom));
    // Without the boxes, some label would have been under one: the test sees the case it guards.
    std::size_t under = 0;
    for (const PlacedLabel& l : place_labels(candidates, 800, 600))
        for (const auto& b : boxes) under += l.left < b[2] && b[0] < l.right && l.top < b[3] && b[1] < l.bottom;
    CHECK(under > 0);
}

namespace {

/// Latin text about as wide as Noto Sans sets it (0.4 em a byte), so that the legend's corners are
/// those of a real figure.
class FontWidthPainter : public MeasuringPainter {
  public:
    std::pair<float, float> measure(float size, const std::string& text) const override {
        return {0.4f * size * static_cast<float>(text.size()), size};
    }
};

/// True when the pixel lies inside one of furniture_boxes' boxes (left, top, right, bottom).
bool under_a_box(const std::vector<std::array<double, 4>>& boxes, ScreenXY px) {
    return std::any_of(boxes.begin(), boxes.end(),
                       [&](const auto& b) { return px.x > b[0] && px.x < b[2] && px.y > b[1] && px.y < b[3]; });
}

}  // namespace

TEST_CASE("The legend never hides the regions the map is about", "[figure][furniture]") {
    // At 1000 x 750 the corner with the least land was the bottom right: the legend covered the
    // Yangtze and Pearl River Deltas. Filled regions now weigh six times what bare land does.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Figure figure = compose_figure(doc, Session{}, nullptr);
    Projection albers("albers");
    FontWidthPainter p;
    for (auto [w, h] : {std::pair{1000, 750}, {1600, 1200}, {1200, 1200}, {1400, 800}, {1500, 800}, {1600, 900}}) {
        Camera camera = national_view(scene, w, h);
        ViewGeometry geometry = view_geometry(scene, camera, albers);
        std::vector<std::array<double, 4>> boxes =
            furniture_boxes(p, figure, FurnitureSettings{}, scene, camera, geometry, true);
        for (LonLat city : {LonLat{121.47, 31.23}, LonLat{113.26, 23.13}, LonLat{116.40, 39.90}}) {  // SH, GZ, BJ
            SceneXY at;
            REQUIRE(scene_point(albers, scene, city, at));
            ScreenXY px = camera.scene_to_screen(at);
            INFO(w << "x" << h << " at " << city.lon << ", " << city.lat);
            CHECK_FALSE(under_a_box(boxes, px));
        }
    }
}

TEST_CASE("The scale bar's box leaves Taiwan and the regions in view", "[figure][furniture]") {
    // At 800 x 600 the legend takes the bottom left and every other corner is over land: the scale
    // block covered Taiwan at the bottom right. A shorter bar in a narrower box clears it.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Projection albers("albers");
    Figure figure = compose_figure(doc, Session{}, nullptr);
    for (auto [w, h] : {std::pair{800, 600}, {1600, 1200}}) {
        CAPTURE(w, h);
        Camera camera = national_view(scene, w, h);
        ViewGeometry geometry = view_geometry(scene, camera, albers);
        FontWidthPainter p;
        auto boxes = furniture_boxes(p, figure, FurnitureSettings{}, scene, camera, geometry, true);
        // The scale block is the last box; it is in the lower right, clear of Taiwan (Taipei to Kaohsiung).
        REQUIRE(boxes.size() >= 4);
        const auto& scale = boxes.back();
        CHECK(scale[0] > w / 2.0);
        for (LonLat place : {LonLat{121.56, 25.04}, LonLat{120.68, 24.14}, LonLat{120.30, 22.62}}) {
            SceneXY at;
            REQUIRE(scene_point(albers, scene, place, at));
            ScreenXY px = camera.scene_to_screen(at);
            CHECK_FALSE(under_a_box({scale}, px));
        }
    }
}

TEST_CASE(
    "A figure framed beside its legend keeps China's scale and north, and a legend hiding no region keeps the view",
    "[figure][furniture]") {
    // China fitted right of a legend's column has the camera's centre over the column: the scale
    // was measured there and north turned (render at 120 mm). See tests/render/figure_test.cpp for
    // the framing itself, drawn with the real font.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Projection albers("albers");
    Camera national = national_view(scene, 1600, 1200);
    Camera framed = national;
    framed.fit_within(scene.extent, 600, 0, 1000, 1200, 0.03);
    ViewGeometry g = view_geometry(scene, framed, albers);
    REQUIRE(g.known);
    CHECK(std::fabs(g.north_radians) < 0.05);
    CHECK(g.centre.lon == Approx(view_geometry(scene, national, albers).centre.lon).margin(0.5));
    // Where the legend hides no region (1600 x 1200 pixels), the national view is kept.
    Figure figure = compose_figure(doc, Session{}, nullptr);
    FontWidthPainter p;
    Camera kept = camera_beside_legend(p, figure, FurnitureSettings{}, scene, scene.extent, national, nullptr);
    CHECK(kept.metres_per_pixel == national.metres_per_pixel);
    CHECK(kept.cx == national.cx);
}

// A three-line title hid the north of the compared or picked regions at 640x480 (helper-54), with or
// without a legend: the subject is framed below the title.
TEST_CASE("A figure's subject is framed below its title, with its legend or without", "[figure][furniture]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Projection albers("albers");
    Session s;
    s.compare = {"pearl_river_delta", "west_taiwan_strait", "yangtze_river_delta"};
    Figure figure = compose_figure(doc, s, nullptr);
    const std::array<float, 4> frame = figure_frame(s, scene);
    Camera plain = session_camera(s, scene, albers, 640, 480);
    FontWidthPainter p;
    for (bool legend : {true, false}) {
        INFO("legend " << legend);
        Camera framed =
            camera_beside_legend(p, figure, FurnitureSettings{}, scene, frame.data(), plain, nullptr, legend);
        // The subject's top edge lower on the page than where the plain fit put it, under the title.
        double top = framed.scene_to_screen({frame[0], frame[3]}).y;
        CHECK(top > plain.scene_to_screen({frame[0], frame[3]}).y + 10);
        CHECK(framed.scene_to_screen({frame[0], frame[1]}).y <= 480);
    }
}

TEST_CASE("A sparse choropleth's legend leaves its few units with values in view", "[figure][furniture]") {
    // Seven points in seven prefectures: at 800 x 600 the legend lay over the Lhasa unit, one of the
    // seven, to spare bare land.
    Document& doc = test::bundled_document();
    Session s = test::firms_points_session("points");
    auto table = load_session_data(doc, s);
    REQUIRE(table != nullptr);
    Figure figure = compose_figure(doc, s, table.get());
    Scene scene = build_scene(doc, {"albers", 2000});
    Projection albers("albers");
    FontWidthPainter p;
    Camera camera = national_view(scene, 800, 600);
    ViewGeometry geometry = view_geometry(scene, camera, albers);
    auto boxes = furniture_boxes(p, figure, FurnitureSettings{}, scene, camera, geometry, true);
    SceneXY lhasa;
    REQUIRE(scene_point(albers, scene, {91.13, 29.65}, lhasa));
    ScreenXY px = camera.scene_to_screen(lhasa);
    CHECK_FALSE(under_a_box(boxes, px));
}

TEST_CASE("A choropleth's legend spares the user's dots and the regions drawn as outlines", "[figure][furniture]") {
    // An 800x600 figure of the firms' mean employees put its legend over Xinjiang: the Urumqi dot
    // (its unit "no data") and the outline of the North Slope of the Tianshan under it.
    Document& doc = test::bundled_document();
    Session s = test::firms_points_session("mean_employees", "employees");
    s.width = 800, s.height = 600;
    auto table = load_session_data(doc, s);
    REQUIRE(table != nullptr);
    test::TempFolder tmp;
    PreparedFigure prepared = prepare_figure(doc, s, table.get(), tmp.path("f.png"), false);
    CHECK(prepared.figure.style.dots.size() == 7);  // every dot placed for the legend to spare
    Projection albers("albers");
    FontWidthPainter p;
    ViewGeometry geometry = view_geometry(prepared.scene, prepared.camera, albers);
    auto boxes =
        furniture_boxes(p, prepared.figure, FurnitureSettings{}, prepared.scene, prepared.camera, geometry, true);
    for (LonLat at : {LonLat{87.62, 43.83}, LonLat{84.87, 45.58}, LonLat{81.3, 43.9}}) {  // Urumqi, Karamay, Yining
        CAPTURE(at.lon, at.lat);
        SceneXY xy;
        REQUIRE(scene_point(albers, prepared.scene, at, xy));
        CHECK_FALSE(under_a_box(boxes, prepared.camera.scene_to_screen(xy)));
    }
}

TEST_CASE("A figure without scale bar and north arrow is laid out, with no box for them", "[figure][furniture]") {
    // render --no-scale-bar --no-north-arrow walked the bottom edge by half a block of no width and
    // ran out of memory.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    Projection albers("albers");
    Figure figure = compose_figure(doc, Session{}, nullptr);
    FurnitureSettings none;
    none.show_scale_bar = none.show_north_arrow = false;
    FontWidthPainter p;
    Camera camera = national_view(scene, 800, 600);
    auto with =
        furniture_boxes(p, figure, FurnitureSettings{}, scene, camera, view_geometry(scene, camera, albers), true);
    auto without = furniture_boxes(p, figure, none, scene, camera, view_geometry(scene, camera, albers), true);
    CHECK(without.size() == with.size() - 1);  // the title, legend and credit; no scale block
}
