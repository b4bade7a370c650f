// Status bar (lon/lat under the pointer, a scale bar in km, the projection) and the help window.
#include <imgui.h>

#include <cmath>

#include "panels.hpp"
#include "text/escape.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {
/// A round length (1, 2 or 5 times a power of ten) of about `target` km.
double nice_km(double target) {
    double power = std::pow(10.0, std::floor(std::log10(target)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= target) return m * power;
    return 10 * power;
}
}  // namespace

void draw_status_bar(const ViewerState& state) {
    ImGuiIO& io = ImGui::GetIO();
    float height = kStatusBarHeight * ImGui::GetStyle().ItemSpacing.y / 4;  // ItemSpacing.y is 4 at scale 1
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - height));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, height));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    // The pointer's place only while it is over the map (not over a panel or this bar).
    if (state.pointer)
        ImGui::Text("%.4f E  %.4f N", state.pointer->lon, state.pointer->lat);
    else
        ImGui::TextDisabled(tr("pointer off the map"));
    // Scale bar: metres per pixel of the projection at the centre (true scale in Albers near 25-47 N).
    double pixels_per_ui = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1;
    double km = nice_km(state.camera.metres_per_pixel * 120 / 1000);
    float bar = static_cast<float>(km * 1000 / state.camera.metres_per_pixel / pixels_per_ui);
    ImGui::SameLine(220);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 8), ImVec2(at.x + bar, at.y + 12),
                                              IM_COL32(40, 40, 40, 255));
    ImGui::Dummy(ImVec2(bar, 14));
    ImGui::SameLine();
    ImGui::Text(tr("%g km"), km);
    ImGui::SameLine();
    ImGui::Text(tr("   %s | H: help | %s"), state.projection_name.c_str(),
                without_passwords(state.message).c_str());  // messages quote what was typed
    ImGui::End();
}

void draw_help_window(ViewerState& state) {
    if (!state.show_help) return;
    ImGui::Begin(tr("Help"), &state.show_help, ImGuiWindowFlags_AlwaysAutoResize);
    const char* shortcuts[][2] = {
        {tr("Drag"), tr("pan")},
        {tr("Wheel"), tr("zoom about the pointer")},
        {tr("Double-click"), tr("zoom in")},
        {tr("Click"), tr("select the region and prefecture under the pointer")},
        {tr("Arrows"), tr("pan")},
        {"+ / -", tr("zoom in / out")},
        {"0", tr("fit China")},
        {"L", tr("English / Chinese labels")},
        {"/", tr("search (arrows and Enter choose; Enter flies there)")},
        {"C", tr("the Compare tab (2 to 4 regions, split view); Esc leaves compare mode")},
        {"M", tr("coverage matrix (click a cell: region and industry on the map)")},
        {"E", tr("export dialog (layers to GeoJSON, GeoPackage, ...; figure PNG)")},
        {"Ctrl+S", tr("save the session (camera, layers, filters, choropleth)")},
        {"F12", tr("save the figure: map, labels and legend (as render --session draws it)")},
        {"Shift+F12", tr("screenshot of the whole window to clusteratlas-screenshot.png")},
        {"Ctrl+click", tr("in the industries panel: choose several (count choropleth)")},
        {"H", tr("this help")},
        {"Esc", tr("close the topmost panel, else clear the selection, else leave compare")},
        {"F6", tr("the keyboard to the sidebar, the inspector, then back to the map")},
        {tr("arrows / Space"), tr("in a panel (F6 or a click): move the focus ring and use what it is on")},
        {"Ctrl+Q", tr("quit")},
    };
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg)) {
        for (const auto& row : shortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[1]);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace atlas::viewer
