#include "analysis/coverage.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace atlas {

const char* to_string(Coverage c) {
    switch (c) {
        case Coverage::None:
            return "";
        case Coverage::General:
            return "general";
        case Coverage::Explicit:
            return "explicit";
    }
    return "";
}

Coverage coverage_of(const Plan& plan, const PlanRegion& region, const std::string& industry_id) {
    if (plan.designates(region, industry_id)) return Coverage::Explicit;
    return region.designation.type == DesignationType::General ? Coverage::General : Coverage::None;
}

CoverageMatrix coverage_matrix(const Plan& plan, const std::vector<std::string>& industry_ids) {
    CoverageMatrix m;
    for (const PlanRegion& r : plan.regions) m.regions.push_back(&r);
    if (industry_ids.empty())
        for (const Industry& i : plan.industries) m.industries.push_back(&i);
    else
        for (const std::string& id : industry_ids) m.industries.push_back(plan.industry(id));
    for (const PlanRegion* r : m.regions) {
        std::vector<Coverage> row;
        for (const Industry* i : m.industries) row.push_back(coverage_of(plan, *r, i->id));
        m.cells.push_back(std::move(row));
    }
    return m;
}

std::vector<const PlanRegion*> regions_designated_for(const Plan& plan, const std::string& industry_id) {
    std::vector<const PlanRegion*> out;
    for (const PlanRegion& r : plan.regions)
        if (plan.designates(r, industry_id)) out.push_back(&r);
    return out;
}

namespace {

bool counted(const Plan& plan, const PlanRegion& r, const std::string& industry_id) {
    if (!industry_id.empty()) return plan.designates(r, industry_id);
    return r.designation.type != DesignationType::Context;
}

/// How much of a unit a region covers, and how much of that is drawn whole without a source for it.
struct UnitCover {
    double km2 = 0, uncertain_km2 = 0;
};

/// A member's cover of its unit: the whole unit, uncertain when the member is partial; or, scoped to
/// counties, the area of its counties (those partly in the region uncertain), at most the unit's.
UnitCover member_cover(const Member* m, const Region& unit, const RegionLayer* counties) {
    if (m == nullptr || !m->partial) return {unit.area_km2, 0};
    if (!county_scoped(*m, counties)) return {unit.area_km2, unit.area_km2};
    UnitCover c;
    for (const Region* county : scoped_counties(*m, *counties)) c.km2 += county->area_km2;
    for (const std::string& code : m->counties->partly_included) c.uncertain_km2 += counties->find(code)->area_km2;
    c.km2 = std::min(c.km2, unit.area_km2);
    return c;
}

/// Units inside counted regions, each with the largest cover any of them gives it.
std::map<const Region*, UnitCover> covered_units(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                                                 const std::string& industry_id, const RegionLayer* counties) {
    std::map<const Region*, UnitCover> cover;
    for (const RegionShape* s : shapes) {
        if (!counted(plan, *s->region, industry_id)) continue;
        for (const Region* u : s->units) {
            const Member* member = nullptr;
            for (const Member& m : s->region->members)
                if (m.code == u->code) member = &m;
            UnitCover c = member_cover(member, *u, counties);
            UnitCover& best = cover[u];
            if (c.km2 > best.km2 || (c.km2 == best.km2 && c.uncertain_km2 < best.uncertain_km2)) best = c;
        }
    }
    return cover;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

void add_macro_industries(const Plan& plan, ProvinceCoverage& row) {
    for (const MacroDesignation& d : plan.macro_designations)
        for (const std::string& area_id : d.areas) {
            const MacroArea* area = plan.macro_area(area_id);
            if (area != nullptr && std::count(area->provinces.begin(), area->provinces.end(), row.province->code))
                add_unique(row.macro_industries, d.industry);
        }
}

}  // namespace

std::vector<ProvinceCoverage> province_coverage(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                                                const RegionLayer& provinces, const std::string& industry_id,
                                                const RegionLayer* counties) {
    std::map<const Region*, UnitCover> units = covered_units(plan, shapes, industry_id, counties);
    std::vector<ProvinceCoverage> rows;
    for (const Region& p : provinces.regions) {
        ProvinceCoverage row;
        row.province = &p;
        for (const auto& [unit, cover] : units)
            if (unit->parent_code == p.code || unit->code == p.code) {
                row.covered_km2 += cover.km2;
                row.covered_partial_km2 += cover.uncertain_km2;
            }
        // The units' areas, summed, pass the province's own by rounding (1.0000000000000742 of Hebei):
        // a province is at most wholly covered.
        row.covered_km2 = std::min(row.covered_km2, p.area_km2);
        row.covered_partial_km2 = std::min(row.covered_partial_km2, row.covered_km2);
        for (const RegionShape* s : shapes) {
            if (std::find(s->provinces.begin(), s->provinces.end(), p.code) == s->provinces.end()) continue;
            if (s->region->designation.type == DesignationType::Context) row.context_regions.push_back(s->region);
            if (!counted(plan, *s->region, industry_id)) continue;
            row.regions.push_back(s->region);
            for (const IndustryDesignation& d : s->region->designation.industries)
                add_unique(row.industries, d.industry);
        }
        add_macro_industries(plan, row);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> provisional_ids(const ProvinceCoverage& coverage) {
    std::vector<std::string> out;
    for (const auto* list : {&coverage.regions, &coverage.context_regions})
        for (const PlanRegion* r : *list)
            if (r->extent.provisional) out.push_back(r->id);
    return out;
}

}  // namespace atlas
