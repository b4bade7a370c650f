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

/// The part of a region's shape that GEOS computes (unions of hundreds of polygons): what the
/// prepared-data store keeps (store/shape_store.hpp).
struct PreparedShape {
    MultiPolygon geometry;  ///< union of the members, lon/lat WGS84 degrees
    LonLat label;           ///< label anchor inside the geometry
    double area_km2 = 0;    ///< of the union, on the WGS84 ellipsoid
};

/// Codes of the prefecture-level units a member code stands for: itself, or every unit of a province.
std::vector<const Region*> member_units(const std::string& code, const RegionLayer& provinces,
                                        const RegionLayer& prefectures);

/// The cheap part of a region's shape: member units, provinces touched, partial area, hub units;
/// geometry, label and area left empty. Member codes must have passed validate_plan.
RegionShape region_membership(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures);

/// The union of a region's members, its label anchor and area (GEOS; the costly part).
PreparedShape unite_members(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures);

/// Builds the shape of one region: region_membership with unite_members' geometry, label and area.
RegionShape build_region_shape(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures);

/// Shapes of every region of the plan, in plan order.
std::vector<RegionShape> build_region_shapes(const Plan& plan, const RegionLayer& provinces,
                                             const RegionLayer& prefectures);

}  // namespace atlas
