#pragma once
/// Geometry operations on lon/lat polygons, done with GEOS (planar, in degrees) or with
/// PROJ's geodesic routines (areas on the WGS84 ellipsoid).

#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/geos_handle.hpp"

namespace atlas {

/// True when GEOS considers the polygon valid; `reason` receives GEOS's explanation otherwise.
bool is_valid(const GeosContext& ctx, const MultiPolygon& geometry, std::string* reason = nullptr);

/// Repairs an invalid polygon with GEOS MakeValid and keeps only its polygonal parts.
MultiPolygon make_valid(const GeosContext& ctx, const MultiPolygon& geometry);

/// GEOS MakeValid by structure (GEOS_MAKE_VALID_STRUCTURE): the union of the repaired shells less
/// the union of the repaired holes, so that a hole stays water whatever its rings do. The default
/// (linework) method turned a hole identical to its shell into land. Collapsed parts are dropped.
MultiPolygon make_valid_keeping_holes(const GeosContext& ctx, const MultiPolygon& geometry);

/// Removes the holes that lie outside their polygon's shell (their inside point is not in the shell)
/// and returns how many. GEOS MakeValid, by either method, would turn such a hole into land; in a
/// boundary file it is an error of the file. Only for geometries found invalid.
std::size_t drop_holes_outside_shells(const GeosContext& ctx, MultiPolygon& geometry);

/// The polygon on a grid of `grid` degrees by GEOS snap-rounding (GEOSGeom_setPrecision_r): always
/// valid; parts narrower than the grid collapse and are dropped (the result may be empty). Invalid
/// input is repaired with MakeValid first.
MultiPolygon snap_to_grid(const GeosContext& ctx, const MultiPolygon& geometry, double grid);

/// Unions `parts` (snapped to a grid of `grid` degrees; 0 = exact, fast when the parts form a clean
/// coverage, see coverage_clean.hpp) and fills the holes
/// of the result that are gaps of the source rather than real holes: a hole is kept only when it is
/// at least 1 km2, a point inside it lies in one of `others` (the units that are not part of the
/// union), and `others` cover at least half of it. `filled_km2`, when given, receives the area the
/// filled gaps add to the union's (km² on the WGS84 ellipsoid; 0 when none was filled).
MultiPolygon dissolve(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts,
                      const std::vector<const MultiPolygon*>& others, double grid, bool trusted = false,
                      double* filled_km2 = nullptr);

/// Area on the WGS84 ellipsoid in square kilometres (holes subtracted). Computed exactly on the
/// authalic sphere (equal area to the ellipsoid) with edges straight in the cylindrical equal-area
/// projection: for edges of ~100 m, as in the bundled data, this agrees with the geodesic polygon
/// area (proj_geodesic_area_km2) to better than 1e-6, at a hundredth of the cost (tested).
double geodesic_area_km2(const MultiPolygon& geometry);

/// The same area from PROJ's geodesic routines (geod_polygonarea): edges are geodesics.
double proj_geodesic_area_km2(const MultiPolygon& geometry);

/// A point well inside the largest part (centre of its maximum inscribed circle):
/// always inside the polygon, and where a label has the most room.
LonLat label_point(const GeosContext& ctx, const MultiPolygon& geometry);

/// A point guaranteed inside the geometry (GEOS PointOnSurface), lon/lat degrees. Cheaper than
/// label_point; for containment tests, not for placing labels.
LonLat point_on_surface(const GeosContext& ctx, const MultiPolygon& geometry);

/// Area of the intersection of two polygons on the ellipsoid, in km2.
/// GEOS union of many polygons (not assumed to form a clean coverage), lon/lat degrees.
MultiPolygon union_all(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts);

/// a ∩ b and a − b (GEOS overlay; polygonal parts only), lon/lat degrees.
MultiPolygon intersection(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon difference(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b);

double overlap_area_km2(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b);

/// Topology-preserving simplification with a tolerance in degrees.
/// True when the polygons come within `degrees` of each other (planar distance in lon/lat degrees,
/// GEOSDistanceWithin_r): touching or overlapping regions, allowing for generalised borders.
bool within_degrees(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, double degrees);

MultiPolygon simplify(const GeosContext& ctx, const MultiPolygon& geometry, double tolerance_deg);

}  // namespace atlas
