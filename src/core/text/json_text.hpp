#pragma once
/// Checks on a JSON file's text before it is parsed, shared by the readers of files a user gives
/// (sessions, plans): what makes a file unreadable is said in its own words, not as "JSON error at
/// byte 1", and nothing so deep that parsing or printing it would overflow the stack is parsed.

#include <string>

namespace atlas {

/// Throws AtlasError(Input) "ORIGIN: not a WHAT (...)" when `text` is UTF-16 or UTF-32 (by its
/// byte order mark, or by a NUL byte in its first two): "UTF-16 text: save it as UTF-8"; or when
/// arrays and objects are nested more than `max_depth` levels: "nested more than N levels deep at
/// byte B". `what`: "session file", "plan file".
void check_json_text(const std::string& text, const std::string& origin, const std::string& what, int max_depth);

/// Why the JSON parser stopped at `byte`, in words: "line 5: not UTF-8 (byte 0xA1 at column 16),
/// GBK text: save it as UTF-8" where the text is not UTF-8 (a GBK file stopped the parser "at byte
/// 150"), else "JSON error at byte N".
std::string json_error_words(const std::string& text, std::size_t byte);

}  // namespace atlas
