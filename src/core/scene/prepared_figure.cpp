#include "scene/prepared_figure.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "error.hpp"
#include "geo/projection.hpp"
#include "io/output_file.hpp"
#include "scene/figure_page.hpp"
#include "scene/furniture.hpp"
#include "scene/map_paint.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

/// The inset's layer, refused when it shows nothing of the map or most of it (a layer of another
/// continent, or of the world, given by mistake).
InsetLayer checked_inset(const std::string& path, const Scene& scene, const Projection& projection) {
    InsetLayer layer = read_inset_layer(path);
    const double* e = layer.extent;
    std::array<double, 4> box = projected_extent(layer, projection, scene);
    // The map's extent and a quarter of it around: the South China Sea islands lie beyond the
    // provinces' extent, Europe far beyond it.
    const float* e_map = scene.extent;
    float grow_x = (e_map[2] - e_map[0]) / 4, grow_y = (e_map[3] - e_map[1]) / 4;
    const float map[4] = {e_map[0] - grow_x, e_map[1] - grow_y, e_map[2] + grow_x, e_map[3] + grow_y};
    auto lon = [](double v) { return std::to_string(std::lround(std::fabs(v))) + (v < 0 ? "°W" : "°E"); };
    auto lat = [](double v) { return std::to_string(std::lround(std::fabs(v))) + (v < 0 ? "°S" : "°N"); };
    std::string where = lon(e[0]) + " to " + lon(e[2]) + ", " + lat(e[1]) + " to " + lat(e[3]);
    if (box[0] > map[2] || box[2] < map[0] || box[1] > map[3] || box[3] < map[1])
        throw AtlasError(ErrorKind::Input, quote_value(path) + ": its extent (" + where +
                                               ") is off the map of China: not an inset of it");
    if (box[2] - box[0] > 0.6 * (e_map[2] - e_map[0]) || box[3] - box[1] > 0.6 * (e_map[3] - e_map[1]))
        throw AtlasError(ErrorKind::Input, quote_value(path) + ": its extent (" + where +
                                               ") is over half the map's size: an inset shows a small part of it");
    return layer;
}

}  // namespace

PreparedFigure prepare_figure(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                              bool force) {
    if (session.width < 16 || session.height < 16 || session.width > 8192 || session.height > 8192)
        throw AtlasError(ErrorKind::Usage, "image size " + std::to_string(session.width) + "x" +
                                               std::to_string(session.height) + ": must be 16 to 8192 pixels a side");
    FigureFormat format = figure_format(output);
    // Refuse early what would fail late, after the scene is built.
    check_target(output, force, format == FigureFormat::Png ? "PNG" : format == FigureFormat::Svg ? "SVG" : "PDF");
    PreparedFigure out{compose_figure(doc, session, data), {}, {}, {}};
    if (session.figure == FigureKind::Matrix) return out;

    // The scene's level of detail follows the session's scale, as in the viewer.
    double scale = session.has_camera ? session.metres_per_pixel : 5.5e6 / session.width;
    // Without the county outlines until the camera says they are drawn: a national view never is.
    out.scene = build_scene(doc, {session.projection, session_tolerance(scale), false});
    Projection projection(session.projection);
    if (!session.has_camera) {  // framing its subject (compared or picked regions): at the subject's scale
        double framed = session_camera(session, out.scene, projection, session.width, session.height).metres_per_pixel;
        if (framed < scale / 2) out.scene = build_scene(doc, {session.projection, session_tolerance(framed), false});
    }
    if (!session.furniture.inset.empty())
        out.inset = read_session_inset(
            session, [&](const std::string& path) { return checked_inset(path, out.scene, projection); });
    doc.add_warnings(out.inset.warnings);
    out.camera = session_camera(session, out.scene, projection, session.width, session.height);
    for (const LonLat& dot : out.figure.dots)
        if (SceneXY at; scene_point(projection, out.scene, dot, at)) out.figure.style.dots.push_back(at);
    if (county_mesh_needed(out.figure.style, out.camera.metres_per_pixel)) add_county_outlines(doc, out.scene);
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

InsetLayer read_session_inset(const Session& session, const std::function<InsetLayer(const std::string& path)>& read) {
    try {
        return read(session.furniture.inset);
    } catch (const AtlasError& e) {
        if (session.furniture.inset_named_by.empty()) throw;
        throw session_file_fault(e, session.furniture.inset_named_by, "furniture.inset", session.furniture.inset,
                                 "which cannot be used as an inset");
    }
}

Camera device_camera(const Camera& figure_camera, int width, int height) {
    Camera c = figure_camera;
    c.metres_per_pixel = figure_camera.metres_per_pixel * figure_camera.width / width;
    c.width = width, c.height = height;
    return c;
}

}  // namespace atlas
