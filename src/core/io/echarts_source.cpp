#include "io/echarts_source.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "error.hpp"
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

EchartsFeature read_feature(const nlohmann::json& jf, const std::string& path) {
    EchartsFeature f;
    f.code = jf.contains("id") ? jf["id"].get<std::string>() : jf["properties"].value("id", "");
    const auto& props = jf.at("properties");
    f.name = props.at("name").get<std::string>();
    if (props.contains("cp")) f.cp = {props["cp"][0].get<double>(), props["cp"][1].get<double>()};
    const auto& g = jf.at("geometry");
    const auto& coords = g.at("coordinates");
    const auto& offsets = g.at("encodeOffsets");
    std::string type = g.at("type").get<std::string>();
    if (type == "Polygon") {
        for (std::size_t r = 0; r < coords.size(); ++r)
            add_ring(decode_echarts_ring(coords[r], offsets[r][0], offsets[r][1]), f);
    } else if (type == "MultiPolygon") {
        for (std::size_t p = 0; p < coords.size(); ++p)
            for (std::size_t r = 0; r < coords[p].size(); ++r)
                add_ring(decode_echarts_ring(coords[p][r], offsets[p][r][0], offsets[p][r][1]), f);
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

std::vector<EchartsFeature> read_echarts_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail_input(path + ": cannot open");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        fail_input(path + ": not valid JSON (" + e.what() + ")");
    }
    if (!doc.value("UTF8Encoding", false)) fail_input(path + ": not an encoded echarts map (no UTF8Encoding)");
    std::vector<EchartsFeature> out;
    for (const auto& jf : doc.at("features")) {
        try {
            out.push_back(read_feature(jf, path));
        } catch (const nlohmann::json::exception& e) {
            fail_input(path + ": malformed feature " + jf.value("id", std::string("?")) + " (" + e.what() + ")");
        }
    }
    return out;
}

}  // namespace atlas
