#include "text/escape.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace atlas {

namespace {

/// Length of the valid UTF-8 sequence at text[i] and its code point; 0 when the bytes are invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::uint32_t& cp) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 0;
    if (n == 0 || i + n >= text.size()) return 0;
    cp = c & (0x3Fu >> n);
    for (std::size_t k = 1; k <= n; ++k) {
        auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n + 1;
}

std::string hex_escape(const char* prefix, unsigned value, int digits) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s%0*x", prefix, digits, value);
    return buffer;
}

/// Characters that print as nothing or reorder the line around them (Unicode's bidirectional
/// controls, zero-width spaces and joiners, line and paragraph separators, the BOM): a value holding
/// one would look like another ('北京' with a zero-width space) or scramble the message (U+202E).
bool invisible_format(std::uint32_t cp) {
    static constexpr std::uint32_t kRanges[][2] = {
        {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F},   {0x200B, 0x200F},   {0x2028, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
        {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFFB}, {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };
    for (const auto& [first, last] : kRanges)
        if (cp >= first && cp <= last) return true;
    return false;
}

/// Appends the character at text[i] escaped as needed; returns its length in bytes.
std::size_t append_escaped(std::string& out, std::string_view text, std::size_t i, bool keep_newlines) {
    std::uint32_t cp = 0;
    std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) {
        out += hex_escape("\\x", static_cast<unsigned char>(text[i]), 2);
        return 1;
    }
    if (cp == '\n' && keep_newlines)
        out += '\n';
    else if (cp == '\t')
        out += "\\t";
    else if (cp == '\n')
        out += "\\n";
    else if (cp == '\r')
        out += "\\r";
    else if (cp < 0x20 || cp == 0x7F)
        out += hex_escape("\\x", cp, 2);
    else if ((cp >= 0x80 && cp <= 0x9F) || invisible_format(cp))
        out += hex_escape("\\u", cp, 4);
    else
        out.append(text.substr(i, n));
    return n;
}

}  // namespace

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) i += append_escaped(out, text, i, false);
    return out;
}

std::string escape_controls_keep_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) i += append_escaped(out, text, i, true);
    return out;
}

bool has_controls(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) return true;
        auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
        // C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8.
        if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;
        // The line and paragraph separators U+2028 and U+2029 (0xE2 0x80 0xA8/0xA9) break a line too.
        if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) return true;
    }
    return false;
}

std::string quote_value(std::string_view value, std::size_t max_chars) {
    std::string out = "'";
    std::size_t i = 0, chars = 0;
    for (; i < value.size() && chars < max_chars; ++chars) i += append_escaped(out, value, i, false);
    out += '\'';
    if (i < value.size()) {
        out.insert(out.size() - 1, "...");
        out += " (" + with_separators(value.size()) + " bytes)";
    }
    return out;
}

namespace {

/// A line longer than `max_bytes` keeps its start and its end, cut on character boundaries: what
/// went wrong is said last ("...: cannot read (File name too long)"), and a 1,200-character path
/// before it left only "clusteratlas: aaa...".
std::string shortened_line(const std::string& line, std::size_t max_bytes) {
    if (line.size() <= max_bytes) return line;
    auto lead = [&](std::size_t k) { return (static_cast<unsigned char>(line[k]) & 0xC0) != 0x80; };
    std::size_t head = max_bytes / 2, tail = line.size() - max_bytes / 2;
    while (head > 0 && !lead(head)) --head;
    while (tail < line.size() && !lead(tail)) ++tail;
    return line.substr(0, head) + " ... " + line.substr(tail);
}

}  // namespace

