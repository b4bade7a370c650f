// Streaming CSV reader for points: the file is read in blocks and parsed in place, so that memory
// stays flat whatever the file's size; only the columns in use are converted.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <string_view>
#include <utility>

#include "error.hpp"
#include "io/csv.hpp"
#include "io/point_batcher.hpp"
#include "text/encoding.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

namespace atlas::points_detail {

namespace {

constexpr std::size_t kBlock = 4 << 20;

/// One file read block by block; records are parsed from the buffer, which keeps the unparsed tail.
class CsvStream {
  public:
    CsvStream(const std::string& path, PointProblems& problems, bool show_values)
        : path_(path), problems_(problems), show_values_(show_values) {
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) problems_.fatal(std::strerror(errno));
        fill();
        if (buf_.rfind("\xEF\xBB\xBF", 0) == 0) pos_ = 3;
        if (buf_.rfind("\xFF\xFE", 0) == 0 || buf_.rfind("\xFE\xFF", 0) == 0)
            problems_.fatal("UTF-16 text: save the points as UTF-8 CSV");
        refuse_nul(pos_);
    }
    ~CsvStream() {
        if (fd_ >= 0) ::close(fd_);
    }
    CsvStream(const CsvStream&) = delete;
    CsvStream& operator=(const CsvStream&) = delete;

    /// The first bytes, to decide the encoding and the separator.
    std::string_view head() const { return std::string_view(buf_).substr(pos_, 1 << 16); }
    /// Whether head() stops inside the file: its last bytes may then be a character cut in two.
    bool head_cut() const { return buf_.size() - pos_ > (1 << 16); }
    void set_separator(char c) { sep_ = c; }
    /// Excel's "sep=;" first line: skipped, and its separator returned; 0 when there is none.
    char take_sep_line() {
        std::string_view h = head();
        if (h.substr(0, 4) != "sep=" || h.size() < 6 || h[4] == '"') return 0;
        std::size_t skip = h[5] == '\n' ? 6 : h[5] == '\r' ? (h.size() > 6 && h[6] == '\n' ? 7 : 6) : 0;
        if (skip == 0) return 0;
        pos_ += skip;
        line_ = 2;
        return h[4];
    }

    /// The next record's cells (views valid until the next call) and its first line; false at the end.
    bool next(std::vector<std::string_view>& cells, std::uint64_t& line) {
        for (;;) {
            std::size_t lines = 0;
            if (parse(cells, lines)) {
                line = line_;
                line_ += lines;
                return true;
            }
            if (eof_) return false;
            buf_.erase(0, pos_);
            pos_ = 0;
            refuse_nul(fill());
        }
    }

