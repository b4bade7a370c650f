#include "geo/triangulate.hpp"

#include <geos_c.h>

#include <cmath>
#include <unordered_map>

#include "geo/bits_hash.hpp"

namespace atlas {

namespace {

/// The polygon with only the rings the layout keeps, and the layout index of each of its vertices.
Polygon kept_rings(const Polygon& p, std::uint32_t& next,
                   std::unordered_map<VertexKey, std::uint32_t, VertexKeyHash>& index) {
    Polygon kept;
    auto keep = [&](const Ring& r, Ring& into) {
        into = r;
        for (std::size_t i = 0; i + 1 < r.size(); ++i) index.emplace(vertex_key(r[i]), next++);
    };
    keep(p.outer, kept.outer);
    for (const Ring& h : p.holes)
        if (h.size() >= 4) keep(h, kept.holes.emplace_back());
    return kept;
}

double ring_area(const Ring& r) { return std::fabs(signed_area(r)); }

/// Appends the triangles of one polygon; false when GEOS fails or they do not cover it exactly.
bool add_polygon(const GeosContext& ctx, const Polygon& p,
                 const std::unordered_map<VertexKey, std::uint32_t, VertexKeyHash>& index,
                 std::vector<std::uint32_t>& out) {
    GEOSContextHandle_t h = ctx.handle();
    GeomPtr geometry = to_geos(ctx, MultiPolygon{p});
    GEOSGeometry* raw = GEOSConstrainedDelaunayTriangulation_r(h, geometry.get());
    if (raw == nullptr) return false;
    GeomPtr triangles(raw, GeosDeleter{h});
    double area = 0;
    int n = GEOSGetNumGeometries_r(h, raw);
    for (int t = 0; t < n; ++t) {
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, GEOSGetGeometryN_r(h, raw, t));
        const GEOSCoordSequence* seq = ring == nullptr ? nullptr : GEOSGeom_getCoordSeq_r(h, ring);
        unsigned size = 0;
        if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &size) == 0 || size != 4) return false;
        double x[3], y[3];
        for (unsigned i = 0; i < 3; ++i) {
            GEOSCoordSeq_getXY_r(h, seq, i, &x[i], &y[i]);
            auto found = index.find(vertex_key(x[i], y[i]));
            if (found == index.end()) return false;  // a vertex GEOS added: not in the layout
            out.push_back(found->second);
        }
        area += std::fabs((x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0])) / 2;
    }
    // Triangles of an invalid polygon (a ring crossing itself) overlap or spill out: the areas differ.
    double expected = ring_area(p.outer);
    for (const Ring& hole : p.holes) expected -= ring_area(hole);
    return std::fabs(area - expected) <= 1e-9 + 1e-6 * std::fabs(expected);
}

}  // namespace

std::size_t layout_vertex_count(const MultiPolygon& geometry) {
    std::size_t n = 0;
    for (const Polygon& p : geometry) {
        if (p.outer.size() >= 4) n += p.outer.size() - 1;
        for (const Ring& h : p.holes)
            if (h.size() >= 4) n += h.size() - 1;
    }
    return n;
}

std::vector<std::uint32_t> triangulate(const GeosContext& ctx, const MultiPolygon& geometry) {
    std::vector<std::uint32_t> out;
    std::uint32_t next = 0;
    try {
        for (const Polygon& p : geometry) {
            std::unordered_map<VertexKey, std::uint32_t, VertexKeyHash> index;
            if (p.outer.size() < 4) {  // not in the layout, but its holes are
                for (const Ring& hole : p.holes)
                    if (hole.size() >= 4) next += static_cast<std::uint32_t>(hole.size() - 1);
                continue;
            }
            Polygon kept = kept_rings(p, next, index);
            if (!add_polygon(ctx, kept, index, out)) return {};
        }
    } catch (...) {  // a GEOS failure: the stencil fill instead
        return {};
    }
    return out;
}

}  // namespace atlas
