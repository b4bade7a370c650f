#include "text/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "error.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// iconv descriptor closed on every path out.
struct Iconv {
    iconv_t cd;
    explicit Iconv(const std::string& from) : cd(iconv_open("UTF-8", from.c_str())) {}
    ~Iconv() {
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
    }
    bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

/// UTF-16 without a byte order mark: each ASCII character (digits, separators, line breaks) then
/// has a NUL on the same side of it, and nothing else has; Chinese text has none. A table of
/// Chinese names and numbers has NULs in a fifth of its pairs or more (it needed nine tenths, and
/// such a file was refused as "is it Big5, Shift-JIS or Latin-1?"). It must decode to text without
/// controls other than tab and line breaks, and hold a line break where fewer than nine tenths of
/// its characters are ASCII.
std::optional<std::string> bomless_utf16(std::string_view bytes) {
    std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096), even = 0, odd = 0;
    if (n < 8 || bytes.size() % 2 != 0) return std::nullopt;
    for (std::size_t i = 0; i < n; i += 2) even += bytes[i] == '\0', odd += bytes[i + 1] == '\0';
    const char* encoding = odd * 5 >= n / 2 && even == 0   ? "UTF-16LE"
                           : even * 5 >= n / 2 && odd == 0 ? "UTF-16BE"
                                                           : nullptr;
    if (encoding == nullptr) return std::nullopt;
    std::optional<std::string> text = to_utf8(bytes.substr(0, n), encoding);
    bool plain = text && std::none_of(text->begin(), text->end(), [](char c) {
                     return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
                 });
    // Below nine tenths, a line break in it too: "co\0de,v\n" is a NUL in UTF-8 text, not UTF-16BE.
    bool mostly_ascii = std::max(odd, even) * 10 >= n / 2 * 9;
    bool lines = text && text->find('\n') != std::string::npos;
    return plain && (mostly_ascii || lines) ? std::optional<std::string>(encoding) : std::nullopt;
}

std::string hex_byte(unsigned char c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", c);
    return buffer;
}

/// "PATH:LINE: not UTF-8 (byte 0xB1 at column 3)".
std::string invalid_at(std::string_view bytes, std::size_t offset, const std::string& path) {
    return path + ":" + invalid_utf8_at(bytes, offset);
}

DecodedText decode_with(std::string_view bytes, const std::string& encoding, const std::string& path,
                        const std::string& note) {
    std::optional<std::string> text = to_utf8(bytes, encoding);
    if (!text) fail_input(path + ": not valid " + encoding + " although it starts like it; save it as UTF-8");
    if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3);
    return {std::move(*text), encoding, note};
}

/// Refuses GBK text holding a line of UTF-8 Chinese (two characters or more: GBK bytes seldom form
/// UTF-8 over a whole line): a row pasted from a UTF-8 file, which the GBK reading garbles.
void refuse_utf8_line(std::string_view bytes, const std::string& path) {
    std::size_t number = 1;
    for (std::size_t start = 0; start < bytes.size(); ++number) {
        std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        std::string_view line = bytes.substr(start, end - start);
        bool high = std::any_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        if (high && first_invalid_utf8(line) == std::string_view::npos) {
            std::size_t cjk = 0;
            for (char32_t cp : utf8_code_points(std::string(line)))
                cjk += (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
            if (cjk >= 2)
                fail_input(path + ":" + std::to_string(number) +
                           ": UTF-8 Chinese text in a file otherwise GBK (GB18030): the file mixes two encodings; "
                           "save it all as UTF-8");
        }
        start = end + 1;
    }
}

DecodedText decode_bytes(std::string bytes, const std::string& path) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
        std::size_t bad = first_invalid_utf8(std::string_view(bytes).substr(3));
        if (bad != std::string_view::npos)
            fail_input(invalid_at(bytes, bad + 3, path) + ", although it starts with a UTF-8 byte order mark");
        bytes.erase(0, 3);
        return {std::move(bytes), "UTF-8 (BOM)", ""};
    }
    // UTF-32 first: its little-endian mark starts like UTF-16's.
    if (bytes.rfind(std::string("\xFF\xFE\0\0", 4), 0) == 0)
        return decode_with(bytes, "UTF-32LE", path, path + ": read as UTF-32LE (byte order mark)");
    if (bytes.rfind(std::string("\0\0\xFE\xFF", 4), 0) == 0)
        return decode_with(bytes, "UTF-32BE", path, path + ": read as UTF-32BE (byte order mark)");
    if (bytes.rfind("\xFF\xFE", 0) == 0)
        return decode_with(bytes, "UTF-16LE", path, path + ": read as UTF-16LE (byte order mark)");
    if (bytes.rfind("\xFE\xFF", 0) == 0)
        return decode_with(bytes, "UTF-16BE", path, path + ": read as UTF-16BE (byte order mark)");
    if (std::optional<std::string> utf16 = bomless_utf16(bytes))
        return decode_with(
            bytes, *utf16, path,
            path + ": read as " + *utf16 + " (no byte order mark, but NUL bytes where UTF-16 puts them)");
    std::size_t bad = first_invalid_utf8(bytes);
    if (bad == std::string::npos) return {std::move(bytes), "UTF-8", ""};
    // Whole lines of UTF-8 Chinese before the first byte that is not UTF-8: two encodings in one file
    // (a UTF-8 header over rows pasted from a GBK file), which either reading half garbles.
    std::size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
    if (line_start != std::string::npos && has_cjk(std::string_view(bytes).substr(0, line_start)))
        fail_input(invalid_at(bytes, bad, path) +
                   ", although the lines before it are UTF-8 with Chinese text: the file mixes two encodings "
                   "(UTF-8 and GBK?); save it all as UTF-8");
    std::optional<std::string> gb = plausible_gbk(bytes) ? to_utf8(bytes, "GB18030") : std::nullopt;
    if (gb && has_cjk(*gb)) {
        refuse_utf8_line(bytes, path);
        return {std::move(*gb), "GB18030",
                path +
                    ": not UTF-8; decoded as GB18030 (GBK), as Excel saves \"CSV\" on Chinese Windows "
                    "(save as \"CSV UTF-8\" to avoid the guess)"};
    }
    fail_input(invalid_at(bytes, bad, path) +
               ", nor plausibly GB18030 (GBK); is it Big5, Shift-JIS or Latin-1? "
               "Save it as UTF-8 (in Excel: \"CSV UTF-8\") or convert it with iconv -t UTF-8");
}

}  // namespace

