#include "painter_imgui.hpp"

#include <cfloat>

namespace atlas::render {

namespace {
ImU32 u32(const Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }
ImVec2 v(PaintPoint p) { return ImVec2(p.x, p.y); }
}  // namespace

void ImGuiPainter::rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding) {
    list_->AddRectFilled(v(min), v(max), u32(colour), rounding);
}

void ImGuiPainter::rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding) {
    list_->AddRect(v(min), v(max), u32(colour), rounding, 0, thickness);
}

void ImGuiPainter::line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) {
    list_->AddLine(v(a), v(b), u32(colour), thickness);
}

void ImGuiPainter::circle_filled(PaintPoint centre, float radius, const Rgba& colour) {
    list_->AddCircleFilled(v(centre), radius, u32(colour), 24);
}

void ImGuiPainter::polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) {
    ImVector<ImVec2> path;
    for (const PaintPoint& p : points) path.push_back(v(p));
    list_->AddConvexPolyFilled(path.Data, path.Size, u32(colour));
}

void ImGuiPainter::text(PaintPoint at, float size, const Rgba& colour, const std::string& text) {
    list_->AddText(font_, size, v(at), u32(colour), text.c_str());
}

std::pair<float, float> ImGuiPainter::measure(float size, const std::string& text) const {
    ImVec2 s = font_->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    return {s.x, s.y};
}

void ImGuiPainter::push_clip(PaintPoint min, PaintPoint max) { list_->PushClipRect(v(min), v(max), true); }

void ImGuiPainter::pop_clip() { list_->PopClipRect(); }

}  // namespace atlas::render
