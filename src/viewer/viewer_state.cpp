#include "viewer_state.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <filesystem>
#include <fstream>

#include "error.hpp"

namespace atlas::viewer {

bool split_active(const ViewerState& state) { return state.session.split_view && state.session.compare.size() >= 2; }

void zoom_at(ViewerState& state, double sx, double sy, double factor) {
    if (!split_active(state)) return state.camera.zoom_about(sx, sy, factor);
    Camera half = state.camera;  // the half under the pointer, zoomed, then its view taken back
    half.width = state.camera.width / 2;
    if (sx >= half.width) sx -= half.width;
    half.zoom_about(sx, sy, factor);
    state.camera.cx = half.cx, state.camera.cy = half.cy, state.camera.metres_per_pixel = half.metres_per_pixel;
}

std::optional<LonLat> lonlat_at(const ViewerState& state, double sx, double sy) {
    Camera camera = state.camera;
    if (split_active(state)) {  // two half-width maps with one centre: map the pointer into its half
        camera.width = state.camera.width / 2;
        if (sx >= camera.width) sx -= camera.width;
    }
    ProjectedXY world = camera.screen_to_world(sx, sy);
    LonLat ll;
    if (!state.projection->inverse({world.x + state.scene.origin.x, world.y + state.scene.origin.y}, ll))
        return std::nullopt;
    return ll;
}

void refresh_scene(ViewerState& state) {
    double tolerance = session_tolerance(state.camera.metres_per_pixel);
    bool projection_changed = state.projection_name != state.options.projection;
    if (!state.scene_dirty && !projection_changed && tolerance == state.scene_tolerance_m) return;
    // Only the level of detail changes while zooming: the cached map still shows the same map, and
    // the camera's move redraws it (quick while moving, in full at rest), so no forced full redraw.
    bool level_only = !state.scene_dirty && !projection_changed && !state.camera_from_session;
    ProjectedXY centre_world{state.camera.cx + state.scene.origin.x, state.camera.cy + state.scene.origin.y};
    state.scene = build_scene(state.doc, {state.options.projection, tolerance});
    state.scene_tolerance_m = tolerance;
    if (projection_changed) {
        state.projection = std::make_unique<Projection>(state.options.projection);
        state.projection_name = state.options.projection;
        int w = state.camera.width, h = state.camera.height;
        state.camera = national_view(state.scene, w, h);
    } else {
        state.camera.cx = centre_world.x - state.scene.origin.x;
        state.camera.cy = centre_world.y - state.scene.origin.y;
    }
    if (state.camera_from_session) {
        int w = state.camera.width, h = state.camera.height;
        state.camera = session_camera(state.session, state.scene, *state.projection, w, h);
        state.camera_from_session = false;
        if (session_tolerance(state.camera.metres_per_pixel) != tolerance) {  // rebuild at the session's detail
            state.scene_dirty = true;
            return refresh_scene(state);
        }
    }
    state.labels = std::make_unique<LabelSource>(state.doc, state.scene);
#ifdef __GLIBC__
    // A rebuild frees hundreds of MB of temporary vertices (simplification, projection); glibc keeps
    // freed heap pages resident unless asked, and a long session would then grow with every rebuild.
    malloc_trim(0);
#endif
    if (!state.picker)
        state.picker = std::make_unique<Picker>(state.doc.provinces(), state.doc.prefectures(), state.doc.shapes());
    state.scene_dirty = false;
    if (!level_only) state.map_dirty = true;
}

void select_at(ViewerState& state, double sx, double sy) {
    std::optional<LonLat> ll = lonlat_at(state, sx, sy);
    Pick pick = ll ? state.picker->at(*ll) : Pick{};
    state.session.selected_prefecture = pick.prefecture != nullptr ? pick.prefecture->code : "";
    state.session.selected_region.clear();
    double smallest = INFINITY;
    const auto& regions = state.doc.plan().regions;
    // The smallest visible region there: nested regions (a hub inside a belt) stay reachable. Outlined
    // regions count while a choropleth has turned the fills off.
    bool fills_off = state.style.fills.layer != FeatureFills::Layer::None;
    for (const PlanRegion* r : pick.regions) {
        auto index = static_cast<std::size_t>(r - regions.data());
        const RegionPaint& paint = state.style.regions[index];
        bool counted =
            paint.visible &&
            (paint.fill || (fills_off && r->group_of.empty() && r->designation.type != DesignationType::Context));
        double area = state.doc.shape(*r).area_km2;
        if (counted && area < smallest) smallest = area, state.session.selected_region = r->id;
    }
}

const PlanRegion* selected_region(ViewerState& state) { return state.doc.plan().region(state.session.selected_region); }

int selected_region_index(ViewerState& state) {
    const PlanRegion* r = selected_region(state);
    return r == nullptr ? -1 : static_cast<int>(r - state.doc.plan().regions.data());
}

const Region* selected_unit(ViewerState& state) {
    return state.session.selected_prefecture.empty() ? nullptr
                                                     : state.doc.prefectures().find(state.session.selected_prefecture);
}

namespace {

/// The session's settings that change the figure (not the camera, size or open windows).
std::string figure_key(const Session& session) {
    Session s = session;
    s.has_camera = false;
    s.width = s.height = 16;
    s.show_compare_window = s.show_matrix_window = s.split_view = false;
    s.projection.clear();
    s.selected_region.clear();  // applied on its own: a click must not recompute a choropleth
    s.selected_prefecture.clear();
    return session_json(s);
}

void load_data(ViewerState& state) {
    const Session& s = state.session;
    bool wants_data = s.choropleth == ChoroplethKind::UserData && !s.data.path.empty();
    std::string wanted = wants_data ? s.data.path + "\n" + s.data.key_column : "";
    if (wanted == state.loaded_data) return;
    state.data.reset();
    state.loaded_data = wanted;
    if (wanted.empty()) return;
    state.data_error.clear();
    state.data = load_session_data(state.doc, s);
    state.message = "loaded " + s.data.path + " (" + std::to_string(state.data->codes.size()) + " rows)";
}

}  // namespace

void sync_figure(ViewerState& state) {
    int selected = selected_region_index(state);
    if (selected != state.style.selected_region) state.style.selected_region = selected, state.map_dirty = true;
    std::string key = figure_key(state.session);
    if (key == state.applied_figure) return;
    try {
        load_data(state);
        Figure figure = compose_figure(state.doc, state.session, state.data.get());
        state.style = figure.style;
        state.legend = figure.legend;
    } catch (const AtlasError& e) {
        // Keep the viewer usable: say what is wrong with the file (every bad row) where it was chosen,
        // and draw the map without it until another file is loaded.
        state.data_error = e.what();
        state.data.reset();
        Figure figure = compose_figure(state.doc, state.session, nullptr);
        state.style = figure.style;
        state.legend = figure.legend;
    }
    if (state.session.compare.size() >= 2) {  // the split view's halves: one compared region each
        Session half = state.session;
        half.choropleth = ChoroplethKind::None;
        half.compare = {state.session.compare[0]};
        state.split_left = compose_figure(state.doc, half, nullptr).style;
        half.compare = {state.session.compare[1]};
        state.split_right = compose_figure(state.doc, half, nullptr).style;
    }
    state.style.selected_region = selected;
    state.applied_figure = key;
    state.map_dirty = true;
}

Session current_session(const ViewerState& state) {
    Session s = state.session;
    store_camera(s, state.camera, state.scene, *state.projection);
    s.projection = state.projection_name;
    return s;
}

void fly_to(ViewerState& state, const std::vector<const MultiPolygon*>& geometries) {
    float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const MultiPolygon* geometry : geometries) {
        Bounds b = bounds_of(*geometry);
        for (double lon : {b.min_lon, (b.min_lon + b.max_lon) / 2, b.max_lon})
            for (double lat : {b.min_lat, (b.min_lat + b.max_lat) / 2, b.max_lat}) {
                ProjectedXY p;
                if (!state.projection->forward({lon, lat}, p)) continue;
                auto x = static_cast<float>(p.x - state.scene.origin.x),
                     y = static_cast<float>(p.y - state.scene.origin.y);
                box[0] = std::min(box[0], x), box[1] = std::min(box[1], y);
                box[2] = std::max(box[2], x), box[3] = std::max(box[3], y);
            }
    }
    if (box[0] < box[2]) state.camera.fit(box, 0.15);
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
    const Session& s = state.session;
    j["selected_region"] = s.selected_region;
    j["selected_prefecture"] = s.selected_prefecture;
    j["hover_prefecture"] = state.hover.prefecture != nullptr ? state.hover.prefecture->code : "";
    j["language"] = s.english ? "en" : "zh";
    j["industry"] = s.industries.size() == 1 ? s.industries[0] : "";
    j["industries"] = s.industries;
    j["compare"] = s.compare;
    j["choropleth"] = to_string(s.choropleth);
    j["windows"] = {
        {"compare", s.show_compare_window}, {"matrix", s.show_matrix_window}, {"export", state.show_export}};
    j["legend_title"] = state.legend.title;
    j["export_result"] = state.export_result;
    j["message"] = state.message;
    j["data_error"] = state.data_error;
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
