#pragma once
/// Figures of a session, drawn with GL into the bound framebuffer: the map with labels and legend,
/// or the coverage matrix. `render --session` and the viewer's figure screenshot share these.

#include <cstdint>
#include <string>
#include <vector>

#include "document.hpp"
#include "labels_imgui.hpp"
#include "map_renderer.hpp"
#include "scene/figure.hpp"
#include "scene/figure_page.hpp"
#include "scene/furniture.hpp"
#include "scene/label_source.hpp"
#include "scene/matrix_layout.hpp"
#include "scene/painter.hpp"

namespace atlas::render {

/// What a headless render drew.
struct RenderResult {
    std::string renderer;                ///< GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
    Camera camera;                       ///< the view that was drawn (for mapping places to pixels)
    ProjectedXY origin;                  ///< scene origin in projected metres
    MatrixLayout matrix;                 ///< a matrix figure's grid as drawn (labels sized to the font), at (16, 16)
    FurnitureFit fit;                    ///< where the legend did not fit, what it and the scale block hide
    std::vector<std::string> cut_texts;  ///< furniture.hpp cut_figure_texts: "title", "subtitle", "credit"

    /// The pixel of the figure at which a projected point was drawn.
    ScreenXY screen_of(const ProjectedXY& p) const { return camera.scene_to_screen({p.x - origin.x, p.y - origin.y}); }
};

using atlas::kFigureLabelPx;

/// Every text a figure may draw (labels, legend, region and industry names), for the glyph atlas.
std::vector<std::string> figure_texts(Document& doc, const LabelSource& labels, const Legend& legend);

/// Map, labels, furniture (scene/furniture.hpp) and (when `legend`) the legend in the corner that
/// covers the least land. The renderer holds the scene; `camera` is in device pixels, `scale` device
/// pixels per figure pixel (the overlay's font baked at kFigureLabelPx times it). With `inset`, the
/// map is drawn a second time into the inset's box, over the labels and under the furniture.
/// Returns paint_furniture's answer: where the legend did not fit, what it and the scale block hide.
FurnitureFit paint_map_figure(MapRenderer& renderer, HeadlessLabels& overlay, const LabelSource& labels,
                              const Figure& figure, const Scene& scene, const Camera& camera,
                              const Projection& projection, const FurnitureSettings& furniture, bool legend,
                              float scale = 1, const InsetLayer* inset = nullptr);

/// The coverage matrix grid with its legend, on white, `width` x `height` pixels; `layout` gets its
/// labels sized to the font first (size_matrix_labels, one header line).
void paint_matrix_figure(HeadlessLabels& overlay, MatrixLayout& layout, bool english, int width, int height);

/// Renders a session headless (EGL) and writes the PNG: the map at the session's camera, or the
/// matrix, `page.device_width` x `page.device_height` pixels (the session's size when `page` is
/// null). Needs the session checked (check_session) and its data loaded. Returns GL_RENDERER and the
/// camera in device pixels (for a matrix: the default camera).
RenderResult render_session_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                                bool force, const FigurePage* page = nullptr);

}  // namespace atlas::render
