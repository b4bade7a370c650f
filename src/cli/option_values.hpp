#pragma once
/// Parsing of option values that several subcommands share; each throws AtlasError(Usage) naming
/// the option and the value.

#include <string>

namespace atlas::cli {

/// "1600x1200" -> width, height (--size).
void parse_size(const std::string& size, int& width, int& height);

/// "en" -> true, "zh" -> false (--lang).
bool parse_english(const std::string& lang);

}  // namespace atlas::cli
