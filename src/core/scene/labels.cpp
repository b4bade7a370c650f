#include "scene/labels.hpp"

#include <algorithm>

namespace atlas {

bool overlaps(const PlacedLabel& a, const PlacedLabel& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates, int viewport_width, int viewport_height,
                                      double padding) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
    std::vector<PlacedLabel> placed;
    for (LabelCandidate& c : candidates) {
        PlacedLabel p{c, c.x - c.width / 2 - padding, c.y - c.height / 2 - padding, c.x + c.width / 2 + padding,
                      c.y + c.height / 2 + padding};
        if (p.left < 0 || p.top < 0 || p.right > viewport_width || p.bottom > viewport_height) continue;
        bool clash = std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& q) { return overlaps(p, q); });
        if (!clash) placed.push_back(std::move(p));
    }
    return placed;
}

}  // namespace atlas
