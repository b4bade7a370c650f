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
        state.message = tr("saved session ") + path;
    } catch (const AtlasError& e) {
        state.message = e.what();
    }
}

void load_session(ViewerState& state, const std::string& path) {
    try {
        std::vector<std::string> warnings;
        Session s = read_session(path, &warnings);
        check_session(state.doc, s, path);
        // Validated whole before it touches the state: a projection PROJ cannot build is refused here,
        // with its reason, and the viewer keeps the map it has.
        try {
            Projection check(s.projection);
        } catch (const AtlasError& e) {
            throw AtlasError(e.kind(), path + ": " + e.what());
        }
        remember_figure_size(state, s);
        s.width = state.camera.width, s.height = state.camera.height;  // the window keeps its size
        state.session = s;
        state.typed_data_path = s.data.path;
        state.tab_request = s.show_compare_window ? "compare" : s.sidebar_tab;
        state.options.session_path = path;
        state.camera_from_session = true;  // the scene is rebuilt for it, in the session's projection
        state.frame_subject = true;
        state.view.touch_figure();  // its CSV read again, even when the session names the same file
        state.loaded_data.clear();
        state.message = tr("loaded session ") + path + (warnings.empty() ? "" : "; " + warnings.front());
    } catch (const AtlasError& e) {
        state.message = e.what();
    }
}

