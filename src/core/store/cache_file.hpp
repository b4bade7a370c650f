#pragma once
/// The one check before a prepared-data file is opened for reading: the cache is a folder anyone
/// (or a crashed tool) may have left anything in, and a folder, FIFO or device at a store's path
/// would make a read fail with an exception, block for ever or never end.

#include <cstdint>
#include <optional>
#include <string>

namespace atlas {

/// What `path` holds for a reader of prepared data.
struct CacheFileCheck {
    bool exists = false;  ///< something is at the path (links followed)
    std::string problem;  ///< empty when it may be read; else why not, e.g. "a folder, not a file"
};

/// Whether `path` may be read as a store: a regular file (after links) of at most `max_bytes`.
/// Never throws; a path that cannot be opened or examined is reported as a problem.
CacheFileCheck check_cache_file(const std::string& path, std::uintmax_t max_bytes);

/// A prepared-data file opened for reading through one descriptor, and checked on that descriptor as
/// check_cache_file checks a path: what is read is what was checked, even when another process puts
/// a FIFO or a growing file at the path in between (opened without blocking; read to a bound).
class OpenCacheFile {
  public:
    /// Opens `path` (links followed). Never throws.
    OpenCacheFile(const std::string& path, std::uintmax_t max_bytes);
    ~OpenCacheFile();
    OpenCacheFile(const OpenCacheFile&) = delete;
    OpenCacheFile& operator=(const OpenCacheFile&) = delete;

    bool exists() const { return exists_; }
    /// Empty when it may be read; else why not, in check_cache_file's words.
    const std::string& problem() const { return problem_; }
    /// A name that opens this very file whatever the path holds now (/proc/self/fd/N), for readers
    /// that open by name. Only when it exists without a problem.
    std::string name() const;
    /// The whole content; nothing, with `problem` set, when it cannot be read or holds more than
    /// max_bytes by now (never more than max_bytes + 1 bytes are read).
    std::optional<std::string> read_all(std::string& problem) const;

  private:
    int fd_ = -1;
    bool exists_ = false;
    std::uintmax_t max_bytes_;
    std::string problem_;
};

}  // namespace atlas