std::string invalid_utf8_at(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
    std::size_t line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
    std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return std::to_string(line) + ": not UTF-8 (byte " + hex_byte(static_cast<unsigned char>(bytes[offset])) +
           " at column " + std::to_string(column) + ")";
}

/// GBK text as people write it in tables is mostly the 3,755 common characters of GB2312 level 1
/// (lead byte 0xB0..0xD7, trail 0xA1..0xFE). Big5, Shift-JIS or Latin-1 read as GB18030 also "decode",
/// but into rare characters: the share of level-1 pairs tells them apart.
bool plausible_gbk(std::string_view bytes) {
    std::size_t pairs = 0, common = 0;
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        auto lead = static_cast<unsigned char>(bytes[i]), trail = static_cast<unsigned char>(bytes[i + 1]);
        if (lead < 0x81) continue;
        ++pairs;
        common += lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1 && trail <= 0xFE;
        ++i;
    }
    return pairs > 0 && common * 2 >= pairs;
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding) {
    Iconv conv(encoding);
    if (!conv.ok()) return std::nullopt;
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size(), done = 0;
    while (in_left > 0) {
        char* dst = &out[done];
        std::size_t out_left = out.size() - done;
        std::size_t r = iconv(conv.cd, &in, &in_left, &dst, &out_left);
        done = out.size() - out_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno != E2BIG) return std::nullopt;  // EILSEQ or EINVAL (truncated sequence at the end)
        out.resize(out.size() * 2);
    }
    out.resize(done);
    return out;
}

bool has_cjk(std::string_view utf8) {
    for (char32_t cp : utf8_code_points(std::string(utf8)))
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return true;
    return false;
}

std::string binary_kind(std::string_view bytes) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("PK\x03\x04")) {
        std::string_view head = bytes.substr(0, 4096);
        bool workbook = head.find("xl/") != std::string_view::npos ||
                        head.find("[Content_Types].xml") != std::string_view::npos ||
                        head.find("opendocument.spreadsheet") != std::string_view::npos;
        return workbook ? "a spreadsheet workbook (XLSX or ODS)" : "a ZIP archive";
    }
    if (starts("\xD0\xCF\x11\xE0")) return "a spreadsheet workbook (XLS)";
    if (starts("%PDF")) return "a PDF document";
    if (starts("\x89PNG")) return "a PNG image";
    if (starts("\xFF\xD8\xFF")) return "a JPEG image";
    if (starts("\x1F\x8B")) return "a gzip archive (gunzip it first)";
    if (starts("SQLite format 3")) return "an SQLite database (a GeoPackage?)";
    return "";
}

DecodedText decode_text_file(std::string bytes, const std::string& path) {
    // A workbook, an archive, a document or an image: said as what it is, not as bytes that are no
    // UTF-8 ("is it Big5, Shift-JIS or Latin-1?").
    if (std::string kind = binary_kind(bytes); !kind.empty())
        fail_input(
            path + ": " + kind + ", not CSV text" +
            (kind.find("workbook") != std::string::npos ? ": save the sheet as 'CSV UTF-8' and give that file" : ""));
    DecodedText out = decode_bytes(std::move(bytes), path);
    // A NUL is not text in any of these encodings' files: a binary file, or UTF-32 without a BOM.
    std::size_t nul = out.text.find('\0');
    if (nul != std::string::npos) {
        std::size_t line = 1 + static_cast<std::size_t>(std::count(out.text.begin(), out.text.begin() + nul, '\n'));
        std::size_t start = out.text.rfind('\n', nul == 0 ? 0 : nul - 1);
        std::size_t column = nul - (start == std::string::npos || nul == 0 ? 0 : start + 1) + 1;
        fail_input(path + ":" + std::to_string(line) + ": a NUL byte (\\x00) at column " + std::to_string(column) +
                   "; a text file has none (is it binary, or UTF-32?)");
    }
    return out;
}

}  // namespace atlas