/// The path boxes of "Save session as" and "Open session".
void session_popups(ViewerState& state) {
    static std::string path;  // shared by both popups: the last path typed
    if (path.empty()) {
        std::error_code ec;
        path = std::filesystem::absolute(session_path(state), ec).string();
    }
    for (const char* name : {tr("Save session as"), tr("Open session")}) {
        if (!ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
        ImGui::SetNextItemWidth(420);
        ImGui::InputText(tr("path"), &path);
        mark_widget(state, "session.path");
        bool picked = file_browser("session_files", path, ".json", state.options.session_path);
        bool save = std::string(name) == tr("Save session as");
        if (std::error_code ec; save && std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
            ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), tr("exists: it will be replaced"));
        bool go = ImGui::Button(save ? tr("Save") : tr("Open")) || (picked && !save);
        mark_widget(state, save ? "session.save" : "session.open");
        if (go) {
            if (save)
                save_session(state, path);
            else
                load_session(state, path);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_menu_bar(ViewerState& state) {
    Session& s = state.session;
    const char* open_popup = nullptr;
    // Save writes where the session came from; a session never saved asks where first (never a
    // silent write into whatever folder the viewer was started from).
    auto save = [&] {
        if (state.options.session_path.empty())
            open_popup = tr("Save session as");
        else
            save_session(state, state.options.session_path);
    };
    if (state.save_session_requested) save(), state.save_session_requested = false;
    if (ImGui::BeginMainMenuBar()) {
        bool file_menu = ImGui::BeginMenu(tr("File"));
        mark_widget(state, "menu.file");
        if (file_menu) {
            if (ImGui::MenuItem(tr("Save session"), "Ctrl+S")) save();
            if (ImGui::MenuItem(tr("Save session as..."))) open_popup = tr("Save session as");
            if (ImGui::MenuItem(tr("Open session..."))) open_popup = tr("Open session");
            mark_widget(state, "menu.open_session");
            ImGui::Separator();
            if (ImGui::MenuItem(tr("Export..."), "E")) state.show_export = true;
            if (ImGui::MenuItem(tr("Save figure (map with legend)"), "F12")) state.figure_requested = true;
            ImGui::Separator();
            if (ImGui::MenuItem(tr("Quit"), "Ctrl+Q")) state.quit_requested = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr("View"))) {
            if (ImGui::MenuItem(tr("Compare regions"), "C"))
                s.panels.sidebar_open = true, state.tab_request = "compare";
            ImGui::MenuItem(tr("Coverage matrix"), "M", &s.show_matrix_window);
            ImGui::MenuItem(tr("Sidebar"), nullptr, &s.panels.sidebar_open);
            ImGui::MenuItem(tr("Inspector"), nullptr, &s.panels.inspector_open);
            ImGui::MenuItem(tr("Legend"), nullptr, &s.show_legend);
            ImGui::MenuItem(tr("Help"), "H", &state.show_help);
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    if (open_popup != nullptr) ImGui::OpenPopup(open_popup);
    session_popups(state);
}

namespace {

/// The legend's corner buttons: "auto" (where it hides least), then the four corners, the one it is
/// in marked.
void legend_corner_buttons(ViewerState& state, const std::string& shown) {
    std::string& corner = state.session.legend_corner;
    bool automatic = corner == "auto";
    if (ImGui::SmallButton(automatic ? "[A]##auto" : " A ##auto")) corner = "auto";
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("put the legend where it hides least of the map"));
    mark_widget(state, "legend.auto");
    ImGui::SameLine();
    for (const char* c : kLegendCorners) {
        bool here = c == shown;
        std::string label = std::string(here ? (automatic ? "(" : "[") : " ") + (c[0] == 't' ? "^" : "v") +
                            (std::string(c).find("left") != std::string::npos ? "<" : ">") +
                            (here ? (automatic ? ")" : "]") : " ");
        if (ImGui::SmallButton((label + "##" + c).c_str())) corner = c;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("move the legend to the %s corner"), c);
        mark_widget(state, std::string("legend.") + c);
        ImGui::SameLine();
    }
}

}  // namespace

void draw_map_legend(ViewerState& state) {
    state.legend_rect.reset();
    state.legend_open = false;
    if (!state.session.show_legend || state.legend.entries.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    float k = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1;
    const PixelRect& map = state.layout.map;
    float max_width = std::max(260.0f, static_cast<float>(map.width) / k * 0.6f), w = 0, h = 0;
    float max_height = static_cast<float>(map.height) / k * 0.4f;
    render::legend_size(ImGui::GetFont(), state.legend, max_width, w, h);
    // At most 40 % of the map's height: a longer legend scrolls (the Layers tab lists every region too).
    const ImGuiStyle& style = ImGui::GetStyle();
    float chrome = ImGui::GetFrameHeight() * 2 + style.WindowPadding.y * 2 + style.ItemSpacing.y * 2;
    float scrollbar = h + chrome > max_height ? style.ScrollbarSize : 0;
    ImVec2 size(w + style.WindowPadding.x * 2 + scrollbar, std::min(h + chrome, max_height));
    // Docked in a corner of the map (never over a panel): the session's, or where it hides least.
    float margin = 8;
    float top = state.banner_bottom > 0 ? (state.banner_bottom + margin) * k - static_cast<float>(map.y) : margin * k;
    std::string corner = legend_corner_shown(state, size.x * k, size.y * k, margin * k, top);
    bool right = corner.find("right") != std::string::npos, bottom = corner.find("bottom") != std::string::npos;
    ImVec2 at(static_cast<float>(right ? map.x + map.width : map.x) / k + (right ? -margin : margin),
              static_cast<float>(bottom ? map.y + map.height : map.y) / k + (bottom ? -margin : margin));
    if (!bottom && state.banner_bottom > 0) at.y = std::max(at.y, state.banner_bottom + margin);
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(right ? 1.f : 0.f, bottom ? 1.f : 0.f));
    // Folded at start where every corner would hide a region (a 1400x900 window: the sidebar's Layers
    // tab lists the regions' colours too), as kepler.gl's legend; its title bar opens it.
    bool fold = false;
    if (!state.legend_fold_decided && state.presented && state.session.legend_corner == "auto") {
        state.legend_fold_decided = true;
        fold = state.auto_corner_hides;
        if (fold) ImGui::SetNextWindowCollapsed(true, ImGuiCond_Always);
    }
    // Folded, the title bar is as wide as its words (ImGui keeps the open width: a long empty bar).
    if (fold || state.legend_folded)
        size.x = ImGui::CalcTextSize(tr("Legend")).x + ImGui::GetFrameHeight() * 2 + style.FramePadding.x * 4 +
                 style.ItemInnerSpacing.x * 2;
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    bool open = ImGui::Begin(tr("Legend"), &state.session.show_legend,
                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize);
    state.legend_open = open;
    state.legend_folded = ImGui::IsWindowCollapsed();
    // The title bar's fold arrow, for end-to-end tests (the item last drawn is the window's content).
    ImVec2 bar = ImGui::GetWindowPos();
    state.widgets["legend.fold"] = {bar.x + style.FramePadding.x + ImGui::GetFontSize() / 2,
                                    bar.y + ImGui::GetFrameHeight() / 2};
    if (open) {
        ImVec2 pos = ImGui::GetWindowPos(), drawn = ImGui::GetWindowSize();
        state.legend_rect = std::array<float, 4>{pos.x * k - static_cast<float>(map.x),
                                                 pos.y * k - static_cast<float>(map.y), drawn.x * k, drawn.y * k};
        legend_corner_buttons(state, corner);
        ImGui::NewLine();
        ImVec2 origin = ImGui::GetCursorScreenPos();
        render::draw_legend(ImGui::GetWindowDrawList(), ImGui::GetFont(), state.legend, origin.x + w, origin.y + h,
                            max_width);
        ImGui::Dummy(ImVec2(w, h + ImGui::GetStyle().ItemSpacing.y));
    }
    ImGui::End();
}

}  // namespace atlas::viewer
