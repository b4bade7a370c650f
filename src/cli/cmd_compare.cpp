// `clusteratlas compare A B [C D]`: industries shared and unique, Jaccard, areas, overlaps.
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

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

/// Jaccard is undefined where a region has no industry named (a general designation): "n/a", as the
/// viewer says (analysis/compare.hpp jaccard_defined).
bool no_jaccard(const Comparison& c, std::size_t a, std::size_t b) { return !jaccard_defined(c, a, b); }

std::vector<std::string> names_of_provinces(Context& ctx, const RegionShape& s) {
    std::vector<std::string> names;
    for (const std::string& code : s.provinces) names.push_back(ctx.province_units().find(code)->name_en);
    return names;
}

/// One object per region, numbers as numbers: {"shared_industries": [...], "regions": [{"id",
/// "area_km2", "industries": [...], "through_subsectors": {"next_gen_it": ["electronic_components"]},
/// "jaccard": {"other_id": 0.14 | null}, "overlap_km2": {...}, ...}]}.
nlohmann::ordered_json comparison_json(Context& ctx, const Comparison& c) {
    nlohmann::ordered_json regions = nlohmann::ordered_json::array();
    for (std::size_t r = 0; r < c.shapes.size(); ++r) {
        const RegionShape& s = *c.shapes[r];
        nlohmann::ordered_json terms = nlohmann::ordered_json::array(), named = nlohmann::ordered_json::array();
        nlohmann::ordered_json through = nlohmann::ordered_json::object();
        for (const IndustryDesignation& d : s.region->designation.industries) terms.push_back(d.plan_term);
        for (std::size_t i = 0; i < c.industries.size(); ++i) {
            if (c.designated[i][r]) named.push_back(c.industries[i]);
            if (!c.through[i][r].empty()) through[c.industries[i]] = c.through[i][r];
        }
        nlohmann::ordered_json hubs = nlohmann::ordered_json::array(), jaccard, overlap;
        for (const Hub& h : s.region->hubs) hubs.push_back(h.name_en);
        for (std::size_t o = 0; o < c.shapes.size(); ++o) {
            const std::string& id = c.shapes[o]->region->id;
            jaccard[id] = no_jaccard(c, r, o) ? nlohmann::ordered_json() : nlohmann::ordered_json(c.jaccard[r][o]);
            overlap[id] = std::round(c.overlap_km2[r][o]);
        }
        regions.push_back({{"id", s.region->id},
                           {"name_en", s.region->name_en},
                           {"name_zh", s.region->name_zh},
                           {"designation", to_string(s.region->designation.type)},
                           {"plan_terms", terms},
                           {"area_km2", std::round(s.area_km2)},
                           {"partial_area_km2", std::round(s.partial_area_km2)},
                           {"members", s.region->members.size()},
                           {"provinces", names_of_provinces(ctx, s)},
                           {"hubs", hubs},
                           {"extent", s.region->extent.provisional ? "provisional" : "confirmed"},
                           {"industries", named},
                           {"through_subsectors", through},
                           {"unique_industries", c.unique[r]},
                           {"jaccard", jaccard},
                           {"overlap_km2", overlap}});
    }
    return {{"shared_industries", c.shared}, {"regions", regions}};
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
    add_row(t, "provinces", per_region(c, [&](std::size_t r) { return join(names_of_provinces(ctx, *c.shapes[r])); }));
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
                    if (!c.designated[i][r]) return std::string();
                    return c.through[i][r].empty() ? std::string("yes") : "yes, through " + join(c.through[i][r]);
                }));
    add_row(t, "unique industries", per_region(c, [&](std::size_t r) { return join(c.unique[r]); }));
    for (std::size_t other = 0; other < c.shapes.size(); ++other) {
        std::string id = c.shapes[other]->region->id;
        add_row(t, "jaccard with " + id, per_region(c, [&](std::size_t r) {
                    return no_jaccard(c, r, other) ? std::string("n/a") : fixed(c.jaccard[r][other], 3);
                }));
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
        ctx.refuse_projection("compare");
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
        if (format == Format::Json) {
            std::cout << comparison_json(ctx, c).dump(2) << '\n';
            return;
        }
        if (format == Format::Table)
            std::cout << "shared industries: " << (c.shared.empty() ? "none" : join(c.shared)) << "\n\n";
        print_table(std::cout, comparison_table(ctx, c), format, !ctx.keep_formulas);
    });
}

}  // namespace atlas::cli
