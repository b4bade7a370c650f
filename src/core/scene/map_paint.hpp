#pragma once
/// The order and styling in which a map is painted, once for every backend: MapRenderer draws it with
/// OpenGL (PNG figures, the viewer), vector/cairo_figure.cpp with cairo (SVG, PDF). A backend
/// implements MapCanvas: fills and outlines of one feature of a scene's layer, and hub markers.

#include <cstdint>
#include <vector>

#include "scene/camera.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas {

/// The polygon layers of a Scene.
enum class MeshLayer { Provinces, Prefectures, Regions, PartialCounties, Counties, Places };

/// What paint_map needs of a scene besides its meshes (which a GPU backend keeps on the GPU): feature
/// counts and the lists that say which features go with which region.
struct ScenePaintIndex {
    std::size_t provinces = 0, prefectures = 0, counties = 0, partial_counties = 0;  ///< features
    std::vector<SceneRegion> regions;
    std::vector<ScenePlace> places;
    std::vector<HubMarker> hubs;

    static ScenePaintIndex of(const Scene& scene);
};

/// A backend. Sizes are device pixels; features are indices into the layer's mesh.
class MapCanvas {
  public:
    virtual ~MapCanvas() = default;
    /// The whole view in the background colour.
    virtual void clear(const Rgba& background) = 0;
    /// One feature filled (even-odd). `hatch` 0: solid; > 0: "/" stripes of that period, 35 % inked;
    /// < 0: both diagonals of period -hatch, 25 % inked each (shaders/fill.frag's pattern).
    virtual void fill(MeshLayer layer, std::size_t feature, const Rgba& colour, float hatch) = 0;
    /// Outlines of one feature (every feature in view when `feature` < 0), `width` wide, dashed with
    /// period `dash` (60 % inked) when `dash` > 0.
    virtual void lines(MeshLayer layer, long feature, const Rgba& colour, float width, float dash) = 0;
    /// A hub marker: a disc `size` across, its outer 40 % in `outline`.
    virtual void hub(std::size_t hub, float size, const Rgba& fill, const Rgba& outline) = 0;
};

/// Whether the county-level outlines are painted at a scale (metres per figure pixel): below the
/// style's counties_below_mpp, or under a county choropleth, and only while shown.
bool county_outlines_painted(const MapStyle& style, double metres_per_figure_pixel);

/// Whether painting at that scale needs the scene's county mesh: its outlines painted, or a county
/// choropleth filled. A scene built without it (SceneOptions::counties) needs add_county_outlines then.
bool county_mesh_needed(const MapStyle& style, double metres_per_figure_pixel);

/// Paints the map: background, land, choropleth fills, region fills with hatched partial members,
/// shared members of a compare set, new districts, then county, prefecture and province borders,
/// places, region outlines (casings for wider areas, dashes for provisional extents), the selected
/// unit and the hub markers. `scale` multiplies every width, dash and hatch period: device pixels per
/// figure pixel (1 on screen, 300/96 for a 300 dpi print).
void paint_map(MapCanvas& canvas, const ScenePaintIndex& index, const Camera& camera, const MapStyle& style,
               float scale = 1);

}  // namespace atlas
