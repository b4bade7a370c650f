#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "error.hpp"
#include "io/file_commit.hpp"
#include "io/gdal_env.hpp"
#include "io/geojson_writer.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/output_file.hpp"
#include "io/postgis.hpp"

namespace fs = std::filesystem;

namespace atlas {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_geojson(const std::string& driver) { return driver == "GeoJSON" || driver == "GeoJSONSeq"; }

/// A Shapefile written as its usual set of files (not the single-file .shz / .shp.zip forms).
bool is_file_set(const std::string& driver, const std::string& path) {
    return driver == "ESRI Shapefile" && ends_with(lower(path), ".shp");
}

/// GDAL reports a full disk as "Unexpected I/O failure" or not at all; the system's reason, when the
/// last failed call left one, says what the user can act on.
std::string write_failure(const std::string& gdal_message) {
    int error = errno;
    if (error == ENOSPC || error == EDQUOT || error == EFBIG || error == EIO || error == EROFS)
        return system_reason(error);
    return gdal_message.empty() ? "GDAL gave no reason" : gdal_message;
}

void write_with_gdal(GDALDriver* driver, const std::string& temp_file, const std::string& path,
                     const std::vector<OutLayer>& layers, const WriteOptions& options) {
    std::size_t total = 0, done = 0;
    for (const OutLayer& layer : layers) total += layer.features.size();
    CPLStringList ds_options = to_options(options.dataset_options);
    GDALDatasetUniquePtr ds(driver->Create(temp_file.c_str(), 0, 0, 0, GDT_Unknown, ds_options.List()));
    if (!ds) fail_output(path + ": cannot create a " + options.driver + " file (" + write_failure(last_gdal_error()) + ")");
    DriverTraits traits = traits_of(driver);
    for (const OutLayer& layer : layers) write_ogr_layer(*ds, layer, options, traits, path, done, total);
    CPLErrorReset();
    errno = 0;
    ds.reset();  // closing flushes: a failure shows as GDAL's last error
    if (CPLGetLastErrorType() == CE_Failure) fail_output(path + ": cannot write (" + write_failure(last_gdal_error()) + ")");
}

void write_with_geojson_writer(const std::string& temp_file, const std::string& path, const OutLayer& layer,
                               const WriteOptions& options) {
    CheckedFile out(temp_file, path);
    std::size_t total = layer.features.size();
    auto after_feature = [&](std::size_t done) { return !options.progress || options.progress(done, total); };
    if (!write_geojson(out.stream(), layer, {options.precision, options.driver == "GeoJSONSeq", layer.id_field, after_feature}))
        fail_output(path + ": write interrupted");
    out.finish();
}

/// Every file the driver wrote reaches the disk before any of them is put in place.
void sync_folder_files(const std::string& folder, const std::string& path) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec)) sync_written_file(entry.path().string(), path);
}

}  // namespace

std::string driver_for_extension(const std::string& path) {
    std::string name = lower(fs::path(path).filename().string());
    std::string ext = fs::path(name).extension().string();
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".geojsonl" || ext == ".geojsons" || ext == ".geojsonseq") return "GeoJSONSeq";
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".shp" || ext == ".shz" || ends_with(name, ".shp.zip")) return "ESRI Shapefile";
    if (ext == ".kml") return "KML";
    if (ext == ".csv") return "CSV";
    return "";
}

void write_layers(const std::string& path, const std::vector<OutLayer>& layers, const WriteOptions& options) {
    if (is_pg_connection(path)) return write_layers_postgis(path, layers, options);
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    check_target(path, options.force, options.driver);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(options.driver.c_str());
    if (driver == nullptr || driver->GetMetadataItem(GDAL_DCAP_VECTOR) == nullptr)
        fail_output(path + ": unknown vector format '" + options.driver + "'");
    bool single_layer = is_geojson(options.driver) || options.driver == "ESRI Shapefile" ||
                        (driver->GetMetadataItem(GDAL_DCAP_MULTIPLE_VECTOR_LAYERS) == nullptr && options.driver != "GPKG");
    if (layers.size() > 1 && single_layer)
        fail_output(path + ": format '" + options.driver + "' holds one layer; write one layer at a time");
    TempFolder temp(path);
    std::string temp_file = temp.file(fs::path(path).filename().string());
    if (is_geojson(options.driver)) write_with_geojson_writer(temp_file, path, layers.at(0), options);
    else write_with_gdal(driver, temp_file, path, layers, options);
    sync_folder_files(temp.path(), path);
    if (!is_file_set(options.driver, path)) return commit_file(temp_file, path, options.force, options.driver);
    std::string folder = temp.path();
    temp.released();  // from here on the commit owns (renames) the folder
    try {
        commit_file_set(folder, path, options.force);
    } catch (...) {
        std::error_code ec;
        fs::remove_all(folder, ec);
        throw;
    }
}

}  // namespace atlas
