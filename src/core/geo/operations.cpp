#include "geo/operations.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "geo/coverage_clean.hpp"
#include "geo/orientation.hpp"

namespace atlas {

bool is_valid(const GeosContext& ctx, const MultiPolygon& geometry, std::string* reason) {
    GeomPtr g = to_geos(ctx, geometry);
    char valid = GEOSisValid_r(ctx.handle(), g.get());
    if (valid != 1 && reason != nullptr) {
        char* why = GEOSisValidReason_r(ctx.handle(), g.get());
        *reason = why != nullptr ? why : "unknown";
        GEOSFree_r(ctx.handle(), why);
    }
    return valid == 1;
}

MultiPolygon make_valid(const GeosContext& ctx, const MultiPolygon& geometry) {
    GeomPtr g = to_geos(ctx, geometry);
    GeomPtr fixed = own(ctx, GEOSMakeValid_r(ctx.handle(), g.get()), "MakeValid");
    return from_geos(ctx, fixed.get());
}

MultiPolygon make_valid_keeping_holes(const GeosContext& ctx, const MultiPolygon& geometry) {
    GeomPtr g = to_geos(ctx, geometry);
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx.handle());
    GEOSMakeValidParams_setMethod_r(ctx.handle(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), params, 0);
    GEOSGeometry* made = GEOSMakeValidWithParams_r(ctx.handle(), g.get(), params);
    GEOSMakeValidParams_destroy_r(ctx.handle(), params);
    GeomPtr fixed = own(ctx, made, "MakeValid");
    return from_geos(ctx, fixed.get());
}

std::size_t drop_holes_outside_shells(const GeosContext& ctx, MultiPolygon& geometry) {
    std::size_t dropped = 0;
    for (Polygon& polygon : geometry) {
        MultiPolygon shell{Polygon{polygon.outer, {}}};
        auto outside = [&](const Ring& hole) {
            return hole.size() >= 4 && !contains(shell, point_on_surface(ctx, MultiPolygon{Polygon{hole, {}}}));
        };
        std::size_t before = polygon.holes.size();
        polygon.holes.erase(std::remove_if(polygon.holes.begin(), polygon.holes.end(), outside), polygon.holes.end());
        dropped += before - polygon.holes.size();
    }
    return dropped;
}

MultiPolygon snap_to_grid(const GeosContext& ctx, const MultiPolygon& geometry, double grid) {
    GeomPtr g = to_geos(ctx, geometry);
    // Invalid input (a self-intersection the simplification made) is repaired first: setPrecision
    // needs a valid polygon to snap-round.
    std::string reason;
    if (!is_valid(ctx, geometry, &reason)) g = own(ctx, GEOSMakeValid_r(ctx.handle(), g.get()), "MakeValid");
    GeomPtr snapped = own(ctx, GEOSGeom_setPrecision_r(ctx.handle(), g.get(), grid, 0), "setPrecision");
    return from_geos(ctx, snapped.get());
}

namespace {

GeomPtr collect(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts) {
    std::vector<GEOSGeometry*> geoms;
    for (const MultiPolygon* part : parts)
        for (const Polygon& polygon : *part) geoms.push_back(to_geos(ctx, MultiPolygon{polygon}).release());
    return own(ctx,
               GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, geoms.data(),
                                           static_cast<unsigned>(geoms.size())),
               "collecting parts");
}

/// True when other units cover at least half of the hole: a real hole (an enclave of another unit),
/// not a gap between neighbours that the source did not close.
bool covered_by_others(const GeosContext& ctx, const Ring& hole, const std::vector<const MultiPolygon*>& others,
                       const std::vector<Bounds>& boxes) {
    MultiPolygon hole_polygon{Polygon{hole, {}}};
    // Below 1 km2 a hole is noise of a ~100 m source grid (slivers, overlaps of neighbours), never a
    // feature a user could see at 1:1,000,000.
    if (geodesic_area_km2(hole_polygon) < 1.0) return false;
    Bounds hb = bounds_of(hole_polygon);
    std::vector<const MultiPolygon*> candidates;
    for (std::size_t i = 0; i < others.size(); ++i) {
        const Bounds& b = boxes[i];
        if (hb.max_lon >= b.min_lon && hb.min_lon <= b.max_lon && hb.max_lat >= b.min_lat && hb.min_lat <= b.max_lat)
            candidates.push_back(others[i]);
    }
    LonLat inside = point_on_surface(ctx, hole_polygon);
    bool point_covered =
        std::any_of(candidates.begin(), candidates.end(), [&](const MultiPolygon* o) { return contains(*o, inside); });
    if (!point_covered) return false;  // most gaps end here, before any costly intersection
    double covered = 0;
    for (const MultiPolygon* o : candidates) covered += overlap_area_km2(ctx, hole_polygon, *o);
    return covered >= 0.5 * geodesic_area_km2(hole_polygon);
}

