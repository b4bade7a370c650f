#pragma once
/// Where the bundled data lives: $CLUSTERATLAS_DATA if set, else the source tree's geodata/
/// (the build records it), else ../share/clusteratlas beside the executable.

#include <string>

namespace atlas {

/// The folder holding china.gpkg and plan.json.
std::string bundled_data_dir();

/// bundled_data_dir() + "/china.gpkg".
std::string bundled_geodata_path();

/// bundled_data_dir() + "/plan.json".
std::string bundled_plan_path();

}  // namespace atlas
