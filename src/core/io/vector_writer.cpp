#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "io/file_commit.hpp"
#include "io/gdal_env.hpp"
#include "io/geojson_writer.hpp"
#include "io/input_file.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/output_file.hpp"
#include "io/postgis.hpp"
#include "text/join.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace atlas {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// A Shapefile written as its usual set of files (not the single-file .shz / .shp.zip forms).
bool is_file_set(const std::string& driver, const std::string& path) {
    return driver == "ESRI Shapefile" && ends_with(ascii_lower(path), ".shp");
}

/// Bytes a layer set takes at least in a binary format (coordinates as doubles), twice over for the
/// drivers that write a temporary copy first (FlatGeobuf's spatial index).
std::uint64_t bytes_needed(const std::vector<OutLayer>& layers, bool temporary_copy) {
    std::uint64_t vertices = 0, features = 0;
    for (const OutLayer& layer : layers)
        for (const OutFeature& f : layer.features) {
            ++features;
            for (const Polygon& p : f.polygons) {
                vertices += p.outer.size();
                for (const Ring& h : p.holes) vertices += h.size();
            }
        }
    return (temporary_copy ? 2 : 1) * (vertices * 16 + features * 256);
}

std::uint64_t bytes_free(const std::string& folder) {
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0) return UINT64_MAX;
    return static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
}

/// Whether the file's last bytes, trailing white space aside, are `tag`.
bool ends_with_tag(const std::string& file, const std::string& tag) {
    std::ifstream in(file, std::ios::binary);
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (!in || size <= 0) return false;
    std::streamoff from = std::max<std::streamoff>(0, size - 256);
    in.seekg(from);
    std::string tail(static_cast<std::size_t>(size - from), '\0');
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    std::size_t end = tail.find_last_not_of(" \t\r\n");
    return end != std::string::npos && end + 1 >= tag.size() &&
           tail.compare(end + 1 - tag.size(), tag.size(), tag) == 0;
}

void write_with_gdal(GDALDriver* driver, const std::string& temp_file, const std::string& path,
                     const std::vector<OutLayer>& layers, const WriteOptions& options) {
    std::size_t total = 0, done = 0;
    for (const OutLayer& layer : layers) total += layer.features.size();
    // GDAL's buffered writers lose the system's ENOSPC ("Unexpected I/O failure: reading temp
    // feature"); the space before the write tells whether a full disk is the reason.
    std::uint64_t free_before = bytes_free(fs::path(temp_file).parent_path().string()),
                  needed = bytes_needed(layers, options.driver == "FlatGeobuf");
    auto reason = [&] {
        if (free_before < needed)
            return system_reason(ENOSPC) + ": " + human_size(free_before) + " free, about " + human_size(needed) +
                   " needed";
        return write_failure_reason(temp_file);
    };
    CPLStringList ds_options = to_options(options.dataset_options);
    GDALDatasetUniquePtr ds(driver->Create(gdal_path(temp_file).c_str(), 0, 0, 0, GDT_Unknown, ds_options.List()));
    if (!ds) fail_output(path + ": cannot create a " + options.driver + " file (" + reason() + ")");
    DriverTraits traits = traits_of(driver);
    try {
        for (const OutLayer& layer : layers) write_ogr_layer(*ds, layer, options, traits, path, done, total);
        for (const std::string& sql : options.finish_sql) {
            CPLErrorReset();
            ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
            if (CPLGetLastErrorType() == CE_Failure)
                fail_output(path + ": " + sql.substr(0, 60) + " failed (" + CPLGetLastErrorMsg() + ")");
        }
    } catch (const AtlasError& e) {
        if (free_before < needed) fail_output(path + ": cannot write (" + reason() + ")");
        throw;
    }
    CPLErrorReset();
    errno = 0;
    ds.reset();  // closing flushes: a failure shows as GDAL's last error
    int close_errno = errno;
    if (CPLGetLastErrorType() == CE_Failure) fail_output(path + ": cannot write (" + reason() + ")");
    // Some drivers (KML) drop a failed write altogether and close without an error, leaving a cut-off
    // file; a file system left full by the write is that case.
    std::uint64_t left = bytes_free(fs::path(temp_file).parent_path().string());
    if (left < (256u << 10) && free_before != UINT64_MAX)
        fail_output(path + ": cannot write (" + system_reason(ENOSPC) +
                    ": the file system was full when GDAL finished, " + human_size(left) + " left)");
    // Any other failed write (a file size limit, a quota) leaves KML without its closing tag: a file
    // cut mid-coordinate was reported written, and replaced the old one with --force.
    if (options.driver == "KML" && !ends_with_tag(temp_file, "</kml>")) {
        errno = close_errno;
        fail_output(path + ": cannot write (the KML file ends before its closing </kml>: " +
                    write_failure_reason(temp_file) + ")");
    }
}

