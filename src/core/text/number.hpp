#pragma once
/// Numbers in messages and labels, as a user would recognise them.

#include <string>
#include <string_view>

namespace atlas {

/// `v` with at most `significant` significant digits, in printf's %g form: 2000, 1e+300, 0.5, nan,
/// inf. 6 digits for options and degrees a user typed, 10 for values read from a file.
std::string short_number(double v, int significant = 6);

}  // namespace atlas

namespace atlas {

/// What a cell that is no plain number means when written as people write numbers, as advice:
/// "has thousands separators: write 1234567" ("1,234,567"; also "1.234.567", "1 234 567" with
/// spaces or no-break spaces, and "1.234,5" with a decimal comma: write 1234.5), "looks like a
/// decimal comma: write 1.5" ("1,5"), and for "1,234", which may be either, both. Without
/// `show_values` (a file the user did not name) the number is not repeated ("write the digits
/// alone"). Empty when the cell is no number either way.
std::string written_number_reading(const std::string& cell, bool show_values = true);

/// Whether `cell` is digits in groups of three split by dots and nothing else ("1.234", "-12.345.678"):
/// a number in a comma-decimal locale, a fraction in others.
bool looks_dot_grouped(const std::string& cell);

/// How a message goes on after a cell that was no finite number: " is out of range (...)" where
/// it is a decimal past a double's range ("1e400", "-1e999", "1e-400"), else " is not a number".
/// The cell's spaces around it and a leading '+' are ignored.
std::string why_not_a_number(std::string_view cell);

/// Whether `cell` starts with a digit that is not ASCII: full-width (U+FF10-FF19, as a Chinese input
/// method types them), Arabic-Indic or Persian. Such a cell looks like a number and is none.
bool starts_with_other_digit(std::string_view cell);

}  // namespace atlas
