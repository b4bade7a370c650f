#pragma once
/// Turns a set of neighbouring polygons whose borders do not match exactly (slivers of gap and
/// overlap between neighbours, as in web-map boundary data) into a clean polygonal coverage: every
/// border shared exactly, no gaps, no overlaps. Then unions of neighbours are exact and fast
/// (GEOS CoverageUnion) and leave no sliver holes.

#include <vector>

#include "geo/geometry.hpp"
#include "geo/geos_handle.hpp"

namespace atlas {

struct CoverageCleanReport {
    int faces = 0;          ///< faces of the noded linework
    int overlap_faces = 0;  ///< faces inside two or more units (given to the first)
    int gap_faces = 0;      ///< thin faces inside no unit (given to the neighbour sharing most border)
    int open_faces = 0;     ///< wide faces inside no unit, left empty (real holes)
};

/// Nodes all rings together on a grid of `grid` degrees (the source's own grid: vertices already on
/// it stay put), polygonizes the linework, and gives each face to the unit that contains it. Faces
/// inside no unit that are thinner than `max_gap_width` degrees (twice area over perimeter) are
/// slivers between neighbours and go to the neighbour with which they share the longest border.
/// Returns one cleaned geometry per input, in input order.
std::vector<MultiPolygon> clean_coverage(const GeosContext& ctx, const std::vector<MultiPolygon>& units, double grid,
                                         double max_gap_width, CoverageCleanReport& report);

/// Union of polygons that form a clean coverage (shared borders identical), falling back to a
/// general union when they do not. The fast path's result is checked with GEOS IsValid unless
/// `trusted` (the parts come from a validated clean coverage).
MultiPolygon coverage_union(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts,
                            bool trusted = false);

}  // namespace atlas
