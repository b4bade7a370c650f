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
    for (const Industry& industry : plan.industries) {
        bool named = std::any_of(report.regions.begin(), report.regions.end(), [&](const UnitMembership& m) {
            const auto& list = m.region->designation.industries;
            return std::any_of(list.begin(), list.end(),
                               [&](const IndustryDesignation& d) { return d.industry == industry.id; });
        });
        if (named) report.industries.push_back(industry.id);
    }
    return report;
}

}  // namespace atlas
