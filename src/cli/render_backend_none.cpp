#include "error.hpp"
#include "render_backend.hpp"
#include "scene/prepared_figure.hpp"

namespace atlas::cli {

const char* default_png_renderer() { return "cairo"; }

DrawnFigure draw_figure_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                            bool force, const FigurePage&) {
    // Every check of the full build first, so a bad session or an existing output gets its own
    // answer; only the drawing itself is missing.
    prepare_figure(doc, session, data, output, force);
    throw AtlasError(ErrorKind::Usage,
                     "render --renderer gl cannot draw in this build of clusteratlas (built with "
                     "-DATLAS_BUILD_VIEWER=OFF: no OpenGL); leave out --renderer (cairo draws the PNG), or use "
                     "the full build");
}

}  // namespace atlas::cli
