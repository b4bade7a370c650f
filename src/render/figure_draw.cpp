#include "figure_draw.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "error.hpp"
#include "io/output_file.hpp"
#include "legend_draw.hpp"
#include "matrix_draw.hpp"
#include "offscreen.hpp"
#include "scene/prepared_figure.hpp"
#include "text/escape.hpp"

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

void paint_map_figure(MapRenderer& renderer, HeadlessLabels& overlay, const LabelSource& labels, const Figure& figure,
                      const Camera& camera, bool legend) {
    renderer.draw(camera, figure.style);
    overlay.paint(camera.width, camera.height, [&](ImDrawList* list, ImFont* font) {
        if (figure.style.show_labels) draw_labels(list, font, labels, camera, figure.style);
        if (!legend || figure.legend.entries.empty()) return;
        // Bottom left: in a national view of China that corner holds neighbouring countries only.
        float max_width = std::max(260.0f, static_cast<float>(camera.width) * 0.34f), w = 0, h = 0;
        float max_height = static_cast<float>(camera.height) * 0.7f;
        legend_size(font, figure.legend, max_width, w, h, max_height);
        draw_legend(list, font, figure.legend, 12 + w, static_cast<float>(camera.height) - 12, max_width, max_height);
    });
}

void paint_matrix_figure(HeadlessLabels& overlay, const MatrixLayout& layout, bool english, int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    overlay.paint(width, height, [&](ImDrawList* list, ImFont* font) {
        draw_matrix(list, font, layout, english, 16, 16);
        draw_legend(list, font, matrix_legend(), static_cast<float>(width) - 12, static_cast<float>(height) - 12,
                    std::max(300.0f, static_cast<float>(width) * 0.4f));
    });
}

RenderResult render_session_png(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                                bool force) {
    PreparedFigure prepared = prepare_figure(doc, session, data, output, force);
    OffscreenContext context;
    OffscreenTarget target(session.width, session.height);
    target.bind();
    if (session.figure == FigureKind::Matrix) {
        MatrixLayout layout = matrix_layout(doc.plan(), session.matrix_sort);
        std::vector<std::string> texts;
        for (const PlanRegion& r : doc.plan().regions) texts.insert(texts.end(), {r.name_en, r.name_zh});
        for (const Industry& i : doc.plan().industries) texts.insert(texts.end(), {i.name_en, i.name_zh});
        HeadlessLabels overlay(texts, kFigureLabelPx);
        paint_matrix_figure(overlay, layout, session.english, session.width, session.height);
        write_png(output, session.width, session.height, target.read_rgba(), force);
        return {context.renderer(), {}, {}};
    }
    MapRenderer renderer;
    renderer.upload(prepared.scene);
    LabelSource labels(doc, prepared.scene);
    HeadlessLabels overlay(figure_texts(doc, labels, prepared.figure.legend), kFigureLabelPx);
    paint_map_figure(renderer, overlay, labels, prepared.figure, prepared.camera, session.show_legend);
    write_png(output, session.width, session.height, target.read_rgba(), force);
    return {context.renderer(), prepared.camera, prepared.scene.origin};
}

}  // namespace atlas::render
