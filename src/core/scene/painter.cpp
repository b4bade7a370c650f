#include "scene/painter.hpp"

#include <algorithm>
#include <cctype>

namespace atlas {

namespace {

/// Byte length of the UTF-8 character starting at `i` (continuation bytes are 10xxxxxx).
std::size_t char_length(const std::string& s, std::size_t i) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    return n;
}

/// Whether a line may break before the character at `i`: not inside a run of Latin letters and
/// digits ("2 / 016年" split a year), not before closing punctuation nor after opening punctuation
/// (the line-breaking rules of Chinese typesetting).
bool may_break_before(const std::string& s, std::size_t i, std::size_t previous) {
    auto alnum = [&](std::size_t k) { return std::isalnum(static_cast<unsigned char>(s[k])) != 0; };
    if (alnum(i) && alnum(previous)) return false;
    static const std::vector<std::string> closing = {"，", "。", "、", "：", "；", "！", "？", "）", "》", "」", "』",
                                                     "”",  "’",  "】", ",",  ".",  ":",  ";",  ")",  "!",  "?",  "%"};
    static const std::vector<std::string> opening = {"（", "《", "「", "『", "“", "‘", "【", "("};
    for (const std::string& c : closing)
        if (s.compare(i, c.size(), c) == 0) return false;
    for (const std::string& o : opening)
        if (s.compare(previous, o.size(), o) == 0 && previous + o.size() == i) return false;
    return true;
}

/// Splits a word too wide for a line into pieces that fit, where a line may break (a piece that
/// still does not fit is cut between any characters).
void break_word(const Painter& p, float size, const std::string& word, float width, std::vector<std::string>& lines,
                std::string& current) {
    std::vector<std::string> units;  // pieces no line breaks inside
    for (std::size_t i = 0, previous = 0; i < word.size(); previous = i, i += char_length(word, i)) {
        if (units.empty() || may_break_before(word, i, previous)) units.emplace_back();
        units.back() += word.substr(i, char_length(word, i));
    }
    for (const std::string& unit : units) {
        std::string next = current + unit;
        if (current.empty() || p.measure(size, next).first <= width) {
            current = next;
        } else {
            lines.push_back(current);
            current = unit;
        }
        if (p.measure(size, current).first <= width) continue;
        std::string piece = current;  // a unit wider than the line: cut between characters
        current.clear();
        for (std::size_t i = 0; i < piece.size();) {
            std::size_t n = char_length(piece, i);
            if (!current.empty() && p.measure(size, current + piece.substr(i, n)).first > width) {
                lines.push_back(current);
                current.clear();
            }
            current += piece.substr(i, n);
            i += n;
        }
    }
}

}  // namespace

void Painter::text_halo(PaintPoint at, float size, const Rgba& ink, const Rgba& halo_colour, float halo,
                        const std::string& s) {
    for (float dx = -1; dx <= 1; ++dx)
        for (float dy = -1; dy <= 1; ++dy)
            if (dx != 0 || dy != 0) text({at.x + dx * halo, at.y + dy * halo}, size, halo_colour, s);
    text(at, size, ink, s);
}

std::vector<std::string> wrap_text(const Painter& painter, float size, const std::string& text, float width) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t space = text.find(' ', start);
        std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
        std::string joined = current.empty() ? word : current + " " + word;
        if (width <= 0 || painter.measure(size, joined).first <= width) {
            current = joined;
        } else {
            if (!current.empty()) lines.push_back(current);
            current.clear();
            if (painter.measure(size, word).first <= width)
                current = word;
            else
                break_word(painter, size, word, width, lines, current);
        }
        if (space == std::string::npos) break;
        start = space + 1;
    }
    lines.push_back(current);
    return lines;
}

std::vector<std::string> wrap_text_lines(const Painter& painter, float size, const std::string& text, float width,
                                         std::size_t most) {
    std::vector<std::string> lines = wrap_text(painter, size, text, width);
    if (lines.size() <= most || most == 0) return lines;
    lines.resize(most);
    std::string& last = lines.back();
    const std::string ellipsis = "...";  // the figure fonts lack U+2026
    while (!last.empty() && width > 0 && painter.measure(size, last + ellipsis).first > width) {
        while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();
        if (!last.empty()) last.pop_back();  // the lead byte of the last character
    }
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += ellipsis;
    return lines;
}

float lines_width(const Painter& painter, float size, const std::vector<std::string>& lines) {
    float w = 0;
    for (const std::string& l : lines) w = std::max(w, painter.measure(size, l).first);
    return w;
}

float draw_lines(Painter& painter, PaintPoint at, float size, const Rgba& colour,
                 const std::vector<std::string>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        painter.text({at.x, at.y + size * static_cast<float>(i)}, size, colour, lines[i]);
    return size * static_cast<float>(lines.size());
}

std::pair<float, float> measure_wrapped(const Painter& painter, float size, const std::string& text, float width) {
    std::vector<std::string> lines = wrap_text(painter, size, text, width);
    float w = 0;
    for (const std::string& l : lines) w = std::max(w, painter.measure(size, l).first);
    return {w, size * static_cast<float>(lines.size())};
}

float text_wrapped(Painter& painter, PaintPoint at, float size, const Rgba& colour, const std::string& text,
                   float width) {
    std::vector<std::string> lines = wrap_text(painter, size, text, width);
    for (std::size_t i = 0; i < lines.size(); ++i)
        painter.text({at.x, at.y + size * static_cast<float>(i)}, size, colour, lines[i]);
    return size * static_cast<float>(lines.size());
}

}  // namespace atlas
