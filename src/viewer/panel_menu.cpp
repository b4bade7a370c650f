// Menu bar (File: sessions, export, figure; View: windows) and the legend drawn over the map.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "error.hpp"
#include "legend_draw.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

std::string session_path(const ViewerState& state) {
    return state.options.session_path.empty() ? "clusteratlas-session.json" : state.options.session_path;
}

/// Saves where the session came from (Save, like any editor, replaces its own file).
void save_session(ViewerState& state, const std::string& path) {
    try {
        write_session(path, current_session(state), true);
        state.options.session_path = path;
        state.message = "saved session " + path;
    } catch (const AtlasError& e) {
        state.message = e.what();
    }
}

void load_session(ViewerState& state, const std::string& path) {
    try {
        std::vector<std::string> warnings;
        Session s = read_session(path, &warnings);
        check_session(state.doc, s, path);
        s.width = state.camera.width, s.height = state.camera.height;  // the window keeps its size
        state.session = s;
        state.typed_data_path = s.data.path;
        state.options.projection = s.projection;
        state.options.session_path = path;
        state.camera_from_session = true;
        state.scene_dirty = true;
        state.applied_figure.clear();
        state.loaded_data.clear();
        state.message = "loaded session " + path + (warnings.empty() ? "" : "; " + warnings.front());
    } catch (const AtlasError& e) {
        state.message = e.what();
    }
}

/// The path boxes of "Save session as" and "Open session".
void session_popups(ViewerState& state) {
    static std::string path;  // shared by both popups: the last path typed
    if (path.empty()) path = session_path(state);
    for (const char* name : {"Save session as", "Open session"}) {
        if (!ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
        ImGui::SetNextItemWidth(420);
        ImGui::InputText("path", &path);
        bool save = std::string(name) == "Save session as";
        if (std::error_code ec; save && std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
            ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), "exists: it will be replaced");
        if (ImGui::Button(save ? "Save" : "Open")) {
            if (save)
                save_session(state, path);
            else
                load_session(state, path);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_menu_bar(ViewerState& state) {
    Session& s = state.session;
    const char* open_popup = nullptr;
    if (state.save_session_requested) save_session(state, session_path(state)), state.save_session_requested = false;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Save session", "Ctrl+S")) save_session(state, session_path(state));
            if (ImGui::MenuItem("Save session as...")) open_popup = "Save session as";
            if (ImGui::MenuItem("Open session...")) open_popup = "Open session";
            ImGui::Separator();
            if (ImGui::MenuItem("Export...", "E")) state.show_export = true;
            if (ImGui::MenuItem("Save figure (map with legend)", "F12")) state.figure_requested = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            ImGui::MenuItem("Compare regions", "C", &s.show_compare_window);
            ImGui::MenuItem("Coverage matrix", "M", &s.show_matrix_window);
            ImGui::MenuItem("Legend", nullptr, &s.show_legend);
            ImGui::MenuItem("Help", "H", &state.show_help);
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    if (open_popup != nullptr) ImGui::OpenPopup(open_popup);
    session_popups(state);
}

void draw_map_legend(ViewerState& state) {
    if (!state.session.show_legend || state.legend.entries.empty() || split_active(state)) return;
    ImGuiIO& io = ImGui::GetIO();
    float max_width = std::max(260.0f, io.DisplaySize.x * 0.3f), w = 0, h = 0;
    render::legend_size(ImGui::GetFont(), state.legend, max_width, w, h);
    // Anchored at the bottom right, like a print layout's legend: it grows upwards when it unfolds.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 36), ImGuiCond_Always, ImVec2(1, 1));
    // The plain map's legend repeats the layers panel: it starts folded, and unfolds when the map
    // starts showing something else (an industry, a comparison, a choropleth).
    std::string& shown_title = state.legend_title_shown;
    if (shown_title.empty())
        ImGui::SetNextWindowCollapsed(state.session.industries.empty() && state.session.compare.empty() &&
                                      state.session.choropleth == ChoroplethKind::None);
    else if (shown_title != state.legend.title)
        ImGui::SetNextWindowCollapsed(false);
    shown_title = state.legend.title;
    if (ImGui::Begin("Legend", &state.session.show_legend, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        render::draw_legend(ImGui::GetWindowDrawList(), ImGui::GetFont(), state.legend, at.x + w, at.y + h, max_width);
        ImGui::Dummy(ImVec2(w, h));
    }
    ImGui::End();
}

}  // namespace atlas::viewer
