#include "io/postgis.hpp"

#include <ogrsf_frmts.h>

#include <regex>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/postgis_open.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

/// The server's (libpq's) reason on one short line: the "ERROR:" part of GDAL's message (which
/// often starts with the whole SQL statement), never the password.
std::string server_reason(const PgConnection& c) {
    std::string why = std::regex_replace(last_gdal_error(), std::regex(R"(\s+)"), " ");
    why = std::regex_replace(why, std::regex(R"(^\s*PQconnectdb failed\.\s*|\s+$)"), "");
    return why.empty() ? "no reason given" : escape_controls(c.scrub(why));
}

bool has_postgis(GDALDataset& ds) {
    OGRLayer* result = ds.ExecuteSQL("SELECT extversion FROM pg_extension WHERE extname = 'postgis'", nullptr, nullptr);
    bool found = result != nullptr && result->GetFeatureCount(TRUE) > 0;
    if (result != nullptr) ds.ReleaseResultSet(result);
    return found;
}

std::string sql_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

/// True when the query returns a row.
bool any_row(GDALDataset& ds, const std::string& sql) {
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    bool found = result != nullptr && result->GetFeatureCount(TRUE) > 0;
    if (result != nullptr) ds.ReleaseResultSet(result);
    return found;
}

/// The value of a one-row, one-column query ("" when none).
std::string scalar(GDALDataset& ds, const std::string& sql) {
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    std::string value;
    if (result != nullptr) {
        std::unique_ptr<OGRFeature> f(result->GetNextFeature());
        if (f && f->GetFieldCount() > 0) value = f->GetFieldAsString(0);
        ds.ReleaseResultSet(result);
    }
    return value;
}

/// Where a table without a schema goes: the active_schema, else the first schema of the server's
/// search path that exists (for user "atlas" and a schema "atlas", that one, not "public").
std::string default_schema(GDALDataset& ds, const PgConnection& c) {
    std::string schema = c.schema();
    if (!schema.empty()) return schema;
    schema = scalar(ds, "SELECT current_schema()");
    return schema.empty() ? "public" : schema;
}

/// A table's name as GDAL's PostgreSQL driver creates it (LAUNDER=YES, its default): ASCII letters
/// lowered, '-', '#' and '\'' made '_'. `--table MyTable` created mytable, but the export reported
/// public.MyTable and checked for an existing MyTable (and then failed in GDAL's words).
std::string laundered(std::string table) {
    for (char& ch : table) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (ch == '-' || ch == '#' || ch == '\'') ch = '_';
    }
    return table;
}

/// schema and table of a layer: "schema.table" names, else the default schema; the table as created.
std::pair<std::string, std::string> table_of(const std::string& name, const std::string& schema) {
    std::size_t dot = name.find('.');
    if (dot != std::string::npos) return {name.substr(0, dot), laundered(name.substr(dot + 1))};
    return {schema, laundered(name)};
}

/// Every schema must exist (GDAL would fall back to the search path, i.e. "public"), and without
/// force no table may: both checked in the catalogue, before anything is written.
void check_tables(GDALDataset& ds, const PgConnection& c, const std::vector<OutLayer>& layers,
                  const std::string& default_schema, bool force) {
    for (const OutLayer& layer : layers) {
        auto [schema, table] = table_of(layer.name, default_schema);
        if (!any_row(ds, "SELECT 1 FROM pg_namespace WHERE nspname = " + sql_literal(schema)))
            fail_output(c.describe() + ": no schema " + quote_value(schema) + " (create it first: CREATE SCHEMA " +
                        schema + "); nothing written");
        if (!force && any_row(ds, "SELECT 1 FROM pg_tables WHERE schemaname = " + sql_literal(schema) +
                                      " AND tablename = " + sql_literal(table)))
            fail_output(c.describe() + ", table " + quote_value(schema + "." + table) +
                        ": exists (use --force to replace it)");
    }
}

}  // namespace

