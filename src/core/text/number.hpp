#pragma once
/// Numbers in messages and labels, as a user would recognise them.

#include <string>

namespace atlas {

/// `v` with at most `significant` significant digits, in printf's %g form: 2000, 1e+300, 0.5, nan,
/// inf. 6 digits for options and degrees a user typed, 10 for values read from a file.
std::string short_number(double v, int significant = 6);

}  // namespace atlas
