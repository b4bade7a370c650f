#pragma once
/// The one place `render` meets GL: render_backend_gl.cpp draws with EGL; render_backend_none.cpp,
/// in a build without the viewer (-DATLAS_BUILD_VIEWER=OFF), checks the same and cannot draw.

#include <string>
#include <vector>

#include "document.hpp"
#include "io/user_data.hpp"
#include "scene/figure_page.hpp"
#include "scene/furniture.hpp"
#include "scene/session.hpp"

namespace atlas::cli {

/// Who draws a PNG when `render --renderer` is not given: "gl" in a build with the viewer (the
/// viewer's own drawing), "cairo" in a build without it.
const char* default_png_renderer();

/// What draw_figure_png drew with, and whether the legend fitted the map (paint_furniture).
struct DrawnFigure {
    std::string renderer;                ///< GL_RENDERER
    FurnitureFit fit;                    ///< where the legend did not fit, what it and the scale block hide
    std::vector<std::string> cut_texts;  ///< scene/furniture.hpp cut_figure_texts
};

/// Draws the session's figure into the PNG `output` (`force`: replace it) at the page's device size;
/// returns GL_RENDERER. Throws AtlasError as prepare_figure does; without the viewer, after those
/// checks pass, AtlasError(Usage) saying this build draws with cairo only.
DrawnFigure draw_figure_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                            bool force, const FigurePage& page);

}  // namespace atlas::cli
