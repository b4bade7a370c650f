#pragma once
/// Where the plan's places lie (model/place.hpp): a pilot zone is the union of the provinces or
/// prefecture-level units it names; a national new district is drawn from its county-level units (the
/// county layer), flagged partial where it covers only parts of them, with its own area beside the
/// counties'. Without a county layer a new district has no polygon, only its prefecture's seat.

#include <optional>
#include <string>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "geo/geometry.hpp"
#include "model/place.hpp"
#include "model/region.hpp"

namespace atlas {

struct PlaceShape {
    const Place* place = nullptr;
    MultiPolygon geometry;             ///< lon/lat WGS84; empty when it cannot be drawn (no county layer)
    LonLat label;                      ///< inside the geometry, or the seat of its first prefecture
    double units_area_km2 = 0;         ///< area of the units drawn (whole counties), WGS84 ellipsoid
    std::vector<const Region*> units;  ///< the units drawn: provinces, prefectures or counties
    std::string drawn_as;              ///< what the polygon is, in words, for the inspector and exports
};

/// The shape of one place. Codes absent from the layers are left out (check_places reports them).
PlaceShape build_place_shape(const Place& place, const RegionLayer& provinces, const RegionLayer& prefectures,
                             const RegionLayer* counties);

/// The same with the union, label point and area of its units taken from `prepared` (a store's, as
/// unite_place computed them): the units are only looked up by code, so the layers' geometry may be
/// absent (LayerSpec::attributes_only). Computed as build_place_shape when `prepared` is null.
PlaceShape assemble_place_shape(const Place& place, const RegionLayer& provinces, const RegionLayer& prefectures,
                                const RegionLayer* counties, const PreparedShape* prepared);

/// Whether a place can have a polygon: a new district only with a county layer (`counties`).
bool place_drawable(const Place& place, const RegionLayer* counties);

/// The union of a place's units with its label point and area (GEOS: the costly part, what the
/// prepared-data store keeps); nothing when the place has no unit to draw.
std::optional<PreparedShape> unite_place(const Place& place, const RegionLayer& provinces,
                                         const RegionLayer& prefectures, const RegionLayer* counties);

/// The six-digit codes of the county-level units the new districts name (their geometry is what
/// draws them).
std::vector<std::string> district_county_codes(const PlaceSet& places);

/// One line per place with codes that no layer at hand has, at most four codes named ("nd07 Shaanxi
/// Xixian New Area: 610118 is in no county-level unit", "nd03 ...: 500105, 500109, 500112, 500113 and
/// 2 more are in no county-level unit"); empty when every code is found. Without a county layer a district's
/// codes are checked against their prefectures.
std::vector<std::string> check_places(const PlaceSet& places, const RegionLayer& provinces,
                                      const RegionLayer& prefectures, const RegionLayer* counties);

/// A place tied to one unit, and how: the unit hosts it (a new district in a city, a pilot zone that
/// is the city), lies in it (a prefecture inside a province-wide pilot zone), or is its core.
struct PlaceTie {
    const Place* place = nullptr;
    std::string relation;  ///< "hosts", "lies in", "core city of", "lies in the core of"
};

/// The places tied to a province, prefecture-level or county-level unit (`level`), in the set's order.
std::vector<PlaceTie> places_of_unit(const PlaceSet& places, const Region& unit, UnitLevel level);

/// "Shaanxi Xixian New Area (陕西西咸新区; national new district, approved 2014-01-06; covers parts of its counties)".
std::string place_summary(const Place& place);

}  // namespace atlas
