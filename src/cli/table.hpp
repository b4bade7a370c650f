#pragma once
/// Tabular command output in three formats: aligned text for people, CSV and JSON for programs.

#include <ostream>
#include <string>
#include <vector>

#include "text/join.hpp"  // join(): "; " is the list separator JSON output turns back into an array

namespace atlas::cli {

enum class Format { Table, Csv, Json };

/// Parses "table", "csv" or "json" in any case ("CSV"); throws AtlasError(Usage) naming the value otherwise.
Format parse_format(const std::string& name);

struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    /// Columns whose cells are numbers (unquoted in JSON, right-aligned in text).
    std::vector<bool> numeric;
    /// Columns whose cells hold "a; b; c" lists (arrays in JSON).
    std::vector<bool> list;

    void add_column(const std::string& name, bool is_numeric = false, bool is_list = false);
};

/// Writes the table; text alignment counts CJK characters as two columns wide. In CSV, text cells a
/// spreadsheet would run as formulas are neutralised (io/csv.hpp) unless `neutralise_formulas` is false;
/// control characters are shown escaped where `out` is std::cout on a terminal (kept as data otherwise).
void print_table(std::ostream& out, const Table& table, Format format, bool neutralise_formulas = true);

/// Says whether the standard output is a terminal, for a program that holds its output before
/// writing it there (the front program, src/cli/lite_main.cpp: its stdout is a memory file while it
/// answers, so CSV on a terminal printed a name's ESC and BEL as they were).
void set_stdout_terminal(bool terminal);

/// A number with a fixed count of decimals ("16414.7"); from 1e15 on, 15 significant digits ("1e+62").
std::string fixed(double value, int decimals);

/// Display width of a UTF-8 string in terminal columns.
std::size_t display_width(const std::string& utf8);

}  // namespace atlas::cli
