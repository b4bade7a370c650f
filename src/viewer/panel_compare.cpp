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
    ImGui::BeginChild("pick", ImVec2(0, 150), true, ImGuiWindowFlags_NavFlattened);  // arrows walk straight in
    for (const PlanRegion& r : state.doc.plan().regions) {
        auto it = std::find(s.compare.begin(), s.compare.end(), r.id);
        bool on = it != s.compare.end();
        ImGui::BeginDisabled(!on && s.compare.size() >= 4);
        if (ImGui::Checkbox(((s.english ? r.name_en : r.name_zh) + "##" + r.id).c_str(), &on)) {
            if (on)
                s.compare.push_back(r.id);
            else
                s.compare.erase(it);
            changed = true;
        }
        mark_widget(state, "compare." + r.id);
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

/// The designation in the interface's language ("general" stood in the Chinese table).
const char* designation_words(DesignationType type) {
    switch (type) {
        case DesignationType::Explicit:
            return tr("industries named");
        case DesignationType::General:
            return tr("general");
        case DesignationType::Context:
            return tr("wider area");
    }
    return "?";
}

void facts(ViewerState& state, const Comparison& c) {
    std::size_t n = c.shapes.size();
    std::vector<std::string> kind, area, overlap, members, provinces, hubs, similarity;
    for (std::size_t i = 0; i < n; ++i) {
        const RegionShape& shape = *c.shapes[i];
        kind.push_back(designation_words(shape.region->designation.type));
        area.push_back(format_km2(shape.area_km2) + (shape.partial_area_km2 > 0 ? tr(" (upper bound)") : ""));
        double shared = 0;
        std::vector<std::string> jac;
        bool none_named = shape.region->designation.industries.empty();
        if (none_named) jac.push_back(tr("n/a (no industries named)"));
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            shared += c.overlap_km2[i][j];
            if (none_named) continue;
            const PlanRegion& other = *c.shapes[j]->region;
            // A region the plan names no industry for has nothing to compare (analysis/compare.hpp).
            bool nothing = !jaccard_defined(c, i, j);
            jac.push_back(tr("with ") + (state.session.english ? other.name_en : other.name_zh) + ": " +
                          (nothing ? tr("n/a (no industries named)") : number(c.jaccard[i][j], "%.2f")));
        }
        overlap.push_back(format_km2(shared));
        similarity.push_back(join(jac, "\n"));
        members.push_back(std::to_string(shape.units.size()));
        provinces.push_back(std::to_string(shape.provinces.size()));
        std::string h = join_mapped(
            shape.region->hubs, [&](const Hub& hub) { return state.session.english ? hub.name_en : hub.name_zh; },
            ", ");
        hubs.push_back(h.empty() ? "-" : h);
    }
    row(tr("designation"), kind);
    row(tr("area"), area);
    row(tr("overlap with the others"), overlap);
    row(tr("industries in common (Jaccard)"), similarity);
    row(tr("prefecture-level members"), members);
    row(tr("provinces"), provinces);
    row(tr("hubs"), hubs);
}

void industries(ViewerState& state, const Comparison& c) {
    const Plan& plan = state.doc.plan();
    for (std::size_t k = 0; k < c.industries.size(); ++k) {
        bool shared = std::find(c.shared.begin(), c.shared.end(), c.industries[k]) != c.shared.end();
        const Industry* ind = plan.industry(c.industries[k]);
        std::vector<std::string> cells;
        for (std::size_t r = 0; r < c.designated[k].size(); ++r)
            cells.push_back(!c.designated[k][r]       ? "-"
                            : c.through[k][r].empty() ? tr("yes")
                                                      : tr("through a subsector"));
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
    if (!ImGui::BeginTable("comparison", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImVec2(0, 0)))
        return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
    for (std::size_t i = 0; i < shapes.size(); ++i) ImGui::TableSetupColumn(("##c" + std::to_string(i)).c_str());
    // Headers wrap (a table header row would cut long region names).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    for (const RegionShape* s : shapes) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", (state.session.english ? s->region->name_en : s->region->name_zh).c_str());
    }
    facts(state, c);
    industries(state, c);
    ImGui::EndTable();
    if (c.industries.empty())
        ImGui::TextWrapped(tr("The plan names no industry for any of these regions (general designations)."));
    else
        ImGui::TextDisabled(tr("* named for all of them"));
}

void fit_compared(ViewerState& state) {
    std::vector<const MultiPolygon*> geometries;
    for (const std::string& id : state.session.compare)
        geometries.push_back(&state.doc.shape(*state.doc.plan().region(id)).geometry);
    fly_to(state, geometries);
}

}  // namespace

void compare_tab(ViewerState& state) {
    Session& s = state.session;
    ImGui::TextWrapped(tr("Tick 2 to 4 regions (or click a region on the map, then 'Add selected')."));
    bool changed = region_picker(state);
    const PlanRegion* selected = selected_region(state);
    ImGui::BeginDisabled(selected == nullptr || s.compare.size() >= 4 ||
                         (selected != nullptr && std::count(s.compare.begin(), s.compare.end(), selected->id) > 0));
    if (ImGui::Button(tr("Add selected"))) s.compare.push_back(selected->id), changed = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Leave compare"))) leave_compare(state);
    mark_widget(state, "compare.leave");
    ImGui::SameLine();
    ImGui::BeginDisabled(s.compare.size() < 2);
    if (ImGui::Button(tr("Fit map"))) fit_compared(state);
    // Beside the button where it fits, else below it: at 1400 px it was cut ("Split view (first t").
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* split_label = tr("Split view (first two)");
    float split_width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(split_label).x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < split_width) ImGui::NewLine();
    ImGui::Checkbox(split_label, &s.split_view);
    mark_widget(state, "compare.split");
    ImGui::EndDisabled();
    // A region ticked to compare shows the compared regions: a choropleth on before hid them under
    // its fills while the banner said "Comparing 3" (loading data afterwards shows the data again).
    if (changed && !s.compare.empty()) s.choropleth = ChoroplethKind::None;
    if (changed && s.compare.size() >= 2) fit_compared(state);
    if (s.compare.size() >= 2) comparison_table(state);
}

void draw_compare_banner(ViewerState& state) {
    Session& s = state.session;
    state.banner_bottom = 0;
    if (s.compare.empty()) return;
    const PixelRect& map = state.layout.map;
    float k = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(map.x + map.width / 2) / k, static_cast<float>(map.y) / k + 6),
                            ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##compare_banner", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    std::vector<std::string> names;
    for (const std::string& id : s.compare) {
        const PlanRegion* r = state.doc.plan().region(id);
        names.push_back(s.english ? r->name_en : r->name_zh);
    }
    ImGui::Text(tr("Comparing %zu: %s"), names.size(), join(names, ", ").c_str());
    if (split_active(state) && s.compare.size() > 2)
        ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.2f, 1), tr("Split view shows the first two; %s only in the table."),
                           join(std::vector<std::string>(names.begin() + 2, names.end()), ", ").c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Leave compare (Esc)"))) leave_compare(state);
    mark_widget(state, "banner.leave");
    state.banner_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();  // the legend keeps below it
    ImGui::End();
}

}  // namespace atlas::viewer
