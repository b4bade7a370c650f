// Attribute table (Data tab): the rows of a layer (provinces, prefecture-level units or the plan's
// regions) with code, names, area and the current colouring's value; sorted by any column, filtered by
// text; a click selects the row's unit or region and frames it on the map.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/search.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

struct Row {
    std::string code, name_en, name_zh, value;
    double area_km2 = 0;
    double number = 0;  ///< the value as a number for sorting (NaN: none)
    const Region* unit = nullptr;
    const PlanRegion* region = nullptr;
};

struct TableState {
    int layer = 0;  ///< 0 provinces, 1 prefecture-level units, 2 regions
    std::string filter;
};

TableState& table_state() {
    static TableState t;
    return t;
}

std::vector<Row> rows_of(ViewerState& state, int layer) {
    std::vector<Row> rows;
    if (layer == 2) {
        for (const PlanRegion& r : state.doc.plan().regions)
            rows.push_back({r.id, r.name_en, r.name_zh, "", state.doc.shape(r).area_km2,
                            static_cast<double>(r.designation.industries.size()), nullptr, &r});
        for (Row& row : rows) row.value = std::to_string(static_cast<int>(row.number)) + tr(" industries named");
        return rows;
    }
    const RegionLayer& units = layer == 0 ? state.doc.provinces() : state.doc.prefectures();
    for (const Region& u : units.regions) {
        UnitValue v = value_of(state, u);
        double number = v.value.empty() || v.value == tr("no data") ? NAN : std::atof(v.value.c_str());
        rows.push_back({u.code, u.name_en, u.name_zh, v.value, u.area_km2, number, &u, nullptr});
    }
    return rows;
}

bool matches(const Row& row, const std::string& filter) {
    if (filter.empty()) return true;
    std::string wanted = normalize_name(filter);
    for (const std::string* field : {&row.code, &row.name_en, &row.name_zh})
        if (normalize_name(*field).find(wanted) != std::string::npos) return true;
    return false;
}

void sort_rows(std::vector<Row>& rows, const ImGuiTableSortSpecs* specs) {
    if (specs == nullptr || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    bool up = s.SortDirection == ImGuiSortDirection_Ascending;
    auto key_less = [&](const Row& a, const Row& b) {
        switch (s.ColumnIndex) {
            case 0:
                return a.code < b.code;
            case 1:
                return a.name_en < b.name_en;
            case 2:
                return a.area_km2 < b.area_km2;
            default:  // values: rows without one last either way
                if (std::isnan(a.number) != std::isnan(b.number)) return std::isnan(b.number) == up;
                return a.number < b.number;
        }
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Row& a, const Row& b) { return up ? key_less(a, b) : key_less(b, a); });
}

void choose(ViewerState& state, const Row& row) {
    if (row.unit != nullptr) return select_unit(state, *row.unit, true);
    state.session.selected_region = row.region->id;
    state.session.selected_prefecture.clear();
    fly_to(state, {&state.doc.shape(*row.region).geometry});
}

}  // namespace

void attribute_table(ViewerState& state) {
    TableState& t = table_state();
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Attribute table"));
    const char* layers[] = {tr("provinces"), tr("prefecture-level units"), tr("regions of the plan")};
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##table_layer", &t.layer, layers, IM_ARRAYSIZE(layers));
    mark_widget(state, "table.layer");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##table_filter", tr("filter by code or name"), &t.filter);
    mark_widget(state, "table.filter");
    std::vector<Row> rows = rows_of(state, t.layer);
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const Row& r) { return !matches(r, t.filter); }),
               rows.end());
    ImGuiTableFlags flags =
        ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
        ImGuiTableFlags_ScrollY;  // not resizable: a column border would take the clicks meant for a row
    if (!ImGui::BeginTable("attributes", 4, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(t.layer == 2 ? "id" : tr("code"), ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn(tr("name"));
    ImGui::TableSetupColumn(tr("km\u00b2"), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(t.layer == 2 ? tr("industries") : tr("value"), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    sort_rows(rows, ImGui::TableGetSortSpecs());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool chosen = (row.unit != nullptr && row.unit->code == state.session.selected_prefecture) ||
                      (row.region != nullptr && row.region->id == state.session.selected_region);
        if (ImGui::Selectable((row.code + "##row").c_str(), chosen, ImGuiSelectableFlags_SpanAllColumns))
            choose(state, row);
        if (i == 0) mark_widget(state, "table.first_row");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((state.session.english ? row.name_en : row.name_zh).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s", format_km2(row.area_km2).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.value.c_str());
    }
    ImGui::EndTable();
    ImGui::TextDisabled(tr("%zu rows; click one to select it and fly there"), rows.size());
}

}  // namespace atlas::viewer
