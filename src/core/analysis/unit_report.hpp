#pragma once
/// What the plan says about one administrative unit (a province or a prefecture-level unit): every
/// designated region, wider area and group that contains it, how (a full member, a partial member
/// whose counties only partly belong, a member through its whole province, or, for a province,
/// some of its prefecture-level units), the hubs the plan names inside it, and the industries named
/// for the regions that contain it. This is what the viewer's inspector shows for a selection, however
/// it was made (click, search, table, matrix). Data source: the plan (section 8) and the members of
/// each region from ../shared/reference/agglomerations.json as bundled in plan.json.

#include <string>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

/// How a unit belongs to one region.
struct UnitMembership {
    const PlanRegion* region = nullptr;
    bool partial = false;          ///< a partial member: the defining plan includes only some of its counties
    bool via_province = false;     ///< a prefecture-level unit inside a province that is a member as a whole
    int units_inside = 0;          ///< for a province: its prefecture-level units in the region
    int units_total = 0;           ///< for a province: all its prefecture-level units
    std::vector<const Hub*> hubs;  ///< the region's hubs whose seat lies in this unit
    // For a county-level unit, whose prefecture-level unit is a member:
    bool excluded = false;               ///< the member's county list leaves it out: not in the region
    bool partly_in = false;              ///< the list puts only part of it in (which part no source says)
    bool county_unknown = false;         ///< no source lists the member's counties: drawn whole, may not be in
    const CountyScope* scope = nullptr;  ///< the list that decided, with its sources
};

struct UnitReport {
    const Region* unit = nullptr;
    bool is_province = false;
    bool is_county = false;
    std::vector<UnitMembership> regions;  ///< plan order; empty: no region of the plan contains it (a county's
                                          ///< also lists the regions whose county lists exclude it)
    std::vector<std::string>
        industries;  ///< ids of the industries named for the regions it is in, plan order, once each
};

/// The report for `unit`, which must belong to `provinces` or `prefectures`. `shapes` are the
/// regions' shapes in plan order (Document::shapes(); only membership fields are read). Never throws.
UnitReport report_unit(const Plan& plan, const std::vector<const RegionShape*>& shapes, const RegionLayer& provinces,
                       const RegionLayer& prefectures, const Region& unit);

/// The report for a county-level unit of `counties`: every region its prefecture-level unit belongs
/// to, and whether the member's county list (Member::counties) puts this county in, partly in or
/// out, or gives none. Never throws; a county whose prefecture is not in `prefectures` is in no region.
UnitReport report_county(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                         const RegionLayer& prefectures, const Region& county);

}  // namespace atlas
