#pragma once
/// The legend box of a figure, drawn through an ImGui draw list: the same code draws it over the
/// viewer's map and into headless figures.

#include "scene/figure.hpp"

struct ImDrawList;
struct ImFont;

namespace atlas::render {

/// Size of the legend box in pixels for a font, with notes wrapped at `max_width`. Entries that would
/// make the box taller than `max_height` are set in up to three columns (a 22-entry legend must not
/// cover half a map).
void legend_size(ImFont* font, const Legend& legend, float max_width, float& width, float& height,
                 float max_height = 1e9f);

/// Draws the legend with its bottom-right corner at (right, bottom), in draw-list coordinates.
void draw_legend(ImDrawList* list, ImFont* font, const Legend& legend, float right, float bottom, float max_width,
                 float max_height = 1e9f);

}  // namespace atlas::render
