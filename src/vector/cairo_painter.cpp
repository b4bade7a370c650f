#include "cairo_painter.hpp"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <filesystem>

#include "error.hpp"

namespace atlas::vector {

CjkFont::CjkFont() {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw AtlasError(ErrorKind::Input, "FreeType could not start");
    library_ = library;
    if (std::error_code ec;
        !std::filesystem::exists(kCjkFontPath, ec) || FT_New_Face(library, kCjkFontPath, kCjkFontFace, &face) != 0) {
        FT_Done_FreeType(library);
        throw AtlasError(ErrorKind::Input,
                         std::string(kCjkFontPath) + ": missing or unreadable (install fonts-noto-cjk)");
    }
    ft_face_ = face;
    face_ = cairo_ft_font_face_create_for_ft_face(face, 0);
    double ascender = face->ascender, descender = -static_cast<double>(face->descender);
    if (ascender + descender > 0) {
        ascent_share_ = ascender / (ascender + descender);
        em_per_line_ = face->units_per_EM / (ascender + descender);
    }
}

const CjkFont& CjkFont::get() {
    // Never freed: cairo keeps font faces in caches of its own past any scope of ours.
    static const CjkFont* font = new CjkFont();
    return *font;
}

void set_colour(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void CairoPainter::rounded_rect(PaintPoint min, PaintPoint max, float r) {
    if (r <= 0) {
        cairo_rectangle(cr_, min.x, min.y, max.x - min.x, max.y - min.y);
        return;
    }
    cairo_new_sub_path(cr_);
    cairo_arc(cr_, max.x - r, min.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr_, max.x - r, max.y - r, r, 0, M_PI / 2);
    cairo_arc(cr_, min.x + r, max.y - r, r, M_PI / 2, M_PI);
    cairo_arc(cr_, min.x + r, min.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr_);
}

void CairoPainter::rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding) {
    rounded_rect(min, max, rounding);
    set_colour(cr_, colour);
    cairo_fill(cr_);
}

void CairoPainter::rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding) {
    // Dear ImGui strokes a rectangle half a pixel inside its bounds: so do we.
    rounded_rect({min.x + 0.5f, min.y + 0.5f}, {max.x - 0.5f, max.y - 0.5f}, rounding);
    set_colour(cr_, colour);
    cairo_set_line_width(cr_, thickness);
    cairo_stroke(cr_);
}

void CairoPainter::line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) {
    cairo_move_to(cr_, a.x, a.y);
    cairo_line_to(cr_, b.x, b.y);
    set_colour(cr_, colour);
    cairo_set_line_width(cr_, thickness);
    cairo_stroke(cr_);
}

void CairoPainter::circle_filled(PaintPoint centre, float radius, const Rgba& colour) {
    cairo_new_sub_path(cr_);
    cairo_arc(cr_, centre.x, centre.y, radius, 0, 2 * M_PI);
    set_colour(cr_, colour);
    cairo_fill(cr_);
}

void CairoPainter::polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) {
    for (std::size_t i = 0; i < points.size(); ++i)
        (i == 0 ? cairo_move_to : cairo_line_to)(cr_, points[i].x, points[i].y);
    cairo_close_path(cr_);
    set_colour(cr_, colour);
    cairo_fill(cr_);
}

void CairoPainter::set_font(float size) const {
    cairo_set_font_face(cr_, font_.face());
    cairo_set_font_size(cr_, size * font_.em_per_line());
}

void CairoPainter::text(PaintPoint at, float size, const Rgba& colour, const std::string& s) {
    if (s.empty()) return;
    set_font(size);
    set_colour(cr_, colour);
    cairo_move_to(cr_, at.x, at.y + size * font_.ascent_share());
    if (glyphs_as_paths_) {
        cairo_text_path(cr_, s.c_str());
        cairo_fill(cr_);
        return;
    }
    cairo_show_text(cr_, s.c_str());
    cairo_new_path(cr_);
}

void CairoPainter::text_halo(PaintPoint at, float size, const Rgba& ink, const Rgba& halo_colour, float halo,
                             const std::string& s) {
    if (s.empty()) return;
    // The halo is the glyphs' outline stroked (a path); the text over it stays text.
    set_font(size);
    cairo_move_to(cr_, at.x, at.y + size * font_.ascent_share());
    cairo_text_path(cr_, s.c_str());
    set_colour(cr_, halo_colour);
    cairo_set_line_width(cr_, 2.5 * halo);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr_);
    text(at, size, ink, s);
}

std::pair<float, float> CairoPainter::measure(float size, const std::string& s) const {
    set_font(size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr_, s.c_str(), &extents);
    return {static_cast<float>(extents.x_advance), size};
}

void CairoPainter::push_clip(PaintPoint min, PaintPoint max) {
    cairo_save(cr_);
    cairo_rectangle(cr_, min.x, min.y, max.x - min.x, max.y - min.y);
    cairo_clip(cr_);
}

void CairoPainter::pop_clip() { cairo_restore(cr_); }

}  // namespace atlas::vector
