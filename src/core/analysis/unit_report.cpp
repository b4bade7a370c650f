#include "analysis/unit_report.hpp"

#include <algorithm>

namespace atlas {

namespace {

/// The member entry through which a prefecture-level unit belongs to a region (its own code or its
/// province's), or null.
const Member* member_for(const PlanRegion& region, const Region& unit) {
    for (const Member& m : region.members)
        if (m.code == unit.code) return &m;
    for (const Member& m : region.members)
        if (!unit.parent_code.empty() && m.code == unit.parent_code) return &m;
    return nullptr;
}

UnitMembership prefecture_membership(const RegionShape& shape, const Region& unit) {
    UnitMembership m;
    m.region = shape.region;
    if (const Member* member = member_for(*shape.region, unit)) {
        m.partial = member->partial;
        m.via_province = member->code != unit.code;
    }
    for (std::size_t i = 0; i < shape.hub_units.size() && i < shape.region->hubs.size(); ++i)
        if (shape.hub_units[i] == &unit) m.hubs.push_back(&shape.region->hubs[i]);
    return m;
}

UnitMembership province_membership(const RegionShape& shape, const Region& province, const RegionLayer& prefectures) {
    UnitMembership m;
    m.region = shape.region;
    for (const Region& r : prefectures.regions)
        if (r.parent_code == province.code) ++m.units_total;
    for (const Region* u : shape.units)
        if (u->parent_code == province.code) ++m.units_inside;
    for (const Member& member : shape.region->members)
        if (member.code == province.code) m.partial = member.partial;
    for (std::size_t i = 0; i < shape.hub_units.size() && i < shape.region->hubs.size(); ++i)
        if (shape.hub_units[i] != nullptr && shape.hub_units[i]->parent_code == province.code)
            m.hubs.push_back(&shape.region->hubs[i]);
    return m;
}

}  // namespace

namespace {

void add_industries(const Plan& plan, UnitReport& report) {
    for (const Industry& industry : plan.industries) {
        bool named = std::any_of(report.regions.begin(), report.regions.end(), [&](const UnitMembership& m) {
            const auto& list = m.region->designation.industries;
            return !m.excluded && std::any_of(list.begin(), list.end(),
                                              [&](const IndustryDesignation& d) { return d.industry == industry.id; });
        });
        if (named) report.industries.push_back(industry.id);
    }
}

bool listed(const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

/// How a member's county list places one of its counties.
void place_county(const Member& member, const Region& county, UnitMembership& m) {
    if (!member.partial) return;
    if (!member.counties) {
        m.county_unknown = true;
        return;
    }
    const CountyScope& scope = *member.counties;
    m.scope = &scope;
    m.partly_in = listed(scope.partly_included, county.code);
    bool in = scope.included.empty() ? !listed(scope.excluded, county.code)
                                     : listed(scope.included, county.code) || m.partly_in;
    m.excluded = !in;
}

}  // namespace

UnitReport report_county(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                         const RegionLayer& prefectures, const Region& county) {
    UnitReport report;
    report.unit = &county;
    report.is_county = true;
    const Region* prefecture = prefectures.find(county.parent_code);
    if (prefecture == nullptr) return report;
    for (const RegionShape* shape : shapes) {
        if (std::find(shape->units.begin(), shape->units.end(), prefecture) == shape->units.end()) continue;
        UnitMembership m = prefecture_membership(*shape, *prefecture);
        m.hubs.clear();  // a hub's seat is a prefecture's, not known to lie in this county
        if (const Member* member = member_for(*shape->region, *prefecture)) place_county(*member, county, m);
        report.regions.push_back(m);
    }
    add_industries(plan, report);
    return report;
}

UnitReport report_unit(const Plan& plan, const std::vector<const RegionShape*>& shapes, const RegionLayer& provinces,
                       const RegionLayer& prefectures, const Region& unit) {
    UnitReport report;
    report.unit = &unit;
    report.is_province = provinces.find(unit.code) == &unit;
    for (const RegionShape* shape : shapes) {
        if (report.is_province) {
            if (std::binary_search(shape->provinces.begin(), shape->provinces.end(), unit.code))
                report.regions.push_back(province_membership(*shape, unit, prefectures));
        } else if (std::find(shape->units.begin(), shape->units.end(), &unit) != shape->units.end()) {
            report.regions.push_back(prefecture_membership(*shape, unit));
        }
    }
    add_industries(plan, report);
    return report;
}

}  // namespace atlas
