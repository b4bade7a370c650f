#pragma once
/// Writes tables of features to any GDAL vector format, atomically: everything is written into a
/// temporary folder beside the target and renamed into place only when the write succeeded, so a
/// failed or interrupted write leaves an existing target as it was and no temporary file behind.

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

enum class FieldType { String, Real, Integer, StringList };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::String;
    std::string short_name;  ///< at most 10 characters, used where the format limits names (Shapefile)
};

using FieldValue = std::variant<std::monostate, std::string, double, std::int64_t, std::vector<std::string>>;

struct OutFeature {
    std::vector<FieldValue> values;  ///< one per field, in FieldDef order
    MultiPolygon polygons;           ///< used when the layer holds polygons
    LonLat point;                    ///< used when the layer holds points
};

struct OutLayer {
    std::string name;
    bool points = false;  ///< point layer (hubs) instead of polygons
    std::vector<FieldDef> fields;
    std::vector<OutFeature> features;
    std::vector<std::string> layer_options;  ///< KEY=VALUE, added to WriteOptions::layer_options
    std::string id_field;                    ///< field giving each feature a stable id (GeoJSON "id")
    std::vector<std::pair<std::string, std::string>> metadata;  ///< layer metadata items (GDAL formats)
    std::vector<std::string> notes;  ///< what the user should hear of how it was made (one line each)
};

struct WriteOptions {
    std::string driver;                        ///< GDAL short name, e.g. "GPKG", "GeoJSON"
    std::vector<std::string> dataset_options;  ///< KEY=VALUE creation options
    std::vector<std::string> layer_options;    ///< KEY=VALUE layer creation options
    bool force = false;                        ///< replace existing files
    int precision = 6;                         ///< GeoJSON coordinate decimals
    /// Called after each feature with (done, total); return false to abandon the write.
    std::function<bool(std::size_t, std::size_t)> progress;
    std::vector<std::string> finish_sql;  ///< run on the dataset after the layers (GDAL formats): indexes
    bool cache = false;                   ///< a cache file of our own: check_target's `cache`
    /// Told (layer, field as given, name the driver gave it) for each field a driver renamed
    /// (PostgreSQL lowers case and turns '-' into '_'): the export says which column is which.
    std::function<void(const std::string&, const std::string&, const std::string&)> renamed;
};

/// Writes the layers into one dataset at `path`. GeoJSON and GeoJSONSeq go through
/// geojson_writer.hpp (one layer per file); every other driver through GDAL. Throws AtlasError(Output) naming the path
/// when the target exists without `force`, its folder is not writable, the driver is unknown or cannot hold several
/// layers, a write fails, or progress asks to stop; the target is then left untouched.
void write_layers(const std::string& path, const std::vector<OutLayer>& layers, const WriteOptions& options);

/// Lists become "a; b; c" strings in formats without list fields (Shapefile, CSV, KML, FlatGeobuf).
/// Text longer than a format holds (254 bytes in Shapefile) is cut by GDAL with a warning.

/// A format export writes: its GDAL driver short name and the file extension a new file gets
/// ("" for PostgreSQL, which writes to a database).
struct ExportFormat {
    const char* driver;
    const char* extension;
};

/// Every format export writes, GeoJSON (the default) first: the one list that help, messages, the
/// viewer's menu and the extension rules read.
const std::vector<ExportFormat>& export_formats();

/// "GeoJSON, GeoJSONSeq, GPKG, ... or PostgreSQL", driver names with a space in quotes.
std::string export_formats_text();
/// "GeoJSON" ... written as their file extensions: ".geojson, .geojsonl, .gpkg, ...".
std::string export_extensions_text();

/// GDAL driver short name for a file name's extension ("" when unknown).
std::string driver_for_extension(const std::string& path);

/// GeoJSON or GeoJSONSeq: written by the project's own RFC 7946 writer (geojson_writer.hpp).
bool is_geojson(const std::string& driver);

/// Whether a format's file holds one layer only (GeoJSON, Shapefile, FlatGeobuf, CSV, ...), as
/// GDAL's driver says; GPKG, KML and PostgreSQL hold several.
bool holds_one_layer(const std::string& driver);

}  // namespace atlas
