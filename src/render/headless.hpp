#pragma once
/// `clusteratlas render`: the same scene as the viewer, drawn offscreen and written as a PNG.

#include <string>
#include <vector>

#include "document.hpp"
#include "scene/camera.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas::render {

struct RenderRequest {
    std::string output;
    int width = 1600, height = 1200;
    std::string projection = kDefaultProjection;
    std::vector<std::string> layers;   ///< provinces, prefectures, regions, hubs, labels; empty = all
    std::vector<std::string> regions;  ///< region ids to show; empty = all
    std::string industry;              ///< industry id: show only the regions designated for it
    bool english = true;
    bool force = false;
};

struct RenderResult {
    std::string renderer;  ///< GL_RENDERER
    Camera camera;         ///< the view that was drawn (for mapping places to pixels)
    ProjectedXY origin;    ///< scene origin in projected metres
};

/// Level of detail for a view: half a pixel, in metres.
double tolerance_for(const Camera& camera);

/// Label text size in pixels for an image width.
float label_size_for(int width);

/// The camera that shows all of China in a viewport, for a scene in any projection.
Camera national_view(const Scene& scene, int width, int height);

/// The style a request asks for: layers on or off, regions filtered by id or industry.
MapStyle style_for(Document& doc, const RenderRequest& request);

/// Renders and writes the PNG. Throws AtlasError for bad requests or output problems, and
/// std::runtime_error when no GL context can be had.
RenderResult render_png(Document& doc, const RenderRequest& request);

}  // namespace atlas::render
