#pragma once
/// The coverage matrix heat grid (regions x industries), drawn through an ImGui draw list: the
/// viewer's matrix window and the headless matrix figure share it.

#include <cstddef>

#include "scene/figure.hpp"
#include "scene/matrix_layout.hpp"

struct ImDrawList;
struct ImFont;

namespace atlas::render {

/// Colour of a cell: named for the region, designated in general, or not designated.
Rgba matrix_cell_colour(Coverage coverage);

/// The legend of the grid's colours.
Legend matrix_legend();

/// Sizes the labels to the font (pixels): row labels as wide as the longest region name; cells wide
/// enough for `header_line_count` (1 or 2) lines of vertical header text (at least 22 px); headers as
/// tall as the longest industry name set in those lines (its parenthesis left to the tooltip).
/// Nothing is cut short.
void size_matrix_labels(MatrixLayout& layout, ImFont* font, bool english, int header_line_count);

/// The industry (matrix index) whose header is at a point relative to the grid's top-left corner
/// (pixels); false elsewhere.
bool matrix_header_at(const MatrixLayout& layout, float x, float y, std::size_t& column);

/// Draws the grid with its top-left corner at (x, y). The selected row and column (matrix indices;
/// negative for none) are outlined.
void draw_matrix(ImDrawList* list, ImFont* font, const MatrixLayout& layout, bool english, float x, float y,
                 long selected_row = -1, long selected_column = -1);

}  // namespace atlas::render
