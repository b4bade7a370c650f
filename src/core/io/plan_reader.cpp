#include "io/plan_reader.hpp"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "analysis/search.hpp"
#include "error.hpp"
#include "io/input_file.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/json_text.hpp"

namespace atlas {

using nlohmann::json;

namespace {

/// A value's kind in a message: "a list ([1,2])", "a number (5)", "true".
std::string kind_of(const json& v) {
    std::string dump = v.dump();  // JSON text: its control characters are escaped already
    if (dump.size() > 30) {
        std::size_t end = 30;
        while (end > 0 && (static_cast<unsigned char>(dump[end]) & 0xC0) == 0x80) --end;  // a whole character
        dump = dump.substr(0, end) + "...";
    }
    if (v.is_array()) return "a list (" + dump + ")";
    if (v.is_object()) return "an object (" + dump + ")";
    if (v.is_number()) return "a number (" + dump + ")";
    return v.dump();  // true, false, null
}

/// `j[key]` as text: "" when absent or null. Any other kind is refused naming the key ("'name_zh'
/// must be text, not a list ([1,2])"): it was read as "" and printed blank.
std::string text(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    if (!it->is_string()) fail_input(quote_value(key, 40) + " must be text, not " + kind_of(*it));
    return it->get<std::string>();
}

/// `j[key]` as text that must be there: "no 'id' key" when absent.
std::string required(const json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) fail_input("no " + quote_value(key, 40) + " key");
    return text(j, key);
}

/// `j[key]` as a list of text; absent or null is empty, anything else is refused naming the key.
std::vector<std::string> strings(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_array()) fail_input(quote_value(key, 40) + " must be a list of text, not " + kind_of(*it));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        if (!v.is_string())
            fail_input(quote_value(key, 40) + "[" + std::to_string(i) + "] must be text, not " + kind_of(v));
        out.push_back(v.get<std::string>());
    }
    return out;
}

/// `j[key]` as true or false (`fallback` when absent): "yes" or 1 is refused, not read as true.
bool flag(const json& j, const char* key, bool fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) fail_input(quote_value(key, 40) + " must be true or false, not " + kind_of(*it));
    return it->get<bool>();
}

/// `j[key]` as a finite number that must be there.
double number(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) fail_input("no " + quote_value(key, 40) + " key");
    if (!it->is_number()) fail_input(quote_value(key, 40) + " must be a number, not " + kind_of(*it));
    return it->get<double>();
}

/// The list under `key` (empty when absent), each item read by `read`; a fault names its place:
/// "members[3]: 'code' must be text, not a number (110000)".
template <typename F>
void each_item(const json& j, const char* key, F&& read) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) fail_input(quote_value(key, 40) + " must be a list, not " + kind_of(*it));
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        std::string where = std::string(key) + "[" + std::to_string(i) + "]";
        if (!item.is_object()) fail_input(where + " must be an object, not " + kind_of(item));
        try {
            read(item);
        } catch (const AtlasError& e) {
            fail_input(where + ": " + e.message());
        }
    }
}

/// The object under `key`, read by `read`; a fault inside names it ("extent: 'caveat' must be ...").
template <typename F>
auto inside(const json& j, const char* key, F&& read) {
    auto it = j.find(key);
    if (it == j.end()) fail_input("no " + quote_value(key, 40) + " key");
    if (!it->is_object()) fail_input(quote_value(key, 40) + " must be an object, not " + kind_of(*it));
    try {
        return read(*it);
    } catch (const AtlasError& e) {
        fail_input(std::string(key) + ": " + e.message());
    }
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
    t.value = number(j, "value");
    if (j.contains("value_max") && !j["value_max"].is_null()) t.value_max = number(j, "value_max");
    t.unit = text(j, "unit");
    t.qualifier = text(j, "qualifier");
    t.quote = required(j, "quote");
    t.note = text(j, "note");
    return t;
}

std::vector<Target> read_targets(const json& j) {
    std::vector<Target> out;
    each_item(j, "targets", [&](const json& t) { out.push_back(read_target(t)); });
    return out;
}

Industry read_industry(const json& j) {
    Industry ind;
    ind.id = required(j, "id");
    ind.name_en = required(j, "name_en");
    ind.name_zh = text(j, "name_zh");
    ind.section = required(j, "section");
    ind.parent = text(j, "parent");
    ind.cross_cutting = flag(j, "cross_cutting", false);
    ind.quote = required(j, "quote");
    ind.note = text(j, "note");
    ind.targets = read_targets(j);
    return ind;
}

