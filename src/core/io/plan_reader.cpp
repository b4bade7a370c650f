#include "io/plan_reader.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "error.hpp"
#include "io/input_file.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/json_text.hpp"

namespace atlas {

using nlohmann::json;

namespace {

std::string text(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::vector<std::string> strings(const json& j, const char* key) {
    return j.contains(key) && j[key].is_array() ? j[key].get<std::vector<std::string>>() : std::vector<std::string>{};
}

/// A year (1900..2100), range-checked as a double before it becomes an int.
int year_of(const json& j, int fallback) {
    auto it = j.find("year");
    if (it == j.end()) return fallback;
    double year = it->is_number() ? it->get<double>() : -1;
    if (!(year >= 1900 && year <= 2100) || year != static_cast<int>(year))
        throw AtlasError(ErrorKind::Input, "'year' must be a whole year 1900 to 2100, not " + it->dump().substr(0, 40));
    return static_cast<int>(year);
}

Target read_target(const json& j) {
    Target t;
    t.year = year_of(j, 2020);
    t.metric = text(j, "metric");
    t.value = j.at("value").get<double>();
    if (j.contains("value_max") && j["value_max"].is_number()) t.value_max = j["value_max"].get<double>();
    t.unit = text(j, "unit");
    t.qualifier = text(j, "qualifier");
    t.quote = j.at("quote").get<std::string>();
    t.note = text(j, "note");
    return t;
}

std::vector<Target> read_targets(const json& j) {
    std::vector<Target> out;
    if (j.contains("targets"))
        for (const json& t : j["targets"]) out.push_back(read_target(t));
    return out;
}

Industry read_industry(const json& j) {
    Industry ind;
    ind.id = j.at("id").get<std::string>();
    ind.name_en = j.at("name_en").get<std::string>();
    ind.name_zh = text(j, "name_zh");
    ind.section = j.at("section").get<std::string>();
    ind.parent = j.contains("parent") && j["parent"].is_string() ? j["parent"].get<std::string>() : "";
    ind.cross_cutting = j.value("cross_cutting", false);
    ind.quote = j.at("quote").get<std::string>();
    ind.note = text(j, "note");
    ind.targets = read_targets(j);
    return ind;
}

DesignationType designation_type(const std::string& s) {
    if (s == "explicit") return DesignationType::Explicit;
    if (s == "general") return DesignationType::General;
    if (s == "context") return DesignationType::Context;
    throw json::other_error::create(501, "unknown designation type " + quote_value(s, 40) + "", nullptr);
}

Designation read_designation(const json& j) {
    Designation d;
    d.type = designation_type(j.at("type").get<std::string>());
    for (const json& i : j.value("industries", json::array()))
        d.industries.push_back({i.at("industry").get<std::string>(), text(i, "plan_term")});
    d.quote = j.at("quote").get<std::string>();
    d.note = text(j, "note");
    return d;
}

Extent read_extent(const json& j) {
    Extent e;
    e.source_plan = text(j, "source_plan");
    if (j.contains("year") && !j["year"].is_null()) e.year = year_of(j, 0);  // null: no year known
    std::string confidence = j.at("confidence").get<std::string>();
    if (confidence != "confirmed" && confidence != "provisional")
        throw json::other_error::create(
            501, "confidence must be confirmed or provisional, not " + quote_value(confidence, 40) + "", nullptr);
    e.provisional = confidence == "provisional";
    e.caveat = text(j, "caveat");
    e.verification = text(j, "verification");
    e.note = text(j, "note");
    e.after_plan = j.contains("after_plan") && j["after_plan"].is_boolean() && j["after_plan"].get<bool>();
    for (const json& s : j.value("sources", json::array())) e.sources.push_back({text(s, "url"), text(s, "title")});
    if (j.contains("published_area")) {
        const json& a = j["published_area"];
        e.published_area = PublishedArea{a.at("km2").get<double>(), text(a, "text"), strings(a, "sources")};
    }
    return e;
}

std::optional<CountyScope> read_county_scope(const json& m) {
    if (!m.contains("counties")) return std::nullopt;
    const json& c = m["counties"];
    CountyScope scope{strings(c, "included"), strings(c, "partly_included"),
                      strings(c, "excluded"), text(c, "confidence"),
                      text(c, "note"),        {}};
    for (const json& s : c.value("sources", json::array())) scope.sources.push_back({text(s, "url"), text(s, "quote")});
    return scope;
}

PlanRegion read_region(const json& j) {
    PlanRegion r;
    r.id = j.at("id").get<std::string>();
    r.name_en = j.at("name_en").get<std::string>();
    r.name_zh = j.at("name_zh").get<std::string>();
    r.aliases = strings(j, "aliases");
    r.kind = j.at("kind").get<std::string>();
    r.tier = text(j, "tier");
    r.plan_section = j.at("plan_section").get<std::string>();
    r.quote = j.at("quote").get<std::string>();
    for (const json& h : j.value("hubs", json::array()))
        r.hubs.push_back({text(h, "name_en"), text(h, "name_zh"), h.at("code").get<std::string>()});
    r.designation = read_designation(j.at("designation"));
    for (const json& m : j.at("members"))
        r.members.push_back({m.at("code").get<std::string>(), text(m, "name_zh"), text(m, "name_en"), text(m, "note"),
                             m.value("partial", false), read_county_scope(m)});
    r.extent = read_extent(j.at("extent"));
    r.group_of = strings(j, "group_of");
    return r;
}

PlanInfo read_info(const json& j) {
    return {text(j, "title_en"), text(j, "title_zh"), text(j, "issuer_en"),       text(j, "document_number"),
            text(j, "date"),     text(j, "period"),   text(j, "source_original"), text(j, "translation_credit"),
            text(j, "text_file")};
}

/// nlohmann's text in a reader's words: "[json.exception.out_of_range.403] key 'plan' not found"
/// becomes "no 'plan' key"; the library's bracketed prefix never reaches the user.
std::string json_reason(const json::exception& e) {
    std::string m = e.what();
    if (m.rfind("[json.exception.", 0) == 0 && m.find("] ") != std::string::npos) m.erase(0, m.find("] ") + 2);
    std::size_t a = m.find('\''), b = m.rfind('\'');
    if (e.id == 403 && a != std::string::npos && b > a) return "no " + m.substr(a, b - a + 1) + " key";
    if (e.id == 406) return "a number out of range";
    // "cannot use at() with null": an object was expected where the file has something else.
    if (e.id == 304 && m.rfind("cannot use at() with ", 0) == 0)
        return "a value that should be an object is " + m.substr(std::string("cannot use at() with ").size());
    if (e.id >= 302 && e.id <= 306) return "a value has the wrong type (" + m + ")";
    return m;
}

/// The id of a list item for messages, whatever the item is.
std::string id_of(const json& item) {
    if (!item.is_object()) return "?";
    auto id = item.find("id");
    return id != item.end() && id->is_string() ? id->get<std::string>() : "?";
}

template <typename F>
void each(const json& doc, const char* key, const std::string& path, F&& read) {
    auto found = doc.find(key);
    if (found == doc.end()) fail_input(path + ": no " + quote_value(key, 40) + " list");
    if (!found->is_array()) fail_input(path + ": " + quote_value(key, 40) + " is not a list");
    const json& items = *found;
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            read(items[i]);
        } catch (const json::exception& e) {
            fail_input(path + ": " + key + "[" + std::to_string(i) + "] (" + id_of(items[i]) + "): " + json_reason(e));
        } catch (const AtlasError& e) {
            fail_input(path + ": " + key + "[" + std::to_string(i) + "] (" + id_of(items[i]) + "): " + e.message());
        }
    }
}

}  // namespace