std::string describe_connection(const std::string& connection) {
    try {
        return parse_pg_connection(connection, ErrorKind::Input).describe();
    } catch (const AtlasError&) {
        return "PostgreSQL connection (unparsable)";
    }
}

GDALDatasetUniquePtr open_postgis(const std::string& connection, bool update, ErrorKind kind) {
    PgConnection c = parse_pg_connection(connection, kind);
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    const char* const drivers[] = {"PostgreSQL", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(c.gdal_source().c_str(), flags, drivers, nullptr, nullptr));
    if (!ds) throw AtlasError(kind, c.describe() + ": cannot connect (" + server_reason(c) + ")");
    if (!has_postgis(*ds))
        throw AtlasError(kind, c.describe() +
                                   ": the PostGIS extension is not installed in this database "
                                   "(CREATE EXTENSION postgis)");
    return ds;
}

namespace {

/// PostgreSQL cuts a name at 63 bytes (NAMEDATALEN - 1) with only a notice: two long column names
/// became one ("specified more than once") and a long table name lost its index. Refused first.
void check_name_lengths(const PgConnection& c, const std::vector<OutLayer>& layers,
                        const std::vector<std::string>& tables) {
    constexpr std::size_t kMost = 63;
    auto refuse = [&](const std::string& what, const std::string& name, const char* remedy) {
        std::string quoted = quote_value(name, 40);  // a cut name says its size already
        if (quoted.rfind(" bytes)") != quoted.size() - 7) quoted += " (" + std::to_string(name.size()) + " bytes)";
        fail_output(c.describe() + ": " + what + " " + quoted + ": PostgreSQL keeps names of at most 63 bytes (" +
                    remedy + ")");
    };
    for (std::size_t i = 0; i < layers.size(); ++i) {
        std::string table = tables[i].substr(tables[i].find('.') + 1);
        if (table.size() > kMost) refuse("table name", table, "give a shorter one with --table");
        for (const FieldDef& f : layers[i].fields)
            if (f.name.size() > kMost)
                refuse("column name of table " + quote_value(tables[i], 40) + ":", f.name,
                       "rename the column in its file");
    }
}

}  // namespace

std::vector<std::string> write_layers_postgis(const std::string& connection, const std::vector<OutLayer>& layers,
                                              const WriteOptions& options) {
    PgConnection c = parse_pg_connection(connection, ErrorKind::Output);
    GDALDatasetUniquePtr ds = open_postgis(connection, true, ErrorKind::Output);
    QuietGdalErrors quiet;
    std::string schema = default_schema(*ds, c);
    std::vector<std::string> tables;
    for (const OutLayer& layer : layers) {
        auto [s, t] = table_of(layer.name, schema);
        tables.push_back(s + "." + t);
    }
    check_name_lengths(c, layers, tables);
    check_tables(*ds, c, layers, schema, options.force);
    // One transaction for every table: PostgreSQL's DDL is transactional, so a failure anywhere, or
    // the process dying, leaves the database as it was.
    if (ds->StartTransaction(TRUE) != OGRERR_NONE)
        fail_output(c.describe() + ": cannot start a transaction (" + server_reason(c) + ")");
    WriteOptions table_options = options;
    table_options.layer_options.push_back("GEOMETRY_NAME=geom");
    if (options.force) table_options.layer_options.push_back("OVERWRITE=YES");
    DriverTraits traits = traits_of(ds->GetDriver());
    std::size_t done = 0, total = 0;
    for (const OutLayer& layer : layers) total += layer.features.size();
    try {
        for (std::size_t i = 0; i < layers.size(); ++i)
            write_ogr_layer(*ds, layers[i], table_options, traits, c.describe() + ", table " + quote_value(tables[i]),
                            done, total);
    } catch (const AtlasError& e) {
        ds->RollbackTransaction();
        throw AtlasError(e.kind(), c.scrub(e.message()));
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        fail_output(c.describe() + ": cannot commit the export (" + server_reason(c) + ")");
    return tables;
}

}  // namespace atlas
