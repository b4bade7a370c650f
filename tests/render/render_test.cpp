// Pixels of the headless render at known places, and picking at known lon/lat.
#include <gdal_priv.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/picker.hpp"
#include "figure_draw.hpp"
#include "geo/projection.hpp"
#include "io/gdal_env.hpp"
#include "labels_imgui.hpp"
#include "map_renderer.hpp"
#include "offscreen.hpp"
#include "scene/label_source.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

constexpr std::size_t kWidth = 2400, kHeight = 1800;

struct Rendered {
    Scene scene;
    Camera camera;
    MapStyle style;
    std::vector<std::uint8_t> pixels;
};

const Rendered& national_render() {
    static const Rendered r = [] {
        Rendered out;
        Document& doc = test::bundled_document();
        out.style = compose_figure(doc, Session{}, nullptr).style;  // the default figure's style
        out.scene = build_scene(doc, {"albers", 2000});
        out.camera = national_view(out.scene, kWidth, kHeight);
        render::OffscreenContext context;
        render::MapRenderer renderer;
        renderer.upload(out.scene);
        render::OffscreenTarget target(kWidth, kHeight);
        target.bind();
        renderer.draw(out.camera, out.style);
        out.pixels = target.read_rgba();
        return out;
    }();
    return r;
}

Rgba pixel(const Rendered& r, const LonLat& place) {
    Projection albers("albers");
    ProjectedXY xy;
    REQUIRE(albers.forward(place, xy));
    ScreenXY s = r.camera.scene_to_screen(r.scene.to_scene(xy));
    auto x = static_cast<std::size_t>(std::lround(s.x)), y = static_cast<std::size_t>(std::lround(s.y));
    REQUIRE(x < kWidth);
    REQUIRE(y < kHeight);
    const std::uint8_t* p = &r.pixels[(y * kWidth + x) * 4];
    return {p[0] / 255.f, p[1] / 255.f, p[2] / 255.f, 1};
}

bool near(const Rgba& a, const Rgba& b, float tolerance = 3.f / 255) {
    return std::fabs(a.r - b.r) <= tolerance && std::fabs(a.g - b.g) <= tolerance && std::fabs(a.b - b.b) <= tolerance;
}

std::size_t region_index(const char* id) {
    const auto& regions = test::bundled_plan().regions;
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].id == id) return i;
    FAIL("no region " << id);
    return 0;
}

}  // namespace

TEST_CASE("render: Shanghai has the Yangtze River Delta colour, Lhasa and the sea do not", "[render]") {
    const Rendered& r = national_render();
    const RegionPaint& yrd = r.style.regions[region_index("yangtze_river_delta")];
    Rgba expected = over(r.style.land, {yrd.colour.r, yrd.colour.g, yrd.colour.b, yrd.fill_alpha});
    Rgba shanghai = pixel(r, {121.75, 31.05});  // Pudong, clear of the hub marker at the seat
    INFO(shanghai.r << " " << shanghai.g << " " << shanghai.b);
    CHECK(near(shanghai, expected));
    CHECK(near(pixel(r, {91.00, 29.70}), r.style.land));         // Lhasa: no designated region
    CHECK(near(pixel(r, {125.00, 30.00}), r.style.background));  // East China Sea
    CHECK(near(pixel(r, {113.65, 34.75}), over(r.style.land, {r.style.regions[region_index("zhongyuan")].colour.r,
                                                              r.style.regions[region_index("zhongyuan")].colour.g,
                                                              r.style.regions[region_index("zhongyuan")].colour.b,
                                                              r.style.regions[region_index("zhongyuan")].fill_alpha})));
}

TEST_CASE("render: a province border pixel differs from both sides", "[render]") {
    const Rendered& r = national_render();
    // On the Tibet-Qinghai border at 92.0 E: the border line, with land on both sides.
    const Region* tibet = test::bundled_provinces().find("540000");
    LonLat on_border;
    double best = 1e9;
    for (const Polygon& p : tibet->geometry)
        for (const LonLat& v : p.outer)
            if (std::fabs(v.lon - 92.0) < 0.05 && v.lat > 32 && v.lat < 34 && std::fabs(v.lon - 92.0) < best)
                best = std::fabs(v.lon - 92.0), on_border = v;
    REQUIRE(best < 0.05);
    Rgba border = pixel(r, on_border);
    Rgba south = pixel(r, {on_border.lon, on_border.lat - 0.4});
    Rgba north = pixel(r, {on_border.lon, on_border.lat + 0.4});
    CHECK(near(south, r.style.land));
    CHECK(near(north, r.style.land));
    CHECK(border.r < r.style.land.r - 0.1f);
    CHECK_FALSE(near(border, south, 0.05f));
}

