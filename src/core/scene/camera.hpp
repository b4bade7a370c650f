#pragma once
/// The 2D map camera: a centre in scene metres (projected metres relative to the scene origin) and a
/// scale in metres per pixel, over a viewport in framebuffer pixels. Screen y grows downwards.

#include <array>

#include "geo/geometry.hpp"

namespace atlas {

struct Camera {
    double cx = 0, cy = 0;  ///< centre, scene metres (relative to the scene origin)
    double metres_per_pixel = 5000;
    int width = 800, height = 600;  ///< framebuffer pixels

    /// Centres the extent (min x, min y, max x, max y) and scales it to fill the viewport less a margin.
    void fit(const float extent[4], double margin = 0.04);
    /// As fit, into the viewport's sub-rectangle at (x, y) of w x h framebuffer pixels (from the
    /// viewport's top left) less the margin of its size: the extent framed clear of a panel that floats
    /// over the rest of the map.
    void fit_within(const float extent[4], double x, double y, double w, double h, double margin);
    SceneXY centre() const { return {cx, cy}; }
    /// The scene point under a screen pixel.
    SceneXY screen_to_scene(ScreenXY screen) const;
    /// The screen pixel of a scene point (outside the viewport when it is off screen).
    ScreenXY scene_to_screen(SceneXY scene) const;
    /// Zooms by `factor` (>1 zooms in) keeping the scene point under pixel (sx, sy) fixed.
    void zoom_about(ScreenXY pixel, double factor);
    /// Moves the map with the pointer: a drag of (dx, dy) pixels.
    void pan_pixels(double dx, double dy);
    /// centre x, centre y, 2 / (width * m/px), 2 / (height * m/px): the shaders' u_view.
    std::array<float, 4> view_uniform() const;
};

}  // namespace atlas
