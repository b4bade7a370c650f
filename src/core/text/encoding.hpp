#pragma once
/// Deciding the text encoding of an input once, from its raw bytes, and decoding it to UTF-8 with
/// iconv (glibc). Used for CSV tables (whole files) and for vector attributes (a layer's values).
///
/// The rule: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise valid UTF-8 wins, even
/// over a declaration that says something else; otherwise GB18030 (a superset of GBK/CP936, what
/// Excel and ArcGIS write on Chinese Windows) when it decodes the bytes and yields Chinese text;
/// otherwise the declared encoding, if any, when it decodes them. Anything else is refused.

#include <optional>
#include <string>
#include <string_view>

namespace atlas {

struct DecodedText {
    std::string text;      ///< UTF-8, without a byte order mark
    std::string encoding;  ///< what was decided: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
    /// One line for the user when the decision was not plain UTF-8 (e.g. "decoded as GB18030: the
    /// file is not UTF-8 ..."); empty otherwise.
    std::string note;
};

/// Decodes a whole text file's bytes (taken by value: a large file is moved, not copied). `path` names
/// it in the note and in errors. UTF-32 and UTF-16 are recognised by their byte order marks (UTF-16 also
/// without one); GB18030 is accepted only when most of its characters are common (GB2312 level 1), so
/// Big5, Shift-JIS and Latin-1 are refused rather than read as nonsense.
/// Throws AtlasError(Input) "PATH:LINE: not UTF-8 (byte 0xB1 at column 3), nor plausibly GB18030 ..."
/// when no encoding fits, "PATH:LINE: a NUL byte (\x00) at column C" for a NUL in the text, and
/// "PATH: a spreadsheet workbook ..." for an XLSX, ODS or XLS file.
DecodedText decode_text_file(std::string bytes, const std::string& path);

/// "LINE: not UTF-8 (byte 0xB1 at column 3)" for the byte at `offset` of a text's bytes (lines and
/// columns from 1, columns in bytes): where an editor finds it.
std::string invalid_utf8_at(std::string_view bytes, std::size_t offset);

/// True when bytes that are not UTF-8 look like GBK text: most double-byte pairs are GB2312 level 1.
bool plausible_gbk(std::string_view bytes);

/// The bytes converted from `encoding` (an iconv name: "GB18030", "CP1252", "UTF-16LE", ...) to UTF-8;
/// nothing when iconv does not know the encoding or the bytes are not valid in it.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding);

/// True when the UTF-8 text holds at least one CJK unified ideograph (U+4E00..U+9FFF, extension A).
bool has_cjk(std::string_view utf8);

}  // namespace atlas