  private:
    /// A NUL byte from `from` on is refused, as the table reader does: it ends a C string (a name cut
    /// short) and is never text; its line is the next record's plus the line breaks before it.
    void refuse_nul(std::size_t from) {
        const void* nul = std::memchr(buf_.data() + from, 0, buf_.size() - from);
        if (nul == nullptr) return;
        std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nul) - buf_.data());
        std::uint64_t line =
            line_ + static_cast<std::uint64_t>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                          buf_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        std::size_t start = buf_.rfind('\n', at == 0 ? 0 : at - 1);
        std::size_t column = at - (start == std::string::npos || start < pos_ ? pos_ : start + 1) + 1;
        problems_.fatal("a NUL byte (\\x00) at column " + std::to_string(column) +
                            (line == 1 ? " (UTF-16 text? save the points as UTF-8 CSV)" : ""),
                        std::to_string(line));
    }

    /// Reads the next block onto the buffer; returns where the new bytes start.
    std::size_t fill() {
        std::size_t old = buf_.size();
        buf_.resize(old + kBlock);
        ssize_t n;
        do n = ::read(fd_, buf_.data() + old, kBlock);
        while (n < 0 && errno == EINTR);
        if (n < 0) problems_.fatal(std::string("read error: ") + std::strerror(errno));
        buf_.resize(old + static_cast<std::size_t>(n));
        eof_ = n == 0;
        return old;
    }

    /// Parses one whole record from pos_; false when the buffer ends first (and the file does not).
    bool parse(std::vector<std::string_view>& cells, std::size_t& lines) {
        cells.clear();
        scratch_used_ = 0;
        const char* b = buf_.data();
        std::size_t p = pos_, end = buf_.size();
        if (p >= end) return false;
        for (;;) {
            if (p < end && b[p] == '"') {
                std::string& s = scratch(cells.size());
                std::size_t q = p + 1;
                for (;;) {
                    if (q >= end) {
                        if (eof_) problems_.fatal("a quote is never closed", std::to_string(line_));
                        return false;
                    }
                    if (b[q] == '"') {
                        if (q + 1 < end && b[q + 1] == '"') {
                            s.push_back('"');
                            q += 2;
                            continue;
                        }
                        if (q + 1 >= end && !eof_) return false;
                        ++q;
                        break;
                    }
                    if (b[q] == '\n') ++lines;
                    s.push_back(b[q++]);
                }
                // "1"2 would read as 12: a changed value, refused as the table reader refuses it.
                if (q < end && b[q] != sep_ && b[q] != '\n' && b[q] != '\r') {
                    std::size_t cut = q;
                    while (cut < end && b[cut] != sep_ && b[cut] != '\n' && b[cut] != '\r') ++cut;
                    problems_.fatal("column " + std::to_string(cells.size() + 1) + " " +
                                        shown(std::string_view(b + p, cut - p)) +
                                        ": text after the closing quote; quote the whole cell and double any "
                                        "quote inside it",
                                    std::to_string(line_));
                }
                cells.emplace_back(s);
                p = q;
            } else {
                std::size_t q = p;
                while (q < end && b[q] != sep_ && b[q] != '\n' && b[q] != '\r') ++q;
                std::string_view cell(b + p, q - p);
                if (cell.find('"') != std::string_view::npos)
                    problems_.fatal("column " + std::to_string(cells.size() + 1) + " " + shown(cell) +
                                        ": a quote inside a cell that is not quoted; quote the whole cell and "
                                        "double the quote",
                                    std::to_string(line_));
                cells.emplace_back(cell);
                p = q;
            }
            if (p >= end) {
                if (!eof_) return false;
                ++lines;
                pos_ = p;
                return true;
            }
            if (b[p] == sep_) {
                ++p;
                continue;
            }
            if (b[p] == '\r') {
                if (p + 1 >= end && !eof_) return false;
                if (p + 1 < end && b[p + 1] == '\n') ++p;
            }
            ++lines;
            pos_ = p + 1;
            return true;
        }
    }

    /// A cell for a message: quoted, or "(a value)" for a file a session names.
    std::string shown(std::string_view cell) const { return show_values_ ? quote_value(cell) : "(a value)"; }

    std::string& scratch(std::size_t i) {
        if (scratch_.size() <= i) scratch_.resize(i + 1);
        scratch_[i].clear();
        ++scratch_used_;
        return scratch_[i];
    }

    std::string path_;
    PointProblems& problems_;
    bool show_values_;
    int fd_ = -1;
    std::string buf_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    char sep_ = ',';
    std::uint64_t line_ = 1;
    // A deque: growing it moves no string, so views of the cells unquoted before stay valid (a vector's
    // reallocation moved short strings' bytes and left the header's first names pointing at freed memory).
    std::deque<std::string> scratch_;
    std::size_t scratch_used_ = 0;
};

// The weak names ("x", "y": a projected or a plot coordinate as often as a degree) last.
constexpr std::array<const char*, 6> kLonNames{"lon", "lng", "long", "longitude", "经度", "x"};
constexpr std::array<const char*, 4> kLatNames{"lat", "latitude", "纬度", "y"};

