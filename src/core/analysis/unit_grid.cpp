#include "analysis/unit_grid.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace atlas {

namespace {

/// The edges of every ring of every polygon of each unit: even-odd over all of them is the unit.
template <typename Edge>
std::vector<std::vector<Edge>> edges_of(const RegionLayer& layer) {
    std::vector<std::vector<Edge>> out(layer.regions.size());
    auto add_ring = [](std::vector<Edge>& edges, const Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            edges.push_back({ring[i].lon, ring[i].lat, ring[i + 1].lon, ring[i + 1].lat});
    };
    for (std::size_t u = 0; u < layer.regions.size(); ++u)
        for (const Polygon& p : layer.regions[u].geometry) {
            add_ring(out[u], p.outer);
            for (const Ring& h : p.holes) add_ring(out[u], h);
        }
    return out;
}

/// Counting sort of (row, item) pairs into per-row runs, stable: items stay in the order given.
template <typename Item>
void bucket_by_row(std::vector<std::pair<long, Item>>& pairs, long rows, std::vector<std::uint32_t>& begin,
                   std::vector<Item>& items) {
    begin.assign(static_cast<std::size_t>(rows) + 1, 0);
    for (const auto& p : pairs) ++begin[static_cast<std::size_t>(p.first) + 1];
    for (std::size_t r = 1; r < begin.size(); ++r) begin[r] += begin[r - 1];
    items.resize(pairs.size());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (auto& p : pairs) items[next[static_cast<std::size_t>(p.first)]++] = std::move(p.second);
    pairs.clear();
    pairs.shrink_to_fit();
}

}  // namespace

UnitGrid::UnitGrid(const RegionLayer& layer, double cell_deg) : layer_(layer), cell_(cell_deg) {
    Bounds b;
    for (const Region& r : layer.regions) b.extend(bounds_of(r.geometry));
    if (b.empty()) return;
    x0_ = std::floor(b.min_lon / cell_) * cell_ - cell_;
    y0_ = std::floor(b.min_lat / cell_) * cell_ - cell_;
    nx_ = static_cast<long>(std::ceil((b.max_lon - x0_) / cell_)) + 2;
    ny_ = static_cast<long>(std::ceil((b.max_lat - y0_) / cell_)) + 2;
    cells_.assign(static_cast<std::size_t>(nx_ * ny_), -1);
    std::vector<std::vector<Edge>> unit_edges = edges_of<Edge>(layer);
    mark_border_cells(unit_edges);
    fill_interior(unit_edges);
    index_rows(unit_edges);
}

