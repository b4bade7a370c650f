#include "analysis/region_shapes.hpp"

#include <algorithm>
#include <set>

#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"

namespace atlas {

std::vector<const Region*> scoped_counties(const Member& member, const RegionLayer& counties) {
    std::vector<const Region*> out;
    if (!member.counties) return out;
    const CountyScope& scope = *member.counties;
    auto listed = [](const std::vector<std::string>& codes, const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    for (const Region& c : counties.regions) {
        bool in = scope.included.empty() ? c.parent_code == member.code && !listed(scope.excluded, c.code)
                                         : listed(scope.included, c.code) || listed(scope.partly_included, c.code);
        if (in) out.push_back(&c);
    }
    return out;
}

bool county_scoped(const Member& member, const RegionLayer* counties) {
    if (counties == nullptr || !member.counties) return false;
    for (const auto* list : {&member.counties->included, &member.counties->partly_included, &member.counties->excluded})
        for (const std::string& code : *list)
            if (counties->find(code) == nullptr) return false;
    return true;
}

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

/// Parts of a cut under 1 km²: slivers where the county layer's borders (AMap, about 2016) and the
/// prefecture layer's (echarts, about 2015) do not coincide, tens of metres wide.
MultiPolygon without_slivers(MultiPolygon cut) {
    cut.erase(std::remove_if(cut.begin(), cut.end(),
                             [](const Polygon& p) { return geodesic_area_km2(MultiPolygon{p}) < 1.0; }),
              cut.end());
    return cut;
}

/// A scoped member's part: its prefecture cut to the listed counties (or with the excluded ones cut
/// out), so that its borders with the rest of the region stay the prefecture layer's.
MultiPolygon scoped_part(const GeosContext& ctx, const Member& m, const Region& unit, const RegionLayer& counties) {
    const CountyScope& scope = *m.counties;
    std::vector<const MultiPolygon*> cut;
    if (scope.included.empty()) {
        for (const std::string& code : scope.excluded) cut.push_back(&counties.find(code)->geometry);
        return without_slivers(difference(ctx, unit.geometry, union_all(ctx, cut)));
    }
    for (const Region* c : scoped_counties(m, counties)) cut.push_back(&c->geometry);
    return without_slivers(intersection(ctx, unit.geometry, union_all(ctx, cut)));
}

/// The polygons to union: a province member contributes its dissolved province polygon; a member
/// scoped to counties its scoped part (kept in `owned`).
std::vector<const MultiPolygon*> member_geometries(const GeosContext& ctx, const PlanRegion& region,
                                                   const RegionLayer& provinces, const RegionLayer& prefectures,
                                                   const RegionLayer* counties, std::vector<MultiPolygon>& owned) {
    std::vector<const MultiPolygon*> parts;
    owned.reserve(region.members.size());
    for (const Member& m : region.members) {
        const Region* unit = prefectures.find(m.code);
        if (unit != nullptr && county_scoped(m, counties)) {
            owned.push_back(scoped_part(ctx, m, *unit, *counties));
            parts.push_back(&owned.back());
            continue;
        }
        if (unit == nullptr) unit = provinces.find(m.code);
        if (unit != nullptr) parts.push_back(&unit->geometry);
    }
    return parts;
}

}  // namespace

RegionShape region_membership(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                              const RegionLayer* counties) {
    RegionShape shape;
    shape.region = &region;
    std::set<const Region*> members;
    std::set<std::string> touched;
    for (const Member& m : region.members) {
        std::vector<const Region*> units = member_units(m.code, provinces, prefectures);
        if (const Region* province = provinces.find(m.code); units.empty() && province != nullptr) {
            shape.whole_provinces.push_back(province);
            touched.insert(province->code);
            if (m.partial) shape.partial_area_km2 += province->area_km2;
        }
        for (const Region* unit : units) {
            if (members.insert(unit).second) shape.units.push_back(unit);
            touched.insert(unit->parent_code.empty() ? unit->code : unit->parent_code);
            if (m.partial && !county_scoped(m, counties)) shape.partial_area_km2 += unit->area_km2;
        }
    }
    for (const Member& m : region.members) {
        if (!county_scoped(m, counties)) continue;
        shape.county_precision = true;
        for (const std::string& code : m.counties->partly_included)
            shape.partial_area_km2 += counties->find(code)->area_km2;
    }
    shape.provinces.assign(touched.begin(), touched.end());
    for (const Hub& h : region.hubs)
        if (const Region* unit = prefectures.find(h.code)) shape.hub_units.push_back(unit);
    return shape;
}

PreparedShape unite_members(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                            const RegionLayer* counties) {
    std::set<const Region*> members;
    for (const Member& m : region.members)
        for (const Region* unit : member_units(m.code, provinces, prefectures)) members.insert(unit);
    std::vector<const MultiPolygon*> others;
    for (const Region& r : prefectures.regions)
        if (members.count(&r) == 0) others.push_back(&r.geometry);
    GeosContext ctx;
    std::vector<MultiPolygon> owned;
    std::vector<const MultiPolygon*> parts = member_geometries(ctx, region, provinces, prefectures, counties, owned);
    // Cut parts come from another source's lines: not a clean coverage with the rest.
    bool trusted = provinces.validated && prefectures.validated && owned.empty();
    PreparedShape out;
    out.geometry = dissolve(ctx, parts, others, 0, trusted, &out.gaps_km2);
    out.area_km2 = geodesic_area_km2(out.geometry);
    out.label = label_point(ctx, out.geometry);
    return out;
}

RegionShape build_region_shape(const PlanRegion& region, const RegionLayer& provinces, const RegionLayer& prefectures,
                               const RegionLayer* counties) {
    RegionShape shape = region_membership(region, provinces, prefectures, counties);
    PreparedShape united = unite_members(region, provinces, prefectures, counties);
    shape.geometry = std::move(united.geometry);
    shape.label = united.label;
    shape.area_km2 = united.area_km2;
    shape.gaps_km2 = united.gaps_km2;
    return shape;
}

std::vector<RegionShape> build_region_shapes(const Plan& plan, const RegionLayer& provinces,
                                             const RegionLayer& prefectures, const RegionLayer* counties) {
    std::vector<RegionShape> shapes;
    shapes.reserve(plan.regions.size());
    for (const PlanRegion& r : plan.regions) shapes.push_back(build_region_shape(r, provinces, prefectures, counties));
    return shapes;
}

}  // namespace atlas