/// A header made of one of the names and a suffix or prefix ("lng_gcj02", "poi_lat", "经度(WGS84)",
/// "百度纬度"). "x" and "y" only alone: they are inside too many words.
template <std::size_t N>
bool names_with_affix(const std::string& header, const std::array<const char*, N>& names) {
    auto boundary = [](char c) { return c == '_' || c == ' ' || c == '(' || c == '-' || c == '.'; };
    for (const char* name : names) {
        std::string n = name;
        if (n.size() < 2 || header.size() <= n.size()) continue;
        if (static_cast<unsigned char>(n[0]) >= 0x80) {
            if (header.find(n) != std::string::npos) return true;
            continue;
        }
        if (header.rfind(n, 0) == 0 && boundary(header[n.size()])) return true;
        if (header.compare(header.size() - n.size(), n.size(), n) == 0 &&
            boundary(header[header.size() - n.size() - 1]))
            return true;
    }
    return false;
}

/// The columns whose header is one of names[from, to) exactly, or (affix) carries one of them.
template <std::size_t N>
std::vector<std::size_t> columns_named(const std::vector<std::string>& headers, const std::array<const char*, N>& names,
                                       std::size_t from, std::size_t to, bool affix) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < headers.size(); ++c) {
        std::string h = ascii_lower(headers[c]);
        bool fits = affix
                        ? names_with_affix(h, names)
                        : std::any_of(names.begin() + from, names.begin() + to, [&](const char* n) { return h == n; });
        if (fits) out.push_back(c);
    }
    return out;
}

/// The one column that names a longitude (latitude): an exact strong name ("lon") first, then an exact
/// weak one ("x"), then a name with an affix ("lng_wgs84"); -1 when none. Two columns fitting
/// equally well ("lng_bd09" and "lng_wgs84") are refused: which one holds the points is the user's to say.
template <std::size_t N>
int find_column(const std::vector<std::string>& headers, const std::array<const char*, N>& names, const char* what,
                const char* option, const std::string& path, bool show_values) {
    for (int tier = 0; tier < 3; ++tier) {
        std::vector<std::size_t> found = tier == 0   ? columns_named(headers, names, 0, N - 1, false)
                                         : tier == 1 ? columns_named(headers, names, N - 1, N, false)
                                                     : columns_named(headers, names, 0, N, true);
        if (found.size() == 1) return static_cast<int>(found[0]);
        if (found.size() > 1 && ascii_lower(headers[found[0]]) == ascii_lower(headers[found[1]]))  // "lon,lat,lon"
            throw AtlasError(ErrorKind::Input, escape_controls(path) + ":1: columns " + std::to_string(found[0] + 1) +
                                                   " and " + std::to_string(found[1] + 1) + " are both named " +
                                                   (show_values ? quote_value(headers[found[0]], 40) : "alike") +
                                                   ": rename one");
        if (found.size() > 1) {
            std::vector<std::string> shown;
            for (std::size_t c : found)
                shown.push_back(show_values ? quote_value(headers[c], 40) : std::to_string(c + 1));
            if (!show_values)  // a file a session names: its header is not shown, and no option can choose
                throw AtlasError(ErrorKind::Input, escape_controls(path) + ": columns " + join(shown, ", ") +
                                                       " could each be the " + what);
            throw AtlasError(
                ErrorKind::Usage,
                escape_controls(path) + ": columns " + join(shown, ", ") + " could each be the " + what +
                    (*option != 0 ? "; name one with " + std::string(option) : std::string("; rename all but one")));
        }
    }
    return -1;
}

