#include "io/csv.hpp"

#include <fstream>
#include <sstream>

#include "error.hpp"

namespace atlas {

std::vector<CsvRow> parse_csv(const std::string& text) {
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
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else {
                if (c == '\n') ++line;
                cell += c;
            }
        } else if (c == '"') {
            quoted = row_has_content = true;
        } else if (c == ',') {
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

std::vector<CsvRow> read_csv_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(path + ": cannot open");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_csv(buffer.str());
}

std::string csv_escape(const std::string& cell) {
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace atlas
