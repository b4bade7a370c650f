#pragma once
/// The Dear ImGui backend of scene/painter.hpp: draws into an ImDrawList with a baked font (the
/// viewer's panels and map overlay, and PNG figures drawn headless).

#include <imgui.h>

#include "scene/painter.hpp"

namespace atlas::render {

class ImGuiPainter : public Painter {
  public:
    /// `list` may be null for a painter that only measures. `scale`: device pixels per figure pixel.
    ImGuiPainter(ImDrawList* list, ImFont* font, float scale = 1) : list_(list), font_(font), scale_(scale) {}
    float scale() const override { return scale_; }
    float font_size() const override { return font_->FontSize; }
    void rect_filled(PaintPoint min, PaintPoint max, const Rgba& colour, float rounding) override;
    void rect(PaintPoint min, PaintPoint max, const Rgba& colour, float thickness, float rounding) override;
    void line(PaintPoint a, PaintPoint b, const Rgba& colour, float thickness) override;
    void circle_filled(PaintPoint centre, float radius, const Rgba& colour) override;
    void polygon_filled(const std::vector<PaintPoint>& points, const Rgba& colour) override;
    void text(PaintPoint at, float size, const Rgba& colour, const std::string& text) override;
    std::pair<float, float> measure(float size, const std::string& text) const override;
    void push_clip(PaintPoint min, PaintPoint max) override;
    void pop_clip() override;

  private:
    ImDrawList* list_;
    ImFont* font_;
    float scale_;
};

}  // namespace atlas::render
