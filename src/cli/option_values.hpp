#pragma once
/// Parsing of option values that several subcommands share; each throws AtlasError(Usage) naming
/// the option and the value.

#include <string>

namespace CLI {
class App;
}

namespace atlas::cli {

/// Every option and argument of `app` and its subcommands that takes a value refuses an empty one
/// ("--province ''" listed every prefecture, "coverage --industry ''" filtered nothing while
/// "render --industry ''" said unknown industry): a CLI11 validation error, exit 2. The figure's
/// texts (--title, --subtitle, --credit) may be empty: an empty text draws none. An option's value
/// that is one of the command's options or a "--word" is refused too: the user left the value out.
void refuse_empty_values(CLI::App& app);

/// Refuses `option` given on `cmd` without `needed`: "--data-key needs --data (without it, it changes
/// nothing)". An option silently ignored let a user believe it had taken effect. Throws AtlasError(Usage).
void only_with(const CLI::App& cmd, const std::string& option, const std::string& needed);

/// "1600x1200" -> width, height (--size).
void parse_size(const std::string& size, int& width, int& height);

/// "en" -> true, "zh" -> false (--lang).
bool parse_english(const std::string& lang);

}  // namespace atlas::cli
