#include "option_values.hpp"

#include <CLI/CLI.hpp>
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

}  // namespace

void refuse_empty_values(CLI::App& app) {
    static const CLI::Validator non_empty(
        [](std::string& value) { return blank(value) ? std::string("an empty value; give one") : std::string(); }, "",
        "non-empty");
    const CLI::Validator no_option = not_an_option(option_names(app));
    for (CLI::Option* option : app.get_options()) {
        const std::string name = option->get_name();
        if (option->get_type_size_max() == 0 || name == "--title" || name == "--subtitle" || name == "--credit")
            continue;  // a flag, or a text that may be empty (or start with dashes)
        option->check(non_empty);
        if (!option->get_lnames().empty() || !option->get_snames().empty()) option->check(no_option);
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
