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
        case Swatch::Point:
            list->AddCircleFilled(ImVec2(at.x + kSwatchW / 2, at.y + kSwatchH / 2), 5, IM_COL32(255, 255, 255, 255));
            list->AddCircleFilled(ImVec2(at.x + kSwatchW / 2, at.y + kSwatchH / 2), 3.5f, edge);
            break;
    }
}

}  // namespace

void legend_size(ImFont* font, const Legend& legend, float max_width, float& width, float& height) {
    float size = font->FontSize, line = std::max(size, kSwatchH) + kGap;
    // The width first (the widest line, at most max_width), then the height wrapped at that same
    // width: draw_legend wraps at the final width, so measuring at max_width would count too few lines.
    float content = text_size(font, size, legend.title).x;
    for (const LegendEntry& e : legend.entries)
        content = std::max(content, kSwatchW + 8 + text_size(font, size, e.label).x);
    for (const std::string& note : legend.notes) content = std::max(content, text_size(font, note_size(font), note).x);
    // One pixel more than the widest line: ImGui wraps a line exactly as wide as its wrap width.
    float wrap = std::min(content + 1, max_width - 2 * kPad);
    height = text_size(font, size, legend.title, wrap).y + kGap * 2 + line * static_cast<float>(legend.entries.size());
    for (const std::string& note : legend.notes) height += text_size(font, note_size(font), note, wrap).y + 2;
    width = wrap + 2 * kPad;
    height += 2 * kPad;
}

void draw_legend(ImDrawList* list, ImFont* font, const Legend& legend, float right, float bottom, float max_width) {
    float w = 0, h = 0;
    legend_size(font, legend, max_width, w, h);
    ImVec2 top_left(right - w, bottom - h);
    list->AddRectFilled(top_left, ImVec2(right, bottom), IM_COL32(255, 255, 255, 235), 4);
    list->AddRect(top_left, ImVec2(right, bottom), IM_COL32(120, 120, 130, 255), 4);
    float size = font->FontSize, wrap = w - 2 * kPad, x = top_left.x + kPad, y = top_left.y + kPad;
    list->AddText(font, size, ImVec2(x, y), IM_COL32(20, 20, 40, 255), legend.title.c_str(), nullptr, wrap);
    y += text_size(font, size, legend.title, wrap).y + kGap * 2;
    float line = std::max(size, kSwatchH) + kGap;
    for (const LegendEntry& e : legend.entries) {
        draw_swatch(list, e, ImVec2(x, y + (line - kGap - kSwatchH) / 2));
        list->AddText(font, size, ImVec2(x + kSwatchW + 8, y), IM_COL32(30, 30, 30, 255), e.label.c_str());
        y += line;
    }
    for (const std::string& note : legend.notes) {
        list->AddText(font, note_size(font), ImVec2(x, y), IM_COL32(80, 80, 90, 255), note.c_str(), nullptr, wrap);
        y += text_size(font, note_size(font), note, wrap).y + 2;
    }
}

}  // namespace atlas::render
