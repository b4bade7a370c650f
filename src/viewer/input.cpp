#include "input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "viewer_state.hpp"

namespace atlas::viewer {

void window_to_pixels(GLFWwindow* window, double& x, double& y) {
    int ww = 1, wh = 1, fw = 1, fh = 1;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetFramebufferSize(window, &fw, &fh);
    x *= static_cast<double>(fw) / std::max(ww, 1);
    y *= static_cast<double>(fh) / std::max(wh, 1);
}

void cursor_in_pixels(GLFWwindow* window, double& x, double& y) {
    glfwGetCursorPos(window, &x, &y);
    window_to_pixels(window, x, y);
}

namespace {

bool handle_button(ViewerState& state, PointerState& p, const ButtonEvent& e) {
    if (e.button != GLFW_MOUSE_BUTTON_LEFT) return false;
    if (e.pressed) {
        p.dragging = true;
        p.press_x = p.last_x = e.x;
        p.press_y = p.last_y = e.y;
        return false;
    }
    // A release whose press the map never saw (it went to a dialog that has closed since, e.g. the
    // Open button of "Open session") is no click: it selected the unit under the button.
    if (!p.dragging) return false;
    bool moved = false;
    if (e.x != p.last_x || e.y != p.last_y) {
        state.camera.pan_pixels(e.x - p.last_x, e.y - p.last_y);
        moved = true;
    }
    p.dragging = false;
    p.last_x = e.x, p.last_y = e.y;
    if (std::hypot(e.x - p.press_x, e.y - p.press_y) >= 4) return moved;  // the end of a drag, not a click
    double now = glfwGetTime();
    if (now - p.last_click_time < 0.35)
        zoom_at(state, {e.x, e.y}, 2.0);
    else
        select_at(state, {e.x, e.y});
    p.last_click_time = now;
    return true;
}

bool handle_mouse(GLFWwindow* window, ViewerState& state, PointerState& p, double wheel,
                  const std::vector<ButtonEvent>& buttons) {
    double x = 0, y = 0;
    cursor_in_pixels(window, x, y);
    // Window pixels to the map's own pixels: the map starts after the sidebar and the menu bar.
    const PixelRect& map = state.layout.map;
    bool over_map = map.contains(x, y);
    x -= map.x, y -= map.y;
    bool changed = false;
    for (ButtonEvent e : buttons) {
        if (e.pressed && !map.contains(e.x, e.y)) continue;
        e.x -= map.x, e.y -= map.y;
        changed = handle_button(state, p, e) || changed;
    }
    if (!over_map && !p.dragging) {
        bool had = state.hover.prefecture != nullptr;
        state.pointer.reset();
        state.hover = Pick{};
        p.last_x = x, p.last_y = y;
        return changed || had;
    }
    if (p.dragging && (x != p.last_x || y != p.last_y)) {
        state.camera.pan_pixels(x - p.last_x, y - p.last_y);
        changed = true;
    }
    if (wheel != 0 && over_map) {
        zoom_at(state, {x, y}, std::pow(1.25, wheel));
        changed = true;
    }
    p.last_x = x, p.last_y = y;
    std::optional<LonLat> ll = lonlat_at(state, {x, y});
    state.pointer = ll;
    const Region* before = state.hover.prefecture;
    state.hover = state.presented ? pick_at(state, ll) : Pick{};
    return changed || before != state.hover.prefecture;
}

bool handle_key(GLFWwindow* window, ViewerState& state, int key) {
    const double step = 80;
    double cx = state.camera.width / 2.0, cy = state.camera.height / 2.0;
    switch (key & ~kKeyShift) {  // Shift only matters to F12 (handled by the app); "+" is Shift+=
        case GLFW_KEY_LEFT:
            state.camera.pan_pixels(step, 0);
            break;
        case GLFW_KEY_RIGHT:
            state.camera.pan_pixels(-step, 0);
            break;
        case GLFW_KEY_UP:
            state.camera.pan_pixels(0, step);
            break;
        case GLFW_KEY_DOWN:
            state.camera.pan_pixels(0, -step);
            break;
        case GLFW_KEY_EQUAL:
        case GLFW_KEY_KP_ADD:
            zoom_at(state, {cx, cy}, 1.5);
            break;
        case GLFW_KEY_MINUS:
        case GLFW_KEY_KP_SUBTRACT:
            zoom_at(state, {cx, cy}, 1 / 1.5);
            break;
        case GLFW_KEY_0:
            state.camera = national_view(state.scene, state.camera.width, state.camera.height);
            break;
        case GLFW_KEY_L:
            state.session.english = !state.session.english;
            break;
        case GLFW_KEY_H:
            state.show_help = !state.show_help;
            break;
        case GLFW_KEY_C:  // the Compare tab, or back to Layers; compare mode itself is left with Esc or its button
            state.session.panels.sidebar_open = true;
            state.tab_request = state.session.sidebar_tab == "compare" ? "layers" : "compare";
            break;
        case GLFW_KEY_M:
            state.session.show_matrix_window = !state.session.show_matrix_window;
            break;
        case GLFW_KEY_E:
            state.show_export = !state.show_export;
            break;
        case GLFW_KEY_S | kKeyCtrl:
            state.save_session_requested = true;
            break;
        case GLFW_KEY_SLASH:
            state.session.panels.sidebar_open = true;
            state.focus_search = true;
            break;
        case GLFW_KEY_Q | kKeyCtrl:
            glfwSetWindowShouldClose(window, 1);
            break;
        case GLFW_KEY_F6:
            next_keyboard_pane(state);
            if (state.keyboard_in == "map") ImGui::SetWindowFocus(nullptr);  // arrows pan the map again
            break;
        case GLFW_KEY_ESCAPE:  // closes the topmost thing or clears the selection; never quits
            return escape(state);
        default:
            return false;
    }
    return true;
}

}  // namespace

bool handle_input(GLFWwindow* window, ViewerState& state, PointerState& pointer, double wheel,
                  const std::vector<ButtonEvent>& buttons, const std::vector<int>& keys) {
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    if (!io.WantCaptureMouse)
        changed = handle_mouse(window, state, pointer, wheel, buttons);
    else
        pointer.dragging = false;
    // Shortcuts work unless a text field has the keyboard; arrows pan the map only while no panel
    // has keyboard focus (ImGui's navigation moves through the panel then).
    for (int key : keys) {
        int plain = key & ~kKeyShift;
        // Esc leaves a text field even when pressed and released within one frame (ImGui 1.86 reads
        // key states once a frame and would miss it).
        if (plain == GLFW_KEY_ESCAPE && io.WantTextInput) {
            ImGui::SetWindowFocus(nullptr);
            continue;
        }
        bool arrow =
            plain == GLFW_KEY_LEFT || plain == GLFW_KEY_RIGHT || plain == GLFW_KEY_UP || plain == GLFW_KEY_DOWN;
        if (io.WantTextInput || (arrow && io.NavActive) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) continue;
        changed = handle_key(window, state, key) || changed;
    }
    return changed;
}

}  // namespace atlas::viewer
