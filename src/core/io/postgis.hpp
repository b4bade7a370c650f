#pragma once
/// PostGIS through GDAL's PostgreSQL driver: connection strings ("PG:host=... dbname=... user=..."),
/// opening with a connect timeout and errors that name host, database and table (never the
/// password), and writing layers into tables inside one transaction, so that a failed or interrupted
/// export leaves no table behind.

#include <string>
#include <vector>

#include "error.hpp"
#include "io/pg_connection.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

/// "PostGIS host H, port P, database D" of a connection string (io/pg_connection.hpp); never the
/// password. A string libpq cannot parse is described as such.
std::string describe_connection(const std::string& connection);

/// Writes the layers as tables (named after the layers; "schema.table" names work, else the
/// connection's active_schema, else the first existing schema of the server's search path) in one
/// transaction, and returns their "schema.table" names as created (the table's name laundered as
/// GDAL's driver does: "MyTable" is created as mytable, "my-table" as my_table). A schema that does not exist, and
/// an existing table unless options.force (which replaces it), are refused before anything is
/// written. Throws AtlasError(Output) naming host, database and table, with the server's reason
/// cut short; the transaction is then rolled back.
std::vector<std::string> write_layers_postgis(const std::string& connection, const std::vector<OutLayer>& layers,
                                              const WriteOptions& options);

}  // namespace atlas
