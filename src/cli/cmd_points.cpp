// `clusteratlas points FILE --by region|province|prefecture|county|industry`: an analyst's points
// counted per unit and measured against the plan's regions.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "analysis/point_report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/boundary_source.hpp"
#include "io/export.hpp"
#include "io/input_file.hpp"
#include "io/interrupt.hpp"
#include "io/point_export.hpp"
#include "io/postgis.hpp"
#include "io/vector_writer.hpp"
#include "option_values.hpp"
#include "points_run.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

struct PointsArgs {
    PointsRequest request;
    std::string by = "prefecture";
    std::string output;
    bool force = false;
};

std::string pct(std::uint64_t part, std::uint64_t whole, int decimals = 2) {
    return whole ? fixed(static_cast<double>(part) * 100 / static_cast<double>(whole), decimals) : "";
}

Table unit_table(const std::vector<PointUnitRow>& rows, PointLevel level, const CountedPoints& counted, Format format) {
    Table t;
    bool region = level == PointLevel::Region;
    t.add_column(region ? "region" : "code");
    t.add_column("name_en");
    t.add_column("name_zh");
    if (region) t.add_column("designation"), t.add_column("confidence");  // as the regions export says them
    if (level == PointLevel::Prefecture || level == PointLevel::County) t.add_column("parent_code");
    t.add_column("area_km2", true);
    t.add_column("points", true);
    t.add_column("share_pct", true);
    t.add_column("per_1000_km2", true);
    if (!region) t.add_column("in_regions_pct", true);
    const bool values = !counted.info.value_column.empty();
    if (values) {
        t.add_column("sum_" + counted.info.value_column, true);
        t.add_column("mean_" + counted.info.value_column, true);
    }
    const std::uint64_t located = counted.tally.points - counted.tally.outside;
    for (const PointUnitRow& r : rows) {
        if (format == Format::Table && r.points == 0) continue;  // people read the units with points
        std::vector<std::string> row{r.code, r.name_en, r.name_zh};
        if (region && r.region != nullptr) {
            row.push_back(to_string(r.region->region->designation.type));
            row.push_back(r.region->region->extent.provisional ? "provisional" : "confirmed");
        }
        if (level == PointLevel::Prefecture || level == PointLevel::County) row.push_back(r.parent);
        row.push_back(fixed(r.area_km2, 0));
        row.push_back(std::to_string(r.points));
        row.push_back(pct(r.points, located));
        row.push_back(fixed(r.density(), 3));
        if (!region) row.push_back(r.points ? pct(r.in_regions, r.points, 1) : "");
        if (values) {
            row.push_back(r.valued ? fixed(r.sum, 2) : "");  // no value at all: missing, not 0
            row.push_back(r.valued ? fixed(r.mean(), 2) : "");
        }
        t.rows.push_back(std::move(row));
    }
    const std::size_t points =
        static_cast<std::size_t>(std::find(t.headers.begin(), t.headers.end(), "points") - t.headers.begin());
    if (format == Format::Table)  // most points first
        std::stable_sort(t.rows.begin(), t.rows.end(),
                         [&](const auto& a, const auto& b) { return std::stoull(a[points]) > std::stoull(b[points]); });
    return t;
}

/// The regions' shapes, for per-region rows only (they may need the whole county layer).
std::vector<const RegionShape*> region_shapes(Context& ctx, PointLevel level) {
    return level == PointLevel::Region ? ctx.shapes() : std::vector<const RegionShape*>{};
}

Table industry_table(const std::vector<IndustryShare>& shares) {
    Table t;
    t.add_column("industry");
    t.add_column("name_en");
    t.add_column("points", true);
    t.add_column("in_named_regions", true);
    t.add_column("share_pct", true);
    t.add_column("named_regions", false, true);
    t.add_column("most_points_not_named", false, true);
    for (const IndustryShare& s : shares) {
        std::vector<std::string> named, unnamed;
        for (const PlanRegion* r : s.named) named.push_back(r->id);
        for (const auto& [r, n] : s.unnamed_top) unnamed.push_back(r->id + " (" + std::to_string(n) + ")");
        t.rows.push_back({s.industry->id, s.industry->name_en, std::to_string(s.points), std::to_string(s.in_named),
                          pct(s.in_named, s.points, 1), join(named), join(unnamed)});
    }
    return t;
}

