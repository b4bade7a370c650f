#include "scene/legend_paint.hpp"

#include <algorithm>

namespace atlas {

namespace {

/// Figure pixels, multiplied by the painter's scale.
constexpr float kPad = 10, kSwatchW = 22, kSwatchH = 14, kGap = 4, kColumnGap = 16;

const Rgba kInk{30 / 255.0f, 30 / 255.0f, 30 / 255.0f, 1}, kTitleInk{20 / 255.0f, 20 / 255.0f, 40 / 255.0f, 1},
    kNoteInk{80 / 255.0f, 80 / 255.0f, 90 / 255.0f, 1};

float note_size(const Painter& p) { return p.font_size() * 0.85f; }

Rgba opaque(const Rgba& c) { return {c.r, c.g, c.b, 1}; }

void hatch_lines(Painter& p, PaintPoint at, PaintPoint end, const Rgba& edge, bool both) {
    float s = p.scale(), h = end.y - at.y;
    p.push_clip(at, end);
    // The cross-hatch as the map's: thin lines, sparser (map_paint.cpp, shaders/fill.frag).
    for (float x = at.x - h; x < end.x; x += (both ? 7 : 5) * s) {
        p.line({x, end.y}, {x + h, at.y}, edge, (both ? 1.0f : 1.5f) * s);
        if (both) p.line({x, at.y}, {x + h, end.y}, edge, 1.0f * s);
    }
    p.pop_clip();
    p.rect(at, end, edge, s);
}

void paint_swatch(Painter& p, const LegendEntry& e, PaintPoint at) {
    float s = p.scale();
    PaintPoint end{at.x + kSwatchW * s, at.y + kSwatchH * s};
    Rgba edge = opaque(e.colour);
    using Swatch = LegendEntry::Swatch;
    switch (e.swatch) {
        case Swatch::Fill:
            p.rect_filled(at, end, e.colour);
            p.rect(at, end, edge, (e.colour.a < 0.5f ? 1.5f : 1.0f) * s);
            break;
        case Swatch::Outline:
            p.rect(at, end, edge, 2.5f * s);
            break;
        case Swatch::Dashed:
            p.rect_filled(at, end, e.colour);
            for (float x = at.x; x < end.x; x += 6 * s) {  // dashes along the top and bottom edges
                float to = std::min(x + 3.5f * s, end.x);
                p.line({x, at.y + s}, {to, at.y + s}, edge, 2 * s);
                p.line({x, end.y - s}, {to, end.y - s}, edge, 2 * s);
            }
            break;
        case Swatch::Hatched:
            hatch_lines(p, at, end, edge, false);
            break;
        case Swatch::CrossHatched:
            hatch_lines(p, at, end, edge, true);
            break;
        case Swatch::Casing: {
            // The band as four abutting strips: a stroked rectangle overlaps itself at the corners,
            // which a translucent colour showed as dark diagonal seams.
            Rgba band{e.colour.r, e.colour.g, e.colour.b, 0.4f};
            float b = 6 * s;
            p.rect_filled(at, {end.x, at.y + b}, band);
            p.rect_filled({at.x, end.y - b}, end, band);
            p.rect_filled({at.x, at.y + b}, {at.x + b, end.y - b}, band);
            p.rect_filled({end.x - b, at.y + b}, {end.x, end.y - b}, band);
            p.rect(at, end, edge, 1.2f * s);
            break;
        }
        case Swatch::CasingDashed: {  // the band in pieces along each edge, as the map breaks it
            Rgba band{e.colour.r, e.colour.g, e.colour.b, 0.4f};
            float b = 6 * s, step = 9 * s, on = 5.5f * s;
            for (float x = at.x; x < end.x; x += step) {
                float to = std::min(x + on, end.x);
                p.rect_filled({x, at.y}, {to, at.y + b}, band);
                p.rect_filled({x, end.y - b}, {to, end.y}, band);
            }
            for (float y = at.y + b; y < end.y - b; y += step) {
                float to = std::min(y + on, end.y - b);
                p.rect_filled({at.x, y}, {at.x + b, to}, band);
                p.rect_filled({end.x - b, y}, {end.x, to}, band);
            }
            break;
        }
        case Swatch::Point: {
            PaintPoint c{at.x + kSwatchW * s / 2, at.y + kSwatchH * s / 2};
            p.circle_filled(c, 5 * s, {1, 1, 1, 1});
            p.circle_filled(c, 3.5f * s, edge);
            break;
        }
        case Swatch::Dot: {  // the map's dot at the map's size (scene/point_paint.cpp)
            PaintPoint c{at.x + kSwatchW * s / 2, at.y + kSwatchH * s / 2};
            p.circle_filled(c, (e.dot_radius + 0.7f) * s, kDotRim);
            p.circle_filled(c, e.dot_radius * s, kDotInk);
            break;
        }
    }
}

/// Where everything in the box goes: columns of entries under the title, notes under them.
struct LegendGeometry {
    float width = 0, height = 0;  ///< the whole box
    float wrap = 0;               ///< title and notes wrap width
    float line = 0;               ///< height of one entry
    float column_width = 0;
    std::size_t columns = 1, rows = 0;
};

float text_block_height(const Painter& p, const Legend& legend, float wrap) {
    float s = p.scale(), h = measure_wrapped(p, p.font_size(), legend.title, wrap).second + kGap * 2 * s;
    for (const std::string& note : legend.notes) h += measure_wrapped(p, note_size(p), note, wrap).second + 2 * s;
    return h + 2 * kPad * s;
}

LegendGeometry measure(const Painter& p, const Legend& legend, float max_width, float max_height) {
    LegendGeometry g;
    float s = p.scale(), size = p.font_size();
    g.line = std::max(size, kSwatchH * s) + kGap * s;
    for (const LegendEntry& e : legend.entries)
        g.column_width = std::max(g.column_width, (kSwatchW + 8) * s + p.measure(size, e.label).first);
    std::size_t n = legend.entries.size();
    auto entries_width = [&](std::size_t columns) {
        return static_cast<float>(columns) * g.column_width + static_cast<float>(columns - 1) * kColumnGap * s;
    };
    for (g.columns = 1; g.columns <= 3; ++g.columns) {  // more columns only while they fit the width
        if (entries_width(g.columns) + 2 * kPad * s > max_width && g.columns > 1) {
            --g.columns;
            break;
        }
        std::size_t rows = (n + g.columns - 1) / g.columns;
        if (text_block_height(p, legend, max_width - 2 * kPad * s) + g.line * static_cast<float>(rows) <= max_height)
            break;
    }
    g.columns = std::clamp<std::size_t>(g.columns, 1, 3);
    g.rows = (n + g.columns - 1) / g.columns;
    // The width first (the widest line, at most max_width), then the height wrapped at that width.
    float content = std::max(p.measure(size, legend.title).first, entries_width(g.columns));
    for (const std::string& note : legend.notes) content = std::max(content, p.measure(note_size(p), note).first);
    g.wrap = std::min(content, max_width - 2 * kPad * s);
    // Entries do not wrap: a box narrower than its widest entry would leave the entry's end outside.
    g.width = std::max(g.wrap, entries_width(g.columns)) + 2 * kPad * s;
    g.height = text_block_height(p, legend, g.wrap) + g.line * static_cast<float>(g.rows);
    return g;
}

}  // namespace

std::pair<float, float> legend_box_size(const Painter& painter, const Legend& legend, float max_width,
                                        float max_height) {
    LegendGeometry g = measure(painter, legend, max_width, max_height);
    return {g.width, g.height};
}

void paint_legend(Painter& p, const Legend& legend, PaintPoint top_left, float max_width, float max_height) {
    LegendGeometry g = measure(p, legend, max_width, max_height);
    float s = p.scale(), size = p.font_size();
    PaintPoint bottom_right{top_left.x + g.width, top_left.y + g.height};
    p.rect_filled(top_left, bottom_right, {1, 1, 1, 235 / 255.0f}, 4 * s);
    p.rect(top_left, bottom_right, {120 / 255.0f, 120 / 255.0f, 130 / 255.0f, 1}, s, 4 * s);
    float x = top_left.x + kPad * s, y = top_left.y + kPad * s;
    y += text_wrapped(p, {x, y}, size, kTitleInk, legend.title, g.wrap) + kGap * 2 * s;
    for (std::size_t i = 0; i < legend.entries.size(); ++i) {
        const LegendEntry& e = legend.entries[i];
        float ex = x + static_cast<float>(i / g.rows) * (g.column_width + kColumnGap * s);
        float ey = y + static_cast<float>(i % g.rows) * g.line;
        paint_swatch(p, e, {ex, ey + (g.line - kGap * s - kSwatchH * s) / 2});
        p.text({ex + (kSwatchW + 8) * s, ey}, size, kInk, e.label);
    }
    y += static_cast<float>(g.rows) * g.line;
    for (const std::string& note : legend.notes)
        y += text_wrapped(p, {x, y}, note_size(p), kNoteInk, note, g.wrap) + 2 * s;
}

}  // namespace atlas
