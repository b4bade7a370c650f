// `clusteratlas export`: any layer to any GDAL vector format, atomically.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/data_export.hpp"
#include "io/export.hpp"
#include "io/input_file.hpp"
#include "io/interrupt.hpp"
#include "io/output_file.hpp"
#include "io/postgis.hpp"
#include "io/vector_writer.hpp"
#include "option_values.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas::cli {

namespace {

struct ExportArgs {
    std::vector<std::string> layers{"regions"};
    std::vector<std::string> regions;
    std::string industry, format, output, table;
    std::string data, data_key, data_separator;  ///< --data: the analyst's table joined to its units
    CLI::Option* layer_option = nullptr;
    int precision = -1;
    double simplify_m = 0;
    bool force = false, no_bom = false, keep_formulas = false;
    CLI::Option* precision_option = nullptr;  ///< given or not: -1 is a value to refuse, not "unset"
};

/// Progress on stderr when it is a terminal; stops the write when stdout cannot take more.
bool report_progress(std::size_t done, std::size_t total) {
    if (stdout_error() != 0) return false;  // stdout gone (| head, a full disk): stop early
    static const bool tty = isatty(STDERR_FILENO) != 0;
    if (tty && total > 0 && (done % 16 == 0 || done == total))
        std::cerr << "\rexporting: " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
    return true;
}

ExportRequest make_request(Context& ctx, const ExportArgs& args) {
    ExportRequest r;
    if (args.data.empty())
        for (const std::string& name : args.layers) {
            if (name == "data")
                throw AtlasError(ErrorKind::Usage,
                                 "--layer data is your table joined to its units: name it with --data FILE");
            // A layer named twice (`--layer regions --layer all`) is written once, where first named.
            for (ExportLayer l : parse_export_layers(name))
                if (std::find(r.layers.begin(), r.layers.end(), l) == r.layers.end()) r.layers.push_back(l);
        }
    for (const std::string& name : args.regions) r.regions.push_back(ctx.region(name).id);
    if (!args.industry.empty()) r.industry = ctx.industry(args.industry).id;
    r.driver = args.format;
    if (args.precision_option->count() > 0) r.precision = args.precision;
    r.simplify_m = args.simplify_m;
    r.output = args.output;
    r.table = args.table;
    r.force = args.force;
    r.csv_bom = !args.no_bom;
    r.keep_formulas = args.keep_formulas;
    r.progress = report_progress;
    return r;
}

UserTableOptions data_options(const ExportArgs& args) {
    UserTableOptions o;
    o.key_column = args.data_key;
    const std::string& sep = args.data_separator;
    if (!sep.empty() && sep != "," && sep != ";" && sep != "tab" && sep != "\t")
        throw AtlasError(ErrorKind::Usage, "--data-separator must be \",\", \";\" or tab, not " + quote_value(sep, 20));
    o.separator = sep.empty() ? 0 : sep == "tab" || sep == "\t" ? '\t' : sep[0];
    return o;
}

/// --data: the table joined to every unit of its level, as the one layer "data".
ExportResult export_data(Context& ctx, const ExportArgs& args, const ExportRequest& request) {
    if (args.layer_option->count() > 0 && args.layers != std::vector<std::string>{"data"})
        throw AtlasError(ErrorKind::Usage,
                         "--data is exported as its own layer 'data': leave out --layer (export the plan's layers "
                         "to another file)");
    if (!args.regions.empty() || !args.industry.empty())
        throw AtlasError(ErrorKind::Usage, "--region and --industry choose regions of the plan, not rows of --data");
    UserTableOptions options = data_options(args);
    Document& doc = ctx.doc();
    return export_tables(request, 1, [&] {
        UserTable table = read_user_table(args.data, doc.provinces(), doc.prefectures(), options, doc.counties());
        std::cerr << note_lines(table.notes);
        return std::vector<OutLayer>{user_data_layer(doc, table)};
    });
}

void run_export(Context& ctx, const ExportArgs& args) {
    // Written in EPSG:4326 whatever it said: the user took the file for projected.
    if (ctx.projection_given())
        throw AtlasError(ErrorKind::Usage,
                         "--projection draws maps (render, view); export writes lon/lat on WGS84 (EPSG:4326, as RFC "
                         "7946 asks): drop it, and reproject the file if you need another CRS "
                         "(ogr2ogr -t_srs EPSG:XXXX)");
    ExportRequest request = make_request(ctx, args);
    // Noted before the output is checked: "-o d.csv" over --data d.csv said "exists (use --force)",
    // advice that then met the refusal of an input as output.
    if (!args.data.empty()) note_input_file(args.data, "table");
    ctx.plan();  // load (and print warnings) before the first feature is written
    // Ctrl-C, SIGTERM and SIGHUP remove what was written so far and exit 4 (io/interrupt.hpp); a
    // PostGIS transaction dies with the connection.
    install_interrupt_cleanup();
    ExportResult result = args.data.empty() ? export_layers(ctx.doc(), request) : export_data(ctx, args, request);
    std::cerr << note_lines(result.notes);
    if (is_pg_connection(request.output))
        std::cerr << "wrote " << result.features << (result.features == 1 ? " feature" : " features") << " into "
                  << result.path << " (one transaction)\n";
    else if (result.path != "-")
        std::cerr << "wrote " << result.path << ": " << result.features
                  << (result.features == 1 ? " feature, " : " features, ") << result.bytes << " bytes ("
                  << result.driver << ")\n";
}

}  // namespace

