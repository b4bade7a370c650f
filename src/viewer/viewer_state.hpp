#pragma once
/// Everything the viewer's panels and input handlers share: the view state (session and camera, with
/// their generation counters: scene/view_state.hpp), what is derived from it (the scene at the current
/// level of detail, the style and legend) with the generations it was built from, and the panels' own
/// state. Panels read and change this struct only; they never touch GDAL or GL directly.

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/picker.hpp"
#include "analysis/search.hpp"
#include "analysis/unit_report.hpp"
#include "document.hpp"
#include "geo/projection.hpp"
#include "scene/camera.hpp"
#include "scene/figure.hpp"
#include "scene/label_source.hpp"
#include "scene/matrix_layout.hpp"
#include "scene/point_paint.hpp"
#include "scene/scene.hpp"
#include "scene/screen_layout.hpp"
#include "scene/session.hpp"
#include "scene/style.hpp"
#include "scene/view_state.hpp"

namespace atlas::viewer {

struct ViewerOptions {
    int width = 1400, height = 900;               ///< window size in screen coordinates
    std::string projection = kDefaultProjection;  ///< the session's, as given on the command line
    std::string screenshot;                       ///< save frame 3 (or the last of `frames`) here, quit
    bool force = false;                           ///< replace an existing `screenshot`
    std::string state_file;                       ///< write the camera and selection here as JSON on every change
    int frames = 0;                               ///< quit after this many frames (0: run until closed)
    std::string frame_log;                        ///< write each frame's duration in ms here (benchmarks)
    bool redraw_every_frame = false;              ///< bypass the map cache (benchmarks of the renderer itself)
    double bench_pan_px = 0;                      ///< pan this many pixels every frame (benchmarks of panning)
    /// Zoom by this factor (> 1) every frame about the window's centre, out to the national view and
    /// back in to 250 m/px, and again (benchmarks of continuous zooming); 0: off.
    double bench_zoom = 0;
    unsigned soak_seed = 0;  ///< random use every frame from this seed (0: off; soak runs)
    std::string soak_log;    ///< "frame resident_kB" every 100 frames (soak runs)
    bool english = true;
    Session session;           ///< what to show first (camera, layers, filters, choropleth)
    std::string session_path;  ///< where Ctrl+S saves the session (empty: clusteratlas-session.json)
};

struct ViewerState {
    explicit ViewerState(Document& d) : doc(d) {}

    Document& doc;
    ViewerOptions options;
    ViewState view;                   ///< what the user chose; everything below marked derived follows it
    Session& session = view.session;  ///< what the map shows; panels change this, sync_figure applies it
    Camera& camera = view.camera;

    /// The generations of `view` that the derived state was built from, and the derived state's own.
    struct Built {
        Generation projection = 0;  ///< view.projection_generation of `scene`
        double tolerance_m = -1;    ///< level of detail of `scene`
        Generation scene = 0;       ///< raised at every rebuild of `scene` (the GPU's copy follows it)
        /// Raised when a rebuild changes what the map shows: not when only the level of detail changed
        /// while zooming (the cached image is still the same map, and the camera's move redraws it).
        Generation scene_shown = 0;
        Generation figure = 0, selection = 0;     ///< view generations `style` reflects
        Generation style = 0;                     ///< raised at every change of `style`
        Generation map_scene = 0, map_style = 0;  ///< scene_shown and style of the cached map image
    } built;

