#include "geo/geometry.hpp"

#include <algorithm>

namespace atlas {

void Bounds::extend(const LonLat& p) {
    min_lon = std::min(min_lon, p.lon);
    max_lon = std::max(max_lon, p.lon);
    min_lat = std::min(min_lat, p.lat);
    max_lat = std::max(max_lat, p.lat);
}

void Bounds::extend(const Bounds& b) {
    if (b.empty()) return;
    extend(LonLat{b.min_lon, b.min_lat});
    extend(LonLat{b.max_lon, b.max_lat});
}

Bounds bounds_of(const MultiPolygon& geometry) {
    Bounds b;
    for (const auto& polygon : geometry)
        for (const auto& p : polygon.outer) b.extend(p);
    return b;
}

std::size_t vertex_count(const MultiPolygon& geometry) {
    std::size_t n = 0;
    for (const auto& polygon : geometry) {
        n += polygon.outer.size();
        for (const auto& hole : polygon.holes) n += hole.size();
    }
    return n;
}

double signed_area(const Ring& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    return a / 2;
}

bool ring_contains(const Ring& ring, const LonLat& p) {
    if (ring.empty()) return false;
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}

bool contains(const MultiPolygon& geometry, const LonLat& p) {
    for (const auto& polygon : geometry) {
        if (polygon.outer.size() < 4 || !ring_contains(polygon.outer, p)) continue;
        bool in_hole = std::any_of(polygon.holes.begin(), polygon.holes.end(),
                                   [&](const Ring& h) { return h.size() >= 4 && ring_contains(h, p); });
        if (!in_hole) return true;
    }
    return false;
}

}  // namespace atlas
