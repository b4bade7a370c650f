#pragma once
/// A session: everything needed to reproduce a view of the map (camera, projection, layers, region
/// paint, selection, industry filter, compare set, choropleth, language, open windows), saved as
/// JSON by the viewer and read by `view --session` and `render --session`, so that a figure can be
/// regenerated headless.

#include <map>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/projection.hpp"
#include "scene/screen_layout.hpp"

namespace atlas {

/// What the provinces or prefectures are filled by, beside the regions' designations.
enum class ChoroplethKind {
    None,
    ProvinceCoverage,  ///< share of each province's area inside designated regions
    UserData,          ///< a numeric column of the user's CSV, classed
};

const char* to_string(ChoroplethKind kind);
/// "none", "province-coverage", "data"; AtlasError(Usage) naming the value otherwise.
ChoroplethKind parse_choropleth_kind(const std::string& name);

/// The user's CSV and how one of its columns is classed.
struct DataLayerSettings {
    std::string path;                 ///< absolute, or relative to the session file when read from one
    std::string key_column;           ///< empty: detected
    std::string column;               ///< empty: the first numeric column
    std::string method = "quantile";  ///< quantile, equal, natural
    int classes = 5;
    std::string separator;  ///< ",", ";" or "tab"; empty: detected from the header
    /// Empty: `path` is a table keyed by unit. "province", "prefecture" or "county": `path` holds points
    /// (analysis/point_count.hpp), counted per unit of that level for the choropleth and drawn as dots.
    std::string points_by;
    std::string points_datum = "wgs84";  ///< of those points: wgs84, gcj02 or bd09
    /// Of those points: a numeric column summed and averaged per unit (the table's sum_ and mean_
    /// columns; `column` defaults to its sum); empty: counted only.
    std::string points_value;
    bool points_value_typed = false;  ///< given as render --points-value, not by the session: messages name the option
    /// The session file that named `path` (empty when the user chose it: command line or viewer).
    /// Such a file is read with its content kept out of every message (load_session_data).
    std::string named_by;
};

struct RegionSetting {
    bool visible = true;
    float opacity = -1;  ///< fill opacity 0..1; negative: the default
};

/// Map furniture of figures (`render`, the viewer's Save figure). Empty texts: the figure's own
/// (the industry, the compare set or the data column; the sources and the user's file).
struct FurnitureSettings {
    std::string title, subtitle, credit;
    bool show_title = true, show_subtitle = true, show_credit = true, show_scale_bar = true, show_north_arrow = true;
    /// A vector source for an inset (io/inset_layer.hpp: the South China Sea islands and line, which
    /// the bundled data lacks); empty: no inset. Relative in a session file: beside the file.
    std::string inset;
    /// The session file that named the inset (its errors name the file and key, never the
    /// inset's content); empty when the user chose it (`--inset`).
    std::string inset_named_by;
};

/// Which figure a headless render of the session draws.
enum class FigureKind { Map, Matrix };

struct Session {
    int width = 1400, height = 900;  ///< viewport in pixels
    bool size_given = false;         ///< read from a file that has "size" (render's --size default otherwise)
    /// The viewer's window the session was saved from, screen pixels ("window"); 0: none, the viewer
    /// opens at "size". "size" is the map's, which `render --session` draws.
    int window_width = 0, window_height = 0;
    std::string projection = kDefaultProjection;
    bool english = true;
    bool has_camera = false;  ///< false: all of China
    LonLat centre;            ///< lon/lat at the centre of the viewport
    double metres_per_pixel = 0;
    bool show_provinces = true, show_prefectures = true, show_regions = true, show_hubs = true, show_labels = true,
         show_legend = true;
    /// County borders (with a county layer, when zoomed in), and the plan's places (off by default).
    bool show_counties = true, show_pilot_zones = false, show_new_districts = false;
    std::map<std::string, RegionSetting> regions;  ///< by region id; absent ids have the defaults
    std::string selected_region;                   ///< region id, or empty
    std::string selected_prefecture;               ///< prefecture code, or empty
    std::vector<std::string> industries;           ///< one: highlight its regions; several: count choropleth
    std::vector<std::string> compare;              ///< 2 to 4 region ids, or empty
    ChoroplethKind choropleth = ChoroplethKind::None;
    DataLayerSettings data;
    FigureKind figure = FigureKind::Map;
    std::string matrix_sort = "plan";  ///< plan, name, industries (rows by count of industries)
    bool show_compare_window = false, show_matrix_window = false, split_view = false;
    PanelLayout panels;  ///< the viewer's docked panels (widths in UI points)
    /// auto, top-left, top-right, bottom-left or bottom-right. "auto" (the default) puts the legend in
    /// the corner where it hides least of the regions the viewer framed, as a figure's legend: a fixed
    /// bottom left hid Kunming, Guiyang and Chengdu-Chongqing at the national view of a 1400x900 window.
    std::string legend_corner = "auto";
    std::string sidebar_tab = "layers";  ///< layers, industries, compare, data
    FurnitureSettings furniture;
};

/// The legend corners and sidebar tabs a session may name ("auto" as well as the corners).
inline const char* const kLegendCorners[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
inline const char* const kSidebarTabs[] = {"layers", "industries", "compare", "data"};

/// A layer a session shows or hides: its name in session files and `render --layers`, and its switch.
struct LayerSwitch {
    const char* name;
    bool Session::*shown;
};

/// The map layers: provinces, prefectures, regions, hubs, labels, counties, pilot_zones, new_districts
/// (the last two off unless asked for). (The legend is
/// a switch of sessions too, but not a map layer.)
const std::vector<LayerSwitch>& map_layers();

/// Shows exactly the named map layers and hides the others (`render --layers provinces,labels`).
/// Throws AtlasError(Usage) naming an unknown layer and listing the known ones.
void show_only_layers(Session& session, const std::vector<std::string>& names);

/// Reads a session file: a regular file of at most 4 MB (io/input_file.hpp), JSON nested at most
/// 16 levels. Relative data paths are resolved against the file's folder, and marked as named by
/// the session (DataLayerSettings::named_by); a data path or inset that is no file on this machine
/// (a GDAL virtual file such as /vsicurl/, a URL, a connection string) is refused. Unknown keys are ignored with a
/// warning naming the nearest known key, added to `warnings` when given. A wrong type or value throws AtlasError(Input)
/// naming the file and the key, describing the value without dumping it ("an array of 5,600,000
/// items"); numbers are range-checked before they are narrowed.
Session read_session(const std::string& path, std::vector<std::string>* warnings = nullptr);

/// The session as JSON text (what write_session writes); data paths as given.
std::string session_json(const Session& session);
/// Parses session JSON; `origin` names the source in errors and anchors relative data paths.
Session parse_session(const std::string& text, const std::string& origin, std::vector<std::string>* warnings = nullptr);

/// Writes atomically (temporary file, then rename); refuses an existing file unless `force`. A data
/// path or inset in the session file's folder or below it is written relative to that folder.
void write_session(const std::string& path, const Session& session, bool force);

}  // namespace atlas
