#pragma once
/// A 2D drawing surface in figure pixels (origin at the top left, y down), through which the legend,
/// the labels and the map furniture (title, credit, scale bar, north arrow) are drawn once for every
/// output: Dear ImGui draw lists on screen and in PNG figures (render/painter_imgui.hpp), cairo in
/// SVG and PDF (vector/cairo_figure.hpp). Text is Noto Sans CJK SC in every backend, `size` being the
/// line height in pixels (ImGui's font size: ascender to descender).

#include <string>
#include <utility>
#include <vector>

#include "scene/style.hpp"

namespace atlas {

/// Debian's Noto Sans CJK collection (fonts-noto-cjk); face 2 is Simplified Chinese.
inline constexpr const char* kCjkFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr int kCjkFontFace = 2;

/// Label size of figures in figure pixels, the viewer's (so a saved session renders as the viewer shows it).
inline constexpr float kFigureLabelPx = 15;

struct PaintPoint {
    float x = 0, y = 0;
};

class Painter {
  public:
    virtual ~Painter() = default;
    /// Device pixels per figure pixel: 1 on screen and at 96 dpi, 300/96 for a 300 dpi PNG. Sizes in
    /// the shared drawing code (paddings, swatches, line widths) are figure pixels multiplied by it.
    virtual float scale() const = 0;
    /// The label font's size in device pixels (kFigureLabelPx times scale() for figures).
    virtual float font_size() const = 0;
    virtual void rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding = 0) = 0;
    virtual void rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding = 0) = 0;
    virtual void line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) = 0;
    virtual void circle_filled(PaintPoint centre, float radius, const Rgba& colour) = 0;
    /// A convex or simple polygon, filled.
    virtual void polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) = 0;
    /// One line of text with its top left corner at `at`, `size` pixels high.
    virtual void text(PaintPoint at, float size, const Rgba& colour, const std::string& text) = 0;
    /// Text over a halo `halo` pixels wide (labels over the map): by default eight copies in the
    /// halo colour around it; a vector backend strokes the glyph outlines instead.
    virtual void text_halo(PaintPoint at, float size, const Rgba& ink, const Rgba& halo_colour, float halo,
                           const std::string& text);
    /// Width and height in pixels of one line of text at `size`.
    virtual std::pair<float, float> measure(float size, const std::string& text) const = 0;
    /// Clips what follows to a rectangle until pop_clip.
    virtual void push_clip(PaintPoint min, PaintPoint max) = 0;
    virtual void pop_clip() = 0;
};

/// Another painter with its sizes times `factor` (0 to 1): the same surface, smaller type, swatches
/// and paddings. A legend too tall for a small figure or a print page is set in it.
class ScaledPainter : public Painter {
  public:
    ScaledPainter(Painter& inner, float factor) : inner_(inner), factor_(factor) {}
    float scale() const override { return inner_.scale() * factor_; }
    float font_size() const override { return inner_.font_size() * factor_; }
    void rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding = 0) override {
        inner_.rect_filled(min, max, colour, rounding);
    }
    void rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding = 0) override {
        inner_.rect(min, max, colour, thickness, rounding);
    }
    void line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) override {
        inner_.line(a, b, colour, thickness);
    }
    void circle_filled(PaintPoint centre, float radius, const Rgba& colour) override {
        inner_.circle_filled(centre, radius, colour);
    }
    void polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) override {
        inner_.polygon_filled(points, colour);
    }
    void text(PaintPoint at, float size, const Rgba& colour, const std::string& text) override {
        inner_.text(at, size, colour, text);
    }
    void text_halo(PaintPoint at, float size, const Rgba& ink, const Rgba& halo_colour, float halo,
                   const std::string& text) override {
        inner_.text_halo(at, size, ink, halo_colour, halo, text);
    }
    std::pair<float, float> measure(float size, const std::string& text) const override {
        return inner_.measure(size, text);
    }
    void push_clip(PaintPoint min, PaintPoint max) override { inner_.push_clip(min, max); }
    void pop_clip() override { inner_.pop_clip(); }

  private:
    Painter& inner_;
    float factor_;
};

/// `text` broken into lines no wider than `width` at `size`: at spaces, and between any two
/// characters of a word wider than the line (Chinese has no spaces). Never empty.
std::vector<std::string> wrap_text(const Painter& painter, float size, const std::string& text, float width);

/// wrap_text, at most `most` lines: when text is left out, the last line kept ends in an ellipsis
/// ("...") and fits `width`. A title of 500 characters pushed the legend off the figure.
std::vector<std::string> wrap_text_lines(const Painter& painter, float size, const std::string& text, float width,
                                         std::size_t most);

/// The widest of `lines` at `size`, in pixels.
float lines_width(const Painter& painter, float size, const std::vector<std::string>& lines);

/// Draws `lines` from their top left corner, one `size` apart; returns their height.
float draw_lines(Painter& painter, PaintPoint at, float size, const Rgba& colour,
                 const std::vector<std::string>& lines);

/// Width (the widest line) and height of `text` wrapped at `width` (0: not wrapped).
std::pair<float, float> measure_wrapped(const Painter& painter, float size, const std::string& text, float width);

/// Draws `text` wrapped at `width` from its top left corner; returns its height.
float text_wrapped(Painter& painter, PaintPoint at, float size, const Rgba& colour, const std::string& text,
                   float width);

}  // namespace atlas
