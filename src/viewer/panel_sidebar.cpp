// The docked sidebar: the search box above four tabs (Layers, Industries, Compare, Data). Its width
// is the user's (drag its right edge) and kept in the session; "<<" folds it to a strip.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "panels.hpp"
#include "text/escape.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

constexpr ImGuiWindowFlags kDocked = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

float imgui_px() {
    float s = ImGui::GetIO().DisplayFramebufferScale.x;
    return s > 0 ? s : 1;
}

void tab(ViewerState& state, const char* id, const char* label, void (*body)(ViewerState&)) {
    ImGuiTabItemFlags flags = state.tab_request == id ? ImGuiTabItemFlags_SetSelected : 0;
    // "###id": the tab keeps its identity when the language changes its label.
    bool open = ImGui::BeginTabItem((std::string(label) + "###" + id).c_str(), nullptr, flags);
    mark_widget(state, std::string("tab.") + id);
    if (!open) return;
    state.session.sidebar_tab = id;
    ImGui::BeginChild(id, ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);  // keyboard: arrows walk in
    body(state);
    ImGui::EndChild();
    ImGui::EndTabItem();
}

void data_tab(ViewerState& state) {
    draw_choropleth_controls(state);
    attribute_table(state);
}

}  // namespace

bool begin_docked(ViewerState& state, const DockedPanel& panel, bool& open, float& applied, float& width_points) {
    const PixelRect& rect = panel.rect;
    float k = imgui_px();
    if (!open) {  // a strip with one button that opens it again
        place_next_window(state, rect);
        ImGui::Begin((std::string(panel.window) + "_strip").c_str(), nullptr, kDocked | ImGuiWindowFlags_NoDecoration);
        if (ImGui::SmallButton(panel.open_label)) open = true;
        mark_widget(state, std::string(panel.name) + ".open");
        ImGui::End();
        return false;
    }
    float width = static_cast<float>(rect.width) / k, height = static_cast<float>(rect.height) / k;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(rect.x) / k, static_cast<float>(rect.y) / k), ImGuiCond_Always);
    // The width is set only when the layout changed it; otherwise it is the user's, read back below.
    if (width != applied) ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(180, height), ImVec2(1400, height));
    if (state.keyboard_to == panel.name) {  // F6: the keyboard goes to this panel (arrows move its ring)
        ImGui::SetNextWindowFocus();
        state.keyboard_to.clear();
    }
    ImGui::Begin(panel.window, nullptr, kDocked | ImGuiWindowFlags_NoTitleBar);
    float now = ImGui::GetWindowWidth();
    if (now != width && applied == width) width_points = now * k / state.ui_scale;  // dragged: kept, in UI points
    applied = width;
    if (ImGui::SmallButton(panel.fold_label)) open = false;
    mark_widget(state, std::string(panel.name) + ".fold");
    return true;
}

namespace {

/// The folder a typed path points into: itself when it is one, else its parent, else the current one.
std::filesystem::path folder_of(const std::string& typed) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p = typed.empty() ? fs::current_path(ec) : fs::absolute(typed, ec);
    if (fs::is_directory(p, ec)) return p;
    return fs::is_directory(p.parent_path(), ec) ? p.parent_path() : fs::current_path(ec);
}

}  // namespace

bool file_browser(const char* id, std::string& typed, const char* extension, const std::string& current) {
    namespace fs = std::filesystem;
    fs::path folder = folder_of(typed);
    std::vector<fs::path> entries;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, fs::directory_options::skip_permission_denied, ec)) {
        bool wanted = e.is_regular_file(ec) && e.path().extension() == extension;
        if ((wanted || e.is_directory(ec)) && e.path().filename().string()[0] != '.') entries.push_back(e.path());
    }
    std::sort(entries.begin(), entries.end());
    bool chosen = false;
    ImGui::BeginChild(id, ImVec2(0, 110), true, ImGuiWindowFlags_NavFlattened);
    ImGui::TextDisabled("%s", escape_controls(folder.string()).c_str());
    if (folder.has_parent_path() && folder != folder.root_path() && ImGui::Selectable("../"))
        typed = folder.parent_path().string() + "/";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const fs::path& p = entries[i];
        bool directory = fs::is_directory(p, ec);
        // A name is shown as `ls` shows it (a line break split the list) and whole: ImGui reads "##" in
        // a label as the start of its hidden id, so the id is the entry's place instead.
        std::string label = escape_controls(p.filename().string()) + (directory ? "/" : "");
        ImGui::PushID(static_cast<int>(i));
        bool clicked = ImGui::Selectable("##entry", p.string() == current);
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopID();
        if (!clicked) continue;
        typed = p.string() + (directory ? "/" : "");
        chosen = !directory;
    }
    ImGui::EndChild();
    return chosen;
}

void place_next_window(const ViewerState& state, const PixelRect& rect) {
    (void)state;
    float k = imgui_px();
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(rect.x) / k, static_cast<float>(rect.y) / k), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(rect.width) / k, static_cast<float>(rect.height) / k),
                             ImGuiCond_Always);
}

void mark_widget(ViewerState& state, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    state.widgets[name] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (ImGui::IsItemFocused()) state.nav_focus = name;  // where the keyboard's focus ring is
}

std::string format_km2(double value) {
    auto whole = static_cast<long long>(std::llround(value));
    std::string digits = std::to_string(whole < 0 ? -whole : whole), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (whole < 0 ? "-" : "") + out + tr(" km\u00b2");
}

void draw_sidebar(ViewerState& state) {
    PanelLayout& panels = state.session.panels;
    if (!begin_docked(state, {"##sidebar", state.layout.sidebar, "sidebar", ">>", "<<"}, panels.sidebar_open,
                      state.sidebar_applied, panels.sidebar_width))
        return;
    ImGui::SameLine();
    search_box(state);
    if (ImGui::BeginTabBar("tabs")) {
        tab(state, "layers", tr("Layers"), layers_tab);
        tab(state, "industries", tr("Industries"), industries_tab);
        tab(state, "compare", tr("Compare"), compare_tab);
        tab(state, "data", tr("Data"), data_tab);
        ImGui::EndTabBar();
    }
    state.tab_request.clear();
    state.session.show_compare_window = state.session.sidebar_tab == "compare";
    ImGui::End();
}

}  // namespace atlas::viewer
