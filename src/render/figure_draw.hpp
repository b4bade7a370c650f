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
#include "scene/label_source.hpp"
#include "scene/matrix_layout.hpp"

namespace atlas::render {

/// What a headless render drew.
struct RenderResult {
    std::string renderer;  ///< GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
    Camera camera;         ///< the view that was drawn (for mapping places to pixels)
    ProjectedXY origin;    ///< scene origin in projected metres
};

/// Label size of session figures, the viewer's (so a saved session renders as the viewer shows it).
inline constexpr float kFigureLabelPx = 15;

/// Every text a figure may draw (labels, legend, region and industry names), for the glyph atlas.
std::vector<std::string> figure_texts(Document& doc, const LabelSource& labels, const Legend& legend);

/// Map, labels and (when `legend`) the legend at the bottom right. The renderer holds the scene.
void paint_map_figure(MapRenderer& renderer, HeadlessLabels& overlay, const LabelSource& labels, const Figure& figure,
                      const Camera& camera, bool legend);

/// The coverage matrix grid with its legend, on white, `width` x `height` pixels.
void paint_matrix_figure(HeadlessLabels& overlay, const MatrixLayout& layout, bool english, int width, int height);

/// Renders a session headless (EGL) and writes the PNG: the map at the session's camera, or the
/// matrix. Needs the session checked (check_session) and its data loaded. Returns GL_RENDERER and
/// the camera (for a matrix: the default camera).
RenderResult render_session_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                                bool force);

}  // namespace atlas::render