    std::string projection_name;  ///< the projection of `scene` (derived)
    std::unique_ptr<Projection> projection;
    Scene scene;  ///< derived: view.session.projection at the camera's level of detail
    std::unique_ptr<LabelSource> labels;
    std::unique_ptr<Picker> picker;  ///< built by pick_at on first use
    MapStyle style;                  ///< the session's figure style (derived)
    Legend legend;                   ///< the session's legend (derived)
    /// The figure's own title, subtitle and credits (derived): what Save figure writes over the map.
    std::string figure_title, figure_subtitle;
    std::vector<std::string> figure_credits;
    FeatureValues values;                  ///< the value behind each choropleth colour (derived)
    std::string typed_data_path;           ///< the CSV path box of the colouring controls
    std::string typed_points_path;         ///< the points path box of the colouring controls
    std::string points_by = "prefecture";  ///< the level points are counted per when loaded
    MapStyle split_left, split_right;      ///< styles of the split view's halves (the first two compared regions)
    std::unique_ptr<UserTable> data;       ///< the session's CSV when its choropleth is user data
    DensityGrid density;                   ///< of data's points, when it was counted from points (national view)
    std::string loaded_data;               ///< path and key column of `data` (loaded or failed)
    std::string data_error;                ///< why the session's CSV could not be used (one line per problem)

    Pick hover;                     ///< under the pointer
    std::optional<LonLat> pointer;  ///< lon/lat under the pointer
    bool show_help = false;
    std::string search_query;
    bool focus_search = false;    ///< put the keyboard in the search box next frame (key /)
    std::vector<int> frame_keys;  ///< GLFW keys pressed since the last frame (from events)
    int search_cursor = 0;
    MatrixLayout matrix;  ///< the matrix window's layout, for `matrix_sort_applied`
    std::string matrix_sort_applied;
    bool camera_from_session = true;  ///< place the camera from the session after the next scene refresh
    std::string export_result;        ///< last result of the export dialog (path, features, size) or error
    bool show_export = false;
    bool figure_requested = false;  ///< save a figure (map with legend) at the end of this frame
    /// From the Export window: replace figure_path when it exists (its tick box). Unset (F12, the
    /// menu): a free name beside it (clusteratlas-figure-2.png), never an existing file replaced.
    std::optional<bool> figure_replace;
    bool save_session_requested = false;  ///< Ctrl+S pressed: save the session this frame
    std::string figure_path = "clusteratlas-figure.png";
    std::string written_state;  ///< last JSON written to the state file
    std::string message;        ///< last status message (screenshot written, errors)

