#pragma once
/// What a box over the map would hide, for placing the legend and the scale block and for the
/// viewer's legend corner: land, the regions the figure is about, their hub cities and a sparse
/// choropleth's units with values. Boxes are in device pixels (screen space of `camera`); the
/// geometry is the scene's (projected metres from its origin). No GL, ImGui or text here.

#include "scene/camera.hpp"
#include "scene/painter.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas {

/// Under this share of a box (covered_share over land_share) a legend hides no region: one grid
/// point of a filled region is 0.035.
inline constexpr double kHidesNoRegion = 0.05;

/// Fraction (0 to 1) of a screen rectangle (device pixels) that lies on land: a 12 x 12 grid of
/// points tested against the provinces.
double land_share(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max);

/// What a box over the map would hide: land_share with, given `style`, its regions in full colour
/// counted six times and each of their hub cities a sixth of the box, for the legend's corner (on a
/// 1000 x 750 map the least land was the east, where the regions are), regions drawn as outlines over
/// a choropleth three times, and the user's dots (MapStyle::dots) a whole box if all are hidden.
/// Faint regions (designated in general, under an industry: `labelled` false) and wide areas count as
/// bare land.
double covered_share(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle* style);

/// True when a box over the map (device pixels) hides some of `style`'s full-colour regions or
/// their hub cities: covered_share over land_share by a grid point's worth or more.
bool hides_a_region(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style);

/// What a box hides of the figure's subject, the first found in this order.
enum class Hidden {
    Nothing,
    Region,  ///< a twentieth or more of a full-colour or outlined region's area
    Hub,     ///< a hub city of a region shown
    Dots,    ///< a user's dot (of more than 20 on screen, a twentieth of them)
    Unit,    ///< half or more of a choropleth's unit that has a class (Hainan under a 600x800 legend)
};

/// What a box over the map (device pixels) hides: covered_share's measure alone let a 500 px legend
/// over the west of the North Slope of the Tianshan, or over half the Shandong Peninsula on a 120 mm
/// page, count as clear (a share of its own large box), and it weighs a dense choropleth's units as
/// bare land (a 400x300 legend over Sichuan).
Hidden what_is_hidden(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style);

/// what_is_hidden is not Nothing.
bool hides_part(const Scene& scene, const Camera& camera, PaintPoint min, PaintPoint max, const MapStyle& style);

/// The words for what is hidden, for a warning: "a region", "a hub city", "your points", "a classed unit".
const char* hidden_words(Hidden hidden);

}  // namespace atlas
