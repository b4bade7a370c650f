// Map furniture (scene/furniture.hpp): the scale bar is true at the map's centre, the north arrow
// follows the meridian there, the legend goes where there is no land, and the texts come from the
// figure unless the session says otherwise.
#include "scene/furniture.hpp"

#include <catch2/catch.hpp>
#include <cmath>

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
}
