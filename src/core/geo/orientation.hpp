#pragma once
/// Ring orientation and precision reduction for writers that prescribe them (RFC 7946).

#include "geo/geometry.hpp"

namespace atlas {

/// Exterior rings counter-clockwise, holes clockwise (RFC 7946 section 3.1.6).
void orient_rfc7946(MultiPolygon& geometry);

/// Rounds every vertex to `decimals` decimals of a degree, then drops repeated points and rings or
/// parts that collapse (fewer than four points, or no area). Done before orienting rings, so that
/// rounding cannot flip or pinch a ring that was oriented (SOURCE-NOTES item 6).
void round_coordinates(MultiPolygon& geometry, int decimals);

}  // namespace atlas
