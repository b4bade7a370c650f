#include "io/user_data.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include "error.hpp"
#include "io/county_build.hpp"
#include "io/csv.hpp"
#include "io/input_file.hpp"
#include "io/unit_keys.hpp"
#include "text/encoding.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMaxHeadersListed = 8;

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
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

/// Problems found so far, formatted "PATH: ..." (file-level, listed first) or "PATH:LINE: ...", and
/// how values and headers appear in them (quoted short, or not at all for a file the user did not name).
class Problems {
  public:
    Problems(const std::string& path, bool show_values) : path_(escape_controls(path)), show_values_(show_values) {}
    void file(const std::string& message) { file_.push_back(path_ + ": " + message); }
    void row(std::size_t line, const std::string& message) {
        rows_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
    }
    std::string value(const std::string& cell) const { return show_values_ ? quote_value(cell, 40) : "(a value)"; }
    std::string column(const std::vector<std::string>& headers, std::size_t c) const {
        return show_values_ ? "column " + quote_value(headers[c], 40) : "column " + std::to_string(c + 1);
    }
    /// "c0, c1, ... (1,200,000 columns)": at most a few headers, never the content of an unnamed file.
    std::string headers(const std::vector<std::string>& headers) const {
        std::string out = with_separators(headers.size()) + (headers.size() == 1 ? " column" : " columns");
        if (!show_values_) return out;
        std::vector<std::string> shown;
        for (std::size_t i = 0; i < headers.size() && i < kMaxHeadersListed; ++i)
            shown.push_back(escape_controls(headers[i].substr(0, 40)));
        return out + ": " + join(shown, ", ") + (headers.size() > kMaxHeadersListed ? ", ..." : "");
    }
    bool any() const { return !file_.empty() || !rows_.empty(); }
    /// Throws the one AtlasError(Input) listing every problem, when there is any.
    void raise_if_any() const {
        if (any()) raise();
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
        fail_input(join_first(all, "\n", kMaxListed,
                              [](std::size_t n) { return "\n... and " + std::to_string(n) + " more"; }));
    }

    std::string path_;
    bool show_values_;
    std::vector<std::string> file_, rows_;
};

bool blank_row(const CsvRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
}

/// A column of numbers written as people write them ("1,234", "2 000 000", "1.234,5"): every cell
/// empty or a number read so (text/number.hpp written_number_reading). It is a number column with bad
/// cells, each refused with how to write it: it was left out as text with a note, and `render
/// --column` then said it was no numeric column (helper-51).
bool written_numbers(std::size_t c, const std::vector<const CsvRow*>& rows) {
    bool any = false;
    for (const CsvRow* r : rows) {
        const std::string cell = trim(r->cells[c]);
        if (cell.empty() || is_number(cell)) continue;
        if (written_number_reading(cell, true).empty()) return false;
        any = true;
    }
    return any;
}

/// Columns other than the key where at least one cell of a well-formed row is a number, and, beside
/// them, those whose cells are numbers written with digit groups or a decimal comma. Without any of
/// the first the file is refused in one line that says how its numbers are written
/// (decimal_comma_hint), not cell by cell.
std::vector<std::size_t> numeric_columns(std::size_t width, std::size_t key, const std::vector<const CsvRow*>& rows) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < width; ++c) {
        if (c == key) continue;
        if (std::any_of(rows.begin(), rows.end(), [&](const CsvRow* r) { return is_number(trim(r->cells[c])); }))
            out.push_back(c);
    }
    if (out.empty()) return out;
    for (std::size_t c = 0; c < width; ++c)
        if (c != key && std::find(out.begin(), out.end(), c) == out.end() && written_numbers(c, rows))
            out.insert(std::upper_bound(out.begin(), out.end(), c), c);
    return out;
}

