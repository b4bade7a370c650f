// The viewer's state logic without a window: what search, selection, Esc, compare and the docked
// layout do to the state the panels show.
#include "viewer_state.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "error.hpp"
#include "io/export.hpp"
#include "scene/furniture.hpp"
#include "support.hpp"

using namespace atlas;
using namespace atlas::viewer;

namespace {

/// A viewer state on the bundled data as the viewer starts it: 1400x900, all of China.
std::unique_ptr<ViewerState> started(int width = 1400, int height = 900) {
    auto state = std::make_unique<ViewerState>(test::bundled_document());
    state->camera.width = width, state->camera.height = height;
    refresh_scene(*state);
    sync_figure(*state);
    apply_layout(*state, width, height, 21, 28);
    return state;
}

SearchHit first_hit(ViewerState& state, const std::string& query) {
    std::vector<SearchHit> hits = state.doc.search().find(query, 8);
    REQUIRE_FALSE(hits.empty());
    return hits[0];
}

bool shows(const ViewerState& s, const std::array<float, 4>& box) {
    ScreenXY a = s.camera.scene_to_screen({box[0], box[1]}), b = s.camera.scene_to_screen({box[2], box[3]});
    return std::min(a.x, b.x) >= 0 && std::max(a.x, b.x) <= s.camera.width && std::min(a.y, b.y) >= 0 &&
           std::max(a.y, b.y) <= s.camera.height;
}

}  // namespace

TEST_CASE("viewer: searching Xi'an selects it, the inspector names the Guanzhong Plain", "[viewer]") {
    auto state = started();
    choose_search_hit(*state, first_hit(*state, "Xi'an"));
    CHECK(state->session.selected_prefecture == "610100");
    CHECK(state->session.selected_region == "guanzhong_plain");
    UnitReport report = selected_report(*state);
    REQUIRE(report.unit != nullptr);
    REQUIRE(report.regions.size() == 1);
    CHECK(report.regions[0].region->id == "guanzhong_plain");
    // The inspector opens for the selection: the map narrows and the unit is fitted to what is left.
    apply_layout(*state, 1400, 900, 21, 28);
    CHECK(state->session.panels.inspector_open);
    CHECK(state->camera.width == state->layout.map.width);
    REQUIRE(state->fitted_box);
    CHECK(shows(*state, *state->fitted_box));
}

TEST_CASE("viewer: a province from search is selected and reported with its regions", "[viewer]") {
    auto state = started();
    choose_search_hit(*state, first_hit(*state, "Shaanxi"));
    CHECK(state->session.selected_prefecture == "610000");
    UnitReport report = selected_report(*state);
    REQUIRE(report.unit != nullptr);
    CHECK(report.is_province);
    CHECK_FALSE(report.regions.empty());
}

TEST_CASE("viewer: an industry from search frames its regions, one with none shows China", "[viewer]") {
    auto state = started();
    double national = state->camera.metres_per_pixel;
    choose_search_hit(*state, first_hit(*state, "biomedicine"));
    REQUIRE(state->session.industries.size() == 1);
    CHECK(state->camera.metres_per_pixel < national);  // zoomed to the named regions
    SearchHit big_data = first_hit(*state, "big data");
    REQUIRE(big_data.kind == EntityKind::Industry);
    choose_search_hit(*state, big_data);
    CHECK(state->session.industries == std::vector<std::string>{big_data.id});
    CHECK(state->camera.metres_per_pixel == Approx(national));
}

TEST_CASE("viewer: Esc closes the topmost thing, then clears the selection, never quits", "[viewer]") {
    auto state = started();
    state->show_help = true;
    state->session.selected_region = "jingjinji";
    state->session.compare = {"jingjinji", "shandong_peninsula"};
    CHECK(escape(*state));
    CHECK_FALSE(state->show_help);
    CHECK(state->session.selected_region == "jingjinji");
    CHECK(escape(*state));
    CHECK(state->session.selected_region.empty());
    CHECK(escape(*state));  // compare mode left: nothing filtered, no split
    CHECK(state->session.compare.empty());
    CHECK_FALSE(state->session.split_view);
    CHECK_FALSE(escape(*state));
    CHECK_FALSE(state->quit_requested);
}

