#include "scene/camera.hpp"

#include <algorithm>

namespace atlas {

void Camera::fit(const float extent[4], double margin) {
    cx = (extent[0] + extent[2]) / 2.0;
    cy = (extent[1] + extent[3]) / 2.0;
    double span_x = (extent[2] - extent[0]) / (width * (1 - 2 * margin));
    double span_y = (extent[3] - extent[1]) / (height * (1 - 2 * margin));
    metres_per_pixel = std::max(span_x, span_y);
}

void Camera::fit_within(const float extent[4], double x, double y, double w, double h, double margin) {
    double span_x = (extent[2] - extent[0]) / (w * (1 - 2 * margin));
    double span_y = (extent[3] - extent[1]) / (h * (1 - 2 * margin));
    metres_per_pixel = std::max(span_x, span_y);
    // The extent's centre under the sub-rectangle's centre (screen_to_scene of that pixel).
    cx = (extent[0] + extent[2]) / 2.0 - (x + w / 2 - width / 2.0) * metres_per_pixel;
    cy = (extent[1] + extent[3]) / 2.0 + (y + h / 2 - height / 2.0) * metres_per_pixel;
}

SceneXY Camera::screen_to_scene(ScreenXY s) const {
    return {cx + (s.x - width / 2.0) * metres_per_pixel, cy - (s.y - height / 2.0) * metres_per_pixel};
}

ScreenXY Camera::scene_to_screen(SceneXY p) const {
    return {(p.x - cx) / metres_per_pixel + width / 2.0, height / 2.0 - (p.y - cy) / metres_per_pixel};
}

void Camera::zoom_about(ScreenXY pixel, double factor) {
    SceneXY before = screen_to_scene(pixel);
    metres_per_pixel = std::clamp(metres_per_pixel / factor, 1.0, 1e5);
    SceneXY after = screen_to_scene(pixel);
    cx += before.x - after.x;
    cy += before.y - after.y;
}

void Camera::pan_pixels(double dx, double dy) {
    cx -= dx * metres_per_pixel;
    cy += dy * metres_per_pixel;
}

std::array<float, 4> Camera::view_uniform() const {
    return {static_cast<float>(cx), static_cast<float>(cy), static_cast<float>(2.0 / (width * metres_per_pixel)),
            static_cast<float>(2.0 / (height * metres_per_pixel))};
}

}  // namespace atlas