TEST_CASE("render writes a PNG of the requested size that GDAL reads", "[render]") {
    test::TempFolder tmp;
    Session session;
    session.width = 640;
    session.height = 480;
    std::string output = tmp.path("map.png");
    render::RenderResult result = render::render_session_png(test::bundled_document(), session, nullptr, output, false);
    CHECK_FALSE(result.renderer.empty());
    ensure_gdal_registered();
    GDALDatasetUniquePtr png(GDALDataset::Open(output.c_str(), GDAL_OF_RASTER));
    REQUIRE(png);
    CHECK(png->GetRasterXSize() == 640);
    CHECK(png->GetRasterYSize() == 480);
    CHECK(png->GetRasterCount() == 4);
    CHECK_THROWS_WITH(render::render_session_png(test::bundled_document(), session, nullptr, output, false),
                      Catch::Matchers::Contains("exists"));
}

TEST_CASE("picking at known places returns the prefecture, province and regions", "[render][analysis]") {
    Document& doc = test::bundled_document();
    Picker picker(doc.provinces(), doc.prefectures(), doc.shapes());
    Pick suzhou = picker.at({120.62, 31.30});
    REQUIRE(suzhou.prefecture != nullptr);
    CHECK(suzhou.prefecture->code == "320500");
    CHECK(suzhou.province->code == "320000");
    std::vector<std::string> ids;
    for (const PlanRegion* r : suzhou.regions) ids.push_back(r->id);
    CHECK(ids == std::vector<std::string>{"yangtze_river_delta", "yangtze_river_economic_belt"});
    Pick lhasa = picker.at({91.13, 29.65});
    REQUIRE(lhasa.prefecture != nullptr);
    CHECK(lhasa.prefecture->code == "540100");
    CHECK(lhasa.regions.empty());
    CHECK(picker.at({125.0, 30.0}).prefecture == nullptr);  // sea
}

TEST_CASE("labels never overlap and stay inside the view", "[render][labels]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    LabelSource source(doc, scene);
    Camera camera = national_view(scene, 1000, 750);
    MapStyle style = compose_figure(doc, Session{}, nullptr).style;
    for (bool english : {true, false}) {
        style.english = english;
        auto measure = [](const std::string& text) {
            return std::make_pair(7.0 * static_cast<double>(text.size()), 14.0);
        };
        std::vector<PlacedLabel> placed = place_labels(source.candidates(camera, style, measure), 1000, 750);
        CHECK(placed.size() >= 20);
        for (std::size_t i = 0; i < placed.size(); ++i) {
            CHECK(placed[i].left >= 0);
            CHECK(placed[i].right <= 1000);
            for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(overlaps(placed[i], placed[j]));
        }
        // The highest priority goes first: every filled region that fits gets its label (of 16, the
        // small ones whose label would have to leave their area are named by their hubs instead).
        std::size_t regions = 0;
        for (const PlacedLabel& p : placed) regions += p.label.kind == kRegionLabel ? 1 : 0;
        CHECK(regions >= 11);
    }
}

TEST_CASE("labels drawn with the CJK font (ImGui, offscreen) do not overlap", "[render][labels]") {
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    LabelSource source(doc, scene);
    render::OffscreenContext context;
    render::OffscreenTarget target(1200, 900);
    target.bind();
    render::HeadlessLabels painter(source.all_texts(), 14);
    MapStyle style = compose_figure(doc, Session{}, nullptr).style;
    style.english = false;
    std::vector<PlacedLabel> placed = painter.draw(source, national_view(scene, 1200, 900), style);
    REQUIRE(placed.size() >= 20);
    bool has_chinese = false;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        has_chinese = has_chinese || placed[i].label.text == "长江三角洲城市群";
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(overlaps(placed[i], placed[j]));
    }
    CHECK(has_chinese);
}
