#include "scene/point_paint.hpp"

#include <cmath>
#include <map>

namespace atlas {

namespace {

/// A lon/lat point as a painter point, or false where the projection cannot place it.
bool to_painter(const Projection& projection, const Scene& scene, const Camera& camera, float ppp, PaintPoint origin,
                const LonLat& ll, PaintPoint& out) {
    SceneXY at;
    if (!scene_point(projection, scene, ll, at)) return false;
    ScreenXY sp = camera.scene_to_screen(at);
    out = {origin.x + static_cast<float>(sp.x) / ppp, origin.y + static_cast<float>(sp.y) / ppp};
    return true;
}

/// YlOrRd from light to dark, at t in 0..1.
Rgba ramp(double t) {
    static const float stops[][3] = {
        {1.0f, 0.93f, 0.63f}, {0.99f, 0.70f, 0.30f}, {0.94f, 0.33f, 0.13f}, {0.70f, 0.0f, 0.15f}};
    double x = std::clamp(t, 0.0, 1.0) * 3;
    int i = std::min(2, static_cast<int>(x));
    float f = static_cast<float>(x - i);
    return {stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f, stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f,
            stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f, 0.65f};
}

}  // namespace

float dot_radius(std::size_t dots) { return dots <= 100 ? 3.0f : dots <= 1000 ? 2.2f : 1.4f; }

void paint_dots(Painter& p, const std::vector<LonLat>& dots, const Projection& projection, const Scene& scene,
                const Camera& camera, float ppp, PaintPoint origin) {
    const float r = dot_radius(dots.size()) * p.scale();
    const float w = static_cast<float>(camera.width) / ppp, h = static_cast<float>(camera.height) / ppp;
    for (const LonLat& ll : dots) {
        PaintPoint c;
        if (!to_painter(projection, scene, camera, ppp, origin, ll, c)) continue;
        if (c.x < origin.x - r || c.y < origin.y - r || c.x > origin.x + w + r || c.y > origin.y + h + r) continue;
        p.circle_filled(c, r + 0.7f * p.scale(), kDotRim);
        p.circle_filled(c, r, kDotInk);
    }
}

DensityGrid density_grid(const std::vector<LonLat>& sample, std::uint64_t total, double cell_deg) {
    DensityGrid g;
    g.cell_deg = cell_deg;
    if (sample.empty()) return g;
    std::map<std::pair<long, long>, double> counts;
    for (const LonLat& p : sample)
        counts[{static_cast<long>(std::floor(p.lon / cell_deg)), static_cast<long>(std::floor(p.lat / cell_deg))}] += 1;
    const double scale = static_cast<double>(total) / static_cast<double>(sample.size());
    for (const auto& [key, n] : counts) {
        g.cells.push_back(
            {{static_cast<double>(key.first) * cell_deg, static_cast<double>(key.second) * cell_deg}, n * scale});
        g.max_count = std::max(g.max_count, n * scale);
    }
    return g;
}

void paint_density(Painter& p, const DensityGrid& g, const Projection& projection, const Scene& scene,
                   const Camera& camera, float ppp, PaintPoint origin) {
    const double top = std::log1p(g.max_count);
    for (const DensityGrid::Cell& c : g.cells) {
        const double d = g.cell_deg;
        std::vector<PaintPoint> corners(4);
        const LonLat ll[4] = {
            c.min, {c.min.lon + d, c.min.lat}, {c.min.lon + d, c.min.lat + d}, {c.min.lon, c.min.lat + d}};
        bool ok = true;
        for (int i = 0; i < 4 && ok; ++i) ok = to_painter(projection, scene, camera, ppp, origin, ll[i], corners[i]);
        if (ok) p.polygon_filled(corners, ramp(top > 0 ? std::log1p(c.count) / top : 0));
    }
}

}  // namespace atlas
