#pragma once
/// A user's own table (CSV) of numbers keyed by province or prefecture code, for thematic maps.

#include <cstddef>
#include <string>
#include <vector>

#include "model/region.hpp"

namespace atlas {

enum class UserDataLevel { Province, Prefecture };

struct UserTable {
    std::string path;
    std::string key_column;                   ///< header of the key column
    UserDataLevel level = UserDataLevel::Province;
    std::vector<std::string> codes;           ///< one per data row, as in the layers
    std::vector<std::string> columns;         ///< numeric columns (headers), file order
    std::vector<std::vector<double>> values;  ///< [column][row]; NaN where the cell is empty (missing data)

    /// Index of a column by header (exact, then case-insensitive); AtlasError(Usage) naming the file,
    /// the column and the available ones otherwise.
    std::size_t column(const std::string& name) const;
};

/// Reads the CSV (see io/csv.hpp). Rows whose cells are all blank are skipped (spreadsheet exports).
///
/// Key column: the first header named code, adcode, region_code, province_code, prefecture_code or
/// gb_code (case-insensitive), else the first column; `key_column` (exact, then case-insensitive)
/// overrides when non-empty. Keys and cells are trimmed of surrounding spaces and tabs.
///
/// Level: Province when every key is a code of `provinces`, else Prefecture when every key is a code of
/// `prefectures` (municipalities such as 110000 are in both layers).
///
/// Numeric columns: every other column in which at least one non-empty cell is a number. A column
/// whose non-empty cells are all text (a name column) is a label column and skipped; an empty one too.
/// Numbers: optional sign, digits with an optional decimal point, optional exponent ("-1.5e3");
/// "12abc", "1,234", "n/a", "inf" in a numeric column are errors. Empty cells are missing data (NaN).
///
/// Errors: nothing is silently dropped. All problems are collected, then ONE AtlasError(Input) is thrown
/// whose message has one line per problem, at most 20 then "... and N more", e.g.
///   data.csv:4: unknown code '990000' (not a province or prefecture of the loaded layers)
///   data.csv:5: column 'firms': '12x' is not a number
///   data.csv:6: duplicate code '320000' (first on line 2)
///   data.csv:7: 3 cells, the header has 4
///   data.csv: codes mix provinces and prefectures (line 2: '440000' is a province, line 5: '320500' is a prefecture)
/// File-level problems, "PATH: ..." listed first: unreadable file, no data rows (empty file or header
/// only), key column not found (naming the headers), no numeric column, mixed levels. A numeric column
/// whose header is empty or repeated is reported on the header line.
UserTable read_user_table(const std::string& path, const RegionLayer& provinces, const RegionLayer& prefectures,
                          const std::string& key_column = "");

/// The same from the file's text; `path` names it in errors.
UserTable parse_user_table(const std::string& text, const std::string& path, const RegionLayer& provinces,
                           const RegionLayer& prefectures, const std::string& key_column = "");

}  // namespace atlas