TEST_CASE("viewer: at 1024x700 the map is between the panels and shows all of China", "[viewer]") {
    auto state = started(1024, 700);
    const PixelRect& map = state->layout.map;
    CHECK(map.x > 0);
    CHECK(map.x + map.width <= 1024);
    CHECK(state->camera.width == map.width);
    CHECK(state->camera.height == map.height);
    Camera national = national_view(state->scene, map.width, map.height);
    CHECK(state->camera.metres_per_pixel == Approx(national.metres_per_pixel));
    // With nothing selected a small window starts with the inspector folded; a save keeps the
    // session's own choice (it wrote the fold as the user's, helper-54).
    CHECK_FALSE(state->session.panels.inspector_open);
    CHECK(current_session(*state).panels.inspector_open);
    // A resize of a national view shows all of China again.
    apply_layout(*state, 1600, 1000, 21, 28);
    Camera wider = national_view(state->scene, state->layout.map.width, state->layout.map.height);
    CHECK(state->camera.metres_per_pixel == Approx(wider.metres_per_pixel));
}

// render --save-session wrote a 1600x1200 figure without camera; opened in the viewer and saved
// unchanged it had the map's 900x1151 and a camera, and render drew another figure (helper-53).
TEST_CASE("viewer: a figure's session saved unchanged keeps its size and its program-chosen frame", "[viewer]") {
    auto state = started();
    Session figure;
    figure.width = 1600, figure.height = 1200, figure.industries = {"biomedicine"};
    remember_figure_size(*state, figure);
    state->session.industries = figure.industries;
    Session saved = current_session(*state);
    CHECK_FALSE(saved.has_camera);
    CHECK(saved.width == 1600);
    CHECK(saved.height == 1200);
    // Once the user zooms, what the map shows is kept: its camera and the map's size.
    state->camera.zoom_about({state->camera.width / 2.0, state->camera.height / 2.0}, 4);
    Session zoomed = current_session(*state);
    CHECK(zoomed.has_camera);
    CHECK(zoomed.width == state->camera.width);
    // A session with a camera of its own keeps it whatever the view.
    Session with_camera = figure;
    with_camera.has_camera = true;
    remember_figure_size(*state, with_camera);
    CHECK_FALSE(state->figure_session_size.has_value());
}

TEST_CASE("viewer: folding the sidebar keeps the map still on the screen", "[viewer]") {
    auto state = started();
    state->camera.zoom_about({state->camera.width / 2.0, state->camera.height / 2.0}, 4);
    int x_before = state->layout.map.x;
    SceneXY world = state->camera.screen_to_scene({100, 100});  // a place near the map's top left
    state->session.panels.sidebar_open = false;
    apply_layout(*state, 1400, 900, 21, 28);
    double shift = x_before - state->layout.map.x;
    ScreenXY after = state->camera.scene_to_screen(world);
    CHECK(after.x == Approx(100 + shift).margin(0.5));
    CHECK(after.y == Approx(100).margin(0.5));
}

TEST_CASE("viewer: the choropleth's value under a unit, with its class", "[viewer]") {
    auto state = started();
    state->session.choropleth = ChoroplethKind::ProvinceCoverage;
    sync_figure(*state);
    const Region* jiangsu = state->doc.provinces().find("320000");
    REQUIRE(jiangsu != nullptr);
    UnitValue v = value_of(*state, *jiangsu);
    CHECK(v.measure.find("Share of province area") == 0);
    CHECK(v.value.back() == '%');
    CHECK_FALSE(v.class_label.empty());
    // A prefecture reads its province's value.
    const Region* nanjing = state->doc.prefectures().find("320100");
    REQUIRE(nanjing != nullptr);
    CHECK(value_of(*state, *nanjing).value == v.value);
}

