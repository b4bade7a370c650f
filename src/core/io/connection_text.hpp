#pragma once
/// How a PostgreSQL connection string is told from a file name by its text alone (no libpq): what
/// io/pg_connection.hpp's is_pg_connection and looks_like_connection use, in both programs
/// (io/program_files.hpp). Internal to io/.

#include <string>

namespace atlas::connection_text {

/// `s` without leading spaces, tabs and line ends.
std::string trim_left(const std::string& s);

/// Whether `s` starts with `prefix`, ASCII case ignored.
bool starts_with_ci(const std::string& s, const std::string& prefix);

/// A postgresql:// or postgres:// URI.
bool is_uri(const std::string& s);

}  // namespace atlas::connection_text
