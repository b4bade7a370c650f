#pragma once
/// Side-by-side comparison of 2 to 4 regions: designated industries, what they share and what is
/// unique to each, Jaccard similarity, areas and overlaps, provinces, hubs and members.

#include <string>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "model/plan.hpp"

namespace atlas {

struct Comparison {
    std::vector<const RegionShape*> shapes;
    /// Every industry any of them counts for, plan order: those named, and the sector above a named
    /// subsector ("a designation of a subsector counts for its sector", as coverage counts).
    std::vector<std::string> industries;
    std::vector<std::vector<bool>> designated;  ///< [industry][region]: named, or through a subsector
    /// [industry][region]: the subsectors through which a region counts for a sector it does not
    /// name itself (Harbin-Changchun for next_gen_it: electronic_components, software_it_services).
    std::vector<std::vector<std::vector<std::string>>> through;
    std::vector<std::string> shared;               ///< named for all of them
    std::vector<std::vector<std::string>> unique;  ///< [region]: named for that region only
    std::vector<std::vector<double>> jaccard;      ///< [region][region], over counted_industries
    std::vector<std::vector<double>>
        overlap_km2;  ///< [region][region]: km² both shapes cover (a region's own: its area)
};

/// The industry ids the plan names for a region (empty unless its designation is explicit).
std::vector<std::string> designated_industries(const PlanRegion& region);

/// The industry ids a region counts for, plan order: designated_industries and every sector above
/// one of them (Plan::designates).
std::vector<std::string> counted_industries(const Plan& plan, const PlanRegion& region);

/// Jaccard similarity of two id sets; two empty sets count as identical (1).
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// Whether the Jaccard similarity of regions `a` and `b` (indices into c.shapes) means anything: both
/// name industries. A general designation ("strategic emerging industries in general") names none, so
/// its 0 with an explicit region would read as nothing in common, and its 1 with another general one
/// as identical: "n/a" for both.
bool jaccard_defined(const Comparison& c, std::size_t a, std::size_t b);

/// Overlaps are GEOS intersections of the shapes' geometry, areas on the WGS84 ellipsoid.
/// Throws AtlasError(Usage) unless 2 to 4 shapes are given.
Comparison compare_regions(const Plan& plan, const std::vector<const RegionShape*>& shapes);

}  // namespace atlas
