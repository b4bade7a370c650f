#include "scene/matrix_layout.hpp"

#include <algorithm>
#include <numeric>

#include "error.hpp"

namespace atlas {

float MatrixLayout::width() const { return row_label_px + cell_px * static_cast<float>(columns.size()) + total_px; }

float MatrixLayout::height() const { return header_px + cell_px * static_cast<float>(rows.size()) + total_px; }

bool MatrixLayout::cell_at(float x, float y, std::size_t& row, std::size_t& column) const {
    float cx = x - row_label_px, cy = y - header_px;
    if (cx < 0 || cy < 0) return false;
    auto c = static_cast<std::size_t>(cx / cell_px), r = static_cast<std::size_t>(cy / cell_px);
    if (c >= columns.size() || r >= rows.size()) return false;
    row = rows[r], column = columns[c];
    return true;
}

namespace {
void add_subtree(MatrixLayout& m, std::size_t column) {
    m.columns.push_back(column);
    for (std::size_t d = 0; d < m.matrix.industries.size(); ++d)
        if (m.matrix.industries[d]->parent == m.matrix.industries[column]->id) add_subtree(m, d);
}
}  // namespace

MatrixLayout matrix_layout(const Plan& plan, const std::string& sort) {
    if (sort != "plan" && sort != "name" && sort != "industries")
        throw AtlasError(ErrorKind::Usage, "unknown matrix sort '" + sort + "' (use plan, name or industries)");
    MatrixLayout m;
    m.matrix = coverage_matrix(plan);
    std::size_t nr = m.matrix.regions.size(), nc = m.matrix.industries.size();
    m.row_explicit.assign(nr, 0);
    m.column_regions.assign(nc, 0);
    for (std::size_t r = 0; r < nr; ++r)
        for (std::size_t c = 0; c < nc; ++c)
            if (m.matrix.cells[r][c] == Coverage::Explicit) ++m.row_explicit[r], ++m.column_regions[c];
    m.rows.resize(nr);
    std::iota(m.rows.begin(), m.rows.end(), 0);
    if (sort == "name")
        std::stable_sort(m.rows.begin(), m.rows.end(), [&](std::size_t a, std::size_t b) {
            return m.matrix.regions[a]->name_en < m.matrix.regions[b]->name_en;
        });
    if (sort == "industries")
        std::stable_sort(m.rows.begin(), m.rows.end(), [&](std::size_t a, std::size_t b) {
            if (m.row_explicit[a] != m.row_explicit[b]) return m.row_explicit[a] > m.row_explicit[b];
            // Among equals, general designations before context areas: they are designated at all.
            auto rank = [&](std::size_t r) { return static_cast<int>(m.matrix.regions[r]->designation.type); };
            return rank(a) < rank(b);
        });
    // Columns in tree order: each sector followed by its subsectors, so that a sector's block reads together.
    for (std::size_t c = 0; c < nc; ++c)
        if (m.matrix.industries[c]->parent.empty()) add_subtree(m, c);
    return m;
}

}  // namespace atlas