/// Every numeric column needs a header of its own, or column() could not find it: one the key's
/// header repeats too (a second 'code' column of numbers was exported as data_code).
void check_headers(const std::vector<std::string>& headers, const std::vector<std::size_t>& numeric, std::size_t key,
                   std::size_t header_line, Problems& problems) {
    std::map<std::string, std::size_t> seen{{headers[key], key}};
    for (std::size_t c : numeric) {
        const std::string& h = headers[c];
        if (h.empty()) {
            problems.row(header_line, "column " + std::to_string(c + 1) + " has numbers but no header");
        } else if (!seen.emplace(h, c).second) {
            problems.row(header_line, "duplicate " + problems.column(headers, c) + " (columns " +
                                          std::to_string(seen[h] + 1) + " and " + std::to_string(c + 1) + ")");
        }
    }
}

/// The key of a row after its checks: the unit's code at each level it may be, or nothing.
struct KeyUnits {
    std::vector<const Region*> provinces, prefectures, counties;
    bool old_code = false;  ///< a county's code before 2016 (the layer's source_code)

    const std::vector<const Region*>& at(UserDataLevel level) const {
        return level == UserDataLevel::Province     ? provinces
               : level == UserDataLevel::Prefecture ? prefectures
                                                    : counties;
    }
    bool none() const { return provinces.empty() && prefectures.empty() && counties.empty(); }
};

const char* level_name(UserDataLevel level, bool plural) {
    switch (level) {
        case UserDataLevel::Province:
            return plural ? "provinces" : "a province";
        case UserDataLevel::Prefecture:
            return plural ? "prefectures" : "a prefecture";
        case UserDataLevel::County:
            return plural ? "county-level units" : "a county-level unit";
    }
    return "";
}

constexpr UserDataLevel kLevels[] = {UserDataLevel::Province, UserDataLevel::Prefecture, UserDataLevel::County};

/// Reads the keys: checks each (empty, control characters, unknown, ambiguous, duplicate), decides
/// the level, and returns the unit code of every row (empty where a problem was reported).
class KeyReader {
  public:
    KeyReader(const RegionLayer& provinces, const RegionLayer& prefectures, const RegionLayer* counties,
              std::string key_note, Problems& problems)
        : provinces_(provinces),
          prefectures_(prefectures),
          counties_(counties),
          names_(provinces, prefectures),
          key_note_(std::move(key_note)),
          problems_(problems) {}

