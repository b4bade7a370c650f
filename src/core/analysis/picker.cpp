#include "analysis/picker.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

Picker::Picker(const RegionLayer& provinces, const RegionLayer& prefectures, std::vector<const RegionShape*> shapes)
    : provinces_(provinces), prefectures_(prefectures), shapes_(std::move(shapes)) {
    for (std::size_t i = 0; i < prefectures.regions.size(); ++i) {
        Bounds b = bounds_of(prefectures.regions[i].geometry);
        for (long x = static_cast<long>(std::floor(b.min_lon)); x <= static_cast<long>(std::floor(b.max_lon)); ++x)
            for (long y = static_cast<long>(std::floor(b.min_lat)); y <= static_cast<long>(std::floor(b.max_lat)); ++y)
                cells_[cell_key(x, y)].push_back(i);
    }
}

Pick Picker::at(const LonLat& p) const {
    Pick pick;
    auto it = cells_.find(cell_key(static_cast<long>(std::floor(p.lon)), static_cast<long>(std::floor(p.lat))));
    if (it == cells_.end()) return pick;
    for (std::size_t i : it->second)
        if (contains(prefectures_.regions[i].geometry, p)) {
            pick.prefecture = &prefectures_.regions[i];
            break;
        }
    if (pick.prefecture == nullptr) return pick;
    pick.province =
        provinces_.find(pick.prefecture->parent_code.empty() ? pick.prefecture->code : pick.prefecture->parent_code);
    for (const RegionShape* s : shapes_)
        if (std::find(s->units.begin(), s->units.end(), pick.prefecture) != s->units.end())
            pick.regions.push_back(s->region);
    return pick;
}

}  // namespace atlas
