#include "figure_draw.hpp"
#include "render_backend.hpp"

namespace atlas::cli {

const char* default_png_renderer() { return "gl"; }

std::string draw_figure_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                            bool force, const FigurePage& page) {
    return render::render_session_png(doc, session, data, output, force, &page).renderer;
}

}  // namespace atlas::cli
