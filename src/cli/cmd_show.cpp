// `clusteratlas show REGION|UNIT`: a region's members, hubs, industries, area, the plan's sentence and
// provenance; or, for a province, prefecture-level or county-level unit, the regions that contain it.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/resolve.hpp"
#include "analysis/unit_report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

std::string designation_text(const Plan& plan, const PlanRegion& r) {
    if (r.designation.type == DesignationType::General)
        return "general: strategic emerging industries in general; the plan names no industry for it";
    if (r.designation.type == DesignationType::Context)
        return "context: a wider area the plan mentions around the clusters, not itself a designated cluster";
    std::vector<std::string> items;
    for (const IndustryDesignation& d : r.designation.industries) {
        const Industry* ind = plan.industry(d.industry);
        items.push_back(ind->name_en + " [" + d.industry + ", " + ind->section + "] (plan: \"" + d.plan_term + "\")");
    }
    return "explicit: " + join(items);
}

std::string extent_text(const PlanRegion& r) {
    std::string text = r.extent.provisional ? "PROVISIONAL" : "confirmed";
    text += "; defined by " + r.extent.source_plan;
    if (r.extent.year) text += " (" + std::to_string(*r.extent.year) + ")";
    if (r.extent.after_plan) text += "; issued after the industry plan of November 2016";
    return text;
}

std::size_t scoped_members(const PlanRegion& r, const RegionLayer* counties) {
    std::size_t n = 0;
    for (const Member& m : r.members) n += county_scoped(m, counties) ? 1 : 0;
    return n;
}

std::string area_text(const PlanRegion& r, const RegionShape& s, const RegionLayer* counties) {
    std::string text =
        fixed(s.area_km2, 0) + " km2 (union of " + std::to_string(s.units.size()) + " prefecture-level units";
    if (std::size_t scoped = scoped_members(r, counties); scoped > 0)
        text += ", " + std::to_string(scoped) + " of them cut to the counties their plan lists";
    std::vector<std::string> whole;
    for (const Region* p : s.whole_provinces) whole.push_back(escape_controls(p->name_zh) + " " + p->code);
    if (!whole.empty())
        text += ", and " + std::string(whole.size() == 1 ? "the province " : "the provinces ") + join(whole) +
                " whole, as the prefecture layer holds no unit of " + (whole.size() == 1 ? "it" : "them");
    text += ", WGS84 ellipsoid)";
    // The members' own areas sum to less: the union fills slivers no unit of the source covers.
    if (s.gaps_km2 >= 0.5)
        text += "; of it " + fixed(s.gaps_km2, 0) +
                " km2 are slivers between members that no unit of the boundary source covers, filled by the union";
    if (s.partial_area_km2 > 0 && counties == nullptr)
        text += "; includes " + fixed(s.partial_area_km2, 0) +
                " km2 of partial members counted whole, as there is no county layer here (scripts/fetch-counties "
                "builds it), so it overstates the region";
    else if (s.partial_area_km2 > 0)
        text += "; includes " + fixed(s.partial_area_km2, 0) +
                " km2 counted whole though only part of it is in the region (no source says which part), so it "
                "overstates the region";
    if (r.extent.published_area) {
        const PublishedArea& p = *r.extent.published_area;
        text += "; published " + fixed(p.km2, 0) + " km2 (\"" + p.text + "\"), computed " +
                (s.area_km2 >= p.km2 ? "+" : "") + fixed(100 * (s.area_km2 - p.km2) / p.km2, 1) + "%";
    }
    return text;
}

