#include "scene/prepared_figure.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include "error.hpp"
#include "geo/projection.hpp"
#include "io/output_file.hpp"
#include "text/escape.hpp"

namespace atlas {

PreparedFigure prepare_figure(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                              bool force) {
    if (session.width < 16 || session.height < 16 || session.width > 8192 || session.height > 8192)
        throw AtlasError(ErrorKind::Usage, "image size must be 16 to 8192 pixels a side");
    // A PNG under another name opens wrong where users open it; stdout is not a file to name.
    if (output == "-")
        throw AtlasError(ErrorKind::Usage, "a figure is written to a file, not to stdout: give -o NAME.png");
    std::string extension = std::filesystem::path(output).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".png")
        throw AtlasError(ErrorKind::Usage, quote_value(output) + ": a figure is written as PNG; name it .png");
    // Refuse early what would fail late, after the scene is built.
    check_target(output, force, "PNG");
    PreparedFigure out{compose_figure(doc, session, data), {}, {}};
    if (session.figure == FigureKind::Matrix) return out;
    // The scene's level of detail follows the session's scale, as in the viewer.
    double scale = session.has_camera ? session.metres_per_pixel : 5.5e6 / session.width;
    out.scene = build_scene(doc, {session.projection, session_tolerance(scale)});
    Projection projection(session.projection);
    out.camera = session_camera(session, out.scene, projection, session.width, session.height);
    if (!shows_any_province(out.scene, out.camera)) {
        char view[160];
        std::snprintf(view, sizeof view, "centre lon %.4f, lat %.4f, %.4g m per pixel", session.centre.lon,
                      session.centre.lat, session.metres_per_pixel);
        throw AtlasError(ErrorKind::Input, std::string("nothing to draw: the view (") + view +
                                               ") shows no part of China under projection " +
                                               quote_value(session.projection));
    }
    return out;
}

}  // namespace atlas
