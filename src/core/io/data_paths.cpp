#include "io/data_paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace atlas {

std::string bundled_data_dir() {
    if (const char* env = std::getenv("CLUSTERATLAS_DATA"); env != nullptr && *env != '\0') return env;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(fs::path(ATLAS_SOURCE_GEODATA) / "china.gpkg", ec)) return ATLAS_SOURCE_GEODATA;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return (exe.parent_path() / ".." / "share" / "clusteratlas").lexically_normal().string();
}

std::string bundled_geodata_path() { return bundled_data_dir() + "/china.gpkg"; }

std::string bundled_plan_path() { return bundled_data_dir() + "/plan.json"; }

}  // namespace atlas