std::string member_line(const Member& m, const RegionLayer* counties) {
    std::string line = "  " + m.code + "  " + m.name_zh + "  " + m.name_en + (m.partial ? "  (partial)" : "") +
                       (m.note.empty() ? "" : "  - " + m.note);
    if (!m.partial) return line;
    if (!m.counties)
        return line +
               "\n      counties: no sourced list (a list in the note above is unconfirmed); drawn whole, hatched";
    if (!county_scoped(m, counties)) return line + "\n      counties: listed, but no county layer here; drawn whole";
    const CountyScope& c = *m.counties;
    auto names = [&](const std::vector<std::string>& codes) {
        std::vector<std::string> out;
        for (const std::string& code : codes)
            out.push_back(escape_controls(counties->find(code)->name_zh) + " " + code);
        return join(out);
    };
    if (!c.included.empty()) line += "\n      counties in: " + names(c.included);
    if (!c.excluded.empty()) line += "\n      counties out: " + names(c.excluded);
    if (!c.partly_included.empty())
        line += "\n      partly in (which part unknown; drawn whole, hatched): " + names(c.partly_included);
    // The sources once per region, below its members, not under each: see region_sources.
    return line;
}

/// What `show` prints, held and written to stdout at the end of its scope with control characters
/// escaped (line breaks kept): a layer's name holding ESC [ 2 J cleared the terminal. A unit's names
/// are escaped where they are written, line breaks too (a name holding one split the heading).
class EscapedOut {
  public:
    EscapedOut() = default;
    EscapedOut(const EscapedOut&) = delete;
    EscapedOut& operator=(const EscapedOut&) = delete;
    ~EscapedOut() { std::cout << escape_controls_keep_lines(buffer_.str()); }
    std::ostream& stream() { return buffer_; }

  private:
    std::ostringstream buffer_;
};

void print_report(Context& ctx, const PlanRegion& r, const RegionShape& s) {
    EscapedOut escaped;  // names from the user's layers: their control characters escaped
    std::ostream& out = escaped.stream();
    out << r.name_en << " (" << r.name_zh << ")  [" << r.id << "]\n";
    out << "kind:         " << r.kind << (r.tier.empty() || r.tier == r.kind ? "" : ", " + r.tier) << '\n';
    out << "designation:  " << designation_text(ctx.plan(), r) << '\n';
    if (!r.designation.note.empty()) out << "              " << r.designation.note << '\n';
    out << "plan, " << r.plan_section << ":    \"" << r.designation.quote << "\"\n";
    if (r.quote != r.designation.quote) out << "              \"" << r.quote << "\"\n";
    std::vector<std::string> hubs;
    for (const Hub& h : r.hubs) hubs.push_back(h.name_en + " " + h.name_zh + " (" + h.code + ")");
    out << "hubs:         " << (hubs.empty() ? "none named in the plan" : join(hubs)) << '\n';
    out << "area:         " << area_text(r, s, ctx.doc().membership_counties()) << '\n';
    std::vector<std::string> provinces;
    for (const std::string& code : s.provinces)
        provinces.push_back(escape_controls(ctx.province_units().find(code)->name_en));
    out << "provinces:    " << join(provinces) << '\n';
    out << "extent:       " << extent_text(r) << '\n';
    if (!r.extent.caveat.empty()) out << "caveat:       " << r.extent.caveat << '\n';
    if (!r.extent.verification.empty()) out << "verification: " << r.extent.verification << '\n';
    if (!r.extent.note.empty()) out << "note:         " << r.extent.note << '\n';
    for (const SourceRef& src : r.extent.sources) out << "source:       " << src.title << " <" << src.url << ">\n";
    out << "members (" << r.members.size() << "):\n";
    for (const Member& m : r.members) out << member_line(m, ctx.doc().membership_counties()) << '\n';
    // The sentences the county lists come from, each once.
    std::vector<std::string> seen;
    for (const Member& m : r.members)
        if (m.counties)
            for (const SourceRef& src : m.counties->sources) {
                if (std::find(seen.begin(), seen.end(), src.url) != seen.end()) continue;
                seen.push_back(src.url);
                out << "county lists: \"" << src.title << "\" <" << src.url << ">\n";
            }
}

Table member_table(const PlanRegion& r) {
    Table t;
    for (const char* c : {"code", "name_zh", "name_en", "partial", "note"}) t.add_column(c);
    for (const Member& m : r.members)
        t.rows.push_back({m.code, m.name_zh, m.name_en, m.partial ? "yes" : "no", m.note});
    return t;
}

