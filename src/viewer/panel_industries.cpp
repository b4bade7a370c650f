// Industries panel: the plan's sectors and subsectors with their 2020 targets. Choosing one shows
// the regions the plan designates for it in full colour, those designated for strategic emerging
// industries in general faintly, and hides the rest; Ctrl+click adds industries, and several give a
// count choropleth (how many of them each region is named for).
#include <imgui.h>

#include <algorithm>

#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

bool chosen(const ViewerState& state, const std::string& id) {
    const auto& list = state.session.industries;
    return std::find(list.begin(), list.end(), id) != list.end();
}

/// A click chooses one industry (or clears it); Ctrl+click adds or removes it from the set.
void toggle(ViewerState& state, const std::string& id, bool add) {
    auto& list = state.session.industries;
    auto it = std::find(list.begin(), list.end(), id);
    if (add) {
        if (it == list.end())
            list.push_back(id);
        else
            list.erase(it);
    } else {
        list = (it != list.end() && list.size() == 1) ? std::vector<std::string>{} : std::vector<std::string>{id};
    }
}

void industry_node(ViewerState& state, const Industry& ind) {
    const Plan& plan = state.doc.plan();
    bool leaf = true;
    for (const Industry& child : plan.industries) leaf = leaf && child.parent != ind.id;
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | (leaf ? ImGuiTreeNodeFlags_Leaf : 0) |
                               (chosen(state, ind.id) ? ImGuiTreeNodeFlags_Selected : 0);
    bool open = ImGui::TreeNodeEx(ind.id.c_str(), flags, "%s (%s)", ind.name_en.c_str(), ind.section.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) toggle(state, ind.id, ImGui::GetIO().KeyCtrl);
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

void draw_industries_panel(ViewerState& state) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(10, io.DisplaySize.y - 300), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 260), ImGuiCond_FirstUseEver);
    ImGui::Begin("Industries");
    const auto& chosen_ids = state.session.industries;
    if (chosen_ids.size() == 1) {
        const Industry* ind = state.doc.plan().industry(chosen_ids[0]);
        ImGui::TextWrapped(
            "Showing: %s. Full colour: named for it; faint: designated in general. Ctrl+click adds more.",
            ind->name_en.c_str());
    } else if (chosen_ids.size() > 1) {
        ImGui::TextWrapped("%zu industries: regions coloured by how many of them the plan names for each.",
                           chosen_ids.size());
    } else {
        ImGui::TextDisabled("Click an industry to show its regions; Ctrl+click for several.");
    }
    if (!chosen_ids.empty() && ImGui::SmallButton("Show all regions")) state.session.industries.clear();
    for (const Industry& ind : state.doc.plan().industries)
        if (ind.parent.empty()) industry_node(state, ind);
    ImGui::End();
}

}  // namespace atlas::viewer
