#include "matrix_draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace atlas::render {

namespace {

ImU32 u32(const Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

/// Text reading upwards (rotated a quarter turn anticlockwise) with its baseline start at (x, y).
void add_vertical_text(ImDrawList* list, ImFont* font, float size, float x, float y, ImU32 colour,
                       const std::string& text) {
    int first = list->VtxBuffer.Size;
    // No clipping of the glyphs as laid out (across the window, beyond its right edge); the turned
    // text is still clipped by the window when drawn.
    const ImVec4 everywhere(-1e9f, -1e9f, 1e9f, 1e9f);
    list->AddText(font, size, ImVec2(x, y), colour, text.c_str(), nullptr, 0, &everywhere);
    // ImGui draws no rotated text: turn the new vertices about (x, y) instead.
    for (int i = first; i < list->VtxBuffer.Size; ++i) {
        ImVec2& p = list->VtxBuffer[i].pos;
        float dx = p.x - x, dy = p.y - y;
        p = ImVec2(x + dy, y - dx);
    }
}

std::string fit(ImFont* font, float size, std::string text, float width) {
    if (font->CalcTextSizeA(size, 1e9f, 0, text.c_str()).x <= width) return text;
    while (!text.empty() && font->CalcTextSizeA(size, 1e9f, 0, (text + "...").c_str()).x > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
            text.pop_back();  // whole UTF-8 characters
    }
    return text + "...";
}

float text_width(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, 1e9f, 0, text.c_str()).x;
}

float header_size(ImFont* font) { return font->FontSize * 0.9f; }

/// A column's name without a closing parenthesis ("Green low-carbon industries (new energy vehicles,
/// ...)"): the full name is in the header's and the cells' tooltips. A parenthesis inside the name
/// ("Automotive (power) batteries") stays: cutting there would change what it names.
std::string head_name(const Industry& industry, bool english) {
    std::string full = english ? industry.name_en : industry.name_zh;
    const std::string open = english ? " (" : "\xEF\xBC\x88", close = english ? ")" : "\xEF\xBC\x89";  // （ ）
    std::size_t cut = full.rfind(open);
    bool closing = cut != std::string::npos && full.size() >= close.size() &&
                   full.compare(full.size() - close.size(), close.size(), close) == 0;
    return closing ? full.substr(0, cut) : full;
}

/// The head name in one line or, where two fit a cell, two, split at the space that makes the longer
/// line shortest.
std::vector<std::string> header_lines(ImFont* font, float size, const std::string& name, float cell_px) {
    std::vector<std::string> best{name};
    float best_width = text_width(font, size, name);
    if (2 * size + 2 > cell_px) return best;
    for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at + 1)) {
        std::string a = name.substr(0, at), b = name.substr(at + 1);
        float w = std::max(text_width(font, size, a), text_width(font, size, b));
        if (w < best_width) best = {a, b}, best_width = w;
    }
    return best;
}

/// Whether [a, b] (pixels) meets what the draw list shows along x (axis 0) or y (axis 1): the matrix
/// window scrolls, and what it cannot show is not drawn (a fifth of the grid is in view at 1400 px).
bool in_clip(const ImDrawList* list, int axis, float a, float b) {
    ImVec2 lo = list->GetClipRectMin(), hi = list->GetClipRectMax();
    return axis == 0 ? b >= lo.x && a <= hi.x : b >= lo.y && a <= hi.y;
}

void draw_headers(ImDrawList* list, ImFont* font, const MatrixLayout& m, bool english, float x, float y) {
    float size = header_size(font);
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        const Industry* ind = m.matrix.industries[m.columns[c]];
        float cx = x + m.row_label_px + m.cell_px * static_cast<float>(c);
        if (!in_clip(list, 0, cx - 2, cx + m.cell_px)) continue;
        bool sector = ind->parent.empty();
        std::size_t column = m.columns[c];
        std::vector<std::string> measured;
        if (column >= m.header_text.size()) measured = header_lines(font, size, head_name(*ind, english), m.cell_px);
        const std::vector<std::string>& lines = column < m.header_text.size() ? m.header_text[column] : measured;
        float left = cx + (m.cell_px - size * static_cast<float>(lines.size())) / 2;
        for (std::size_t l = 0; l < lines.size(); ++l)
            add_vertical_text(list, font, size, left + size * static_cast<float>(l), y + m.header_px - 4,
                              sector ? IM_COL32(10, 10, 40, 255) : IM_COL32(70, 70, 80, 255),
                              fit(font, size, lines[l], m.header_px - 8));
        if (sector)
            list->AddLine(ImVec2(cx, y + 20), ImVec2(cx, y + m.height() - m.total_px), IM_COL32(60, 60, 70, 255), 1.5f);
    }
}