nlohmann::ordered_json member_json(const Member& m, const RegionLayer* counties) {
    nlohmann::ordered_json j{{"code", m.code}, {"name_en", m.name_en}, {"partial", m.partial}};
    if (!m.partial) return j;
    j["counties_listed"] = m.counties.has_value();
    j["county_precision"] = county_scoped(m, counties);
    if (m.counties)
        j["counties"] = {{"included", m.counties->included},
                         {"partly_included", m.counties->partly_included},
                         {"excluded", m.counties->excluded},
                         {"confidence", m.counties->confidence}};
    return j;
}

nlohmann::ordered_json region_json(const PlanRegion& r, const RegionShape& s, const RegionLayer* counties) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    j["name_en"] = r.name_en;
    j["name_zh"] = r.name_zh;
    j["kind"] = r.kind;
    j["designation"] = to_string(r.designation.type);
    j["industries"] = nlohmann::ordered_json::array();
    for (const IndustryDesignation& d : r.designation.industries)
        j["industries"].push_back({{"id", d.industry}, {"plan_term", d.plan_term}});
    j["plan_section"] = r.plan_section;
    j["quote"] = r.designation.quote;
    j["hubs"] = nlohmann::ordered_json::array();
    for (const Hub& h : r.hubs) j["hubs"].push_back({{"code", h.code}, {"name_en", h.name_en}, {"name_zh", h.name_zh}});
    j["area_km2"] = s.area_km2;
    j["gaps_km2"] = s.gaps_km2;
    j["partial_area_km2"] = s.partial_area_km2;
    if (!s.whole_provinces.empty()) {
        j["provinces_drawn_whole"] = nlohmann::ordered_json::array();
        for (const Region* p : s.whole_provinces) j["provinces_drawn_whole"].push_back(p->code);
    }
    j["county_precision"] = s.county_precision;
    if (r.extent.published_area)
        j["published_area"] = {{"km2", r.extent.published_area->km2},
                               {"text", r.extent.published_area->text},
                               {"sources", r.extent.published_area->sources}};
    j["provinces"] = s.provinces;
    j["members"] = nlohmann::ordered_json::array();
    for (const Member& m : r.members) j["members"].push_back(member_json(m, counties));
    j["extent"] = {{"confidence", r.extent.provisional ? "provisional" : "confirmed"},
                   {"source_plan", r.extent.source_plan},
                   {"caveat", r.extent.caveat},
                   {"verification", r.extent.verification},
                   {"note", r.extent.note},
                   {"after_plan", r.extent.after_plan}};
    return j;
}

/// One line of a unit report: how the unit belongs to a region (or why a county does not).
std::string membership_text(const UnitReport& report, const UnitMembership& m, const Region* prefecture) {
    std::string region = m.region->name_en + " (" + m.region->name_zh + ")";
    std::string through = prefecture != nullptr ? escape_controls(prefecture->name_zh) + " " + prefecture->code : "";
    if (m.excluded) return "not in " + region + ": the plan lists the counties of " + through + " without it";
    if (m.partly_in) return "partly in " + region + " (which part no source says; drawn whole, hatched)";
    if (m.county_unknown)
        return "maybe in " + region + ": " + through +
               " is a partial member whose counties no source lists (drawn whole, hatched)";
    std::string how = m.via_province       ? "member through its province"
                      : report.is_province ? std::to_string(m.units_inside) + " of its " +
                                                 std::to_string(m.units_total) + " prefecture-level units"
                      : m.partial && !report.is_county         ? "partial member (only some of its counties)"
                      : report.is_county && m.scope != nullptr ? "listed by the plan among " + through + "'s counties"
                                                               : "member";
    return "in " + region + ": " + how;
}

void print_places_of(std::ostream& out, Document& doc, const Region& unit, UnitLevel level) {
    for (const PlaceTie& tie : places_of_unit(doc.places(), unit, level))
        out << "place:        " << tie.relation << " " << place_summary(*tie.place) << '\n';
}