Plan read_plan(const std::string& path) { return parse_plan(read_input_file(path, "plan file", kMaxPlanBytes), path); }

Plan parse_plan(const std::string& content, const std::string& path) {
    // A plan is 6 levels deep; 100,000 levels crashed the parse (a stack overflow, no message).
    check_json_text(content, path, "plan file", 32);
    json doc;
    try {
        doc = json::parse(content);
    } catch (const json::parse_error& e) {
        fail_input(path + ": not a plan file (" + json_error_words(content, e.byte) + ")");
    } catch (const json::exception& e) {  // a number beyond a double (1e999999)
        fail_input(path + ": not a usable plan file (" + json_reason(e) + ")");
    }
    if (!doc.is_object()) fail_input(path + ": not a plan file (the top level is not an object)");
    if (!doc.contains("plan") || !doc["plan"].is_object())
        fail_input(path + ": not a plan file (no 'plan' object; the bundled geodata/plan.json shows the form)");
    if (!doc.contains("schema_version") || doc["schema_version"] != 1)
        fail_input(path + ": plan schema_version " +
                   (doc.contains("schema_version") ? quote_value(doc["schema_version"].dump(), 20) : "missing") +
                   "; this version of ClusterAtlas reads 1");
    Plan plan;
    try {
        plan.info = read_info(doc.at("plan"));
        for (const json& t : doc.value("plan_targets", json::array())) plan.plan_targets.push_back(read_target(t));
    } catch (const json::exception& e) {
        fail_input(path + ": plan_targets: " + json_reason(e));
    } catch (const AtlasError& e) {
        fail_input(path + ": plan_targets: " + e.message());
    }
    each(doc, "industries", path, [&](const json& j) { plan.industries.push_back(read_industry(j)); });
    each(doc, "regions", path, [&](const json& j) { plan.regions.push_back(read_region(j)); });
    if (doc.contains("macro_areas"))
        each(doc, "macro_areas", path, [&](const json& j) {
            plan.macro_areas.push_back({j.at("id").get<std::string>(), text(j, "name_en"), text(j, "name_zh"),
                                        text(j, "source"), strings(j, "provinces")});
        });
    if (doc.contains("macro_designations"))
        each(doc, "macro_designations", path, [&](const json& j) {
            plan.macro_designations.push_back({j.at("id").get<std::string>(), j.at("industry").get<std::string>(),
                                               text(j, "plan_term"), text(j, "section"),
                                               j.at("quote").get<std::string>(), strings(j, "areas")});
        });
    return plan;
}

