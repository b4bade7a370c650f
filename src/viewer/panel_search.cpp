// Search box: provinces, prefectures, regions and industries by Chinese, English or pinyin; arrows
// move through the results, Enter (or a click) flies there and selects it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

void choose(ViewerState& state, const SearchHit& hit) {
    Document& doc = state.doc;
    Session& s = state.session;
    if (hit.kind == EntityKind::Region) {
        const PlanRegion* r = doc.plan().region(hit.id);
        s.selected_region = r->id;
        s.selected_prefecture.clear();
        fly_to(state, {&doc.shape(*r).geometry});
    } else if (hit.kind == EntityKind::Industry) {
        s.industries = {hit.id};
    } else {
        const Region* unit =
            hit.kind == EntityKind::Province ? doc.provinces().find(hit.id) : doc.prefectures().find(hit.id);
        s.selected_prefecture = hit.kind == EntityKind::Prefecture ? hit.id : "";
        s.selected_region.clear();
        if (unit != nullptr) fly_to(state, {&unit->geometry});
    }
}

}  // namespace

void draw_search_panel(ViewerState& state) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2 - 180, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_FirstUseEver);
    ImGui::Begin("Search", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetNextItemWidth(340);
    if (state.focus_search) {
        ImGui::SetKeyboardFocusHere();
        state.focus_search = false;
    }
    bool enter = ImGui::InputTextWithHint("##query", "长三角, Xi'an, biomedicine ...", &state.search_query,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    // A press and release of Enter within one slow frame never reaches ImGui 1.86 as a key press;
    // the key events the viewer queued do (GLFW_KEY_ENTER is 257, GLFW_KEY_KP_ENTER 335).
    bool active = ImGui::IsItemActive();
    for (int key : state.frame_keys) enter = enter || (active && (key == 257 || key == 335));
    if (!state.search_query.empty()) {
        std::vector<SearchHit> hits = state.doc.search().find(state.search_query, 8);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) ++state.search_cursor;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) --state.search_cursor;
        state.search_cursor = std::max(0, std::min(state.search_cursor, static_cast<int>(hits.size()) - 1));
        for (std::size_t i = 0; i < hits.size(); ++i) {
            std::string label = std::string(to_string(hits[i].kind)) + ": " + hits[i].name_en + " " + hits[i].name_zh;
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == state.search_cursor) ||
                (enter && static_cast<int>(i) == state.search_cursor)) {
                choose(state, hits[i]);
                state.search_query.clear();
                break;
            }
        }
        if (hits.empty()) ImGui::TextDisabled("no match");
    }
    ImGui::End();
}

}  // namespace atlas::viewer
