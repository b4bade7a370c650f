#include "io/gdal_env.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>

#include <algorithm>
#include <mutex>

#include "error.hpp"
#include "io/input_file.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

/// GDAL's own lines ("ERROR 1: Point outside of projection domain") are never printed as they are:
/// every failure reaches the user as ClusterAtlas's one line naming the file and feature, with GDAL's
/// reason from last_gdal_error(). CPL_DEBUG=ON still shows everything, for a developer.
void CPL_STDCALL keep_quiet(CPLErr level, CPLErrorNum number, const char* message) {
    const char* debug = CPLGetConfigOption("CPL_DEBUG", nullptr);
    if (debug != nullptr && CPLTestBool(debug)) CPLDefaultErrorHandler(level, number, message);
}

}  // namespace

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(keep_quiet);
        // GDAL loads SpatiaLite into every GeoPackage connection, and SpatiaLite opens PROJ's
        // database: 13 ms of every command (perf, 2026-12-03) for SQL functions nothing here calls
        // (the GeoPackage's own R-tree functions are GDAL's). A user's SPATIALITE_LOAD is kept.
        if (CPLGetConfigOption("SPATIALITE_LOAD", nullptr) == nullptr) CPLSetConfigOption("SPATIALITE_LOAD", "NO");
        GDALAllRegister();
    });
}

namespace {

/// The first failure GDAL reported since the handler was pushed: a database's later messages
/// ("current transaction is aborted") hide the reason that came first.
thread_local std::string t_first_failure;

void CPL_STDCALL keep_first_failure(CPLErr level, CPLErrorNum, const char* message) {
    if ((level == CE_Failure || level == CE_Fatal) && t_first_failure.empty() && message != nullptr)
        t_first_failure = message;
}

}  // namespace

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandler(keep_first_failure);
    CPLErrorReset();
    t_first_failure.clear();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

std::string feature_label(std::uint64_t ordinal, long long fid) {
    std::string text = "feature " + std::to_string(ordinal);
    if (fid < 0 || static_cast<std::uint64_t>(fid) != ordinal) text += " (FID " + std::to_string(fid) + ")";
    return text;
}

std::string last_gdal_error() {
    std::string message = CPLGetLastErrorMsg();
    if (message.find("current transaction is aborted") != std::string::npos && !t_first_failure.empty())
        message = t_first_failure;
    std::replace(message.begin(), message.end(), '\n', ' ');
    // A database driver's message often starts with the whole SQL statement; the reason follows
    // "ERROR:" (PostgreSQL's form).
    std::size_t error = message.find("ERROR: ");
    if (error != std::string::npos) message = message.substr(error + 7);
    std::size_t start = message.find_first_not_of(' ');
    message = start == std::string::npos ? "" : message.substr(start);
    message.erase(message.find_last_not_of(' ') + 1);
    if (message.size() > 240) message = message.substr(0, 237) + "...";
    return message;
}

std::string gdal_path(const std::string& path) {
    std::string p = path;
    while (p.rfind("/..", 0) == 0 && (p.size() == 3 || p[3] == '/')) p.erase(0, 3);
    return p.empty() ? "/" : p;
}

std::string unopened_shapefile(const std::string& folder, const std::string& layer) {
    try {
        std::string shp = check_folder_shapefiles(folder, layer);
        if (shp.empty()) return {};
        ensure_gdal_registered();
        QuietGdalErrors quiet;
        CPLErrorReset();
        GDALDatasetH ds = GDALOpenEx(shp.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
        std::string why = ds == nullptr ? last_gdal_error() : std::string();
        if (ds != nullptr) GDALClose(ds);
        if (ds != nullptr) return {};  // it opens alone: the folder left it out for no reason of the file's
        return quote_value(shp) + ": GDAL cannot open it" + (why.empty() ? "" : " (" + why + ")");
    } catch (const AtlasError& e) {
        return e.what();
    }
}

}  // namespace atlas
