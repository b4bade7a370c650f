#pragma once
/// The cairo backend of scene/painter.hpp (SVG and PDF figures): vector shapes, and text set in Noto
/// Sans CJK SC through FreeType, which cairo subsets and embeds in a PDF.

#include <cairo.h>

#include <memory>

#include "scene/painter.hpp"

namespace atlas::vector {

/// The label font, loaded once per process from kCjkFontPath.
class CjkFont {
  public:
    /// The process's font. Throws AtlasError(Input) naming the file when it is missing or FreeType
    /// cannot read it.
    static const CjkFont& get();
    CjkFont(const CjkFont&) = delete;
    CjkFont& operator=(const CjkFont&) = delete;
    cairo_font_face_t* face() const { return face_; }
    /// Ascender and descender over their sum: where the baseline sits in a line `size` high, and the
    /// em size that makes a line `size` high (Dear ImGui's sizing, so that both backends agree).
    double ascent_share() const { return ascent_share_; }
    double em_per_line() const { return em_per_line_; }

  private:
    CjkFont();
    void* library_ = nullptr;
    void* ft_face_ = nullptr;
    cairo_font_face_t* face_ = nullptr;
    double ascent_share_ = 0.8, em_per_line_ = 0.69;
};

class CairoPainter : public Painter {
  public:
    /// Draws into `cr` (not owned) in figure pixels; `font_size` is the label font's, in pixels.
    /// `glyphs_as_paths`: text filled as outlines at exact positions (for an image surface, whose
    /// glyph cache puts each glyph on a whole pixel, off its halo), not set as text (SVG, PDF).
    CairoPainter(cairo_t* cr, const CjkFont& font, float font_size, bool glyphs_as_paths = false)
        : cr_(cr), font_(font), font_size_(font_size), glyphs_as_paths_(glyphs_as_paths) {}
    float scale() const override { return 1; }
    float font_size() const override { return font_size_; }
    void rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding) override;
    void rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding) override;
    void line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) override;
    void circle_filled(PaintPoint centre, float radius, const Rgba& colour) override;
    void polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) override;
    void text(PaintPoint at, float size, const Rgba& colour, const std::string& text) override;
    void text_halo(PaintPoint at, float size, const Rgba& ink, const Rgba& halo_colour, float halo,
                   const std::string& text) override;
    std::pair<float, float> measure(float size, const std::string& text) const override;
    void push_clip(PaintPoint min, PaintPoint max) override;
    void pop_clip() override;

  private:
    void set_font(float size) const;
    void rounded_rect(PaintPoint min, PaintPoint max, float rounding);
    cairo_t* cr_;
    const CjkFont& font_;
    float font_size_;
    bool glyphs_as_paths_;
};

/// Sets the source colour of `cr`.
void set_colour(cairo_t* cr, const Rgba& c);

}  // namespace atlas::vector