namespace {

class Problems {
  public:
    void add(const std::string& p) { list_.push_back(p); }
    void add_all(const Problems& other) { list_.insert(list_.end(), other.list_.begin(), other.list_.end()); }
    void raise(const std::string& path) const {
        if (list_.empty()) return;
        // One line: the first few problems, then how many more (a wrong layer makes hundreds).
        fail_input(path + ": " + std::to_string(list_.size()) + (list_.size() == 1 ? " problem: " : " problems: ") +
                   join_first(list_, "; ", 8, [](std::size_t n) { return "; and " + std::to_string(n) + " more"; }));
    }
    /// For codes the boundaries lack: "lacks 285 units the plan names ('110000' Beijing, ...)"
    void raise_missing(const std::string& boundaries) const {
        if (list_.empty()) return;
        fail_input(boundaries + ": lacks " + std::to_string(list_.size()) + (list_.size() == 1 ? " unit" : " units") +
                   " the plan names (" +
                   join_first(list_, "; ", 5, [](std::size_t n) { return "; and " + std::to_string(n) + " more"; }) +
                   "); every region is drawn from its members: give boundaries of all of China");
    }

  private:
    std::vector<std::string> list_;
};

void check_industries(const Plan& plan, Problems& problems) {
    std::set<std::string> ids;
    for (const Industry& ind : plan.industries)
        if (!ids.insert(ind.id).second) problems.add("duplicate industry id " + quote_value(ind.id, 40));
    for (const Industry& ind : plan.industries)
        if (!ind.parent.empty() && ids.count(ind.parent) == 0)
            problems.add("industry " + quote_value(ind.id, 40) + " has unknown parent " + quote_value(ind.parent, 40) +
                         "");
}

bool known_code(const std::string& code, const RegionLayer& provinces, const RegionLayer& prefectures) {
    return prefectures.find(code) != nullptr || provinces.find(code) != nullptr;
}

/// A code the layers lack, in the plan's terms ("region 'jingjinji': unknown member code '110000'
/// (Beijing)") and in the boundaries' ("'110000' Beijing, a member of 'jingjinji'").
struct MissingCodes {
    Problems as_plan, as_boundaries;
    void add(const std::string& region, const char* role, const std::string& code, const std::string& name) {
        as_plan.add("region " + quote_value(region, 40) + ": unknown " + role + " code " + quote_value(code, 40) +
                    " (" + name + ")");
        as_boundaries.add(quote_value(code, 40) + " " + name + ", a " + role + " of " + quote_value(region, 40));
    }
};

void check_region(const Plan& plan, const PlanRegion& r, const RegionLayer& provinces, const RegionLayer& prefectures,
                  Problems& problems, MissingCodes& missing) {
    if (r.members.empty()) problems.add("region " + quote_value(r.id, 40) + " has no members");
    for (const Member& m : r.members)
        if (!known_code(m.code, provinces, prefectures)) missing.add(r.id, "member", m.code, m.name_en);
    for (const Hub& h : r.hubs)
        if (!known_code(h.code, provinces, prefectures)) missing.add(r.id, "hub", h.code, h.name_en);
    for (const IndustryDesignation& d : r.designation.industries)
        if (plan.industry(d.industry) == nullptr)
            problems.add("region " + quote_value(r.id, 40) + ": unknown industry id " + quote_value(d.industry, 40) +
                         "");
    for (const std::string& g : r.group_of)
        if (plan.region(g) == nullptr)
            problems.add("region " + quote_value(r.id, 40) + ": groups unknown region " + quote_value(g, 40) + "");
}

void check_macro(const Plan& plan, const RegionLayer& provinces, Problems& problems, MissingCodes& missing) {
    for (const MacroArea& a : plan.macro_areas)
        for (const std::string& code : a.provinces)
            if (provinces.find(code) == nullptr) {
                missing.as_plan.add("macro area " + quote_value(a.id, 40) + ": unknown province code " +
                                    quote_value(code, 40));
                missing.as_boundaries.add("province " + quote_value(code, 40) + " of " + quote_value(a.id, 40));
            }
    for (const MacroDesignation& d : plan.macro_designations) {
        if (plan.industry(d.industry) == nullptr)
            problems.add("macro designation " + quote_value(d.id, 40) + ": unknown industry id " +
                         quote_value(d.industry, 40) + "");
        for (const std::string& a : d.areas)
            if (plan.macro_area(a) == nullptr)
                problems.add("macro designation " + quote_value(d.id, 40) + ": unknown area " + quote_value(a, 40) +
                             "");
    }
}

}  // namespace

void validate_plan(const Plan& plan, const RegionLayer& provinces, const RegionLayer& prefectures,
                   const std::string& path, const std::string& boundaries) {
    Problems problems;
    MissingCodes missing;
    check_industries(plan, problems);
    std::set<std::string> region_ids;
    for (const PlanRegion& r : plan.regions) {
        if (!region_ids.insert(r.id).second) problems.add("duplicate region id " + quote_value(r.id, 40) + "");
        check_region(plan, r, provinces, prefectures, problems, missing);
    }
    check_macro(plan, provinces, problems, missing);
    if (plan.regions.empty()) problems.add("no regions");
    if (boundaries.empty()) problems.add_all(missing.as_plan);  // the bundled boundaries: the plan is at fault
    problems.raise(path);
    missing.as_boundaries.raise_missing(boundaries);
}

}  // namespace atlas
