#pragma once
/// The coverage matrix heat grid (regions x industries), drawn through an ImGui draw list: the
/// viewer's matrix window and the headless matrix figure share it.

#include "scene/figure.hpp"
#include "scene/matrix_layout.hpp"

struct ImDrawList;
struct ImFont;

namespace atlas::render {

/// Colour of a cell: named for the region, designated in general, or not designated.
Rgba matrix_cell_colour(Coverage coverage);

/// The legend of the grid's colours.
Legend matrix_legend();

/// Draws the grid with its top-left corner at (x, y). The selected row and column (matrix indices;
/// negative for none) are outlined.
void draw_matrix(ImDrawList* list, ImFont* font, const MatrixLayout& layout, bool english, float x, float y,
                 long selected_row = -1, long selected_column = -1);

}  // namespace atlas::render
