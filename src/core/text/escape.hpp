#pragma once
/// Showing untrusted text in messages: every value a user (or a file) supplies is quoted short, with
/// control characters and invalid bytes escaped, so that an error is one readable line that cannot
/// drive the terminal (ANSI escapes), hide its end (a NUL byte) or run to megabytes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// Default length of a quoted value, in characters (code points) before the cut.
inline constexpr std::size_t kQuotedChars = 80;

/// The text with C0 controls, DEL, C1 controls, invisible or bidirectional format characters (soft
/// hyphen, zero-width, bidi controls, variation selectors, tags, fillers) and
/// invalid UTF-8 bytes escaped: \t \n \r as such, other controls as \xNN (NUL as \x00, so digits
/// after it cannot read as octal), C1 and format characters as \uNNNN (\u0085, \u200b, \u202e),
/// invalid bytes as \xNN. Valid UTF-8 text without them comes back unchanged.
std::string escape_controls(std::string_view text);

/// escape_controls with line breaks kept: a report of several lines made safe for a terminal.
std::string escape_controls_keep_lines(std::string_view text);

/// Whether the text holds a C0 control (line break, tab, ESC...), DEL, a C1 control or a Unicode
/// line or paragraph separator: text drawn on a figure as one line (a title, a credit) must not.
bool has_controls(std::string_view text);

/// `'value'` escaped as above and cut after `max_chars` characters ("'abc...' (12,345 bytes)").
std::string quote_value(std::string_view value, std::size_t max_chars = kQuotedChars);

/// `text` with every password replaced by "***": the value of a password= key (libpq's key=value
/// connection strings and a URI's query; quoted or not) and a URI's user:secret@ part.
std::string without_passwords(std::string_view text);

/// A message made safe to print: passwords hidden (without_passwords), controls other than line breaks escaped, each
/// line cut at `max_line_bytes` (on a character boundary), at most `max_lines` lines ("... N more lines").
std::string bounded_message(std::string_view message, std::size_t max_line_bytes = 1000, std::size_t max_lines = 25);

/// A note or warning that is one line by design, made safe to print: as bounded_message, with line
/// breaks escaped too ("gb\nk.csv: not UTF-8 ..." from a file named with a line break printed its
/// second half as a line of its own).
std::string one_line_message(std::string_view message);

/// "note: ...\n" for each note, each one_line_message: what export, points and --data print of the
/// decisions a user should hear of.
std::string note_lines(const std::vector<std::string>& notes);

/// "1,234,567": integers with thousands separators, for counts and sizes in messages.
std::string with_separators(unsigned long long value);

}  // namespace atlas
