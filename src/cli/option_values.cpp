#include "option_values.hpp"

#include <sstream>

#include "error.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

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
