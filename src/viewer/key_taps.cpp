#include "key_taps.hpp"

#include <algorithm>

namespace atlas::viewer {

void KeyTaps::pressed(int key) {
    if (std::find(down_since_frame_.begin(), down_since_frame_.end(), key) == down_since_frame_.end())
        down_since_frame_.push_back(key);
}

void KeyTaps::released(int key) {
    auto down = std::find(down_since_frame_.begin(), down_since_frame_.end(), key);
    if (down == down_since_frame_.end()) return;  // held across a frame: ImGui saw it down
    down_since_frame_.erase(down);
    if (std::find(taps_.begin(), taps_.end(), key) == taps_.end()) taps_.push_back(key);
}

std::vector<int> KeyTaps::take_taps() {
    std::vector<int> taps;
    for (int key : taps_)  // tapped, then pressed again and still down: ImGui sees that itself
        if (std::find(down_since_frame_.begin(), down_since_frame_.end(), key) == down_since_frame_.end())
            taps.push_back(key);
    taps_.clear();
    down_since_frame_.clear();
    return taps;
}

}  // namespace atlas::viewer
