#include "cairo_figure.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cmath>
#include <map>
#include <memory>

#include "cairo_painter.hpp"
#include "error.hpp"
#include "io/output_file.hpp"
#include "scene/furniture.hpp"
#include "scene/label_paint.hpp"
#include "scene/map_paint.hpp"
#include "scene/point_paint.hpp"
#include "scene/prepared_figure.hpp"
#include "text/escape.hpp"

namespace atlas::vector {

namespace {

/// The cairo backend of scene/map_paint.hpp: rings as paths in figure pixels.
class CairoMapCanvas : public MapCanvas {
  public:
    /// `raster`: drawn into an image surface, where the stripes are snapped to whole pixels as GL's are.
    CairoMapCanvas(cairo_t* cr, const Scene& scene, const Camera& camera, bool raster)
        : cr_(cr), scene_(scene), camera_(camera), raster_(raster) {
        double half_w = (camera.width / 2.0 + 16) * camera.metres_per_pixel;
        double half_h = (camera.height / 2.0 + 16) * camera.metres_per_pixel;
        view_ = {camera.cx - half_w, camera.cy - half_h, camera.cx + half_w, camera.cy + half_h};
    }

    void clear(const Rgba& background) override {
        cairo_rectangle(cr_, 0, 0, camera_.width, camera_.height);
        set_colour(cr_, background);
        cairo_fill(cr_);
    }

    void fill(MeshLayer layer, std::size_t feature, const Rgba& colour, float hatch) override {
        const PolygonMesh& m = mesh(layer);
        if (feature >= m.features() || !in_view(m, feature)) return;
        path(m, feature);
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
        set_colour(cr_, colour);
        if (hatch == 0) {
            cairo_fill(cr_);
            return;
        }
        cairo_save(cr_);
        cairo_clip(cr_);
        if (raster_) {
            cairo_surface_t* mask = raster_stripes(hatch);
            cairo_identity_matrix(cr_);  // the mask is in device pixels (cairo_restore puts the matrix back)
            cairo_mask_surface(cr_, mask, 0, 0);
        } else {
            stripes(hatch);
        }
        cairo_restore(cr_);
    }

    void lines(MeshLayer layer, long feature, const Rgba& colour, float width, float dash) override {
        const PolygonMesh& m = mesh(layer);
        std::size_t first = feature < 0 ? 0 : static_cast<std::size_t>(feature);
        std::size_t last = feature < 0 ? m.features() : std::min(m.features(), first + 1);
        for (std::size_t f = first; f < last; ++f)
            if (in_view(m, f)) path(m, f);
        set_colour(cr_, colour);
        cairo_set_line_width(cr_, width);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        double pattern[2] = {dash * 0.6, dash * 0.4};
        cairo_set_dash(cr_, pattern, dash > 0 ? 2 : 0, 0);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
    }

    void hub(std::size_t h, float size, const Rgba& fill_colour, const Rgba& outline) override {
        ScreenXY s = camera_.scene_to_screen(scene_.hubs[h].at);
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, s.x, s.y, size / 2, 0, 2 * M_PI);
        set_colour(cr_, {outline.r, outline.g, outline.b, 1});
        cairo_fill(cr_);
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, s.x, s.y, size * 0.3, 0, 2 * M_PI);
        set_colour(cr_, {fill_colour.r, fill_colour.g, fill_colour.b, 1});
        cairo_fill(cr_);
    }

  private:
    const PolygonMesh& mesh(MeshLayer layer) const {
        switch (layer) {
            case MeshLayer::Provinces:
                return scene_.provinces;
            case MeshLayer::Prefectures:
                return scene_.prefectures;
            case MeshLayer::Regions:
                return scene_.regions.mesh;
            case MeshLayer::PartialCounties:
                return scene_.partial_counties;
            case MeshLayer::Counties:
                return scene_.counties;
            case MeshLayer::Places:
                break;
        }
        return scene_.places.mesh;
    }