void run_points(Context& ctx, const PointsArgs& args) {
    if (ctx.projection_given())  // counts and shares: nothing is drawn, and -o writes lon/lat
        throw AtlasError(ErrorKind::Usage,
                         "--projection draws maps (render, view); points counts on the ground and writes lon/lat "
                         "on WGS84 (EPSG:4326): drop it");
    PointLevel level = parse_point_level(args.by);
    // With -o the table is a file whose format its name gives (--format is refused there).
    Format format = args.output.empty() ? ctx.output_format() : parse_format(ctx.format);
    if (level == PointLevel::Industry && args.request.options.category_column.empty())
        throw AtlasError(ErrorKind::Usage, "--by industry needs --industry-column (the points' industry)");
    if (level == PointLevel::Industry && !args.request.options.value_column.empty())
        throw AtlasError(ErrorKind::Usage,
                         "--by industry counts the points of each industry; --value sums per unit "
                         "(--by region, province, prefecture or county): drop one");
    // Per unit the points are counted whatever their industry: the column would be read for nothing.
    if (level != PointLevel::Industry && !args.request.options.category_column.empty())
        throw AtlasError(ErrorKind::Usage,
                         "--industry-column counts the points of each industry: give --by industry, "
                         "or drop it");
    if (level == PointLevel::Industry && !args.output.empty())
        throw AtlasError(ErrorKind::Usage, "--by industry is a table, not a layer: -o takes a unit level");
    if (!args.output.empty()) install_interrupt_cleanup();
    // Noted before the output is checked: "-o f.csv" over its input said "exists (use --force)",
    // advice that then met the refusal of an input as output.
    note_input_file(args.request.path, "points");
    if (!args.request.mapping_path.empty()) note_input_file(args.request.mapping_path, "industry map");
    CountedPoints counted;
    if (!args.output.empty()) {
        ExportRequest request;
        request.output = args.output;
        request.force = args.force;
        request.keep_formulas = ctx.keep_formulas;
        request.format_option = false;
        ExportResult result = export_tables(request, 1, [&] {
            counted = count_points(ctx, args.request, level);
            UnitBoundaries boundaries = unit_boundaries(ctx.doc(), level == PointLevel::County);
            PointLayerInfo info{counted.source_shown, counted.datum_text,    counted.info.value_column,
                                counted.tally.points, counted.tally.outside, boundaries.source,
                                boundaries.terms};
            return std::vector<OutLayer>{
                point_layer(point_rows(*counted.units, counted.tally, level, region_shapes(ctx, level)), level,
                            counted.tally.points - counted.tally.outside, info)};
        });
        print_summary(std::cerr, counted, level);
        // What the writing did (Shapefile's cut names) and the county polygons' terms, as export says them.
        std::cerr << note_lines(result.notes);
        std::cerr << "wrote " << result.path << ": " << result.features
                  << (result.features == 1 ? " feature (" : " features (") << result.driver << ")\n";
        return;
    }
    counted = count_points(ctx, args.request, level);
    if (level == PointLevel::Industry)
        print_table(std::cout,
                    industry_table(industry_shares(*counted.units, counted.tally, ctx.plan(), counted.mapping)), format,
                    !ctx.keep_formulas);
    else
        print_table(std::cout,
                    unit_table(point_rows(*counted.units, counted.tally, level, region_shapes(ctx, level)), level,
                               counted, format),
                    format, !ctx.keep_formulas);
    print_summary(std::cerr, counted, level);
}

}  // namespace

void register_points(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<PointsArgs>();
    CLI::App* cmd = app.add_subcommand(
        "points", "Count your points (firms, patents, projects) per unit and measure them against the plan's regions");
    cmd->add_option("file", args->request.path,
                    "CSV with longitude/latitude columns, any GDAL point source, or \"PG:...\" with --table")
        ->required();
    cmd->add_option("--by", args->by, "region, province, prefecture, county (with the county layer) or industry")
        ->capture_default_str();
    cmd->add_option("--value", args->request.options.value_column, "A numeric column: its sum and mean per unit");
    cmd->add_option("--industry-column", args->request.options.category_column,
                    "A column naming each point's industry (plan id, English or Chinese name)");
    cmd->add_option("--industry-map", args->request.mapping_path,
                    "CSV mapping your industry texts to the plan's (text,industry)");
    cmd->add_option("--expect-code", args->request.options.code_column,
                    "A column with each point's GB/T 2260 code: report how many lie in the unit it names");
    cmd->add_option("--lon", args->request.options.lon_column, "Longitude column (default: found by name)");
    cmd->add_option("--lat", args->request.options.lat_column, "Latitude column (default: found by name)");
    cmd->add_option("--layer", args->request.options.layer, "Layer of a multi-layer source");
    cmd->add_option("--table", args->request.table,
                    "PostGIS: the points' table (schema.table), counted in the database");
    cmd->add_option("--geometry-column", args->request.geometry_column,
                    "PostGIS: the table's point column (default: its only geometry column)");
    cmd->add_option("--points-datum", args->request.datum,
                    "Datum of the points: wgs84, gcj02 (AMap, Tencent) or bd09 (Baidu); default --datum's");
    CLI::Option* max_outside =
        cmd->add_option("--max-outside", args->request.max_outside_pct,
                        "Percent of points that may lie outside every unit before it is an error")
            ->capture_default_str();
    cmd->add_option("-o,--output", args->output, "Write the per-unit layer (any export format, or PG:...)");
    cmd->add_flag("--force", args->force, "Replace an existing output");
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, args, max_outside, cmd] {
        args->request.max_outside_given = max_outside->count() > 0;
        only_with(*cmd, "--force", "--output");
        only_with(*cmd, "--geometry-column", "--table");
        // -o writes the format its name says; --format (table, csv, json) chooses what is printed, and
        // with -o nothing is: it was ignored without a word.
        if (!args->output.empty() && cmd->get_option("--format")->count() > 0)
            throw AtlasError(ErrorKind::Usage,
                             "--format chooses the printed table (table, csv or json); with -o the layer's format "
                             "is its name's extension (" +
                                 export_extensions_text() + "): drop --format");
        run_points(ctx, *args);
    });
}

}  // namespace atlas::cli
