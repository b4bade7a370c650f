#pragma once
/// Minimal RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes.

#include <string>
#include <vector>

namespace atlas {

struct CsvRow {
    std::size_t line = 0;  ///< 1-based line number where the row starts
    std::vector<std::string> cells;
};

/// Parses a whole CSV text (UTF-8, LF or CRLF). A leading UTF-8 byte order mark is skipped.
std::vector<CsvRow> parse_csv(const std::string& text);

/// Reads and parses a file; throws AtlasError(Input) naming the file when it cannot be read.
std::vector<CsvRow> read_csv_file(const std::string& path);

/// Quotes a cell when it holds a comma, quote or line break.
std::string csv_escape(const std::string& cell);

}  // namespace atlas