    void add(const std::string& key, std::size_t line) {
        lines_.push_back(line), keys_.push_back(key), units_.emplace_back();
        if (key.empty()) return problems_.row(line, "empty key" + key_note_);
        if (key.find('\0') != std::string::npos)
            return problems_.row(line, "key " + problems_.value(key) + " contains a NUL byte");
        if (std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            return problems_.row(line, "key " + problems_.value(key) + " contains a control character");
        KeyUnits& u = units_.back();
        if (std::string code = written_code(key); !code.empty()) {
            if (const Region* p = provinces_.find(code)) u.provinces.push_back(p);
            if (const Region* p = prefectures_.find(code)) u.prefectures.push_back(p);
            if (u.none()) return problems_.row(line, unknown(key));
            ++rewritten_;
            return;
        }
        if (looks_like_code(key)) {
            if (const Region* p = provinces_.find(key)) u.provinces.push_back(p);
            if (const Region* p = prefectures_.find(key)) u.prefectures.push_back(p);
            if (const Region* c = county(key, u.old_code)) u.counties.push_back(c);
        } else {
            u.provinces = names_.provinces(key), u.prefectures = names_.prefectures(key);
            by_name_ += !u.provinces.empty() || !u.prefectures.empty();
        }
        if (u.none()) problems_.row(line, unknown(key));
    }

    /// Keys given as a county's code from before 2016, joined to its 2016 code.
    std::size_t old_codes() const {
        return static_cast<std::size_t>(std::count_if(
            units_.begin(), units_.end(), [](const KeyUnits& u) { return u.old_code && !u.counties.empty(); }));
    }

    /// Keys read as a code written otherwise (written_code).
    std::size_t rewritten_codes() const { return rewritten_; }

    /// Keys that named their unit by name rather than code.
    std::size_t by_name() const { return by_name_; }

    /// The level every key fits (provinces first: municipalities are in both layers; a prefecture-level
    /// city without counties, 441900, is a prefecture and a county-level unit).
    UserDataLevel level() {
        std::size_t best_fits = 0;
        UserDataLevel best = UserDataLevel::Province;
        for (UserDataLevel level : kLevels) {
            std::size_t fits = 0, known = 0;
            for (const KeyUnits& u : units_) known += u.none() ? 0 : 1, fits += u.at(level).empty() ? 0 : 1;
            if (fits == known) return level;
            if (fits > best_fits) best_fits = fits, best = level;
        }
        // A mix: the first key that does not fit the level most keys fit, and the first that fits only
        // that level and not the other's (110000 is a province and a prefecture: no example of either).
        std::size_t fit = npos, misfit = npos;
        for (std::size_t i = 0; i < units_.size() && misfit == npos; ++i)
            if (!units_[i].none() && units_[i].at(best).empty()) misfit = i;
        UserDataLevel other = best;
        for (UserDataLevel level : kLevels)
            if (!units_[misfit].at(level).empty()) other = level;
        for (std::size_t i = 0; i < units_.size() && fit == npos; ++i)
            if (!units_[i].at(best).empty() && units_[i].at(other).empty()) fit = i;
        if (fit == npos) fit = misfit;
        // In line order, as the file reads.
        bool fit_first = lines_[fit] <= lines_[misfit];
        std::size_t a = fit_first ? fit : misfit, b = fit_first ? misfit : fit;
        UserDataLevel la = fit_first ? best : other, lb = fit_first ? other : best;
        problems_.file(std::string(by_name_ > 0 ? "keys" : "codes") + " mix " + level_name(la, true) + " and " +
                       level_name(lb, true) + " (line " + std::to_string(lines_[a]) + ": " + problems_.value(keys_[a]) +
                       " is " + level_name(la, false) + ", line " + std::to_string(lines_[b]) + ": " +
                       problems_.value(keys_[b]) + " is " + level_name(lb, false) + ")");
        return best;
    }

    /// One code per row at `level`; ambiguous names and duplicates are reported.
    std::vector<std::string> codes(UserDataLevel level) {
        std::vector<std::string> out;
        std::map<std::string, std::size_t> first_line, first_index;
        for (std::size_t i = 0; i < units_.size(); ++i) {
            const auto& units = units_[i].at(level);
            out.emplace_back();
            if (units.empty()) continue;
            if (units.size() > 1) {
                problems_.row(lines_[i], problems_.value(keys_[i]) + " matches " + std::to_string(units.size()) + " " +
                                             level_name(level, true) + " (" + describe_units(units) + "); use codes");
                continue;
            }
            if (const Region* province = province_named_too(i, level)) {
                problems_.row(lines_[i], problems_.value(keys_[i]) + " names both the province " + province->name_zh +
                                             " (" + province->code + ") and the prefecture-level unit " +
                                             units[0]->name_zh + " (" + units[0]->code +
                                             "): write the code of the one meant (a province's row has no place "
                                             "in a table of prefectures)");
                continue;
            }
            const std::string& code = units[0]->code;
            const auto [it, inserted] = first_line.emplace(code, lines_[i]);
            std::size_t first = inserted ? i : first_index[code];
            if (inserted) first_index[code] = i;
            bool renamed = units_[i].old_code || units_[first].old_code;
            if (!inserted && renamed) {
                // One county-level unit under its old and its 2016 code (500228 and 500155 梁平).
                problems_.row(lines_[i],
                              problems_.value(keys_[i]) + " and the key on line " + std::to_string(it->second) +
                                  " are one county-level unit, " + units[0]->name_zh + " " + code + " (" +
                                  (units_[i].old_code ? problems_.value(keys_[i]) : problems_.value(keys_[first])) +
                                  " is its code before 2016)");
                continue;
            }
            if (!inserted) {
                bool named = !looks_like_code(keys_[i]);
                // 110100 is read as Beijing's 110000: "duplicate code '110100' (first on line 2)" named a
                // code line 2 does not hold.
                bool read_as = !named && (keys_[i] != code || keys_[first] != code);
                problems_.row(lines_[i],
                              std::string("duplicate ") + (named ? "unit " : "code ") + problems_.value(keys_[i]) +
                                  (named ? " (" + code + ")" : "") +
                                  (read_as ? ", read as " + code + " " + units[0]->name_zh : "") + " (first on line " +
                                  std::to_string(it->second) +
                                  (read_as && keys_[first] != keys_[i] ? ", as " + problems_.value(keys_[first]) : "") +
                                  ")");
                continue;
            }
            out.back() = code;
        }
        return out;
    }

  private:
    static constexpr std::size_t npos = std::string::npos;

    /// In a table of prefectures, the province a row's name names as well as its prefecture-level unit
    /// of another code ('吉林' is 吉林省 and 吉林市, 'Hainan' is 海南省 and Qinghai's 海南州): a
    /// province's total row of a yearbook table, or the city; either way not to be guessed. Nothing for
    /// codes, for municipalities (one code at both levels) and at other levels.
    const Region* province_named_too(std::size_t i, UserDataLevel level) const {
        if (level != UserDataLevel::Prefecture || looks_like_code(keys_[i])) return nullptr;
        const KeyUnits& u = units_[i];
        for (const Region* province : u.provinces)
            if (u.prefectures.size() == 1 && province->code != u.prefectures[0]->code) return province;
        return nullptr;
    }

    /// The six-digit code of a key written as spreadsheets and statistics offices write codes, or
    /// empty: "110000.0" (a number column saved by Excel or pandas), "110000000000" (the twelve-digit
    /// statistical code of a unit at county level or above), and 110100, 120100, 310100, 500100 (a
    /// municipality's 市辖区, the prefecture-level code many prefecture tables give it) when the layers
    /// lack that code. All three were refused as names or unknown codes.
    std::string written_code(const std::string& key) const {
        auto digits = [](const std::string& s) {
            return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (std::size_t dot = key.find('.');
            dot == 6 && digits(key.substr(0, 6)) && key.find_first_not_of('0', dot + 1) == std::string::npos)
            return key.substr(0, 6);
        if (key.size() == 12 && digits(key) && key.compare(6, 6, "000000") == 0) return key.substr(0, 6);
        static const std::map<std::string, std::string> municipal = {
            {"110100", "110000"}, {"120100", "120000"}, {"310100", "310000"}, {"500100", "500000"}};
        auto m = municipal.find(key);
        if (m != municipal.end() && prefectures_.find(key) == nullptr &&
            (counties_ == nullptr || counties_->find(key) == nullptr))
            return m->second;
        return "";
    }

    /// The county-level unit of a code: its own, or its code before 2016 (`old` set).
    const Region* county(const std::string& code, bool& old) const {
        if (counties_ == nullptr) return nullptr;
        if (const Region* c = counties_->find(code)) return c;
        for (const Region& c : counties_->regions)
            if (c.source_code == code) return old = true, &c;
        auto renamed = county_code_changes_2016().find(code);
        if (renamed != county_code_changes_2016().end())
            if (const Region* c = counties_->find(renamed->second)) return old = true, c;
        return nullptr;
    }

    std::string unknown(const std::string& key) const {
        bool county_code = key.size() == 6 && key.substr(4) != "00" && key.substr(2, 2) != "90";
        if (looks_like_code(key) && counties_ != nullptr)
            return "unknown code " + problems_.value(key) +
                   " (not a province, prefecture or county-level unit of the loaded layers)" + key_note_;
        if (looks_like_code(key) && county_code)
            return "unknown code " + problems_.value(key) +
                   " (not a province or prefecture; a county-level code needs the county layer, which "
                   "scripts/fetch-counties builds)" +
                   key_note_;
        if (looks_like_code(key))
            return "unknown code " + problems_.value(key) + " (not a province or prefecture of the loaded layers)" +
                   key_note_;
        return problems_.value(key) + " matches no province or prefecture name" + key_note_;
    }

    const RegionLayer& provinces_;
    const RegionLayer& prefectures_;
    const RegionLayer* counties_;
    UnitNameIndex names_;
    std::string key_note_;
    Problems& problems_;
    std::vector<std::size_t> lines_;
    std::vector<std::string> keys_;
    std::vector<KeyUnits> units_;
    std::size_t by_name_ = 0;
    std::size_t rewritten_ = 0;
};

/// "; key: column 'x', the first (no header says code or name; --data-key picks another)" when the key
/// column was a guess; empty when its header or --data-key named it.
std::string key_note(const std::vector<std::string>& headers, const KeyColumnChoice& key, const Problems& problems) {
    if (key.how != "the first column") return "";
    return "; key: " + problems.column(headers, key.index) +
           ", the first (no header says code or name; --data-key picks another)";
}

/// What a cell that is no number may mean (text/number.hpp written_number_reading), the value
/// repeated only where the file's values are shown.
std::string comma_reading(const std::string& cell, const Problems& problems) {
    return written_number_reading(cell, problems.value(cell) != "(a value)");
}

/// "; '1,5' in column 'value' looks like a decimal comma: write 1.5" when a cell is one; else where
/// the first cell that is no number is ("; line 2: '1e999' in column 'v' is not a number"): a table
/// of one row whose value overflowed said only "no numeric column".
std::string decimal_comma_hint(const std::vector<const CsvRow*>& rows, const std::vector<std::string>& headers,
                               std::size_t key, const Problems& problems) {
    std::string first;
    for (const CsvRow* r : rows)
        for (std::size_t c = 0; c < r->cells.size(); ++c) {
            std::string cell = trim(r->cells[c]);
            if (c == key) continue;
            if (std::string reading = comma_reading(cell, problems); !reading.empty())
                return "; " + problems.value(cell) + " in " + problems.column(headers, c) + " " + reading;
            // Meant as a number (a digit or sign first, or nan, inf): a column of names is no hint.
            const std::string lower = ascii_lower(cell);
            bool meant =
                !cell.empty() && (std::string("0123456789+-.").find(cell[0]) != std::string::npos || lower == "nan" ||
                                  lower == "inf" || lower == "infinity" || starts_with_other_digit(cell));
            if (first.empty() && meant && !is_number(cell))
                first = "; line " + std::to_string(r->line) + ": " + problems.value(cell) + " in " +
                        problems.column(headers, c) + why_not_a_number(cell);
        }
    return first;
}

/// One line where the separator is wrong, instead of an error for every row: a header of one column
/// (a '|'-separated file gave 21 lines that each named the whole header as the key), or rows of one
/// cell under a header of several, split by another separator (a comma header over semicolon rows).
void refuse_wrong_separator(const std::vector<CsvRow>& rows, const std::vector<std::string>& headers, char separator,
                            Problems& problems) {
    const std::string used = separator_name(separator);
    if (headers.size() == 1 && rows.size() > 1)
        problems.fatal("its header is one column, " + problems.value(headers[0]) + ": " +
                       one_column_header_words(headers[0], separator) +
                       ": save it comma-, semicolon- or tab-separated (--data-separator takes , ; or tab)");
    std::size_t rows_of_one = 0;
    char other = 0;
    std::size_t first_line = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].cells.size() != 1 || headers.size() < 2) continue;
        char found = detect_separator(rows[r].cells[0]);
        if (found == separator || rows[r].cells[0].find(found) == std::string::npos) continue;
        ++rows_of_one, other = found;
        if (first_line == 0) first_line = rows[r].line;
    }
    if (rows_of_one * 2 > rows.size() - 1)
        problems.fatal("its header is " + used + "-separated and its rows " + separator_name(other) +
                       "-separated (line " + std::to_string(first_line) + " and " + std::to_string(rows_of_one - 1) +
                       " more): save it with one separator");
}

}  // namespace

