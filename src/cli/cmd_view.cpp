// `clusteratlas view` (also what `clusteratlas` alone runs): the interactive viewer.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <tuple>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/output_file.hpp"
#include "option_values.hpp"
#include "scene/figure.hpp"
#include "scene/prepared_figure.hpp"
#include "session_options.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"
#include "viewer_app.hpp"

namespace atlas::cli {

namespace {
struct ViewArgs {
    std::string size = "1400x900", lang = "en", view;
    viewer::ViewerOptions options;
    FigureArgs figure;
    CLI::Option* size_option = nullptr;
    CLI::Option* lang_option = nullptr;
};

/// --view LON,LAT,METRES_PER_PIXEL: degrees on the sphere and the viewer's zoom range (1 m to
/// 100 km a pixel). `--view 500,500,1` printed PROJ's own words and opened a map of nothing.
void parse_view(const std::string& view, Session& s) {
    char c1 = 0, c2 = 0;
    std::istringstream v(view);
    if (!(v >> s.centre.lon >> c1 >> s.centre.lat >> c2 >> s.metres_per_pixel) || c1 != ',' || c2 != ',' ||
        !(v >> std::ws).eof())
        throw AtlasError(ErrorKind::Usage, "bad --view " + quote_value(view) + " (use LON,LAT,METRES_PER_PIXEL)");
    auto refuse = [&](const std::string& why) {
        throw AtlasError(ErrorKind::Usage, "--view " + quote_value(view) + ": " + why);
    };
    if (!(s.centre.lon >= -180 && s.centre.lon <= 180)) refuse("longitude must be -180 to 180 degrees");
    if (!(s.centre.lat >= -90 && s.centre.lat <= 90)) refuse("latitude must be -90 to 90 degrees");
    if (!(s.metres_per_pixel >= 1 && s.metres_per_pixel <= 1e5)) refuse("metres per pixel must be 1 to 100000");
    s.has_camera = true;
}

/// --screenshot is checked as `render -o` is, before a window opens: a PNG name, a window a map
/// fits in, and an existing file kept unless --force (it was overwritten, and any name was
/// written as PNG bytes).
void check_screenshot(const ViewArgs& args) {
    const std::string& path = args.options.screenshot;
    if (args.options.force && path.empty() && args.options.state_file.empty() && args.options.frame_log.empty() &&
        args.options.soak_log.empty())
        throw AtlasError(ErrorKind::Usage,
                         "--force replaces a --screenshot, --state-file, --frame-log or --soak-log: give one");
    if (args.options.frames < 0)
        throw AtlasError(ErrorKind::Usage,
                         "--frames " + std::to_string(args.options.frames) + ": must be 0 (run until closed) or more");
    if (path.empty()) return;
    refuse_folder(path, "screenshot", "screenshot.png");
    if (path == "-" || ascii_lower(std::filesystem::path(path).extension().string()) != ".png")
        throw AtlasError(
            ErrorKind::Usage,
            quote_value(path) + ": --screenshot is a PNG of the window; name it .png (render -o draws SVG and PDF)");
    check_target(path, args.options.force, "PNG");
}

/// The window: room for the panels and a map beside them (a 10x10 window opened, and its
/// screenshot was of nothing), at most what a framebuffer holds.
void check_window_size(const viewer::ViewerOptions& o) {
    constexpr int kMinWidth = 480, kMinHeight = 320, kMost = 8192;
    if (o.width < kMinWidth || o.height < kMinHeight || o.width > kMost || o.height > kMost)
        throw AtlasError(ErrorKind::Usage, "window size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                                               ": must be 480x320 to 8192x8192");
}

/// --state-file is an output like --screenshot: an existing file is kept unless --force (the
/// viewer replaced it at its first frame).
void check_state_file(const ViewArgs& args) {
    const std::string& path = args.options.state_file;
    if (path.empty()) return;
    refuse_stdout_target("--state-file", path, "the viewer's state", "state.json");
    refuse_folder(path, "state file", "state.json");
    check_target(path, args.options.force, "state file");
}

/// Neither output may be a file the viewer reads: `view --session s.json --state-file f.csv --force`
/// replaced the session's points with the viewer's state.
void refuse_inputs_as_outputs(const ViewArgs& args) {
    const Session& s = args.options.session;
    const viewer::ViewerOptions& o = args.options;
    for (const std::string* input : {&args.figure.data, &args.figure.session, &s.data.path, &s.furniture.inset})
        for (const std::string* output : {&o.screenshot, &o.state_file, &o.frame_log, &o.soak_log})
            refuse_named_input(*output, *input);
    // No two outputs in one file: `--frame-log x.png --screenshot x.png` left the log where the PNG was.
    const std::array<std::pair<const char*, const std::string*>, 4> outputs{{{"--screenshot", &o.screenshot},
                                                                             {"--state-file", &o.state_file},
                                                                             {"--frame-log", &o.frame_log},
                                                                             {"--soak-log", &o.soak_log}}};
    for (std::size_t i = 0; i < outputs.size(); ++i)
        for (std::size_t j = i + 1; j < outputs.size(); ++j)
            refuse_same_output(outputs[i].first, *outputs[i].second, outputs[j].first, *outputs[j].second);
}

/// --frame-log and --soak-log are outputs as --state-file is: kept unless --force (a rerun replaced
/// them without a word).
void check_logs(const ViewArgs& args) {
    for (auto [option, path, what] : {std::tuple{"--frame-log", &args.options.frame_log, "frame log"},
                                      std::tuple{"--soak-log", &args.options.soak_log, "soak log"}}) {
        if (path->empty()) continue;
        refuse_stdout_target(option, *path, std::string("the ") + what, "frames.txt");
        refuse_folder(*path, what, "frames.txt");
        check_target(*path, args.options.force, what);
    }
}

/// `cmd`: the subcommand whose options were given; null without one (no option given).
void run_view(Context& ctx, const CLI::App* cmd, ViewArgs& args) {
    Session& s = args.options.session;
    s = resolve_session(ctx, args.figure);
    if (cmd != nullptr) refuse_figure_options_without_effect(*cmd, args.figure, s, false);
    if (args.figure.session.empty() || (args.size_option != nullptr && args.size_option->count() > 0))
        parse_size(args.size, s.width, s.height);
    if (args.figure.session.empty() || (args.lang_option != nullptr && args.lang_option->count() > 0))
        s.english = parse_english(args.lang);
    args.options.width = s.width, args.options.height = s.height, args.options.english = s.english;
    // A session saved by the viewer reopens the window it was saved from: "size" is only its map.
    bool size_typed = args.size_option != nullptr && args.size_option->count() > 0;
    if (!args.figure.session.empty() && !size_typed && s.window_width > 0)
        args.options.width = s.window_width, args.options.height = s.window_height;
    // A figure's session (render --save-session at 400x300) names the figure's size, not a window:
    // opened in a window grown to hold the panels (it was refused as a usage error).
    if (!args.figure.session.empty() && !size_typed && s.window_width <= 0) {
        int width = std::clamp(args.options.width, 480, 8192), height = std::clamp(args.options.height, 320, 8192);
        if (width != args.options.width || height != args.options.height)
            std::cerr << "note: " << escape_controls(args.figure.session) << ": its figure is " << args.options.width
                      << "x" << args.options.height << "; the window opens at " << width << "x" << height << '\n';
        args.options.width = width, args.options.height = height;
    }
    args.options.session_path = args.figure.session;
    // Regions to compare typed here open the tab that lists them (the Layers tab showed no comparison).
    if (!args.figure.compare.empty()) s.sidebar_tab = "compare";
    if (!args.view.empty()) parse_view(args.view, s);
    check_window_size(args.options);
    // The session's inset, refused as render refuses it (the viewer read it only at Save figure,
    // and opened with /dev/urandom named).
    if (!s.furniture.inset.empty())
        for (const std::string& w : read_session_inset(s).warnings)
            std::cerr << "warning: " << bounded_message(w) << '\n';
    refuse_inputs_as_outputs(args);
    check_screenshot(args);
    check_state_file(args);
    check_logs(args);
    if (args.figure.session.empty() || ctx.projection_given()) s.projection = ctx.data.projection;
    args.options.projection = s.projection;
    ctx.check_projection(s.projection);
    ctx.plan();
    // A bad CSV is refused here, each bad row named, before a window opens.
    load_figure_data(ctx, args.figure, s);
    viewer::run_viewer(ctx.doc(), args.options);
}
}  // namespace

void register_view(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ViewArgs>();
    CLI::App* cmd = app.add_subcommand("view", "Open the interactive map viewer (the default without a subcommand)");
    args->size_option = cmd->add_option("--size", args->size, "Window WIDTHxHEIGHT")->capture_default_str();
    args->lang_option = cmd->add_option("--lang", args->lang, "Label language: en or zh")->capture_default_str();
    add_figure_options(cmd, args->figure);
    cmd->add_option("--screenshot", args->options.screenshot,
                    "Save the third frame (panels laid out; the last with --frames 1 or 2) as PNG, then quit");
    cmd->add_flag("--force", args->options.force,
                  "Replace an existing --screenshot, --state-file, --frame-log or --soak-log");
    cmd->add_option("--state-file", args->options.state_file, "Write camera and selection as JSON on every change");
    cmd->add_option("--frames", args->options.frames, "Quit after this many frames (0: run until closed)");
    cmd->add_option("--view", args->view, "Start at LON,LAT,METRES_PER_PIXEL (e.g. 121.5,31.2,300)");
    cmd->add_option("--frame-log", args->options.frame_log, "Write each frame's time in ms to this file");
    cmd->add_flag("--redraw-every-frame", args->options.redraw_every_frame,
                  "Draw the whole map every frame instead of reusing it (benchmarks)");
    cmd->add_option("--bench-pan", args->options.bench_pan_px, "Pan this many pixels every frame (benchmarks)");
    cmd->add_option("--bench-zoom", args->options.bench_zoom,
                    "Zoom by this factor every frame, out to the national view and back in to 250 m/px (benchmarks)")
        ->check(CLI::Range(1.0, 4.0));
    cmd->add_option(
        "--soak-seed", args->options.soak_seed,
        "Random pan, zoom, hover, select and toggles every frame from this seed (soak runs; with --frames)");
    cmd->add_option("--soak-log", args->options.soak_log,
                    "Write 'frame resident_kB' every 100 frames here (soak runs)");
    cmd->callback([&ctx, cmd, args] { run_view(ctx, cmd, *args); });
}

/// Runs the viewer with default options (no subcommand given).
void run_default_view(Context& ctx) {
    ViewArgs args;
    run_view(ctx, nullptr, args);
}

}  // namespace atlas::cli
