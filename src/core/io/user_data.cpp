#include "io/user_data.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "error.hpp"
#include "io/csv.hpp"

namespace atlas {

namespace {

constexpr std::size_t kMaxListed = 20;
const char* const kKeyNames[] = {"code", "adcode", "region_code", "province_code", "prefecture_code", "gb_code"};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// A cell as shown in a message: line breaks escaped so each problem stays on one line, long text cut.
std::string shown(const std::string& cell) {
    std::string out;
    for (char c : cell) out += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
    return out.size() > 40 ? out.substr(0, 37) + "..." : out;
}

/// Index of `name` in `names`, exact match first, then ASCII case-insensitive; npos when absent.
std::size_t find_name(const std::vector<std::string>& names, const std::string& name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (lower(names[i]) == lower(name)) return i;
    return std::string::npos;
}

/// Digits, optional sign, point and exponent, nothing else: strtod/from_chars alone would also take
/// "inf", "nan" or a number followed by junk.
bool is_decimal(const std::string& s) {
    std::size_t i = 0, digits = 0;
    auto skip_digits = [&] {
        std::size_t n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++n;
        return n;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    digits += skip_digits();
    if (i < s.size() && s[i] == '.') ++i, digits += skip_digits();
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (skip_digits() == 0) return false;
    }
    return i == s.size();
}

/// Parses a trimmed cell; false when it is not a finite decimal number.
bool parse_number(const std::string& cell, double& out) {
    if (!is_decimal(cell)) return false;
    // from_chars is locale-independent but does not take a leading '+'.
    const char* begin = cell.data() + (cell[0] == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(begin, cell.data() + cell.size(), out);
    return ec == std::errc() && end == cell.data() + cell.size() && std::isfinite(out);
}

bool is_number(const std::string& cell) {
    double ignored = 0;
    return parse_number(cell, ignored);
}

/// Problems found so far, formatted "PATH: ..." (file-level, listed first) or "PATH:LINE: ...".
class Problems {
public:
    explicit Problems(std::string path) : path_(std::move(path)) {}
    void file(const std::string& message) { file_.push_back(path_ + ": " + message); }
    void row(std::size_t line, const std::string& message) {
        rows_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
    }
    /// Throws the one AtlasError(Input) listing every problem, when there is any.
    void raise_if_any() const {
        if (!file_.empty() || !rows_.empty()) raise();
    }
    /// For problems that leave nothing else to check.
    [[noreturn]] void fatal(const std::string& message) {
        file(message);
        raise();
    }

private:
    [[noreturn]] void raise() const {
        std::vector<std::string> all = file_;
        all.insert(all.end(), rows_.begin(), rows_.end());
        std::string message;
        for (std::size_t i = 0; i < all.size() && i < kMaxListed; ++i) message += (i ? "\n" : "") + all[i];
        if (all.size() > kMaxListed) message += "\n... and " + std::to_string(all.size() - kMaxListed) + " more";
        fail_input(message);
    }

    std::string path_;
    std::vector<std::string> file_, rows_;
};

bool blank_row(const CsvRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
}

std::size_t find_key_column(const std::vector<std::string>& headers, const std::string& key_column,
                            Problems& problems) {
    if (!key_column.empty()) {
        const std::size_t i = find_name(headers, key_column);
        if (i == std::string::npos)
            problems.fatal("no key column '" + key_column + "' (columns: " + join(headers) + ")");
        return i;
    }
    for (std::size_t i = 0; i < headers.size(); ++i)
        for (const char* name : kKeyNames)
            if (lower(headers[i]) == name) return i;
    return 0;
}

/// Columns other than the key where at least one cell of a well-formed row is a number.
std::vector<std::size_t> numeric_columns(std::size_t width, std::size_t key, const std::vector<const CsvRow*>& rows) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < width; ++c) {
        if (c == key) continue;
        if (std::any_of(rows.begin(), rows.end(), [&](const CsvRow* r) { return is_number(trim(r->cells[c])); }))
            out.push_back(c);
    }
    return out;
}

/// Every numeric column needs a header of its own, or column() could not find it.
void check_headers(const std::vector<std::string>& headers, const std::vector<std::size_t>& numeric,
                   std::size_t header_line, Problems& problems) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t c : numeric) {
        const std::string& h = headers[c];
        if (h.empty()) {
            problems.row(header_line, "column " + std::to_string(c + 1) + " has numbers but no header");
        } else if (!seen.emplace(h, c).second) {
            problems.row(header_line, "duplicate column '" + h + "' (columns " + std::to_string(seen[h] + 1) +
                                          " and " + std::to_string(c + 1) + ")");
        }
    }
}

/// Where the codes seen so far place the table: the first line of a code only one layer has.
struct LevelEvidence {
    std::size_t province_line = 0, prefecture_line = 0;
    std::string province_code, prefecture_code;
};

