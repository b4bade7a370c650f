#include "io/data_paths.hpp"

#include <cstdlib>
#include <filesystem>

#include "io/program_files.hpp"

namespace atlas {

namespace {

namespace fs = std::filesystem;

bool has_data(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "china.gpkg", ec) && fs::is_regular_file(dir / "plan.json", ec);
}

/// The front program's folder, from either program (io/program_files.hpp).
fs::path exe_dir() { return program_dir(); }

}  // namespace

std::string bundled_data_dir() {
    if (const char* env = std::getenv("CLUSTERATLAS_DATA"); env != nullptr && *env != '\0') return env;
    // Installed: BINDIR/clusteratlas reads DATADIR/clusteratlas (the relative path CMake computed).
    fs::path installed = (exe_dir() / ATLAS_BIN_TO_DATADIR / "clusteratlas").lexically_normal();
    if (has_data(installed)) return installed.string();
    // A build folder: geodata/ beside the binary links to the checkout's (src/core/CMakeLists.txt).
    fs::path build_tree = exe_dir() / "geodata";
    if (has_data(build_tree)) return build_tree.string();
    // Neither: the installed place, which the readers' "cannot open" error then names.
    return installed.string();
}

std::string bundled_geodata_path() { return bundled_data_dir() + "/china.gpkg"; }

std::string bundled_plan_path() { return bundled_data_dir() + "/plan.json"; }

std::string bundled_data_notes_path() {
    fs::path dir = bundled_data_dir();
    std::error_code ec;
    if (fs::exists(dir / "SOURCES.md", ec)) return (dir / "SOURCES.md").string();
    // Installed: DATADIR/clusteratlas beside DATADIR/doc/clusteratlas (assets/CMakeLists.txt).
    return (dir / ".." / "doc" / "clusteratlas" / "DATA-SOURCES.md").lexically_normal().string();
}

std::string county_layer_path() {
    if (const char* env = std::getenv("CLUSTERATLAS_COUNTIES"); env != nullptr) return env;
    std::error_code ec;
    fs::path beside = fs::path(bundled_data_dir()) / "counties.gpkg";
    if (fs::is_regular_file(beside, ec)) return beside.string();
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    fs::path data_home = xdg != nullptr && *xdg != '\0' ? fs::path(xdg)
                         : home != nullptr              ? fs::path(home) / ".local" / "share"
                                                        : fs::path();
    fs::path user = data_home / "clusteratlas" / "counties.gpkg";
    return !data_home.empty() && fs::is_regular_file(user, ec) ? user.string() : std::string();
}

}  // namespace atlas
