#pragma once
/// Triangles that fill a polygon exactly (holes left open), for GPU fills drawn once per pixel instead
/// of stencil-then-cover. GEOS's constrained Delaunay triangulation, whose triangles use only the
/// polygon's own vertices, mapped back to vertex indices.

#include <cstdint>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/geos_handle.hpp"

namespace atlas {

/// The vertex layout the indices refer to, the one scene/scene.hpp's meshes use: every ring of four
/// or more points (outer, then its holes, polygon by polygon) without its closing repeat, in order.
std::size_t layout_vertex_count(const MultiPolygon& geometry);

/// Indices (three per triangle, into layout_vertex_count's layout) of triangles covering exactly the
/// geometry. Empty when GEOS cannot triangulate some polygon (an invalid ring, a triangle on a point
/// not in the layout): callers then fall back to an even-odd stencil fill. Never throws.
std::vector<std::uint32_t> triangulate(const GeosContext& ctx, const MultiPolygon& geometry);

}  // namespace atlas
