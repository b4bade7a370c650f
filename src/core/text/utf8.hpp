#pragma once
/// UTF-8 helpers shared by the readers (echarts ring strings, names) and the search.

#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// Decodes UTF-8 into code points; malformed bytes decode leniently (callers validate first when
/// they must reject them).
std::vector<char32_t> utf8_code_points(const std::string& text);

/// Strict check: no truncated or overlong sequences, no surrogates, nothing above U+10FFFF.
bool valid_utf8(const std::string& text);

/// `s` with ASCII letters lowered, other bytes kept: for extensions, option values and headers.
std::string ascii_lower(std::string s);

/// Offset of the first byte that starts an invalid sequence (as valid_utf8 judges), or npos.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace atlas
