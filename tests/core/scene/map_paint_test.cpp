// The map's paint order (scene/map_paint.hpp) as a canvas records it: what is drawn under what.
#include "scene/map_paint.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "scene/figure.hpp"
#include "scene/session.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

/// The region outlines a paint draws, in order: feature, colour, width.
struct RecordingCanvas : MapCanvas {
    struct Line {
        long feature;
        Rgba colour;
        float width;
    };
    std::vector<Line> region_lines;
    void clear(const Rgba&) override {}
    void fill(MeshLayer, std::size_t, const Rgba&, float) override {}
    void lines(MeshLayer layer, long feature, const Rgba& colour, float width, float) override {
        if (layer == MeshLayer::Regions) region_lines.push_back({feature, colour, width});
    }
    void hub(std::size_t, float, const Rgba&, const Rgba&) override {}
};

}  // namespace

TEST_CASE("Region outlines over a choropleth have a light halo under them, over plain land none", "[figure]") {
    // Over the darkest coverage class the Shandong Peninsula's purple and the Yangtze River Delta's
    // blue outlines vanished.
    Document& doc = test::bundled_document();
    Scene scene = build_scene(doc, {"albers", 2000});
    ScenePaintIndex index = ScenePaintIndex::of(scene);
    Camera camera = national_view(scene, 1200, 900);
    Session coverage;
    coverage.choropleth = ChoroplethKind::ProvinceCoverage;
    RecordingCanvas c;
    paint_map(c, index, camera, compose_figure(doc, coverage, nullptr).style);
    const long shandong = static_cast<long>(doc.plan().region("shandong_peninsula") - doc.plan().regions.data());
    std::vector<RecordingCanvas::Line> own;
    for (const auto& line : c.region_lines)
        if (line.feature == shandong) own.push_back(line);
    REQUIRE(own.size() == 2);
    CHECK(own[0].colour.r == 1);  // the halo first, wider, white
    CHECK(own[0].colour.g == 1);
    CHECK(own[0].width > own[1].width);
    CHECK(own[1].colour.b < 1);  // then the region's own colour
    RecordingCanvas plain;
    paint_map(plain, index, camera, compose_figure(doc, Session{}, nullptr).style);
    CHECK(std::count_if(plain.region_lines.begin(), plain.region_lines.end(),
                        [&](const auto& line) { return line.feature == shandong; }) == 1);
}
