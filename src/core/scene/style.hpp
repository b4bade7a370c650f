#pragma once
/// Map styling as plain data: colours, widths, visibility, and how each region is painted.
/// Shared by the renderer and by the tests that check pixel colours.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "geo/geometry.hpp"
#include "model/plan.hpp"

namespace atlas {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

/// Source-over compositing of `top` onto an opaque `bottom`.
Rgba over(const Rgba& bottom, const Rgba& top);

/// The candidate colours of filled regions (ColorBrewer Set1 and Dark2, Tableau 10; 20 hues and
/// lightnesses), from which default_region_paint chooses.
const std::vector<Rgba>& region_palette();

struct RegionPaint {
    Rgba colour;
    bool fill = true;     ///< agglomerations are filled; belts and groups are outlines only
    bool dashed = false;  ///< provisional extents
    bool visible = true;
    float fill_alpha = 0.45f;
    /// Wider areas (economic belts, region groups): drawn as a wide translucent band along the
    /// border, their own kind of feature, with their own legend swatch.
    bool casing = false;
    bool labelled = true;  ///< false for regions shown only faintly (designated in general, not for the industry)
};

/// Per-feature fills of the provinces or prefectures (a choropleth), drawn over the land and under
/// the regions; a colour with alpha 0 leaves its feature unfilled.
struct FeatureFills {
    enum class Layer { None, Provinces, Prefectures, Counties } layer = Layer::None;
    std::vector<Rgba> colours;  ///< one per feature of the layer, in layer order
};

/// Sequential colour ramp (ColorBrewer YlGnBu), t in 0..1.
Rgba ramp_colour(double t);

/// "Not designated" in province coverage: a neutral grey apart from the ramp (a cream would read as
/// the lowest share).
inline constexpr Rgba kNotDesignated{0.93f, 0.93f, 0.93f, 1};
/// The user's points: orange ink in a dark rim (scene/point_paint.hpp's dots, the legend's Dot swatch).
inline constexpr Rgba kDotInk{1.0f, 0.6f, 0.1f, 0.95f};
inline constexpr Rgba kDotRim{0.08f, 0.08f, 0.1f, 0.75f};

struct MapStyle {
    Rgba background{0.84f, 0.89f, 0.93f, 1};
    Rgba land{0.97f, 0.96f, 0.93f, 1};
    Rgba prefecture_line{0.72f, 0.72f, 0.72f, 1};
    Rgba province_line{0.38f, 0.38f, 0.42f, 1};
    Rgba hub_fill{0.12f, 0.12f, 0.12f, 1};
    Rgba hub_outline{1, 1, 1, 1};
    float prefecture_line_px = 0.7f, province_line_px = 1.6f, region_line_px = 2.2f, hub_px = 9;
    bool show_prefectures = true, show_provinces = true, show_regions = true, show_hubs = true, show_labels = true;
    /// County-level borders (with a county layer) are drawn from this zoom in, metres per pixel: finer
    /// than the prefectures', where a county is at least a few pixels across.
    bool show_counties = true;
    /// The plan's places: pilot zones as dashed outlines, new districts as outlines over a light fill,
    /// hatched where they cover only parts of the counties drawn.
    bool show_pilot_zones = false, show_new_districts = false;
    Rgba pilot_zone_line{0.05f, 0.45f, 0.40f, 1};
    Rgba new_district_line{0.70f, 0.10f, 0.45f, 1};
    double counties_below_mpp = 1500;
    Rgba county_line{0.80f, 0.80f, 0.80f, 1};
    float county_line_px = 0.5f;
    bool english = true;               ///< label language
    std::vector<RegionPaint> regions;  ///< one per plan region, plan order
    int selected_region = -1;
    /// The selected unit, outlined: an index into the prefectures (or, with selected_is_province, the
    /// provinces) layer; -1 for none.
    int selected_unit = -1;
    bool selected_is_province = false;
    FeatureFills fills;
    /// Prefectures (feature indices) drawn hatched dark over everything filled: the members shared by
    /// the regions being compared.
    std::vector<std::uint32_t> overlap_prefectures;
    Rgba overlap_colour{0.1f, 0.1f, 0.1f, 0.85f};
    /// The user's dots in the scene's metres (prepare_figure sets them from Figure::dots), for the
    /// legend and scale block to spare (scene/map_cover.hpp): an 800x600 legend hid the Urumqi dot.
    /// Empty in the viewer, which draws its dots from its own data.
    std::vector<SceneXY> dots;
};

/// True when any of the given regions is visible: hubs show only for visible regions.
bool any_visible(const MapStyle& style, const std::vector<std::uint32_t>& regions);

/// The default paint of every region: fills for agglomerations and key cities, translucent casings for
/// wider areas and groups, dashes for provisional extents. `neighbours` are pairs of region indices
/// that touch or overlap (Document::region_neighbours): each filled region takes the candidate colour
/// that, composited over the land at its fill opacity, differs most from its neighbours' for normal
/// vision and under protanopia, deuteranopia and tritanopia (CIEDE2000), then one not yet used. Most
/// constrained regions choose first. Deterministic.
std::vector<RegionPaint> default_region_paint(const Plan& plan,
                                              const std::vector<std::pair<std::size_t, std::size_t>>& neighbours = {});

}  // namespace atlas
