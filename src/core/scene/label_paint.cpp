#include "scene/label_paint.hpp"

namespace atlas {

namespace {

Rgba rgb(float r, float g, float b) { return {r / 255.0f, g / 255.0f, b / 255.0f, 1}; }

/// The hierarchy in ink as in size: regions darkest, then hubs, wider areas, provinces, cities.
Rgba label_ink(int kind) {
    switch (kind) {
        case kRegionLabel:
            return rgb(20, 20, 60);
        case kHubLabel:
            return rgb(30, 30, 30);
        case kWideAreaLabel:
            return rgb(35, 70, 120);
        case kCityLabel:
            return rgb(75, 75, 80);
        case kCountyLabel:
            return rgb(120, 120, 125);
        case kPlaceLabel:
            return rgb(150, 20, 90);
        default:
            return rgb(90, 90, 100);
    }
}

}  // namespace

std::vector<PlacedLabel> paint_labels(Painter& painter, const LabelSource& source, const Camera& camera,
                                      const MapStyle& style, float pixels_per_point, PaintPoint origin,
                                      const std::vector<std::array<double, 4>>& obstacles) {
    float base = painter.font_size();
    auto measure = [&](const std::string& text) {
        std::pair<float, float> size = painter.measure(base, text);
        return std::make_pair(static_cast<double>(size.first * pixels_per_point),
                              static_cast<double>(size.second * pixels_per_point));
    };
    std::vector<PlacedLabel> placed = place_labels(source.candidates(camera, style, measure, painter.scale()),
                                                   camera.width, camera.height, 2, obstacles);
    float halo = painter.scale();
    for (const PlacedLabel& p : placed) {
        const LabelCandidate& l = p.label;
        if (l.text.empty()) continue;  // a hub marker's box: keeps labels off it
        PaintPoint at{origin.x + static_cast<float>((l.x - l.width / 2) / pixels_per_point),
                      origin.y + static_cast<float>((l.y - l.height / 2) / pixels_per_point)};
        auto size = static_cast<float>(base * label_scale(l.kind));
        painter.text_halo(at, size, label_ink(l.kind), {1, 1, 1, 220 / 255.0f}, halo, l.text);
    }
    return placed;
}

}  // namespace atlas
