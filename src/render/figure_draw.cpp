#include "figure_draw.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "error.hpp"
#include "io/output_file.hpp"
#include "legend_draw.hpp"
#include "matrix_draw.hpp"
#include "offscreen.hpp"
#include "painter_imgui.hpp"
#include "scene/furniture.hpp"
#include "scene/label_paint.hpp"
#include "scene/point_paint.hpp"
#include "scene/prepared_figure.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"

namespace atlas::render {

std::vector<std::string> figure_texts(Document& doc, const LabelSource& labels, const Legend& legend) {
    std::vector<std::string> texts = labels.all_texts();
    texts.push_back(legend.title);
    for (const LegendEntry& e : legend.entries) texts.push_back(e.label);
    texts.insert(texts.end(), legend.notes.begin(), legend.notes.end());
    for (const PlanRegion& r : doc.plan().regions) texts.insert(texts.end(), {r.name_en, r.name_zh});
    for (const Industry& i : doc.plan().industries) texts.insert(texts.end(), {i.name_en, i.name_zh});
    return texts;
}

FurnitureFit paint_map_figure(MapRenderer& renderer, HeadlessLabels& overlay, const LabelSource& labels,
                              const Figure& figure, const Scene& scene, const Camera& camera,
                              const Projection& projection, const FurnitureSettings& furniture, bool legend,
                              float scale, const InsetLayer* inset) {
    renderer.draw(camera, figure.style, 0, 0, scale);
    ViewGeometry geometry = view_geometry(scene, camera, projection);
    InsetPlacement placement;
    // Three layers: the map's labels, the inset's map over them, the furniture over all.
    overlay.paint(camera.width, camera.height, [&](ImDrawList* list, ImFont* font) {
        ImGuiPainter painter(list, font, scale);
        if (inset != nullptr) placement = place_inset(painter, figure, furniture, scene, camera, *inset, projection);
        // Labels kept off the boxes drawn over them (legend, inset, title): none half hidden.
        std::vector<std::array<double, 4>> boxes =
            furniture_boxes(painter, figure, furniture, scene, camera, geometry, legend, &placement);
        if (figure.style.show_labels) paint_labels(painter, labels, camera, figure.style, 1, {}, boxes);
        paint_dots(painter, figure.dots, projection, scene, camera);  // over the labels: none hides a point
    });
    if (placement.placed) {
        int left = static_cast<int>(std::lround(placement.min.x));
        int bottom = camera.height - static_cast<int>(std::lround(placement.min.y)) - placement.camera.height;
        renderer.draw(placement.camera, figure.style, left, bottom, scale);
    }
    FurnitureFit fit;
    overlay.paint(camera.width, camera.height, [&](ImDrawList* list, ImFont* font) {
        ImGuiPainter painter(list, font, scale);
        fit = paint_furniture(painter, figure, furniture, scene, camera, geometry, legend, inset, &projection,
                              &placement);
    });
    return fit;
}

void paint_matrix_figure(HeadlessLabels& overlay, MatrixLayout& layout, bool english, int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    overlay.paint(width, height, [&](ImDrawList* list, ImFont* font) {
        size_matrix_labels(layout, font, english, 1);  // one header line: the grid fits a 1600 px page
        draw_matrix(list, font, layout, english, 16, 16);
        draw_legend(list, font, matrix_legend(), static_cast<float>(width) - 12, static_cast<float>(height) - 12,
                    std::max(300.0f, static_cast<float>(width) * 0.4f));
    });
}

namespace {
/// The GL context for a PNG, or one line naming the file and the way round a machine without
/// OpenGL (cairo draws the same figure without it).
void open_context(std::optional<OffscreenContext>& context, const std::string& output, bool matrix) {
    try {
        context.emplace();
    } catch (const AtlasError& e) {
        // cairo draws every map figure, but not the matrix: no advice that sends the user back here.
        throw AtlasError(e.kind(), "cannot draw " + quote_value(output) + " with OpenGL: " + e.message() +
                                       (matrix ? "; the coverage matrix is drawn by OpenGL only (on this machine, "
                                                 "`coverage` prints it as a table)"
                                               : "; use --renderer cairo"));
    }
}
}  // namespace

RenderResult render_session_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                                bool force, const FigurePage* page) {
    PreparedFigure prepared = prepare_figure(doc, session, data, output, force);
    int width = page != nullptr ? page->device_width : session.width;
    int height = page != nullptr ? page->device_height : session.height;
    auto scale = static_cast<float>(page != nullptr ? page->scale : 1.0);
    std::optional<OffscreenContext> context;
    open_context(context, output, session.figure == FigureKind::Matrix);
    OffscreenTarget target(width, height);
    target.bind();
    if (session.figure == FigureKind::Matrix) {
        MatrixLayout layout = matrix_layout(doc.plan(), session.matrix_sort);
        std::vector<std::string> texts;
        for (const PlanRegion& r : doc.plan().regions) texts.insert(texts.end(), {r.name_en, r.name_zh});
        for (const Industry& i : doc.plan().industries) texts.insert(texts.end(), {i.name_en, i.name_zh});
        HeadlessLabels overlay(texts, kFigureLabelPx);
        paint_matrix_figure(overlay, layout, session.english, width, height);
        write_png(output, width, height, target.read_rgba(), force);
        return {context->renderer(), {}, {}, layout};
    }
    Camera camera = device_camera(prepared.camera, width, height);
    MapRenderer renderer;
    renderer.upload(prepared.scene);
    LabelSource labels(doc, prepared.scene);
    Figure& figure = prepared.figure;
    std::vector<std::string> texts = figure_texts(doc, labels, figure.legend);
    texts.insert(texts.end(), {figure.title, figure.subtitle, session.furniture.title, session.furniture.subtitle,
                               session.furniture.credit});
    texts.insert(texts.end(), figure.credits.begin(), figure.credits.end());
    texts.insert(texts.end(), {tr("true at"), tr("Inset: "), session.furniture.inset});
    HeadlessLabels overlay(texts, kFigureLabelPx * scale);
    Projection projection(session.projection);
    const InsetLayer* inset = prepared.inset.path.empty() ? nullptr : &prepared.inset;
    std::vector<std::string> cut;
    overlay.paint(width, height, [&](ImDrawList* list, ImFont* font) {  // measured only: nothing drawn
        ImGuiPainter painter(list, font, scale);
        cut = cut_figure_texts(painter, figure, session.furniture, static_cast<float>(width));
        if (session.has_camera) return;
        InsetPlacement placement;  // the figure's frame beside its legend, where the legend hid a region
        if (inset != nullptr)
            placement = place_inset(painter, figure, session.furniture, prepared.scene, camera, *inset, projection);
        const std::array<float, 4> frame = figure_frame(session, prepared.scene);
        camera = camera_beside_legend(painter, figure, session.furniture, prepared.scene, frame.data(), camera,
                                      &placement, session.show_legend);
    });
    FurnitureFit fit = paint_map_figure(renderer, overlay, labels, figure, prepared.scene, camera, projection,
                                        session.furniture, session.show_legend, scale, inset);
    write_png(output, width, height, target.read_rgba(), force);
    return {context->renderer(), camera, prepared.scene.origin, {}, fit, cut};
}

}  // namespace atlas::render
