#include "io/data_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace atlas {

namespace {

bool has_data(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::exists(dir / "china.gpkg", ec);
}

}  // namespace

std::string bundled_data_dir() {
    if (const char* env = std::getenv("CLUSTERATLAS_DATA"); env != nullptr && *env != '\0') return env;
    namespace fs = std::filesystem;
    // An installed binary (BINDIR/clusteratlas) reads the data installed beside it
    // (DATADIR/clusteratlas), even on a machine that also holds a checkout; a binary in a build
    // folder has nothing there and reads the checkout it was built from.
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path installed = (exe.parent_path() / ".." / "share" / "clusteratlas").lexically_normal();
    if (!ec && has_data(installed)) return installed.string();
    if (has_data(ATLAS_SOURCE_GEODATA)) return ATLAS_SOURCE_GEODATA;
    return installed.string();
}

std::string bundled_geodata_path() { return bundled_data_dir() + "/china.gpkg"; }

std::string bundled_plan_path() { return bundled_data_dir() + "/plan.json"; }

std::string bundled_data_notes_path() {
    namespace fs = std::filesystem;
    fs::path dir = bundled_data_dir();
    std::error_code ec;
    if (fs::exists(dir / "SOURCES.md", ec)) return (dir / "SOURCES.md").string();
    // Installed: DATADIR/clusteratlas beside DATADIR/doc/clusteratlas (assets/CMakeLists.txt).
    return (dir / ".." / "doc" / "clusteratlas" / "DATA-SOURCES.md").lexically_normal().string();
}

}  // namespace atlas