/// Reports an empty, duplicate or unknown code; notes which layer a known code belongs to.
void check_code(const std::string& code, std::size_t line, const std::string& key_header,
                const RegionLayer& provinces, const RegionLayer& prefectures,
                std::map<std::string, std::size_t>& first_line, LevelEvidence& level, Problems& problems) {
    if (code.empty()) {
        problems.row(line, "empty code in column '" + key_header + "'");
        return;
    }
    const auto [it, inserted] = first_line.emplace(code, line);
    if (!inserted) {
        problems.row(line, "duplicate code '" + shown(code) + "' (first on line " + std::to_string(it->second) + ")");
        return;
    }
    const bool province = provinces.find(code) != nullptr, prefecture = prefectures.find(code) != nullptr;
    if (!province && !prefecture) {
        problems.row(line, "unknown code '" + shown(code) + "' (not a province or prefecture of the loaded layers)");
        return;
    }
    // Municipalities are in both layers and say nothing about the level.
    if (province && !prefecture && level.province_line == 0) level.province_line = line, level.province_code = code;
    if (prefecture && !province && level.prefecture_line == 0)
        level.prefecture_line = line, level.prefecture_code = code;
}

UserDataLevel decide_level(const LevelEvidence& level, Problems& problems) {
    if (level.province_line != 0 && level.prefecture_line != 0)
        problems.file("codes mix provinces and prefectures (line " + std::to_string(level.province_line) + ": '" +
                      level.province_code + "' is a province, line " + std::to_string(level.prefecture_line) +
                      ": '" + level.prefecture_code + "' is a prefecture)");
    return level.prefecture_line != 0 ? UserDataLevel::Prefecture : UserDataLevel::Province;
}

}  // namespace

std::size_t UserTable::column(const std::string& name) const {
    const std::size_t i = find_name(columns, name);
    if (i == std::string::npos)
        throw AtlasError(ErrorKind::Usage,
                         path + ": no numeric column '" + name + "' (numeric columns: " + join(columns) + ")");
    return i;
}

UserTable read_user_table(const std::string& path, const RegionLayer& provinces, const RegionLayer& prefectures,
                          const std::string& key_column) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(path + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    return parse_user_table(text.str(), path, provinces, prefectures, key_column);
}

UserTable parse_user_table(const std::string& text, const std::string& path, const RegionLayer& provinces,
                           const RegionLayer& prefectures, const std::string& key_column) {
    Problems problems(path);
    std::vector<CsvRow> rows = parse_csv(text);
    rows.erase(std::remove_if(rows.begin(), rows.end(), blank_row), rows.end());
    if (rows.empty()) problems.fatal("empty file, no data rows");
    if (rows.size() == 1) problems.fatal("no data rows, only the header");

    std::vector<std::string> headers;
    for (const std::string& h : rows[0].cells) headers.push_back(trim(h));
    UserTable table;
    table.path = path;
    const std::size_t key = find_key_column(headers, key_column, problems);
    table.key_column = headers[key];

    // Which columns are numeric is decided on the whole file first, so that a bad cell is reported as
    // such and a name column is not reported cell by cell.
    std::vector<const CsvRow*> data;
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (rows[r].cells.size() == headers.size()) data.push_back(&rows[r]);
    const std::vector<std::size_t> numeric = numeric_columns(headers.size(), key, data);
    if (numeric.empty()) problems.file("no numeric column (columns: " + join(headers) + ")");
    check_headers(headers, numeric, rows[0].line, problems);
    for (std::size_t c : numeric) table.columns.push_back(headers[c]);
    table.values.resize(numeric.size());

    std::map<std::string, std::size_t> first_line;
    LevelEvidence level;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow* row = &rows[r];
        // A row of the wrong width is reported and not looked into further: its cells cannot be
        // matched to columns with any confidence.
        if (row->cells.size() != headers.size()) {
            problems.row(row->line, std::to_string(row->cells.size()) + " cells, the header has " +
                                        std::to_string(headers.size()));
            continue;
        }
        const std::string code = trim(row->cells[key]);
        check_code(code, row->line, table.key_column, provinces, prefectures, first_line, level, problems);
        table.codes.push_back(code);
        for (std::size_t i = 0; i < numeric.size(); ++i) {
            const std::string cell = trim(row->cells[numeric[i]]);
            double value = std::numeric_limits<double>::quiet_NaN();  // empty: missing data
            if (!cell.empty() && !parse_number(cell, value))
                problems.row(row->line, "column '" + headers[numeric[i]] + "': '" + shown(cell) + "' is not a number");
            table.values[i].push_back(value);
        }
    }
    table.level = decide_level(level, problems);
    problems.raise_if_any();
    return table;
}

}  // namespace atlas