void draw_rows(ImDrawList* list, ImFont* font, const MatrixLayout& m, bool english, float x, float y) {
    float size = font->FontSize;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        std::size_t row = m.rows[r];
        const PlanRegion* region = m.matrix.regions[row];
        float ry = y + m.header_px + m.cell_px * static_cast<float>(r);
        if (!in_clip(list, 1, ry, ry + m.cell_px)) continue;
        std::string name = fit(font, size, english ? region->name_en : region->name_zh, m.row_label_px - 12);
        list->AddText(font, size, ImVec2(x + 4, ry + (m.cell_px - size) / 2), IM_COL32(20, 20, 30, 255), name.c_str());
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            float cx = x + m.row_label_px + m.cell_px * static_cast<float>(c);
            if (!in_clip(list, 0, cx, cx + m.cell_px)) continue;
            list->AddRectFilled(ImVec2(cx + 1, ry + 1), ImVec2(cx + m.cell_px - 1, ry + m.cell_px - 1),
                                u32(matrix_cell_colour(m.matrix.cells[row][m.columns[c]])));
        }
        std::string total = std::to_string(m.row_explicit[row]);
        list->AddText(font, size,
                      ImVec2(x + m.row_label_px + m.cell_px * static_cast<float>(m.columns.size()) + 6,
                             ry + (m.cell_px - size) / 2),
                      IM_COL32(20, 20, 30, 255), total.c_str());
    }
}

void draw_totals(ImDrawList* list, ImFont* font, const MatrixLayout& m, float x, float y) {
    float size = font->FontSize * 0.85f, ty = y + m.header_px + m.cell_px * static_cast<float>(m.rows.size()) + 6;
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        std::string n = std::to_string(m.column_regions[m.columns[c]]);
        float w = font->CalcTextSizeA(size, 1e9f, 0, n.c_str()).x;
        float cx = x + m.row_label_px + m.cell_px * static_cast<float>(c);
        list->AddText(font, size, ImVec2(cx + (m.cell_px - w) / 2, ty), IM_COL32(20, 20, 30, 255), n.c_str());
    }
}

void outline_selection(ImDrawList* list, const MatrixLayout& m, float x, float y, long row, long column) {
    for (std::size_t r = 0; r < m.rows.size(); ++r)
        if (static_cast<long>(m.rows[r]) == row) {
            float ry = y + m.header_px + m.cell_px * static_cast<float>(r);
            list->AddRect(ImVec2(x, ry), ImVec2(x + m.width() - m.total_px, ry + m.cell_px), IM_COL32(200, 30, 30, 255),
                          0, 0, 2);
        }
    for (std::size_t c = 0; c < m.columns.size(); ++c)
        if (static_cast<long>(m.columns[c]) == column) {
            float cx = x + m.row_label_px + m.cell_px * static_cast<float>(c);
            list->AddRect(ImVec2(cx, y + 4), ImVec2(cx + m.cell_px, y + m.height() - m.total_px),
                          IM_COL32(200, 30, 30, 255), 0, 0, 2);
        }
}

}  // namespace

Rgba matrix_cell_colour(Coverage coverage) {
    switch (coverage) {
        case Coverage::Explicit:
            return ramp_colour(0.8);
        case Coverage::General:  // a neutral grey: a coloured cell would read as an industry named
            return {0.80f, 0.81f, 0.84f, 1};
        case Coverage::None:
            break;
    }
    return {0.95f, 0.95f, 0.95f, 1};
}

Legend matrix_legend() {
    Legend legend;
    legend.title = "Coverage: regions (section 8) x industries (sections 2-7)";
    legend.entries = {
        {matrix_cell_colour(Coverage::Explicit), "named for the region (explicit)", LegendEntry::Swatch::Fill},
        {matrix_cell_colour(Coverage::General), "designated for emerging industries in general",
         LegendEntry::Swatch::Fill},
        {matrix_cell_colour(Coverage::None), "not designated", LegendEntry::Swatch::Fill}};
    legend.notes = {"Numbers: industries named per region (right), regions named per industry (bottom)",
                    "A subsector named for a region counts for its sector"};
    return legend;
}

void size_matrix_labels(MatrixLayout& layout, ImFont* font, bool english, int header_line_count) {
    float size = header_size(font), header = 0, rows = 0;
    layout.cell_px = std::max(22.0f, std::ceil(static_cast<float>(header_line_count) * size + 4));
    layout.header_text.clear();  // measured once here, not at every frame
    for (const Industry* industry : layout.matrix.industries) {
        layout.header_text.push_back(header_lines(font, size, head_name(*industry, english), layout.cell_px));
        for (const std::string& line : layout.header_text.back())
            header = std::max(header, text_width(font, size, line));
    }
    for (const PlanRegion* region : layout.matrix.regions)
        rows = std::max(rows, text_width(font, font->FontSize, english ? region->name_en : region->name_zh));
    layout.header_px = header + 12;
    layout.row_label_px = rows + 16;
}

bool matrix_header_at(const MatrixLayout& layout, float x, float y, std::size_t& column) {
    float cx = x - layout.row_label_px;
    if (cx < 0 || y < 0 || y >= layout.header_px) return false;
    auto c = static_cast<std::size_t>(cx / layout.cell_px);
    if (c >= layout.columns.size()) return false;
    column = layout.columns[c];
    return true;
}

void draw_matrix(ImDrawList* list, ImFont* font, const MatrixLayout& layout, bool english, float x, float y,
                 long selected_row, long selected_column) {
    // On white, like the printed figure, whatever the window behind it (the viewer's is dark).
    list->AddRectFilled(ImVec2(x, y), ImVec2(x + layout.width(), y + layout.height()), IM_COL32(255, 255, 255, 255));
    draw_headers(list, font, layout, english, x, y);
    draw_rows(list, font, layout, english, x, y);
    draw_totals(list, font, layout, x, y);
    outline_selection(list, layout, x, y, selected_row, selected_column);
}

}  // namespace atlas::render
