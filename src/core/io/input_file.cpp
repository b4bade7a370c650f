#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>

#include "error.hpp"

namespace atlas {

namespace {

/// Closes the descriptor on every path out.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

[[noreturn]] void refuse_errno(const std::string& path, int error) {
    if (error == ENOENT) fail_input(path + ": no such file");
    fail_input(path + ": cannot read (" + std::strerror(error) + ")");
}

}  // namespace

std::string human_size(std::uint64_t bytes) {
    char buffer[32];
    if (bytes >= (1ull << 20)) std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    else if (bytes >= 1024) std::snprintf(buffer, sizeof buffer, "%llu kB", static_cast<unsigned long long>(bytes / 1024));
    else std::snprintf(buffer, sizeof buffer, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buffer;
}

std::string read_input_file(const std::string& path, const std::string& what, std::uint64_t max_bytes) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (f.fd < 0) refuse_errno(path, errno);
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) refuse_errno(path, errno);
    if (S_ISDIR(st.st_mode)) fail_input(path + ": is a folder, not a " + what);
    if (!S_ISREG(st.st_mode)) fail_input(path + ": is " + kind_of(st.st_mode) + ", not a regular file; a " + what +
                                         " must be a file");
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        fail_input(path + ": is " + human_size(size) + "; a " + what + " is at most " + human_size(max_bytes));
    // Read until EOF, at most one byte past the limit: the file may grow while it is read.
    std::string text(static_cast<std::size_t>(size) + 1, '\0');
    std::size_t done = 0;
    for (;;) {
        if (done == text.size()) {
            if (done > max_bytes)
                fail_input(path + ": grew past " + human_size(max_bytes) + " while being read; a " + what +
                           " is at most " + human_size(max_bytes));
            text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes + 1, text.size() * 2)));
        }
        ssize_t n = ::read(f.fd, &text[done], text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_input(path + ": read failed after " + std::to_string(done) + " bytes (" + std::strerror(errno) + ")");
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    text.resize(done);
    return text;
}

void check_input_source(const std::string& path) {
    if (path.rfind("/vsi", 0) == 0) return;  // GDAL's virtual file systems (/vsizip/, /vsimem/) check themselves
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) refuse_errno(path, errno);
    if (S_ISREG(st.st_mode)) {
        if (::access(path.c_str(), R_OK) != 0) refuse_errno(path, errno);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (::access(path.c_str(), R_OK | X_OK) != 0) refuse_errno(path, errno);
        return;
    }
    fail_input(path + ": is " + kind_of(st.st_mode) + ", not a file or folder of vector data");
}

}  // namespace atlas
