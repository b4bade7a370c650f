#pragma once
/// Where the bundled data lives: $CLUSTERATLAS_DATA if set, else ../share/clusteratlas beside the
/// executable where it holds china.gpkg (an installed binary, e.g. /usr/bin -> /usr/share/clusteratlas),
/// else the source tree's geodata/ (the build records it). Never throws: a folder without the data
/// surfaces as the readers' "cannot open" error naming the path.

#include <string>

namespace atlas {

/// The folder holding china.gpkg and plan.json.
std::string bundled_data_dir();

/// bundled_data_dir() + "/china.gpkg".
std::string bundled_geodata_path();

/// bundled_data_dir() + "/plan.json".
std::string bundled_plan_path();

/// How the bundled data was derived and its licence: geodata/SOURCES.md in a checkout,
/// DATADIR/doc/clusteratlas/DATA-SOURCES.md where installed.
std::string bundled_data_notes_path();

}  // namespace atlas
