#include "viewer_state.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "scene/furniture.hpp"
#include "scene/map_paint.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"

namespace atlas::viewer {

bool split_active(const ViewerState& state) { return state.session.split_view && state.session.compare.size() >= 2; }

void zoom_at(ViewerState& state, ScreenXY pixel, double factor) {
    // Out no further than a few times the national view: China shrank to a speck that was hard to
    // find again (a new user's trial). In the viewport zoomed: a split view's half.
    const int width = split_active(state) ? state.camera.width / 2 : state.camera.width;
    const double farthest =
        kFarthestOfNational * national_view(state.scene, width, state.camera.height).metres_per_pixel;
    if (factor < 1 && farthest > 0) factor = std::min(1.0, std::max(factor, state.camera.metres_per_pixel / farthest));
    if (!split_active(state)) return state.camera.zoom_about(pixel, factor);
    Camera half = state.camera;  // the half under the pointer, zoomed, then its view taken back
    half.width = width;
    if (pixel.x >= half.width) pixel.x -= half.width;
    half.zoom_about(pixel, factor);
    state.camera.cx = half.cx, state.camera.cy = half.cy, state.camera.metres_per_pixel = half.metres_per_pixel;
}

std::optional<LonLat> lonlat_at(const ViewerState& state, ScreenXY pixel) {
    Camera camera = state.camera;
    if (split_active(state)) {  // two half-width maps with one centre: map the pointer into its half
        camera.width = state.camera.width / 2;
        if (pixel.x >= camera.width) pixel.x -= camera.width;
    }
    LonLat ll;
    if (!scene_lonlat(*state.projection, state.scene, camera.screen_to_scene(pixel), ll)) return std::nullopt;
    return ll;
}

void refresh_scene(ViewerState& state) {
    state.view.note_changes();
    ViewerState::Built& built = state.built;
    double tolerance = session_tolerance(state.camera.metres_per_pixel);
    bool projection_changed = built.projection != state.view.projection_generation;
    // County outlines are read and projected the first time the view needs them (zoomed in below the
    // style's scale, or a county choropleth), not at start: the national view never draws them.
    bool counties = county_mesh_needed(state.style, state.camera.metres_per_pixel);
    if (!projection_changed && tolerance == built.tolerance_m && !state.camera_from_session) {
        if (counties && state.scene.counties.features() == 0) {
            add_county_outlines(state.doc, state.scene);
            // Uploaded; the cached map is redrawn in full when the camera's move that needed them ends.
            if (state.scene.counties.features() > 0) ++built.scene;
        }
        return;
    }
    // Only the level of detail changes while zooming: the cached map still shows the same map, and
    // the camera's move redraws it (quick while moving, in full at rest), so no forced full redraw.
    bool level_only = !projection_changed && !state.camera_from_session;
    ProjectedXY centre = state.scene.to_projected(state.camera.centre());  // kept across the rebuild
    const std::string& projection = state.session.projection;
    // The county outlines have one level of detail: kept across a change of level, not projected again.
    PolygonMesh kept_counties = projection_changed ? PolygonMesh{} : std::move(state.scene.counties);
    state.scene = build_scene(state.doc, {projection, tolerance, false});
    state.scene.counties = std::move(kept_counties);
    if (counties) add_county_outlines(state.doc, state.scene);
    built.tolerance_m = tolerance;
    built.projection = state.view.projection_generation;
    ++built.scene;
    if (!level_only) ++built.scene_shown;
    if (projection_changed) {
        state.projection = std::make_unique<Projection>(projection);
        state.projection_name = projection;
        int w = state.camera.width, h = state.camera.height;
        state.camera = national_view(state.scene, w, h);
    } else {
        SceneXY at = state.scene.to_scene(centre);
        state.camera.cx = at.x, state.camera.cy = at.y;
    }
    if (state.camera_from_session) {
        int w = state.camera.width, h = state.camera.height;
        state.camera = session_camera(state.session, state.scene, *state.projection, w, h);
        state.camera_from_session = false;
        if (session_tolerance(state.camera.metres_per_pixel) != tolerance)  // rebuild at the session's detail
            return refresh_scene(state);
    }
    state.labels = std::make_unique<LabelSource>(state.doc, state.scene);
#ifdef __GLIBC__
    // A rebuild frees hundreds of MB of temporary vertices (simplification, projection); glibc keeps
    // freed heap pages resident unless asked, and a long session would then grow with every rebuild.
    malloc_trim(0);
#endif
}

Pick pick_at(ViewerState& state, const std::optional<LonLat>& ll) {
    if (!ll) return {};
    // Built at the first pointer over the map, not at start: it reads every province's and
    // prefecture's geometry and every region's union, which the first frame does not need.
    if (!state.picker)
        state.picker = std::make_unique<Picker>(state.doc.provinces(), state.doc.prefectures(), state.doc.shapes());
    return state.picker->at(*ll);
}

namespace {

/// The smallest visible region among `regions`: nested regions (a hub inside a belt) stay reachable.
/// Outlined regions count while a choropleth has turned the fills off.
void choose_region(ViewerState& state, const std::vector<const PlanRegion*>& regions) {
    state.session.selected_region.clear();
    double smallest = INFINITY;
    const auto& all = state.doc.plan().regions;
    bool fills_off = state.style.fills.layer != FeatureFills::Layer::None;
    for (const PlanRegion* r : regions) {
        auto index = static_cast<std::size_t>(r - all.data());
        if (index >= state.style.regions.size()) continue;
        const RegionPaint& paint = state.style.regions[index];
        bool counted =
            paint.visible &&
            (paint.fill || (fills_off && r->group_of.empty() && r->designation.type != DesignationType::Context));
        double area = state.doc.shape(*r).area_km2;
        if (counted && area < smallest) smallest = area, state.session.selected_region = r->id;
    }
}

std::vector<const PlanRegion*> regions_of(const UnitReport& report) {
    std::vector<const PlanRegion*> out;
    for (const UnitMembership& m : report.regions) out.push_back(m.region);
    return out;
}

}  // namespace

void select_at(ViewerState& state, ScreenXY pixel) {
    std::optional<LonLat> ll = lonlat_at(state, pixel);
    Pick pick = pick_at(state, ll);
    state.searched_county.clear();
    state.session.selected_prefecture = pick.prefecture != nullptr ? pick.prefecture->code : "";
    choose_region(state, pick.regions);
}

void select_unit(ViewerState& state, const Region& unit, bool fly) {
    state.searched_county.clear();
    state.session.selected_prefecture = unit.code;
    choose_region(state, regions_of(selected_report(state)));
    if (fly) fly_to(state, {&unit.geometry});
}

void choose_search_hit(ViewerState& state, const SearchHit& hit) {
    Document& doc = state.doc;
    Session& s = state.session;
    if (hit.kind == EntityKind::Region) {
        const PlanRegion* r = doc.plan().region(hit.id);
        s.selected_region = r->id;
        s.selected_prefecture.clear();
        fly_to(state, {&doc.shape(*r).geometry});
    } else if (hit.kind == EntityKind::Industry) {
        s.industries = {hit.id};
        std::vector<const MultiPolygon*> designated;
        for (const PlanRegion& r : doc.plan().regions)
            if (r.designation.type == DesignationType::Explicit && doc.plan().designates(r, hit.id))
                designated.push_back(&doc.shape(r).geometry);
        if (designated.empty())
            state.camera = national_view(state.scene, state.camera.width, state.camera.height);
        else
            fly_to(state, designated);
    } else if (hit.kind == EntityKind::Place) {
        // A place: its layer shown, the map framed on it (a district without the county layer: its city).
        const Place* place = doc.places().find(hit.id);
        if (place == nullptr) return;
        (place->kind == PlaceKind::PilotZone ? s.show_pilot_zones : s.show_new_districts) = true;
        const PlaceShape& shape = doc.place_shape(*place);
        if (!shape.geometry.empty()) fly_to(state, {&shape.geometry});
    } else if (hit.kind == EntityKind::County) {
        // Its prefecture-level unit is selected (the map's selection is of those), the county reported
        // (the inspector showed the prefecture: "Zhongyuan District" read as Zhengzhou), framed on itself.
        const Region* county = doc.counties() != nullptr ? doc.counties()->find(hit.id) : nullptr;
        const Region* unit = county != nullptr ? doc.prefecture_units().find(county->parent_code) : nullptr;
        if (unit == nullptr) return;
        select_unit(state, *unit, false);
        state.searched_county = county->code;
        fly_to(state, {&county->geometry});
    } else {
        const Region* unit =
            hit.kind == EntityKind::Province ? doc.provinces().find(hit.id) : doc.prefectures().find(hit.id);
        if (unit != nullptr) select_unit(state, *unit, true);
    }
}

UnitValue value_of(const ViewerState& state, const Region& unit) {
    const FeatureValues& v = state.values;
    if (v.layer == FeatureFills::Layer::None) return {};
    // A county choropleth has no value for a prefecture-level unit (the picker selects those).
    if (v.layer == FeatureFills::Layer::Counties) return {v.measure, tr("see its counties"), ""};
    const RegionLayer& layer =
        v.layer == FeatureFills::Layer::Provinces ? state.doc.province_units() : state.doc.prefecture_units();
    const Region* feature = layer.find(unit.code);
    if (feature == nullptr && v.layer == FeatureFills::Layer::Provinces && !unit.parent_code.empty())
        feature = layer.find(unit.parent_code);
    UnitValue out{v.measure, tr("no data"), ""};
    if (feature == nullptr) return out;
    auto f = static_cast<std::size_t>(feature - layer.regions.data());
    if (f < v.text.size() && !v.text[f].empty()) out.value = v.text[f], out.class_label = v.class_label[f];
    return out;
}

UnitReport selected_report(ViewerState& state) {
    const Region* unit = selected_unit(state);
    if (unit == nullptr) return {};
    const Region* county = state.searched_county.empty() || state.doc.counties() == nullptr
                               ? nullptr
                               : state.doc.counties()->find(state.searched_county);
    if (county != nullptr && county->parent_code == unit->code)
        return report_county(state.doc.plan(), state.doc.shapes(), state.doc.prefectures(), *county);
    return report_unit(state.doc.plan(), state.doc.shapes(), state.doc.provinces(), state.doc.prefectures(), *unit);
}

void frame_session_subject(ViewerState& state) {
    const Session& s = state.session;
    if (s.has_camera) return;
    std::vector<const MultiPolygon*> geometries;
    if (s.compare.size() >= 2) {
        for (const std::string& id : s.compare)
            if (const PlanRegion* r = state.doc.plan().region(id)) geometries.push_back(&state.doc.shape(*r).geometry);
    } else if (const Region* unit = selected_unit(state)) {
        state.doc.provinces(), state.doc.prefectures();  // read the geometry into these very units
        geometries.push_back(&unit->geometry);
    } else if (const PlanRegion* r = selected_region(state)) {
        geometries.push_back(&state.doc.shape(*r).geometry);
    }
    if (!geometries.empty()) fly_to(state, geometries);
}

void leave_compare(ViewerState& state) {
    state.session.compare.clear();
    state.session.split_view = false;
    state.session.show_compare_window = false;
    if (state.session.sidebar_tab == "compare") state.tab_request = "layers";
}

void next_keyboard_pane(ViewerState& state) {
    const PanelLayout& panels = state.session.panels;
    const std::string order[] = {"map", "sidebar", "inspector"};
    std::size_t at = 0;
    while (at < 3 && order[at] != state.keyboard_in) ++at;
    for (std::size_t step = 1; step <= 3; ++step) {
        const std::string& next = order[(at + step) % 3];
        bool open = next == "map" || (next == "sidebar" ? panels.sidebar_open : panels.inspector_open);
        if (!open) continue;
        state.keyboard_in = next;
        state.keyboard_to = next == "map" ? "" : next;
        return;
    }
}

bool escape(ViewerState& state) {
    Session& s = state.session;
    if (state.show_help) return state.show_help = false, true;
    if (state.show_export) return state.show_export = false, true;
    if (s.show_matrix_window) return s.show_matrix_window = false, true;
    if (!state.search_query.empty()) return state.search_query.clear(), true;
    if (!s.selected_region.empty() || !s.selected_prefecture.empty()) {
        s.selected_region.clear(), s.selected_prefecture.clear();
        return true;
    }
    if (!s.compare.empty()) return leave_compare(state), true;
    return false;
}

void apply_layout(ViewerState& state, int width, int height, int top, int bottom) {
    state.window_width = width, state.window_height = height;
    Session& s = state.session;
    s.panels.bottom_dock_open = s.show_matrix_window;
    // The inspector opens for a new selection; with nothing selected a small window starts with it
    // folded, so the map keeps its room.
    std::string selection = s.selected_region + "/" + s.selected_prefecture;
    if (selection != state.layout_selection) {
        if (selection != "/") {
            s.panels.inspector_open = true;
        } else if (state.layout_selection == "-" && static_cast<float>(width) < 1280 * state.ui_scale) {
            state.inspector_folded_for_room = s.panels.inspector_open;
            s.panels.inspector_open = false;
        }
        state.layout_selection = selection;
    }
    if (s.panels.inspector_open) state.inspector_folded_for_room = false;  // opened since: the user's now
    PixelRect before_rect = state.layout.map;
    state.layout = compute_screen_layout(width, height, state.ui_scale, top, bottom, s.panels);
    const PixelRect& map = state.layout.map;
    Camera& c = state.camera;
    if (c.width == map.width && c.height == map.height && before_rect == map) return;
    if (shows_national_view(state)) {
        c = national_view(state.scene, map.width, map.height);
        return;
    }
    const Camera& f = state.fitted_camera;
    if (state.fitted_box && f.cx == c.cx && f.cy == c.cy && f.metres_per_pixel == c.metres_per_pixel) {
        c.width = map.width, c.height = map.height;  // still showing what was fitted: fit it to the new room
        Camera fit = c;
        if (split_active(state)) fit.width = c.width / 2;
        fit.fit(state.fitted_box->data(), 0.15);
        c.cx = fit.cx, c.cy = fit.cy, c.metres_per_pixel = fit.metres_per_pixel;
        state.fitted_camera = c;
        return;
    }
    // A panel opened, folded or resized: what stays visible stays where it was on the screen.
    if (before_rect.width > 0) {
        double dx = (map.x + map.width / 2.0) - (before_rect.x + before_rect.width / 2.0);
        double dy = (map.y + map.height / 2.0) - (before_rect.y + before_rect.height / 2.0);
        c.cx += dx * c.metres_per_pixel;
        c.cy -= dy * c.metres_per_pixel;
    }
    c.width = map.width, c.height = map.height;
}

const PlanRegion* selected_region(ViewerState& state) { return state.doc.plan().region(state.session.selected_region); }

int selected_region_index(ViewerState& state) {
    const PlanRegion* r = selected_region(state);
    return r == nullptr ? -1 : static_cast<int>(r - state.doc.plan().regions.data());
}

const Region* selected_unit(ViewerState& state) {
    const std::string& code = state.session.selected_prefecture;
    if (code.empty()) return nullptr;
    const Region* unit = state.doc.prefecture_units().find(code);
    return unit != nullptr ? unit : state.doc.province_units().find(code);
}

namespace {

/// The session's settings that change the figure (not the camera, size or open windows).
void load_data(ViewerState& state) {
    const Session& s = state.session;
    bool wants_data = s.choropleth == ChoroplethKind::UserData && !s.data.path.empty();
    std::string wanted = wants_data ? s.data.path + "\n" + s.data.key_column + "\n" + s.data.points_by + "\n" +
                                          s.data.points_datum + "\n" + s.data.points_value
                                    : "";
    if (wanted == state.loaded_data) return;
    state.data.reset();
    state.density = {};
    state.loaded_data = wanted;
    if (wanted.empty()) return;
    state.data_error.clear();
    state.data = load_session_data(state.doc, s);
    state.density = density_grid(state.data->points, state.data->points_total);
    state.message = s.data.points_by.empty()
                        ? tr("loaded ") + s.data.path + " (" + std::to_string(state.data->codes.size()) + tr(" rows)")
                        : tr("counted ") + with_separators(state.data->points_total) + tr(" points of ") + s.data.path +
                              tr(" in ") + std::to_string(state.data->codes.size()) + tr(" units");
    for (const std::string& note : state.data->notes) state.message += "; " + note;
}

}  // namespace

namespace {

/// The selected region and unit as the style marks them.
void apply_selection(ViewerState& state) {
    MapStyle& style = state.style;
    style.selected_region = selected_region_index(state);
    const Region* unit = selected_unit(state);
    // Looked up by code: the units without their geometry do (the same layer objects as with it).
    const RegionLayer& prefectures = state.doc.prefecture_units();
    style.selected_is_province = unit != nullptr && prefectures.find(unit->code) != unit;
    const RegionLayer& layer = style.selected_is_province ? state.doc.province_units() : prefectures;
    style.selected_unit = unit == nullptr ? -1 : static_cast<int>(unit - layer.regions.data());
}

void take_figure(ViewerState& state, const Figure& figure) {
    state.style = figure.style;
    state.legend = figure.legend;
    state.values = figure.values;
    state.figure_title = figure.title, state.figure_subtitle = figure.subtitle;
    state.figure_credits = figure.credits;
}

void compose(ViewerState& state) {
    try {
        load_data(state);
        take_figure(state, compose_figure(state.doc, state.session, state.data.get()));
    } catch (const AtlasError& e) {
        // Keep the viewer usable: say what is wrong with the file (every bad row) where it was chosen,
        // and draw the map without it until another file is loaded.
        state.data_error = e.what();
        state.data.reset();
        state.message = tr("cannot use ") + state.session.data.path + tr(" (the Data tab says why)");
        take_figure(state, compose_figure(state.doc, state.session, nullptr));
    }
    if (state.session.compare.size() >= 2) {  // the split view's halves: one compared region each
        Session half = state.session;
        half.choropleth = ChoroplethKind::None;
        half.compare = {state.session.compare[0]};
        state.split_left = compose_figure(state.doc, half, nullptr).style;
        half.compare = {state.session.compare[1]};
        state.split_right = compose_figure(state.doc, half, nullptr).style;
    }
}

}  // namespace

void sync_figure(ViewerState& state) {
    // The figure's words (legend) in the session's language, as the rest of the interface.
    set_language(state.session.english ? Language::English : Language::Chinese);
    state.view.note_changes();
    ViewerState::Built& built = state.built;
    bool figure = built.figure != state.view.figure_generation;
    bool selection = built.selection != state.view.selection_generation;
    if (!figure && !selection) return;
    if (figure) compose(state);  // the style afresh, without a selection
    apply_selection(state);
    built.figure = state.view.figure_generation;
    built.selection = state.view.selection_generation;
    ++built.style;
}

Session current_session(const ViewerState& state) {
    Session s = state.session;
    if (state.figure_session_size && framed_by_program(state))
        s.has_camera = false, s.width = (*state.figure_session_size)[0], s.height = (*state.figure_session_size)[1];
    else
        store_camera(s, state.camera, state.scene, *state.projection);
    // Folded by the program for a small window, it is kept open in the file (Ctrl+S of an unchanged
    // session flipped it, helper-54).
    if (state.inspector_folded_for_room) s.panels.inspector_open = true;
    // The window too: the map's size alone reopened a window without room for the panels.
    if (state.window_width > 0 && state.window_height > 0) {
        s.window_width = static_cast<int>(std::lround(static_cast<double>(state.window_width) / state.ui_scale));
        s.window_height = static_cast<int>(std::lround(static_cast<double>(state.window_height) / state.ui_scale));
    }
    s.projection = state.projection_name;
    return s;
}

bool framed_by_program(const ViewerState& state) {
    const Camera& f = state.fitted_camera;
    const Camera& c = state.camera;
    return shows_national_view(state) ||
           (state.fitted_box && f.cx == c.cx && f.cy == c.cy && f.metres_per_pixel == c.metres_per_pixel);
}

void remember_figure_size(ViewerState& state, const Session& session) {
    state.figure_session_size.reset();
    if (!session.has_camera) state.figure_session_size = std::array<int, 2>{session.width, session.height};
}

bool shows_national_view(const ViewerState& state) {
    const Camera& c = state.camera;
    if (state.scene.provinces.features() == 0) return false;
    Camera national = national_view(state.scene, c.width, c.height);
    return std::abs(national.metres_per_pixel - c.metres_per_pixel) <= 1e-6 * c.metres_per_pixel &&
           std::abs(national.cx - c.cx) < 1 && std::abs(national.cy - c.cy) < 1;
}

namespace {

/// The user's points the legend's corner spares: at most 5,000 of them, evenly taken (a corner is
/// weighed by the share of dots it hides), projected again only when the scene or the data changes.
void refresh_corner_dots(ViewerState& state) {
    if (state.corner_dots_scene == state.built.scene && state.corner_dots_data == state.loaded_data) return;
    state.corner_dots_scene = state.built.scene, state.corner_dots_data = state.loaded_data;
    state.corner_dots.clear();
    if (!state.data || state.data->points.empty() || !state.projection) return;
    constexpr std::size_t kMostDots = 5000;
    const std::vector<LonLat>& points = state.data->points;
    const std::size_t step = (points.size() + kMostDots - 1) / kMostDots;
    for (std::size_t i = 0; i < points.size(); i += step)
        if (SceneXY at; scene_point(*state.projection, state.scene, points[i], at)) state.corner_dots.push_back(at);
}

}  // namespace

std::string legend_corner_shown(ViewerState& state, float width, float height, float margin, float top) {
    if (state.session.legend_corner != "auto") return state.session.legend_corner;
    const Camera& c = state.camera;
    std::array<double, 8> key{c.cx,
                              c.cy,
                              c.metres_per_pixel,
                              static_cast<double>(c.width),
                              static_cast<double>(c.height),
                              width,
                              height,
                              static_cast<double>(state.built.style)};
    if (key == state.auto_corner_key && !state.auto_corner.empty()) return state.auto_corner;
    state.auto_corner_key = key;
    if (!framed_by_program(state) && !state.auto_corner.empty()) return state.auto_corner;
    refresh_corner_dots(state);
    state.style.dots = state.corner_dots;  // the composed style has none: compose_figure does not project
    const float w = static_cast<float>(c.width), h = static_cast<float>(c.height);
    const float left = margin, right = w - margin - width, upper = std::max(margin, top), lower = h - margin - height;
    // In place_legend's order (scene/furniture.cpp): ties go to the bottom left, over neighbouring countries.
    const std::array<std::pair<const char*, PaintPoint>, 4> corners{{{"bottom-left", {left, lower}},
                                                                     {"bottom-right", {right, lower}},
                                                                     {"top-right", {right, upper}},
                                                                     {"top-left", {left, upper}}}};
    std::string best = state.auto_corner;
    double best_share = 1e300;
    for (const auto& [name, at] : corners) {
        double share = covered_share(state.scene, c, at, {at.x + width, at.y + height}, &state.style);
        if (name == state.auto_corner) share *= 0.75;  // stays unless another corner hides a quarter less
        if (share < best_share) best_share = share, best = name;
    }
    state.auto_corner = best;
    const PaintPoint at =
        std::find_if(corners.begin(), corners.end(), [&](const auto& spot) { return best == spot.first; })->second;
    state.auto_corner_hides = hides_a_region(state.scene, c, at, {at.x + width, at.y + height}, state.style);
    return best;
}

namespace {

/// Frames `box` (scene metres) in the map beside or above/below the legend, whichever shows it larger:
/// the legend floats over a corner of the map and hid whole regions that fit had just framed.
void fit_clear_of_legend(ViewerState& state, const float box[4]) {
    Camera& camera = state.camera;
    camera.fit(box, 0.15);
    if (!state.legend_rect) return;
    const auto [lx, ly, lw, lh] = *state.legend_rect;
    const double w = camera.width, h = camera.height;
    bool left = lx + lw / 2 < w / 2, top = ly + lh / 2 < h / 2;
    // Beside the legend (its full height), or above or below it (its full width).
    std::array<std::array<double, 4>, 2> areas{
        {{left ? lx + lw : 0, 0, left ? w - lx - lw : lx, h}, {0, top ? ly + lh : 0, w, top ? h - ly - lh : ly}}};
    double best = 0;
    Camera chosen = camera;
    for (const auto& [x, y, aw, ah] : areas) {
        if (aw < 120 || ah < 120) continue;  // too narrow to frame anything: the legend's side of it
        Camera c = camera;
        c.fit_within(box, x, y, aw, ah, 0.08);
        if (best == 0 || c.metres_per_pixel < best) best = c.metres_per_pixel, chosen = c;
    }
    // Only when the legend is in the way of the plain fit: otherwise the plain fit stays.
    ScreenXY a = camera.scene_to_screen({box[0], box[1]}), b = camera.scene_to_screen({box[2], box[3]});
    bool overlaps = std::max(a.x, b.x) > lx && std::min(a.x, b.x) < lx + lw && std::max(a.y, b.y) > ly &&
                    std::min(a.y, b.y) < ly + lh;
    if (overlaps && best > 0) camera = chosen;
}

}  // namespace

void fly_to(ViewerState& state, const std::vector<const MultiPolygon*>& geometries) {
    float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const MultiPolygon* geometry : geometries) {
        Bounds b = bounds_of(*geometry);
        for (double lon : {b.min_lon, (b.min_lon + b.max_lon) / 2, b.max_lon})
            for (double lat : {b.min_lat, (b.min_lat + b.max_lat) / 2, b.max_lat}) {
                SceneXY p;
                if (!scene_point(*state.projection, state.scene, {lon, lat}, p)) continue;
                auto x = static_cast<float>(p.x), y = static_cast<float>(p.y);
                box[0] = std::min(box[0], x), box[1] = std::min(box[1], y);
                box[2] = std::max(box[2], x), box[3] = std::max(box[3], y);
            }
    }
    if (!(box[0] < box[2])) return;
    if (split_active(state)) {  // each half of a split view shows the whole extent
        Camera half = state.camera;
        half.width = state.camera.width / 2;
        half.fit(box, 0.15);
        state.camera.cx = half.cx, state.camera.cy = half.cy, state.camera.metres_per_pixel = half.metres_per_pixel;
    } else {
        fit_clear_of_legend(state, box);
    }
    state.fitted_box = std::array<float, 4>{box[0], box[1], box[2], box[3]};
    state.fitted_camera = state.camera;
    state.fitted_legend = state.legend_rect;
}