DesignationType designation_type(const std::string& s) {
    if (s == "explicit") return DesignationType::Explicit;
    if (s == "general") return DesignationType::General;
    if (s == "context") return DesignationType::Context;
    fail_input("unknown designation type " + quote_value(s, 40) + " (explicit, general or context)");
}

Designation read_designation(const json& j) {
    Designation d;
    d.type = designation_type(required(j, "type"));
    each_item(j, "industries", [&](const json& i) {
        d.industries.push_back({required(i, "industry"), text(i, "plan_term")});
    });
    d.quote = required(j, "quote");
    d.note = text(j, "note");
    return d;
}

Extent read_extent(const json& j) {
    Extent e;
    e.source_plan = text(j, "source_plan");
    if (j.contains("year") && !j["year"].is_null()) e.year = year_of(j, 0);  // null: no year known
    std::string confidence = required(j, "confidence");
    if (confidence != "confirmed" && confidence != "provisional")
        fail_input("confidence must be confirmed or provisional, not " + quote_value(confidence, 40));
    e.provisional = confidence == "provisional";
    e.caveat = text(j, "caveat");
    e.verification = text(j, "verification");
    e.note = text(j, "note");
    e.after_plan = flag(j, "after_plan", false);
    each_item(j, "sources", [&](const json& s) { e.sources.push_back({text(s, "url"), text(s, "title")}); });
    if (j.contains("published_area") && !j["published_area"].is_null())
        e.published_area = inside(j, "published_area", [](const json& a) {
            return PublishedArea{number(a, "km2"), text(a, "text"), strings(a, "sources")};
        });
    return e;
}

std::optional<CountyScope> read_county_scope(const json& m) {
    if (!m.contains("counties") || m["counties"].is_null()) return std::nullopt;
    return inside(m, "counties", [](const json& c) {
        CountyScope scope{strings(c, "included"), strings(c, "partly_included"),
                          strings(c, "excluded"), text(c, "confidence"),
                          text(c, "note"),        {}};
        each_item(c, "sources", [&](const json& s) { scope.sources.push_back({text(s, "url"), text(s, "quote")}); });
        return scope;
    });
}

PlanRegion read_region(const json& j) {
    PlanRegion r;
    r.id = required(j, "id");
    r.name_en = required(j, "name_en");
    r.name_zh = required(j, "name_zh");
    r.aliases = strings(j, "aliases");
    r.kind = required(j, "kind");
    r.tier = text(j, "tier");
    r.plan_section = required(j, "plan_section");
    r.quote = required(j, "quote");
    each_item(j, "hubs", [&](const json& h) {
        r.hubs.push_back({text(h, "name_en"), text(h, "name_zh"), required(h, "code")});
    });
    r.designation = inside(j, "designation", read_designation);
    if (!j.contains("members")) fail_input("no 'members' key");
    each_item(j, "members", [&](const json& m) {
        r.members.push_back({required(m, "code"), text(m, "name_zh"), text(m, "name_en"), text(m, "note"),
                             flag(m, "partial", false), read_county_scope(m)});
    });
    r.extent = inside(j, "extent", read_extent);
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
            if (!items[i].is_object()) fail_input("must be an object, not " + kind_of(items[i]));
            read(items[i]);
        } catch (const json::exception& e) {
            fail_input(path + ": " + key + "[" + std::to_string(i) + "] (" + id_of(items[i]) + "): " + json_reason(e));
        } catch (const AtlasError& e) {
            fail_input(path + ": " + key + "[" + std::to_string(i) + "] (" + id_of(items[i]) + "): " + e.message());
        }
    }
}

