#include "context.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "analysis/resolve.hpp"
#include "io/data_paths.hpp"
#include "io/plan_reader.hpp"

namespace atlas::cli {

void Context::add_data_options(CLI::App& app) {
    app.add_option("--geodata,--regions", data.geodata,
                   "Vector source of provinces and prefectures: a file or an OGR connection string "
                   "such as \"PG:host=... dbname=...\" (default: the bundled GeoPackage)");
    app.add_option("--provinces-layer", data.provinces_layer, "Layer holding provinces")->capture_default_str();
    app.add_option("--prefectures-layer", data.prefectures_layer, "Layer holding prefectures")->capture_default_str();
    app.add_option("--code-field", data.code_field, "Field holding the GB/T 2260 code")->capture_default_str();
    app.add_option("--name-field", data.name_field, "Field holding the Chinese name")->capture_default_str();
    app.add_option("--name-en-field", data.name_en_field, "Field holding the English name (optional)")
        ->capture_default_str();
    app.add_option("--province-field", data.province_field,
                   "Field of a prefecture holding its province code (optional: else derived from the code)")
        ->capture_default_str();
    app.add_option("--plan", data.plan, "Plan file (default: the bundled geodata/plan.json)");
    app.add_option("--projection", data.projection,
                   "Map projection: albers (China Albers equal-area), mercator, platecarree, an EPSG code "
                   "or a PROJ string")
        ->capture_default_str();
}

void Context::add_format_option(CLI::App& command) {
    command.add_option("--format", format, "Output format: table, csv or json")->capture_default_str();
}

std::string Context::geodata_source() const { return data.geodata.empty() ? bundled_geodata_path() : data.geodata; }

LayerSpec Context::provinces_spec() const {
    return {geodata_source(), data.provinces_layer, data.code_field, data.name_field, data.name_en_field, ""};
}

LayerSpec Context::prefectures_spec() const {
    return {geodata_source(),   data.prefectures_layer, data.code_field, data.name_field,
            data.name_en_field, data.province_field};
}

namespace {
RegionLayer load(const LayerSpec& spec) {
    ReadReport report;
    RegionLayer layer = read_regions(spec, report);
    for (const auto& w : report.warnings) std::cerr << "warning: " << w << '\n';
    return layer;
}
}  // namespace

const RegionLayer& Context::provinces() {
    if (!provinces_) provinces_ = load(provinces_spec());
    return *provinces_;
}

const RegionLayer& Context::prefectures() {
    if (!prefectures_) prefectures_ = load(prefectures_spec());
    return *prefectures_;
}

std::string Context::plan_path() const { return data.plan.empty() ? bundled_plan_path() : data.plan; }

const Plan& Context::plan() {
    if (!plan_) {
        Plan loaded = read_plan(plan_path());
        validate_plan(loaded, provinces(), prefectures(), plan_path());
        plan_ = std::move(loaded);
    }
    return *plan_;
}

const RegionShape& Context::shape(const PlanRegion& region) {
    auto it = shapes_.find(region.id);
    if (it == shapes_.end())
        it = shapes_.emplace(region.id, build_region_shape(region, provinces(), prefectures())).first;
    return it->second;
}

std::vector<const RegionShape*> Context::shapes() {
    std::vector<const RegionShape*> out;
    for (const PlanRegion& r : plan().regions) out.push_back(&shape(r));
    return out;
}

const SearchIndex& Context::search() {
    if (!search_) search_.emplace(&provinces(), &prefectures(), &plan());
    return *search_;
}

const PlanRegion& Context::region(const std::string& query) { return resolve_region(plan(), search(), query); }

const Industry& Context::industry(const std::string& query) { return resolve_industry(plan(), search(), query); }

}  // namespace atlas::cli
