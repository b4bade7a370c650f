#pragma once
/// The viewer's window divided between docked panels and the map, computed without any UI library
/// so that it can be tested: a menu bar on top, a status bar at the bottom, a sidebar on the left, an
/// inspector on the right, an optional bottom dock (the coverage matrix), and the map in the rest.
/// Every fit and fly-to frames the map rectangle, never the window, so no panel covers what the map
/// just framed.

namespace atlas {

/// An axis-aligned rectangle in framebuffer pixels, origin at the window's top left, y downwards.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool contains(double px, double py) const { return px >= x && py >= y && px < x + width && py < y + height; }
    bool operator==(const PixelRect& o) const { return x == o.x && y == o.y && width == o.width && height == o.height; }
    bool operator!=(const PixelRect& o) const { return !(*this == o); }
};

/// What the user chose about the panels (kept in the session): widths in UI points (pixels at a
/// content scale of 1), and whether each panel is open or folded to a strip.
struct PanelLayout {
    bool sidebar_open = true;
    bool inspector_open = true;
    float sidebar_width = 340;    ///< UI points
    float inspector_width = 360;  ///< UI points
    bool bottom_dock_open = false;
    float bottom_dock_share = 0.38f;  ///< of the height between the bars
};

/// The rectangles of one frame, framebuffer pixels.
struct ScreenLayout {
    PixelRect sidebar, inspector, bottom_dock, map;
};

/// Width of a folded panel's strip, UI points.
inline constexpr float kFoldedStripWidth = 26;
/// The map keeps at least this share of the window's width; panels shrink first.
inline constexpr double kMinMapShare = 0.4;

/// Divides a window of `width` x `height` framebuffer pixels. `scale` is framebuffer pixels per UI
/// point (the monitor's content scale); `top` and `bottom` are the bars' heights in framebuffer
/// pixels. Panels narrower than 180 points are widened to it, and both panels are narrowed in
/// proportion while the map would keep less than kMinMapShare of the width. Never throws.
ScreenLayout compute_screen_layout(int width, int height, float scale, int top, int bottom, const PanelLayout& panels);

}  // namespace atlas
