// What a box over the map would hide: land, the regions the figure is about, their hub cities, a
// sparse choropleth's units with values (scene/map_cover.hpp).
#include "scene/map_cover.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace atlas {

namespace {

bool inside_feature(const PolygonMesh& mesh, std::size_t f, double x, double y) {
    const float* b = &mesh.feature_box[4 * f];
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
    bool inside = false;
    for (std::uint32_t r = mesh.feature_ring_first[f]; r < mesh.feature_ring_first[f] + mesh.feature_ring_count[f];
         ++r) {
        std::uint32_t first = mesh.ring_first[r], n = mesh.ring_count[r];
        for (std::uint32_t i = 0, j = n - 1; i < n; j = i++) {
            double xi = mesh.xy[(first + i) * 2], yi = mesh.xy[(first + i) * 2 + 1];
            double xj = mesh.xy[(first + j) * 2], yj = mesh.xy[(first + j) * 2 + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

/// Share (0 to 1) of a feature's screen extent inside the screen rectangle from `min` to `max`.
double extent_under(const PolygonMesh& mesh, std::size_t f, const Camera& camera, PaintPoint min, PaintPoint max) {
    const float* b = &mesh.feature_box[4 * f];
    ScreenXY a = camera.scene_to_screen({b[0], b[1]}), c = camera.scene_to_screen({b[2], b[3]});
    double x0 = std::min(a.x, c.x), x1 = std::max(a.x, c.x), y0 = std::min(a.y, c.y), y1 = std::max(a.y, c.y);
    double w = std::min<double>(x1, max.x) - std::max<double>(x0, min.x);
    double h = std::min<double>(y1, max.y) - std::max<double>(y0, min.y);
    if (w <= 0 || h <= 0 || x1 <= x0 || y1 <= y0) return 0;
    return w * h / ((x1 - x0) * (y1 - y0));
}

/// Share (0 to 1) of a feature's own area under the screen rectangle, from a 12 x 12 grid over its
/// extent: the extent's share (extent_under) misjudges a region whose corner lies under a box.
double area_under(const PolygonMesh& mesh, std::size_t f, const Camera& camera, PaintPoint min, PaintPoint max) {
    if (extent_under(mesh, f, camera, min, max) == 0) return 0;
    const float* b = &mesh.feature_box[4 * f];
    constexpr int kGrid = 12;
    int inside = 0, under = 0;
    for (int i = 0; i < kGrid; ++i)
        for (int j = 0; j < kGrid; ++j) {
            double x = b[0] + (b[2] - b[0]) * (i + 0.5) / kGrid, y = b[1] + (b[3] - b[1]) * (j + 0.5) / kGrid;
            if (!inside_feature(mesh, f, x, y)) continue;
            ++inside;
            ScreenXY at = camera.scene_to_screen({x, y});
            under += at.x > min.x && at.x < max.x && at.y > min.y && at.y < max.y ? 1 : 0;
        }
    return inside == 0 ? 0 : static_cast<double>(under) / inside;
}

}  // namespace

double land_share(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max) {
    return covered_share(scene, camera, min, max, nullptr);
}

namespace {

/// A region the figure is about: filled in full colour. The faint ones (designated in general,
/// under an industry) are context, weighed as bare land: a legend over the faint Kunming folded
/// the viewer's legend with `--industry biomedicine`.
bool prominent(const MapStyle& style, std::size_t r) {
    const RegionPaint& p = style.regions[r];
    return p.visible && p.fill && p.labelled;
}

/// A region drawn as an outline the figure is about: over a choropleth, whose units carry the colour.
/// Wide areas (casings) and faint regions are context.
bool outlined(const MapStyle& style, std::size_t r) {
    const RegionPaint& p = style.regions[r];
    return p.visible && !p.fill && !p.casing && p.labelled;
}

/// The user's dots on screen and those of them inside the box.
struct DotsUnder {
    std::size_t shown = 0, under = 0;
};
DotsUnder dots_under(const MapStyle& style, const Camera& camera, PaintPoint min, PaintPoint max) {
    DotsUnder out;
    for (const SceneXY& dot : style.dots) {
        ScreenXY at = camera.scene_to_screen(dot);
        if (at.x < 0 || at.y < 0 || at.x > camera.width || at.y > camera.height) continue;
        ++out.shown;
        out.under += at.x > min.x && at.x < max.x && at.y > min.y && at.y < max.y ? 1 : 0;
    }
    return out;
}

/// A sparse choropleth's units that stand out: where one colour fills at least half the units (the
/// value 0 in 360 of 367 prefectures), those of any other colour are what the figure shows (an
/// 800x600 legend hid the Lhasa unit, one of seven with points). Empty for a choropleth whose
/// classes share the map, or none: the legend then spares the least land.
std::vector<bool> standout_units(const MapStyle& style) {
    const std::vector<Rgba>& colours = style.fills.colours;
    if (style.fills.layer == FeatureFills::Layer::None || colours.empty()) return {};
    auto key = [](const Rgba& c) { return std::array<float, 4>{c.r, c.g, c.b, c.a}; };
    std::map<std::array<float, 4>, std::size_t> count;
    for (const Rgba& c : colours) ++count[key(c)];
    auto commonest =
        std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (commonest->second * 2 < colours.size()) return {};
    std::vector<bool> out(colours.size());
    for (std::size_t f = 0; f < colours.size(); ++f) out[f] = colours[f].a > 0 && key(colours[f]) != commonest->first;
    return out;
}

/// The scene's mesh of the choropleth's layer (null for none).
const PolygonMesh* fill_mesh(const Scene& scene, const MapStyle& style) {
    switch (style.fills.layer) {
        case FeatureFills::Layer::Provinces:
            return &scene.provinces;
        case FeatureFills::Layer::Prefectures:
            return &scene.prefectures;
        case FeatureFills::Layer::Counties:
            return &scene.counties;
        case FeatureFills::Layer::None:
            break;
    }
    return nullptr;
}

/// True where the scene point lies in a standout unit of the choropleth.
bool in_standout(const PolygonMesh* mesh, const std::vector<bool>& standout, double x, double y) {
    if (mesh == nullptr) return false;
    for (std::size_t f = 0; f < standout.size() && f < mesh->features(); ++f)
        if (standout[f] && inside_feature(*mesh, f, x, y)) return true;
    return false;
}

/// A hub city the figure is about: of a region drawn and labelled, filled or outlined (a choropleth
/// draws the regions as outlines), not of a faint one.
bool hub_shown(const MapStyle& style, const std::vector<std::uint32_t>& regions) {
    return std::any_of(regions.begin(), regions.end(), [&](std::uint32_t r) {
        return r < style.regions.size() && style.regions[r].visible && style.regions[r].labelled;
    });
}

}  // namespace

double covered_share(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle* style) {
    constexpr int kGrid = 12;
    double covered = 0;
    std::vector<bool> standout = style == nullptr ? std::vector<bool>{} : standout_units(*style);
    const PolygonMesh* units = standout.empty() ? nullptr : fill_mesh(scene, *style);
    for (int i = 0; i < kGrid; ++i)
        for (int j = 0; j < kGrid; ++j) {
            double sx = min.x + (max.x - min.x) * (i + 0.5) / kGrid, sy = min.y + (max.y - min.y) * (j + 0.5) / kGrid;
            SceneXY w = camera.screen_to_scene({sx, sy});
            bool land = false;
            for (std::size_t f = 0; f < scene.provinces.features() && !land; ++f)
                land = inside_feature(scene.provinces, f, w.x, w.y);
            if (!land) continue;
            covered += 1;
            if (in_standout(units, standout, w.x, w.y)) {  // weighed as a region is
                covered += 5;
                continue;
            }
            if (style == nullptr || !style->show_regions) continue;
            // A filled region is what the figure is about: under the legend it counts six times (three
            // times still put a 1400x800 legend over the Yangtze River Delta, to spare Tibet).
            // An outlined one (over a choropleth) three times: its line is less of the map than a fill.
            double most = 0;
            for (std::size_t r = 0; r < style->regions.size() && r < scene.regions.mesh.features() && most < 5; ++r)
                if ((prominent(*style, r) || outlined(*style, r)) && inside_feature(scene.regions.mesh, r, w.x, w.y))
                    most = std::max(most, prominent(*style, r) ? 5.0 : 2.0);
            covered += most;
        }
    // A hub city the plan names is worth a sixth of the box: the grid's points miss a small delta
    // (Shanghai, Hangzhou and Wuxi under a 1400x800 legend).
    if (style != nullptr && style->show_hubs)
        for (const HubMarker& hub : scene.hubs) {
            ScreenXY at = camera.scene_to_screen(hub.at);
            if (at.x > min.x && at.x < max.x && at.y > min.y && at.y < max.y && hub_shown(*style, hub.regions))
                covered += kGrid * kGrid / 6.0;
        }
    // A region hidden whole is worth half the box, in proportion to its extent under it: the grid's
    // points weigh a region by the share of the box it fills, so a box over all of a small region
    // (the North Slope of the Tianshan under an 800x600 legend) cost little.
    if (style != nullptr && style->show_regions)
        for (std::size_t r = 0; r < style->regions.size() && r < scene.regions.mesh.features(); ++r)
            if (prominent(*style, r) || outlined(*style, r))
                covered += extent_under(scene.regions.mesh, r, camera, min, max) * kGrid * kGrid / 2.0;
    // The user's dots are the figure's evidence: hiding all of them costs a whole box.
    if (style != nullptr)
        if (DotsUnder dots = dots_under(*style, camera, min, max); dots.under > 0)
            covered += static_cast<double>(dots.under) / static_cast<double>(dots.shown) * kGrid * kGrid;
    for (std::size_t f = 0; units != nullptr && f < standout.size() && f < units->features(); ++f)
        if (standout[f]) covered += extent_under(*units, f, camera, min, max) * kGrid * kGrid / 2.0;  // as a region
    return covered / double(kGrid * kGrid);
}

bool hides_a_region(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style) {
    return covered_share(scene, camera, min, max, &style) - land_share(scene, camera, min, max) >= kHidesNoRegion;
}

namespace {

/// A choropleth's unit with a class (its colour drawn) half or more under the box: a small unit is
/// judged by the grid over its own extent, so Hainan or Ningxia count as Sichuan does.
bool hides_classed_unit(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max,
                        const MapStyle& style) {
    const PolygonMesh* mesh = fill_mesh(scene, style);
    if (mesh == nullptr) return false;
    const std::vector<Rgba>& colours = style.fills.colours;
    for (std::size_t f = 0; f < colours.size() && f < mesh->features(); ++f)
        if (colours[f].a > 0 && area_under(*mesh, f, camera, min, max) >= 0.5) return true;
    return false;
}

}  // namespace

Hidden what_is_hidden(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style) {
    for (std::size_t r = 0; r < style.regions.size() && r < scene.regions.mesh.features(); ++r)
        if (style.show_regions && (prominent(style, r) || outlined(style, r)) &&
            area_under(scene.regions.mesh, r, camera, min, max) > 0.05)
            return Hidden::Region;
    for (const HubMarker& hub : scene.hubs) {
        ScreenXY at = camera.scene_to_screen(hub.at);
        if (style.show_hubs && at.x > min.x && at.x < max.x && at.y > min.y && at.y < max.y &&
            hub_shown(style, hub.regions))
            return Hidden::Hub;
    }
    // Any dot of up to 20 on screen; of more, a twentieth of them.
    DotsUnder dots = dots_under(style, camera, min, max);
    if (dots.under > 0 && dots.under * 20 >= std::max<std::size_t>(dots.shown, 20)) return Hidden::Dots;
    if (hides_classed_unit(scene, camera, min, max, style)) return Hidden::Unit;
    return Hidden::Nothing;
}

bool hides_part(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style) {
    return what_is_hidden(scene, camera, min, max, style) != Hidden::Nothing;
}

const char* hidden_words(Hidden hidden) {
    switch (hidden) {
        case Hidden::Region:
            return "part of a region";
        case Hidden::Hub:
            return "a hub city";
        case Hidden::Dots:
            return "some of your points";
        case Hidden::Unit:
            return "most of a classed unit";
        case Hidden::Nothing:
            break;
    }
    return "nothing";
}

}  // namespace atlas