/// An industry that is its own ancestor ("biotech" its own parent, or next_gen_it under big_data under
/// next_gen_it): every command that filtered by industry looped for ever, its memory growing.
void check_parent_cycles(const std::vector<Industry>& industries, const std::string& path) {
    std::map<std::string, std::string> parent;
    for (const Industry& ind : industries) parent.emplace(ind.id, ind.parent);
    for (const Industry& ind : industries) {
        std::vector<std::string> chain{ind.id};
        for (auto it = parent.find(ind.id); it != parent.end() && !it->second.empty() && chain.size() <= parent.size();
             it = parent.find(it->second)) {
            chain.push_back(it->second);
            if (it->second == ind.id)
                fail_input(
                    path + ": industry " + quote_value(ind.id, 40) + " is its own ancestor (" +
                    join_first(chain, " -> ", 6, [](std::size_t n) { return " -> " + std::to_string(n) + " more"; }) +
                    "): give each industry a parent above it, or none");
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
        plan.info = inside(doc, "plan", read_info);
        each_item(doc, "plan_targets", [&](const json& t) { plan.plan_targets.push_back(read_target(t)); });
    } catch (const json::exception& e) {
        fail_input(path + ": " + json_reason(e));
    } catch (const AtlasError& e) {
        fail_input(path + ": " + e.message());
    }
    each(doc, "industries", path, [&](const json& j) { plan.industries.push_back(read_industry(j)); });
    check_parent_cycles(plan.industries, path);
    each(doc, "regions", path, [&](const json& j) { plan.regions.push_back(read_region(j)); });
    if (doc.contains("macro_areas"))
        each(doc, "macro_areas", path, [&](const json& j) {
            plan.macro_areas.push_back({required(j, "id"), text(j, "name_en"), text(j, "name_zh"), text(j, "source"),
                                        strings(j, "provinces")});
        });
    if (doc.contains("macro_designations"))
        each(doc, "macro_designations", path, [&](const json& j) {
            plan.macro_designations.push_back({required(j, "id"), required(j, "industry"), text(j, "plan_term"),
                                               text(j, "section"), required(j, "quote"), strings(j, "areas")});
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

/// A member listed twice: one problem per region, however many (200,000 repeats made every command
/// that drew the region take minutes).
void check_repeated_members(const PlanRegion& r, Problems& problems) {
    std::set<std::string> seen, repeated;
    for (const Member& m : r.members)
        if (!seen.insert(m.code).second) repeated.insert(m.code);
    if (repeated.empty()) return;
    std::vector<std::string> codes;
    for (const std::string& code : repeated) codes.push_back(quote_value(code, 20));
    problems.add("region " + quote_value(r.id, 40) + " lists " +
                 (repeated.size() == 1 ? "member " : std::to_string(repeated.size()) + " members ") +
                 join_first(codes, ", ", 3, [](std::size_t n) { return " and " + std::to_string(n) + " more"; }) +
                 " more than once");
}

/// A prefecture-level member inside a province the region lists too (530100 with 530000): counted
/// twice ("2 members", "union of 16 prefecture-level units") without a word.
void check_nested_members(const PlanRegion& r, Problems& problems) {
    std::set<std::string> codes;
    for (const Member& m : r.members) codes.insert(m.code);
    std::vector<std::string> nested;
    for (const std::string& code : codes)
        if (code.size() == 6 && code.compare(2, 4, "0000") != 0 && codes.count(code.substr(0, 2) + "0000") > 0)
            nested.push_back(quote_value(code, 20) + " in " + quote_value(code.substr(0, 2) + "0000", 20));
    if (!nested.empty())
        problems.add("region " + quote_value(r.id, 40) + " lists a member inside another member (" +
                     join_first(nested, ", ", 3, [](std::size_t n) { return " and " + std::to_string(n) + " more"; }) +
                     "): list the province or its units, not both");
}

/// A name, alias or id that two regions answer to: `show NAME` could not tell which is meant.
void check_shared_names(const Plan& plan, Problems& problems) {
    std::map<std::string, std::string> owner;  // normalised name -> region id
    std::set<std::string> said;
    for (const PlanRegion& r : plan.regions) {
        std::vector<std::string> names = r.aliases;
        names.insert(names.end(), {r.id, r.name_en, r.name_zh});
        for (const std::string& name : names) {
            std::string key = normalize_name(name);
            if (key.empty()) continue;
            auto [it, fresh] = owner.emplace(key, r.id);
            if (!fresh && it->second != r.id && said.insert(key).second)
                problems.add("regions " + quote_value(it->second, 40) + " and " + quote_value(r.id, 40) +
                             " both answer to " + quote_value(name, 40));
        }
    }
}

void check_region(const Plan& plan, const PlanRegion& r, const RegionLayer& provinces, const RegionLayer& prefectures,
                  Problems& problems, MissingCodes& missing) {
    if (r.members.empty()) problems.add("region " + quote_value(r.id, 40) + " has no members");
    check_repeated_members(r, problems);
    check_nested_members(r, problems);
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
    check_shared_names(plan, problems);
    check_macro(plan, provinces, problems, missing);
    if (plan.regions.empty()) problems.add("no regions");
    if (boundaries.empty()) problems.add_all(missing.as_plan);  // the bundled boundaries: the plan is at fault
    problems.raise(path);
    missing.as_boundaries.raise_missing(boundaries);
}

}  // namespace atlas
