#include "store/content_hash.hpp"

#include <xxhash.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <new>

static_assert(sizeof(atlas::LonLat) == 2 * sizeof(double), "LonLat rings are hashed as blocks of doubles");

namespace atlas {

ContentHash::ContentHash() : state_(XXH3_createState()) {
    if (state_ == nullptr) throw std::bad_alloc();
    XXH3_64bits_reset(state_);
}

ContentHash::~ContentHash() { XXH3_freeState(state_); }

void ContentHash::bytes(const void* data, std::size_t size) { XXH3_64bits_update(state_, data, size); }

ContentHash& ContentHash::add(std::string_view text) {
    add(static_cast<std::uint64_t>(text.size()));
    bytes(text.data(), text.size());
    return *this;
}

ContentHash& ContentHash::add(double value) {
    // As a database keeps it: SQLite writes -0.0 back as 0.0 (a label at lon -0 made the store's
    // checksum fail on every read, and the store was rebuilt every run), and any NaN as one NULL.
    if (value == 0) value = 0.0;
    if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
    bytes(&value, sizeof value);
    return *this;
}

ContentHash& ContentHash::add(std::uint64_t value) {
    bytes(&value, sizeof value);
    return *this;
}

ContentHash& ContentHash::add(const MultiPolygon& geometry) {
    auto ring = [this](const Ring& r) {
        add(static_cast<std::uint64_t>(r.size()));
        // LonLat is two doubles, stored contiguously: hashed as one block.
        bytes(r.data(), r.size() * sizeof(LonLat));
    };
    add(static_cast<std::uint64_t>(geometry.size()));
    for (const Polygon& p : geometry) {
        ring(p.outer);
        add(static_cast<std::uint64_t>(p.holes.size()));
        for (const Ring& h : p.holes) ring(h);
    }
    return *this;
}

std::string ContentHash::hex() const {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(XXH3_64bits_digest(state_)));
    return out;
}

}  // namespace atlas
