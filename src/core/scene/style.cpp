#include "scene/style.hpp"

#include <algorithm>

namespace atlas {

Rgba over(const Rgba& bottom, const Rgba& top) {
    return {top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a),
            top.b * top.a + bottom.b * (1 - top.a), 1};
}

Rgba palette_colour(std::size_t index) {
    static const Rgba colours[] = {
        {0.89f, 0.10f, 0.11f, 1}, {0.12f, 0.47f, 0.71f, 1}, {0.20f, 0.63f, 0.17f, 1}, {1.00f, 0.50f, 0.00f, 1},
        {0.42f, 0.24f, 0.60f, 1}, {0.69f, 0.35f, 0.16f, 1}, {0.90f, 0.16f, 0.54f, 1}, {0.00f, 0.60f, 0.60f, 1},
        {0.60f, 0.60f, 0.00f, 1}, {0.40f, 0.40f, 0.80f, 1}, {0.80f, 0.30f, 0.30f, 1}, {0.20f, 0.40f, 0.30f, 1},
    };
    return colours[index % (sizeof colours / sizeof colours[0])];
}

Rgba ramp_colour(double t) {
    static const Rgba stops[] = {
        {1.00f, 1.00f, 0.85f, 1}, {0.93f, 0.97f, 0.69f, 1}, {0.78f, 0.91f, 0.71f, 1},
        {0.50f, 0.80f, 0.73f, 1}, {0.25f, 0.71f, 0.77f, 1}, {0.11f, 0.57f, 0.75f, 1},
        {0.13f, 0.37f, 0.66f, 1}, {0.15f, 0.20f, 0.58f, 1}, {0.03f, 0.11f, 0.35f, 1},
    };
    constexpr std::size_t last = sizeof stops / sizeof stops[0] - 1;
    double x = std::min(1.0, std::max(0.0, t)) * last;
    auto i = std::min(last - 1, static_cast<std::size_t>(x));
    auto f = static_cast<float>(x - static_cast<double>(i));
    const Rgba &a = stops[i], &b = stops[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, 1};
}

bool any_visible(const MapStyle& style, const std::vector<std::uint32_t>& regions) {
    for (std::uint32_t r : regions)
        if (r < style.regions.size() && style.regions[r].visible) return true;
    return false;
}

std::vector<RegionPaint> default_region_paint(const Plan& plan) {
    std::vector<RegionPaint> out;
    std::size_t filled = 0;
    for (const PlanRegion& r : plan.regions) {
        RegionPaint paint;
        bool context = r.designation.type == DesignationType::Context || !r.group_of.empty();
        paint.fill = !context;
        paint.colour = context ? Rgba{0.35f, 0.35f, 0.55f, 1} : palette_colour(filled++);
        paint.dashed = r.extent.provisional;
        out.push_back(paint);
    }
    return out;
}

}  // namespace atlas
