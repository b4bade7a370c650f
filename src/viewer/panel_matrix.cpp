// Coverage matrix window: regions x industries as a heat grid (the same drawing as the headless
// matrix figure), sortable; hovering a cell shows the plan's sentence, clicking it selects that
// region and industry on the map.
#include <imgui.h>

#include "matrix_draw.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void cell_tooltip(ViewerState& state, const MatrixLayout& m, std::size_t row, std::size_t column) {
    const PlanRegion& r = *m.matrix.regions[row];
    const Industry& ind = *m.matrix.industries[column];
    Coverage c = m.matrix.cells[row][column];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(460);
    ImGui::Text("%s x %s", r.name_en.c_str(), ind.name_en.c_str());
    if (r.extent.provisional)  // as the inspector says it: the row rests on a weaker source
        ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.1f, 1), tr("PROVISIONAL extent"));
    ImGui::TextDisabled("%s", c == Coverage::Explicit  ? tr("named for the region")
                              : c == Coverage::General ? tr("designated for strategic emerging industries in general")
                                                       : tr("not designated"));
    if (c != Coverage::None)
        ImGui::TextWrapped(tr("Plan, section %s: \"%s\""), r.plan_section.c_str(), r.designation.quote.c_str());
    // The plan's words for this column's industry, or for one of its branches: a top-level column
    // listed every word the region has, biomedicine's beside the new energy vehicles' (a user's trial).
    const Plan& plan = state.doc.plan();
    for (const IndustryDesignation& d : r.designation.industries) {
        const Industry* named = plan.industry(d.industry);
        bool of_column = d.industry == ind.id || (named != nullptr && named->parent == ind.id);
        if (plan.designates(r, ind.id) && of_column)
            ImGui::TextDisabled(tr("the plan's word: \"%s\""), d.plan_term.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

/// The industry's full name (with its parenthesis), section and how many regions the plan names for it.
void header_tooltip(const ViewerState& state, const MatrixLayout& m, std::size_t column) {
    const Industry& ind = *m.matrix.industries[column];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextWrapped("%s", state.session.english ? ind.name_en.c_str() : ind.name_zh.c_str());
    int n = m.column_regions[column];
    ImGui::TextDisabled(
        n == 1 ? tr("plan section %s; named for %d region") : tr("plan section %s; named for %d regions"),
        ind.section.c_str(), n);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void choose_cell(ViewerState& state, const MatrixLayout& m, std::size_t row, std::size_t column) {
    const PlanRegion& r = *m.matrix.regions[row];
    state.session.selected_region = r.id;
    state.session.selected_prefecture.clear();
    state.session.industries = {m.matrix.industries[column]->id};
    state.session.compare.clear();
    fly_to(state, {&state.doc.shape(r).geometry});
}

void sort_combo(Session& s) {
    const char* sorts[] = {"plan", "name", "industries"};
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo(tr("sort rows"), s.matrix_sort.c_str())) {
        for (const char* option : sorts)
            if (ImGui::Selectable(option, s.matrix_sort == option)) s.matrix_sort = option;
        ImGui::EndCombo();
    }
}

/// Matrix row and column of the current selection, for the outline.
void selection(ViewerState& state, const MatrixLayout& m, long& row, long& column) {
    row = column = -1;
    for (std::size_t r = 0; r < m.matrix.regions.size(); ++r)
        if (m.matrix.regions[r]->id == state.session.selected_region) row = static_cast<long>(r);
    for (std::size_t c = 0; c < m.matrix.industries.size(); ++c)
        if (state.session.industries.size() == 1 && m.matrix.industries[c]->id == state.session.industries[0])
            column = static_cast<long>(c);
}

}  // namespace

void draw_matrix_window(ViewerState& state) {
    Session& s = state.session;
    if (!s.show_matrix_window || state.layout.bottom_dock.height <= 0) return;
    // Docked under the map: a click on a cell frames the region in the map above, never under the grid.
    place_next_window(state, state.layout.bottom_dock);
    if (!ImGui::Begin(tr("Coverage matrix (M)"), &s.show_matrix_window,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings))
        return ImGui::End();
    sort_combo(s);
    ImGui::SameLine();
    ImGui::TextDisabled(
        tr("blue: the plan names the industry for the region; grey: designated in general (no industry named). Click a "
           "cell to show it on the map."));
    std::string sized_for = s.matrix_sort + (s.english ? " en " : " zh ") + std::to_string(ImGui::GetFontSize());
    if (state.matrix_sort_applied != sized_for || state.matrix.rows.empty()) {
        state.matrix = matrix_layout(state.doc.plan(), s.matrix_sort);
        render::size_matrix_labels(state.matrix, ImGui::GetFont(), s.english, 2);
        state.matrix_sort_applied = sized_for;
    }
    const MatrixLayout& layout = state.matrix;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    long row = -1, column = -1;
    selection(state, layout, row, column);
    render::draw_matrix(ImGui::GetWindowDrawList(), ImGui::GetFont(), layout, s.english, origin.x, origin.y, row,
                        column);
    ImGui::InvisibleButton("grid", ImVec2(layout.width(), layout.height()));
    std::size_t r = 0, c = 0;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    bool on_cell = ImGui::IsItemHovered() && layout.cell_at(mouse.x - origin.x, mouse.y - origin.y, r, c);
    if (on_cell) cell_tooltip(state, layout, r, c);
    if (on_cell && ImGui::IsItemClicked()) choose_cell(state, layout, r, c);
    if (ImGui::IsItemHovered() && render::matrix_header_at(layout, mouse.x - origin.x, mouse.y - origin.y, c))
        header_tooltip(state, layout, c);
    ImGui::End();
}

}  // namespace atlas::viewer
