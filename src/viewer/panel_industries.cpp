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

/// How many regions the plan names for the industry (or one of its subsectors).
int named_regions(const Plan& plan, const std::string& id) {
    int n = 0;
    for (const PlanRegion& r : plan.regions)
        n += r.designation.type == DesignationType::Explicit && plan.designates(r, id) ? 1 : 0;
    return n;
}

void industry_node(ViewerState& state, const Industry& ind) {
    const Plan& plan = state.doc.plan();
    bool leaf = true;
    for (const Industry& child : plan.industries) leaf = leaf && child.parent != ind.id;
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | (leaf ? ImGuiTreeNodeFlags_Leaf : 0) |
                               (chosen(state, ind.id) ? ImGuiTreeNodeFlags_Selected : 0);
    int regions = named_regions(plan, ind.id);
    const std::string& name = state.session.english ? ind.name_en : ind.name_zh;
    // The count is of regions; the plan's section goes to the tooltip, where it cannot be misread.
    bool open = ImGui::TreeNodeEx(ind.id.c_str(), flags, "%s  [%d]", name.c_str(), regions);
    mark_widget(state, "industry." + ind.id);
    bool activated =
        ImGui::IsItemClicked() || (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space)));
    if (activated && !ImGui::IsItemToggledOpen()) toggle(state, ind.id, ImGui::GetIO().KeyCtrl);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(name.c_str());
        ImGui::TextDisabled(tr("Plan section %s. %s"), ind.section.c_str(),
                            regions == 0 ? tr("The plan names no region for it.")
                                         : (std::to_string(regions) +
                                            (regions == 1 ? tr(" region named for it.") : tr(" regions named for it.")))
                                               .c_str());
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

void industries_tab(ViewerState& state) {
    const auto& chosen_ids = state.session.industries;
    ImGui::TextDisabled(tr("[n]: regions the plan names for the industry"));
    if (chosen_ids.size() == 1) {
        const Industry* ind = state.doc.plan().industry(chosen_ids[0]);
        if (named_regions(state.doc.plan(), ind->id) == 0)
            ImGui::TextWrapped(
                tr("The plan names no region for %s; only the regions designated in general are shown, faintly."),
                ind->name_en.c_str());
        else
            ImGui::TextWrapped(
                tr("Showing: %s. Full colour: named for it; faint: designated in general. Ctrl+click adds more."),
                ind->name_en.c_str());
    } else if (chosen_ids.size() > 1) {
        ImGui::TextWrapped(tr("%zu industries: regions coloured by how many of them the plan names for each."),
                           chosen_ids.size());
    } else {
        ImGui::TextDisabled(tr("Click an industry to show its regions; Ctrl+click for several."));
    }
    if (!chosen_ids.empty() && ImGui::SmallButton(tr("Show all regions"))) state.session.industries.clear();
    for (const Industry& ind : state.doc.plan().industries)
        if (ind.parent.empty()) industry_node(state, ind);
}

}  // namespace atlas::viewer
