// `clusteratlas prepare`: computes the region shapes of the current data once and keeps them in the
// prepared-data store (store/shape_store.hpp), so that later commands read them instead.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "store/shape_store.hpp"

namespace atlas::cli {

namespace {

struct PrepareArgs {
    std::string output;
    bool force = false;
};

void run_prepare(Context& ctx, const PrepareArgs& args) {
    Document& doc = ctx.doc();
    if (args.output.empty()) {
        // Through the store, as any command: read where one is, else computed and kept in the cache.
        std::size_t regions = ctx.shapes().size();
        std::cerr << regions << " region shapes: " << doc.store_origin() << '\n';
        return;
    }
    // A store file of its own (the one shipped beside the bundled data): always computed afresh.
    std::string fingerprint = doc.shapes_fingerprint();
    PreparedShapes shapes = doc.compute_prepared_shapes();
    write_shape_store(args.output, fingerprint, shapes, args.force);
    std::cerr << "wrote " << args.output << ": " << shapes.size() << " region shapes (fingerprint " << fingerprint
              << ")\n";
}

}  // namespace

void register_prepare(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<PrepareArgs>();
    CLI::App* cmd = app.add_subcommand(
        "prepare", "Compute the regions' unions, label anchors and areas once and keep them (the cache, or -o FILE)");
    cmd->add_option("-o,--output", args->output,
                    "Write the store to this GeoPackage instead of the cache (as shipped beside the bundled data)");
    cmd->add_flag("--force", args->force, "Replace an existing output file");
    cmd->callback([&ctx, args] { run_prepare(ctx, *args); });
}

}  // namespace atlas::cli
