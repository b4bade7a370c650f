// `clusteratlas render -o map.png`: the map drawn headless (EGL) into a PNG.
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "headless.hpp"
#include "option_values.hpp"

namespace atlas::cli {

namespace {

struct RenderArgs {
    std::string output, size = "1600x1200", layers, lang = "en", industry;
    std::vector<std::string> regions;
    bool force = false;
};

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

void run_render(Context& ctx, const RenderArgs& args) {
    render::RenderRequest r;
    r.output = args.output;
    parse_size(args.size, r.width, r.height);
    r.projection = ctx.data.projection;
    r.layers = split(args.layers);
    for (const std::string& name : args.regions) r.regions.push_back(ctx.region(name).id);
    if (!args.industry.empty()) r.industry = ctx.industry(args.industry).id;
    r.english = parse_english(args.lang);
    r.force = args.force;
    ctx.plan();
    render::RenderResult result = render::render_png(ctx.doc(), r);
    std::cerr << "wrote " << r.output << " (" << r.width << "x" << r.height << ", " << r.projection << ", "
              << result.renderer << ")\n";
}

}  // namespace

void register_render(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* cmd = app.add_subcommand("render", "Draw the map headless into a PNG");
    cmd->add_option("-o,--output", args->output, "PNG to write")->required();
    cmd->add_option("--size", args->size, "WIDTHxHEIGHT in pixels")->capture_default_str();
    cmd->add_option("--layers", args->layers, "Comma list of provinces, prefectures, regions, hubs, labels (default all)");
    cmd->add_option("--region", args->regions, "Show only this region (id or name; repeatable)");
    cmd->add_option("--industry", args->industry, "Show only the regions designated for this industry");
    cmd->add_option("--lang", args->lang, "Label language: en or zh")->capture_default_str();
    cmd->add_flag("--force", args->force, "Replace an existing file");
    cmd->callback([&ctx, args] { run_render(ctx, *args); });
}

}  // namespace atlas::cli
