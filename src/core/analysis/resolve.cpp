#include "analysis/resolve.hpp"

#include <algorithm>

#include "error.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

namespace {

/// The id of a confident match: an exact id, or a top hit scoring at least 70 that beats the runner-up.
/// A match by less than a name or alias (a prefix, some words) is said in `note`: "biomedical" is
/// Biomedical engineering, not Biomedicine, and the user reads which it was.
std::string resolve_id(const SearchIndex& index, EntityKind kind, const std::string& query, const char* what,
                       std::string* note) {
    std::vector<SearchHit> hits = index.find(query, kind, 5);
    for (const SearchHit& h : hits)
        if (h.id == query) return h.id;
    if (too_vague_to_guess(query))  // only a whole name or alias: "Wu" is not read as Wuhan, "China" as a region
        hits.erase(std::remove_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.score < 95; }),
                   hits.end());
    bool confident = !hits.empty() && hits[0].score >= 70 && (hits.size() == 1 || hits[0].score > hits[1].score);
    if (confident && hits[0].score < 95 && note != nullptr)
        *note = quote_value(query) + " read as " + what + " " + quote_value(hits[0].id) + " (" +
                escape_controls(hits[0].name_en) + "): give the id to be sure";
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

bool ends_with_zh(const std::string& s, const std::string& suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// "510117 郫都区 Pidu District (成都)", "320500 苏州 Suzhou (Jiangsu)": a unit named alone.
std::string unit_words(const SearchHit& h) {
    bool parent_said = h.parent_zh.empty() || h.name_en.find('(') != std::string::npos;
    return h.id + " " + h.name_zh + " " + h.name_en + (parent_said ? "" : " (" + h.parent_zh + ")");
}

/// "130105 新华区 (石家庄)": a unit as a list of units of one name gives it.
std::string code_and_name(const SearchHit& h) {
    return h.id + " " + h.name_zh + (h.parent_zh.empty() ? "" : " (" + h.parent_zh + ")");
}

/// Whether a unit is of the level its name's suffix says: 吉林省 the province, 吉林市 the city (a
/// prefecture-level or county-level city, or a municipality), 郫都区 a county-level unit.
bool fits_level(const SearchHit& h, LevelHint hint) {
    switch (hint) {
        case LevelHint::Province:
            return h.kind == EntityKind::Province;
        case LevelHint::CityOrMunicipality:
            return h.kind == EntityKind::Prefecture ||
                   (h.kind == EntityKind::County && ends_with_zh(h.name_zh, "市")) ||
                   (h.kind == EntityKind::Province &&
                    (h.id == "110000" || h.id == "120000" || h.id == "310000" || h.id == "500000"));
        case LevelHint::Prefecture:
            return h.kind == EntityKind::Prefecture;
        case LevelHint::County:
            return h.kind == EntityKind::County;
        case LevelHint::None:
            break;
    }
    return true;
}

}  // namespace