    ScreenLayout layout;                      ///< this frame's docked panels and map, framebuffer pixels
    int window_width = 0, window_height = 0;  ///< this frame's window, framebuffer pixels (apply_layout)
    /// The legend window as last drawn: x, y, width, height in framebuffer pixels from the map's top
    /// left; none when it is hidden. What fit and fly-to keep the framed regions clear of.
    std::optional<std::array<float, 4>> legend_rect;
    float ui_scale = 1;  ///< framebuffer pixels per UI point (the monitor's content scale)
    /// Centres of named widgets in window coordinates (UI points) as last drawn: written to the state
    /// file so that end-to-end tests click what a user sees instead of guessing coordinates.
    std::map<std::string, std::array<float, 2>> widgets;
    std::string tab_request;      ///< select this sidebar tab next frame (a key or a link chose it)
    float sidebar_applied = 0;    ///< sidebar width (points) last set on its window; another width: the user dragged it
    float inspector_applied = 0;  ///< the same for the inspector
    bool quit_requested = false;  ///< Ctrl+Q or File > Quit
    bool keyboard_nav = false;    ///< ImGui's keyboard navigation is in a panel, its focus ring shown
    bool typing = false;          ///< a text box has the keyboard (what is typed goes there, not to shortcuts)
    /// A frame has been presented. The pointer's hover waits for it: building the picker (pick_at)
    /// would otherwise delay the first frame whenever the window opens under the pointer.
    bool presented = false;
    std::string nav_focus;  ///< the named widget (see `widgets`) the focus ring is on this frame
    /// F6 moves the keyboard between the panes, as in most desktop programs: the sidebar, the
    /// inspector, then the map (arrows pan it). The pane it goes to next frame ("sidebar",
    /// "inspector"), and the one it is in (also "map").
    std::string keyboard_to, keyboard_in = "map";
    float banner_bottom = 0;     ///< bottom of the compare banner this frame (ImGui coordinates; 0: none)
    bool frame_subject = false;  ///< a session was opened: frame its subject once its scene is built
    /// The extent (scene metres) the camera was last fitted to, and the camera that fit gave: while the
    /// camera stays there, a change of the map's rectangle (a panel opening) fits it again.
    std::optional<std::array<float, 4>> fitted_box;
    Camera fitted_camera;
    /// The figure size (pixels) of a session opened without a camera (render --save-session): while
    /// the map shows what the program framed, a save keeps that size and no camera, so that render
    /// --session draws the same figure (saved unchanged, it took the window's map size and camera:
    /// a 1600x1200 figure became 900x1151, helper-53). Unset without such a session.
    std::optional<std::array<int, 2>> figure_session_size;
    /// The inspector was folded by the program at the start (a small window), not by the user, and
    /// not opened since: current_session keeps it open, as the session had it.
    bool inspector_folded_for_room = false;
    /// The county-level unit chosen in search, reported by the inspector while its prefecture-level
    /// unit is the selection (selected_report); cleared by the next pick. Not kept in sessions.
    std::string searched_county;
    std::optional<std::array<float, 4>> fitted_legend;  ///< legend_rect when it was fitted
    std::string layout_selection = "-";                 ///< the selection the inspector was last opened or folded for
    /// The corner an "auto" legend is in (empty: not chosen yet), and the camera, legend size and style
    /// it was last considered for.
    std::string auto_corner;
    std::array<double, 8> auto_corner_key{};
    /// A sample of data's points in the scene's metres, for the legend's corner to spare (MapStyle::dots),
    /// and the scene generation and data they were projected for.
    std::vector<SceneXY> corner_dots;
    Generation corner_dots_scene = 0;
    std::string corner_dots_data;
    bool auto_corner_hides = false;    ///< the legend open in auto_corner hides some of a filled region or a hub
    bool legend_fold_decided = false;  ///< whether the legend starts folded has been decided
    bool legend_open = false;          ///< the legend window is shown and not folded (this frame)
    bool legend_folded = false;        ///< the legend window was folded to its title bar last frame
};

/// True when the map is split in two (the split view is on and two regions are compared).
bool split_active(const ViewerState& state);

/// After the legend is drawn: while the camera still shows what fit or fly-to framed, a legend that
/// appeared or moved since (the first frame has none yet) frames it again clear of the legend. A
/// compare opened from the command line framed the Pearl River Delta under the legend.
void refit_for_legend(ViewerState& state);

/// The corner (kLegendCorners) the legend window goes in: the session's, or for "auto" the corner
/// where a legend of `width` x `height` framebuffer pixels, `margin` from the map's edges and at
/// least `top` from the map's top (under a banner), hides least of the map (scene/furniture.hpp
/// covered_share: filled regions and hub cities weigh most), as a figure's legend. Chosen afresh
/// only while the map shows what the viewer framed (the national view, a fit or fly-to) or the
/// legend is new; once the user moves the map the legend stays in its corner, and another corner
/// must hide a quarter less to take it. Sets auto_corner_hides.
std::string legend_corner_shown(ViewerState& state, float width, float height, float margin, float top);

/// True when the camera shows the national view of its map rectangle (start, Home).
bool shows_national_view(const ViewerState& state);

/// True while the camera shows what the program framed: the national view, or the extent it last
/// fitted (a search, a comparison, a session's subject); false once the user pans or zooms.
bool framed_by_program(const ViewerState& state);

/// Remembers a session's figure size where it has no camera (figure_session_size); call with the
/// session as read, before its size is replaced by the window's map.
void remember_figure_size(ViewerState& state, const Session& session);

/// How far out the viewer zooms: this many times the national view's metres per pixel.
constexpr double kFarthestOfNational = 4.0;

/// Zooms by `factor` about a screen pixel, keeping the place under it fixed (in either half of a
/// split view, whose two maps share the camera's centre and scale); out no further than
/// kFarthestOfNational times the national view.
void zoom_at(ViewerState& state, ScreenXY pixel, double factor);

/// Screen pixel (framebuffer) to lon/lat (in either half of a split view); empty where the projection has no inverse.
std::optional<LonLat> lonlat_at(const ViewerState& state, ScreenXY pixel);

/// The selected region (null for none), from the session.
const PlanRegion* selected_region(ViewerState& state);
/// Its index in the plan, or -1.
int selected_region_index(ViewerState& state);
/// The selected unit, prefecture-level or a province (null for none), from the session.
const Region* selected_unit(ViewerState& state);

/// Notes what changed in the view state, then recomposes the style and legend when the figure's
/// generation moved (loading its CSV if needed; a CSV that cannot be used turns the choropleth off
/// and says why in `message`) and applies a new selection to the style.
void sync_figure(ViewerState& state);

/// The session with the current camera stored in it (what Ctrl+S saves).
Session current_session(const ViewerState& state);

/// Fits the camera to polygons (lon/lat) in the current projection, with a margin.
void fly_to(ViewerState& state, const std::vector<const MultiPolygon*>& geometries);

/// Rebuilds scene and labels when the projection's generation or the level of detail the
/// camera needs differs from what the scene was built for, or the camera is to come from the session.
void refresh_scene(ViewerState& state);

/// What lies under a point (lon/lat degrees): nothing when `ll` is empty (off the projection). The
/// picker is built on the first call (reading the provinces' and prefectures' full geometry and the
/// regions' unions: a few hundred ms once), so the first frame does without it. Throws AtlasError.
Pick pick_at(ViewerState& state, const std::optional<LonLat>& ll);

/// Selects what lies under the pointer: the smallest filled region there, and the prefecture.
void select_at(ViewerState& state, ScreenXY pixel);

/// Divides the window (framebuffer pixels) between panels and map for this frame and sizes the camera
/// to the map's rectangle; a camera showing all of China before a resize shows all of China after it.
void apply_layout(ViewerState& state, int width, int height, int top, int bottom);

/// Selects a province or prefecture-level unit, and the smallest visible designated region containing
/// it (the same rule as a click), and frames the unit in the map's rectangle when `fly` is set.
void select_unit(ViewerState& state, const Region& unit, bool fly);

/// Acts on a search result: selects and frames a unit or region; chooses an industry and frames the
/// regions the plan designates for it (all of China when it names none).
void choose_search_hit(ViewerState& state, const SearchHit& hit);

/// The inspector's report on the selected unit; empty (unit null) when none is selected.
UnitReport selected_report(ViewerState& state);

/// F6: the keyboard to the next pane (sidebar, inspector, map), skipping folded panels.
void next_keyboard_pane(ViewerState& state);

/// Esc: closes the topmost thing (help, export, matrix, search text, compare mode) or else clears
/// the selection. Returns false when there was nothing to close (Esc never quits the viewer).
bool escape(ViewerState& state);

/// A session without a camera opens on what it is about: the compared regions, else the selected unit,
/// else the selected region (all of China when none).
void frame_session_subject(ViewerState& state);

/// Leaves compare mode: no compared regions, no split view, the compare tab closed.
void leave_compare(ViewerState& state);

/// The choropleth's value and class for a unit (a prefecture's province when the values are by
/// province); both empty when there is no choropleth or no value there.
struct UnitValue {
    std::string measure, value, class_label;
};
UnitValue value_of(const ViewerState& state, const Region& unit);

/// Writes the camera and selection as JSON to options.state_file (when set and changed), atomically.
void write_state_file(ViewerState& state);

/// An error's text with the Export window's words in place of the command line's options: "(tick
/// \"replace an existing file\" to replace it)" for "(use --force to replace it)", "the format list"
/// for "--format" (the dialog has no options to give).
std::string dialog_remedy(std::string why);

}  // namespace atlas::viewer
