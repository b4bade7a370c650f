#pragma once
/// Everything the viewer's panels and input handlers share: the document, the scene at the current
/// level of detail, the camera, the style, the selection. Panels read and change this struct only;
/// they never touch GDAL or GL directly.

#include <memory>
#include <optional>
#include <vector>
#include <string>

#include "analysis/picker.hpp"
#include "document.hpp"
#include "geo/projection.hpp"
#include "scene/camera.hpp"
#include "scene/label_source.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas::viewer {

struct ViewerOptions {
    int width = 1400, height = 900;   ///< window size in screen coordinates
    std::string projection = kDefaultProjection;
    std::string screenshot;           ///< save the first complete frame here, then quit
    std::string state_file;           ///< write the camera and selection here as JSON on every change
    int frames = 0;                   ///< quit after this many frames (0: run until closed)
    std::string frame_log;            ///< write each frame's duration in ms here (benchmarks)
    bool redraw_every_frame = false;  ///< bypass the map cache (benchmarks of the renderer itself)
    double bench_pan_px = 0;          ///< pan this many pixels every frame (benchmarks of panning)
    bool has_view = false;            ///< start at `view` instead of all of China
    LonLat view_centre;
    double view_metres_per_pixel = 0;
    bool english = true;
    std::string industry;             ///< start with this industry highlighted
};

struct ViewerState {
    explicit ViewerState(Document& d) : doc(d) {}

    Document& doc;
    ViewerOptions options;
    std::string projection_name;
    std::unique_ptr<Projection> projection;
    Scene scene;
    double scene_tolerance_m = 0;      ///< level of detail of `scene`
    std::unique_ptr<LabelSource> labels;
    std::unique_ptr<Picker> picker;
    Camera camera;
    MapStyle style;
    bool scene_dirty = true;           ///< rebuild (projection or level of detail changed)
    bool map_dirty = true;             ///< the cached map must be redrawn (style, selection, scene)

    Pick hover;                         ///< under the pointer
    std::optional<LonLat> pointer;      ///< lon/lat under the pointer
    int selected_region = -1;           ///< index into plan regions
    const Region* selected_unit = nullptr;
    bool show_help = false;
    std::string search_query;
    bool focus_search = false;          ///< put the keyboard in the search box next frame (key /)
    std::vector<int> frame_keys;        ///< GLFW keys pressed since the last frame (from events)
    int search_cursor = 0;
    std::string industry;               ///< industry id chosen in the industries panel ("" = none)
    std::string applied_industry;       ///< the one the region paint reflects
    std::string written_state;          ///< last JSON written to the state file
    std::string message;                ///< last status message (screenshot written, errors)
};

/// Screen pixel (framebuffer) to lon/lat; empty where the projection has no inverse.
std::optional<LonLat> lonlat_at(const ViewerState& state, double sx, double sy);

/// The level of detail the camera needs: 0 m (full) when zoomed in, coarser nationally.
double wanted_tolerance(const Camera& camera);

/// Rebuilds scene, labels and picker when the projection or level of detail changed.
void refresh_scene(ViewerState& state);

/// Selects what lies under the pointer: the smallest filled region there, and the prefecture.
void select_at(ViewerState& state, double sx, double sy);

/// Writes the camera and selection as JSON to options.state_file (when set and changed), atomically.
void write_state_file(ViewerState& state);

}  // namespace atlas::viewer
