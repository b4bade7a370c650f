#include "io/csv.hpp"

#include <algorithm>
#include <cstdlib>

#include "error.hpp"
#include "io/input_file.hpp"
#include "text/encoding.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

/// The cell's text up to the end of its line or a few characters past the fault, for the message.
std::string cell_excerpt(const std::string& text, std::size_t cell_start, char separator, bool show_values) {
    if (!show_values) return "(a value)";
    std::size_t end = text.find_first_of(std::string{separator, '\n', '\r'}, cell_start);
    return quote_value(std::string_view(text).substr(cell_start, end == std::string::npos ? end : end - cell_start));
}

[[noreturn]] void csv_fault(const std::string& source, std::size_t line, const std::string& what) {
    throw AtlasError(ErrorKind::Input,
                     (source.empty() ? "CSV" : escape_controls(source)) + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, char separator, const std::string& source, bool show_values) {
    std::vector<CsvRow> rows;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    std::size_t line = 1, quote_line = 1, cell_start = i;
    CsvRow row{line, {}};
    std::string cell;
    bool quoted = false, closed = false, row_has_content = false;
    auto end_cell = [&] {
        row.cells.push_back(cell);
        cell.clear();
        closed = false;
    };
    auto end_row = [&] {
        end_cell();
        if (row_has_content || row.cells.size() > 1 || !row.cells.back().empty()) rows.push_back(row);
        row = CsvRow{line, {}};
        row_has_content = false;
    };
    // RFC 4180, strictly: a quote only opens a cell or stands doubled inside a quoted one. Spreadsheets
    // would keep "1"2 as 12 and 1"0"0 as 100: a silently changed value, so both are refused.
    auto column = [&] { return "column " + std::to_string(row.cells.size() + 1) + " "; };
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += '"', ++i;
            else if (c == '"')
                quoted = false, closed = true;
            else {
                if (c == '\n') ++line;
                cell += c;
            }
        } else if (c == separator || c == '\n' || c == '\r') {
            if (c == separator) {
                end_cell();
                row_has_content = true;
            } else {
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++line;
                end_row();
            }
            cell_start = i + 1;
        } else if (closed) {
            csv_fault(source, line,
                      column() + cell_excerpt(text, cell_start, separator, show_values) +
                          ": text after the closing quote; quote the whole cell and double any quote inside it");
        } else if (c == '"') {
            if (i != cell_start)
                csv_fault(source, line,
                          column() + cell_excerpt(text, cell_start, separator, show_values) +
                              ": a quote inside a cell that is not quoted; quote the whole cell and double the quote");
            quoted = row_has_content = true;
            quote_line = line;
        } else {
            cell += c;
            row_has_content = true;
        }
    }
    if (quoted) csv_fault(source, quote_line, "a quote opened here is never closed");
    if (row_has_content || !cell.empty()) end_row();
    return rows;
}

char take_sep_line(std::string& text) {
    std::size_t bom = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    if (text.compare(bom, 4, "sep=") != 0 || text.size() <= bom + 5) return 0;
    if (text[bom + 5] != '\n' && text[bom + 5] != '\r') return 0;
    char declared = text[bom + 4];
    if (declared == '"' || declared == '\n' || declared == '\r') return 0;
    text.erase(bom, 5);  // the line break stays: line numbers stay the file's
    return declared;
}

char detect_separator(std::string_view text) {
    std::size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false, seen_content = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' && seen_content) break;
        for (int k = 0; k < 3; ++k) counts[k] += c == candidates[k];
        seen_content = seen_content || (c != '\n' && c != '\r' && c != ' ');
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
        if (counts[k] > counts[best]) best = k;
    return candidates[best];
}

const char* separator_name(char separator) {
    return separator == ';' ? "semicolon" : separator == '\t' ? "tab" : "comma";
}

char likely_other_separator(std::string_view header) {
    char likely = 0;
    std::size_t most = 0;
    for (char c : std::string_view("|:/^~#!")) {
        auto n = static_cast<std::size_t>(std::count(header.begin(), header.end(), c));
        if (n > most) most = n, likely = c;
    }
    return likely;
}

std::string one_column_header_words(std::string_view header, char separator) {
    char likely = likely_other_separator(header);
    return std::string("no ") + separator_name(separator) + " separates its names" +
           (likely != 0 ? std::string("; it looks '") + likely + "'-separated" : std::string());
}

std::vector<CsvRow> read_csv_file(const std::string& path, bool detect) {
    std::string text = decode_text_file(read_input_file(path, "CSV table", kMaxTableBytes), path).text;
    const char declared = take_sep_line(text);
    return parse_csv(text, declared != 0 ? declared : detect ? detect_separator(text) : ',', path);
}

std::string csv_escape(const std::string& cell) {
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string neutralise_formula(const std::string& cell) {
    // Leading spaces do not stop a spreadsheet from reading " =1+1" as a formula.
    std::size_t first = cell.find_first_not_of(' ');
    if (first == std::string::npos || std::string("=+-@\t\r").find(cell[first]) == std::string::npos) return cell;
    // A number ("-1.5", "+3e2") is data, not a formula: spreadsheets read it as a number either way.
    char* end = nullptr;
    std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() + cell.size() && cell.find_first_of("\t\r") == std::string::npos) return cell;
    return "'" + cell;
}

}  // namespace atlas
