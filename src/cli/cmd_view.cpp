// `clusteratlas view` (also what `clusteratlas` alone runs): the interactive viewer.
#include <CLI/CLI.hpp>

#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "option_values.hpp"
#include "viewer_app.hpp"

namespace atlas::cli {

namespace {
struct ViewArgs {
    std::string size = "1400x900", lang = "en", view, industry;
    viewer::ViewerOptions options;
};

void run_view(Context& ctx, ViewArgs& args) {
    parse_size(args.size, args.options.width, args.options.height);
    args.options.english = parse_english(args.lang);
    if (!args.view.empty()) {
        char c1 = 0, c2 = 0;
        std::istringstream v(args.view);
        if (!(v >> args.options.view_centre.lon >> c1 >> args.options.view_centre.lat >> c2 >>
              args.options.view_metres_per_pixel) || c1 != ',' || c2 != ',' || args.options.view_metres_per_pixel <= 0)
            throw AtlasError(ErrorKind::Usage, "bad --view '" + args.view + "' (use LON,LAT,METRES_PER_PIXEL)");
        args.options.has_view = true;
    }
    args.options.projection = ctx.data.projection;
    if (!args.industry.empty()) args.options.industry = ctx.industry(args.industry).id;
    ctx.plan();
    viewer::run_viewer(ctx.doc(), args.options);
}
}  // namespace

void register_view(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ViewArgs>();
    CLI::App* cmd = app.add_subcommand("view", "Open the interactive map viewer (the default without a subcommand)");
    cmd->add_option("--size", args->size, "Window WIDTHxHEIGHT")->capture_default_str();
    cmd->add_option("--lang", args->lang, "Label language: en or zh")->capture_default_str();
    cmd->add_option("--industry", args->industry, "Start with the regions designated for this industry highlighted");
    cmd->add_option("--screenshot", args->options.screenshot, "Save the first complete frame as PNG, then quit");
    cmd->add_option("--state-file", args->options.state_file, "Write camera and selection as JSON on every change");
    cmd->add_option("--frames", args->options.frames, "Quit after this many frames");
    cmd->add_option("--view", args->view, "Start at LON,LAT,METRES_PER_PIXEL (e.g. 121.5,31.2,300)");
    cmd->add_option("--frame-log", args->options.frame_log, "Write each frame's time in ms to this file");
    cmd->add_flag("--redraw-every-frame", args->options.redraw_every_frame,
                  "Draw the whole map every frame instead of reusing it (benchmarks)");
    cmd->add_option("--bench-pan", args->options.bench_pan_px, "Pan this many pixels every frame (benchmarks)");
    cmd->callback([&ctx, args] { run_view(ctx, *args); });
}

/// Runs the viewer with default options (no subcommand given).
void run_default_view(Context& ctx) {
    ViewArgs args;
    run_view(ctx, args);
}

}  // namespace atlas::cli