std::string without_passwords(std::string_view text) {
    std::string out(text);
    auto lower = [&](std::size_t k) { return static_cast<char>(std::tolower(static_cast<unsigned char>(out[k]))); };
    auto ends_value = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    auto ends_uri_part = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\'' || c == '"' || c == ')'; };
    // password=VALUE or password='VALUE' (libpq's key=value form, a URI's query); libpq allows
    // spaces around '=' ("password = SECRET" was printed whole).
    const std::string key = "password";
    for (std::size_t i = 0; i + key.size() <= out.size(); ++i) {
        std::size_t k = 0;
        while (k < key.size() && lower(i + k) == key[k]) ++k;
        if (k < key.size()) continue;
        std::size_t start = i + key.size();
        while (start < out.size() && out[start] == ' ') ++start;
        if (start >= out.size() || out[start] != '=') continue;
        ++start;
        while (start < out.size() && out[start] == ' ') ++start;
        std::size_t end = start;
        if (end < out.size() && out[end] == '\'') {  // quoted: up to the closing quote, \' escaped
            for (++end; end < out.size() && out[end] != '\''; ++end)
                if (out[end] == '\\') ++end;
            end = std::min(end + 1, out.size());
        } else {
            // Unquoted, a value holds no space and ends there. A message's ": " or a quote closing
            // the message's quoting of the whole string comes after it ("password=x: no such
            // file"); a quote inside it is the password's (password=SE"CRET showed "CRET).
            auto after_value = [&](std::size_t at) {
                char next = at + 1 < out.size() ? out[at + 1] : ' ';
                bool last = next == ' ' || next == '\n' || next == ':' || next == ')' || next == ',';
                return (out[at] == ':' || out[at] == '\'' || out[at] == '"' || out[at] == ')') && last;
            };
            while (end < out.size() && !ends_value(out[end]) && out[end] != '&' && !after_value(end)) ++end;
        }
        out.replace(start, end - start, "***");
        i = start + 2;
    }
    // scheme://user:secret@host: the secret between the first ':' after "://" and the '@'.
    for (std::size_t at = out.find("://"); at != std::string::npos; at = out.find("://", at + 3)) {
        std::size_t start = at + 3, end = start;
        while (end < out.size() && out[end] != '@' && out[end] != '/' && !ends_uri_part(out[end])) ++end;
        if (end >= out.size() || out[end] != '@') continue;
        std::size_t colon = out.find(':', start);
        if (colon == std::string::npos || colon > end) continue;
        out.replace(colon + 1, end - colon - 1, "***");
    }
    return out;
}

std::string one_line_message(std::string_view message) { return bounded_message(escape_controls(message), 1000, 1); }

std::string note_lines(const std::vector<std::string>& notes) {
    std::string out;
    for (const std::string& note : notes) out += "note: " + one_line_message(note) + '\n';
    return out;
}

std::string bounded_message(std::string_view raw, std::size_t max_line_bytes, std::size_t max_lines) {
    // The last guard: no message shows a password, whoever built it (a PG: string given where a
    // file goes was echoed whole as "no such file").
    const std::string redacted = without_passwords(raw);
    std::string_view message = redacted;
    std::string out, line;
    std::size_t lines = 0, i = 0;
    while (i < message.size()) {
        if (message[i] == '\n') {
            out += shortened_line(line, max_line_bytes), line.clear();
            if (++lines == max_lines) break;
            out += '\n';
            ++i;
            continue;
        }
        if (line.size() > 4 * max_line_bytes) {  // a line of megabytes: on to its last bytes, which are shown
            std::size_t end = message.find('\n', i);
            end = end == std::string_view::npos ? message.size() : end;
            std::size_t from = end > 2 * max_line_bytes ? std::max(i, end - 2 * max_line_bytes) : i;
            while (from < end && (static_cast<unsigned char>(message[from]) & 0xC0) == 0x80) ++from;
            if (from > i) line.resize(max_line_bytes), i = from;  // the head kept, the middle skipped
        }
        i += append_escaped(line, message, i, true);
    }
    out += shortened_line(line, max_line_bytes);
    if (i < message.size()) {  // stopped at a line break: count the lines after it
        std::string_view rest = message.substr(i + 1);
        std::size_t lines_left = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n'));
        if (!rest.empty() && rest.back() != '\n') ++lines_left;
        out += "\n... and " + with_separators(lines_left) + " more lines";
    }
    return out;
}

std::string with_separators(unsigned long long value) {
    std::string digits = std::to_string(value), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace atlas