    bool in_view(const PolygonMesh& m, std::size_t f) const {
        const float* b = &m.feature_box[4 * f];
        return b[0] <= view_[2] && b[2] >= view_[0] && b[1] <= view_[3] && b[3] >= view_[1];
    }

    /// The feature's rings as closed sub-paths, in figure pixels.
    void path(const PolygonMesh& m, std::size_t f) {
        for (std::uint32_t r = m.feature_ring_first[f]; r < m.feature_ring_first[f] + m.feature_ring_count[f]; ++r) {
            std::uint32_t first = m.ring_first[r], n = m.ring_count[r];
            double last_x = NAN, last_y = NAN;
            for (std::uint32_t i = 0; i < n; ++i) {
                // Eighths of a pixel (0.03 mm on paper; cairo keeps 256ths, which an SVG spells out in six
                // decimals), no vertex repeated: a smaller SVG, nothing seen.
                ScreenXY s = camera_.scene_to_screen({m.xy[(first + i) * 2], m.xy[(first + i) * 2 + 1]});
                double x = std::round(s.x * 8) / 8, y = std::round(s.y * 8) / 8;
                if (x == last_x && y == last_y) continue;
                (i == 0 ? cairo_move_to : cairo_line_to)(cr_, x, y);
                last_x = x, last_y = y;
            }
            cairo_close_path(cr_);
        }
    }

    /// shaders/fill.frag's pattern as strokes over the clip. GL inks the pixels whose centres have
    /// (x + y) mod period <= fraction * period, y counted up from the bottom: floor(fraction * period)
    /// + 1 diagonal pixel steps from each multiple of the period; so do these strokes.
    void stripes(float hatch) {
        double period = std::fabs(hatch), fraction = hatch > 0 ? 0.35 : 0.1;
        double steps = std::floor(fraction * period) + 1, centre = (steps - 1) / 2;
        double w = camera_.width, h = camera_.height;
        cairo_set_line_width(cr_, steps / std::sqrt(2.0));
        for (double c = 0; c <= w + h + period; c += period) {
            double k = c + centre;  // x + (h - y) = k: from the top edge down to the bottom edge
            cairo_move_to(cr_, k - h, 0);
            cairo_line_to(cr_, k, h);
        }
        // The other diagonal: x - (h - y) = d + centre, d a multiple of the period as GL's mod counts from x - y = 0.
        for (double d = std::floor(-h / period) * period; hatch < 0 && d <= w + period; d += period) {
            cairo_move_to(cr_, d + centre + h, 0);
            cairo_line_to(cr_, d + centre, h);
        }
        cairo_stroke(cr_);
    }

    /// The stripes of an image surface as a mask of its pixels, inked by shaders/fill.frag's own test
    /// on the pixel centres in device space: the raster's hatching is GL's, pixel for pixel (stroked,
    /// the 1-2 px stripes were grey smears, or crisp with an extra pixel where they cross). Made once
    /// per period, for the whole surface.
    cairo_surface_t* raster_stripes(float hatch) {
        auto found = masks_.find(hatch);
        if (found != masks_.end()) return found->second.get();
        cairo_surface_t* target = cairo_get_target(cr_);
        int w = cairo_image_surface_get_width(target), h = cairo_image_surface_get_height(target);
        double period = std::fabs(hatch), unused = 0;
        cairo_user_to_device_distance(cr_, &period, &unused);
        double fraction = hatch > 0 ? 0.35 : 0.1;
        auto inked = [&](double s) {
            return s + 0.5 - period * std::floor((s + 0.5) / period) <= period * fraction + 0.5;
        };
        MaskSurface mask(cairo_image_surface_create(CAIRO_FORMAT_A8, w, h), cairo_surface_destroy);
        cairo_surface_flush(mask.get());
        unsigned char* data = cairo_image_surface_get_data(mask.get());
        int stride = cairo_image_surface_get_stride(mask.get());
        for (int row = 0; row < h; ++row)
            for (int col = 0; col < w; ++col) {
                // GL's x + y and x - y at this pixel's centre, y counted up from the bottom.
                double sum = col + h - row, difference = col + row + 1 - h;
                bool ink = inked(sum) || (hatch < 0 && inked(difference));
                data[static_cast<std::size_t>(row) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(col)] =
                    ink ? 255 : 0;
            }
        cairo_surface_mark_dirty(mask.get());
        return masks_.emplace(hatch, std::move(mask)).first->second.get();
    }

