#pragma once
/// Geometry of the plan's regions, built from their members: the GEOS union of the member
/// prefectures (or whole provinces, for the economic belts), with sliver gaps of the source filled.

#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

struct RegionShape {
    const PlanRegion* region = nullptr;
    MultiPolygon geometry;                 ///< lon/lat WGS84
    LonLat label;                          ///< inside the geometry
    double area_km2 = 0;                   ///< of the union, on the ellipsoid
    double partial_area_km2 = 0;           ///< part of area_km2 contributed by partial members
    std::vector<const Region*> units;      ///< member prefecture-level units (provinces expanded)
    std::vector<std::string> provinces;    ///< province codes touched, sorted
    std::vector<const Region*> hub_units;  ///< the unit of each hub (its seat is the hub point)
};

/// Codes of the prefecture-level units a member code stands for: itself, or every unit of a province.
std::vector<const Region*> member_units(const std::string& code, const RegionLayer& provinces,
                                        const RegionLayer& prefectures);

/// Builds the shape of one region. Member codes must have passed validate_plan.
RegionShape build_region_shape(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures);

/// Shapes of every region of the plan, in plan order.
std::vector<RegionShape> build_region_shapes(const Plan& plan, const RegionLayer& provinces,
                                             const RegionLayer& prefectures);

}  // namespace atlas
