// `clusteratlas prepare`: computes the region shapes and the levels of detail of the current data once
// and keeps them in the prepared-data store (store/shape_store.hpp, store/detail_levels.hpp), so that
// later commands read them instead.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/interrupt.hpp"
#include "io/output_file.hpp"
#include "store/detail_levels.hpp"
#include "store/shape_store.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace atlas::cli {

namespace {

struct PrepareArgs {
    std::string output;
    bool force = false;
};

/// "computed, kept in PATH", "computed", or the path a store was read from said as such.
std::string origin_text(const std::string& origin) {
    return origin.rfind("computed", 0) == 0 ? origin : "read from " + origin + " (already prepared)";
}

/// Both files written whole into one temporary folder beside them, then both put in place: a full
/// disk left a new store beside an old or missing levels file (exit 4), which later commands took
/// for a pair of another fingerprint and computed again.
void write_pair(const PrepareArgs& args, const std::string& levels_path, const std::string& fingerprint,
                const PreparedShapes& shapes, const DetailLevels& levels) {
    TempFolder temp(args.output);
    std::string store_file = temp.file("store.gpkg");
    std::string levels_file = temp.file("store.levels");
    try {
        write_shape_store(store_file, fingerprint, shapes, false);
        write_detail_levels(levels_file, fingerprint, levels, false);
    } catch (const AtlasError& e) {  // the message names the file the user asked for
        std::string message = e.message();
        for (auto [written, target] : {std::pair{store_file, args.output}, std::pair{levels_file, levels_path}})
            for (std::size_t at = message.find(written); at != std::string::npos; at = message.find(written))
                message.replace(at, written.size(), target);
        throw AtlasError(e.kind(), message);
    }
    CommitGroup pair;  // a signal after the store is in place waits for the levels
    commit_file(store_file, args.output, args.force, "store");
    commit_file(levels_file, levels_path, args.force, "levels store");
}

void run_prepare(Context& ctx, const PrepareArgs& args) {
    Document& doc = ctx.doc();
    if (args.output.empty()) {
        // Through the store, as any command: read where one is, else computed and kept in the cache.
        std::size_t regions = ctx.shapes().size();
        std::cerr << regions << " region shapes: " << origin_text(doc.store_origin()) << '\n';
        doc.detail_level(0);
        std::cerr << std::size(kDetailTolerances) << " levels of detail: " << origin_text(doc.levels_origin()) << '\n';
        ctx.print_new_warnings();
        // Keeping is what prepare is for: computed but not kept (the warning says why) is a failure.
        if (doc.store_origin() == "computed" || doc.levels_origin() == "computed")
            throw AtlasError(ErrorKind::Output, "the prepared data could not be kept in the cache (" +
                                                    (prepared_cache_dir().empty() ? std::string("no cache folder")
                                                                                  : prepared_cache_dir()) +
                                                    "); later commands will compute it again");
        return;
    }
    // A store of its own (the one shipped beside the bundled data): always computed afresh. Both
    // targets are checked before the work.
    // A GeoPackage by name: "-o -" made files named "-" and "-.levels", "-o s.levels" a GeoPackage
    // named s.levels beside s.levels.levels.
    refuse_stdout_target("-o", args.output, "a store", "china.gpkg");
    if (ascii_lower(std::filesystem::path(args.output).extension().string()) != ".gpkg")
        throw AtlasError(ErrorKind::Usage, "-o " + quote_value(args.output, 60) +
                                               ": the store is a GeoPackage; name it .gpkg (its levels of detail "
                                               "go beside it, .gpkg replaced by .levels)");
    std::string levels_path = levels_path_for(args.output);
    // A signal while computing said nothing (exit 143): the store is a write like export's.
    install_interrupt_cleanup();
    check_target(args.output, args.force, "store");
    check_target(levels_path, args.force, "levels store");
    std::string fingerprint = doc.shapes_fingerprint();
    PreparedShapes shapes = doc.compute_prepared_shapes();
    DetailLevels levels = doc.compute_detail_levels();
    // Again, now that the inputs are read and noted: an input named as either target (the levels
    // store's name is derived) is refused before either is written, not after the first.
    check_target(args.output, args.force, "store");
    check_target(levels_path, args.force, "levels store");
    write_pair(args, levels_path, fingerprint, shapes, levels);
    std::cerr << "wrote " << args.output << ": " << shapes.regions.size() << " region shapes, " << shapes.places.size()
              << " place shapes, and " << levels_path << ": " << levels.size() << " levels of detail (fingerprint "
              << fingerprint << ")\n";
}

}  // namespace

void register_prepare(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<PrepareArgs>();
    CLI::App* cmd = app.add_subcommand(
        "prepare",
        "Compute the regions' unions, label anchors and areas, and the levels of detail, once and keep them (the "
        "cache, or -o FILE)");
    cmd->add_option(
        "-o,--output", args->output,
        "Write the store to this GeoPackage (and the levels beside it, .gpkg replaced by .levels) instead of the "
        "cache, as shipped beside the bundled data");
    cmd->add_flag("--force", args->force, "Replace an existing output file");
    cmd->callback([&ctx, args] {
        ctx.refuse_projection("prepare");  // the store keeps lon/lat: the same file whatever it said
        run_prepare(ctx, *args);
    });
}

}  // namespace atlas::cli
