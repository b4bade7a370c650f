// `clusteratlas build-geodata`: rebuilds geodata/china.gpkg from the echarts npm package
// (scripts/build-geodata fetches the package and calls this).
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
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

}  // namespace atlas::cli
