#include "scene/style.hpp"

#include <algorithm>
#include <tuple>

#include "scene/colour_difference.hpp"

namespace atlas {

Rgba over(const Rgba& bottom, const Rgba& top) {
    return {top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a),
            top.b * top.a + bottom.b * (1 - top.a), 1};
}

const std::vector<Rgba>& region_palette() {
    auto hex = [](unsigned v) {
        return Rgba{static_cast<float>((v >> 16) & 255) / 255, static_cast<float>((v >> 8) & 255) / 255,
                    static_cast<float>(v & 255) / 255, 1};
    };
    static const std::vector<Rgba> colours = [&] {
        std::vector<Rgba> out;
        for (unsigned v :
             {0xE41A1Cu, 0x377EB8u, 0x4DAF4Au, 0x984EA3u, 0xFF7F00u, 0xA65628u, 0xF781BFu, 0x1B9E77u, 0xD95F02u,
              0x7570B3u, 0xE7298Au, 0x66A61Eu, 0xE6AB02u, 0x17BECFu, 0xBCBD22u, 0x4E79A7u, 0xB07AA1u, 0x9C755Fu,
              0x76B7B2u, 0x08306Bu, 0x800000u, 0x008080u, 0xFFD92Fu, 0x8DA0CBu, 0xFC8D62u, 0xA6D854u})
            out.push_back(hex(v));
        return out;
    }();
    return colours;
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

namespace {

/// CIEDE2000 between neighbouring fills, for every reader, beyond which a distinct colour matters more.
constexpr double kEnough = 18;

/// How a fill colour looks on the map: at its opacity over the land.
Rgba on_land(const Rgba& colour, float alpha) { return over(MapStyle{}.land, {colour.r, colour.g, colour.b, alpha}); }

/// Filled regions, most neighbours first (then plan order): they have the fewest colours left.
std::vector<std::size_t> colouring_order(const std::vector<RegionPaint>& paint,
                                         const std::vector<std::vector<std::size_t>>& near) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < paint.size(); ++i)
        if (paint[i].fill) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return near[a].size() > near[b].size(); });
    return order;
}

}  // namespace

std::vector<RegionPaint> default_region_paint(const Plan& plan,
                                              const std::vector<std::pair<std::size_t, std::size_t>>& neighbours) {
    // Wider areas: their own hues (a river blue for the belt), never a palette colour.
    static const Rgba kWideAreas[] = {{0.10f, 0.45f, 0.75f, 1}, {0.55f, 0.25f, 0.60f, 1}, {0.05f, 0.50f, 0.45f, 1}};
    std::vector<RegionPaint> out;
    std::size_t wide = 0;
    for (const PlanRegion& r : plan.regions) {
        RegionPaint paint;
        bool context = r.designation.type == DesignationType::Context || !r.group_of.empty();
        paint.fill = !context;
        paint.casing = context;
        if (context) paint.colour = kWideAreas[wide++ % 3];
        paint.dashed = r.extent.provisional;
        out.push_back(paint);
    }
    std::vector<std::vector<std::size_t>> near(out.size());
    for (auto [a, b] : neighbours)
        if (a < out.size() && b < out.size()) near[a].push_back(b), near[b].push_back(a);
    const std::vector<Rgba>& palette = region_palette();
    std::vector<bool> used(palette.size(), false), done(out.size(), false);
    for (std::size_t r : colouring_order(out, near)) {
        std::size_t best = 0;
        std::tuple<bool, double, double, double> best_score{false, -1, -1, -1};
        for (std::size_t c = 0; c < palette.size(); ++c) {
            Rgba seen = on_land(palette[c], out[r].fill_alpha);
            double closest_neighbour = 100, closest_any = 100;
            for (std::size_t n : near[r])
                if (done[n] && out[n].fill)
                    closest_neighbour = std::min(
                        closest_neighbour, min_difference_all_visions(seen, on_land(out[n].colour, out[n].fill_alpha)));
            for (std::size_t u = 0; u < palette.size(); ++u)
                if (used[u])
                    closest_any = std::min(closest_any, min_difference_all_visions(seen, on_land(palette[u], 0.45f)));
            // A colour not used yet (no two regions alike), then far enough from every neighbour
            // (beyond kEnough more does not help a reader), then the farthest from the neighbours, then
            // from all colours used.
            std::tuple<bool, double, double, double> score{!used[c], std::min(closest_neighbour, kEnough),
                                                           closest_neighbour, closest_any};
            if (score > best_score) best = c, best_score = score;
        }
        out[r].colour = palette[best];
        used[best] = true;
        done[r] = true;
    }
    return out;
}

}  // namespace atlas
