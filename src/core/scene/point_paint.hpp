#pragma once
/// An analyst's points over the map: dots where one can tell them apart, squares of estimated
/// density where they are too many to see (the national view), for figures and the viewer alike.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/projection.hpp"
#include "scene/camera.hpp"
#include "scene/painter.hpp"
#include "scene/scene.hpp"

namespace atlas {

/// Coarser than this (metres per pixel, the national view and out), the viewer draws points as
/// density squares; finer, as dots.
inline constexpr double kDensityAboveMetresPerPixel = 2500;

/// A dot's radius in figure pixels at scale 1 for a layer of `dots` points: 3 up to 100 points (a
/// handful of sites must be seen at a glance), 2.2 up to 1,000, 1.4 beyond (many stay apart). The
/// legend's swatch draws the same dot.
float dot_radius(std::size_t dots);

/// Dots (lon/lat WGS84) over the map: orange discs with a dark rim, dot_radius(dots.size()) figure
/// pixels at scale 1, so that they show on the palest and the darkest class. Painted over the
/// labels: a label may not hide a point. `pixels_per_point` and `origin`
/// place a camera of device pixels in a painter of UI points (the viewer; 1 and 0 for figures).
void paint_dots(Painter& painter, const std::vector<LonLat>& dots, const Projection& projection, const Scene& scene,
                const Camera& camera, float pixels_per_point = 1, PaintPoint origin = {0, 0});

/// Points counted in squares of `cell_deg` degrees (lon/lat WGS84), scaled from a uniform sample to
/// the total: the density the national view shows instead of dots.
struct DensityGrid {
    double cell_deg = 0.5;
    struct Cell {
        LonLat min;    ///< south-west corner, degrees
        double count;  ///< estimated points in it
    };
    std::vector<Cell> cells;
    double max_count = 0;
};
DensityGrid density_grid(const std::vector<LonLat>& sample, std::uint64_t total, double cell_deg = 0.5);

/// The squares, coloured yellow to dark red by the logarithm of their count, translucent.
void paint_density(Painter& painter, const DensityGrid& grid, const Projection& projection, const Scene& scene,
                   const Camera& camera, float pixels_per_point = 1, PaintPoint origin = {0, 0});

}  // namespace atlas