void refit_for_legend(ViewerState& state) {
    if (!state.fitted_box || split_active(state) || state.legend_rect == state.fitted_legend) return;
    const Camera& f = state.fitted_camera;
    const Camera& c = state.camera;
    if (f.cx != c.cx || f.cy != c.cy || f.metres_per_pixel != c.metres_per_pixel || f.width != c.width ||
        f.height != c.height)
        return;  // the user has moved the map since: it stays where they put it
    state.fitted_legend = state.legend_rect;
    if (!state.legend_rect) return;  // the legend closed: what was framed is still in view
    fit_clear_of_legend(state, state.fitted_box->data());
    state.fitted_camera = state.camera;
}

namespace {

/// What the inspector states about the selected unit: its code and the regions containing it.
nlohmann::ordered_json inspector_json(ViewerState& state) {
    UnitReport report = selected_report(state);
    nlohmann::ordered_json regions = nlohmann::ordered_json::array();
    for (const UnitMembership& m : report.regions) regions.push_back(m.region->id);
    nlohmann::ordered_json out = {{"unit", report.unit != nullptr ? report.unit->code : ""}, {"regions", regions}};
    const UserTable* t = state.data.get();
    if (t != nullptr && t->points_total > 0 && report.unit != nullptr) {  // what "Your points" says
        auto it = std::find(t->codes.begin(), t->codes.end(), report.unit->code);
        if (it != t->codes.end()) out["points"] = t->values[0][static_cast<std::size_t>(it - t->codes.begin())];
    }
    return out;
}

}  // namespace