void UnitGrid::mark_border_cells(const std::vector<std::vector<Edge>>& unit_edges) {
    // (cell, unit) for every cell an edge touches, the row band clipped exactly (a supercover).
    std::vector<std::uint64_t> keys;
    for (std::size_t u = 0; u < unit_edges.size(); ++u) {
        std::uint64_t last = ~0ull;
        for (const Edge& e : unit_edges[u]) {
            long r0 = static_cast<long>(std::floor((std::min(e.y1, e.y2) - y0_) / cell_));
            long r1 = static_cast<long>(std::floor((std::max(e.y1, e.y2) - y0_) / cell_));
            for (long r = r0; r <= r1; ++r) {
                double xa = e.x1, xb = e.x2;
                if (e.y1 != e.y2) {  // the part of the edge inside the row band
                    double lo = y0_ + static_cast<double>(r) * cell_, hi = lo + cell_;
                    double ta = std::clamp((lo - e.y1) / (e.y2 - e.y1), 0.0, 1.0);
                    double tb = std::clamp((hi - e.y1) / (e.y2 - e.y1), 0.0, 1.0);
                    xa = e.x1 + ta * (e.x2 - e.x1);
                    xb = e.x1 + tb * (e.x2 - e.x1);
                }
                long c0 = static_cast<long>(std::floor((std::min(xa, xb) - x0_) / cell_));
                long c1 = static_cast<long>(std::floor((std::max(xa, xb) - x0_) / cell_));
                for (long c = c0; c <= c1; ++c) {
                    std::uint64_t key = (static_cast<std::uint64_t>(r * nx_ + c) << 24) | u;
                    if (key != last) keys.push_back(key);
                    last = key;
                }
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
        std::size_t cell = static_cast<std::size_t>(keys[i] >> 24);
        std::vector<std::int32_t> units;
        for (; i < keys.size() && (keys[i] >> 24) == cell; ++i)
            units.push_back(static_cast<std::int32_t>(keys[i] & 0xffffff));
        cells_[cell] = -2 - static_cast<std::int32_t>(border_lists_.size());
        border_lists_.push_back(std::move(units));
    }
}

void UnitGrid::fill_interior(const std::vector<std::vector<Edge>>& unit_edges) {
    // Scanline fill at each row's centre: crossings of each unit's edges, paired even-odd.
    std::vector<std::pair<long, std::pair<std::int32_t, double>>> crossings;
    crossings.reserve(static_cast<std::size_t>(ny_) * 64);
    for (std::size_t u = 0; u < unit_edges.size(); ++u)
        for (const Edge& e : unit_edges[u]) {
            double lo = std::min(e.y1, e.y2), hi = std::max(e.y1, e.y2);
            long r = static_cast<long>(std::ceil((lo - y0_) / cell_ - 0.5));
            for (double yc = y0_ + (static_cast<double>(r) + 0.5) * cell_; yc < hi;
                 ++r, yc = y0_ + (static_cast<double>(r) + 0.5) * cell_)
                if (yc >= lo && r >= 0 && r < ny_)
                    crossings.push_back(
                        {r, {static_cast<std::int32_t>(u), e.x1 + (yc - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1)}});
        }
    std::vector<std::uint32_t> begin;
    std::vector<std::pair<std::int32_t, double>> items;
    bucket_by_row(crossings, ny_, begin, items);
    for (long r = 0; r < ny_; ++r) {
        auto first = items.begin() + begin[static_cast<std::size_t>(r)];
        auto last = items.begin() + begin[static_cast<std::size_t>(r) + 1];
        std::sort(first, last);  // by unit, then x
        for (auto it = first; it + 1 < last; it += 2) {
            if (it->first != (it + 1)->first) {  // odd count for a unit: an unclosed ring; skip one
                --it;
                continue;
            }
            long c0 = static_cast<long>(std::ceil((it->second - x0_) / cell_ - 0.5));
            long c1 = static_cast<long>(std::ceil(((it + 1)->second - x0_) / cell_ - 0.5));
            for (long c = std::max(c0, 0L); c < std::min(c1, nx_); ++c) {
                std::int32_t& cell = cells_[static_cast<std::size_t>(r * nx_ + c)];
                if (cell == -1) cell = it->first;
            }
        }
    }
}

void UnitGrid::index_rows(const std::vector<std::vector<Edge>>& unit_edges) {
    // Each edge under every row band it reaches, grouped by row, then by unit: a counting sort in
    // two passes (units are visited in order, so each row's edges come out grouped by unit).
    auto rows_of = [&](const Edge& e) {
        return std::pair<long, long>{static_cast<long>(std::floor((std::min(e.y1, e.y2) - y0_) / cell_)),
                                     static_cast<long>(std::floor((std::max(e.y1, e.y2) - y0_) / cell_))};
    };
    std::vector<std::uint32_t> begin(static_cast<std::size_t>(ny_) + 1, 0);
    for (const auto& edges : unit_edges)
        for (const Edge& e : edges) {
            if (e.y1 == e.y2) continue;  // a horizontal edge never crosses a horizontal ray
            auto [r0, r1] = rows_of(e);
            for (long r = r0; r <= r1; ++r) ++begin[static_cast<std::size_t>(r) + 1];
        }
    for (std::size_t r = 1; r < begin.size(); ++r) begin[r] += begin[r - 1];
    edges_.resize(begin.back());
    std::vector<std::int32_t> unit_of(begin.back());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (std::size_t u = 0; u < unit_edges.size(); ++u)
        for (const Edge& e : unit_edges[u]) {
            if (e.y1 == e.y2) continue;
            auto [r0, r1] = rows_of(e);
            for (long r = r0; r <= r1; ++r) {
                std::uint32_t at = next[static_cast<std::size_t>(r)]++;
                edges_[at] = e;
                unit_of[at] = static_cast<std::int32_t>(u);
            }
        }
    row_begin_.assign(static_cast<std::size_t>(ny_) + 1, 0);
    for (long r = 0; r < ny_; ++r) {
        row_begin_[static_cast<std::size_t>(r)] = static_cast<std::uint32_t>(row_units_.size());
        for (std::uint32_t i = begin[static_cast<std::size_t>(r)]; i < begin[static_cast<std::size_t>(r) + 1]; ++i) {
            if (i == begin[static_cast<std::size_t>(r)] || unit_of[i] != unit_of[i - 1])
                row_units_.push_back({unit_of[i], i, i});
            ++row_units_.back().end;
        }
    }
    row_begin_[static_cast<std::size_t>(ny_)] = static_cast<std::uint32_t>(row_units_.size());
}

bool UnitGrid::unit_contains(std::int32_t unit, long row, double x, double y) const {
    const RowUnit* first = row_units_.data() + row_begin_[static_cast<std::size_t>(row)];
    const RowUnit* last = row_units_.data() + row_begin_[static_cast<std::size_t>(row) + 1];
    const RowUnit* it =
        std::lower_bound(first, last, unit, [](const RowUnit& ru, std::int32_t u) { return ru.unit < u; });
    if (it == last || it->unit != unit) return false;
    bool inside = false;
    for (std::uint32_t i = it->begin; i < it->end; ++i) {
        const Edge& e = edges_[i];
        if ((e.y1 > y) != (e.y2 > y) && x < e.x1 + (y - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1)) inside = !inside;
    }
    return inside;
}

int UnitGrid::locate(double lon, double lat) const {
    if (!(lon >= x0_ && lat >= y0_)) return -1;  // also NaN
    long c = static_cast<long>((lon - x0_) / cell_), r = static_cast<long>((lat - y0_) / cell_);
    if (c >= nx_ || r >= ny_) return -1;
    std::int32_t cell = cells_[static_cast<std::size_t>(r * nx_ + c)];
    if (cell >= -1) return cell;
    for (std::int32_t unit : border_lists_[static_cast<std::size_t>(-2 - cell)])
        if (unit_contains(unit, r, lon, lat)) return unit;
    return -1;
}

}  // namespace atlas
