#pragma once
/// The framing every memo of the prepared-data cache shares (store/layer_memo.hpp,
/// store/rounding_memo.hpp): a magic line naming the kind, the kind's version, the key the content
/// was derived for, a checksum of the body, then the body. A file of another kind, version or key,
/// or one damaged or truncated, is never trusted: the reader says why and the caller derives again.

#include <cstdint>
#include <optional>
#include <string>

namespace atlas {

/// What kind of memo a file holds and how large one can plausibly be.
struct MemoKind {
    const char* magic;         ///< first line, with its '\n': "CLUSTERATLAS-LAYER-MEMO\n"
    std::uint32_t version;     ///< bumped whenever what is kept, or how it is derived, changes
    std::uintmax_t max_bytes;  ///< a larger file is set aside unread (store/cache_file.hpp)
    const char* what;          ///< in messages: "layer memo"
};

/// The body kept at `path` for `key`. Nothing when there is no file (`problem` empty) or it is not
/// usable (`problem` says why: not a regular file, another kind or version, made for another key,
/// truncated, checksum mismatch). Never throws.
std::optional<std::string> read_memo_body(const std::string& path, const MemoKind& kind, const std::string& key,
                                          std::string& problem);

/// Writes the memo exclusively, checked and renamed into place (io/output_file.hpp), replacing one
/// there when `replace`. Throws AtlasError(Output) naming the path.
void write_memo_file(const std::string& path, const MemoKind& kind, const std::string& key, const std::string& body,
                     bool replace);

}  // namespace atlas
