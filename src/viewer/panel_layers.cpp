// Layers panel: what is drawn, the legend of region colours, projection and label language.
#include <imgui.h>

#include "geo/projection.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void swatch(const RegionPaint& p) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImU32 colour = ImGui::ColorConvertFloat4ToU32(ImVec4(p.colour.r, p.colour.g, p.colour.b, p.fill ? 0.6f : 0.f));
    ImU32 edge = ImGui::ColorConvertFloat4ToU32(ImVec4(p.colour.r, p.colour.g, p.colour.b, 1));
    list->AddRectFilled(at, ImVec2(at.x + 14, at.y + 14), colour);
    list->AddRect(at, ImVec2(at.x + 14, at.y + 14), edge, 0, 0, p.dashed ? 1.0f : 2.0f);
    ImGui::Dummy(ImVec2(16, 14));
    ImGui::SameLine();
}

void projection_combo(ViewerState& state) {
    std::vector<std::string> names = projection_names();
    if (ImGui::BeginCombo("projection", state.options.projection.c_str())) {
        for (const std::string& n : names)
            if (ImGui::Selectable(n.c_str(), n == state.options.projection)) state.options.projection = n;
        ImGui::EndCombo();
    }
}

}  // namespace

void draw_layers_panel(ViewerState& state) {
    ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 560), ImGuiCond_FirstUseEver);
    ImGui::Begin("Layers");
    MapStyle& s = state.style;
    bool changed = ImGui::Checkbox("Provinces", &s.show_provinces);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Prefectures", &s.show_prefectures);
    changed |= ImGui::Checkbox("Regions", &s.show_regions);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Hubs", &s.show_hubs);
    ImGui::SameLine();
    ImGui::Checkbox("Labels", &s.show_labels);  // labels are drawn every frame, not cached
    bool zh = !s.english;
    if (ImGui::Checkbox("中文 labels (L)", &zh)) s.english = !zh;
    projection_combo(state);
    ImGui::Separator();
    ImGui::TextDisabled("Regions of section 8 (dashed: provisional extent;");
    ImGui::TextDisabled("hatched: partial members; outline: wider area)");
    const auto& regions = state.doc.plan().regions;
    for (std::size_t i = 0; i < regions.size() && i < s.regions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        swatch(s.regions[i]);
        std::string label = state.style.english ? regions[i].name_en : regions[i].name_zh;
        changed |= ImGui::Checkbox(label.c_str(), &s.regions[i].visible);
        if (s.regions[i].fill) {
            ImGui::SameLine(ImGui::GetWindowWidth() - 70);
            ImGui::SetNextItemWidth(60);
            changed |= ImGui::SliderFloat("##opacity", &s.regions[i].fill_alpha, 0.f, 1.f, "%.2f");
        }
        ImGui::PopID();
    }
    state.map_dirty = state.map_dirty || changed;
    ImGui::End();
}

}  // namespace atlas::viewer
