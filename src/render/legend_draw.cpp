#include "legend_draw.hpp"

#include <imgui.h>

#include <algorithm>

namespace atlas::render {

namespace {

constexpr float kPad = 10, kSwatchW = 22, kSwatchH = 14, kGap = 4;

ImU32 colour_u32(const Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

float note_size(ImFont* font) { return font->FontSize * 0.85f; }

ImVec2 text_size(ImFont* font, float size, const std::string& text, float wrap = 0) {
    return font->CalcTextSizeA(size, 1e9f, wrap, text.c_str());
}

void draw_swatch(ImDrawList* list, const LegendEntry& e, ImVec2 at) {
    ImVec2 end(at.x + kSwatchW, at.y + kSwatchH);
    ImU32 edge = colour_u32({e.colour.r, e.colour.g, e.colour.b, 1});
    using Swatch = LegendEntry::Swatch;
    switch (e.swatch) {
        case Swatch::Fill:
            list->AddRectFilled(at, end, colour_u32(e.colour));
            list->AddRect(at, end, edge, 0, 0, e.colour.a < 0.5f ? 1.5f : 1.0f);
            break;
        case Swatch::Outline:
            list->AddRect(at, end, edge, 0, 0, 2.5f);
            break;
        case Swatch::Dashed:
            list->AddRectFilled(at, end, colour_u32(e.colour));
            for (float x = at.x; x < end.x; x += 6) {  // dashes along the top and bottom edges
                list->AddLine(ImVec2(x, at.y + 1), ImVec2(std::min(x + 3.5f, end.x), at.y + 1), edge, 2);
                list->AddLine(ImVec2(x, end.y - 1), ImVec2(std::min(x + 3.5f, end.x), end.y - 1), edge, 2);
            }
            break;
        case Swatch::Hatched:
            list->PushClipRect(at, end, true);
            for (float x = at.x - kSwatchH; x < end.x; x += 5)
                list->AddLine(ImVec2(x, end.y), ImVec2(x + kSwatchH, at.y), edge, 1.5f);
            list->PopClipRect();
            list->AddRect(at, end, edge);
            break;
        case Swatch::CrossHatched:
            list->PushClipRect(at, end, true);
            for (float x = at.x - kSwatchH; x < end.x; x += 5) {
                list->AddLine(ImVec2(x, end.y), ImVec2(x + kSwatchH, at.y), edge, 1.2f);
                list->AddLine(ImVec2(x, at.y), ImVec2(x + kSwatchH, end.y), edge, 1.2f);
            }
            list->PopClipRect();
            list->AddRect(at, end, edge);
            break;
        case Swatch::Casing:
            list->AddRect(ImVec2(at.x + 3, at.y + 3), ImVec2(end.x - 3, end.y - 3),
                          colour_u32({e.colour.r, e.colour.g, e.colour.b, 0.4f}), 0, 0, 6);
            list->AddRect(at, end, edge, 0, 0, 1.2f);
            break;
        case Swatch::Point:
            list->AddCircleFilled(ImVec2(at.x + kSwatchW / 2, at.y + kSwatchH / 2), 5, IM_COL32(255, 255, 255, 255));
            list->AddCircleFilled(ImVec2(at.x + kSwatchW / 2, at.y + kSwatchH / 2), 3.5f, edge);
            break;
    }
}

}  // namespace

namespace {

/// Where everything in the box goes: columns of entries under the title, notes under them.
struct LegendGeometry {
    float width = 0, height = 0;  ///< the whole box
    float wrap = 0;               ///< title and notes wrap width
    float line = 0;               ///< height of one entry
    float column_width = 0;
    std::size_t columns = 1, rows = 0;
};

LegendGeometry measure(ImFont* font, const Legend& legend, float max_width, float max_height) {
    LegendGeometry g;
    float size = font->FontSize;
    g.line = std::max(size, kSwatchH) + kGap;
    for (const LegendEntry& e : legend.entries)
        g.column_width = std::max(g.column_width, kSwatchW + 8 + text_size(font, size, e.label).x);
    auto text_height = [&](float wrap) {
        float h = text_size(font, size, legend.title, wrap).y + kGap * 2;
        for (const std::string& note : legend.notes) h += text_size(font, note_size(font), note, wrap).y + 2;
        return h + 2 * kPad;
    };
    std::size_t n = legend.entries.size();
    for (g.columns = 1; g.columns < 3; ++g.columns) {  // more columns only while they fit the width
        std::size_t rows = (n + g.columns - 1) / g.columns;
        float entries_w = static_cast<float>(g.columns) * g.column_width + static_cast<float>(g.columns - 1) * 16;
        bool too_wide = entries_w + 2 * kPad > max_width && g.columns > 1;
        if (too_wide) {
            --g.columns;
            break;
        }
        if (text_height(max_width - 2 * kPad) + g.line * static_cast<float>(rows) <= max_height) break;
    }
    g.columns = std::max<std::size_t>(g.columns, 1);
    g.rows = (n + g.columns - 1) / g.columns;
    // The width first (the widest line, at most max_width), then the height wrapped at that same
    // width: draw_legend wraps at the final width, so measuring at max_width would count too few lines.
    float content = text_size(font, size, legend.title).x;
    content =
        std::max(content, static_cast<float>(g.columns) * g.column_width + static_cast<float>(g.columns - 1) * 16);
    for (const std::string& note : legend.notes) content = std::max(content, text_size(font, note_size(font), note).x);
    // One pixel more than the widest line: ImGui wraps a line exactly as wide as its wrap width.
    g.wrap = std::min(content + 1, max_width - 2 * kPad);
    g.width = g.wrap + 2 * kPad;
    g.height = text_height(g.wrap) + g.line * static_cast<float>(g.rows);
    return g;
}

}  // namespace

void legend_size(ImFont* font, const Legend& legend, float max_width, float& width, float& height, float max_height) {
    LegendGeometry g = measure(font, legend, max_width, max_height);
    width = g.width, height = g.height;
}

void draw_legend(ImDrawList* list, ImFont* font, const Legend& legend, float right, float bottom, float max_width,
                 float max_height) {
    LegendGeometry g = measure(font, legend, max_width, max_height);
    ImVec2 top_left(right - g.width, bottom - g.height);
    list->AddRectFilled(top_left, ImVec2(right, bottom), IM_COL32(255, 255, 255, 235), 4);
    list->AddRect(top_left, ImVec2(right, bottom), IM_COL32(120, 120, 130, 255), 4);
    float size = font->FontSize, x = top_left.x + kPad, y = top_left.y + kPad;
    list->AddText(font, size, ImVec2(x, y), IM_COL32(20, 20, 40, 255), legend.title.c_str(), nullptr, g.wrap);
    y += text_size(font, size, legend.title, g.wrap).y + kGap * 2;
    for (std::size_t i = 0; i < legend.entries.size(); ++i) {
        const LegendEntry& e = legend.entries[i];
        float ex = x + static_cast<float>(i / g.rows) * (g.column_width + 16);
        float ey = y + static_cast<float>(i % g.rows) * g.line;
        draw_swatch(list, e, ImVec2(ex, ey + (g.line - kGap - kSwatchH) / 2));
        list->AddText(font, size, ImVec2(ex + kSwatchW + 8, ey), IM_COL32(30, 30, 30, 255), e.label.c_str());
    }
    y += static_cast<float>(g.rows) * g.line;
    for (const std::string& note : legend.notes) {
        list->AddText(font, note_size(font), ImVec2(x, y), IM_COL32(80, 80, 90, 255), note.c_str(), nullptr, g.wrap);
        y += text_size(font, note_size(font), note, g.wrap).y + 2;
    }
}

}  // namespace atlas::render
