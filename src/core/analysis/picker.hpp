#pragma once
/// What lies under a point: the prefecture, its province, and the plan regions that contain it.
/// A uniform grid of one-degree cells over the prefectures' boxes finds the candidates; only those
/// are tested exactly.

#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "geo/geometry.hpp"
#include "model/region.hpp"

namespace atlas {

struct Pick {
    const Region* prefecture = nullptr;  ///< null over the sea or outside the data
    const Region* province = nullptr;
    std::vector<const PlanRegion*> regions;  ///< plan order
};

class Picker {
  public:
    /// Keeps references: the layers and shapes must outlive the picker.
    Picker(const RegionLayer& provinces, const RegionLayer& prefectures, std::vector<const RegionShape*> shapes);
    Pick at(const LonLat& p) const;

  private:
    static long cell_key(long x, long y) { return x * 100000 + y; }
    const RegionLayer& provinces_;
    const RegionLayer& prefectures_;
    std::vector<const RegionShape*> shapes_;
    std::unordered_map<long, std::vector<std::size_t>> cells_;  ///< cell -> prefecture indices
};

}  // namespace atlas
