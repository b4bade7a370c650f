// `clusteratlas list provinces|prefectures`: one row per unit.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"

namespace atlas::cli {

namespace {

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

Table unit_table(const RegionLayer& layer, bool with_province, const std::string& province_filter) {
    Table t;
    t.add_column("code");
    if (with_province) t.add_column("province_code");
    t.add_column("name_zh");
    t.add_column("name_en");
    t.add_column("area_km2", true);
    t.add_column("label_lon", true);
    t.add_column("label_lat", true);
    for (const Region& r : layer.regions) {
        if (!province_filter.empty() && r.parent_code != province_filter) continue;
        std::vector<std::string> row{r.code};
        if (with_province) row.push_back(r.parent_code);
        row.insert(row.end(), {r.name_zh, r.name_en, fixed(r.area_km2, 1), fixed(r.label.lon, 5),
                               fixed(r.label.lat, 5)});
        t.rows.push_back(std::move(row));
    }
    return t;
}

struct ListArgs {
    std::string what;
    std::string province;
};

void run_list(Context& ctx, const ListArgs& args) {
    Format format = ctx.output_format();
    if (args.what == "provinces") {
        print_table(std::cout, unit_table(ctx.provinces(), false, ""), format);
    } else if (args.what == "prefectures") {
        if (!args.province.empty() && ctx.provinces().find(args.province) == nullptr)
            throw AtlasError(ErrorKind::NotFound, "unknown province code '" + args.province + "'");
        print_table(std::cout, unit_table(ctx.prefectures(), true, args.province), format);
    } else {
        throw AtlasError(ErrorKind::Usage, "cannot list '" + args.what + "' (use provinces or prefectures)");
    }
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ListArgs>();
    CLI::App* cmd = app.add_subcommand("list", "List provinces or prefectures");
    cmd->add_option("what", args->what, "provinces | prefectures")->required();
    cmd->add_option("--province", args->province, "Only the prefectures of this province code (e.g. 320000)");
    ctx.add_format_option(*cmd);
    cmd->callback([&ctx, args] { run_list(ctx, *args); });
}

}  // namespace atlas::cli