/// A point a hair inside the ring, beside the middle of its first edge (not on any vertex, unlike the
/// ring's own points, which can lie on a neighbouring ring).
LonLat point_just_inside(const Ring& ring) {
    const LonLat &a = ring[0], &b = ring[1];
    double dx = b.lon - a.lon, dy = b.lat - a.lat, len = std::hypot(dx, dy);
    double side = signed_area(ring) > 0 ? 1.0 : -1.0;  // interior is left of a counter-clockwise ring
    double eps = std::min(1e-7, len / 4);
    return {(a.lon + b.lon) / 2 - side * dy / len * eps, (a.lat + b.lat) / 2 + side * dx / len * eps};
}

bool inside_any(const std::vector<Ring>& holes, const LonLat& p) {
    for (const Ring& hole : holes)
        if (contains(MultiPolygon{Polygon{hole, {}}}, p)) return true;
    return false;
}

}  // namespace

MultiPolygon dissolve(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts,
                      const std::vector<const MultiPolygon*>& others, double grid, bool trusted, double* filled_km2) {
    if (filled_km2 != nullptr) *filled_km2 = 0;
    MultiPolygon result;
    if (grid > 0) {
        GeomPtr all = collect(ctx, parts);
        GeomPtr merged = own(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), all.get(), grid), "union");
        result = from_geos(ctx, merged.get());
    } else {
        result = coverage_union(ctx, parts, trusted);
    }

    bool any_hole = std::any_of(result.begin(), result.end(), [](const Polygon& p) { return !p.holes.empty(); });
    if (!any_hole) return result;
    std::vector<Bounds> boxes;
    boxes.reserve(others.size());
    for (const MultiPolygon* o : others) boxes.push_back(bounds_of(*o));
    std::vector<Ring> filled;
    for (Polygon& polygon : result) {
        auto is_gap = [&](const Ring& hole) { return !covered_by_others(ctx, hole, others, boxes); };
        auto kept = std::stable_partition(polygon.holes.begin(), polygon.holes.end(),
                                          [&](const Ring& h) { return !is_gap(h); });
        filled.insert(filled.end(), kept, polygon.holes.end());
        polygon.holes.erase(kept, polygon.holes.end());
    }
    // A part inside a filled gap (an islet in a lake the source left open) is now covered: drop it.
    if (filled.empty()) return result;
    // What filling adds: the gaps, less the parts inside them (counted in the union already).
    double added = 0;
    for (const Ring& gap : filled) added += geodesic_area_km2(MultiPolygon{Polygon{gap, {}}});
    MultiPolygon kept;
    for (Polygon& p : result) {
        if (!inside_any(filled, point_just_inside(p.outer)))
            kept.push_back(std::move(p));
        else
            added -= geodesic_area_km2(MultiPolygon{p});
    }
    if (filled_km2 != nullptr) *filled_km2 = std::max(0.0, added);
    return kept;
}

namespace {

constexpr double kA = 6378137.0, kF = 1 / 298.257223563;
const double kE2 = kF * (2 - kF), kE = std::sqrt(kE2);

/// q(phi) of the authalic latitude (Snyder, Map Projections: A Working Manual, eq. 3-12).
double authalic_q(double sin_phi) {
    double es = kE * sin_phi;
    return (1 - kE2) * (sin_phi / (1 - kE2 * sin_phi * sin_phi) - std::log((1 - es) / (1 + es)) / (2 * kE));
}

const double kQp = authalic_q(1.0);
const double kRq2 = kA * kA * kQp / 2;  // squared radius of the authalic sphere

/// Twice the signed area of a ring on the authalic sphere, divided by Rq^2 (trapezoids in the
/// cylindrical equal-area projection).
double ring_area_units(const Ring& ring) {
    double sum = 0;
    double prev_lon = 0, prev_sinb = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        double lon = ring[i].lon * M_PI / 180;
        double sinb = authalic_q(std::sin(ring[i].lat * M_PI / 180)) / kQp;  // sine of the authalic latitude
        if (i > 0) sum += (lon - prev_lon) * (sinb + prev_sinb);
        prev_lon = lon, prev_sinb = sinb;
    }
    return std::fabs(sum) / 2;
}

}  // namespace