TEST_CASE("viewer: derived state follows the view state's generations, each change rebuilt once", "[viewer]") {
    auto state = started();
    ViewerState::Built before = state->built;
    // Nothing changed: nothing is rebuilt or recomposed.
    refresh_scene(*state);
    sync_figure(*state);
    CHECK(state->built.scene == before.scene);
    CHECK(state->built.style == before.style);
    // A click selects: the style marks it without recomposing the figure.
    state->session.selected_region = "guanzhong_plain";
    sync_figure(*state);
    CHECK(state->built.style == before.style + 1);
    CHECK(state->built.figure == before.figure);
    CHECK(state->style.selected_region == selected_region_index(*state));
    // A colouring: the figure is recomposed once, the selection kept on the new style.
    state->session.choropleth = ChoroplethKind::ProvinceCoverage;
    sync_figure(*state);
    sync_figure(*state);
    CHECK(state->built.figure == before.figure + 1);
    CHECK(state->built.style == before.style + 2);
    CHECK(state->style.selected_region == selected_region_index(*state));
    // Moving the camera within a level of detail rebuilds nothing; crossing levels rebuilds the scene
    // but not "what the map shows" (the cached image need not be redrawn for it).
    state->camera.pan_pixels(40, 0);
    refresh_scene(*state);
    CHECK(state->built.scene == before.scene);
    state->camera.metres_per_pixel = 200;
    refresh_scene(*state);
    CHECK(state->built.scene == before.scene + 1);
    CHECK(state->built.scene_shown == before.scene_shown);
    // Another projection: the scene is rebuilt and shown anew, the camera back on all of China.
    state->session.projection = "mercator";
    refresh_scene(*state);
    CHECK(state->built.scene == before.scene + 2);
    CHECK(state->built.scene_shown == before.scene_shown + 1);
    CHECK(state->projection_name == "mercator");
    CHECK(shows_any_province(state->scene, state->camera));
    // A forced recomposition (a file edited on disk) is one more figure generation.
    state->view.touch_figure();
    sync_figure(*state);
    CHECK(state->built.figure == before.figure + 2);
}

TEST_CASE("view state: note_changes raises only the generation of what changed", "[viewer]") {
    ViewState v;
    v.note_changes();
    Generation p = v.projection_generation, f = v.figure_generation, s = v.selection_generation;
    CHECK((p == 1 && f == 1 && s == 1));
    v.camera.cx += 1000;  // the camera is compared, not counted
    v.session.width = 800;
    v.note_changes();
    CHECK((v.projection_generation == p && v.figure_generation == f && v.selection_generation == s));
    v.session.selected_prefecture = "610100";
    v.note_changes();
    CHECK((v.selection_generation == s + 1 && v.figure_generation == f));
    v.session.show_hubs = !v.session.show_hubs;
    v.note_changes();
    CHECK((v.figure_generation == f + 1 && v.projection_generation == p));
    v.session.projection = "mercator";
    v.note_changes();
    CHECK((v.projection_generation == p + 1 && v.figure_generation == f + 1));
}

// Zooming out went on to 1e5 m/px, where China was a speck hard to find again (a new user's trial).
TEST_CASE("viewer: zooming out stops at four times the national view", "[viewer]") {
    auto state = started();
    const double national = national_view(state->scene, state->camera.width, state->camera.height).metres_per_pixel;
    for (int i = 0; i < 30; ++i) zoom_at(*state, {state->camera.width / 2.0, state->camera.height / 2.0}, 1 / 1.25);
    CHECK(state->camera.metres_per_pixel == Approx(kFarthestOfNational * national));
    zoom_at(*state, {10, 10}, 2.0);  // and in again, as ever
    CHECK(state->camera.metres_per_pixel == Approx(kFarthestOfNational * national / 2));
}

