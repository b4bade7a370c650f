#pragma once
/// The legend box of a figure, laid out and drawn through a Painter: the same code draws it over the
/// viewer's map, into PNG figures and into SVG and PDF.

#include "scene/figure.hpp"
#include "scene/painter.hpp"

namespace atlas {

/// Size of the legend box in device pixels, with the title and notes wrapped at `max_width`. Entries
/// that would make the box taller than `max_height` are set in up to three columns (a 22-entry legend
/// must not cover half a map).
std::pair<float, float> legend_box_size(const Painter& painter, const Legend& legend, float max_width,
                                        float max_height = 1e9f);

/// Draws the legend with its top left corner at `top_left` (device pixels).
void paint_legend(Painter& painter, const Legend& legend, PaintPoint top_left, float max_width,
                  float max_height = 1e9f);

}  // namespace atlas
