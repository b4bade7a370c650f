// `clusteratlas coverage --by region|industry|province`: who is designated for what, and where.
#include <CLI/CLI.hpp>
#include <iostream>

#include "analysis/coverage.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

struct CoverageArgs {
    std::string by = "region";
    std::string industry;
    bool all_industries = false;
};

/// Columns of the region matrix: sectors, cross-cutting themes and every industry a region names.
std::vector<std::string> matrix_columns(const Plan& plan, bool all) {
    std::vector<std::string> ids;
    for (const Industry& i : plan.industries) {
        bool named = false;
        for (const PlanRegion& r : plan.regions)
            for (const IndustryDesignation& d : r.designation.industries) named = named || d.industry == i.id;
        if (all || i.parent.empty() || named) ids.push_back(i.id);
    }
    return ids;
}

Table by_region(const Plan& plan, bool all, Format format) {
    CoverageMatrix m = coverage_matrix(plan, matrix_columns(plan, all));
    Table t;
    t.add_column("region");
    t.add_column("designation");
    t.add_column("extent");  // provisional extents marked here too, as list regions marks them
    for (const Industry* i : m.industries) t.add_column(i->id);
    for (std::size_t r = 0; r < m.regions.size(); ++r) {
        std::vector<std::string> row{m.regions[r]->id, to_string(m.regions[r]->designation.type),
                                     m.regions[r]->extent.provisional ? "provisional" : "confirmed"};
        for (Coverage c : m.cells[r])
            row.push_back(format == Format::Table ? (c == Coverage::Explicit  ? "X"
                                                     : c == Coverage::General ? "."
                                                                              : "")
                                                  : to_string(c));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table by_industry(const Plan& plan) {
    Table t;
    for (const char* c : {"industry", "name_en", "section"}) t.add_column(c);
    t.add_column("explicit_regions", false, true);
    t.add_column("macro_areas", false, true);
    t.add_column("general_regions", true);
    std::size_t general = 0;
    for (const PlanRegion& r : plan.regions) general += r.designation.type == DesignationType::General ? 1 : 0;
    for (const Industry& i : plan.industries) {
        std::vector<std::string> regions, areas;
        for (const PlanRegion* r : regions_designated_for(plan, i.id)) regions.push_back(r->id);
        for (const std::string& id : plan.industry_with_descendants(i.id))
            for (const MacroDesignation& d : plan.macro_designations)
                if (d.industry == id)
                    for (const std::string& a : d.areas) areas.push_back(a + " (" + d.plan_term + ")");
        t.rows.push_back({i.id, i.name_en, i.section, join(regions), join(areas), std::to_string(general)});
    }
    return t;
}

Table by_province(Context& ctx, const std::string& industry) {
    Table t;
    for (const char* c : {"code", "name_en", "name_zh"}) t.add_column(c);
    for (const char* c : {"area_km2", "covered_km2", "share", "covered_partial_km2"}) t.add_column(c, true);
    for (const char* c : {"regions", "industries", "macro_industries", "context_regions", "provisional_regions"})
        t.add_column(c, false, true);
    auto ids = [](const std::vector<const PlanRegion*>& regions) {
        std::vector<std::string> out;
        for (const PlanRegion* r : regions) out.push_back(r->id);
        return out;
    };
    for (const ProvinceCoverage& p : province_coverage(ctx.plan(), ctx.memberships(), ctx.province_units(), industry,
                                                       ctx.doc().membership_counties()))
        t.rows.push_back({p.province->code, p.province->name_en, p.province->name_zh, fixed(p.province->area_km2, 0),
                          fixed(p.covered_km2, 0), fixed(p.share(), 4), fixed(p.covered_partial_km2, 0),
                          join(ids(p.regions)), join(p.industries), join(p.macro_industries),
                          join(ids(p.context_regions)), join(provisional_ids(p))});
    return t;
}

void run_coverage(Context& ctx, const CoverageArgs& args) {
    Format format = ctx.output_format();
    // Options of one table given with another changed nothing, silently.
    if (!args.industry.empty() && (args.by == "region" || args.by == "industry"))
        throw AtlasError(ErrorKind::Usage,
                         "--industry applies to --by province (the regions designated for it); "
                         "--by " +
                             quote_value(args.by) + " lists every industry");
    if (args.all_industries && (args.by == "industry" || args.by == "province"))
        throw AtlasError(ErrorKind::Usage, "--all-industries applies to --by region (a column for every industry)");
    std::string industry = args.industry.empty() ? "" : ctx.industry(args.industry).id;
    if (args.by == "region")
        print_table(std::cout, by_region(ctx.plan(), args.all_industries, format), format, !ctx.keep_formulas);
    else if (args.by == "industry")
        print_table(std::cout, by_industry(ctx.plan()), format, !ctx.keep_formulas);
    else if (args.by == "province")
        print_table(std::cout, by_province(ctx, industry), format, !ctx.keep_formulas);
    else
        throw AtlasError(ErrorKind::Usage,
                         "unknown --by " + quote_value(args.by) + " (use region, industry or province)");
    if (format == Format::Table && args.by == "region")
        std::cout << "\nX: the plan names this industry (or one below it) for the region; "
                     ".: designated for strategic emerging industries in general\n";
}

}  // namespace

void register_coverage(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<CoverageArgs>();
    CLI::App* cmd =
        app.add_subcommand("coverage", "Which region is designated for which industry, and how much of each province");
    cmd->add_option("--by", args->by, "region (matrix), industry (transpose) or province (area shares)")
        ->capture_default_str();
    cmd->add_option("--industry", args->industry, "With --by province: count only regions designated for it");
    cmd->add_flag("--all-industries", args->all_industries, "With --by region: a column for every industry");
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, args] {
        ctx.refuse_projection("coverage");
        run_coverage(ctx, *args);
    });
}

}  // namespace atlas::cli
