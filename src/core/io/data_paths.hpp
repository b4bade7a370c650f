#pragma once
/// Where the bundled data lives: $CLUSTERATLAS_DATA if set; else DATADIR/clusteratlas relative to
/// the executable as installed (e.g. /usr/bin -> /usr/share/clusteratlas) where it holds china.gpkg
/// and plan.json; else geodata/ beside the executable (a build folder links it to the checkout's).
/// No absolute path is compiled in. Never throws: a folder without the data surfaces as the
/// readers' "cannot open" error naming the installed path.

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

/// The county layer (GeoPackage, layer `counties`) that scripts/fetch-counties builds on this
/// machine, since its data may not be redistributed: $CLUSTERATLAS_COUNTIES when set (an empty value
/// means none), else counties.gpkg in bundled_data_dir() (a build folder's geodata/), else
/// $XDG_DATA_HOME/clusteratlas/counties.gpkg (~/.local/share when unset). Empty when none exists.
std::string county_layer_path();

}  // namespace atlas
