#pragma once
/// Map navigation from mouse and keyboard, ignored while ImGui wants the input.

#include <vector>

struct GLFWwindow;

namespace atlas::viewer {

struct ViewerState;

/// A mouse button press or release as GLFW reported it (a quick click can press and release between
/// two frames, so buttons are taken from these events, not from the button state).
struct ButtonEvent {
    int button = 0;
    bool pressed = false;
    double x = 0, y = 0;  ///< cursor at the event, framebuffer pixels
};

struct PointerState {
    bool dragging = false;
    double last_x = 0, last_y = 0;  ///< framebuffer pixels
    double press_x = 0, press_y = 0;
    double last_click_time = -1;
};

/// Flags added to a key code in the key list when Ctrl or Shift was held as it was pressed (the
/// modifier may be released again before the frame reads the list).
inline constexpr int kKeyCtrl = 1 << 20, kKeyShift = 1 << 21;

/// Window coordinates (screen points) to framebuffer pixels, in place: they differ on high-DPI
/// screens, where one point is several pixels.
void window_to_pixels(GLFWwindow* window, double& x, double& y);

/// The cursor in framebuffer pixels.
void cursor_in_pixels(GLFWwindow* window, double& x, double& y);

/// Pans on drag, zooms on the wheel about the pointer, zooms in on double-click, selects on click;
/// keys: arrows pan, +/- zoom, 0 fits China, L switches the label language, H shows help, / searches,
/// C compare, M coverage matrix, E export, Ctrl+S saves the session.
/// Returns true when the camera or the selection changed.
/// `keys` are the GLFW key codes pressed since the last frame (events, for the same reason as buttons).
bool handle_input(GLFWwindow* window, ViewerState& state, PointerState& pointer, double wheel,
                  const std::vector<ButtonEvent>& buttons, const std::vector<int>& keys);

}  // namespace atlas::viewer
