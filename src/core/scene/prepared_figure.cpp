#include "scene/prepared_figure.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include "error.hpp"
#include "geo/projection.hpp"
#include "io/output_file.hpp"
#include "scene/figure_page.hpp"
#include "text/escape.hpp"

namespace atlas {

PreparedFigure prepare_figure(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                              bool force) {
    if (session.width < 16 || session.height < 16 || session.width > 8192 || session.height > 8192)
        throw AtlasError(ErrorKind::Usage, "image size must be 16 to 8192 pixels a side");
    FigureFormat format = figure_format(output);
    // Refuse early what would fail late, after the scene is built.
    check_target(output, force, format == FigureFormat::Png ? "PNG" : format == FigureFormat::Svg ? "SVG" : "PDF");
    PreparedFigure out{compose_figure(doc, session, data), {}, {}, {}};
    if (session.figure == FigureKind::Matrix) return out;
    if (!session.furniture.inset.empty()) out.inset = read_inset_layer(session.furniture.inset);
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

Camera device_camera(const Camera& figure_camera, int width, int height) {
    Camera c = figure_camera;
    c.metres_per_pixel = figure_camera.metres_per_pixel * figure_camera.width / width;
    c.width = width, c.height = height;
    return c;
}

}  // namespace atlas
