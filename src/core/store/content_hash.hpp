#pragma once
/// A 64-bit content hash (XXH3, libxxhash) fed field by field, for keys and checksums of prepared
/// data. Stable across runs and machines of the same byte order; not for security.

#include <cstdint>
#include <string>
#include <string_view>

#include "geo/geometry.hpp"

struct XXH3_state_s;

namespace atlas {

class ContentHash {
  public:
    ContentHash();
    ~ContentHash();
    ContentHash(const ContentHash&) = delete;
    ContentHash& operator=(const ContentHash&) = delete;

    /// A text, with its length first, so that ("ab", "c") and ("a", "bc") differ.
    ContentHash& add(std::string_view text);
    ContentHash& add(double value);
    ContentHash& add(std::uint64_t value);
    /// Every ring's size and every coordinate, in order.
    ContentHash& add(const MultiPolygon& geometry);

    /// 16 lower-case hex digits.
    std::string hex() const;

  private:
    void bytes(const void* data, std::size_t size);
    XXH3_state_s* state_;
};

}  // namespace atlas
