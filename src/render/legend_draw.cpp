#include "legend_draw.hpp"

#include "painter_imgui.hpp"
#include "scene/legend_paint.hpp"

namespace atlas::render {

void legend_size(ImFont* font, const Legend& legend, float max_width, float& width, float& height, float max_height) {
    ImGuiPainter painter(nullptr, font);
    std::tie(width, height) = legend_box_size(painter, legend, max_width, max_height);
}

void draw_legend(ImDrawList* list, ImFont* font, const Legend& legend, float right, float bottom, float max_width,
                 float max_height) {
    ImGuiPainter painter(list, font);
    auto [w, h] = legend_box_size(painter, legend, max_width, max_height);
    paint_legend(painter, legend, {right - w, bottom - h}, max_width, max_height);
}

}  // namespace atlas::render
