#pragma once
/// The coverage matrix as a heat grid: which rows (regions) and columns (industries) in which order,
/// and the cell sizes. Shared by the viewer's matrix window and the headless matrix figure, so that
/// a click in one maps to the same cell the other draws.

#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "model/plan.hpp"

namespace atlas {

struct MatrixLayout {
    CoverageMatrix matrix;             ///< plan order
    std::vector<std::size_t> rows;     ///< display order: indices into matrix.regions
    std::vector<std::size_t> columns;  ///< display order: indices into matrix.industries
    std::vector<int> row_explicit;     ///< per matrix row: industries named for the region
    std::vector<int> column_regions;   ///< per matrix column: regions named for the industry
    float row_label_px = 290, header_px = 230, cell_px = 22, total_px = 34;
    /// Per matrix column: its header's lines as set by the drawing code once it knew the font (empty:
    /// not yet laid out; the drawing code then sets them itself).
    std::vector<std::vector<std::string>> header_text;

    /// Width and height of the whole grid with labels and totals, in pixels.
    float width() const;
    float height() const;
    /// The cell at a point relative to the grid's top-left corner: false outside the cells.
    bool cell_at(float x, float y, std::size_t& row, std::size_t& column) const;
};

/// Lays out the matrix of every region and industry. `sort`: "plan" (plan order), "name" (English
/// name), "industries" (most industries named first); columns stay in plan order, sectors first.
/// Throws AtlasError(Usage) for another sort.
MatrixLayout matrix_layout(const Plan& plan, const std::string& sort);

}  // namespace atlas
