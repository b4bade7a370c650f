#pragma once
/// The viewer's ImGui panels, one function each; they read and change ViewerState only. The sidebar
/// (search and the Layers, Industries, Compare and Data tabs) and the inspector are docked at the
/// window's sides (ViewerState::layout); the map has the rest, so no panel covers it.

#include <string>

#include "scene/screen_layout.hpp"
#include "text/i18n.hpp"

struct ImVec2;

namespace atlas::viewer {

struct ViewerState;

/// Height of the status bar, UI points.
inline constexpr float kStatusBarHeight = 28;

void draw_sidebar(ViewerState& state);          ///< search box above four tabs; folds to a strip
void draw_inspector_panel(ViewerState& state);  ///< everything the plan says about the selection; folds to a strip
void draw_hover_tooltip(const ViewerState& state);
void draw_status_bar(const ViewerState& state);  ///< lon/lat, scale bar, projection, last message
void draw_help_window(ViewerState& state);
void draw_compare_banner(ViewerState& state);  ///< on the map while comparing: what is compared, and the way out
void draw_matrix_window(ViewerState& state);   ///< regions x industries heat grid, docked under the map
void draw_export_dialog(ViewerState& state);   ///< export layers with export_layers; save the figure
void draw_menu_bar(ViewerState& state);        ///< File (sessions, export, figure, quit) and View menus
void draw_map_legend(ViewerState& state);      ///< the figure's legend, docked in a corner of the map

// The sidebar's parts (panel_*.cpp).
void search_box(ViewerState& state);                ///< find places, regions, industries; fly there
void layers_tab(ViewerState& state);                ///< layer and region visibility, projection, language
void industries_tab(ViewerState& state);            ///< industry tree with targets; highlights designated regions
void compare_tab(ViewerState& state);               ///< 2 to 4 regions side by side; the map shows them
void draw_choropleth_controls(ViewerState& state);  ///< colour by designations, province coverage or a CSV
void attribute_table(ViewerState& state);           ///< any layer's rows: sort, filter, click to select

/// A panel docked at a side of the window.
struct DockedPanel {
    const char* window;      ///< ImGui window name ("##sidebar")
    PixelRect rect;          ///< where the layout puts it, framebuffer pixels
    const char* name;        ///< for the state file's widgets: "<name>.fold", "<name>.open"
    const char* open_label;  ///< the folded strip's button
    const char* fold_label;  ///< the open panel's button
};

/// Begins a docked panel. Folded, it draws the strip (whose button unfolds it) and returns false.
/// Open, it begins the window on its rectangle with the fold button drawn and returns true (the caller
/// ends the window). Its width is set only when the layout changed it: a width the user dragged is
/// kept in `width_points` (UI points); `applied` remembers the width last set.
bool begin_docked(ViewerState& state, const DockedPanel& panel, bool& open, float& applied, float& width_points);

/// Places the next ImGui window exactly on `rect` (framebuffer pixels).
void place_next_window(const ViewerState& state, const PixelRect& rect);

/// A small file chooser under a path box: the folder being typed, its subfolders and its files with
/// `extension` (".csv"), sorted; a click on a folder goes into it, on a file puts its path in `typed`
/// and returns true. `current` is highlighted.
bool file_browser(const char* id, std::string& typed, const char* extension, const std::string& current);

/// Records the last item's centre under `name` for the state file (end-to-end tests click it).
void mark_widget(ViewerState& state, const std::string& name);

/// A number with thousands separators and a unit: "15,958 km²".
std::string format_km2(double value);

}  // namespace atlas::viewer
