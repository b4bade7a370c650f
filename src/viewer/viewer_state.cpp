#include "viewer_state.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "headless.hpp"

namespace atlas::viewer {

std::optional<LonLat> lonlat_at(const ViewerState& state, double sx, double sy) {
    ProjectedXY world = state.camera.screen_to_world(sx, sy);
    LonLat ll;
    if (!state.projection->inverse({world.x + state.scene.origin.x, world.y + state.scene.origin.y}, ll))
        return std::nullopt;
    return ll;
}

double wanted_tolerance(const Camera& camera) {
    // Two levels: the national one (a few km) and full detail once a pixel is under 400 m.
    return camera.metres_per_pixel < 400 ? 0.0 : 1500.0;
}

void refresh_scene(ViewerState& state) {
    double tolerance = wanted_tolerance(state.camera);
    bool projection_changed = state.projection_name != state.options.projection;
    if (!state.scene_dirty && !projection_changed && tolerance == state.scene_tolerance_m) return;
    ProjectedXY centre_world{state.camera.cx + state.scene.origin.x, state.camera.cy + state.scene.origin.y};
    state.scene = build_scene(state.doc, {state.options.projection, tolerance});
    state.scene_tolerance_m = tolerance;
    if (projection_changed) {
        state.projection = std::make_unique<Projection>(state.options.projection);
        state.projection_name = state.options.projection;
        int w = state.camera.width, h = state.camera.height;
        state.camera = render::national_view(state.scene, w, h);
    } else {
        state.camera.cx = centre_world.x - state.scene.origin.x;
        state.camera.cy = centre_world.y - state.scene.origin.y;
    }
    state.labels = std::make_unique<LabelSource>(state.doc, state.scene);
    if (!state.picker) state.picker = std::make_unique<Picker>(state.doc.provinces(), state.doc.prefectures(), state.doc.shapes());
    state.scene_dirty = false;
    state.map_dirty = true;
}

void select_at(ViewerState& state, double sx, double sy) {
    std::optional<LonLat> ll = lonlat_at(state, sx, sy);
    Pick pick = ll ? state.picker->at(*ll) : Pick{};
    state.selected_unit = pick.prefecture;
    state.selected_region = -1;
    double smallest = INFINITY;
    const auto& regions = state.doc.plan().regions;
    for (const PlanRegion* r : pick.regions) {
        auto index = static_cast<std::size_t>(r - regions.data());
        const RegionPaint& paint = state.style.regions[index];
        double area = state.doc.shape(*r).area_km2;
        if (paint.fill && paint.visible && area < smallest) smallest = area, state.selected_region = static_cast<int>(index);
    }
    state.style.selected_region = state.selected_region;
    state.map_dirty = true;
}

void write_state_file(ViewerState& state) {
    if (state.options.state_file.empty()) return;
    nlohmann::ordered_json j;
    j["projection"] = state.projection_name;
    j["camera"] = {{"cx", state.camera.cx + state.scene.origin.x},
                   {"cy", state.camera.cy + state.scene.origin.y},
                   {"metres_per_pixel", state.camera.metres_per_pixel},
                   {"width", state.camera.width},
                   {"height", state.camera.height}};
    const auto& regions = state.doc.plan().regions;
    j["selected_region"] = state.selected_region >= 0 ? regions[static_cast<std::size_t>(state.selected_region)].id : "";
    j["selected_prefecture"] = state.selected_unit != nullptr ? state.selected_unit->code : "";
    j["hover_prefecture"] = state.hover.prefecture != nullptr ? state.hover.prefecture->code : "";
    j["language"] = state.style.english ? "en" : "zh";
    j["industry"] = state.industry;
    std::string text = j.dump(2) + "\n";
    if (text == state.written_state) return;
    state.written_state = text;
    std::string temp = state.options.state_file + ".tmp";
    {
        std::ofstream out(temp);
        out << text;
    }
    std::error_code ec;
    std::filesystem::rename(temp, state.options.state_file, ec);
}

}  // namespace atlas::viewer
