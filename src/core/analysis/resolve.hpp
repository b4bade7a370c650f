#pragma once
/// Turns what a user typed into a region or industry: an id, a name in Chinese or English, an alias,
/// or a near miss. Unknown names fail with "did you mean" suggestions.

#include <optional>
#include <string>

#include "analysis/search.hpp"
#include "model/plan.hpp"

namespace atlas {

/// Throws AtlasError(NotFound) "unknown region 'X'; did you mean: A, B, C?" when nothing matches well.
/// A match by less than an id, a name or an alias (a prefix, some of its words, a misspelling) sets
/// `note` (when given) to a line naming what the query was read as.
const PlanRegion& resolve_region(const Plan& plan, const SearchIndex& index, const std::string& query,
                                 std::string* note = nullptr);

/// Same for industries.
const Industry& resolve_industry(const Plan& plan, const SearchIndex& index, const std::string& query,
                                 std::string* note = nullptr);

/// The administrative unit (province, prefecture-level or county-level unit) a query confidently
/// names: its exact code (or a county's code from before 2016), its Chinese name, or a name or alias
/// matching exactly (score 95 or more) that beats the runner-up (or, tied, the only province or
/// prefecture-level unit among counties). Never a near miss: empty otherwise. Throws
/// AtlasError(NotFound) listing the codes when the Chinese name is several units' (新华区).
std::optional<SearchHit> resolve_unit(const SearchIndex& index, const std::string& query);

}  // namespace atlas
