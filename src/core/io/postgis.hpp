#pragma once
/// PostGIS through GDAL's PostgreSQL driver: connection strings ("PG:host=... dbname=... user=..."),
/// opening with a connect timeout and errors that name host, database and table (never the
/// password), and writing layers into tables inside one transaction, so that a failed or interrupted
/// export leaves no table behind.

#include <string>
#include <vector>

#include "error.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

/// True for a GDAL PostgreSQL connection string ("PG:...").
bool is_pg_connection(const std::string& source);

/// The connection string with its password replaced by "***" (for messages).
std::string redact_password(const std::string& connection);

/// "host H, port P, database D" of a connection string, from what it gives (libpq defaults otherwise).
std::string describe_connection(const std::string& connection);

/// Writes the layers as tables (named after the layers; "schema.table" names work) in one
/// transaction. Existing tables are refused unless options.force, which replaces them. Throws
/// AtlasError(Output) naming host, database and table; the transaction is then rolled back.
void write_layers_postgis(const std::string& connection, const std::vector<OutLayer>& layers,
                          const WriteOptions& options);

}  // namespace atlas
