#include "store/rounding_memo.hpp"

#include <geos_c.h>

#include "store/binary_io.hpp"
#include "store/content_hash.hpp"
#include "store/memo_file.hpp"

namespace atlas {

namespace {

/// A repaired polygon is about as large as the feature: 256 MiB is far above any layer's.
const MemoKind kKind{"CLUSTERATLAS-ROUNDING-MEMO\n", kRoundingMemoVersion, 256u << 20, "rounding memo"};

void put_ring(Writer& w, const Ring& ring) {
    w.put(static_cast<std::uint32_t>(ring.size()));
    for (const LonLat& p : ring) w.put(p.lon), w.put(p.lat);
}

bool get_ring(Reader& r, Ring& ring) {
    ring.resize(r.count(16));
    for (LonLat& p : ring) p = {r.get<double>(), r.get<double>()};
    return r.ok();
}

std::string records(const RoundedFeatures& features) {
    Writer w;
    w.put(static_cast<std::uint32_t>(features.size()));
    for (const RoundedFeature& f : features) {
        w.put(static_cast<std::uint8_t>(f.repaired));
        w.put(static_cast<std::uint32_t>(f.geometry.size()));
        for (const Polygon& polygon : f.geometry) {
            put_ring(w, polygon.outer);
            w.put(static_cast<std::uint32_t>(polygon.holes.size()));
            for (const Ring& hole : polygon.holes) put_ring(w, hole);
        }
    }
    return w.bytes();
}

}  // namespace

std::string rounding_memo_key(const std::vector<const MultiPolygon*>& features, int precision, bool simplified) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(kRoundingMemoVersion)).add(std::string_view(GEOSversion()));
    h.add(static_cast<std::uint64_t>(precision + 1)).add(static_cast<std::uint64_t>(simplified));
    h.add(static_cast<std::uint64_t>(features.size()));
    for (const MultiPolygon* f : features) h.add(*f);
    return h.hex();
}

std::optional<RoundedFeatures> read_rounding_memo(const std::string& path, const std::string& key,
                                                  std::string& problem) {
    std::optional<std::string> body = read_memo_body(path, kKind, key, problem);
    if (!body) return std::nullopt;
    Reader r(body->data(), body->size());
    RoundedFeatures features(r.count(1 + 4));
    for (RoundedFeature& f : features) {
        f.repaired = r.get<std::uint8_t>() != 0;
        f.geometry.resize(r.count(4 + 4));
        for (Polygon& polygon : f.geometry) {
            if (!get_ring(r, polygon.outer)) break;
            polygon.holes.resize(r.count(4));
            for (Ring& hole : polygon.holes)
                if (!get_ring(r, hole)) break;
        }
        if (!r.ok()) break;
    }
    if (!r.ok() || !r.at_end()) return problem = "malformed", std::nullopt;
    return features;
}

void write_rounding_memo(const std::string& path, const std::string& key, const RoundedFeatures& features,
                         bool replace) {
    write_memo_file(path, kKind, key, records(features), replace);
}

std::string rounding_memo_name(const std::string& key) { return "rounding-" + key + ".memo"; }

}  // namespace atlas
