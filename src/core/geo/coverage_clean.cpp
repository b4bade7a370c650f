#include "geo/coverage_clean.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "error.hpp"
#include "geo/edge_union.hpp"
#include "geo/operations.hpp"

namespace atlas {

namespace {

/// Every ring of every unit, noded and dissolved on the grid.
GeomPtr noded_linework(const GeosContext& ctx, const std::vector<MultiPolygon>& units, double grid) {
    std::vector<GEOSGeometry*> lines;
    for (const MultiPolygon& unit : units)
        for (const Polygon& polygon : unit) {
            lines.push_back(ring_as_line(ctx, polygon.outer));
            for (const Ring& hole : polygon.holes) lines.push_back(ring_as_line(ctx, hole));
        }
    GeomPtr all = own(ctx,
                      GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTILINESTRING, lines.data(),
                                                  static_cast<unsigned>(lines.size())),
                      "collecting borders");
    return own(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), all.get(), grid), "noding borders");
}

struct Face {
    MultiPolygon geometry;
    Bounds box;
    double area = 0, perimeter = 0;
    long owner = -1;
};

double ring_length(const Ring& r) {
    double length = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        length += std::hypot(r[i + 1].lon - r[i].lon, r[i + 1].lat - r[i].lat);
    return length;
}

std::vector<Face> polygonize(const GeosContext& ctx, const GEOSGeometry* linework) {
    const GEOSGeometry* inputs[] = {linework};
    GeomPtr faces = own(ctx, GEOSPolygonize_r(ctx.handle(), inputs, 1), "polygonize");
    std::vector<Face> out;
    int n = GEOSGetNumGeometries_r(ctx.handle(), faces.get());
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Face f;
        f.geometry = from_geos(ctx, GEOSGetGeometryN_r(ctx.handle(), faces.get(), i));
        if (f.geometry.empty()) continue;
        f.box = bounds_of(f.geometry);
        f.area = std::fabs(signed_area(f.geometry[0].outer));
        f.perimeter = ring_length(f.geometry[0].outer);
        for (const Ring& hole : f.geometry[0].holes) {
            f.area -= std::fabs(signed_area(hole));
            f.perimeter += ring_length(hole);
        }
        out.push_back(std::move(f));
    }
    return out;
}

bool box_holds(const Bounds& b, const LonLat& p) {
    return p.lon >= b.min_lon && p.lon <= b.max_lon && p.lat >= b.min_lat && p.lat <= b.max_lat;
}

/// Segments keyed by their grid endpoints (order-free), mapped to the units that own a face beside them.
class SegmentOwners {
  public:
    explicit SegmentOwners(double grid) : scale_(1.0 / grid) {}

    void add(const Face& f) {
        for_each_segment(f, [&](std::uint64_t key, double) { owners_[key].push_back(f.owner); });
    }

    /// The owner sharing the longest border with the face, or -1 when no neighbour is owned yet.
    long best_neighbour(const Face& f) const {
        std::map<long, double> shared;
        for_each_segment(f, [&](std::uint64_t key, double length) {
            auto it = owners_.find(key);
            if (it == owners_.end()) return;
            for (long owner : it->second) shared[owner] += length;
        });
        long best = -1;
        double best_length = 0;
        for (const auto& [owner, length] : shared)
            if (length > best_length) best = owner, best_length = length;
        return best;
    }

  private:
    std::uint64_t point_key(const LonLat& p) const {
        auto x = static_cast<std::uint64_t>(std::llround(p.lon * scale_) + (1 << 20));
        auto y = static_cast<std::uint64_t>(std::llround(p.lat * scale_) + (1 << 20));
        return (x << 22) | y;
    }

