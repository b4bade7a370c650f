#pragma once
/// Quick key taps kept for a slow frame. Dear ImGui 1.86 reads each key as a held state once a frame
/// (io.KeysDown, filled by its GLFW callbacks); a key pressed and released between two frames, a
/// person's quick tap while llvmpipe draws a 100-300 ms frame, is never seen down, so ImGui's keyboard
/// navigation (arrows, Space, Enter) loses it. The viewer reports every press and release here from
/// its GLFW key callback; after the events of a frame, the keys tapped within them are shown down for
/// that one frame and released after it. No GL, ImGui or GLFW: key codes are GLFW's, plain ints.

#include <vector>

namespace atlas::viewer {

class KeyTaps {
  public:
    /// A key went down (GLFW_PRESS; a repeat is not a press).
    void pressed(int key);
    /// A key went up (GLFW_RELEASE): a tap when it went down since the last frame.
    void released(int key);
    /// The keys tapped since the last call, each once, in the order they came up, less any pressed
    /// again and still down; forgets the presses seen so far (a key held is ImGui's to see).
    std::vector<int> take_taps();

  private:
    std::vector<int> down_since_frame_, taps_;
};

}  // namespace atlas::viewer
