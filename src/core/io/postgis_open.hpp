#pragma once
/// Opening a PostGIS database through GDAL (inside the core: the header needs GDAL's).

#include <gdal_priv.h>

#include <string>

#include "error.hpp"

namespace atlas {

/// Opens a PostGIS database (a 10 s connect timeout unless the string sets one). Throws AtlasError
/// (`kind`) naming host and database with the server's reason when it cannot connect, and when the
/// database lacks the PostGIS extension.
GDALDatasetUniquePtr open_postgis(const std::string& connection, bool update, ErrorKind kind);

}  // namespace atlas
