// Inspector: the selected region (industries, hubs, area, the plan's sentence, provenance) and the
// selected prefecture. Tooltip: what lies under the pointer.
#include <imgui.h>

#include <cstdio>

#include "panels.hpp"
#include "text/join.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

std::string km2(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.0f km2", value);
    return buffer;
}

void region_details(ViewerState& state, const PlanRegion& r) {
    const RegionShape& shape = state.doc.shape(r);
    ImGui::TextWrapped("%s  %s", r.name_en.c_str(), r.name_zh.c_str());
    ImGui::TextDisabled("%s, %s", r.kind.c_str(), to_string(r.designation.type));
    if (r.designation.type == DesignationType::Explicit) {
        ImGui::Text("Industries the plan names:");
        for (const IndustryDesignation& d : r.designation.industries) {
            const Industry* ind = state.doc.plan().industry(d.industry);
            ImGui::BulletText("%s (%s) - plan: \"%s\"", ind->name_en.c_str(), ind->section.c_str(),
                              d.plan_term.c_str());
        }
    } else if (r.designation.type == DesignationType::General) {
        ImGui::TextWrapped("Designated for strategic emerging industries in general; the plan names no industry.");
    } else {
        ImGui::TextWrapped("A wider area the plan mentions around the clusters, not a designated cluster.");
    }
    std::string hubs = join_mapped(
        r.hubs, [](const Hub& h) { return h.name_en + " " + h.name_zh; }, ", ");
    ImGui::TextWrapped("Hubs: %s", hubs.empty() ? "none named" : hubs.c_str());
    ImGui::Text("Area: %s, %zu members", km2(shape.area_km2).c_str(), r.members.size());
    if (shape.partial_area_km2 > 0)
        ImGui::TextWrapped("Includes %s of partial members counted whole: the area is an upper bound.",
                           km2(shape.partial_area_km2).c_str());
    ImGui::Separator();
    ImGui::TextWrapped("Plan, section %s: \"%s\"", r.plan_section.c_str(), r.designation.quote.c_str());
    ImGui::Separator();
    if (r.extent.provisional) ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.1f, 1), "PROVISIONAL extent");
    ImGui::TextWrapped("Extent defined by: %s", r.extent.source_plan.c_str());
    if (!r.extent.caveat.empty()) ImGui::TextWrapped("Caveat: %s", r.extent.caveat.c_str());
    if (ImGui::TreeNode("Members")) {
        for (const Member& m : r.members)
            ImGui::Text("%s %s %s%s", m.code.c_str(), m.name_zh.c_str(), m.name_en.c_str(),
                        m.partial ? " (partial)" : "");
        ImGui::TreePop();
    }
}

}  // namespace

void draw_inspector_panel(ViewerState& state) {
    const PlanRegion* region = selected_region(state);
    const Region* unit = selected_unit(state);
    if (region == nullptr && unit == nullptr) return;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(state.camera.width) - 430, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(420, 520), ImGuiCond_FirstUseEver);
    ImGui::Begin("Inspector");
    if (unit != nullptr) {
        const Region& u = *unit;
        const Region* p = state.doc.provinces().find(u.parent_code.empty() ? u.code : u.parent_code);
        ImGui::Text("%s %s (%s), %s", u.name_en.c_str(), u.name_zh.c_str(), u.code.c_str(),
                    p != nullptr ? p->name_en.c_str() : "");
        ImGui::Text("Area: %s", km2(u.area_km2).c_str());
        ImGui::Separator();
    }
    if (region != nullptr)
        region_details(state, *region);
    else
        ImGui::TextWrapped("No designated region here.");
    ImGui::End();
}

void draw_hover_tooltip(const ViewerState& state) {
    if (state.hover.prefecture == nullptr || ImGui::GetIO().WantCaptureMouse) return;
    ImGui::BeginTooltip();
    const Region& u = *state.hover.prefecture;
    ImGui::Text("%s %s", u.name_en.c_str(), u.name_zh.c_str());
    if (state.hover.province != nullptr && state.hover.province != state.hover.prefecture)
        ImGui::TextDisabled("%s %s", state.hover.province->name_en.c_str(), state.hover.province->name_zh.c_str());
    for (const PlanRegion* r : state.hover.regions) {
        std::string industries = join_mapped(
            r->designation.industries, [](const IndustryDesignation& d) { return d.plan_term; }, ", ");
        ImGui::BulletText("%s%s%s", r->name_en.c_str(), industries.empty() ? "" : ": ", industries.c_str());
    }
    ImGui::EndTooltip();
}

}  // namespace atlas::viewer
