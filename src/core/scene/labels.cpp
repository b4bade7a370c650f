#include "scene/labels.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

bool overlaps(const PlacedLabel& a, const PlacedLabel& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates, int viewport_width, int viewport_height,
                                      double padding, const std::vector<std::array<double, 4>>& obstacles) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
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
    for (LabelCandidate& c : candidates) {
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

}  // namespace atlas
