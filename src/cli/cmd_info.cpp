// `clusteratlas info`: data sources, layer counts, extent, datum and projection.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "geo/datum.hpp"
#include "geo/projection.hpp"
#include "io/data_paths.hpp"
#include "io/postgis.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

/// The extent the source keeps when it can be trusted (RegionLayer::stored_extent), else the
/// geometry's: reading every coordinate of the provinces was two thirds of `info`'s time.
Bounds extent_of(Context& ctx) {
    const RegionLayer& units = ctx.province_units();
    if (units.stored_extent) return *units.stored_extent;
    const RegionLayer& layer = ctx.provinces();
    Bounds b;
    for (const Region& r : layer.regions) b.extend(bounds_of(r.geometry));
    return b;
}

/// A file's path, or a connection without its password.
std::string source_text(const std::string& source) {
    return is_pg_connection(source) ? describe_connection(source) : escape_controls(source);
}

double total_area(const RegionLayer& layer) {
    double sum = 0;
    for (const Region& r : layer.regions) sum += r.area_km2;
    return sum;
}

void run_info(Context& ctx) {
    ProjectionSummary projection = summarize_projection(ctx.data.projection);
    if (!projection.caveat.empty()) std::cerr << "warning: " << projection.caveat << '\n';
    const RegionLayer& provinces = ctx.province_units();
    const RegionLayer& prefectures = ctx.prefecture_units();
    // A county layer named but missing is an error here as in list counties, not a line left out.
    std::optional<UnitsSummary> counties = ctx.doc().county_summary();  // its count and area only
    Bounds b = extent_of(ctx);
    // Everything is read before the first line is printed: a plan that does not fit the layers is
    // one error line, not half a report and then the error.
    const Plan& plan = ctx.plan();
    std::ostream& out = std::cout;
    out << std::fixed << std::setprecision(4);
    out << "geodata:      " << source_text(ctx.geodata_source()) << '\n';
    out << "provinces:    " << provinces.regions.size() << " features (layer '" << provinces.layer << "'), "
        << std::setprecision(0) << total_area(provinces) << " km2\n";
    out << "prefectures:  " << prefectures.regions.size() << " features (layer '" << prefectures.layer << "'), "
        << total_area(prefectures) << " km2\n";
    if (counties)
        out << "counties:     " << counties->count << " features (layer '" << counties->layer << "' of "
            << source_text(ctx.doc().sources().counties->source) << "), " << counties->area_km2 << " km2\n";
    else if (ctx.data.counties == "none")  // asked for: not a layer that is missing
        out << "counties:     none (--counties none: a partial member counts whole)\n";
    else
        out << "counties:     none (scripts/fetch-counties builds the layer; without it a partial member counts "
               "whole)\n";
    out << std::setprecision(4) << "extent:       lon " << b.min_lon << " .. " << b.max_lon << ", lat " << b.min_lat
        << " .. " << b.max_lat << '\n';
    if (ctx.data.geodata.empty())
        out << "datum:        WGS84 lon/lat (EPSG:4326); bundled data converted from GCJ-02, see "
            << bundled_data_notes_path() << "\n";
    else if (!provinces.reprojected_from.empty())
        out << "datum:        WGS84 lon/lat (EPSG:4326), reprojected from the layer's " << provinces.reprojected_from
            << (ctx.data.datum == "wgs84"
                    ? std::string()
                    : std::string(", then converted from ") + to_string(parse_datum(ctx.data.datum)))
            << '\n';
    else if (ctx.data.datum == "wgs84")
        out << "datum:        WGS84 lon/lat (EPSG:4326), as --geodata gives it (--datum gcj02|bd09 converts "
               "otherwise)\n";
    else
        out << "datum:        WGS84 lon/lat (EPSG:4326), converted from " << to_string(parse_datum(ctx.data.datum))
            << " (--datum) with the transform that built the bundled data\n";
    out << "plan:         " << plan.regions.size() << " regions, " << plan.industries.size() << " industries ("
        << (ctx.data.plan.empty() ? "the bundled " + bundled_plan_path() : escape_controls(ctx.data.plan)) << ")\n";
    out << "areas:        on the WGS84 ellipsoid (exact on its authalic sphere; PROJ's geodesic area within 1e-6)\n";
    out << "projection:   " << ctx.data.projection << " = " << projection.definition << '\n';
}

}  // namespace

void register_info(CLI::App& app, Context& ctx) {
    CLI::App* cmd = app.add_subcommand("info", "Show data sources, layer counts, extent, datum and projection");
    cmd->callback([&ctx] { run_info(ctx); });
}

}  // namespace atlas::cli
