#pragma once
/// Each subcommand registers itself on the app; its callback prints data to stdout and throws
/// AtlasError on failure (main maps it to an exit code).

namespace CLI {
class App;
}

namespace atlas::cli {

class Context;

/// info, list, show, compare and coverage: what both programs answer (io/program_files.hpp).
void register_queries(CLI::App& app, Context& ctx);
void register_info(CLI::App& app, Context& ctx);
void register_list(CLI::App& app, Context& ctx);
void register_build_geodata(CLI::App& app, Context& ctx);
void register_build_counties(CLI::App& app, Context& ctx);
void register_prepare(CLI::App& app, Context& ctx);
void register_show(CLI::App& app, Context& ctx);
void register_compare(CLI::App& app, Context& ctx);
void register_coverage(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_points(CLI::App& app, Context& ctx);
void register_render(CLI::App& app, Context& ctx);
void register_view(CLI::App& app, Context& ctx);
void run_default_view(Context& ctx);

}  // namespace atlas::cli
