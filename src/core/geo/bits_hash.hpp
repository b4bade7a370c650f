#pragma once
/// Hashing of exact coordinate bits (vertex keys of coverage operations). Grid-snapped doubles end
/// in long runs of zero bits, and simple combinations of them collide: mix them with splitmix64's
/// finaliser, or most keys share a few buckets and every lookup walks a long chain.

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "geo/geometry.hpp"

namespace atlas {

inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// Hash of two 64-bit words (a lon/lat's bits).
inline std::size_t hash_bits(std::uint64_t a, std::uint64_t b) { return static_cast<std::size_t>(mix64(a ^ mix64(b))); }

/// A vertex by the exact bits of its coordinates: equal only for the very same doubles.
struct VertexKey {
    std::uint64_t x, y;
    bool operator==(const VertexKey& o) const { return x == o.x && y == o.y; }
};
struct VertexKeyHash {
    std::size_t operator()(const VertexKey& k) const { return hash_bits(k.x, k.y); }
};
inline VertexKey vertex_key(double lon, double lat) {
    VertexKey k{};
    std::memcpy(&k.x, &lon, sizeof k.x);
    std::memcpy(&k.y, &lat, sizeof k.y);
    return k;
}
inline VertexKey vertex_key(const LonLat& p) { return vertex_key(p.lon, p.lat); }

}  // namespace atlas
