#include "geo/simplify_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "geo/bits_hash.hpp"

namespace atlas {

namespace {

struct PointKey {
    std::uint64_t lon, lat;
    bool operator==(const PointKey& o) const { return lon == o.lon && lat == o.lat; }
    bool operator<(const PointKey& o) const { return lon != o.lon ? lon < o.lon : lat < o.lat; }
};

struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return hash_bits(k.lon, k.lat); }
};

PointKey key_of(const LonLat& p) {
    PointKey k;
    std::memcpy(&k.lon, &p.lon, sizeof k.lon);  // exact bits: shared vertices are bit-identical
    std::memcpy(&k.lat, &p.lat, sizeof k.lat);
    return k;
}

/// For every vertex, the features it belongs to (sorted, unique): the signature of the border it is on.
using Signatures = std::unordered_map<PointKey, std::vector<int>, PointKeyHash>;

template <typename F>
void for_each_ring(const std::vector<const MultiPolygon*>& features, F&& visit) {
    for (std::size_t f = 0; f < features.size(); ++f)
        for (const Polygon& p : *features[f]) {
            visit(static_cast<int>(f), p.outer);
            for (const Ring& h : p.holes) visit(static_cast<int>(f), h);
        }
}

Signatures signatures(const std::vector<const MultiPolygon*>& features) {
    std::size_t vertices = 0;
    for_each_ring(features, [&](int, const Ring& ring) { vertices += ring.size(); });
    Signatures sig;
    sig.reserve(vertices);  // no rehashing of a few hundred thousand nodes as it grows
    for_each_ring(features, [&](int f, const Ring& ring) {
        for (const LonLat& p : ring) {
            auto& list = sig[key_of(p)];
            if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(f);
        }
    });
    for (auto& [key, list] : sig) std::sort(list.begin(), list.end());
    return sig;
}

double segment_distance(const LonLat& p, const LonLat& a, const LonLat& b) {
    double dx = b.lon - a.lon, dy = b.lat - a.lat;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::clamp(((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

void douglas_peucker(const Ring& chain, std::size_t first, std::size_t last, double tolerance,
                     std::vector<bool>& keep) {
    if (last <= first + 1) return;
    double worst = -1;
    std::size_t index = first;
    for (std::size_t i = first + 1; i < last; ++i) {
        double d = segment_distance(chain[i], chain[first], chain[last]);
        if (d > worst) worst = d, index = i;
    }
    if (worst <= tolerance) return;
    keep[index] = true;
    douglas_peucker(chain, first, index, tolerance, keep);
    douglas_peucker(chain, index, last, tolerance, keep);
}

/// Simplifies a chain in a canonical direction, so both neighbours that share it get the same result.
Ring simplify_chain(Ring chain, double tolerance) {
    bool reversed = key_of(chain.back()) < key_of(chain.front());
    if (reversed) std::reverse(chain.begin(), chain.end());
    std::vector<bool> keep(chain.size(), false);
    keep.front() = keep.back() = true;
    douglas_peucker(chain, 0, chain.size() - 1, tolerance, keep);
    Ring out;
    for (std::size_t i = 0; i < chain.size(); ++i)
        if (keep[i]) out.push_back(chain[i]);
    if (reversed) std::reverse(out.begin(), out.end());
    return out;
}

/// Index of the first junction, or of the smallest vertex when the ring has none (an island, or a
/// ring shared whole with one neighbour): a start both sharers agree on.
std::size_t ring_start(const Ring& ring, const std::vector<bool>& junction) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        if (junction[i]) return i;
    std::size_t best = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
        if (key_of(ring[i]) < key_of(ring[best])) best = i;
    return best;
}

Ring simplify_ring(const Ring& ring, const Signatures& sig, double tolerance) {
    std::size_t n = ring.size() - 1;  // without the closing repeat
    // One lookup per vertex (each is a cache miss in a table of a few hundred thousand nodes).
    std::vector<const std::vector<int>*> of(n);
    for (std::size_t i = 0; i < n; ++i) of[i] = &sig.at(key_of(ring[i]));
    std::vector<bool> junction(ring.size(), false);
    for (std::size_t i = 0; i < n; ++i) junction[i] = *of[i] != *of[(i + n - 1) % n] || *of[i] != *of[(i + 1) % n];
    std::size_t start = ring_start(ring, junction);
    bool has_junction = junction[start];
    Ring out{ring[start]};
    Ring chain{ring[start]};
    for (std::size_t step = 1; step <= n; ++step) {
        std::size_t i = (start + step) % n;
        chain.push_back(ring[i]);
        bool end = step == n || junction[i];
        if (!end) continue;
        if (!has_junction && step == n) {
            // A ring without junctions starts at its smallest vertex; split it again at its largest so
            // that both halves have ends every sharer agrees on, whatever its direction.
            std::size_t split = 1;
            for (std::size_t k = 1; k + 1 < chain.size(); ++k)
                if (key_of(chain[split]) < key_of(chain[k])) split = k;
            Ring half1(chain.begin(), chain.begin() + static_cast<long>(split) + 1);
            Ring half2(chain.begin() + static_cast<long>(split), chain.end());
            Ring s1 = simplify_chain(half1, tolerance), s2 = simplify_chain(half2, tolerance);
            out.assign(s1.begin(), s1.end());
            out.insert(out.end(), s2.begin() + 1, s2.end());
            return out;
        }
        Ring simplified = simplify_chain(chain, tolerance);
        out.insert(out.end(), simplified.begin() + 1, simplified.end());
        chain = {ring[i]};
    }
    return out;
}

}  // namespace

std::vector<MultiPolygon> simplify_coverage(const std::vector<const MultiPolygon*>& features, double tolerance_deg) {
    Signatures sig = signatures(features);
    std::vector<MultiPolygon> out(features.size());
    for (std::size_t f = 0; f < features.size(); ++f)
        for (const Polygon& p : *features[f]) {
            Ring outer = simplify_ring(p.outer, sig, tolerance_deg);
            if (outer.size() < 4 || signed_area(outer) == 0) continue;
            Polygon simplified{outer, {}};
            for (const Ring& h : p.holes) {
                Ring hole = simplify_ring(h, sig, tolerance_deg);
                if (hole.size() >= 4 && signed_area(hole) != 0) simplified.holes.push_back(std::move(hole));
            }
            out[f].push_back(std::move(simplified));
        }
    return out;
}

double metres_to_degrees(double metres) { return metres / 111320.0; }

}  // namespace atlas