/// "; did you mean nd02 (Zhoushan Islands New Area)?" for a new district's id written without its
/// zero ("nd2": nothing was suggested, helper-54); empty for anything else.
std::string place_id_suggestion(Document& doc, const std::string& name) {
    if (name.size() != 3 || name.compare(0, 2, "nd") != 0 || name[2] < '1' || name[2] > '9') return {};
    const Place* p = doc.places().find("nd0" + name.substr(2));
    return p == nullptr ? std::string() : "; did you mean " + p->id + " (" + p->name_en + ")?";
}

void print_place(Document& doc, const Place& p) {
    const PlaceShape& shape = doc.place_shape(p);
    EscapedOut escaped;  // names from the user's layers: their control characters escaped
    std::ostream& out = escaped.stream();
    out << p.name_en << " (" << p.name_zh << ")  [" << p.id << "]  "
        << (p.kind == PlaceKind::PilotZone ? "comprehensive innovation reform pilot zone (2015), plan section 8(2)"
                                           : "national new district, plan section 8(3)")
        << '\n';
    if (!p.province.empty()) out << "province:     " << p.province << '\n';
    out << "approved:     " << p.approved << (p.document.empty() ? "" : "; " + p.document) << '\n';
    if (approved_after_plan(p))
        out << "after plan:   approved after the industry plan of November 2016, whose section 8(3) speaks of the "
               "national new districts in general: not one the plan could name\n";
    out << "covers:       " << p.covers << '\n';
    std::vector<std::string> units;
    for (const Region* u : shape.units) units.push_back(escape_controls(u->name_zh) + " " + u->code);
    out << "units:        " << (units.empty() ? join(p.codes) : join(units)) << '\n';
    if (!p.core_codes.empty()) out << "core:         " << join(p.core_codes) << '\n';
    if (!p.focus.empty()) out << "focus:        " << p.focus << '\n';
    if (p.kind == PlaceKind::NewDistrict)
        out << "area:         " << (p.area_text.empty() ? "not given" : p.area_text + " km2 (its own, from the source)")
            << (shape.geometry.empty() ? "" : "; its county-level units: " + fixed(shape.units_area_km2, 0) + " km2")
            << '\n';
    out << "drawn as:     " << shape.drawn_as << '\n';
    // The reference's note confirms parts of a field ("month + counties yes") whose other parts its
    // cell marks "from memory" (2017-04-01): "verified" beside "unconfirmed: approved" read as a
    // contradiction, and "confirmed: yes (...); doc number from memory" as one too (helper-54). The
    // note is quoted as the reference's own, and the unconfirmed line says which parts it means.
    out << "source check: " << p.verified << " (the reference's note: what a stored source confirmed, and what not)\n";
    if (!p.unconfirmed.empty())
        out << "unconfirmed:  the parts marked 'from memory' of " << join(p.unconfirmed)
            << " (no stored source confirmed them)\n";
    for (const std::string& url : p.sources) out << "source:       <" << url << ">\n";
}

/// A layer's kind of unit in words: "prefecture (county_level_under_province)" showed the field's
/// value, and "prefecture (prefecture)" said it twice. A kind the bundled data lacks is shown as is.
std::string unit_kind_words(const std::string& kind) {
    if (kind == "county_level_under_province") return "county-level city administered by its province";
    if (kind == "province_as_one_unit") return "a province drawn as one unit";
    if (kind == "sar") return "special administrative region";
    return kind;
}

/// `show Kunming` reports the region (the key city) and says that the name is also a unit's, which
/// its code or a level's suffix (昆明市) reports: the user may have meant the prefecture.
void note_unit_of_same_name(Context& ctx, const std::string& query, const PlanRegion& r) {
    if (query == r.id) return;
    std::optional<SearchHit> unit;
    try {
        unit = resolve_unit(ctx.doc().search(), query);
    } catch (const AtlasError&) {  // several units of the name: the region is what was asked for
        return;
    }
    if (!unit || unit->kind == EntityKind::Place || unit->score < 95) return;
    std::cerr << "note: " << escape_controls(query) << " also names the " << to_string(unit->kind) << " "
              << escape_controls(unit->id + " " + unit->name_zh + " " + unit->name_en) << ": show " << unit->id
              << " reports it\n";
}

