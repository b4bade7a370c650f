#pragma once
/// Label placement in screen space: greedy by priority, never overlapping, inside the viewport.
/// Text measuring is the caller's (the renderer's font), so this stays free of any UI library.

#include <array>
#include <string>
#include <vector>

namespace atlas {

struct LabelCandidate {
    std::string text;
    double x = 0, y = 0;           ///< anchor in screen pixels (centre of the label)
    double width = 0, height = 0;  ///< measured text size in pixels
    int priority = 0;              ///< higher is placed first (regions, then hubs, then provinces)
    int kind = 0;                  ///< caller's tag (to pick a colour)
    /// Other places to try, in order, when the anchor's place is taken: offsets of the centre in
    /// pixels (a region label moved off a hub marker, a hub name on the marker's other side).
    std::vector<std::array<double, 2>> shifts;
};

struct PlacedLabel {
    LabelCandidate label;
    double left = 0, top = 0, right = 0, bottom = 0;  ///< box in screen pixels, padding included
};

/// Places labels by descending priority (ties: larger areas first as given by input order); a label
/// whose box would overlap one already placed (with `padding` pixels around each) or leave the
/// viewport is tried at its shifts in turn, and dropped when none is free. No label overlaps an
/// `obstacle` (screen pixels: left, top, right, bottom), such as the legend's box. A label whose text
/// was already placed within a label's width is left out (the region "Kunming" and its hub city).
std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates, int viewport_width, int viewport_height,
                                      double padding = 2, const std::vector<std::array<double, 4>>& obstacles = {});

/// True when two placed boxes overlap.
bool overlaps(const PlacedLabel& a, const PlacedLabel& b);

}  // namespace atlas
