#pragma once
/// Map labels placed (greedy, no overlaps: scene/labels.hpp) and drawn with a white halo through a
/// Painter, for the viewer, PNG figures and SVG and PDF alike.

#include <array>
#include <vector>

#include "scene/label_source.hpp"
#include "scene/painter.hpp"

namespace atlas {

/// Places and draws the labels of the view; returns what was placed. The camera is in device pixels;
/// `pixels_per_point` converts them to the painter's coordinates (2 in the viewer on a high-DPI
/// screen, else 1) and `origin` is where the map's top left corner is in those coordinates. No label
/// is placed over an `obstacle` (device pixels of the camera: left, top, right, bottom), the boxes of
/// a figure's furniture (scene/furniture.hpp furniture_boxes).
std::vector<PlacedLabel> paint_labels(Painter& painter, const LabelSource& source, const Camera& camera,
                                      const MapStyle& style, float pixels_per_point = 1, PaintPoint origin = {},
                                      const std::vector<std::array<double, 4>>& obstacles = {});

}  // namespace atlas
