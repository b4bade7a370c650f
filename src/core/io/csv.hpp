#pragma once
/// RFC 4180 CSV: quoted fields, doubled quotes, separators and newlines inside quotes; the separator
/// is a comma, or the semicolon or tab that spreadsheets in many locales write instead.

#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct CsvRow {
    std::size_t line = 0;  ///< 1-based line number where the row starts
    std::vector<std::string> cells;
};

/// Parses a whole CSV text (UTF-8, LF or CRLF). A leading UTF-8 byte order mark is skipped. Strict
/// about quotes, as a changed value is worse than a refusal: text after a closing quote ("1"2), a
/// quote inside an unquoted cell (1"0"0) and a quote never closed throw AtlasError(Input) as one
/// line "SOURCE:LINE: column N 'cell': ..." (`source`: the file's name; "CSV" when empty). Without
/// `show_values` (a file a session names, whose contents must not reach its reader's terminal) the
/// cell is written "(a value)".
std::vector<CsvRow> parse_csv(const std::string& text, char separator = ',', const std::string& source = "",
                              bool show_values = true);

/// Excel's "sep=;" first line names the separator and is no header. When `text` (after a UTF-8 byte
/// order mark) starts with one, removes "sep=X" (the line break stays, so line numbers stay the
/// file's) and returns X; returns 0 and leaves `text` alone otherwise.
char take_sep_line(std::string& text);

/// The separator of a CSV text: whichever of ',', ';' and '\t' occurs most often outside quotes on
/// its first non-blank line (',' on a tie or when none occurs).
char detect_separator(std::string_view text);

/// "comma", "semicolon", "tab".
const char* separator_name(char separator);

/// The character a header read as one column seems to be separated by: the commonest of '|', ':',
/// '/', '^', '~', '#' and '!' in it, or 0 when none occurs (a table exported with '|' read as one
/// column named 'code|name|firms').
char likely_other_separator(std::string_view header);

/// What a file whose header has one column says of its separator: "no comma separates its names;
/// it looks '|'-separated" (the second part only where likely_other_separator finds one).
std::string one_column_header_words(std::string_view header, char separator);

/// Reads (kind and size checked, encoding decided: see text/encoding.hpp) and parses a file with
/// ',' separators, or those its "sep=" first line names, or with `detect` those detect_separator
/// finds (a user's table saved by a spreadsheet in a comma-decimal locale uses ';'); throws
/// AtlasError(Input) naming the file when it cannot be read or decoded.
std::vector<CsvRow> read_csv_file(const std::string& path, bool detect = false);

/// Quotes a cell when it holds a comma, quote or line break.
std::string csv_escape(const std::string& cell);

/// A text cell a spreadsheet would run as a formula (OWASP "CSV injection": it starts with '=', '+',
/// '-', '@', a tab or a carriage return, and is not a number) prefixed with a single quote, which
/// spreadsheets show as text; any other cell unchanged.
std::string neutralise_formula(const std::string& cell);

}  // namespace atlas
