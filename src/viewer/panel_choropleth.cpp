// Map colouring controls (in the layers panel): the regions' designations alone, the share of each
// province inside designated regions, or a numeric column of the user's CSV, classed.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "analysis/classify.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void kind_radios(Session& s) {
    int kind = static_cast<int>(s.choropleth);
    ImGui::RadioButton("regions only", &kind, static_cast<int>(ChoroplethKind::None));
    ImGui::SameLine();
    ImGui::RadioButton("province coverage", &kind, static_cast<int>(ChoroplethKind::ProvinceCoverage));
    ImGui::SameLine();
    ImGui::RadioButton("my data", &kind, static_cast<int>(ChoroplethKind::UserData));
    s.choropleth = static_cast<ChoroplethKind>(kind);
}

void column_combo(ViewerState& state) {
    Session& s = state.session;
    const std::vector<std::string>& columns = state.data->columns;
    std::string current = s.data.column.empty() && !columns.empty() ? columns[0] : s.data.column;
    if (ImGui::BeginCombo("column", current.c_str())) {
        for (const std::string& c : columns)
            if (ImGui::Selectable(c.c_str(), c == current)) s.data.column = c;
        ImGui::EndCombo();
    }
}

void classing(Session& s) {
    const char* methods[] = {"quantile", "equal", "natural"};
    if (ImGui::BeginCombo("classes by", s.data.method.c_str())) {
        for (const char* m : methods)
            if (ImGui::Selectable(m, s.data.method == m)) s.data.method = m;
        ImGui::EndCombo();
    }
    ImGui::SliderInt("classes", &s.data.classes, 2, 9);
}

/// The CSV path: typed, then loaded with the button (a file that cannot be used reports why).
void data_file(ViewerState& state) {
    static std::string typed;  // what is in the box, applied only on Load
    if (typed.empty()) typed = state.session.data.path;
    ImGui::SetNextItemWidth(220);
    ImGui::InputTextWithHint("##csv", "CSV keyed by province or prefecture code", &typed);
    ImGui::SameLine();
    if (ImGui::Button("Load")) {
        state.session.data.path = std::filesystem::absolute(typed).string();
        state.session.data.column.clear();
        state.session.choropleth = ChoroplethKind::UserData;
        state.loaded_data.clear();  // read it again even when the path is the same (edited file)
        state.applied_figure.clear();
    }
}

}  // namespace

void draw_choropleth_controls(ViewerState& state) {
    Session& s = state.session;
    ImGui::Separator();
    ImGui::Text("Colour the map by");
    kind_radios(s);
    if (s.choropleth == ChoroplethKind::ProvinceCoverage)
        ImGui::TextDisabled(s.industries.size() == 1 ? "inside regions named for the selected industry"
                                                     : "inside regions designated at all");
    if (s.choropleth != ChoroplethKind::UserData) return;
    data_file(state);
    if (state.data == nullptr) {
        ImGui::TextWrapped("No table loaded: type a CSV path and press Load.");
        return;
    }
    column_combo(state);
    classing(s);
}

}  // namespace atlas::viewer
