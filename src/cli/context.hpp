#pragma once
/// What every subcommand shares: the data-source options, and the Document built from them on first use.

#include <memory>
#include <string>
#include <vector>

#include "document.hpp"
#include "table.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace atlas::cli {

struct DataOptions {
    std::string geodata;  ///< empty: the bundled GeoPackage
    std::string provinces_layer = bundled_schema::kProvincesLayer;
    std::string prefectures_layer = bundled_schema::kPrefecturesLayer;
    std::string code_field = bundled_schema::kCodeField;
    std::string name_field = bundled_schema::kNameField;
    std::string name_en_field = bundled_schema::kNameEnField;
    std::string province_field = bundled_schema::kParentField;
    std::string plan;  ///< empty: the bundled plan file
    std::string projection = "albers";
    std::string datum = "wgs84";  ///< of --geodata's lon/lat: wgs84, gcj02 or bd09
    /// --counties: a county layer (GeoPackage with a `counties` layer); "none" for none; empty: the
    /// one scripts/fetch-counties built, with the bundled data only.
    std::string counties;
};

class Context {
  public:
    DataOptions data;
    std::string format = "table";
    bool keep_formulas = false;  ///< --keep-formulas: CSV text cells written as they are

    /// Adds the data-source options (--geodata, --projection, --datum, ...) to an app.
    void add_data_options(CLI::App& app);
    /// Adds them to every subcommand of `app` as well, so that they work after the subcommand too.
    void add_global_options_to_subcommands(CLI::App& app);
    /// Adds --format to a subcommand.
    void add_format_option(CLI::App& command);

    std::string geodata_source() const;
    DocumentSources sources() const;

    /// Built from the options on first use; loading warnings are printed to stderr once.
    Document& doc();

    const RegionLayer& provinces() { return loaded(doc().provinces()); }
    const RegionLayer& prefectures() { return loaded(doc().prefectures()); }
    /// Without geometry where the layer allows (Document::province_units).
    const RegionLayer& province_units() { return loaded(doc().province_units()); }
    const RegionLayer& prefecture_units() { return loaded(doc().prefecture_units()); }
    const Plan& plan() { return loaded(doc().plan()); }
    const RegionShape& shape(const PlanRegion& region) { return loaded(doc().shape(region)); }
    std::vector<const RegionShape*> shapes() {
        std::vector<const RegionShape*> all = doc().shapes();
        print_new_warnings();
        return all;
    }
    /// Without geometry (Document::memberships).
    std::vector<const RegionShape*> memberships() {
        std::vector<const RegionShape*> all = doc().memberships();
        print_new_warnings();
        return all;
    }
    /// What the user typed, as a region or industry (Document::region); a near miss is said on stderr.
    const PlanRegion& region(const std::string& query) { return loaded(doc().region(query)); }
    const Industry& industry(const std::string& query) { return loaded(doc().industry(query)); }

    /// --format, for a command that prints its table. Throws AtlasError(Usage) for --keep-formulas
    /// with any format but csv: it changes CSV cells only, and was silently ignored.
    Format output_format() const;
    /// True when --projection was given on the command line (it then overrides a session's).
    bool projection_given() const;
    /// Throws AtlasError(Usage) when --projection was given to `command`, which draws no map (its
    /// areas are on the WGS84 ellipsoid whatever the projection): `list --projection robinsonx` was
    /// accepted, not even checked, and changed nothing.
    void refuse_projection(const std::string& command) const;
    /// Checks a projection before anything is drawn or written (AtlasError(Usage) when PROJ refuses it
    /// or it cannot show China); its caveat, if any, goes to stderr as a warning.
    void check_projection(const std::string& name) const;

    /// Prints the document's warnings not printed yet (stores rebuilt while drawing, for instance).
    void print_new_warnings();
    /// The same at the end of a command, whatever it read through doc() directly; nothing when no
    /// document was made (help, version, usage errors).
    void print_pending_warnings() {
        if (doc_) print_new_warnings();
    }

  private:
    template <typename T>
    const T& loaded(const T& value) {
        print_new_warnings();
        return value;
    }

    std::vector<CLI::Option*> projection_options_;
    std::unique_ptr<Document> doc_;
    std::size_t warnings_printed_ = 0;
};

}  // namespace atlas::cli
