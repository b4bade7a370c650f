// `clusteratlas render -o map.png`: the map drawn headless (EGL) into a PNG.
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/interrupt.hpp"
#include "option_values.hpp"
#include "render_backend.hpp"
#include "scene/figure.hpp"
#include "session_options.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"
#include "text/join.hpp"

namespace atlas::cli {

namespace {

struct RenderArgs {
    std::string output, size = "1600x1200", layers, lang = "en";
    std::vector<std::string> regions;
    bool force = false;
    FigureArgs figure;
    CLI::Option* size_option = nullptr;
    CLI::Option* lang_option = nullptr;
};

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

/// The figure of a session (from --session, or the defaults), with the command line on top: size,
/// language, layers and regions given here override the file's.
void run_render(Context& ctx, const RenderArgs& args) {
    // SIGINT, SIGTERM and SIGHUP during the (long) drawing: nothing written, exit 4, as for export.
    install_interrupt_cleanup();
    Session s = resolve_session(ctx, args.figure);
    ctx.check_projection(s.projection);
    bool from_file = !args.figure.session.empty();
    if (!from_file || args.size_option->count() > 0) parse_size(args.size, s.width, s.height);
    if (!from_file || args.lang_option->count() > 0) s.english = parse_english(args.lang);
    set_language(s.english ? Language::English : Language::Chinese);  // the legend's words
    if (!args.layers.empty()) {
        std::vector<std::string> layers = split(args.layers);
        if (layers.empty())
            throw AtlasError(ErrorKind::Usage, "--layers " + quote_value(args.layers) + " names no layer");
        show_only_layers(s, layers);
    }
    for (const PlanRegion& r : ctx.plan().regions)
        if (!args.regions.empty()) s.regions[r.id].visible = false;
    for (const std::string& name : args.regions) s.regions[ctx.region(name).id].visible = true;
    std::unique_ptr<UserTable> data = load_figure_data(ctx, args.figure, s);
    std::string renderer = draw_figure_png(ctx.doc(), s, data.get(), args.output, args.force);
    ctx.print_new_warnings();
    std::cerr << "wrote " << args.output << " (" << s.width << "x" << s.height << ", " << s.projection << ", "
              << renderer << ")\n";
}

}  // namespace

void register_render(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* cmd = app.add_subcommand("render", "Draw the map headless into a PNG");
    cmd->add_option("-o,--output", args->output, "PNG to write")->required();
    args->size_option = cmd->add_option("--size", args->size, "WIDTHxHEIGHT in pixels")->capture_default_str();
    std::vector<std::string> layer_names;
    for (const LayerSwitch& l : map_layers()) layer_names.push_back(l.name);
    cmd->add_option("--layers", args->layers,
                    "Layers to draw, comma-separated: " + join(layer_names, ", ") +
                        " (default: all but pilot_zones and new_districts)");
    cmd->add_option("--region", args->regions, "Show only this region (id or name; repeatable)");
    args->lang_option = cmd->add_option("--lang", args->lang, "Label language: en or zh")->capture_default_str();
    add_figure_options(cmd, args->figure);
    cmd->add_flag("--force", args->force, "Replace an existing file");
    cmd->callback([&ctx, args] { run_render(ctx, *args); });
}

}  // namespace atlas::cli
