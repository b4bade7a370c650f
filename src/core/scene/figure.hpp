#pragma once
/// What a session looks like on the map: the map style (region paint, industry filter, compare set,
/// choropleth fills) and the legend that explains it. The viewer and `render --session` both draw
/// exactly this, so a figure saved from one is reproduced by the other.

#include <array>
#include <string>
#include <vector>

#include "document.hpp"
#include "error.hpp"
#include "io/user_data.hpp"
#include "scene/camera.hpp"
#include "scene/scene.hpp"
#include "scene/session.hpp"
#include "scene/style.hpp"

namespace atlas {

struct LegendEntry {
    /// Hatched: "/" stripes (partial members); CrossHatched: both diagonals (overlaps); Casing: a wide
    /// translucent band (wider areas); Point: a hub's marker; Dot: the user's points as drawn
    /// (scene/point_paint.hpp's colours, larger).
    /// CasingDashed: a wider area whose extent is provisional (its band broken, as on the map).
    enum class Swatch { Fill, Outline, Dashed, Hatched, CrossHatched, Casing, CasingDashed, Point, Dot };
    Rgba colour;
    std::string label;
    Swatch swatch = Swatch::Fill;
    float dot_radius = 1.4f;  ///< Dot: the radius the map draws its dots at, figure pixels at scale 1
};

/// A legend: title, one entry per colour or symbol, and notes (sources, caveats) under them.
struct Legend {
    std::string title;
    std::vector<LegendEntry> entries;
    std::vector<std::string> notes;
};

/// The value behind each feature's colour in a choropleth, for hover and the inspector: what a
/// kepler.gl or ECharts user expects to read under the pointer.
struct FeatureValues {
    FeatureFills::Layer layer = FeatureFills::Layer::None;  ///< provinces or prefectures; None: no choropleth
    std::string measure;                   ///< what the values are, e.g. "share of area in designated regions"
    std::vector<std::string> text;         ///< one per feature of the layer, formatted; empty: no data
    std::vector<std::string> class_label;  ///< the legend entry each falls in; empty: no data
};

struct Figure {
    MapStyle style;
    Legend legend;
    FeatureValues values;
    /// What a figure says over the map (scene/furniture.hpp): what it shows and where it comes from;
    /// the credits are the sources (also in the legend's notes), the plan and the user's file.
    std::string title, subtitle;
    std::vector<std::string> credits;
    /// The user's points drawn as dots over the map (lon/lat WGS84; a sample: the legend says of how many).
    std::vector<LonLat> dots;
};

/// Throws AtlasError(Input) naming `origin` and the value when the session names a region,
/// prefecture or industry the document does not have, or compares fewer than 2 or more than 4;
/// with `projection`, also when its 'projection' cannot draw China (geo/projection.hpp), so that the
/// fault names the session file and key, not the command line's option.
void check_session(Document& doc, const Session& session, const std::string& origin, bool projection = true);

/// Points a session's choropleth keeps to draw as dots (data.points_by): enough to show every firm
/// of a city when zoomed in, few enough to draw every frame.
inline constexpr std::size_t kViewerDots = 200000;

/// The one line for a file a session names that cannot be used: "s.json: 'data.path' names
/// '/etc/passwd', which cannot be used (its content is not shown): no numeric column ... (and other
/// problems)". The first of `e`'s lines without its repeated path, the rest left out: a shared
/// session must not make the tool print what another file holds, nor a page of it.
AtlasError session_file_fault(const AtlasError& e, const std::string& session, const std::string& key,
                              const std::string& path, const std::string& use);

/// Loads the session's CSV when its choropleth is user data (null otherwise): a table, or points
/// counted per unit (data.points_by). Throws AtlasError.
std::unique_ptr<UserTable> load_session_data(Document& doc, const Session& session);

/// The style and legend of a session. `data` must be the session's table when its choropleth is
/// user data. Throws AtlasError(Usage) for an unknown column or classing method.
Figure compose_figure(Document& doc, const Session& session, const UserTable* data);

/// The level of detail (simplification tolerance, metres) the viewer and session renders use at a
/// scale: the pyramid's coarsest level under 0.6 pixel (store/detail_levels.hpp detail_tolerance).
double session_tolerance(double metres_per_pixel);

/// What a figure without a camera of its session's frames (scene metres: min x, min y, max x, max y):
/// the compared regions (drawn without a choropleth only), or the regions picked with the others
/// hidden (render --region, a choropleth's too), as the viewer flies to them; all of China
/// (Scene::extent) for every other figure, and for a session with a camera.
std::array<float, 4> figure_frame(const Session& session, const Scene& scene);

/// The session's camera over a scene in `width` x `height` pixels: its centre and scale, or where it
/// has none figure_frame's extent (or all of China where the projection cannot place the centre).
Camera session_camera(const Session& session, const Scene& scene, const Projection& projection, int width, int height);

/// Stores a camera's centre (as lon/lat) and scale in the session.
void store_camera(Session& session, const Camera& camera, const Scene& scene, const Projection& projection);

/// Province coverage classes: upper bounds in percent of area (0 is its own class: none covered).
const std::vector<double>& coverage_class_bounds();

}  // namespace atlas
