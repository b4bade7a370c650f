#pragma once
/// What every subcommand shares: data-source options and the data loaded from them (lazily, once).

#include <memory>
#include <optional>
#include <string>

#include "io/region_reader.hpp"
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

    Format output_format() const { return parse_format(format); }

private:
    std::optional<RegionLayer> provinces_;
    std::optional<RegionLayer> prefectures_;
};

}  // namespace atlas::cli
