#pragma once
/// GDAL set-up shared by readers and writers.

#include <cstdint>
#include <string>

namespace atlas {

/// Registers GDAL drivers once; safe to call many times.
void ensure_gdal_registered();

/// While alive, GDAL errors are not printed to stderr; read them with last_gdal_error().
class QuietGdalErrors {
  public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

/// A feature as a user counts it: its place in the layer from 1, and GDAL's FID where that differs
/// ("feature 2 (FID 1)": a GeoJSON file's or a Shapefile's FIDs count from 0, so "feature 1" named the
/// second feature; a GeoPackage's usually match: "feature 2").
std::string feature_label(std::uint64_t ordinal, long long fid);

/// GDAL's last error message on this thread, on one line of at most 240 bytes (empty if none); for a
/// database, the server's reason after "ERROR:" rather than the SQL statement before it, and the
/// first failure rather than PostgreSQL's "current transaction is aborted" that follows it.
std::string last_gdal_error();

/// Why GDAL left the Shapefile `layer` (every one, with `layer` empty) of the folder source `folder`
/// out of its layers, in one line naming the file: a missing .dbf or .shx, or GDAL's reason when it
/// opens that file alone ("'shp/pref.shp': GDAL cannot open it (...)"); empty when the folder holds
/// no such Shapefile, or `folder` is not a folder. Never throws.
std::string unopened_shapefile(const std::string& folder, const std::string& layer);

/// `path` as GDAL's SQLite-based drivers can open it: "/../tmp/x.gpkg" becomes "/tmp/x.gpkg" (the
/// root's parent is the root), which SQLite's unix VFS refused ("unable to open database file") while
/// every other reader took it. Only `..` right under the root is dropped: `a/../b` is left to the
/// system (a may be a link). Other paths, and connection strings, are returned as given.
std::string gdal_path(const std::string& path);

}  // namespace atlas
