#pragma once
/// Turns what a user typed into a region or industry: an id, a name in Chinese or English, an alias,
/// or a near miss. Unknown names fail with "did you mean" suggestions.

#include <string>

#include "analysis/search.hpp"
#include "model/plan.hpp"

namespace atlas {

/// Throws AtlasError(NotFound) "unknown region 'X'; did you mean: A, B, C?" when nothing matches well.
const PlanRegion& resolve_region(const Plan& plan, const SearchIndex& index, const std::string& query);

/// Same for industries.
const Industry& resolve_industry(const Plan& plan, const SearchIndex& index, const std::string& query);

}  // namespace atlas
