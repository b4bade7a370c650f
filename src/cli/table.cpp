#include "table.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "error.hpp"
#include "io/csv.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

Format parse_format(const std::string& name) {
    // Any case, as export's --format takes GDAL's names: "CSV" was refused here.
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "table") return Format::Table;
    if (lower == "csv") return Format::Csv;
    if (lower == "json") return Format::Json;
    throw AtlasError(ErrorKind::Usage, "unknown format " + quote_value(name) + " (use table, csv or json)");
}

void Table::add_column(const std::string& name, bool is_numeric, bool is_list) {
    headers.push_back(name);
    numeric.push_back(is_numeric);
    list.push_back(is_list);
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    // From 1e15 on, %f writes every digit of a number a double does not hold (1e62 as 63 digits).
    if (std::fabs(value) >= 1e15 && std::isfinite(value))
        std::snprintf(buffer, sizeof buffer, "%.15g", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    // A value that rounds to zero is 0, not "-0.00": a sign on nothing reads as a deficit.
    std::string out = buffer;
    if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

std::size_t display_width(const std::string& utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        width += len >= 3 ? 2 : 1;  // CJK ideographs and fullwidth punctuation are 3-byte sequences
        i += len;
    }
    return width;
}

namespace {

std::vector<std::string> split_list(const std::string& cell) {
    std::vector<std::string> items;
    std::stringstream in(cell);
    std::string item;
    while (std::getline(in, item, ';')) {
        std::size_t start = item.find_first_not_of(' ');
        if (start != std::string::npos) items.push_back(item.substr(start));
    }
    return items;
}

void print_text(std::ostream& out, const Table& raw) {
    // Names come from the user's layers: a terminal table shows their control characters escaped
    // (a name_en holding ESC ] 0 ; ... BEL retitled the terminal). CSV and JSON carry them as data.
    Table t = raw;
    for (std::string& h : t.headers) h = escape_controls(h);
    for (auto& row : t.rows)
        for (std::string& cell : row) cell = escape_controls(cell);
    std::vector<std::size_t> widths(t.headers.size());
    for (std::size_t c = 0; c < t.headers.size(); ++c) widths[c] = display_width(t.headers[c]);
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    auto print_row = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string pad(widths[c] - display_width(row[c]), ' ');
            bool last = c + 1 == row.size();
            if (t.numeric[c])
                out << pad << row[c];
            else
                out << row[c] << (last ? "" : pad);
            if (!last) out << "  ";
        }
        out << '\n';
    };
    print_row(t.headers);
    std::vector<std::string> rule;
    for (std::size_t w : widths) rule.emplace_back(w, '-');
    print_row(rule);
    for (const auto& row : t.rows) print_row(row);
}

/// What set_stdout_terminal said; unset: asked of the descriptor itself.
std::optional<bool>& stdout_terminal() {
    static std::optional<bool> terminal;
    return terminal;
}

/// True when `out` is the standard output and that is a terminal.
bool terminal(const std::ostream& out) {
    if (&out != &std::cout) return false;
    return stdout_terminal().value_or(isatty(STDOUT_FILENO) == 1);
}

void print_csv(std::ostream& out, const Table& t, bool neutralise) {
    // CSV carries a name's control characters as data, for a file or a pipe; on a terminal they would
    // act (ESC ] 0 ; ... BEL retitled it), so there they are shown escaped, as `ls` shows names.
    const bool shown = terminal(out);
    auto print_row = [&](const std::vector<std::string>& row, bool header) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            bool text = header || !t.numeric[c];
            std::string cell = neutralise && text ? neutralise_formula(row[c]) : row[c];
            out << (c ? "," : "") << csv_escape(shown ? escape_controls(cell) : cell);
        }
        out << '\n';
    };
    print_row(t.headers, true);
    for (const auto& row : t.rows) print_row(row, false);
}

void print_json(std::ostream& out, const Table& t) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
        nlohmann::ordered_json object;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (t.list[c])
                object[t.headers[c]] = split_list(row[c]);
            else if (t.numeric[c])  // an empty number is missing: null, not ""
                object[t.headers[c]] =
                    row[c].empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(row[c]);
            else
                object[t.headers[c]] = row[c];
        }
        array.push_back(object);
    }
    out << array.dump(2) << '\n';
}

}  // namespace

void set_stdout_terminal(bool terminal) { stdout_terminal() = terminal; }

void print_table(std::ostream& out, const Table& table, Format format, bool neutralise_formulas) {
    switch (format) {
        case Format::Table:
            print_text(out, table);
            break;
        case Format::Csv:
            print_csv(out, table, neutralise_formulas);
            break;
        case Format::Json:
            print_json(out, table);
            break;
    }
}

}  // namespace atlas::cli
