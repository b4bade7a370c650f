#include "geo/edge_union.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "geo/bits_hash.hpp"
#include "geo/orientation.hpp"

namespace atlas {

namespace {

using Key = VertexKey;
using KeyHash = VertexKeyHash;
Key key_of(const LonLat& p) { return vertex_key(p); }

struct Edge {
    LonLat from, to;
    bool used = false;
};

/// Directed edges with the interior on their left (outer rings counter-clockwise, holes clockwise).
void collect_edges(const std::vector<const MultiPolygon*>& parts, std::vector<Edge>& edges) {
    auto add_ring = [&](Ring ring, bool outer) {
        if ((signed_area(ring) > 0) != outer) std::reverse(ring.begin(), ring.end());
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            if (!(key_of(ring[i]) == key_of(ring[i + 1]))) edges.push_back({ring[i], ring[i + 1]});
    };
    for (const MultiPolygon* part : parts)
        for (const Polygon& p : *part) {
            add_ring(p.outer, true);
            for (const Ring& h : p.holes) add_ring(h, false);
        }
}

bool key_less(const Key& a, const Key& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; }

/// Drops every edge whose reverse is also present (the borders shared inside the union). Fails when
/// an edge appears twice in the same direction: the parts overlap, they are no clean coverage.
std::optional<std::vector<Edge>> outline(const std::vector<Edge>& edges) {
    struct Undirected {
        Key low, high;
        bool forward;
        std::size_t index;
    };
    std::vector<Undirected> list;
    list.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        Key a = key_of(edges[i].from), b = key_of(edges[i].to);
        bool forward = key_less(a, b);
        list.push_back({forward ? a : b, forward ? b : a, forward, i});
    }
    std::sort(list.begin(), list.end(), [](const Undirected& p, const Undirected& q) {
        return key_less(p.low, q.low) || (p.low == q.low && key_less(p.high, q.high));
    });
    std::vector<Edge> out;
    for (std::size_t i = 0; i < list.size();) {
        std::size_t j = i;
        while (j < list.size() && list[j].low == list[i].low && list[j].high == list[i].high) ++j;
        if (j - i == 1)
            out.push_back(edges[list[i].index]);
        else if (j - i > 2 || list[i].forward == list[i + 1].forward)
            return std::nullopt;
        i = j;
    }
    return out;
}

double turn_angle(const LonLat& a, const LonLat& b, const LonLat& c) {
    double in = std::atan2(b.lat - a.lat, b.lon - a.lon), out = std::atan2(c.lat - b.lat, c.lon - b.lon);
    double turn = out - in;
    while (turn <= -M_PI) turn += 2 * M_PI;
    while (turn > M_PI) turn -= 2 * M_PI;
    return turn;
}

/// Splits a ring that passes a vertex twice into simple loops: where a hole touches its shell, or
/// two parts touch, at one point, each loop becomes a ring of its own (the valid OGC form).
void split_at_repeats(const Ring& ring, std::vector<Ring>& out) {
    std::vector<LonLat> stack;
    std::unordered_map<Key, std::size_t, KeyHash> position;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        Key k = key_of(ring[i]);
        auto it = position.find(k);
        if (it != position.end()) {
            Ring loop(stack.begin() + static_cast<long>(it->second), stack.end());
            loop.push_back(ring[i]);
            for (std::size_t j = it->second + 1; j < stack.size(); ++j) position.erase(key_of(stack[j]));
            stack.resize(it->second + 1);
            if (loop.size() >= 4) out.push_back(std::move(loop));
            continue;
        }
        position[k] = stack.size();
        stack.push_back(ring[i]);
    }
    stack.push_back(stack.front());
    if (stack.size() >= 4) out.push_back(Ring(stack.begin(), stack.end()));
}

/// Chains the outline into rings; at a vertex with several ways on, takes the sharpest left turn, so
/// that polygons touching at a point stay separate rings.
std::optional<std::vector<Ring>> chain(std::vector<Edge>& edges) {
    std::vector<std::size_t> by_start(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) by_start[i] = i;
    auto start_less = [&](std::size_t a, std::size_t b) {
        return key_less(key_of(edges[a].from), key_of(edges[b].from));
    };
    std::sort(by_start.begin(), by_start.end(), start_less);
    auto outgoing = [&](const LonLat& vertex) {
        Key k = key_of(vertex);
        auto lo = std::lower_bound(by_start.begin(), by_start.end(), k,
                                   [&](std::size_t e, const Key& key) { return key_less(key_of(edges[e].from), key); });
        auto hi = lo;
        while (hi != by_start.end() && key_of(edges[*hi].from) == k) ++hi;
        return std::make_pair(lo, hi);
    };
    std::vector<Ring> rings;
    for (std::size_t start = 0; start < edges.size(); ++start) {
        if (edges[start].used) continue;
        Ring ring{edges[start].from};
        std::size_t current = start;
        while (true) {
            edges[current].used = true;
            ring.push_back(edges[current].to);
            if (key_of(edges[current].to) == key_of(edges[start].from)) break;
            long next = -1;
            double best = -10;
            auto [first, last] = outgoing(edges[current].to);
            for (auto it = first; it != last; ++it) {
                std::size_t candidate = *it;
                if (edges[candidate].used) continue;
                double turn = turn_angle(edges[current].from, edges[current].to, edges[candidate].to);
                if (turn > best) best = turn, next = static_cast<long>(candidate);
            }
            if (next < 0) return std::nullopt;  // the outline does not close: not a clean coverage
            current = static_cast<std::size_t>(next);
        }
        split_at_repeats(ring, rings);
    }
    return rings;
}

/// A point just left of the ring's first edge: inside the polygon the ring bounds.
LonLat left_of_first_edge(const Ring& ring) {
    const LonLat &a = ring[0], &b = ring[1];
    double dx = b.lon - a.lon, dy = b.lat - a.lat, len = std::hypot(dx, dy);
    double eps = std::min(1e-7, len / 4);
    return {(a.lon + b.lon) / 2 - dy / len * eps, (a.lat + b.lat) / 2 + dx / len * eps};
}

MultiPolygon assemble(std::vector<Ring>& rings) {
    MultiPolygon out;
    std::vector<double> areas;
    std::vector<const Ring*> holes;
    for (const Ring& r : rings) {
        if (signed_area(r) > 0) {
            out.push_back(Polygon{r, {}});
            areas.push_back(signed_area(r));
        } else {
            holes.push_back(&r);
        }
    }
    for (const Ring* h : holes) {
        LonLat p = left_of_first_edge(*h);
        long best = -1;
        for (std::size_t i = 0; i < out.size(); ++i)
            if (ring_contains(out[i].outer, p) && (best < 0 || areas[i] < areas[static_cast<std::size_t>(best)]))
                best = static_cast<long>(i);
        if (best >= 0) out[static_cast<std::size_t>(best)].holes.push_back(*h);
    }
    return out;
}

}  // namespace

std::optional<MultiPolygon> edge_union(const std::vector<const MultiPolygon*>& parts) {
    std::vector<Edge> edges;
    collect_edges(parts, edges);
    std::optional<std::vector<Edge>> border = outline(edges);
    if (!border) return std::nullopt;
    std::optional<std::vector<Ring>> rings = chain(*border);
    if (!rings) return std::nullopt;
    return assemble(*rings);
}

}  // namespace atlas
