#include "option_values.hpp"

#include <CLI/CLI.hpp>
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

}  // namespace

void refuse_empty_values(CLI::App& app) {
    static const CLI::Validator non_empty(
        [](std::string& value) { return blank(value) ? std::string("an empty value; give one") : std::string(); }, "",
        "non-empty");
    for (CLI::Option* option : app.get_options()) {
        const std::string name = option->get_name();
        if (option->get_type_size_max() == 0 || name == "--title" || name == "--subtitle" || name == "--credit")
            continue;  // a flag, or a text that may be empty
        option->check(non_empty);
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
