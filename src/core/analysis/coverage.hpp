#pragma once
/// Which region is designated for what: the regions x industries matrix, its transpose per
/// industry, and per province the share of area inside designated regions.

#include <string>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

enum class Coverage {
    None,      ///< not designated for this industry
    General,   ///< designated for strategic emerging industries in general, no industry named
    Explicit,  ///< the plan names this industry (or one below it) for the region
};

const char* to_string(Coverage c);

/// The cell for one region and industry.
Coverage coverage_of(const Plan& plan, const PlanRegion& region, const std::string& industry_id);

struct CoverageMatrix {
    std::vector<const PlanRegion*> regions;    ///< rows, plan order
    std::vector<const Industry*> industries;   ///< columns, plan order
    std::vector<std::vector<Coverage>> cells;  ///< [row][column]
};

/// All regions x the given industries (every industry of the plan when `industry_ids` is empty).
CoverageMatrix coverage_matrix(const Plan& plan, const std::vector<std::string>& industry_ids = {});

/// Regions the plan designates explicitly for the industry (or one below it), in plan order.
std::vector<const PlanRegion*> regions_designated_for(const Plan& plan, const std::string& industry_id);

struct ProvinceCoverage {
    const Region* province = nullptr;
    double covered_km2 = 0;  ///< area of its units inside any counted region, km²
    double covered_partial_km2 =
        0;  ///< part of covered_km2 drawn whole though only partly in (no source says which part)
    std::vector<const PlanRegion*> regions;          ///< counted regions touching the province
    std::vector<const PlanRegion*> context_regions;  ///< economic belts and wider areas touching it
    std::vector<std::string> industries;             ///< industries explicitly designated in those regions
    std::vector<std::string> macro_industries;       ///< industries tied to it by a macro designation

    double share() const { return province->area_km2 > 0 ? covered_km2 / province->area_km2 : 0; }
};

/// The ids of a province's regions (counted and context) whose extent is provisional: a share that
/// rests on them rests on a weaker source (Fujian's 1.0 on the West Side of the Taiwan Strait).
std::vector<std::string> provisional_ids(const ProvinceCoverage& coverage);

/// One row per province. Counted regions are those with an explicit or general designation, or, when
/// `industry_id` is given, those designated explicitly for that industry. With a county layer, a
/// partial member whose counties a source lists covers the area of those counties; every other
/// partial member counts in full (covered_partial_km2 says how much that adds). Without one, every
/// partial member counts in full.
std::vector<ProvinceCoverage> province_coverage(const Plan& plan, const std::vector<const RegionShape*>& shapes,
                                                const RegionLayer& provinces, const std::string& industry_id = "",
                                                const RegionLayer* counties = nullptr);

}  // namespace atlas