double geodesic_area_km2(const MultiPolygon& geometry) {
    double total = 0;
    for (const Polygon& polygon : geometry) {
        total += ring_area_units(polygon.outer);
        for (const Ring& hole : polygon.holes) total -= ring_area_units(hole);
    }
    return total * kRq2 / 1e6;
}

LonLat label_point(const GeosContext& ctx, const MultiPolygon& geometry) {
    if (geometry.empty()) throw AtlasError(ErrorKind::Input, "cannot place a label on an empty geometry");
    const Polygon* largest = &geometry.front();
    double largest_area = -1;
    for (const Polygon& polygon : geometry) {
        double a = std::fabs(signed_area(polygon.outer));  // only to rank the parts
        if (a > largest_area) largest_area = a, largest = &polygon;
    }
    Bounds b = bounds_of(MultiPolygon{*largest});
    double tolerance = std::max(b.max_lon - b.min_lon, b.max_lat - b.min_lat) / 500.0;
    GeomPtr g = to_geos(ctx, MultiPolygon{*largest});
    GeomPtr line = own(ctx, GEOSMaximumInscribedCircle_r(ctx.handle(), g.get(), tolerance), "label point");
    GeomPtr centre = own(ctx, GEOSGeomGetStartPoint_r(ctx.handle(), line.get()), "label point");
    return point_lonlat(ctx, centre.get());
}

LonLat point_on_surface(const GeosContext& ctx, const MultiPolygon& geometry) {
    GeomPtr g = to_geos(ctx, geometry);
    GeomPtr p = own(ctx, GEOSPointOnSurface_r(ctx.handle(), g.get()), "point on surface");
    return point_lonlat(ctx, p.get());
}

MultiPolygon union_all(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts) {
    std::vector<GeosGeom*> geoms;
    for (const MultiPolygon* p : parts) geoms.push_back(to_geos(ctx, *p).release());
    GeomPtr collection = own(ctx,
                             GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, geoms.data(),
                                                         static_cast<unsigned>(geoms.size())),
                             "collection");
    GeomPtr united = own(ctx, GEOSUnaryUnion_r(ctx.handle(), collection.get()), "union");
    return from_geos(ctx, united.get());
}

MultiPolygon intersection(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    GeomPtr ga = to_geos(ctx, a), gb = to_geos(ctx, b);
    return from_geos(ctx, own(ctx, GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()), "intersection").get());
}

MultiPolygon difference(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    GeomPtr ga = to_geos(ctx, a), gb = to_geos(ctx, b);
    return from_geos(ctx, own(ctx, GEOSDifference_r(ctx.handle(), ga.get(), gb.get()), "difference").get());
}

double overlap_area_km2(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b) {
    Bounds ba = bounds_of(a), bb = bounds_of(b);
    if (ba.max_lon < bb.min_lon || bb.max_lon < ba.min_lon || ba.max_lat < bb.min_lat || bb.max_lat < ba.min_lat)
        return 0;
    GeomPtr ga = to_geos(ctx, a), gb = to_geos(ctx, b);
    GeomPtr both = own(ctx, GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()), "intersection");
    return geodesic_area_km2(from_geos(ctx, both.get()));
}

bool within_degrees(const GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b, double degrees) {
    Bounds ba = bounds_of(a), bb = bounds_of(b);
    if (ba.max_lon + degrees < bb.min_lon || bb.max_lon + degrees < ba.min_lon || ba.max_lat + degrees < bb.min_lat ||
        bb.max_lat + degrees < ba.min_lat)
        return false;
    GeomPtr ga = to_geos(ctx, a), gb = to_geos(ctx, b);
    char within = GEOSDistanceWithin_r(ctx.handle(), ga.get(), gb.get(), degrees);
    if (within == 2) throw AtlasError(ErrorKind::Input, "GEOS could not measure the distance between two polygons");
    return within == 1;
}

MultiPolygon simplify(const GeosContext& ctx, const MultiPolygon& geometry, double tolerance_deg) {
    GeomPtr g = to_geos(ctx, geometry);
    GeomPtr s = own(ctx, GEOSTopologyPreserveSimplify_r(ctx.handle(), g.get(), tolerance_deg), "simplify");
    return from_geos(ctx, s.get());
}

}  // namespace atlas