    using MaskSurface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
    cairo_t* cr_;
    const Scene& scene_;
    Camera camera_;
    bool raster_;
    std::map<float, MaskSurface> masks_;
    std::array<double, 4> view_{};
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// `raster`: drawn into an image surface (glyphs filled as outlines, see CairoPainter).
FurnitureFit paint(cairo_t* cr, Document& doc, const Session& session, PreparedFigure& prepared, bool raster,
                   std::vector<std::string>* cut_texts) {
    const CjkFont& font = CjkFont::get();
    CairoPainter painter(cr, font, kFigureLabelPx, raster);
    const Figure& figure = prepared.figure;
    if (cut_texts != nullptr)
        *cut_texts = cut_figure_texts(painter, figure, session.furniture, static_cast<float>(prepared.camera.width));
    Projection projection(session.projection);
    const InsetLayer* inset = prepared.inset.path.empty() ? nullptr : &prepared.inset;
    InsetPlacement placement;
    if (inset != nullptr)
        placement =
            place_inset(painter, figure, session.furniture, prepared.scene, prepared.camera, *inset, projection);
    if (!session.has_camera) {  // the frame beside its legend, where it hid a region, and below the title
        const std::array<float, 4> frame = figure_frame(session, prepared.scene);
        prepared.camera = camera_beside_legend(painter, figure, session.furniture, prepared.scene, frame.data(),
                                               prepared.camera, &placement, session.show_legend);
    }
    const Camera& camera = prepared.camera;
    ScenePaintIndex index = ScenePaintIndex::of(prepared.scene);
    cairo_rectangle(cr, 0, 0, camera.width, camera.height);
    cairo_clip(cr);
    CairoMapCanvas map(cr, prepared.scene, camera, raster);
    paint_map(map, index, camera, figure.style);
    LabelSource labels(doc, prepared.scene);
    // Labels kept off the boxes drawn over them (legend, inset, title): none half hidden.
    ViewGeometry geometry = view_geometry(prepared.scene, camera, projection);
    std::vector<std::array<double, 4>> boxes = furniture_boxes(painter, figure, session.furniture, prepared.scene,
                                                               camera, geometry, session.show_legend, &placement);
    if (figure.style.show_labels) paint_labels(painter, labels, camera, figure.style, 1, {}, boxes);
    paint_dots(painter, figure.dots, projection, prepared.scene, camera);  // over the labels: none hides a point
    if (placement.placed) {  // the map again in the inset's box, over the labels
        cairo_save(cr);
        cairo_translate(cr, placement.min.x, placement.min.y);
        cairo_rectangle(cr, 0, 0, placement.camera.width, placement.camera.height);
        cairo_clip(cr);
        CairoMapCanvas inset_map(cr, prepared.scene, placement.camera, raster);
        paint_map(inset_map, index, placement.camera, figure.style);
        cairo_restore(cr);
    }
    return paint_furniture(painter, figure, session.furniture, prepared.scene, camera, geometry, session.show_legend,
                           inset, &projection, &placement);
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void throw_if_failed(cairo_status_t status, const std::string& output) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw AtlasError(ErrorKind::Output,
                         output + ": cairo could not draw the figure (" + cairo_status_to_string(status) + ")");
}

}  // namespace