std::size_t UserTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return i;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (ascii_lower(columns[i]) == ascii_lower(name)) return i;
    std::string listed = join_first(columns, ", ", kMaxHeadersListed,
                                    [&](std::size_t) { return ", ... (" + with_separators(columns.size()) + ")"; });
    throw AtlasError(ErrorKind::Usage, escape_controls(path) + ": no numeric column " + quote_value(name) +
                                           " (numeric columns: " + escape_controls(listed) + ")");
}

UserTable read_user_table(const std::string& path, const RegionLayer& provinces, const RegionLayer& prefectures,
                          const UserTableOptions& options, const RegionLayer* counties) {
    return parse_user_table(read_input_file(path, "CSV table", kMaxTableBytes), path, provinces, prefectures, options,
                            counties);
}

UserTable parse_user_table(const std::string& bytes, const std::string& path, const RegionLayer& provinces,
                           const RegionLayer& prefectures, const UserTableOptions& options,
                           const RegionLayer* counties) {
    Problems problems(path, options.show_values);
    DecodedText decoded = decode_text_file(bytes, path);
    std::string& text = decoded.text;
    const char declared = take_sep_line(text);
    // Each row read with the other separator gave its own error: one line says why instead.
    if (options.separator != 0 && declared != 0 && declared != options.separator)
        problems.fatal(std::string("its sep= line says ") + separator_name(declared) +
                       "-separated, and --data-separator " + separator_name(options.separator) +
                       ": drop --data-separator, or the sep= line");
    const char separator = options.separator != 0 ? options.separator
                           : declared != 0        ? declared
                                                  : detect_separator(text);
    std::vector<CsvRow> rows = parse_csv(text, separator, path, options.show_values);
    rows.erase(std::remove_if(rows.begin(), rows.end(), blank_row), rows.end());
    if (rows.empty()) problems.fatal("empty file, no data rows");
    if (rows.size() == 1) problems.fatal("no data rows, only the header");

    std::vector<std::string> headers;
    for (const std::string& h : rows[0].cells) headers.push_back(trim(h));
    UserTable table;
    table.path = path;
    if (!decoded.note.empty()) table.notes.push_back(decoded.note);
    refuse_wrong_separator(rows, headers, separator, problems);
    const KeyColumnChoice key = choose_key_column(headers, options.key_column);
    if (key.index == std::string::npos)
        problems.fatal("no key column " + quote_value(options.key_column) + " (" + problems.headers(headers) + ")");
    table.key_column = headers[key.index];
    // Where the separator explains an error, say which one was used and how to pick another.
    const std::string sep_note = std::string(" (") + separator_name(separator) + "-separated, " +
                                 (options.separator != 0 ? "as --data-separator says"
                                  : declared != 0        ? "as its sep= line says; --data-separator picks another"
                                                         : "as the header suggests; --data-separator picks another") +
                                 ")";

    // Which columns are numeric is decided on the whole file first, so that a bad cell is reported as
    // such and a name column is not reported cell by cell.
    std::vector<const CsvRow*> data;
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (rows[r].cells.size() == headers.size()) data.push_back(&rows[r]);
    const std::vector<std::size_t> numeric = numeric_columns(headers.size(), key.index, data);
    // Without a row of the header's width nothing can be said of the columns: the rows' widths are
    // the fault ("no numeric column" before "2 cells, the header has 3" sent the user the wrong way).
    const bool only_misshapen_rows = data.empty() && rows.size() > 1;
    if (numeric.empty() && !only_misshapen_rows)
        problems.file("no numeric column besides the key " + problems.column(headers, key.index) + sep_note + " (" +
                      problems.headers(headers) + ")" + key_note(headers, key, problems) +
                      decimal_comma_hint(data, headers, key.index, problems));
    check_headers(headers, numeric, key.index, rows[0].line, problems);
    for (std::size_t c : numeric) table.columns.push_back(headers[c]);
    table.values.resize(numeric.size());

    KeyReader keys(provinces, prefectures, counties, key_note(headers, key, problems), problems);
    // Per column: cells like 1.234 (a dot, then groups of three digits) and cells with any other
    // fraction. In a semicolon-separated file (a comma-decimal locale's) the first may be 1234.
    std::vector<std::size_t> grouped(numeric.size(), 0), fractions(numeric.size(), 0);
    std::vector<std::string> first_grouped(numeric.size());
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow* row = &rows[r];
        // A row of the wrong width is reported and not looked into further: its cells cannot be
        // matched to columns with any confidence.
        if (row->cells.size() != headers.size()) {
            problems.row(row->line, std::to_string(row->cells.size()) + " cells, the header has " +
                                        std::to_string(headers.size()) + sep_note);
            continue;
        }
        keys.add(trim(row->cells[key.index]), row->line);
        for (std::size_t i = 0; i < numeric.size(); ++i) {
            const std::string cell = trim(row->cells[numeric[i]]);
            double value = std::numeric_limits<double>::quiet_NaN();  // empty: missing data
            if (!cell.empty() && !parse_number(cell, value)) {
                std::string reading = comma_reading(cell, problems);
                problems.row(row->line, problems.column(headers, numeric[i]) + ": " + problems.value(cell) +
                                            why_not_a_number(cell) + (reading.empty() ? "" : "; it " + reading));
            }
            table.values[i].push_back(value);
            if (cell.find('.') == std::string::npos) continue;
            bool dot_grouped = looks_dot_grouped(cell);
            ++(dot_grouped ? grouped[i] : fractions[i]);
            if (dot_grouped && first_grouped[i].empty()) first_grouped[i] = cell;
        }
    }
    for (std::size_t i = 0; i < numeric.size() && separator == ';'; ++i)
        if (grouped[i] > 0 && fractions[i] == 0)
            table.notes.push_back(path + ": " + problems.column(headers, numeric[i]) + ": " +
                                  std::to_string(grouped[i]) + (grouped[i] == 1 ? " value, " : " values such as ") +
                                  problems.value(first_grouped[i]) + (grouped[i] == 1 ? "," : "") +
                                  " read with a decimal point; in a semicolon-separated file they may be thousands "
                                  "written with a dot between digit groups: check the figures");
    table.level = keys.level();
    table.codes = keys.codes(table.level);
    if (problems.any() && key.how == "the first column")  // every error is then read against that guess
        problems.file("the key, " + problems.column(headers, key.index) + "," +
                      " was guessed (the first column: no header says code or name); --data-key picks another");
    problems.raise_if_any();
    table.key_kind = keys.by_name() > 0 ? UserKeyKind::Name : UserKeyKind::Code;
    // Text columns (a name, a note) are not mapped or exported: said, never dropped silently.
    std::vector<std::string> text_columns;
    for (std::size_t c = 0; c < headers.size(); ++c)
        if (c != key.index && std::find(numeric.begin(), numeric.end(), c) == numeric.end())
            text_columns.push_back(problems.column(headers, c));
    if (!text_columns.empty())
        table.notes.push_back(
            path + ": " + std::to_string(text_columns.size()) +
            (text_columns.size() == 1 ? " text column" : " text columns") + " left out (" +
            join_first(text_columns, ", ", 5, [](std::size_t n) { return ", and " + std::to_string(n) + " more"; }) +
            "): only number columns are mapped and exported");
    if (keys.old_codes() > 0)
        table.notes.push_back(path + ": " + std::to_string(keys.old_codes()) +
                              (keys.old_codes() == 1 ? " county code from before 2016 joined to its 2016 code"
                                                     : " county codes from before 2016 joined to their 2016 codes"));
    if (keys.rewritten_codes() > 0)
        table.notes.push_back(path + ": " + std::to_string(keys.rewritten_codes()) +
                              (keys.rewritten_codes() == 1 ? " code" : " codes") +
                              " written otherwise (110000.0, twelve-digit statistical codes, a municipality's "
                              "110100) read as six-digit GB/T 2260 codes");
    if (keys.by_name() > 0)
        table.notes.push_back(path + ": " + std::to_string(keys.by_name()) + " of " +
                              std::to_string(table.codes.size()) + " rows joined by name (key column " +
                              quote_value(table.key_column) + "); codes are safer");
    return table;
}

}  // namespace atlas