/// The column `name` (exactly, else case-insensitively) names; refused in one line naming `option`,
/// with the header's first columns unless `show_values` is false (a file a session names).
int named_column(const std::vector<std::string>& headers, const std::string& name, const char* option,
                 const std::string& path, bool show_values = true) {
    for (bool exact : {true, false}) {
        std::vector<std::size_t> found;
        for (std::size_t c = 0; c < headers.size(); ++c)
            if (exact ? headers[c] == name : ascii_lower(headers[c]) == ascii_lower(name)) found.push_back(c);
        if (found.size() > 1)  // the first was taken silently: which one is meant is not for us to guess
            throw AtlasError(ErrorKind::Input, escape_controls(path) + ":1: " + option + " " + quote_value(name, 40) +
                                                   " names columns " + std::to_string(found[0] + 1) + " and " +
                                                   std::to_string(found[1] + 1) + ": rename one");
        if (found.size() == 1) return static_cast<int>(found[0]);
    }
    std::vector<std::string> shown;
    for (std::size_t c = 0; c < headers.size() && c < 12; ++c) shown.push_back(quote_value(headers[c], 40));
    std::string header = show_values ? "the header has " + join(shown, ", ") + (headers.size() > 12 ? ", ..." : "")
                                     : std::to_string(headers.size()) + " columns, not shown";
    throw AtlasError(ErrorKind::Usage, escape_controls(path) + ": " + option + " " + quote_value(name, 40) +
                                           ": no such column (" + header + ")");
}

struct Columns {
    int lon = -1, lat = -1, value = -1, category = -1, code = -1;
    std::size_t width = 0;
};

/// The first row one cell holding another separator than the header's (a comma header over
/// semicolon rows): refused as the file's fault, not as each row's width.
void refuse_mixed_separators(const std::vector<std::string_view>& cells, char sep, std::size_t width,
                             const std::string& where, PointProblems& problems) {
    if (cells.size() != 1 || width < 2) return;
    char found = detect_separator(cells[0]);
    if (found == sep || cells[0].find(found) == std::string_view::npos) return;
    problems.fatal(std::string("its header is ") + separator_name(sep) + "-separated and its rows " +
                       separator_name(found) + "-separated: save the points with one separator",
                   where);
}

Columns columns_of(const std::vector<std::string>& headers, const PointSourceOptions& o, PointSourceInfo& info,
                   PointProblems& problems) {
    Columns c;
    c.width = headers.size();
    c.lon = o.lon_column.empty()
                ? find_column(headers, kLonNames, "longitude", o.lon_option.c_str(), info.path, o.show_values)
                : named_column(headers, o.lon_column, o.lon_option.c_str(), info.path, o.show_values);
    c.lat = o.lat_column.empty()
                ? find_column(headers, kLatNames, "latitude", o.lat_option.c_str(), info.path, o.show_values)
                : named_column(headers, o.lat_column, o.lat_option.c_str(), info.path, o.show_values);
    if (c.lon >= 0 && c.lon == c.lat)
        throw AtlasError(ErrorKind::Usage,
                         escape_controls(info.path) + ": column " +
                             quote_value(headers[static_cast<std::size_t>(c.lon)], 40) +
                             " cannot be both the longitude and the latitude (" +
                             (o.lon_option.empty() ? "lon, lat" : o.lon_option + ", " + o.lat_option) + ")");
    if (c.lon < 0 || c.lat < 0) {
        std::vector<std::string> shown;
        for (std::size_t i = 0; i < headers.size() && i < 12; ++i) shown.push_back(quote_value(headers[i], 40));
        // A file a shared session names may be anyone's: its first line is not shown.
        std::string header = o.show_values ? join(shown, ", ") + (headers.size() > 12 ? ", ..." : "")
                                           : std::to_string(headers.size()) + " columns, not shown";
        problems.fatal(std::string("no ") +
                       (c.lon < 0 && c.lat < 0 ? "longitude and latitude columns"
                        : c.lon < 0            ? "longitude column"
                                               : "latitude column") +
                       " (the header has " + header + "); " + coordinate_columns_advice(o));
    }
    if (!o.value_column.empty())
        c.value = named_column(headers, o.value_column, o.value_option.c_str(), info.path, o.show_values);
    if (!o.category_column.empty())
        c.category = named_column(headers, o.category_column, "--industry-column", info.path, o.show_values);
    info.lon_column = headers[static_cast<std::size_t>(c.lon)];
    info.lat_column = headers[static_cast<std::size_t>(c.lat)];
    if (c.value >= 0) info.value_column = headers[static_cast<std::size_t>(c.value)];
    if (c.category >= 0) info.category_column = headers[static_cast<std::size_t>(c.category)];
    if (!o.code_column.empty()) {
        c.code = named_column(headers, o.code_column, "--expect-code", info.path, o.show_values);
        info.code_column = headers[static_cast<std::size_t>(c.code)];
    }
    return c;
}