    template <typename F>
    void for_each_segment(const Face& f, F&& visit) const {
        auto ring_segments = [&](const Ring& r) {
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                std::uint64_t a = point_key(r[i]), b = point_key(r[i + 1]);
                std::uint64_t key = a < b ? a * 0x9E3779B97F4A7C15ULL ^ b : b * 0x9E3779B97F4A7C15ULL ^ a;
                visit(key, std::hypot(r[i + 1].lon - r[i].lon, r[i + 1].lat - r[i].lat));
            }
        };
        for (const Polygon& p : f.geometry) {
            ring_segments(p.outer);
            for (const Ring& h : p.holes) ring_segments(h);
        }
    }

    double scale_;
    std::unordered_map<std::uint64_t, std::vector<long>> owners_;
};

void assign_contained_faces(const GeosContext& ctx, std::vector<Face>& faces, const std::vector<MultiPolygon>& units,
                            CoverageCleanReport& report) {
    std::vector<Bounds> boxes;
    for (const MultiPolygon& u : units) boxes.push_back(bounds_of(u));
    for (Face& f : faces) {
        LonLat p = point_on_surface(ctx, f.geometry);
        int containers = 0;
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (!box_holds(boxes[i], p) || !contains(units[i], p)) continue;
            if (containers++ == 0) f.owner = static_cast<long>(i);
        }
        if (containers > 1) ++report.overlap_faces;
    }
}

void assign_gap_faces(std::vector<Face>& faces, double grid, double max_gap_width, CoverageCleanReport& report) {
    SegmentOwners owners(grid);
    for (const Face& f : faces)
        if (f.owner >= 0) owners.add(f);
    for (bool progress = true; progress;) {
        progress = false;
        for (Face& f : faces) {
            if (f.owner >= 0 || 2 * f.area / f.perimeter > max_gap_width) continue;
            f.owner = owners.best_neighbour(f);
            if (f.owner < 0) continue;
            owners.add(f);
            ++report.gap_faces;
            progress = true;
        }
    }
    for (const Face& f : faces) report.open_faces += f.owner < 0 ? 1 : 0;
}

}  // namespace

MultiPolygon coverage_union(const GeosContext& ctx, const std::vector<const MultiPolygon*>& parts, bool trusted) {
    if (std::optional<MultiPolygon> fast = edge_union(parts); fast && (trusted || is_valid(ctx, *fast))) return *fast;
    std::vector<GEOSGeometry*> geoms;
    for (const MultiPolygon* part : parts)
        for (const Polygon& polygon : *part) geoms.push_back(to_geos(ctx, MultiPolygon{polygon}).release());
    GeomPtr all = own(ctx,
                      GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, geoms.data(),
                                                  static_cast<unsigned>(geoms.size())),
                      "collecting parts");
    GEOSGeometry* merged = GEOSCoverageUnion_r(ctx.handle(), all.get());
    if (merged == nullptr) merged = GEOSUnaryUnion_r(ctx.handle(), all.get());  // not a clean coverage
    GeomPtr result = own(ctx, merged, "union");
    return from_geos(ctx, result.get());
}

std::vector<MultiPolygon> clean_coverage(const GeosContext& ctx, const std::vector<MultiPolygon>& units, double grid,
                                         double max_gap_width, CoverageCleanReport& report) {
    GeomPtr linework = noded_linework(ctx, units, grid);
    std::vector<Face> faces = polygonize(ctx, linework.get());
    report.faces = static_cast<int>(faces.size());
    assign_contained_faces(ctx, faces, units, report);
    assign_gap_faces(faces, grid, max_gap_width, report);
    std::vector<std::vector<const MultiPolygon*>> parts(units.size());
    for (const Face& f : faces)
        if (f.owner >= 0) parts[static_cast<std::size_t>(f.owner)].push_back(&f.geometry);
    std::vector<MultiPolygon> out;
    out.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (parts[i].empty())
            throw AtlasError(ErrorKind::Input, "coverage cleaning left unit " + std::to_string(i) + " empty");
        out.push_back(coverage_union(ctx, parts[i]));
    }
    return out;
}

}  // namespace atlas
