#pragma once
/// What every subcommand shares: data-source options and the data loaded from them (lazily, once).

#include <memory>
#include <optional>
#include <string>

#include <map>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "analysis/search.hpp"
#include "io/region_reader.hpp"
#include "model/plan.hpp"
#include "table.hpp"

namespace CLI {
class App;
}

namespace atlas::cli {

struct DataOptions {
    std::string geodata;  ///< empty: the bundled GeoPackage
    std::string provinces_layer = "provinces";
    std::string prefectures_layer = "prefectures";
    std::string code_field = "code";
    std::string name_field = "name_zh";
    std::string name_en_field = "name_en";
    std::string province_field = "province_code";
    std::string plan;  ///< empty: the bundled plan file
    std::string projection = "albers";
};

class Context {
public:
    DataOptions data;
    std::string format = "table";

    /// Adds the data-source options to an app (inherited by its subcommands).
    void add_data_options(CLI::App& app);
    /// Adds --format to a subcommand.
    void add_format_option(CLI::App& command);

    std::string geodata_source() const;
    LayerSpec provinces_spec() const;
    LayerSpec prefectures_spec() const;

    /// Loaded on first use; warnings go to stderr.
    const RegionLayer& provinces();
    const RegionLayer& prefectures();

    std::string plan_path() const;
    /// The plan file, validated against the geodata.
    const Plan& plan();
    /// The shape of one region (built on first use) or of all of them, in plan order.
    const RegionShape& shape(const PlanRegion& region);
    std::vector<const RegionShape*> shapes();
    /// Search over provinces, prefectures, regions and industries.
    const SearchIndex& search();
    /// A region or industry from what the user typed; AtlasError(NotFound) with suggestions otherwise.
    const PlanRegion& region(const std::string& query);
    const Industry& industry(const std::string& query);

    Format output_format() const { return parse_format(format); }

private:
    std::optional<RegionLayer> provinces_;
    std::optional<RegionLayer> prefectures_;
    std::optional<Plan> plan_;
    std::map<std::string, RegionShape> shapes_;
    std::optional<SearchIndex> search_;
};

}  // namespace atlas::cli
