// Compare panel: 2 to 4 regions side by side (industries with shared ones marked, Jaccard
// similarity, areas, overlap, members, provinces, hubs); the map shows only them, fitted, with the
// members they share hatched.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "analysis/compare.hpp"
#include "panels.hpp"
#include "text/join.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

std::string number(double value, const char* format = "%.0f") {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

/// Checkboxes for every region; at most four can be ticked.
bool region_picker(ViewerState& state) {
    Session& s = state.session;
    bool changed = false;
    ImGui::BeginChild("pick", ImVec2(0, 150), true);
    for (const PlanRegion& r : state.doc.plan().regions) {
        auto it = std::find(s.compare.begin(), s.compare.end(), r.id);
        bool on = it != s.compare.end();
        ImGui::BeginDisabled(!on && s.compare.size() >= 4);
        if (ImGui::Checkbox((s.english ? r.name_en : r.name_zh + "##" + r.id).c_str(), &on)) {
            if (on)
                s.compare.push_back(r.id);
            else
                s.compare.erase(it);
            changed = true;
        }
        ImGui::EndDisabled();
    }
    ImGui::EndChild();
    return changed;
}

void row(const char* label, const std::vector<std::string>& cells) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    for (const std::string& c : cells) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", c.c_str());
    }
}

void facts(ViewerState& state, const Comparison& c) {
    std::size_t n = c.shapes.size();
    std::vector<std::string> kind, area, overlap, members, provinces, hubs, similarity;
    for (std::size_t i = 0; i < n; ++i) {
        const RegionShape& shape = *c.shapes[i];
        kind.push_back(to_string(shape.region->designation.type));
        area.push_back(number(shape.area_km2) + " km2" + (shape.partial_area_km2 > 0 ? " (upper bound)" : ""));
        double shared = 0;
        std::vector<std::string> jac;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) shared += c.overlap_km2[i][j], jac.push_back(number(c.jaccard[i][j], "%.2f"));
        overlap.push_back(number(shared) + " km2");
        similarity.push_back(join(jac, ", "));
        members.push_back(std::to_string(shape.units.size()));
        provinces.push_back(std::to_string(shape.provinces.size()));
        std::string h = join_mapped(
            shape.region->hubs, [&](const Hub& hub) { return state.session.english ? hub.name_en : hub.name_zh; },
            ", ");
        hubs.push_back(h.empty() ? "-" : h);
    }
    row("designation", kind);
    row("area", area);
    row("overlap with the others", overlap);
    row("Jaccard with the others", similarity);
    row("prefecture-level members", members);
    row("provinces", provinces);
    row("hubs", hubs);
}

void industries(ViewerState& state, const Comparison& c) {
    const Plan& plan = state.doc.plan();
    for (std::size_t k = 0; k < c.industries.size(); ++k) {
        bool shared = std::find(c.shared.begin(), c.shared.end(), c.industries[k]) != c.shared.end();
        const Industry* ind = plan.industry(c.industries[k]);
        std::vector<std::string> cells;
        for (bool d : c.designated[k]) cells.push_back(d ? "yes" : "-");
        std::string label = (shared ? "* " : "") + (state.session.english ? ind->name_en : ind->name_zh);
        row(label.c_str(), cells);
    }
}

void comparison_table(ViewerState& state) {
    std::vector<const RegionShape*> shapes;
    for (const std::string& id : state.session.compare)
        shapes.push_back(&state.doc.shape(*state.doc.plan().region(id)));
    Comparison c = compare_regions(state.doc.plan(), shapes);
    int columns = static_cast<int>(shapes.size()) + 1;
    if (!ImGui::BeginTable("comparison", columns,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY, ImVec2(0, 0)))
        return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
    for (const RegionShape* s : shapes)
        ImGui::TableSetupColumn((state.session.english ? s->region->name_en : s->region->name_zh).c_str());
    ImGui::TableHeadersRow();
    facts(state, c);
    industries(state, c);
    ImGui::EndTable();
    if (c.industries.empty())
        ImGui::TextWrapped("The plan names no industry for any of these regions (general designations).");
    else
        ImGui::TextDisabled("* named for all of them");
}

void fit_compared(ViewerState& state) {
    std::vector<const MultiPolygon*> geometries;
    for (const std::string& id : state.session.compare)
        geometries.push_back(&state.doc.shape(*state.doc.plan().region(id)).geometry);
    fly_to(state, geometries);
}

}  // namespace

void draw_compare_panel(ViewerState& state) {
    Session& s = state.session;
    if (!s.show_compare_window) return;
    ImGui::SetNextWindowPos(ImVec2(350, 90), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(680, 560), ImGuiCond_FirstUseEver);
    if (s.show_compare_window != state.compare_window_was_open) ImGui::SetNextWindowFocus();  // just opened: in front
    state.compare_window_was_open = s.show_compare_window;
    if (!ImGui::Begin("Compare regions", &s.show_compare_window)) return ImGui::End();
    ImGui::TextWrapped("Tick 2 to 4 regions (or click a region on the map, then 'Add selected').");
    bool changed = region_picker(state);
    const PlanRegion* selected = selected_region(state);
    ImGui::BeginDisabled(selected == nullptr || s.compare.size() >= 4 ||
                         (selected != nullptr && std::count(s.compare.begin(), s.compare.end(), selected->id) > 0));
    if (ImGui::Button("Add selected")) s.compare.push_back(selected->id), changed = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Clear")) s.compare.clear(), s.split_view = false;
    ImGui::SameLine();
    ImGui::BeginDisabled(s.compare.size() < 2);
    if (ImGui::Button("Fit map")) fit_compared(state);
    ImGui::SameLine();
    ImGui::Checkbox("Split view (first two)", &s.split_view);
    ImGui::EndDisabled();
    if (changed && s.compare.size() >= 2) fit_compared(state);
    if (s.compare.size() >= 2) comparison_table(state);
    ImGui::End();
}

}  // namespace atlas::viewer
