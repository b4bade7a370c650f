// Search box (top of the sidebar): provinces, prefectures, regions and industries by Chinese, English or pinyin; arrows
// move through the results, Enter (or a click) flies there and selects it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

void search_box(ViewerState& state) {
    ImGui::SetNextItemWidth(-1);
    if (state.focus_search) {
        ImGui::SetKeyboardFocusHere();
        state.focus_search = false;
    }
    bool enter = ImGui::InputTextWithHint("##query", tr("长三角, Xi'an, biomedicine ..."), &state.search_query,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    // A press and release of Enter within one slow frame never reaches ImGui 1.86 as a key press;
    // the key events the viewer queued do (GLFW_KEY_ENTER is 257, GLFW_KEY_KP_ENTER 335).
    bool active = ImGui::IsItemActive();
    mark_widget(state, "search");
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
                choose_search_hit(state, hits[i]);
                state.search_query.clear();
                ImGui::SetWindowFocus(nullptr);  // leave the field: its text is gone, keys go to the map again
                break;
            }
        }
        if (hits.empty()) ImGui::TextDisabled(tr("no match"));
        ImGui::Separator();
    }
}

}  // namespace atlas::viewer