void register_export(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand("export", "Export layers to GeoJSON (RFC 7946) or another GDAL vector format");
    args->layer_option = cmd->add_option("--layer", args->layers, join_or(export_layer_names()) + " (repeatable)")
                             ->capture_default_str();
    cmd->add_option("--data", args->data,
                    "Your CSV (keyed by province, prefecture or county-level code or name) joined to every unit of "
                    "its level, exported as the layer 'data' (units without a row keep null values; Shapefile "
                    "cuts column names to 10 bytes)");
    cmd->add_option("--data-key", args->data_key, "Key column of --data (default: code, adcode, ... or the first)");
    cmd->add_option("--data-separator", args->data_separator,
                    "Separator of --data: \",\", \";\" or tab (default: whichever the header uses)");
    cmd->add_option("--region", args->regions, "Only this region (id or name; repeatable)");
    cmd->add_option("--industry", args->industry, "Only regions the plan designates for this industry");
    cmd->add_option("--format", args->format,
                    export_formats_text() + " (default: from the extension, PostgreSQL for PG:, else GeoJSON)");
    cmd->add_option("--table", args->table, "Name of the layer's table in the output (PostGIS: schema.table)");
    args->precision_option = cmd->add_option("--precision", args->precision,
                                             "Decimals of lon/lat, 0 to 15 (default 6 for GeoJSON, full otherwise)");
    cmd->add_option("--simplify", args->simplify_m, "Simplify borders (metres), keeping shared borders shared");
    cmd->add_option("-o,--output", args->output,
                    "File to write, - for GeoJSON on stdout, or \"PG:host=... dbname=... user=...\" for PostGIS tables")
        ->required();
    cmd->add_flag("--force", args->force, "Replace an existing file");
    cmd->add_flag("--no-bom", args->no_bom,
                  "CSV: leave out the UTF-8 byte order mark (by default it is written, so Excel reads Chinese right)");
    cmd->add_flag("--keep-formulas", args->keep_formulas,
                  "CSV: write text cells starting with =, +, -, @ as they are (by default a ' is put before them)");
    cmd->callback([&ctx, args, cmd] {
        only_with(*cmd, "--data-key", "--data");
        only_with(*cmd, "--data-separator", "--data");
        run_export(ctx, *args);
    });
}

}  // namespace atlas::cli
