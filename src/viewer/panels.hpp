#pragma once
/// The viewer's ImGui windows, one function each; they read and change ViewerState only.

namespace atlas::viewer {

struct ViewerState;

void draw_layers_panel(ViewerState& state);     ///< layer and region visibility, projection, language
void draw_inspector_panel(ViewerState& state);  ///< the selected region and prefecture, with the plan's words
void draw_hover_tooltip(const ViewerState& state);
void draw_status_bar(const ViewerState& state);  ///< lon/lat, scale bar, projection, renderer
void draw_help_window(ViewerState& state);
void draw_search_panel(ViewerState& state);         ///< find places, regions, industries; fly there
void draw_industries_panel(ViewerState& state);     ///< industry tree with targets; highlights designated regions
void draw_choropleth_controls(ViewerState& state);  ///< colour by designations, province coverage or a CSV
void draw_compare_panel(ViewerState& state);        ///< 2 to 4 regions side by side; the map shows them
void draw_matrix_window(ViewerState& state);        ///< regions x industries heat grid linked to the map
void draw_export_dialog(ViewerState& state);        ///< export layers with export_layers; save the figure
void draw_menu_bar(ViewerState& state);             ///< File (sessions, export, figure) and View menus
void draw_map_legend(ViewerState& state);           ///< the figure's legend in a window, bottom right

}  // namespace atlas::viewer
