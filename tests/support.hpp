#pragma once
// Shared test helpers: the bundled layers (loaded once), temporary folders, running the CLI.

#include <string>

#include "analysis/region_shapes.hpp"
#include "document.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"
#include "scene/session.hpp"

namespace atlas::test {

const RegionLayer& bundled_provinces();
const RegionLayer& bundled_prefectures();
const Plan& bundled_plan();
/// A Document on the bundled data, shared by the tests (its shapes are built once).
Document& bundled_document();
const std::vector<RegionShape>& bundled_shapes();
/// The bundled shape of a region id, or null.
const RegionShape* shape(const std::string& id);
/// The plan's English text.
const std::string& plan_text();

/// A fresh empty folder under the system temp dir, removed at exit of the object.
class TempFolder {
  public:
    TempFolder();
    ~TempFolder();
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
};

struct CliResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

/// Runs the built clusteratlas with the arguments (a shell-quoted string), under `env` with the
/// given NAME=value words when `environment` is not empty.
CliResult run_cli(const std::string& args, const std::string& environment = "");

/// Number of lines in a text.
std::size_t line_count(const std::string& text);

/// Whole file as a string ("" when it cannot be read).
std::string read_text(const std::string& path);

/// A session whose choropleth is tests/data/points/firms.csv counted per prefecture (7 points),
/// its column `column`, summing `value` when given.
Session firms_points_session(const std::string& column, const std::string& value = "");

}  // namespace atlas::test
