#pragma once
/// Geometry of the plan's regions, built from their members: the GEOS union of the member
/// prefectures (or whole provinces, for the economic belts), with sliver gaps of the source filled.
/// With a county layer, a partial member whose counties a source lists (Member::counties) contributes
/// only those counties: its prefecture cut by the union of the listed (or of the excluded) counties,
/// so that its outer border stays the prefecture layer's. Without one, every member counts whole.

#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

struct RegionShape {
    const PlanRegion* region = nullptr;
    MultiPolygon geometry;             ///< lon/lat WGS84
    LonLat label;                      ///< inside the geometry
    double area_km2 = 0;               ///< of the union, on the ellipsoid
    double gaps_km2 = 0;               ///< part of area_km2 that no member covers: gaps between members
                                       ///< the boundary source leaves open, filled by the union
    double partial_area_km2 = 0;       ///< part of area_km2 whose extent no source gives: partial members
                                       ///< counted whole (all of them without a county layer)
    bool county_precision = false;     ///< partial members cut to their listed counties
    std::vector<const Region*> units;  ///< member prefecture-level units (provinces expanded)
    /// Province members the prefecture layer holds no unit of (a user's layer without Beijing's
    /// 110000): their province's polygon is in the union and the area, but in no `units`.
    std::vector<const Region*> whole_provinces;
    std::vector<std::string> provinces;    ///< province codes touched, sorted
    std::vector<const Region*> hub_units;  ///< the unit of each hub (its seat is the hub point)
};

/// The part of a region's shape that GEOS computes (unions of hundreds of polygons): what the
/// prepared-data store keeps (store/shape_store.hpp).
struct PreparedShape {
    MultiPolygon geometry;  ///< union of the members, lon/lat WGS84 degrees
    LonLat label;           ///< label anchor inside the geometry
    double area_km2 = 0;    ///< of the union, on the WGS84 ellipsoid
    double gaps_km2 = 0;    ///< of area_km2, the gaps between members the union filled (geo/operations.hpp dissolve)
};

/// The county-level units of `member` that its scope puts in the region, in full or in part (every
/// county of the prefecture not excluded, when only exclusions are listed); empty without a scope.
std::vector<const Region*> scoped_counties(const Member& member, const RegionLayer& counties);

/// Whether the member's extent is known to county precision with this county layer (it has a scope
/// and the layer has every county it names).
bool county_scoped(const Member& member, const RegionLayer* counties);

/// Codes of the prefecture-level units a member code stands for: itself, or every unit of a province.
std::vector<const Region*> member_units(const std::string& code, const RegionLayer& provinces,
                                        const RegionLayer& prefectures);

/// The cheap part of a region's shape: member units, provinces touched, partial area, hub units;
/// geometry, label and area left empty. Member codes must have passed validate_plan.
/// `counties` may be null (no county layer).
RegionShape region_membership(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                              const RegionLayer* counties = nullptr);

/// The union of a region's members, its label anchor and area (GEOS; the costly part).
PreparedShape unite_members(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                            const RegionLayer* counties = nullptr);

/// Builds the shape of one region: region_membership with unite_members' geometry, label and area.
RegionShape build_region_shape(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                               const RegionLayer* counties = nullptr);

/// Shapes of every region of the plan, in plan order.
std::vector<RegionShape> build_region_shapes(const Plan& plan, const RegionLayer& provinces,
                                             const RegionLayer& prefectures, const RegionLayer* counties = nullptr);

}  // namespace atlas