void write_with_geojson_writer(const std::string& temp_file, const std::string& path, const OutLayer& layer,
                               const WriteOptions& options) {
    CheckedFile out(temp_file, path);
    std::size_t total = layer.features.size();
    auto after_feature = [&](std::size_t done) { return !options.progress || options.progress(done, total); };
    if (!write_geojson(out.stream(), layer,
                       {options.precision, options.driver == "GeoJSONSeq", layer.id_field, after_feature}))
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

const std::vector<ExportFormat>& export_formats() {
    static const std::vector<ExportFormat> formats = {
        {"GeoJSON", ".geojson"}, {"GeoJSONSeq", ".geojsonl"}, {"GPKG", ".gpkg"},
        {"FlatGeobuf", ".fgb"},  {"ESRI Shapefile", ".shp"},  {"KML", ".kml"},
        {"CSV", ".csv"},         {"PostgreSQL", ""}};
    return formats;
}

std::string export_formats_text() {
    std::vector<std::string> names;
    for (const ExportFormat& f : export_formats()) {
        std::string name = f.driver;
        names.push_back(name.find(' ') == std::string::npos ? name : "\"" + name + "\"");
    }
    return join_or(names);
}

std::string export_extensions_text() {
    std::vector<std::string> names;
    for (const ExportFormat& f : export_formats())
        if (*f.extension != '\0') names.push_back(f.extension);
    return join(names, ", ");
}

bool is_geojson(const std::string& driver) { return driver == "GeoJSON" || driver == "GeoJSONSeq"; }

bool holds_one_layer(const std::string& driver) {
    if (is_geojson(driver) || driver == "ESRI Shapefile") return true;
    if (driver == "GPKG" || driver == "PostgreSQL") return false;
    ensure_gdal_registered();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    return d == nullptr || d->GetMetadataItem(GDAL_DCAP_MULTIPLE_VECTOR_LAYERS) == nullptr;
}

std::string driver_for_extension(const std::string& path) {
    std::string name = ascii_lower(fs::path(path).filename().string());
    std::string ext = fs::path(name).extension().string();
    for (const ExportFormat& f : export_formats())
        if (*f.extension != '\0' && ext == f.extension) return f.driver;
    // Other spellings GDAL and users write, and the single-file Shapefile forms.
    if (ext == ".json") return "GeoJSON";
    if (ext == ".geojsons" || ext == ".geojsonseq") return "GeoJSONSeq";
    if (ext == ".shz" || ends_with(name, ".shp.zip")) return "ESRI Shapefile";
    return "";
}

void write_layers(const std::string& path, const std::vector<OutLayer>& layers, const WriteOptions& options) {
    if (is_pg_connection(path)) {
        write_layers_postgis(path, layers, options);
        return;
    }
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    check_target(path, options.force, options.driver, options.cache);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(options.driver.c_str());
    if (driver == nullptr || driver->GetMetadataItem(GDAL_DCAP_VECTOR) == nullptr)
        fail_output(path + ": unknown vector format '" + options.driver + "'");
    if (layers.size() > 1 && holds_one_layer(options.driver))
        fail_output(path + ": format '" + options.driver + "' holds one layer; write one layer at a time");
    TempFolder temp(path);
    std::string temp_file = temp.file(fs::path(path).filename().string());
    if (is_geojson(options.driver))
        write_with_geojson_writer(temp_file, path, layers.at(0), options);
    else
        write_with_gdal(driver, temp_file, path, layers, options);
    sync_folder_files(temp.path(), path);
    if (!is_file_set(options.driver, path))
        return commit_file(temp_file, path, options.force, options.driver, options.cache);
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
