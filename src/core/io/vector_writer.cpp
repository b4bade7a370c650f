#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/geojson_writer.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/postgis.hpp"

namespace fs = std::filesystem;

namespace atlas {

namespace {

/// Temporary folder beside the target; removed with everything in it unless released.
class TempDir {
public:
    explicit TempDir(const fs::path& beside) {
        std::string pattern = (beside.parent_path() / ".clusteratlas-tmp-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            fail_output(beside.string() + ": cannot write in folder '" + beside.parent_path().string() +
                        "' (" + std::strerror(errno) + ")");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

/// Every file the driver wrote, moved beside the target; existing ones replaced only with force.
void move_into_place(const fs::path& temp, const fs::path& folder, bool force) {
    std::vector<fs::path> written;
    for (const auto& entry : fs::directory_iterator(temp)) written.push_back(entry.path());
    if (!force)
        for (const fs::path& p : written)
            if (fs::exists(folder / p.filename()))
                fail_output((folder / p.filename()).string() + ": exists (use --force to replace it)");
    for (const fs::path& p : written) {
        std::error_code ec;
        fs::rename(p, folder / p.filename(), ec);
        if (ec) fail_output((folder / p.filename()).string() + ": cannot move into place (" + ec.message() + ")");
    }
}

}  // namespace

std::string driver_for_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".geojsonl" || ext == ".geojsons" || ext == ".geojsonseq") return "GeoJSONSeq";
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".shp") return "ESRI Shapefile";
    if (ext == ".kml") return "KML";
    if (ext == ".csv") return "CSV";
    return "";
}

namespace {

bool is_geojson(const std::string& driver) { return driver == "GeoJSON" || driver == "GeoJSONSeq"; }

void write_with_gdal(GDALDriver* driver, const fs::path& temp_file, const std::string& path,
                     const std::vector<OutLayer>& layers, const WriteOptions& options) {
    std::size_t total = 0, done = 0;
    for (const OutLayer& layer : layers) total += layer.features.size();
    CPLStringList ds_options = to_options(options.dataset_options);
    GDALDatasetUniquePtr ds(driver->Create(temp_file.c_str(), 0, 0, 0, GDT_Unknown, ds_options.List()));
    if (!ds) fail_output(path + ": cannot create a " + options.driver + " file (" + last_gdal_error() + ")");
    DriverTraits traits = traits_of(driver);
    for (const OutLayer& layer : layers) write_ogr_layer(*ds, layer, options, traits, path, done, total);
    CPLErrorReset();
    ds.reset();  // closing flushes: a failure shows as GDAL's last error
    if (CPLGetLastErrorType() == CE_Failure) fail_output(path + ": error while closing (" + last_gdal_error() + ")");
}

void write_with_geojson_writer(const fs::path& temp_file, const std::string& path, const OutLayer& layer,
                               const WriteOptions& options) {
    std::ofstream out(temp_file, std::ios::binary);
    if (!out) fail_output(path + ": cannot create a temporary file beside it");
    std::size_t total = layer.features.size();
    auto after_feature = [&](std::size_t done) { return !options.progress || options.progress(done, total); };
    if (!write_geojson(out, layer, {options.precision, options.driver == "GeoJSONSeq", layer.id_field, after_feature}))
        fail_output(path + ": write interrupted");
    out.flush();
    if (!out) fail_output(path + ": write failed (" + std::strerror(errno) + ")");
    if (options.progress && !options.progress(layer.features.size(), layer.features.size()))
        fail_output(path + ": write interrupted");
}

}  // namespace

void write_layers(const std::string& path, const std::vector<OutLayer>& layers, const WriteOptions& options) {
    if (is_pg_connection(path)) return write_layers_postgis(path, layers, options);
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    fs::path target = fs::absolute(path);
    if (fs::exists(target) && !options.force) fail_output(path + ": exists (use --force to replace it)");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(options.driver.c_str());
    if (driver == nullptr || driver->GetMetadataItem(GDAL_DCAP_VECTOR) == nullptr)
        fail_output(path + ": unknown vector format '" + options.driver + "'");
    bool single_layer = is_geojson(options.driver) ||
                        (driver->GetMetadataItem(GDAL_DCAP_MULTIPLE_VECTOR_LAYERS) == nullptr && options.driver != "GPKG");
    if (layers.size() > 1 && single_layer)
        fail_output(path + ": format '" + options.driver + "' holds one layer; write one layer at a time");
    TempDir temp(target);
    fs::path temp_file = temp.path() / target.filename();
    if (is_geojson(options.driver)) write_with_geojson_writer(temp_file, path, layers.at(0), options);
    else write_with_gdal(driver, temp_file, path, layers, options);
    move_into_place(temp.path(), target.parent_path(), options.force);
}

}  // namespace atlas