bool blank(const std::vector<std::string_view>& cells) {
    return std::all_of(cells.begin(), cells.end(),
                       [](std::string_view c) { return c.find_first_not_of(" \t") == std::string_view::npos; });
}

/// "; it has thousands separators: write 1234567" where the cell is a number written so.
std::string reading_of(std::string_view cell, bool show_values) {
    std::string trimmed(cell);
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    std::string reading = written_number_reading(trimmed, show_values);
    return reading.empty() ? "" : "; it " + reading;
}

/// A problem's kind for PointProblems: an empty cell and a cell that is not a number are two kinds
/// ("column 'lon' is empty (and 1 more like it)" counted a line holding 'abc' and never named it).
std::string problem_kind(const char* column, std::string_view cell) {
    return std::string(column) + (cell.find_first_not_of(" \t") == std::string_view::npos ? " empty" : " text");
}

/// `role` ("longitude") names the column where its header is not shown (a file a session names).
std::string number_problem(const std::string& column, const char* role, std::string_view cell, bool show_values) {
    bool empty = cell.find_first_not_of(" \t") == std::string_view::npos;
    return (show_values ? "column " + quote_value(column, 40) : std::string("the ") + role + " column") +
           (empty ? " is empty" : ": " + (show_values ? quote_value(cell, 40) : "a value") + why_not_a_number(cell)) +
           reading_of(cell, show_values);
}

}  // namespace