/// A pilot zone of the query's name, when a region or unit was reported instead (Shanghai, Wuhan,
/// jingjinji): how to reach it, since its name alone never will.
void note_place_of_same_name(Context& ctx, const std::string& query) {
    std::vector<SearchHit> places = ctx.doc().search().find(query, EntityKind::Place, 1);
    if (places.empty() || places[0].score < 95) return;
    const Place* place = ctx.doc().places().find(places[0].id);
    if (place == nullptr) return;
    std::string key = std::string(to_string(place->kind)) + ":" + place->id;
    std::cerr << "note: " << escape_controls(query) << " also names the "
              << (place->kind == PlaceKind::PilotZone ? "pilot zone " : "new district ")
              << escape_controls(place->name_en + " (" + place->name_zh + ")") << ": show " << key << " reports it\n";
}

void print_unit(Context& ctx, const SearchHit& hit) {
    Document& doc = ctx.doc();
    std::vector<const RegionShape*> shapes = ctx.shapes();
    const Region* unit = hit.kind == EntityKind::Province     ? doc.provinces().find(hit.id)
                         : hit.kind == EntityKind::Prefecture ? doc.prefectures().find(hit.id)
                                                              : doc.county_attributes()->find(hit.id);
    UnitReport report = hit.kind == EntityKind::County
                            ? report_county(doc.plan(), shapes, doc.prefectures(), *unit)
                            : report_unit(doc.plan(), shapes, doc.provinces(), doc.prefectures(), *unit);
    const Region* prefecture = hit.kind == EntityKind::County ? doc.prefectures().find(unit->parent_code) : unit;
    EscapedOut escaped;  // names from the user's layers: their control characters escaped
    std::ostream& out = escaped.stream();
    out << escape_controls(unit->name_zh) << "  " << escape_controls(unit->name_en) << "  [" << unit->code << "]  "
        << to_string(hit.kind);
    if (std::string kind = unit_kind_words(unit->kind); !kind.empty() && kind != to_string(hit.kind))
        out << " (" << escape_controls(kind) << ")";
    if (hit.kind == EntityKind::County && prefecture != nullptr)
        out << " of " << escape_controls(prefecture->name_zh) << " " << escape_controls(prefecture->name_en) << " ("
            << prefecture->code << ")";
    out << '\n';
    if (!unit->name_en_source.empty()) out << "English name: " << escape_controls(unit->name_en_source) << '\n';
    if (hit.kind == EntityKind::County && unit->source_code.empty())
        out << "code in the source: none (coded by its 2016 name)\n";
    if (!unit->source_code.empty() && unit->source_code != unit->code)
        out << "code in the source: " << escape_controls(unit->source_code) << " (2016 code: " << unit->code << ")\n";
    out << "area:         " << fixed(unit->area_km2, 0) << " km2 (WGS84 ellipsoid)\n";
    if (!unit->geometry_source.empty()) out << "geometry:     " << escape_controls(unit->geometry_source) << '\n';
    if (report.regions.empty()) out << "regions:      none of the plan's regions contains it\n";
    for (const UnitMembership& m : report.regions) {
        out << "region:       " << membership_text(report, m, prefecture) << '\n';
        if (m.scope != nullptr && (m.excluded || m.partly_in || report.is_county))
            for (const SourceRef& src : m.scope->sources)
                out << "              source: \"" << src.title << "\" <" << src.url << ">\n";
    }
    std::vector<std::string> industries;
    for (const std::string& id : report.industries) industries.push_back(doc.plan().industry(id)->name_en);
    out << "industries:   " << (industries.empty() ? "none named for its regions" : join(industries)) << '\n';
    print_places_of(out, doc, *unit,
                    hit.kind == EntityKind::Province     ? UnitLevel::Province
                    : hit.kind == EntityKind::Prefecture ? UnitLevel::Prefecture
                                                         : UnitLevel::County);
}

