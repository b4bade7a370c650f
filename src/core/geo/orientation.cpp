#include "geo/orientation.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

void orient_rfc7946(MultiPolygon& geometry) {
    for (Polygon& p : geometry) {
        if (signed_area(p.outer) < 0) std::reverse(p.outer.begin(), p.outer.end());
        for (Ring& h : p.holes)
            if (signed_area(h) > 0) std::reverse(h.begin(), h.end());
    }
}

namespace {
bool round_ring(Ring& ring, double scale) {
    Ring out;
    out.reserve(ring.size());
    for (const LonLat& p : ring) {
        LonLat q{std::round(p.lon * scale) / scale, std::round(p.lat * scale) / scale};
        if (out.empty() || q.lon != out.back().lon || q.lat != out.back().lat) out.push_back(q);
    }
    ring = std::move(out);
    return ring.size() >= 4 && signed_area(ring) != 0;
}
}  // namespace

void round_coordinates(MultiPolygon& geometry, int decimals) {
    double scale = std::pow(10.0, decimals);
    MultiPolygon kept;
    for (Polygon& p : geometry) {
        if (!round_ring(p.outer, scale)) continue;
        std::vector<Ring> holes;
        for (Ring& h : p.holes)
            if (round_ring(h, scale)) holes.push_back(std::move(h));
        p.holes = std::move(holes);
        kept.push_back(std::move(p));
    }
    geometry = std::move(kept);
}

}  // namespace atlas