FurnitureFit write_raster_figure(Document& doc, const Session& session, const UserTable* data,
                                 const std::string& output, bool force, const FigurePage* page,
                                 std::vector<std::string>* cut_texts) {
    if (figure_format(output) != FigureFormat::Png)
        throw AtlasError(ErrorKind::Usage, "write_raster_figure writes PNG");
    if (session.figure == FigureKind::Matrix)
        throw AtlasError(
            ErrorKind::Usage,
            "cannot draw " + quote_value(output) +
                ": the coverage matrix is drawn by GL only; render it with --renderer gl (a build with the viewer)");
    PreparedFigure prepared = prepare_figure(doc, session, data, output, force);
    int width = page != nullptr ? page->device_width : session.width;
    int height = page != nullptr ? page->device_height : session.height;
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height), cairo_surface_destroy);
    cairo_status_t status;
    FurnitureFit fit;
    {
        Context cr(cairo_create(surface.get()), cairo_destroy);
        cairo_scale(cr.get(), static_cast<double>(width) / session.width, static_cast<double>(height) / session.height);
        // Glyphs placed at their true advances, as in the SVG and PDF: an image surface's default
        // hinting rounds each advance to whole pixels and squeezes the labels' words together.
        cairo_font_options_t* fonts = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fonts, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fonts, CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(cr.get(), fonts);
        cairo_font_options_destroy(fonts);
        fit = paint(cr.get(), doc, session, prepared, true, cut_texts);
        status = cairo_status(cr.get());
    }
    std::string bytes;
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png_stream(surface.get(), append, &bytes);
    throw_if_failed(status, output);
    write_atomically(output, force, "PNG", [&](const std::string& temp) { write_new_file(temp, bytes, output); });
    return fit;
}

FurnitureFit write_vector_figure(Document& doc, const Session& session, const UserTable* data,
                                 const std::string& output, bool force, const FigurePage* page,
                                 std::vector<std::string>* cut_texts) {
    FigureFormat format = figure_format(output);
    if (format == FigureFormat::Png) throw AtlasError(ErrorKind::Usage, "write_vector_figure writes SVG or PDF");
    if (session.figure == FigureKind::Matrix)
        throw AtlasError(ErrorKind::Usage, "cannot draw " + quote_value(output) +
                                               ": the coverage matrix is drawn as PNG only; name it .png");
    PreparedFigure prepared = prepare_figure(doc, session, data, output, force);
    double width_pt = page != nullptr ? page->width_pt : session.width * 0.75;
    double height_pt = page != nullptr ? page->height_pt : session.height * 0.75;
    std::string bytes;
    // An SVG in CSS pixels (96 to the inch, as the figure is laid out), a PDF in points.
    bool svg = format == FigureFormat::Svg;
    Surface surface(svg ? cairo_svg_surface_create_for_stream(append, &bytes, width_pt / 0.75, height_pt / 0.75)
                        : cairo_pdf_surface_create_for_stream(append, &bytes, width_pt, height_pt),
                    cairo_surface_destroy);
    if (svg)
        cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PX);
    else
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "ClusterAtlas");
    cairo_status_t status;
    FurnitureFit fit;
    {
        Context cr(cairo_create(surface.get()), cairo_destroy);
        double to_page = svg ? 1 / 0.75 : 1;  // figure pixels to the page's units
        cairo_scale(cr.get(), to_page * width_pt / session.width, to_page * height_pt / session.height);
        fit = paint(cr.get(), doc, session, prepared, false, cut_texts);
        status = cairo_status(cr.get());
    }
    cairo_surface_finish(surface.get());
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface.get());
    throw_if_failed(status, output);
    const char* what = format == FigureFormat::Svg ? "SVG" : "PDF";
    write_atomically(output, force, what, [&](const std::string& temp) { write_new_file(temp, bytes, output); });
    return fit;
}

}  // namespace atlas::vector
