// Quick key taps on a slow frame (viewer/key_taps.hpp): what ImGui is shown down for one frame.
#include "key_taps.hpp"

#include <catch2/catch.hpp>

using atlas::viewer::KeyTaps;

namespace {
constexpr int kDown = 264, kSpace = 32, kRight = 262;  // GLFW_KEY_DOWN, GLFW_KEY_SPACE, GLFW_KEY_RIGHT
}

TEST_CASE("viewer keys: a key pressed and released between two frames is a tap, shown down once", "[viewer]") {
    KeyTaps taps;
    taps.pressed(kDown);
    taps.released(kDown);
    taps.pressed(kSpace);
    taps.released(kSpace);
    CHECK(taps.take_taps() == std::vector<int>{kDown, kSpace});
    CHECK(taps.take_taps().empty());  // released after that one frame, not again
}

TEST_CASE("viewer keys: a key held across a frame is no tap (ImGui saw it down itself)", "[viewer]") {
    KeyTaps taps;
    taps.pressed(kDown);
    CHECK(taps.take_taps().empty());  // a frame while it is held
    taps.released(kDown);
    CHECK(taps.take_taps().empty());
}

TEST_CASE("viewer keys: tapped then pressed again and still down is left to ImGui, two taps are one", "[viewer]") {
    KeyTaps taps;
    taps.pressed(kRight);
    taps.released(kRight);
    taps.pressed(kRight);  // down again at the frame: ImGui's own state says so, nothing to release
    CHECK(taps.take_taps().empty());
    taps.released(kRight);
    CHECK(taps.take_taps().empty());  // that press was seen down by a frame
    taps.pressed(kSpace), taps.released(kSpace), taps.pressed(kSpace), taps.released(kSpace);
    CHECK(taps.take_taps() == std::vector<int>{kSpace});
}
