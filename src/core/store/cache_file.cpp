#include "store/cache_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace atlas {

namespace {

std::string size_problem(std::uintmax_t size, std::uintmax_t max_bytes) {
    return std::to_string(size) + " bytes, more than such a store can hold (" + std::to_string(max_bytes) + ")";
}

}  // namespace

OpenCacheFile::OpenCacheFile(const std::string& path, std::uintmax_t max_bytes) : max_bytes_(max_bytes) {
    // Non-blocking: opening a FIFO for reading returns at once instead of waiting for a writer.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        // A dangling link, or a file where a folder of the path should be, is "not found", as
        // check_cache_file (std::filesystem) has it.
        exists_ = errno != ENOENT && errno != ENOTDIR;
        if (exists_) problem_ = std::string("cannot be opened (") + std::strerror(errno) + ")";
        return;
    }
    exists_ = true;
    struct stat st {};
    if (::fstat(fd_, &st) != 0)
        problem_ = std::string("cannot be examined (") + std::strerror(errno) + ")";
    else if (S_ISDIR(st.st_mode))
        problem_ = "a folder, not a file";
    else if (S_ISFIFO(st.st_mode))
        problem_ = "a FIFO, not a file";
    else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        problem_ = "a device, not a file";
    else if (!S_ISREG(st.st_mode))
        problem_ = "not a regular file";
    else if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
        problem_ = size_problem(static_cast<std::uintmax_t>(st.st_size), max_bytes);
}

OpenCacheFile::~OpenCacheFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string OpenCacheFile::name() const { return "/proc/self/fd/" + std::to_string(fd_); }

std::optional<std::string> OpenCacheFile::read_all(std::string& problem) const {
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return problem = std::string("cannot be read (") + std::strerror(errno) + ")", std::nullopt;
        if (n == 0) return bytes;
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes_) return problem = size_problem(bytes.size(), max_bytes_), std::nullopt;
    }
}

CacheFileCheck check_cache_file(const std::string& path, std::uintmax_t max_bytes) {
    OpenCacheFile file(path, max_bytes);  // one classification for both; opening does not block
    return {file.exists(), file.problem()};
}

}  // namespace atlas
