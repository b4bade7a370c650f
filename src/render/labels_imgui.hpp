#pragma once
/// Map labels drawn through Dear ImGui draw lists (the viewer's and the headless renderer's single
/// text path), in Noto Sans CJK SC baked only for the characters the labels use.

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "scene/label_source.hpp"
#include "scene/painter.hpp"

namespace atlas::render {

using atlas::kCjkFontPath;

/// Adds the label font to the current ImGui context's atlas; throws std::runtime_error naming the
/// font file when it cannot be loaded.
ImFont* load_label_font(const std::vector<std::string>& texts, float size_px);

/// Places (greedy, no overlaps) and draws labels with a white halo; returns what was placed.
/// `pixels_per_point` converts framebuffer pixels to ImGui coordinates (2 on a high-DPI screen);
/// `origin` is where the map's top left corner is, in ImGui coordinates (the map between docked panels).
std::vector<PlacedLabel> draw_labels(ImDrawList* list, ImFont* font, const LabelSource& source, const Camera& camera,
                                     const MapStyle& style, float pixels_per_point = 1, ImVec2 origin = ImVec2(0, 0));

/// Adds every text to a glyph range builder's worth of characters for the UI font too.
ImFont* load_ui_font(const std::vector<std::string>& texts, float size_px);

/// Frees what the current ImGui context's font atlas kept to build its texture (the font file's
/// bytes, the CPU copy of the pixels). Call after the backend uploaded the texture (its NewFrame) and
/// before ImGui::NewFrame; fonts cannot be added to the atlas afterwards.
void release_font_sources();

/// An ImGui context of its own for drawing labels into the current (offscreen) framebuffer.
class HeadlessLabels {
  public:
    HeadlessLabels(const std::vector<std::string>& texts, float size_px);
    ~HeadlessLabels();
    HeadlessLabels(const HeadlessLabels&) = delete;
    HeadlessLabels& operator=(const HeadlessLabels&) = delete;
    std::vector<PlacedLabel> draw(const LabelSource& source, const Camera& camera, const MapStyle& style);
    /// One frame of this context over a `width` x `height` framebuffer: `paint` adds to the
    /// background draw list with the label font, then the list is drawn into the bound framebuffer.
    void paint(int width, int height, const std::function<void(ImDrawList*, ImFont*)>& paint);

  private:
    void* context_ = nullptr;
    ImFont* font_ = nullptr;
};

}  // namespace atlas::render
