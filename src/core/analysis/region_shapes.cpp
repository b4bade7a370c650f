#include "analysis/region_shapes.hpp"

#include <algorithm>
#include <set>

#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"

namespace atlas {

std::vector<const Region*> member_units(const std::string& code, const RegionLayer& provinces,
                                        const RegionLayer& prefectures) {
    if (const Region* unit = prefectures.find(code)) return {unit};
    std::vector<const Region*> out;
    if (provinces.find(code) == nullptr) return out;
    for (const Region& r : prefectures.regions)
        if (r.parent_code == code) out.push_back(&r);
    return out;
}

namespace {

/// The polygons to union: a province member contributes its dissolved province polygon.
std::vector<const MultiPolygon*> member_geometries(const PlanRegion& region, const RegionLayer& provinces,
                                                   const RegionLayer& prefectures) {
    std::vector<const MultiPolygon*> parts;
    for (const Member& m : region.members) {
        const Region* unit = prefectures.find(m.code);
        if (unit == nullptr) unit = provinces.find(m.code);
        if (unit != nullptr) parts.push_back(&unit->geometry);
    }
    return parts;
}

}  // namespace

RegionShape region_membership(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures) {
    RegionShape shape;
    shape.region = &region;
    std::set<const Region*> members;
    std::set<std::string> touched;
    for (const Member& m : region.members)
        for (const Region* unit : member_units(m.code, provinces, prefectures)) {
            if (members.insert(unit).second) shape.units.push_back(unit);
            touched.insert(unit->parent_code.empty() ? unit->code : unit->parent_code);
            if (m.partial) shape.partial_area_km2 += unit->area_km2;
        }
    shape.provinces.assign(touched.begin(), touched.end());
    for (const Hub& h : region.hubs)
        if (const Region* unit = prefectures.find(h.code)) shape.hub_units.push_back(unit);
    return shape;
}

PreparedShape unite_members(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures) {
    std::set<const Region*> members;
    for (const Member& m : region.members)
        for (const Region* unit : member_units(m.code, provinces, prefectures)) members.insert(unit);
    std::vector<const MultiPolygon*> others;
    for (const Region& r : prefectures.regions)
        if (members.count(&r) == 0) others.push_back(&r.geometry);
    GeosContext ctx;
    bool trusted = provinces.validated && prefectures.validated;
    PreparedShape out;
    out.geometry = dissolve(ctx, member_geometries(region, provinces, prefectures), others, 0, trusted);
    out.area_km2 = geodesic_area_km2(out.geometry);
    out.label = label_point(ctx, out.geometry);
    return out;
}

RegionShape build_region_shape(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures) {
    RegionShape shape = region_membership(region, provinces, prefectures);
    PreparedShape united = unite_members(region, provinces, prefectures);
    shape.geometry = std::move(united.geometry);
    shape.label = united.label;
    shape.area_km2 = united.area_km2;
    return shape;
}

std::vector<RegionShape> build_region_shapes(const Plan& plan, const RegionLayer& provinces,
                                             const RegionLayer& prefectures) {
    std::vector<RegionShape> shapes;
    shapes.reserve(plan.regions.size());
    for (const PlanRegion& r : plan.regions) shapes.push_back(build_region_shape(r, provinces, prefectures));
    return shapes;
}

}  // namespace atlas
