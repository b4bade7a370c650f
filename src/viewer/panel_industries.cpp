// Industries panel: the plan's sectors and subsectors with their 2020 targets. Choosing one shows
// the regions the plan designates for it in full colour, those designated for strategic emerging
// industries in general faintly, and hides the rest.
#include <imgui.h>

#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void industry_node(ViewerState& state, const Industry& ind) {
    const Plan& plan = state.doc.plan();
    bool leaf = true;
    for (const Industry& child : plan.industries) leaf = leaf && child.parent != ind.id;
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | (leaf ? ImGuiTreeNodeFlags_Leaf : 0) |
                               (state.industry == ind.id ? ImGuiTreeNodeFlags_Selected : 0);
    bool open = ImGui::TreeNodeEx(ind.id.c_str(), flags, "%s (%s)", ind.name_en.c_str(), ind.section.c_str());
    if (ImGui::IsItemClicked()) state.industry = state.industry == ind.id ? "" : ind.id;
    if (ImGui::IsItemHovered() && !ind.targets.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420);
        for (const Target& t : ind.targets) ImGui::BulletText("%s", t.quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (!open) return;
    for (const Industry& child : plan.industries)
        if (child.parent == ind.id) industry_node(state, child);
    ImGui::TreePop();
}

}  // namespace

void apply_industry_filter(ViewerState& state) {
    if (state.industry == state.applied_industry) return;
    const Plan& plan = state.doc.plan();
    std::vector<RegionPaint> paint = default_region_paint(plan);
    for (std::size_t i = 0; i < plan.regions.size() && !state.industry.empty(); ++i) {
        const PlanRegion& r = plan.regions[i];
        if (plan.designates(r, state.industry)) paint[i].fill_alpha = 0.6f;
        else if (r.designation.type == DesignationType::General) paint[i].fill_alpha = 0.12f;
        else paint[i].visible = false;
    }
    state.style.regions = paint;
    state.applied_industry = state.industry;
    state.map_dirty = true;
}

void draw_industries_panel(ViewerState& state) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(10, io.DisplaySize.y - 330), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 290), ImGuiCond_FirstUseEver);
    ImGui::Begin("Industries");
    if (!state.industry.empty()) {
        const Industry* ind = state.doc.plan().industry(state.industry);
        ImGui::TextWrapped("Showing: %s. Full colour: named for it; faint: designated in general.", ind->name_en.c_str());
        if (ImGui::SmallButton("Show all regions")) state.industry.clear();
    }
    for (const Industry& ind : state.doc.plan().industries)
        if (ind.parent.empty()) industry_node(state, ind);
    ImGui::End();
    apply_industry_filter(state);
}

}  // namespace atlas::viewer