// '/ Zhongyuan Enter' went to Zhongyuan District, and the inspector then showed Zhengzhou, not the
// district (helper-51): the region comes first, and a county chosen is the county reported.
TEST_CASE("viewer: a county from search is reported by the inspector, its prefecture selected", "[viewer][counties]") {
    auto state = started();
    REQUIRE(state->doc.counties() != nullptr);  // tests/counties.sh gives the county layer
    CHECK(first_hit(*state, "Zhongyuan").id == "zhongyuan");
    choose_search_hit(*state, first_hit(*state, "中原区"));
    CHECK(state->session.selected_prefecture == "410100");
    CHECK(state->searched_county == "410102");
    UnitReport report = selected_report(*state);
    REQUIRE(report.unit != nullptr);
    CHECK(report.is_county);
    CHECK(report.unit->code == "410102");
    REQUIRE(report.regions.size() == 1);
    CHECK(report.regions[0].region->id == "zhongyuan");
    // The next pick reports what it picks: Zhengzhou itself from search.
    choose_search_hit(*state, first_hit(*state, "410100"));
    CHECK(state->searched_county.empty());
    CHECK(selected_report(*state).unit->code == "410100");
}

TEST_CASE("viewer: county outlines are read when the view first needs them, and kept across levels of detail",
          "[viewer][counties]") {
    auto state = started();
    REQUIRE(state->doc.county_display() != nullptr);  // tests/counties.sh gives the county layer
    // The national view never draws them: the start neither reads nor projects 2,880 units.
    CHECK(state->scene.counties.features() == 0);
    Generation scene = state->built.scene;
    // Zoomed in below the style's scale (Shanghai at 250 m a pixel): read, projected and uploaded.
    SceneXY shanghai;
    REQUIRE(scene_point(*state->projection, state->scene, {121.47, 31.23}, shanghai));
    state->camera.cx = shanghai.x, state->camera.cy = shanghai.y, state->camera.metres_per_pixel = 250;
    refresh_scene(*state);
    CHECK(state->scene.counties.features() == state->doc.county_display()->regions.size());
    CHECK(state->built.scene > scene);
    // Out again to another level of detail: the same outlines, not read again or dropped.
    const float* first = state->scene.counties.xy.data();
    state->camera.metres_per_pixel = 1000;
    refresh_scene(*state);
    REQUIRE(state->built.tolerance_m == 500);
    CHECK(state->scene.counties.features() == state->doc.county_display()->regions.size());
    CHECK(state->scene.counties.xy.data() == first);
}

TEST_CASE("viewer: the start reads no province or prefecture geometry, the first hover builds the picker", "[viewer]") {
    Document doc(bundled_sources());  // its own: the shared document has read the geometry already
    ViewerState state(doc);
    state.camera.width = 1400, state.camera.height = 900;
    refresh_scene(state);
    sync_figure(state);
    apply_layout(state, 1400, 900, 21, 28);
    auto with_geometry = [](const RegionLayer& layer) {
        return std::count_if(layer.regions.begin(), layer.regions.end(),
                             [](const Region& r) { return !r.geometry.empty(); });
    };
    // The first frame needs the simplified scene only: the units are there, their coordinates are not.
    REQUIRE(doc.prefecture_units().regions.size() > 300);
    CHECK(with_geometry(doc.prefecture_units()) == 0);
    CHECK(with_geometry(doc.province_units()) == 0);
    CHECK(state.picker == nullptr);
    CHECK(pick_at(state, std::nullopt).prefecture == nullptr);  // off the projection: nothing read
    CHECK(state.picker == nullptr);
    // The first pointer over Suzhou reads them and finds it, with its province and regions.
    Pick suzhou = pick_at(state, LonLat{120.62, 31.30});
    REQUIRE(suzhou.prefecture != nullptr);
    CHECK(suzhou.prefecture->code == "320500");
    CHECK(suzhou.province->code == "320000");
    CHECK(suzhou.regions.size() == 2);
    CHECK(with_geometry(doc.prefecture_units()) == static_cast<long>(doc.prefecture_units().regions.size()));
}

