#pragma once
/// The viewer's ImGui windows, one function each; they read and change ViewerState only.

namespace atlas::viewer {

struct ViewerState;

void draw_layers_panel(ViewerState& state);     ///< layer and region visibility, projection, language
void draw_inspector_panel(ViewerState& state);  ///< the selected region and prefecture, with the plan's words
void draw_hover_tooltip(const ViewerState& state);
void draw_status_bar(const ViewerState& state); ///< lon/lat, scale bar, projection, renderer
void draw_help_window(ViewerState& state);
void draw_search_panel(ViewerState& state);     ///< find places, regions, industries; fly there
void draw_industries_panel(ViewerState& state); ///< industry tree with targets; highlights designated regions
/// Applies state.industry to the region paint (when it changed).
void apply_industry_filter(ViewerState& state);

}  // namespace atlas::viewer
