#include "context.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "error.hpp"
#include "geo/projection.hpp"
#include "io/data_paths.hpp"
#include "io/place_reader.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

void Context::add_data_options(CLI::App& app) {
    app.add_option("--geodata,--regions", data.geodata,
                   "Vector source of provinces and prefectures: a file or an OGR connection string "
                   "such as \"PG:host=... dbname=...\" (default: the bundled GeoPackage)");
    app.add_option("--provinces-layer", data.provinces_layer, "Layer holding provinces")->capture_default_str();
    app.add_option("--prefectures-layer", data.prefectures_layer, "Layer holding prefectures")->capture_default_str();
    app.add_option("--code-field", data.code_field, "Field holding the GB/T 2260 code")->capture_default_str();
    app.add_option("--name-field", data.name_field, "Field holding the Chinese name")->capture_default_str();
    app.add_option("--name-en-field", data.name_en_field, "Field holding the English name (optional)")
        ->capture_default_str();
    app.add_option("--province-field", data.province_field,
                   "Field of a prefecture holding its province code (optional: else derived from the code)")
        ->capture_default_str();
    app.add_option("--counties", data.counties,
                   "County layer (a GeoPackage with a 'counties' layer, as scripts/fetch-counties builds); "
                   "'none' draws every region from whole prefectures (default: the one built on this machine, "
                   "with the bundled data)");
    app.add_option("--plan", data.plan, "Plan file (default: the bundled plan.json, beside the bundled GeoPackage)");
    projection_options_.push_back(
        app.add_option("--projection", data.projection,
                       "Map projection: albers (China Albers equal-area), mercator, platecarree, an EPSG code "
                       "or a PROJ string")
            ->capture_default_str());
    app.add_option(
           "--datum", data.datum,
           "Datum of the lon/lat in --geodata: wgs84, gcj02 (AMap, Tencent) or bd09 (Baidu); converted to WGS84")
        ->capture_default_str();
}

void Context::add_global_options_to_subcommands(CLI::App& app) {
    // The README's synopses put global options after the subcommand, as kubectl and gh accept
    // theirs: each subcommand takes them too, bound to the same settings.
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        std::size_t own = command->get_options().size();
        add_data_options(*command);
        std::vector<std::string> names;
        for (std::size_t i = own; i < command->get_options().size(); ++i)
            names.push_back(command->get_options()[i]->get_name());
        // Given before and after the subcommand, both bound to one setting: the second silently won.
        command->parse_complete_callback([&app, command, names] {
            for (const std::string& name : names) {
                std::size_t before = app.get_option(name)->count(), after = command->get_option(name)->count();
                if (before > 0 && after > 0) throw CLI::ArgumentMismatch::AtMost(name, 1, before + after);
            }
        });
    }
}

void Context::add_format_option(CLI::App& command) {
    command.add_option("--format", format, "Output format: table, csv or json")->capture_default_str();
    command.add_flag("--keep-formulas", keep_formulas,
                     "CSV: write text cells starting with =, +, -, @ as they are (by default a ' is put before "
                     "them, so spreadsheets do not run them as formulas)");
}

Format Context::output_format() const {
    Format f = parse_format(format);
    if (keep_formulas && f != Format::Csv)
        throw AtlasError(ErrorKind::Usage,
                         "--keep-formulas is for CSV output; --format " + format + " is written as it is: drop it");
    return f;
}

std::string Context::geodata_source() const { return data.geodata.empty() ? bundled_geodata_path() : data.geodata; }

DocumentSources Context::sources() const {
    std::string source = geodata_source();
    Datum datum = parse_datum(data.datum);
    if (data.geodata.empty() && datum != Datum::Wgs84)
        throw AtlasError(ErrorKind::Usage,
                         "--datum describes --geodata; the bundled data is WGS84 already (converted "
                         "from GCJ-02 when it was built)");
    std::error_code ec;
    if (data.geodata.empty() && !std::filesystem::exists(source, ec)) {
        const char* env = std::getenv("CLUSTERATLAS_DATA");
        throw AtlasError(
            ErrorKind::Input,
            escape_controls(source) + ": no such file; the bundled data is read from " +
                (env != nullptr && *env != '\0' ? "$CLUSTERATLAS_DATA" : "../share/clusteratlas beside the program") +
                " (set CLUSTERATLAS_DATA to its folder, or give --geodata and --plan)");
    }
    DocumentSources out{{source, data.provinces_layer, data.code_field, data.name_field, data.name_en_field, "", datum},
                        {source, data.prefectures_layer, data.code_field, data.name_field, data.name_en_field,
                         data.province_field, datum},
                        data.plan.empty() ? bundled_plan_path() : data.plan,
                        {},
                        bundled_places_dir()};
    std::string counties = data.counties == "none"  ? ""
                           : !data.counties.empty() ? data.counties
                           : data.geodata.empty()   ? county_layer_path()
                                                    : "";
    // A field named other than the bundled schema's is the user's: it must be there.
    for (LayerSpec* spec : {&out.provinces, &out.prefectures})
        spec->name_en_field_named = data.name_en_field != bundled_schema::kNameEnField;
    out.prefectures.parent_field_named = data.province_field != bundled_schema::kParentField;
    if (!counties.empty()) {
        out.counties = LayerSpec{counties, "counties"};
        out.counties->parent_field = "prefecture_code";
    }
    return out;
}

Document& Context::doc() {
    if (doc_) return *doc_;
    doc_ = std::make_unique<Document>(sources());
    // Computing region shapes where no store has them takes seconds: a bar on a terminal.
    if (::isatty(STDERR_FILENO))
        doc_->set_progress([](const std::string& what, std::size_t done, std::size_t total) {
            std::cerr << "\rpreparing " << what << " " << done << "/" << total << (done == total ? "\n" : "")
                      << std::flush;
        });
    return *doc_;
}

void Context::print_new_warnings() {
    const auto& warnings = doc().warnings();
    for (; warnings_printed_ < warnings.size(); ++warnings_printed_)
        std::cerr << "warning: " << bounded_message(warnings[warnings_printed_]) << '\n';
}

void Context::check_projection(const std::string& name) const {
    ProjectionSummary projection = summarize_projection(name);
    if (!projection.caveat.empty()) std::cerr << "warning: " << projection.caveat << '\n';
}

void Context::refuse_projection(const std::string& command) const {
    if (projection_given())
        throw AtlasError(ErrorKind::Usage, "--projection draws maps (render, view); " + command +
                                               " draws none (areas are measured on the WGS84 ellipsoid, whatever "
                                               "the projection): drop it");
}

bool Context::projection_given() const {
    for (const CLI::Option* o : projection_options_)
        if (o->count() > 0) return true;
    return false;
}

}  // namespace atlas::cli