void write_state_file(ViewerState& state) {
    if (state.options.state_file.empty()) return;
    nlohmann::ordered_json j;
    j["projection"] = state.projection_name;
    ProjectedXY centre = state.scene.to_projected(state.camera.centre());
    j["camera"] = {{"cx", centre.x},
                   {"cy", centre.y},
                   {"metres_per_pixel", state.camera.metres_per_pixel},
                   {"width", state.camera.width},
                   {"height", state.camera.height}};
    const Session& s = state.session;
    j["selected_region"] = s.selected_region;
    j["selected_prefecture"] = s.selected_prefecture;
    j["searched_county"] = state.searched_county;
    j["hover_prefecture"] = state.hover.prefecture != nullptr ? state.hover.prefecture->code : "";
    j["language"] = s.english ? "en" : "zh";
    j["ui_sample"] = tr("Layers");  // one of the interface's words, as the tabs show it
    j["industry"] = s.industries.size() == 1 ? s.industries[0] : "";
    j["industries"] = s.industries;
    j["compare"] = s.compare;
    j["choropleth"] = to_string(s.choropleth);
    j["windows"] = {
        {"compare", s.show_compare_window}, {"matrix", s.show_matrix_window}, {"export", state.show_export}};
    j["legend_title"] = state.legend.title;
    j["export_result"] = state.export_result;
    j["message"] = state.message;
    j["inspector"] = inspector_json(state);
    j["map_rect"] = {state.layout.map.x, state.layout.map.y, state.layout.map.width, state.layout.map.height};
    j["sidebar_tab"] = s.sidebar_tab;
    j["search"] = state.search_query;
    j["panels"] = {{"sidebar", s.panels.sidebar_open}, {"inspector", s.panels.inspector_open}};
    j["legend_corner"] = s.legend_corner;
    j["legend_corner_shown"] = s.legend_corner == "auto" ? state.auto_corner : s.legend_corner;
    j["legend_open"] = state.legend_open;
    j["layers"] = {{"provinces", s.show_provinces}, {"prefectures", s.show_prefectures}, {"regions", s.show_regions},
                   {"hubs", s.show_hubs},           {"labels", s.show_labels},           {"legend", s.show_legend}};
    j["keyboard_nav"] = state.keyboard_nav;
    j["nav_focus"] = state.keyboard_nav ? state.nav_focus : "";
    j["keyboard_in"] = state.keyboard_in;
    j["typing"] = state.typing;
    nlohmann::ordered_json widgets = nlohmann::ordered_json::object();
    for (const auto& [name, at] : state.widgets) widgets[name] = {at[0], at[1]};
    j["widgets"] = widgets;
    j["data_error"] = state.data_error;
    if (state.data != nullptr && state.data->points_total > 0)  // the points as the map shows them
        j["points"] = {
            {"total", state.data->points_total},
            {"dots", state.data->points.size()},
            {"drawn_as", state.camera.metres_per_pixel > kDensityAboveMetresPerPixel ? "density squares" : "dots"}};
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

std::string dialog_remedy(std::string why) {
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = why.find(from); at != std::string::npos; at = why.find(from, at + to.size()))
            why.replace(at, from.size(), to);
    };
    replace_all("(use --force to replace it)", tr("(tick \"replace an existing file\" to replace it)"));
    replace_all("or give --format", tr("or choose one in the format list"));
    replace_all("--format", tr("the format list"));
    return why;
}

}  // namespace atlas::viewer
