#include "text/number.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace atlas {

std::string short_number(double v, int significant) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, v);
    return buffer;
}

}  // namespace atlas

namespace atlas {

namespace {

bool plain_number(const std::string& text) {
    if (text.empty() || text.find_first_not_of("+-0123456789.eE") != std::string::npos) return false;
    double out = 0;
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

bool digit(char c) { return c >= '0' && c <= '9'; }

/// The number `cell` writes with digit groups of three split by `group` and `decimal` before its
/// fraction ("1.234.567,5" with '.' and ','), as a plain number ("1234567.5"); empty when it is not one.
std::string ungrouped(const std::string& cell, char group, char decimal) {
    std::size_t start = !cell.empty() && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
    std::size_t end = std::min(cell.find(decimal, start), cell.size());
    std::size_t first = cell.find(group, start);
    if (first == std::string::npos || first == start || first - start > 3 || first > end) return "";
    std::string plain = cell.substr(0, first);
    for (std::size_t at = first; at < end; at += 4) {
        if (cell[at] != group || at + 4 > end || !digit(cell[at + 1]) || !digit(cell[at + 2]) || !digit(cell[at + 3]))
            return "";
        plain += cell.substr(at + 1, 3);
    }
    for (std::size_t i = start; i < first; ++i)
        if (!digit(cell[i])) return "";
    if (end < cell.size()) {
        std::string fraction = cell.substr(end + 1);
        if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string::npos) return "";
        plain += "." + fraction;
    }
    return plain_number(plain) ? plain : "";
}

/// The cell with no-break and narrow no-break spaces (as French and Russian spreadsheets group
/// digits) written as plain spaces.
std::string plain_spaces(std::string cell) {
    for (const char* nbsp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"})
        for (std::size_t at = cell.find(nbsp); at != std::string::npos; at = cell.find(nbsp, at))
            cell.replace(at, std::char_traits<char>::length(nbsp), " ");
    return cell;
}

}  // namespace

bool looks_dot_grouped(const std::string& cell) {
    std::size_t lead = !cell.empty() && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
    if (cell.size() <= lead || cell[lead] == '0') return false;  // 0.500 is a fraction in every locale
    return cell.find(',') == std::string::npos && !ungrouped(cell, '.', ',').empty();
}

std::string written_number_reading(const std::string& written, bool show_values) {
    const std::string cell = plain_spaces(written);
    auto advice = [&](const std::string& what, const std::string& plain, const std::string& hidden) {
        return what + ": write " + (show_values ? plain : hidden);
    };
    if (std::string plain = ungrouped(cell, ' ', '.'); !plain.empty())
        return advice("has spaces between digit groups", plain, "the digits alone");
    if (std::string plain = ungrouped(cell, ' ', ','); !plain.empty())
        return advice("has spaces between digit groups and a decimal comma", plain, "the digits alone and a point");
    if (std::string plain = ungrouped(cell, '.', ','); !plain.empty())
        return advice("has dots between digit groups", plain, "the digits alone");
    std::size_t comma = cell.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == cell.size()) return "";
    std::string dotted = cell;
    dotted[comma] = '.';
    std::string plain = ungrouped(cell, ',', '.');
    if (!plain.empty() && (!plain_number(dotted) || cell.find(',', comma + 1) != std::string::npos))
        return advice("has thousands separators", plain, "the digits alone");
    if (!plain.empty())
        return advice("has a thousands separator or a decimal comma", plain + " or " + dotted,
                      "the digits alone or a point");
    if (plain_number(dotted)) return advice("looks like a decimal comma", dotted, "a point");
    return "";
}

std::string why_not_a_number(std::string_view cell) {
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
    if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
    double ignored = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), ignored);
    if (!cell.empty() && ec == std::errc::result_out_of_range && end == cell.data() + cell.size())
        return " is out of range (a number here is at most about 1.8e308 and, if not 0, at least 2.2e-308)";
    // Digits of another script (full-width １２, Arabic-Indic ١٢): a number to the eye, not to a parser.
    if (starts_with_other_digit(cell)) return " is not a number (its digits are not ASCII 0-9: retype them)";
    return " is not a number";
}

bool starts_with_other_digit(std::string_view cell) {
    auto at = [&](std::size_t i) { return i < cell.size() ? static_cast<unsigned char>(cell[i]) : 0; };
    bool fullwidth = at(0) == 0xEF && at(1) == 0xBC && at(2) >= 0x90 && at(2) <= 0x99;  // U+FF10..FF19
    bool arabic = at(0) == 0xD9 && at(1) >= 0xA0 && at(1) <= 0xA9;                      // U+0660..0669
    bool persian = at(0) == 0xDB && at(1) >= 0xB0 && at(1) <= 0xB9;                     // U+06F0..06F9
    return fullwidth || arabic || persian;
}

}  // namespace atlas
