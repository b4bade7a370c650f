#include "scene/screen_layout.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

namespace {

int pixels(float points, float scale) { return static_cast<int>(std::lround(points * scale)); }

}  // namespace

ScreenLayout compute_screen_layout(int width, int height, float scale, int top, int bottom, const PanelLayout& p) {
    scale = scale > 0 ? scale : 1;
    width = std::max(width, 1), height = std::max(height, 1);
    int strip = pixels(kFoldedStripWidth, scale);
    int left = p.sidebar_open ? pixels(std::max(p.sidebar_width, 180.f), scale) : strip;
    int right = p.inspector_open ? pixels(std::max(p.inspector_width, 180.f), scale) : strip;
    // A small window: the panels give way in proportion until the map has its share.
    int room = static_cast<int>(width * (1 - kMinMapShare));
    if (left + right > room && left + right > 0) {
        double shrink = static_cast<double>(room) / (left + right);
        left = std::max(p.sidebar_open ? strip * 4 : strip, static_cast<int>(left * shrink));
        right = std::max(p.inspector_open ? strip * 4 : strip, static_cast<int>(right * shrink));
    }
    int middle = std::max(height - top - bottom, 1);
    ScreenLayout out;
    out.sidebar = {0, top, left, middle};
    out.inspector = {std::max(width - right, left), top, right, middle};
    int map_width = std::max(out.inspector.x - left, 1);
    int dock = p.bottom_dock_open
                   ? static_cast<int>(static_cast<float>(middle) * std::clamp(p.bottom_dock_share, 0.15f, 0.7f))
                   : 0;
    out.bottom_dock = {left, top + middle - dock, map_width, dock};
    out.map = {left, top, map_width, std::max(middle - dock, 1)};
    return out;
}

}  // namespace atlas
