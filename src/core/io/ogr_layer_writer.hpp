#pragma once
/// Writing OutLayers into an open GDAL dataset (any OGR driver): fields typed for what the driver
/// holds, lists joined where it has no list type, short names for Shapefile. Shared by the file
/// writer (vector_writer) and the PostGIS writer.

#include <gdal_priv.h>

#include <memory>
#include <string>
#include <vector>

#include "io/vector_writer.hpp"

namespace atlas {

struct DriverTraits {
    bool lists = false;        ///< can hold StringList fields
    bool short_names = false;  ///< field names limited to 10 characters
    bool integer64 = true;     ///< can hold 64-bit integers (KML cannot: it writes them as strings)
};

/// What a driver can hold.
DriverTraits traits_of(GDALDriver* driver);

/// A feature's geometry as written: an OGRPoint for a point layer, else an OGRMultiPolygon (lon/lat
/// degrees), rings as given.
std::unique_ptr<OGRGeometry> ogr_geometry(const OutLayer& layer, const OutFeature& f);
/// KEY=VALUE strings as a GDAL option list.
CPLStringList to_options(const std::vector<std::string>& options);

/// Throws AtlasError(Output) with the message.
[[noreturn]] void fail_output(const std::string& message);

/// Why a GDAL write into the file `written` (or next to it) failed, for the user: the system's reason
/// when the last failed call left one or the file system is full (GDAL says "Unexpected I/O
/// failure", or nothing), else GDAL's message.
std::string write_failure_reason(const std::string& written);

/// Creates the layer in `ds` (WGS84) with its fields and features; counts features into `done` and
/// reports progress against `total`. Throws AtlasError(Output) naming `target` and the layer when
/// GDAL refuses something, or when progress asks to stop.
void write_ogr_layer(GDALDataset& ds, const OutLayer& layer, const WriteOptions& options, const DriverTraits& traits,
                     const std::string& target, std::size_t& done, std::size_t total);

}  // namespace atlas