/// A unit or place is reported as a table only: said, not answered "no region ... named so" as before.
void refuse_format_for(Format format, const std::string& what) {
    if (format != Format::Table)
        throw AtlasError(ErrorKind::Usage, "show: " + escape_controls(what) +
                                               " is a unit or place, shown as a table only; --format csv and "
                                               "json show regions (list prefectures, list counties or list "
                                               "places give units and places as csv or json)");
}

}  // namespace

void register_show(CLI::App& app, Context& ctx) {
    auto name = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "show", "Show one region (members, hubs, industries, area, the plan's words) or which regions hold a unit");
    cmd->add_option("region", *name,
                    "Region id or name, in English or Chinese (e.g. \"Yangtze River Delta\", 长三角); or a "
                    "province, prefecture-level or county-level unit by name or GB/T 2260 code (e.g. 郫都, 141025)")
        ->required();
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, name] {
        ctx.refuse_projection("show");
        Format format = ctx.output_format();
        // A unit (province, prefecture-level or county-level) when the query names one better than any
        // region: "Xi'an" is the city, not a region whose name contains "xian".
        if (ctx.plan().region(*name) == nullptr) {
            const SearchIndex& index = ctx.doc().search();
            std::vector<SearchHit> regions = index.find(*name, EntityKind::Region, 1);
            // A region named exactly (Kunming the key city) is the region, however many units share the
            // name; a suffix that says a level (昆明市, 武汉市, "Wuhan City") asks for the unit.
            bool level_said = level_hint(*name) != LevelHint::None;
            bool region_named = !level_said && !regions.empty() && regions[0].score >= 95;
            std::optional<SearchHit> unit = region_named ? std::nullopt : resolve_unit(index, *name);
            if (unit && (regions.empty() || level_said || unit->score > regions[0].score || unit->name_zh == *name)) {
                refuse_format_for(format, unit->name_en + " (" + unit->id + ")");
                note_place_of_same_name(ctx, *name);
                print_unit(ctx, *unit);
                return;
            }
            std::vector<SearchHit> places = index.find(*name, EntityKind::Place, 2);
            int least = too_short_to_guess(*name) ? 95 : 80;  // "x" is not the Xi'an pilot zone
            bool sure = !places.empty() && places[0].score >= least &&
                        (places.size() == 1 || places[0].score > places[1].score);
            if (sure && (regions.empty() || places[0].score > regions[0].score)) {
                refuse_format_for(format, places[0].name_en + " (" + places[0].id + ")");
                print_place(ctx.doc(), *ctx.doc().places().find(places[0].id));
                return;
            }
        }
        const PlanRegion* found = nullptr;
        try {
            found = &ctx.region(*name);
        } catch (const AtlasError& e) {
            // Nothing matched: say everything that was looked for, keeping the suggestions.
            const std::string prefix = "unknown region ";
            if (e.kind() != ErrorKind::NotFound || e.message().rfind(prefix, 0) != 0) throw;
            throw AtlasError(ErrorKind::NotFound, "no region, province, prefecture, county or place " +
                                                      e.message().substr(prefix.size()) +
                                                      place_id_suggestion(ctx.doc(), *name));
        }
        const PlanRegion& r = *found;
        note_unit_of_same_name(ctx, *name, r);
        note_place_of_same_name(ctx, *name);
        // Membership and area are all a report prints: the area from the store's geometry-free table.
        RegionShape s = ctx.doc().membership(r);
        StoredArea areas = ctx.doc().region_areas(r);
        s.area_km2 = areas.area_km2;
        s.gaps_km2 = areas.gaps_km2;
        ctx.print_pending_warnings();
        if (format == Format::Table)
            print_report(ctx, r, s);
        else if (format == Format::Csv)
            print_table(std::cout, member_table(r), format, !ctx.keep_formulas);
        else
            std::cout << region_json(r, s, ctx.doc().membership_counties()).dump(2) << '\n';
    });
}

}  // namespace atlas::cli