TEST_CASE("viewer: an automatic legend spares the user's points", "[viewer]") {
    // At 1920x1080 the bottom left (over Tibet) is clear of the regions; with the user's points in
    // Tibet it hid all of them, as a figure's legend hid the Urumqi dot.
    test::TempFolder tmp;
    std::ofstream(tmp.path("tibet.csv")) << "lon,lat\n91.13,29.65\n88.88,29.27\n85.1,30.6\n80.1,32.5\n94.36,29.65\n";
    auto state = started(1920, 1080);
    REQUIRE(legend_corner_shown(*state, 400, 410, 8, 8) == "bottom-left");
    state->session.choropleth = ChoroplethKind::UserData;
    state->session.data.path = tmp.path("tibet.csv");
    state->session.data.points_by = "prefecture";
    sync_figure(*state);
    REQUIRE(state->data != nullptr);
    std::string corner = legend_corner_shown(*state, 400, 410, 8, 8);
    CHECK(state->style.dots.size() == 5);
    const auto bottom = static_cast<float>(state->camera.height) - 8;
    bool spared = corner != "bottom-left" || state->auto_corner_hides;
    CHECK(spared);
    CHECK(hides_part(state->scene, state->camera, {8, bottom - 410}, {408, bottom}, state->style));
}

TEST_CASE("viewer: an automatic legend goes where it hides least, folded where every corner hides a region",
          "[viewer]") {
    // The legend window's size as drawn with the bundled font (about 400 x 340 pixels at 1400x900).
    auto state = started();
    REQUIRE(state->session.legend_corner == "auto");
    const float w = 400, h = 340;
    std::string corner = legend_corner_shown(*state, w, h, 8, 8);
    // Between the panels of a 1400x900 window every corner hides a region: the bottom left, the
    // fixed corner before, hid Kunming, Guiyang and Chengdu-Chongqing.
    CHECK(corner != "bottom-left");
    CHECK(state->auto_corner_hides);
    const auto bottom = static_cast<float>(state->camera.height) - 8;
    CHECK(hides_a_region(state->scene, state->camera, {8, bottom - h}, {8 + w, bottom}, state->style));
    // At 1920x1080 the bottom left is over Tibet and neighbouring countries: open there.
    auto wide = started(1920, 1080);
    CHECK(legend_corner_shown(*wide, 400, 410, 8, 8) == "bottom-left");
    CHECK_FALSE(wide->auto_corner_hides);
    // Once the user moves the map the legend stays in its corner; a corner the session names is kept.
    wide->camera.pan_pixels(-600, 0);
    CHECK(legend_corner_shown(*wide, 400, 410, 8, 8) == "bottom-left");
    wide->session.legend_corner = "top-right";
    CHECK(legend_corner_shown(*wide, 400, 410, 8, 8) == "top-right");
    // One industry: the faint regions (designated in general) are context, not what a legend must
    // spare; at 1400x900 the bottom left hides only the faint Kunming and the legend stayed folded.
    auto industry = started();
    industry->session.industries = {"biomedicine"};
    sync_figure(*industry);
    legend_corner_shown(*industry, 400, 300, 8, 8);
    CHECK_FALSE(industry->auto_corner_hides);
    const auto lower = static_cast<float>(industry->camera.height) - 8;
    CHECK_FALSE(hides_a_region(industry->scene, industry->camera, {8, lower - 300}, {408, lower}, industry->style));
}

TEST_CASE("The Export window's errors name its controls, not the command line's options", "[viewer]") {
    // Export to m.gpkg with GeoJSON chosen said "... but --format says GeoJSON": the dialog has no --format.
    ExportRequest r;
    r.output = "m.gpkg";
    r.driver = "GeoJSON";
    try {
        export_driver(r);
        FAIL("a name and a format that disagree were accepted");
    } catch (const AtlasError& e) {
        std::string shown = dialog_remedy(e.what());
        CHECK(shown == "m.gpkg: the name says GPKG but the format list says GeoJSON; make them agree");
    }
    CHECK(dialog_remedy("'a.png': exists (use --force to replace it)") ==
          "'a.png': exists (tick \"replace an existing file\" to replace it)");
}
