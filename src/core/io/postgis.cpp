#include "io/postgis.hpp"
#include "io/postgis_open.hpp"

#include <ogrsf_frmts.h>

#include <map>
#include <regex>
#include <sstream>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/ogr_layer_writer.hpp"

namespace atlas {

namespace {

/// key=value pairs of a libpq connection string (values may be single-quoted).
std::map<std::string, std::string> connection_parts(const std::string& connection) {
    std::map<std::string, std::string> parts;
    static const std::regex pair(R"((\w+)\s*=\s*('([^'\\]|\\.)*'|\S+))");
    std::string text = connection.substr(is_pg_connection(connection) ? 3 : 0);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pair); it != std::sregex_iterator(); ++it) {
        std::string value = (*it)[2];
        if (value.size() >= 2 && value.front() == '\'') value = value.substr(1, value.size() - 2);
        parts[(*it)[1]] = value;
    }
    return parts;
}

/// The server's (libpq's) message on one line, without GDAL's prefix.
std::string server_reason() {
    std::string why = std::regex_replace(last_gdal_error(), std::regex(R"(\s+)"), " ");
    why = std::regex_replace(why, std::regex(R"(^\s*PQconnectdb failed\.\s*|\s+$)"), "");
    return why.empty() ? "no reason given" : why;
}

bool has_postgis(GDALDataset& ds) {
    OGRLayer* result = ds.ExecuteSQL("SELECT extversion FROM pg_extension WHERE extname = 'postgis'", nullptr, nullptr);
    bool found = result != nullptr && result->GetFeatureCount(TRUE) > 0;
    if (result != nullptr) ds.ReleaseResultSet(result);
    return found;
}

std::string table_of(const OutLayer& layer, const std::map<std::string, std::string>& parts) {
    auto schema = parts.find("active_schema");
    bool qualified = layer.name.find('.') != std::string::npos;
    return qualified || schema == parts.end() ? layer.name : schema->second + "." + layer.name;
}

/// Refuses tables that exist unless force (then the layers are created with OVERWRITE=YES).
void check_tables(GDALDataset& ds, const std::string& connection, const std::vector<OutLayer>& layers, bool force) {
    if (force) return;
    for (const OutLayer& layer : layers)
        if (ds.GetLayerByName(layer.name.c_str()) != nullptr)
            fail_output(describe_connection(connection) + ", table '" + table_of(layer, connection_parts(connection)) +
                        "': exists (use --force to replace it)");
}

}  // namespace

bool is_pg_connection(const std::string& source) { return source.rfind("PG:", 0) == 0; }

std::string redact_password(const std::string& connection) {
    static const std::regex password(R"(password\s*=\s*('([^'\\]|\\.)*'|\S+))");
    return std::regex_replace(connection, password, "password=***");
}

std::string describe_connection(const std::string& connection) {
    auto parts = connection_parts(connection);
    auto get = [&](const char* key, const char* fallback) {
        auto it = parts.find(key);
        return it == parts.end() ? std::string(fallback) : it->second;
    };
    return "PostGIS host " + get("host", "(local socket)") + ", port " + get("port", "5432") + ", database " +
           get("dbname", "(default)");
}

GDALDatasetUniquePtr open_postgis(const std::string& connection, bool update, ErrorKind kind) {
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    // A server that does not answer must not hang the command: libpq waits forever by default.
    std::string source = connection_parts(connection).count("connect_timeout") ? connection : connection + " connect_timeout=10";
    unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    const char* const drivers[] = {"PostgreSQL", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), flags, drivers, nullptr, nullptr));
    if (!ds) throw AtlasError(kind, describe_connection(connection) + ": cannot connect (" + server_reason() + ")");
    if (!has_postgis(*ds))
        throw AtlasError(kind, describe_connection(connection) + ": the PostGIS extension is not installed in this database "
                               "(CREATE EXTENSION postgis)");
    return ds;
}

void write_layers_postgis(const std::string& connection, const std::vector<OutLayer>& layers, const WriteOptions& options) {
    GDALDatasetUniquePtr ds = open_postgis(connection, true, ErrorKind::Output);
    QuietGdalErrors quiet;
    check_tables(*ds, connection, layers, options.force);
    // One transaction for every table: PostgreSQL's DDL is transactional, so a failure anywhere, or
    // the process dying, leaves the database as it was.
    if (ds->StartTransaction(TRUE) != OGRERR_NONE)
        fail_output(describe_connection(connection) + ": cannot start a transaction (" + server_reason() + ")");
    WriteOptions table_options = options;
    table_options.layer_options.push_back("GEOMETRY_NAME=geom");
    if (options.force) table_options.layer_options.push_back("OVERWRITE=YES");
    DriverTraits traits = traits_of(ds->GetDriver());
    std::size_t done = 0, total = 0;
    for (const OutLayer& layer : layers) total += layer.features.size();
    auto parts = connection_parts(connection);
    try {
        for (const OutLayer& layer : layers)
            write_ogr_layer(*ds, layer, table_options, traits, describe_connection(connection) + ", table '" + table_of(layer, parts) + "'",
                            done, total);
    } catch (const AtlasError&) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        fail_output(describe_connection(connection) + ": cannot commit the export (" + server_reason() + ")");
}

}  // namespace atlas
