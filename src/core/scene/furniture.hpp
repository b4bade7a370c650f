#pragma once
/// Map furniture of a figure, each optional: a title and subtitle, a credit line, a scale bar true
/// at the map's centre, a north arrow, and the legend in the corner that covers the least land. Laid
/// out in figure pixels times the painter's scale, drawn through a Painter over the painted map, the
/// same in PNG, SVG and PDF.

#include <array>
#include <string>
#include <vector>

#include "geo/projection.hpp"
#include "io/inset_layer.hpp"
#include "scene/camera.hpp"
#include "scene/figure.hpp"
#include "scene/map_cover.hpp"
#include "scene/painter.hpp"
#include "scene/scene.hpp"

namespace atlas {

/// What the projection does at the centre of the map in a view: the centre of China's extent where
/// the view shows all of it, else the view's centre (computed with PROJ and a geodesic on WGS84).
/// A figure framed beside its legend has its camera's centre over the legend, where north turned
/// 20 degrees.
struct ViewGeometry {
    LonLat centre;                  ///< degrees
    double true_metres_per_px = 0;  ///< ground metres per device pixel east-west at the centre; 0: unknown
    double north_radians = 0;       ///< screen angle of true north at the centre, clockwise from up
    bool known = false;             ///< false where the projection cannot place the centre
};

/// The view's geometry (camera in device pixels).
ViewGeometry view_geometry(const Scene& scene, const Camera& camera, const Projection& projection);

/// A scale bar: a round length (1, 2 or 5 times a power of ten, metres) at most `max_px` long.
struct ScaleBar {
    double metres = 0;
    float pixels = 0;
    std::string label;  ///< "500 km"
};
ScaleBar scale_bar(double true_metres_per_px, float max_px);

/// The texts over a figure, with the session's overrides applied and the hidden ones empty.
struct FigureWords {
    std::string title, subtitle, credit;
};
FigureWords figure_words(const Figure& figure, const FurnitureSettings& settings);

/// The figure's texts that are cut to three lines with "..." on a figure `width` device pixels wide:
/// "title", "subtitle", "credit", in that order (render warns about them; the figure showed "..."
/// and said nothing).
std::vector<std::string> cut_figure_texts(Painter& painter, const Figure& figure, const FurnitureSettings& settings,
                                          float width);

/// The inset layer's extent in the scene's metres: min x, min y, max x, max y of a 9 x 9 grid over
/// its lon/lat box (a conic bends the box's parallels). Min above max where the projection places
/// none of it.
std::array<double, 4> projected_extent(const InsetLayer& layer, const Projection& projection, const Scene& scene);

/// Where the inset goes: its box at the bottom right of the map, above the credit line (device
/// pixels), as tall as the layer's extent is for its width (at most 45 % of the map's height), and
/// the camera that frames the extent in it (its pixels, relative to the box's top left corner).
struct InsetPlacement {
    Camera camera;
    PaintPoint min, max;
    bool placed = false;  ///< false where the projection cannot place the layer
};
/// The inset's placement for a figure: the backend paints the map with its camera into the box
/// (over the labels, under the furniture), then paint_furniture draws the layer over it.
InsetPlacement place_inset(Painter& painter, const Figure& figure, const FurnitureSettings& settings,
                           const Scene& scene, const Camera& camera, const InsetLayer& layer,
                           const Projection& projection);

/// The camera of a figure framed by the program (no camera of the session's) with room for its
/// legend: where the legend over `camera` would hide a region or not fit in any corner (a 120 mm
/// page: the North Slope of the Tianshan under it), `frame` (figure_frame: all of China, or the
/// compared or picked regions; scene metres) fitted beside a column as wide as the legend (left) or
/// above a band as tall (bottom), in the legend's type or a step or two smaller, whichever leaves the
/// frame largest with a legend that hides no region and fits. `camera` itself where its legend hides
/// none, or where every candidate would shrink the frame below 0.6 of its size. Device pixels; the
/// inset's column (`placement`) is kept free. A subject (a frame other than Scene::extent) is first
/// fitted below the title and above the credit; without a `legend` (--no-legend) that is all.
Camera camera_beside_legend(Painter& painter, const Figure& figure, const FurnitureSettings& settings,
                            const Scene& scene, const float frame[4], const Camera& camera,
                            const InsetPlacement* placement, bool legend = true);

/// How the furniture sat on a figure, for the caller to warn about: the figure is drawn all the same.
struct FurnitureFit {
    bool legend_inside = true;              ///< false: drawn over the title, inset or credit, or cut at an edge
    Hidden legend_hides = Hidden::Nothing;  ///< what the legend hides of the map's subject (map_cover.hpp)
    Hidden scale_hides = Hidden::Nothing;   ///< what the scale bar and north arrow hide
};

/// Draws the furniture, the inset's lines and frame (when given and placed) and (when `legend`) the
/// legend over the map. The camera is in device pixels. The legend is set in smaller type (down to
/// 0.6 of the labels' size) where that is what keeps it inside the map, clear of the title, inset
/// and credit, or off the regions. Says where even then it does not fit and was drawn over them or
/// cut at an edge, and what it and the scale block hide where no place was clear (a figure too small
/// for them): all clear without a legend or scale block.
FurnitureFit paint_furniture(Painter& painter, const Figure& figure, const FurnitureSettings& settings,
                             const Scene& scene, const Camera& camera, const ViewGeometry& geometry, bool legend,
                             const InsetLayer* inset = nullptr, const Projection* projection = nullptr,
                             const InsetPlacement* placement = nullptr);

/// The boxes paint_furniture takes over the map, placed as it places them (device pixels: left,
/// top, right, bottom): the title block, the inset, the legend, the credit strip and the scale
/// block. The map's labels are kept off them: a label half under the legend read as a stray word.
std::vector<std::array<double, 4>> furniture_boxes(Painter& painter, const Figure& figure,
                                                   const FurnitureSettings& settings, const Scene& scene,
                                                   const Camera& camera, const ViewGeometry& geometry, bool legend,
                                                   const InsetPlacement* placement = nullptr);

}  // namespace atlas
