#pragma once
/// The one check before a prepared-data file is opened for reading: the cache is a folder anyone
/// (or a crashed tool) may have left anything in, and a folder, FIFO or device at a store's path
/// would make a read fail with an exception, block for ever or never end.

#include <cstdint>
#include <string>

namespace atlas {

/// What `path` holds for a reader of prepared data.
struct CacheFileCheck {
    bool exists = false;  ///< something is at the path (links followed)
    std::string problem;  ///< empty when it may be read; else why not, e.g. "a folder, not a file"
};

/// Whether `path` may be read as a store: a regular file (after links) of at most `max_bytes`.
/// Never throws; a path that cannot be examined is reported as a problem.
CacheFileCheck check_cache_file(const std::string& path, std::uintmax_t max_bytes);

}  // namespace atlas