void read_csv_points(const std::string& path, const PointSourceOptions& options, PointSourceInfo& info,
                     PointProblems& problems, PointBatcher& batcher) {
    info.kind = "CSV";
    CsvStream in(path, problems, options.show_values);
    const char declared = in.take_sep_line();
    std::string head(in.head());
    // A character cut at the end of a head that stops inside the file is not a fault; a whole small
    // file's last byte is checked like any other ('caf\xe9' at the end of a file was taken as text).
    const std::size_t checked = in.head_cut() ? head.size() - std::min<std::size_t>(head.size(), 3) : head.size();
    const bool invalid = first_invalid_utf8(head) < checked;
    bool gb18030 = invalid && plausible_gbk(head);
    if (!gb18030 && invalid) {
        std::string at = invalid_utf8_at(head, first_invalid_utf8(head));  // "LINE: not UTF-8 (byte ...)"
        std::size_t colon = at.find(": ");
        problems.fatal(at.substr(colon + 2) + ", nor plausibly GB18030: save the points as UTF-8 CSV",
                       at.substr(0, colon));
    }
    auto decode = [gb18030](const std::string& raw) {
        return gb18030 ? to_utf8(raw, "GB18030").value_or(escape_controls(raw)) : raw;
    };
    const char sep = declared != 0 ? declared : detect_separator(head);
    in.set_separator(sep);
    std::vector<std::string_view> cells;
    std::uint64_t line = 0;
    if (!in.next(cells, line)) problems.fatal("empty file: no header and no points");
    std::vector<std::string> headers;
    for (std::string_view c : cells) {
        std::string h = decode(std::string(c));
        h.erase(0, h.find_first_not_of(" \t"));
        h.erase(h.find_last_not_of(" \t") + 1);
        headers.push_back(h);
    }
    // A header of one column holding '|' (or ':' ...) was read with the wrong separator: said so, not
    // "no longitude and latitude columns (the header has 'lon|lat|name')".
    if (headers.size() == 1 && likely_other_separator(headers[0]) != 0)
        problems.fatal(
            "its header is one column" + (options.show_values ? ", " + quote_value(headers[0], 60) : std::string()) +
            ": " + one_column_header_words(headers[0], sep) + ": save the points comma-, semicolon- or tab-separated");
    Columns col = columns_of(headers, options, info, problems);
    if (gb18030) info.notes.push_back(escape_controls(path) + ": decoded as GB18030 (not UTF-8)");
    // A header that names another datum than the one the points are read in is worth a word.
    const std::string lon_header = ascii_lower(info.lon_column);
    const char* named = lon_header.find("gcj") != std::string::npos ? "GCJ-02"
                        : lon_header.find("bd09") != std::string::npos || lon_header.find("baidu") != std::string::npos
                            ? "BD-09"
                            : nullptr;
    if (named != nullptr && options.datum == Datum::Wgs84)
        info.notes.push_back(escape_controls(path) + ": column " + quote_value(info.lon_column, 40) + " sounds like " +
                             named + ", but the points are read as WGS84 (--datum " +
                             (std::string(named) == "GCJ-02" ? "gcj02" : "bd09") + " if they are " + named + ")");
    if (sep != ',') info.notes.push_back(escape_controls(path) + ": " + separator_name(sep) + "-separated");
    bool first_row = true;
    while (in.next(cells, line)) {
        if (cells.size() == 1 && cells[0].empty()) continue;  // an empty line
        std::string where = std::to_string(line);
        if (std::exchange(first_row, false)) refuse_mixed_separators(cells, sep, col.width, where, problems);
        if (cells.size() != col.width) {
            if (blank(cells)) continue;
            problems.add(where, std::to_string(cells.size()) + " cells, the header has " + std::to_string(col.width),
                         "cells");
            continue;
        }
        double lon = 0, lat = 0, value = std::nan("");
        if (!parse_number(cells[static_cast<std::size_t>(col.lon)], lon)) {
            if (blank(cells)) continue;
            problems.add(where,
                         number_problem(info.lon_column, "longitude", cells[static_cast<std::size_t>(col.lon)],
                                        options.show_values),
                         problem_kind("lon", cells[static_cast<std::size_t>(col.lon)]));
            continue;
        }
        if (!parse_number(cells[static_cast<std::size_t>(col.lat)], lat)) {
            problems.add(where,
                         number_problem(info.lat_column, "latitude", cells[static_cast<std::size_t>(col.lat)],
                                        options.show_values),
                         problem_kind("lat", cells[static_cast<std::size_t>(col.lat)]));
            continue;
        }
        if (col.value >= 0) {
            std::string_view v = cells[static_cast<std::size_t>(col.value)];
            if (v.find_first_not_of(" \t") != std::string_view::npos && !parse_number(v, value)) {
                problems.add(where, number_problem(info.value_column, "value", v, options.show_values),
                             problem_kind("value", v));
                continue;
            }
        }
        std::int32_t category = -1;
        if (col.category >= 0) {
            std::string_view text = cells[static_cast<std::size_t>(col.category)];
            // Past the head only this column is read as text: bytes that are not UTF-8 are refused
            // on their line, as in the head, not taken as an industry's name.
            if (!gb18030 && first_invalid_utf8(text) != std::string_view::npos)
                problems.fatal((options.show_values ? "column " + quote_value(info.category_column, 40)
                                                    : std::string("the industry column")) +
                                   " is not UTF-8: save the points as UTF-8 CSV",
                               where);
            category = batcher.category(text);
        }
        batcher.add(lon, lat, value, category, line, where, info.lon_column, info.lat_column,
                    col.code >= 0 ? cells[static_cast<std::size_t>(col.code)] : std::string_view());
    }
    batcher.finish(decode);
}

}  // namespace atlas::points_detail
