#pragma once
/// Writing a file so that readers see the old one or the whole new one, never half of it: the
/// content goes to a temporary file beside the target, which is then renamed into place.

#include <functional>
#include <string>

namespace atlas {

/// Throws AtlasError(Output) naming `path` when it exists and `force` is false, or when its folder
/// is missing: what write_atomically would refuse, checked before a long computation.
void check_target(const std::string& path, bool force, const std::string& what);

/// Calls `write` with a temporary path beside `path`; when it returns true, renames the temporary
/// file onto `path`. Throws AtlasError(Output) naming `path` when the target exists and `force` is
/// false, when its folder is missing, when `write` returns false ("cannot write the `what`"), or
/// when the rename fails; the temporary file is removed on every failure.
void write_atomically(const std::string& path, bool force, const std::string& what,
                      const std::function<bool(const std::string& temp)>& write);

}  // namespace atlas
