#include "model/region.hpp"

namespace atlas {

const Region* RegionLayer::find(const std::string& code) const {
    for (const Region& r : regions)
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace atlas
