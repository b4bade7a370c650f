// Map colouring controls (in the layers panel): the regions' designations alone, the share of each
// province inside designated regions, or a numeric column of the user's CSV, classed.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "analysis/classify.hpp"
#include "panels.hpp"
#include "text/escape.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void kind_radios(ViewerState& state) {
    Session& s = state.session;
    int kind = static_cast<int>(s.choropleth);
    ImGui::RadioButton(tr("regions only"), &kind, static_cast<int>(ChoroplethKind::None));
    mark_widget(state, "data.none");
    ImGui::RadioButton(tr("province coverage"), &kind, static_cast<int>(ChoroplethKind::ProvinceCoverage));
    mark_widget(state, "data.coverage");
    ImGui::RadioButton(tr("my data (CSV)"), &kind, static_cast<int>(ChoroplethKind::UserData));
    mark_widget(state, "data.mine");
    s.choropleth = static_cast<ChoroplethKind>(kind);
}

void column_combo(ViewerState& state) {
    Session& s = state.session;
    const std::vector<std::string>& columns = state.data->columns;
    std::string current = s.data.column.empty() && !columns.empty() ? columns[0] : s.data.column;
    if (ImGui::BeginCombo(tr("column"), current.c_str())) {
        for (const std::string& c : columns)
            if (ImGui::Selectable(c.c_str(), c == current)) s.data.column = c;
        ImGui::EndCombo();
    }
}

void classing(Session& s) {
    const char* methods[] = {"quantile", "equal", "natural"};
    if (ImGui::BeginCombo(tr("classes by"), s.data.method.c_str())) {
        for (const char* m : methods)
            if (ImGui::Selectable(m, s.data.method == m)) s.data.method = m;
        ImGui::EndCombo();
    }
    ImGui::SliderInt("classes", &s.data.classes, 2, 9);
}

void load_csv(ViewerState& state, const std::string& path, const std::string& points_by = "") {
    std::error_code ec;
    state.session.data.points_by = points_by;
    state.session.data.points_value.clear();  // a column of the previous file's, if any
    if (!points_by.empty()) {                 // a table's options, which points do not take (session.cpp refuses them)
        state.session.data.key_column.clear();
        state.session.data.separator.clear();
    }
    state.session.data.path = std::filesystem::absolute(path, ec).lexically_normal().string();
    state.session.data.named_by.clear();                            // the user chose this file: its errors may quote it
    state.session.data.column = points_by.empty() ? "" : "points";  // hover then reads the count
    state.session.choropleth = ChoroplethKind::UserData;
    state.loaded_data.clear();  // read it again even when the path is the same (an edited file)
    state.view.touch_figure();
}

/// The CSV path: typed (or chosen below), then loaded; a file that cannot be used says why.
void data_file(ViewerState& state) {
    std::string& typed = state.typed_data_path;
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr("Load")).x - ImGui::GetStyle().FramePadding.x * 2 -
                            ImGui::GetStyle().ItemSpacing.x);
    // Enter in the box loads it, as the Load button does.
    bool entered = ImGui::InputTextWithHint("##csv", tr("CSV keyed by province, prefecture or county code"), &typed,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    mark_widget(state, "data.path");
    ImGui::SameLine();
    if (ImGui::Button(tr("Load")) || (entered && !typed.empty())) load_csv(state, typed);
    mark_widget(state, "data.load");
    if (file_browser("csv_files", typed, ".csv", state.session.data.path)) load_csv(state, typed);
}

/// A file of points (CSV with lon/lat columns, or any GDAL point source), counted per unit of the
/// chosen level and drawn as dots; its datum.
void points_file(ViewerState& state) {
    std::string& typed = state.typed_points_path;
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr("Count")).x - ImGui::GetStyle().FramePadding.x * 2 -
                            ImGui::GetStyle().ItemSpacing.x);
    bool entered = ImGui::InputTextWithHint("##points", tr("points: CSV with lon/lat, GeoJSON, GeoPackage ..."), &typed,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    mark_widget(state, "points.path");
    ImGui::SameLine();
    if (ImGui::Button(tr("Count")) || (entered && !typed.empty())) load_csv(state, typed, state.points_by);
    mark_widget(state, "points.load");
    const char* levels[] = {"province", "prefecture", "county"};
    const char* datums[] = {"wgs84", "gcj02", "bd09"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo(tr("per"), state.points_by.c_str())) {
        for (const char* l : levels)
            if (ImGui::Selectable(l, state.points_by == l)) state.points_by = l;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    std::string& datum = state.session.data.points_datum;
    if (ImGui::BeginCombo(tr("datum"), datum.c_str())) {
        for (const char* d : datums)
            if (ImGui::Selectable(d, datum == d)) datum = d;
        ImGui::EndCombo();
    }
    const Session& s = state.session;
    if (state.data != nullptr && !s.data.points_by.empty())
        ImGui::TextDisabled("%s", (with_separators(state.data->points_total) + tr(" points, per ") + s.data.points_by +
                                   tr("; dots when zoomed in, squares of 0.5 degree at the national view"))
                                      .c_str());
}

}  // namespace

void draw_choropleth_controls(ViewerState& state) {
    Session& s = state.session;
    ImGui::Separator();
    ImGui::Text(tr("Colour the map by"));
    kind_radios(state);
    if (s.choropleth == ChoroplethKind::ProvinceCoverage)
        ImGui::TextDisabled(s.industries.size() == 1 ? tr("inside regions named for the selected industry")
                                                     : tr("inside regions designated at all"));
    if (s.choropleth != ChoroplethKind::UserData) return;
    data_file(state);
    points_file(state);
    if (!state.data_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.35f, 1));
        ImGui::TextWrapped("%s", state.data_error.c_str());
        ImGui::PopStyleColor();
    }
    if (state.data == nullptr) {
        if (state.data_error.empty())
            ImGui::TextWrapped(tr("No table loaded: type a CSV path or choose one, then Load."));
        return;
    }
    column_combo(state);
    classing(s);
}

}  // namespace atlas::viewer
