#include "option_values.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <set>
#include <sstream>

#include "error.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

namespace {

/// Spaces alone: ASCII, the ideographic space a Chinese input method leaves (U+3000) and the no-break
/// space pasted from a web page (U+00A0). A tab is a value (--data-separator takes a literal tab).
bool blank(const std::string& value) {
    for (std::size_t i = 0; i < value.size();) {
        if (value[i] == ' ')
            i += 1;
        else if (value.compare(i, 2, "\xC2\xA0") == 0)
            i += 2;
        else if (value.compare(i, 3, "\xE3\x80\x80") == 0)
            i += 3;
        else
            return false;
    }
    return true;
}

/// The command's option names as typed: "-o", "--output".
std::set<std::string> option_names(const CLI::App& app) {
    std::set<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& n : option->get_snames()) names.insert("-" + n);
        for (const std::string& n : option->get_lnames()) names.insert("--" + n);
    }
    return names;
}

/// CLI11 gives an option its next word whatever it is: `render --size -o x.png` took "-o" as the
/// size and then said "--output is required". A value that is one of the command's options (or any
/// "--word") is the user's missing value.
CLI::Validator not_an_option(std::set<std::string> names) {
    return CLI::Validator(
        [names = std::move(names)](std::string& value) {
            std::string name = value.substr(0, value.find('='));
            bool option = names.count(name) > 0 || (value.size() > 2 && value.compare(0, 2, "--") == 0);
            return option ? "needs a value (" + quote_value(value, 40) + " is an option, typed where the value goes)"
                          : std::string();
        },
        "", "not-an-option");
}

/// An option whose value CLI11 converts to a number (its type name INT, UINT, FLOAT or NUMBER).
bool numeric_option(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    return type == "INT" || type == "UINT" || type == "FLOAT" || type == "NUMBER" || type == "INT:INT";
}

/// A number as the README and CSV cells write one: decimal digits, an optional sign, point and
/// exponent. CLI11 also reads 0x10, 0b101 and 0o17 (--max-outside 0x10 was 16%), which a CSV cell
/// refuses as "not a number".
bool decimal_number(const std::string& value) {
    std::size_t i = value.find_first_not_of(' ');
    if (i == std::string::npos) return true;  // empty: refused as such by non_empty
    if (value[i] == '+' || value[i] == '-') ++i;
    std::size_t digits = 0;
    for (; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])) != 0; ++i) ++digits;
    if (i < value.size() && value[i] == '.')
        for (++i; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])) != 0; ++i) ++digits;
    if (digits == 0) return false;
    if (i < value.size() && (value[i] == 'e' || value[i] == 'E')) {
        ++i;
        if (i < value.size() && (value[i] == '+' || value[i] == '-')) ++i;
        std::size_t exponent = 0;
        for (; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])) != 0; ++i) ++exponent;
        if (exponent == 0) return false;
    }
    return value.find_first_not_of(' ', i) == std::string::npos;
}

/// A number CLI11 or strtod would read that is not written in decimals: 0x10, 0b101, 0o17, 1_000,
/// inf, nan.
bool number_in_another_form(const std::string& value) {
    std::string v = value.substr(value.find_first_not_of(" +-") == std::string::npos ? value.size()
                                                                                     : value.find_first_not_of(" +-"));
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* prefix : {"0x", "0b", "0o"})
        if (v.rfind(prefix, 0) == 0) return true;
    if (v.rfind("inf", 0) == 0 || v.rfind("nan", 0) == 0) return true;
    return std::isdigit(static_cast<unsigned char>(v.empty() ? ' ' : v[0])) != 0 &&
           (v.find('_') != std::string::npos || v.find('\'') != std::string::npos);
}

}  // namespace

void refuse_empty_values(CLI::App& app) {
    static const CLI::Validator non_empty(
        [](std::string& value) { return blank(value) ? std::string("an empty value; give one") : std::string(); }, "",
        "non-empty");
    const CLI::Validator no_option = not_an_option(option_names(app));
    static const CLI::Validator decimal(
        [](std::string& value) {
            return decimal_number(value) || !number_in_another_form(value)
                       ? std::string()  // a decimal, or no number at all: CLI11 says "not a number"
                       : quote_value(value, 40) + " is not a decimal number (write 16, 0.5 or 1e3)";
        },
        "", "decimal");
    for (CLI::Option* option : app.get_options()) {
        const std::string name = option->get_name();
        if (option->get_type_size_max() == 0 || name == "--title" || name == "--subtitle" || name == "--credit")
            continue;  // a flag, or a text that may be empty (or start with dashes)
        option->check(non_empty);
        if (!option->get_lnames().empty() || !option->get_snames().empty()) option->check(no_option);
        if (numeric_option(*option)) option->check(decimal);
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) refuse_empty_values(*sub);
}

void only_with(const CLI::App& cmd, const std::string& option, const std::string& needed) {
    if (cmd.count(option) > 0 && cmd.count(needed) == 0)
        throw AtlasError(ErrorKind::Usage, option + " needs " + needed + " (without it, it changes nothing)");
}

void parse_size(const std::string& size, int& width, int& height) {
    char x = 0;
    std::istringstream in(size);
    if (!(in >> width >> x >> height) || x != 'x' || !in.eof())
        throw AtlasError(ErrorKind::Usage, "bad --size " + quote_value(size) + " (use WIDTHxHEIGHT, e.g. 1600x1200)");
}

bool parse_english(const std::string& lang) {
    if (lang != "en" && lang != "zh")
        throw AtlasError(ErrorKind::Usage, "bad --lang " + quote_value(lang) + " (use en or zh)");
    return lang == "en";
}

}  // namespace atlas::cli
