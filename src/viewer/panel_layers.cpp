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
    state.session.projection = state.options.projection;
}

/// Layer checkboxes; labels and the legend are drawn every frame, the rest through the map cache.
void layer_toggles(Session& s) {
    ImGui::Checkbox("Provinces", &s.show_provinces);
    ImGui::SameLine();
    ImGui::Checkbox("Prefectures", &s.show_prefectures);
    ImGui::SameLine();
    ImGui::Checkbox("Regions", &s.show_regions);
    ImGui::Checkbox("Hubs", &s.show_hubs);
    ImGui::SameLine();
    ImGui::Checkbox("Labels", &s.show_labels);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &s.show_legend);
    bool zh = !s.english;
    if (ImGui::Checkbox("中文 labels (L)", &zh)) s.english = !zh;
}

/// One row per region: swatch, visibility, fill opacity. Settings go to the session.
void region_rows(ViewerState& state) {
    Session& s = state.session;
    const auto& regions = state.doc.plan().regions;
    std::vector<RegionPaint> defaults = default_region_paint(state.doc.plan());
    for (std::size_t i = 0; i < regions.size() && i < state.style.regions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        swatch(state.style.regions[i]);
        RegionSetting setting = s.regions.count(regions[i].id) ? s.regions[regions[i].id] : RegionSetting{};
        std::string label = s.english ? regions[i].name_en : regions[i].name_zh;
        bool changed = ImGui::Checkbox(label.c_str(), &setting.visible);
        if (defaults[i].fill) {
            float opacity = setting.opacity >= 0 ? setting.opacity : defaults[i].fill_alpha;
            ImGui::SameLine(ImGui::GetWindowWidth() - 70);
            ImGui::SetNextItemWidth(60);
            if (ImGui::SliderFloat("##opacity", &opacity, 0.f, 1.f, "%.2f")) setting.opacity = opacity, changed = true;
        }
        if (changed) s.regions[regions[i].id] = setting;
        ImGui::PopID();
    }
}

}  // namespace

void draw_layers_panel(ViewerState& state) {
    ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 520), ImGuiCond_FirstUseEver);
    ImGui::Begin("Layers");
    layer_toggles(state.session);
    projection_combo(state);
    draw_choropleth_controls(state);
    ImGui::Separator();
    ImGui::TextDisabled("Regions of section 8 (dashed: provisional extent;");
    ImGui::TextDisabled("hatched: partial members; outline: wider area)");
    region_rows(state);
    ImGui::End();
}

}  // namespace atlas::viewer
