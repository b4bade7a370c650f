#pragma once
/// Map styling as plain data: colours, widths, visibility, and how each region is painted.
/// Shared by the renderer and by the tests that check pixel colours.

#include <cstdint>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace atlas {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

/// Source-over compositing of `top` onto an opaque `bottom`.
Rgba over(const Rgba& bottom, const Rgba& top);

/// Qualitative palette (ColorBrewer Paired/Set1 colours, reordered so neighbours differ).
Rgba palette_colour(std::size_t index);

struct RegionPaint {
    Rgba colour;
    bool fill = true;     ///< agglomerations are filled; belts and groups are outlines only
    bool dashed = false;  ///< provisional extents
    bool visible = true;
    float fill_alpha = 0.45f;
};

/// Per-feature fills of the provinces or prefectures (a choropleth), drawn over the land and under
/// the regions; a colour with alpha 0 leaves its feature unfilled.
struct FeatureFills {
    enum class Layer { None, Provinces, Prefectures } layer = Layer::None;
    std::vector<Rgba> colours;  ///< one per feature of the layer, in layer order
};

/// Sequential colour ramp (ColorBrewer YlGnBu), t in 0..1.
Rgba ramp_colour(double t);

struct MapStyle {
    Rgba background{0.84f, 0.89f, 0.93f, 1};
    Rgba land{0.97f, 0.96f, 0.93f, 1};
    Rgba prefecture_line{0.72f, 0.72f, 0.72f, 1};
    Rgba province_line{0.38f, 0.38f, 0.42f, 1};
    Rgba hub_fill{0.12f, 0.12f, 0.12f, 1};
    Rgba hub_outline{1, 1, 1, 1};
    float prefecture_line_px = 0.7f, province_line_px = 1.6f, region_line_px = 2.2f, hub_px = 9;
    bool show_prefectures = true, show_provinces = true, show_regions = true, show_hubs = true, show_labels = true;
    bool english = true;               ///< label language
    std::vector<RegionPaint> regions;  ///< one per plan region, plan order
    int selected_region = -1;
    FeatureFills fills;
    /// Prefectures (feature indices) drawn hatched dark over everything filled: the members shared by
    /// the regions being compared.
    std::vector<std::uint32_t> overlap_prefectures;
    Rgba overlap_colour{0.1f, 0.1f, 0.1f, 0.85f};
};

/// True when any of the given regions is visible: hubs show only for visible regions.
bool any_visible(const MapStyle& style, const std::vector<std::uint32_t>& regions);

/// The default paint of every region: palette colours in plan order, fills for agglomerations and key
/// cities, outlines for context regions and groups, dashes for provisional extents.
std::vector<RegionPaint> default_region_paint(const Plan& plan);

}  // namespace atlas
