#pragma once
/// Simplification that keeps a polygon coverage a coverage: borders shared by neighbours are
/// simplified once, the same way for both, so no gaps or overlaps open between them (what GEOS 3.12's
/// CoverageSimplify does; Debian 12 ships GEOS 3.11). Used by export --simplify and for the
/// viewer's levels of detail.

#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

/// Douglas-Peucker on every border chain between junctions, with `tolerance_deg` in degrees.
/// Junctions (where the set of polygons sharing a vertex changes) are kept; rings that shrink below
/// four points are dropped, and parts left without an outer ring vanish. The result may need
/// make_valid where a long chain folds onto a neighbour's; callers that need validity check it.
std::vector<MultiPolygon> simplify_coverage(const std::vector<const MultiPolygon*>& features, double tolerance_deg);

/// Metres to degrees of latitude (and roughly of longitude near the centre of China).
double metres_to_degrees(double metres);

}  // namespace atlas
