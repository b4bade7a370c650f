#pragma once
/// A session's figure checked and made ready to draw, with no GL: everything `render` decides
/// before a GL context exists. A build without the viewer runs it too, so its `render` refuses bad
/// sizes, existing outputs, bad sessions and empty views exactly as the full build does.

#include <functional>
#include <string>

#include "document.hpp"
#include "io/inset_layer.hpp"
#include "io/user_data.hpp"
#include "scene/camera.hpp"
#include "scene/figure.hpp"
#include "scene/scene.hpp"
#include "scene/session.hpp"

namespace atlas {

struct PreparedFigure {
    Figure figure;  ///< style and legend (compose_figure)
    Scene scene;    ///< a map's scene at the session's level of detail; empty for the matrix
    Camera camera;  ///< the session's camera over the scene (pixels: the session's size)
    /// The inset's layer (io/inset_layer.hpp) when the session names one; its path empty otherwise.
    InsetLayer inset;
};

/// Checks and prepares a session's figure for a PNG, SVG or PDF at `output` (the session's size in
/// figure pixels). `data` must be the session's table when its choropleth is user data. Throws
/// AtlasError: Usage for a size outside 16 to 8192 pixels a side, an output that is "-" or not named
/// .png, .svg or .pdf, or a bad column or method; Output when `output` exists and `force` is false;
/// Input when the session's view shows no part of China under its projection, or its inset's layer
/// cannot be read.
PreparedFigure prepare_figure(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                              bool force);

/// The session's inset layer read by `read` (read_inset_layer, or a check against the map), its
/// fault made the session file's ("s.json: 'furniture.inset' names ..., which cannot be used as an
/// inset") where the file named it; `render` and `view` refuse it alike. Throws AtlasError.
InsetLayer read_session_inset(const Session& session,
                              const std::function<InsetLayer(const std::string& path)>& read = read_inset_layer);

/// The same view over `width` x `height` device pixels (a PNG printed at a DPI): same centre,
/// same ground extent across.
Camera device_camera(const Camera& figure_camera, int width, int height);

}  // namespace atlas