std::optional<SearchHit> resolve_unit(const SearchIndex& index, const std::string& query) {
    std::vector<SearchHit> hits;
    for (const SearchHit& h : index.find(query, 20))
        if (h.kind == EntityKind::Province || h.kind == EntityKind::Prefecture || h.kind == EntityKind::County)
            hits.push_back(h);
    // A suffix that says the level keeps the other levels out, where a unit of that level is found.
    LevelHint hint = level_hint(query);
    auto keep_only = [&hits](auto&& fits) {
        if (std::any_of(hits.begin(), hits.end(), fits))
            hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const SearchHit& h) { return !fits(h); }),
                       hits.end());
    };
    keep_only([&](const SearchHit& h) { return fits_level(h, hint); });
    // "Chaoyang District" is the two 朝阳区, not 朝阳县 as well.
    if (std::string kind = county_kind_suffix(query); hint == LevelHint::County && !kind.empty())
        keep_only([&](const SearchHit& h) { return ends_with_zh(h.name_zh, kind); });
    for (const SearchHit& h : hits)
        if (h.id == query) return h;
    // A code is a code: 510199 is no unit, not the nearest code by spelling. A county's code from
    // before 2016 (an alias, 95) still finds it.
    bool digits =
        !query.empty() && std::all_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        for (const SearchHit& h : hits)
            if (h.score >= 95) return h;
        return std::nullopt;
    }
    // "Suzhou" is 苏州 and 宿州 ("Suzhou (Jiangsu)", by prefix) before it is 肃州区: a county named
    // exactly does not win over prefecture-level units the query begins.
    std::vector<std::string> higher;
    for (const SearchHit& h : hits)
        if (h.kind != EntityKind::County && h.score >= 80) higher.push_back(code_and_name(h));
    bool county_first = !hits.empty() && hits[0].kind == EntityKind::County && hits[0].score >= 95;
    if (county_first && !higher.empty() && std::none_of(hits.begin(), hits.end(), [&](const SearchHit& h) {
            return h.kind != EntityKind::County && h.score >= hits[0].score;
        })) {
        higher.push_back(code_and_name(hits[0]));
        throw AtlasError(ErrorKind::NotFound, quote_value(query) + " names " + std::to_string(higher.size()) +
                                                  " units (" + join(higher, ", ") + "): give the code");
    }
    // Near misses are for regions, with suggestions: a unit needs its own name or an alias ("开县" is
    // not 开封 by its first character, "Pixian" not Jixian by a letter).
    hits.erase(std::remove_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.score < 95; }), hits.end());
    std::vector<std::string> same_name;  // 岳阳县 the county, not 岳阳 the city; 新华区 is three districts
    for (const SearchHit& h : hits)
        if (h.name_zh == query) same_name.push_back(code_and_name(h));
    if (same_name.size() > 1)
        throw AtlasError(ErrorKind::NotFound, quote_value(query) + " names " + std::to_string(same_name.size()) +
                                                  " units (" + join(same_name, ", ") + "): give the code");
    for (const SearchHit& h : hits)
        if (h.name_zh == query) return h;
    if (hits.empty() || hits[0].score < 70) return std::nullopt;
    // On a tie the higher level wins when it is alone there: Xi'an the city over two 西安区 districts.
    auto rank = [](const SearchHit& h) { return h.kind == EntityKind::County ? 0 : 1; };
    std::size_t tied = 0, top_rank = 0;
    for (const SearchHit& h : hits)
        if (h.score == hits[0].score) ++tied, top_rank += static_cast<std::size_t>(rank(h));
    if (tied == 1) return hits[0];
    if (top_rank == 1)
        for (const SearchHit& h : hits)
            if (h.score == hits[0].score && rank(h) == 1) return h;
    // Several units of one name (碑林区 and 北林区 are both Beilin District; Fuzhou is 福州 and 抚州).
    std::vector<std::string> tied_units;
    for (const SearchHit& h : hits)
        if (h.score == hits[0].score) tied_units.push_back(code_and_name(h));
    throw AtlasError(ErrorKind::NotFound, quote_value(query) + " names " + std::to_string(tied_units.size()) +
                                              " units (" + join(tied_units, ", ") + "): give the code");
}

const PlanRegion& resolve_region(const Plan& plan, const SearchIndex& index, const std::string& query,
                                 std::string* note) {
    if (const PlanRegion* r = plan.region(query)) return *r;
    try {
        return *plan.region(resolve_id(index, EntityKind::Region, query, "region", note));
    } catch (const AtlasError& e) {
        if (e.kind() != ErrorKind::NotFound) throw;
        // `compare 苏州 长三角` said only "unknown region '苏州'": the user named a unit, which show
        // answers with the regions holding it.
        std::optional<SearchHit> unit;
        try {
            unit = resolve_unit(index, query);
        } catch (const AtlasError&) {  // several units of that name: the region's message stands
        }
        if (!unit || unit->kind == EntityKind::Place) throw;
        throw AtlasError(ErrorKind::NotFound, "unknown region " + quote_value(query) + ": it is a " +
                                                  to_string(unit->kind) + ", " + unit_words(*unit) +
                                                  ", not a region of the plan; show " + unit->id +
                                                  " names the regions that hold it");
    }
}

const Industry& resolve_industry(const Plan& plan, const SearchIndex& index, const std::string& query,
                                 std::string* note) {
    if (const Industry* i = plan.industry(query)) return *i;
    return *plan.industry(resolve_id(index, EntityKind::Industry, query, "industry", note));
}

}  // namespace atlas
