#include "text/json_text.hpp"

#include "error.hpp"
#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// UTF-16 or UTF-32 by a byte order mark, or by a NUL next to the first ASCII character ('{' 00).
const char* wide_encoding(const std::string& text) {
    auto starts = [&](std::string_view mark) { return text.compare(0, mark.size(), mark) == 0; };
    if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32";
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) return "UTF-16";
    if (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0')) return "UTF-16";
    return nullptr;
}

}  // namespace

void check_json_text(const std::string& text, const std::string& origin, const std::string& what, int max_depth) {
    auto fail = [&](const std::string& why) {
        throw AtlasError(ErrorKind::Input, origin + ": not a " + what + " (" + why + ")");
    };
    if (const char* wide = wide_encoding(text)) fail(std::string(wide) + " text: save it as UTF-8");
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                fail("nested more than " + std::to_string(max_depth) + " levels deep at byte " + std::to_string(i));
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

std::string json_error_words(const std::string& text, std::size_t byte) {
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string::npos)
        return "line " + invalid_utf8_at(text, bad) + (plausible_gbk(text) ? ", GBK text" : "") + ": save it as UTF-8";
    return "JSON error at byte " + std::to_string(byte);
}

}  // namespace atlas
