#include "scene/labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace atlas {

bool overlaps(const PlacedLabel& a, const PlacedLabel& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

namespace {

/// Each candidate in turn (already in priority order) at its anchor or its first free shift.
std::vector<PlacedLabel> place_greedily(const std::vector<LabelCandidate>& candidates, int viewport_width,
                                        int viewport_height, double padding,
                                        const std::vector<std::array<double, 4>>& obstacles) {
    std::vector<PlacedLabel> placed;
    // One name once where it would be read twice side by side: the municipality "Tianjin" and the
    // city "Tianjin", the region "Kunming" and its hub city. A lower label goes when one of the same
    // text was placed within a label's width of it; when the higher could not be placed, the lower
    // names the place instead (the hub "Guiyang" where its region's label found no room). Two towns
    // of one name far apart ("Taizhou", Jiangsu and Zhejiang) keep both.
    auto said_nearby = [&](const LabelCandidate& c) {
        return !c.text.empty() && std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& q) {
            return q.label.text == c.text &&
                   std::hypot(q.label.x - c.x, q.label.y - c.y) < std::max(q.label.width, c.width);
        });
    };
    for (const LabelCandidate& c : candidates) {
        if (said_nearby(c)) continue;
        std::vector<std::array<double, 2>> tries{{0, 0}};
        tries.insert(tries.end(), c.shifts.begin(), c.shifts.end());
        for (const auto& [dx, dy] : tries) {
            double x = c.x + dx, y = c.y + dy;
            PlacedLabel p{c, x - c.width / 2 - padding, y - c.height / 2 - padding, x + c.width / 2 + padding,
                          y + c.height / 2 + padding};
            if (p.left < 0 || p.top < 0 || p.right > viewport_width || p.bottom > viewport_height) continue;
            if (std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& q) { return overlaps(p, q); }))
                continue;
            if (std::any_of(obstacles.begin(), obstacles.end(), [&](const std::array<double, 4>& b) {
                    return p.left < b[2] && b[0] < p.right && p.top < b[3] && b[1] < p.bottom;
                }))
                continue;
            p.label.x = x, p.label.y = y;
            placed.push_back(std::move(p));
            break;
        }
    }
    return placed;
}

/// Labels placed per priority, highest first.
std::map<int, int, std::greater<>> placed_per_priority(const std::vector<PlacedLabel>& placed) {
    std::map<int, int, std::greater<>> out;
    for (const PlacedLabel& p : placed) ++out[p.label.priority];
    return out;
}

/// True where `now` places more labels of `priority` than `before` and no fewer of any higher one.
bool places_more(const std::vector<PlacedLabel>& before, const std::vector<PlacedLabel>& now, int priority) {
    auto b = placed_per_priority(before), n = placed_per_priority(now);
    for (const auto& [level, count] : b)
        if (level > priority && n[level] < count) return false;
    return n[priority] > b[priority];
}

bool was_placed(const std::vector<PlacedLabel>& placed, const LabelCandidate& c) {
    return std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
        return p.label.text == c.text && p.label.priority == c.priority &&
               std::hypot(p.label.x - c.x, p.label.y - c.y) <= std::hypot(c.width, 3 * c.height);
    });
}

}  // namespace

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates, int viewport_width, int viewport_height,
                                      double padding, const std::vector<std::array<double, 4>>& obstacles) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
    std::vector<PlacedLabel> placed = place_greedily(candidates, viewport_width, viewport_height, padding, obstacles);
    // The names of the highest rank (the regions') that found no room are tried ahead of the others
    // of their rank, then with them the names that this displaced, and so on: kept where that names
    // more of them and no higher label is lost (at 1024x768 "Changsha-Zhuzhou-Xiangtan", larger,
    // took the place of "Guiyang"). Placing a dropped name first alone traded one region's name for
    // another's.
    auto top =
        std::find_if(candidates.begin(), candidates.end(), [](const LabelCandidate& c) { return !c.text.empty(); });
    if (top == candidates.end()) return placed;
    const auto first = static_cast<std::size_t>(top - candidates.begin());
    const int rank = top->priority;
    std::vector<std::size_t> tier;  // the rank's candidates in the order that placed best so far
    for (std::size_t k = first; k < candidates.size() && candidates[k].priority == rank; ++k) tier.push_back(k);
    auto in_view = [&](const LabelCandidate& c) {
        return c.x >= 0 && c.y >= 0 && c.x <= viewport_width && c.y <= viewport_height;
    };
    // `front` first, then the rest of the tier in its order.
    auto ordered = [&](const std::vector<std::size_t>& front) {
        std::vector<std::size_t> out = front;
        for (std::size_t k : tier)
            if (std::find(front.begin(), front.end(), k) == front.end()) out.push_back(k);
        return out;
    };
    auto place_in = [&](const std::vector<std::size_t>& order) {
        std::vector<LabelCandidate> all(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(first));
        for (std::size_t k : order) all.push_back(candidates[k]);
        all.insert(all.end(), candidates.begin() + static_cast<std::ptrdiff_t>(first + tier.size()), candidates.end());
        return place_greedily(all, viewport_width, viewport_height, padding, obstacles);
    };
    constexpr int kMostPlacements = 16;  // each is a whole placement
    int placements = 0;
    for (std::size_t i = first; i < first + tier.size() && placements < kMostPlacements; ++i) {
        if (candidates[i].text.empty() || !in_view(candidates[i]) || was_placed(placed, candidates[i])) continue;
        std::vector<std::size_t> front{i};
        for (int depth = 0; depth < 3 && placements < kMostPlacements; ++depth, ++placements) {
            std::vector<std::size_t> order = ordered(front);
            std::vector<PlacedLabel> now = place_in(order);
            if (places_more(placed, now, rank)) {
                placed = std::move(now), tier = std::move(order);
                break;
            }
            std::size_t before = front.size();
            for (std::size_t k : tier)  // the names it displaced go next
                if (was_placed(placed, candidates[k]) && !was_placed(now, candidates[k]) &&
                    std::find(front.begin(), front.end(), k) == front.end())
                    front.push_back(k);
            if (front.size() == before) break;
        }
    }
    return placed;
}

}  // namespace atlas
