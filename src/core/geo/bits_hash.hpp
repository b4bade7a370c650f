#pragma once
/// Hashing of exact coordinate bits (vertex keys of coverage operations). Grid-snapped doubles end
/// in long runs of zero bits, and simple combinations of them collide: mix them with splitmix64's
/// finaliser, or most keys share a few buckets and every lookup walks a long chain.

#include <cstddef>
#include <cstdint>

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

}  // namespace atlas
