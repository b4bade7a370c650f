#pragma once
/// A user's own table (CSV) of numbers keyed by province, prefecture (code or name) or county-level
/// unit (code, with the county layer), for thematic maps.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/region.hpp"

namespace atlas {

enum class UserDataLevel { Province, Prefecture, County };

/// How the rows name their unit: GB/T 2260 codes, or (some rows at least) names joined to the layers' names.
enum class UserKeyKind { Code, Name };

struct UserTableOptions {
    std::string key_column;  ///< --data-key: header of the key column (exact, then case-insensitive)
    char separator = 0;      ///< --data-separator: ',', ';' or '\t'; 0 detects it from the header
    /// False for a file the user did not name (a session's data.path): messages then give line and
    /// column numbers but never the file's content.
    bool show_values = true;
};

struct UserTable {
    std::string path;
    std::string key_column;  ///< header of the key column
    UserKeyKind key_kind = UserKeyKind::Code;
    UserDataLevel level = UserDataLevel::Province;
    std::vector<std::string> codes;           ///< one per data row, as in the layers (names resolved)
    std::vector<std::string> columns;         ///< numeric columns (headers), file order
    std::vector<std::vector<double>> values;  ///< [column][row]; NaN where the cell is empty (missing data)
    /// What was decided for the user and should be said (encoding other than UTF-8, names joined),
    /// one line each, naming the file.
    std::vector<std::string> notes;
    /// When the table was counted from points (`render --points`): some of them to draw as dots, lon/lat
    /// WGS84 degrees (a uniform sample of at most 10,000), and how many there were in all.
    std::vector<LonLat> points;
    std::uint64_t points_total = 0;

    /// Index of a column by header (exact, then case-insensitive); AtlasError(Usage) naming the file,
    /// the column and the available ones otherwise.
    std::size_t column(const std::string& name) const;
};

/// Reads the CSV: kind and size checked (io/input_file.hpp), encoding decided from the bytes (UTF-8,
/// UTF-16 with a BOM, GB18030 as Excel writes it on Chinese Windows: text/encoding.hpp), separator
/// detected (comma, semicolon or tab). Rows whose cells are all blank are skipped.
///
/// Key column: `options.key_column` when given; else the first header naming codes (code, adcode,
/// region_code, province_code, prefecture_code, gb_code, 代码, 行政区划代码, 区划代码, 编码), else the
/// first naming units (name, province, city, prefecture, region, 地区, 省份, 省, 城市, 地级市, 名称),
/// else the first column. Keys and cells are trimmed of surrounding spaces and tabs.
/// A key of 6 digits is a code; any other key is a name, matched to the layers' Chinese and English
/// names with the usual variants (北京 = 北京市 = Beijing = Beijing Municipality).
///
/// Level: Province when every key is a province, else Prefecture when every key is a prefecture
/// (municipalities such as 110000 are in both layers), else County when every key is a county-level
/// unit of `counties` (by code; a county's code from before 2016, its `source_code`, joins to it).
///
/// Numeric columns: every other column in which at least one non-empty cell is a number. A column
/// whose non-empty cells are all text (a name column) is a label column and skipped; an empty one too.
/// Numbers: optional sign, digits with an optional decimal point, optional exponent ("-1.5e3");
/// "12abc", "1,234", "n/a", "inf" in a numeric column are errors. Empty cells are missing data (NaN).
///
/// Errors: nothing is silently dropped. All problems are collected, then ONE AtlasError(Input) is thrown
/// whose message has one line per problem, at most 20 then "... and N more", e.g.
///   data.csv:4: unknown code '990000' in key column 'code' (not a province or prefecture of the loaded layers)
///   data.csv:5: column 'firms': '12x' is not a number
///   data.csv:6: duplicate code '320000' (first on line 2)
///   data.csv:7: 3 cells, the header has 4
///   data.csv:8: 'Suzhou' matches 2 prefectures (320500 苏州, 341300 宿州); use codes
///   data.csv: codes mix provinces and prefectures (line 2: '440000' is a province, line 5: '320500' is a prefecture)
///   data.csv:9: '500228' and the key on line 3 are one county-level unit, 梁平区 500155 ('500228' is its code before
///   2016)
/// Where the tool guessed (key column, names, separator), the message says what it picked and the
/// option that overrides it. Values are quoted short with control characters escaped.
UserTable read_user_table(const std::string& path, const RegionLayer& provinces, const RegionLayer& prefectures,
                          const UserTableOptions& options = {}, const RegionLayer* counties = nullptr);

/// The same from the file's bytes; `path` names it in errors.
UserTable parse_user_table(const std::string& bytes, const std::string& path, const RegionLayer& provinces,
                           const RegionLayer& prefectures, const UserTableOptions& options = {},
                           const RegionLayer* counties = nullptr);

}  // namespace atlas
