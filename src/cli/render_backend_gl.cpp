#include "figure_draw.hpp"
#include "render_backend.hpp"

namespace atlas::cli {

const char* default_png_renderer() { return "gl"; }

DrawnFigure draw_figure_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                            bool force, const FigurePage& page) {
    render::RenderResult drawn = render::render_session_png(doc, session, data, output, force, &page);
    return {drawn.renderer, drawn.fit, drawn.cut_texts};
}

}  // namespace atlas::cli
