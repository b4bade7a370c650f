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

/// Units inside counted regions, with whether they are a full member of at least one of them.
std::map<const Region*, bool> covered_units(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                                            const std::string& industry_id) {
    std::map<const Region*, bool> full;
    for (const RegionShape* s : shapes) {
        if (!counted(plan, *s->region, industry_id)) continue;
        std::set<std::string> partial_codes;
        for (const Member& m : s->region->members)
            if (m.partial) partial_codes.insert(m.code);
        for (const Region* u : s->units) full[u] = full[u] || partial_codes.count(u->code) == 0;
    }
    return full;
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
                                                const RegionLayer& provinces, const std::string& industry_id) {
    std::map<const Region*, bool> units = covered_units(plan, shapes, industry_id);
    std::vector<ProvinceCoverage> rows;
    for (const Region& p : provinces.regions) {
        ProvinceCoverage row;
        row.province = &p;
        for (const auto& [unit, full] : units)
            if (unit->parent_code == p.code || unit->code == p.code) {
                row.covered_km2 += unit->area_km2;
                if (!full) row.covered_partial_km2 += unit->area_km2;
            }
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

}  // namespace atlas
