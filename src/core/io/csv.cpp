#include "io/csv.hpp"

#include <cstdlib>

#include "io/input_file.hpp"
#include "text/encoding.hpp"

namespace atlas {

std::vector<CsvRow> parse_csv(const std::string& text, char separator) {
    std::vector<CsvRow> rows;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    std::size_t line = 1;
    CsvRow row{line, {}};
    std::string cell;
    bool quoted = false, row_has_content = false;
    auto end_row = [&] {
        row.cells.push_back(cell);
        if (row_has_content || row.cells.size() > 1 || !cell.empty()) rows.push_back(row);
        cell.clear();
        row = CsvRow{line, {}};
        row_has_content = false;
    };
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += '"', ++i;
            else if (c == '"')
                quoted = false;
            else {
                if (c == '\n') ++line;
                cell += c;
            }
        } else if (c == '"') {
            quoted = row_has_content = true;
        } else if (c == separator) {
            row.cells.push_back(cell);
            cell.clear();
            row_has_content = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_row();
        } else {
            cell += c;
            row_has_content = true;
        }
    }
    if (row_has_content || !cell.empty()) end_row();
    return rows;
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

std::vector<CsvRow> read_csv_file(const std::string& path) {
    return parse_csv(decode_text_file(read_input_file(path, "CSV table", kMaxTableBytes), path).text);
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
