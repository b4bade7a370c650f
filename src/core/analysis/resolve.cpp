#include "analysis/resolve.hpp"

#include "error.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

namespace {

/// The id of a confident match: an exact id, or a top hit scoring at least 70 that beats the runner-up.
std::string resolve_id(const SearchIndex& index, EntityKind kind, const std::string& query, const char* what) {
    std::vector<SearchHit> hits = index.find(query, kind, 5);
    for (const SearchHit& h : hits)
        if (h.id == query) return h.id;
    bool confident = !hits.empty() && hits[0].score >= 70 && (hits.size() == 1 || hits[0].score > hits[1].score);
    if (confident) return hits[0].id;
    std::string message = std::string("unknown ") + what + " " + quote_value(query);
    if (!hits.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < hits.size() && i < 3; ++i)
            names.push_back(hits[i].name_en + " (" + hits[i].id + ")");
        message += "; did you mean: " + join(names, ", ") + "?";
    }
    throw AtlasError(ErrorKind::NotFound, message);
}

}  // namespace

const PlanRegion& resolve_region(const Plan& plan, const SearchIndex& index, const std::string& query) {
    if (const PlanRegion* r = plan.region(query)) return *r;
    return *plan.region(resolve_id(index, EntityKind::Region, query, "region"));
}

const Industry& resolve_industry(const Plan& plan, const SearchIndex& index, const std::string& query) {
    if (const Industry* i = plan.industry(query)) return *i;
    return *plan.industry(resolve_id(index, EntityKind::Industry, query, "industry"));
}

}  // namespace atlas
