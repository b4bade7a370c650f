// `clusteratlas show REGION`: members, hubs, industries, area, the plan's sentence, provenance.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "context.hpp"

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

std::string area_text(const RegionShape& s) {
    std::string text = fixed(s.area_km2, 0) + " km2 (union of " + std::to_string(s.units.size()) +
                       " prefecture-level units, WGS84 ellipsoid)";
    if (s.partial_area_km2 > 0)
        text += "; includes " + fixed(s.partial_area_km2, 0) +
                " km2 of partial members counted whole, so it overstates the region";
    return text;
}

void print_report(Context& ctx, const PlanRegion& r, const RegionShape& s) {
    std::ostream& out = std::cout;
    out << r.name_en << " (" << r.name_zh << ")  [" << r.id << "]\n";
    out << "kind:         " << r.kind << (r.tier.empty() ? "" : ", " + r.tier) << '\n';
    out << "designation:  " << designation_text(ctx.plan(), r) << '\n';
    if (!r.designation.note.empty()) out << "              " << r.designation.note << '\n';
    out << "plan, " << r.plan_section << ":    \"" << r.designation.quote << "\"\n";
    if (r.quote != r.designation.quote) out << "              \"" << r.quote << "\"\n";
    std::vector<std::string> hubs;
    for (const Hub& h : r.hubs) hubs.push_back(h.name_en + " " + h.name_zh + " (" + h.code + ")");
    out << "hubs:         " << (hubs.empty() ? "none named in the plan" : join(hubs)) << '\n';
    out << "area:         " << area_text(s) << '\n';
    std::vector<std::string> provinces;
    for (const std::string& code : s.provinces) provinces.push_back(ctx.provinces().find(code)->name_en);
    out << "provinces:    " << join(provinces) << '\n';
    out << "extent:       " << extent_text(r) << '\n';
    if (!r.extent.caveat.empty()) out << "caveat:       " << r.extent.caveat << '\n';
    if (!r.extent.verification.empty()) out << "verification: " << r.extent.verification << '\n';
    for (const SourceRef& src : r.extent.sources) out << "source:       " << src.title << " <" << src.url << ">\n";
    out << "members (" << r.members.size() << "):\n";
    for (const Member& m : r.members)
        out << "  " << m.code << "  " << m.name_zh << "  " << m.name_en << (m.partial ? "  (partial)" : "")
            << (m.note.empty() ? "" : "  - " + m.note) << '\n';
}

Table member_table(const PlanRegion& r) {
    Table t;
    for (const char* c : {"code", "name_zh", "name_en", "partial", "note"}) t.add_column(c);
    for (const Member& m : r.members)
        t.rows.push_back({m.code, m.name_zh, m.name_en, m.partial ? "yes" : "no", m.note});
    return t;
}

nlohmann::ordered_json region_json(const PlanRegion& r, const RegionShape& s) {
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
    j["partial_area_km2"] = s.partial_area_km2;
    j["provinces"] = s.provinces;
    j["members"] = nlohmann::ordered_json::array();
    for (const Member& m : r.members)
        j["members"].push_back({{"code", m.code}, {"name_en", m.name_en}, {"partial", m.partial}});
    j["extent"] = {{"confidence", r.extent.provisional ? "provisional" : "confirmed"},
                   {"source_plan", r.extent.source_plan},
                   {"caveat", r.extent.caveat},
                   {"after_plan", r.extent.after_plan}};
    return j;
}

}  // namespace

void register_show(CLI::App& app, Context& ctx) {
    auto name = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("show", "Show one region: members, hubs, industries, area, the plan's words");
    cmd->add_option("region", *name, "Region id or name, in English or Chinese (e.g. \"Yangtze River Delta\", 长三角)")
        ->required();
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, name] {
        Format format = ctx.output_format();
        const PlanRegion& r = ctx.region(*name);
        const RegionShape& s = ctx.shape(r);
        if (format == Format::Table)
            print_report(ctx, r, s);
        else if (format == Format::Csv)
            print_table(std::cout, member_table(r), format, !ctx.keep_formulas);
        else
            std::cout << region_json(r, s).dump(2) << '\n';
    });
}

}  // namespace atlas::cli
