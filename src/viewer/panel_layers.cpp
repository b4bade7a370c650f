// Layers panel: what is drawn, the legend of region colours, projection and label language.
#include <imgui.h>

#include "geo/projection.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

/// The region's paint as drawn: an empty grey box where the map does not draw it (an industry
/// filter hides it), so the panel never shows a colour the map lacks.
void swatch(const RegionPaint& p) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    float fill = p.visible && p.fill ? 0.6f : 0.f;
    ImU32 colour = ImGui::ColorConvertFloat4ToU32(ImVec4(p.colour.r, p.colour.g, p.colour.b, fill));
    ImU32 edge = p.visible ? ImGui::ColorConvertFloat4ToU32(ImVec4(p.colour.r, p.colour.g, p.colour.b, 1))
                           : ImGui::GetColorU32(ImGuiCol_TextDisabled);
    list->AddRectFilled(at, ImVec2(at.x + 14, at.y + 14), colour);
    list->AddRect(at, ImVec2(at.x + 14, at.y + 14), edge, 0, 0, p.dashed ? 1.0f : 2.0f);
    ImGui::Dummy(ImVec2(16, 14));
    ImGui::SameLine();
}

void projection_combo(ViewerState& state) {
    std::vector<std::string> names = projection_names();
    std::string& projection = state.session.projection;  // the scene follows it (refresh_scene)
    if (ImGui::BeginCombo(tr("projection"), projection.c_str())) {
        for (const std::string& n : names)
            if (ImGui::Selectable(n.c_str(), n == projection)) projection = n;
        ImGui::EndCombo();
    }
}

/// Layer checkboxes; labels and the legend are drawn every frame, the rest through the map cache.
void layer_toggles(ViewerState& state) {
    Session& s = state.session;
    ImGui::Checkbox(tr("Provinces"), &s.show_provinces);
    mark_widget(state, "layers.provinces");
    ImGui::SameLine();
    ImGui::Checkbox(tr("Prefectures"), &s.show_prefectures);
    ImGui::SameLine();
    ImGui::Checkbox(tr("Regions"), &s.show_regions);
    ImGui::Checkbox(tr("Hubs"), &s.show_hubs);
    mark_widget(state, "layers.hubs");
    ImGui::SameLine();
    ImGui::Checkbox(tr("Labels"), &s.show_labels);
    ImGui::SameLine();
    ImGui::Checkbox(tr("Legend"), &s.show_legend);
    ImGui::Checkbox(tr("Counties"), &s.show_counties);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("County-level borders when zoomed in (needs the county layer)"));
    ImGui::SameLine();
    ImGui::Checkbox(tr("Pilot zones"), &s.show_pilot_zones);
    ImGui::SameLine();
    ImGui::Checkbox(tr("New districts"), &s.show_new_districts);
    bool zh = !s.english;
    if (ImGui::Checkbox(tr("中文 labels (L)"), &zh)) s.english = !zh;
}

/// One row per region: swatch, visibility, fill opacity (a column of its own, headed, so the
/// sliders never sit on the names). Settings go to the session.
void region_rows(ViewerState& state) {
    Session& s = state.session;
    const auto& regions = state.doc.plan().regions;
    std::vector<RegionPaint> defaults = default_region_paint(state.doc.plan());
    if (!ImGui::BeginTable("regions", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(tr("Region (shown)"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Fill opacity"), ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < regions.size() && i < state.style.regions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        swatch(state.style.regions[i]);
        RegionSetting setting = s.regions.count(regions[i].id) ? s.regions[regions[i].id] : RegionSetting{};
        std::string label = s.english ? regions[i].name_en : regions[i].name_zh;
        bool changed = ImGui::Checkbox(label.c_str(), &setting.visible);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
        ImGui::TableNextColumn();
        if (defaults[i].fill) {
            float opacity = setting.opacity >= 0 ? setting.opacity : defaults[i].fill_alpha;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderFloat("##opacity", &opacity, 0.f, 1.f, "%.2f")) setting.opacity = opacity, changed = true;
        } else {
            // Drawn as a band: a wider area the plan mentions, or a group of clusters it designates.
            bool context = regions[i].designation.type == DesignationType::Context;
            ImGui::TextDisabled("%s", context ? tr("wider area") : tr("group"));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", context ? tr("A wider area around the clusters (not a designated cluster)")
                                                : tr("A group of clusters the plan designates as a whole"));
        }
        if (changed) s.regions[regions[i].id] = setting;
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void layers_tab(ViewerState& state) {
    layer_toggles(state);
    projection_combo(state);
    ImGui::Separator();
    ImGui::TextWrapped(tr(
        "Regions of section 8 (dashed: provisional extent; hatched: partial members; wide band: wider area or group)"));
    region_rows(state);
}

}  // namespace atlas::viewer
