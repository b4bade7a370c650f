#pragma once
/// PostgreSQL connection strings as users write them: "PG:host=... dbname=..." (the prefix in any
/// case, spaces around it allowed), libpq's key=value form with single-quoted values, or a URI
/// (postgresql://user:password@host:port/db). They are parsed by libpq itself (PQconninfoParse), so
/// that what ClusterAtlas understands is what the server connection will use. GDAL's own keys
/// (active_schema, schemas, tables) are taken out first and passed to GDAL.
///
/// The password never appears in a message, a file name or a log: messages name host, port,
/// database and table only, and any message built from a server or library text is scrubbed of
/// the password and of each of its words.

#include <map>
#include <string>

#include "error.hpp"

namespace atlas {

/// True when `source` is meant as a PostgreSQL connection: "PG:" in any case after optional spaces,
/// or a postgresql:// or postgres:// URI.
bool is_pg_connection(const std::string& source);

struct PgConnection {
    std::map<std::string, std::string> options;       ///< libpq keys with non-empty values
    std::map<std::string, std::string> gdal_options;  ///< active_schema, schemas, tables
    std::string raw_secret;  ///< a URI's password as written (libpq may split it at an unencoded '@')

    /// "PostGIS host H, port P, database D" (libpq defaults where the string gives none).
    std::string describe() const;
    /// The string GDAL's PostgreSQL driver opens: "PG:key='value' ..." with a 10 s connect_timeout
    /// unless the string sets one.
    std::string gdal_source() const;
    /// The active_schema the string names; empty when it names none (tables then go to the first
    /// existing schema of the server's search path).
    std::string schema() const;
    /// `text` with the password and each of its pieces (3 characters or more, split at spaces, '@', ':'
    /// and '/') replaced by "***".
    std::string scrub(const std::string& text) const;
};

/// True when `text` holds what only a connection string holds ("password=", or a URI with user
/// information): a file name that looks like this is a mistyped connection string, not a file.
bool looks_like_connection(const std::string& text);

/// Parses with libpq. Throws AtlasError(`kind`) when libpq cannot parse it, with a hint about
/// quoting and never libpq's own message (which quotes parts of the string, the password's too).
PgConnection parse_pg_connection(const std::string& source, ErrorKind kind);

}  // namespace atlas
