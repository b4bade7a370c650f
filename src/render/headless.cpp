#include "headless.hpp"

#include <algorithm>
#include <filesystem>

#include "error.hpp"
#include "io/output_file.hpp"
#include "labels_imgui.hpp"
#include "map_renderer.hpp"
#include "offscreen.hpp"

namespace atlas::render {

double tolerance_for(const Camera& camera) { return camera.metres_per_pixel * 0.5; }

float label_size_for(int width) { return width >= 1400 ? 16.0f : width >= 900 ? 14.0f : 12.0f; }

Camera national_view(const Scene& scene, int width, int height) {
    Camera camera;
    camera.width = width;
    camera.height = height;
    camera.fit(scene.extent);
    return camera;
}

namespace {
bool wants(const RenderRequest& r, const char* layer) {
    return r.layers.empty() || std::find(r.layers.begin(), r.layers.end(), layer) != r.layers.end();
}
}  // namespace

MapStyle style_for(Document& doc, const RenderRequest& request) {
    for (const std::string& layer : request.layers)
        if (layer != "provinces" && layer != "prefectures" && layer != "regions" && layer != "hubs" &&
            layer != "labels")
            throw AtlasError(ErrorKind::Usage,
                             "unknown layer '" + layer + "' (use provinces, prefectures, regions, hubs, labels)");
    MapStyle style;
    style.show_provinces = wants(request, "provinces");
    style.show_prefectures = wants(request, "prefectures");
    style.show_regions = wants(request, "regions");
    style.show_hubs = wants(request, "hubs");
    style.show_labels = wants(request, "labels");
    style.english = request.english;
    const Plan& plan = doc.plan();
    style.regions = default_region_paint(plan);
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const PlanRegion& r = plan.regions[i];
        bool listed = request.regions.empty() ||
                      std::find(request.regions.begin(), request.regions.end(), r.id) != request.regions.end();
        bool designated = request.industry.empty() || plan.designates(r, request.industry);
        style.regions[i].visible = listed && designated;
    }
    return style;
}

RenderResult render_png(Document& doc, const RenderRequest& request) {
    if (request.width < 16 || request.height < 16 || request.width > 8192 || request.height > 8192)
        throw AtlasError(ErrorKind::Usage, "image size must be 16 to 8192 pixels a side");
    // Refuse early what would fail late, after seconds of scene building.
    check_target(request.output, request.force, "PNG");
    MapStyle style = style_for(doc, request);
    // The national view of a scene depends little on its detail: size the level of detail from a
    // coarse first estimate of the view's scale (China is about 5,500 km wide).
    Camera estimate;
    estimate.width = request.width;
    estimate.height = request.height;
    estimate.metres_per_pixel = 5.5e6 / request.width;
    Scene scene = build_scene(doc, {request.projection, tolerance_for(estimate)});
    OffscreenContext context;
    MapRenderer renderer;
    renderer.upload(scene);
    OffscreenTarget target(request.width, request.height);
    target.bind();
    Camera camera = national_view(scene, request.width, request.height);
    renderer.draw(camera, style);
    if (style.show_labels) {
        LabelSource labels(doc, scene);
        HeadlessLabels painter(labels.all_texts(), label_size_for(request.width));
        painter.draw(labels, camera, style);
    }
    write_png(request.output, request.width, request.height, target.read_rgba(), request.force);
    return {context.renderer(), camera, scene.origin};
}

}  // namespace atlas::render
