#include "analysis/compare.hpp"

#include <algorithm>
#include <set>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"

namespace atlas {

std::vector<std::string> designated_industries(const PlanRegion& region) {
    std::vector<std::string> out;
    if (region.designation.type != DesignationType::Explicit) return out;
    for (const IndustryDesignation& d : region.designation.industries)
        if (std::find(out.begin(), out.end(), d.industry) == out.end()) out.push_back(d.industry);
    return out;
}

std::vector<std::string> counted_industries(const Plan& plan, const PlanRegion& region) {
    std::vector<std::string> out;
    for (const Industry& ind : plan.industries)
        if (plan.designates(region, ind.id)) out.push_back(ind.id);
    return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
    if (sa.empty() && sb.empty()) return 1.0;
    std::size_t both = 0;
    for (const auto& x : sa) both += sb.count(x);
    return static_cast<double>(both) / static_cast<double>(sa.size() + sb.size() - both);
}

bool jaccard_defined(const Comparison& c, std::size_t a, std::size_t b) {
    return !designated_industries(*c.shapes[a]->region).empty() && !designated_industries(*c.shapes[b]->region).empty();
}

namespace {

/// The area both shapes cover, on the ellipsoid as their own areas are: summing the member units
/// they share counted a partial member whole (Chengdu-Chongqing overlapped itself by 27% more than
/// its area) and left out the gaps their unions fill.
double shared_area(const GeosContext& ctx, const RegionShape& a, const RegionShape& b) {
    if (&a == &b || a.region == b.region) return a.area_km2;
    double area = overlap_area_km2(ctx, a.geometry, b.geometry);
    return std::min({area, a.area_km2, b.area_km2});  // never more than either (rounding of the overlay)
}

}  // namespace

Comparison compare_regions(const Plan& plan, const std::vector<const RegionShape*>& shapes) {
    if (shapes.size() < 2 || shapes.size() > 4)
        throw AtlasError(ErrorKind::Usage, "compare takes 2 to 4 regions, not " + std::to_string(shapes.size()));
    Comparison c;
    c.shapes = shapes;
    // Compare counted the industries each region names, so Shandong's next_gen_it and
    // Harbin-Changchun's electronic_components (2(4), under it) were "unique" to each, while
    // coverage and list industries counted both regions for next_gen_it (helper-53).
    std::vector<std::vector<std::string>> sets, named;
    for (const RegionShape* s : shapes) {
        sets.push_back(counted_industries(plan, *s->region));
        named.push_back(designated_industries(*s->region));
    }
    for (const Industry& ind : plan.industries) {
        std::vector<bool> row;
        std::vector<std::vector<std::string>> via;
        for (std::size_t r = 0; r < sets.size(); ++r) {
            row.push_back(std::count(sets[r].begin(), sets[r].end(), ind.id) > 0);
            std::vector<std::string>& below = via.emplace_back();
            if (!row.back() || std::count(named[r].begin(), named[r].end(), ind.id) > 0) continue;
            for (const std::string& id : plan.industry_with_descendants(ind.id))
                if (id != ind.id && std::count(named[r].begin(), named[r].end(), id) > 0) below.push_back(id);
        }
        if (std::none_of(row.begin(), row.end(), [](bool b) { return b; })) continue;
        c.industries.push_back(ind.id);
        if (std::all_of(row.begin(), row.end(), [](bool b) { return b; })) c.shared.push_back(ind.id);
        c.designated.push_back(row);
        c.through.push_back(via);
    }
    std::size_t n = shapes.size();
    c.unique.resize(n);
    for (std::size_t i = 0; i < c.industries.size(); ++i)
        if (std::count(c.designated[i].begin(), c.designated[i].end(), true) == 1)
            for (std::size_t r = 0; r < n; ++r)
                if (c.designated[i][r]) c.unique[r].push_back(c.industries[i]);
    c.jaccard.assign(n, std::vector<double>(n));
    c.overlap_km2.assign(n, std::vector<double>(n));
    GeosContext ctx;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) {
            c.jaccard[a][b] = jaccard(sets[a], sets[b]);
            c.overlap_km2[a][b] = b < a ? c.overlap_km2[b][a] : shared_area(ctx, *shapes[a], *shapes[b]);
        }
    return c;
}

}  // namespace atlas
