// `clusteratlas compare A B [C D]`: industries shared and unique, Jaccard, areas, overlaps.
#include <CLI/CLI.hpp>
#include <iostream>

#include "analysis/compare.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

void add_row(Table& t, const std::string& label, std::vector<std::string> cells) {
    cells.insert(cells.begin(), label);
    t.rows.push_back(std::move(cells));
}

template <typename F>
std::vector<std::string> per_region(const Comparison& c, F&& cell) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.shapes.size(); ++r) out.push_back(cell(r));
    return out;
}

std::string industry_label(const Plan& plan, const Comparison& c, std::size_t i) {
    const Industry* ind = plan.industry(c.industries[i]);
    bool shared = std::count(c.shared.begin(), c.shared.end(), ind->id) > 0;
    return "industry: " + ind->name_en + " (" + ind->section + ")" + (shared ? " [shared]" : "");
}

Table comparison_table(Context& ctx, const Comparison& c) {
    const Plan& plan = ctx.plan();
    Table t;
    t.add_column("");
    for (const RegionShape* s : c.shapes) t.add_column(s->region->id);
    add_row(t, "name", per_region(c, [&](std::size_t r) { return c.shapes[r]->region->name_en; }));
    add_row(t, "designation",
            per_region(c, [&](std::size_t r) { return to_string(c.shapes[r]->region->designation.type); }));
    add_row(t, "plan's words", per_region(c, [&](std::size_t r) {
                std::vector<std::string> terms;
                for (const IndustryDesignation& d : c.shapes[r]->region->designation.industries)
                    terms.push_back(d.plan_term);
                return join(terms);
            }));
    add_row(t, "area_km2", per_region(c, [&](std::size_t r) { return fixed(c.shapes[r]->area_km2, 0); }));
    add_row(t, "partial_area_km2",
            per_region(c, [&](std::size_t r) { return fixed(c.shapes[r]->partial_area_km2, 0); }));
    add_row(t, "members",
            per_region(c, [&](std::size_t r) { return std::to_string(c.shapes[r]->region->members.size()); }));
    add_row(t, "provinces", per_region(c, [&](std::size_t r) {
                std::vector<std::string> names;
                for (const std::string& code : c.shapes[r]->provinces)
                    names.push_back(ctx.provinces().find(code)->name_en);
                return join(names);
            }));
    add_row(t, "hubs", per_region(c, [&](std::size_t r) {
                std::vector<std::string> names;
                for (const Hub& h : c.shapes[r]->region->hubs) names.push_back(h.name_en);
                return join(names);
            }));
    add_row(t, "extent", per_region(c, [&](std::size_t r) {
                return c.shapes[r]->region->extent.provisional ? std::string("provisional") : std::string("confirmed");
            }));
    for (std::size_t i = 0; i < c.industries.size(); ++i)
        add_row(t, industry_label(plan, c, i), per_region(c, [&](std::size_t r) {
                    return c.designated[i][r] ? std::string("yes") : std::string("");
                }));
    add_row(t, "unique industries", per_region(c, [&](std::size_t r) { return join(c.unique[r]); }));
    for (std::size_t other = 0; other < c.shapes.size(); ++other) {
        std::string id = c.shapes[other]->region->id;
        add_row(t, "jaccard with " + id, per_region(c, [&](std::size_t r) { return fixed(c.jaccard[r][other], 3); }));
        add_row(t, "overlap_km2 with " + id,
                per_region(c, [&](std::size_t r) { return fixed(c.overlap_km2[r][other], 0); }));
    }
    return t;
}

}  // namespace

void register_compare(CLI::App& app, Context& ctx) {
    auto names = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd =
        app.add_subcommand("compare", "Compare 2 to 4 regions: industries, Jaccard similarity, areas, overlap");
    cmd->add_option("regions", *names, "2 to 4 region ids or names")->required()->expected(2, 4);
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, names] {
        Format format = ctx.output_format();
        std::vector<const RegionShape*> shapes;
        for (const std::string& name : *names) {
            const PlanRegion& region = ctx.region(name);
            for (const RegionShape* earlier : shapes)
                if (earlier->region == &region)
                    throw AtlasError(ErrorKind::Usage, "region " + quote_value(region.id) +
                                                           " given twice; compare 2 to 4 different regions");
            shapes.push_back(&ctx.shape(region));
        }
        Comparison c = compare_regions(ctx.plan(), shapes);
        if (format == Format::Table)
            std::cout << "shared industries: " << (c.shared.empty() ? "none" : join(c.shared)) << "\n\n";
        print_table(std::cout, comparison_table(ctx, c), format, !ctx.keep_formulas);
    });
}

}  // namespace atlas::cli
