#include "io/output_file.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>

#include "error.hpp"
#include "io/file_commit.hpp"
#include "io/input_file.hpp"
#include "io/pg_connection.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& message) { throw AtlasError(ErrorKind::Output, message); }

std::string folder_of(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

/// A stream buffer over a file descriptor that remembers the first failed write's errno.
class FdBuffer : public std::streambuf {
  public:
    explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

  private:
    bool drain() {
        const char* p = pbase();
        while (p < pptr() && error_ == 0) {
            ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                error_ = n < 0 ? errno : EIO;
            else
                p += n;
        }
        setp(buffer_, buffer_ + sizeof buffer_);
        return error_ == 0;
    }

    int fd_;
    int error_ = 0;
    char buffer_[1 << 16];
};

}  // namespace

std::string system_reason(int error) { return std::strerror(error); }

namespace {

std::string special_file_kind(mode_t mode) {
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

/// GDAL writes a zipped Shapefile (.shz, .shp.zip) through a temporary file whose name is 21 bytes
/// longer than the target's: past 234 bytes that failed inside GDAL after the work, with its own
/// text and a temporary path.
void check_zipped_shapefile_name(const std::string& path, const std::string& what) {
    constexpr std::size_t kMost = 255 - 21;
    std::string name = ascii_lower(fs::path(path).filename().string());
    if (what != "ESRI Shapefile" || name.size() <= kMost) return;
    auto ends = [&](const std::string& s) {
        return name.size() >= s.size() && name.rfind(s) == name.size() - s.size();
    };
    if (!ends(".shz") && !ends(".shp.zip")) return;
    fail(path + ": cannot write the " + what + " (File name too long: a zipped Shapefile's name may have " +
         std::to_string(kMost) + " bytes, this one has " + std::to_string(name.size()) + ")");
}

/// A Shapefile replaces its .dbf, .shx, .prj and other side files too: a FIFO or device among them
/// is refused as the .shp itself is.
void check_shapefile_sidecars(const std::string& path, const std::string& what) {
    fs::path shp(path);
    if (ascii_lower(shp.extension().string()) != ".shp") return;
    std::string stem = shp.stem().string() + ".";
    std::error_code ec;
    fs::path folder = shp.parent_path().empty() ? fs::path(".") : shp.parent_path();
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(stem, 0) != 0 || name == shp.filename().string()) continue;
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode) &&
            !S_ISDIR(st.st_mode))
            fail(entry.path().string() + ": is " + special_file_kind(st.st_mode) + ", not a file; the " + what +
                 " cannot replace it (--force replaces files only)");
    }
}

}  // namespace

std::string free_file_name(const std::string& path) {
    std::error_code ec;
    fs::path p(path);
    const fs::path original(path);
    for (int n = 2; fs::exists(fs::symlink_status(p, ec)) && n < 10000; ++n)
        p = fs::path(original).replace_filename(original.stem().string() + "-" + std::to_string(n) +
                                                original.extension().string());
    return p.string();
}

void refuse_input_target(const std::string& path) {
    std::string input = input_at(path);
    if (!input.empty())
        throw AtlasError(ErrorKind::Usage, escape_controls(path) + ": is an input of this command (" +
                                               quote_value(input) +
                                               "); write the output elsewhere (--force never replaces an input)");
}

namespace {

/// One file by two names: the same path once absolute and normal, or one file reached twice.
bool same_file(const std::string& first, const std::string& second) {
    if (first.empty() || second.empty()) return false;
    std::error_code ec1, ec2, ec3;
    fs::path a = fs::absolute(first, ec1).lexically_normal(), b = fs::absolute(second, ec2).lexically_normal();
    if (!ec1 && !ec2 && a == b) return true;
    return fs::exists(first, ec1) && fs::exists(second, ec2) && fs::equivalent(first, second, ec3) && !ec3;
}

}  // namespace

void refuse_named_input(const std::string& output, const std::string& input) {
    if (same_file(output, input))
        throw AtlasError(ErrorKind::Usage, escape_controls(output) + ": is an input of this command (" +
                                               quote_value(input) +
                                               "); write the output elsewhere (--force never replaces an input)");
}

void refuse_same_output(const std::string& first_option, const std::string& first, const std::string& second_option,
                        const std::string& second) {
    if (same_file(first, second))
        throw AtlasError(ErrorKind::Usage, second_option + " " + quote_value(second) + " is the file " + first_option +
                                               " writes: name another (one would replace the other)");
}

void refuse_stdout_target(const std::string& option, const std::string& path, const std::string& what,
                          const std::string& example) {
    if (path == "-")
        throw AtlasError(ErrorKind::Usage, option + " '-': " + what +
                                               " is kept in a file, not written to standard output: name one, "
                                               "such as " +
                                               example);
}

void refuse_folder(const std::string& path, const std::string& what, const std::string& example) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        fail(escape_controls(path) + ": is a folder; the " + what + " cannot replace it (name a file in it: " +
             escape_controls((std::filesystem::path(path) / example).lexically_normal().string()) + ")");
}

/// Whether a chain of links reaches /proc/.../fd/N or /dev/fd/N: a process's open file (standard
/// output, whatever it is redirected to), which is written to, never replaced.
bool links_to_open_file(const std::string& path) {
    fs::path at = path;
    std::error_code ec;
    for (int hop = 0; hop < 40 && fs::is_symlink(at, ec); ++hop) {
        fs::path target = fs::read_symlink(at, ec);
        if (ec) return false;
        at = target.is_absolute() ? target : at.parent_path() / target;
        std::string text = at.lexically_normal().string();
        if (text.rfind("/proc/", 0) == 0 || text.rfind("/dev/fd/", 0) == 0) return true;
    }
    return false;
}

void check_target(const std::string& path, bool force, const std::string& what, bool cache) {
    refuse_input_target(path);
    if (std::any_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        throw AtlasError(ErrorKind::Usage,
                         escape_controls(path) + ": an output name with control characters is refused");
    // A mistyped connection string ("PG host=... password=...") must not become a file named with the
    // password, nor be printed.
    if (looks_like_connection(path))
        throw AtlasError(ErrorKind::Usage,
                         "the output looks like a PostgreSQL connection string (it holds a password) "
                         "but does not start with PG: or postgresql://; nothing written");
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) fail(path + ": is a folder; the " + what + " cannot replace it");
        // Replacing is renaming over: a device or FIFO (/dev/null) would become a plain file, even
        // with --force. Only a file or a link (the link is replaced, not its target) is replaced.
        if (!cache && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
            fail(path + ": is " + special_file_kind(st.st_mode) + ", not a file; the " + what +
                 " cannot replace it (--force replaces files only)");
        // A link to a device, FIFO or socket (/dev/stdout -> /proc/self/fd/1 -> /dev/pts/0) is what
        // the user writes to, not a file to replace: as root, --force made /dev/stdout a plain file
        // for every process. A link to a file, or a dangling one, is replaced as a file is.
        if (!cache && S_ISLNK(st.st_mode) && links_to_open_file(path))
            fail(path + ": is a link to an open file of a process (" +
                 escape_controls(fs::read_symlink(path).string()) + "), not a file; the " + what +
                 " cannot replace it (--force replaces files only)");
        struct stat to {};
        if (!cache && S_ISLNK(st.st_mode) && ::stat(path.c_str(), &to) == 0 && !S_ISREG(to.st_mode) &&
            !S_ISDIR(to.st_mode))
            fail(path + ": is a link to " + special_file_kind(to.st_mode) + ", not a file; the " + what +
                 " cannot replace it (--force replaces files only)");
        if (!force) fail(path + ": exists (use --force to replace it)");
    } else if (errno != ENOENT) {
        fail(path + ": cannot write the " + what + " (" + system_reason(errno) + ")");
    }
    std::string folder = folder_of(path);
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        fail(path + ": cannot write the " + what + " (no folder '" + folder + "')");
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        fail(path + ": cannot write in folder '" + folder + "' (" + system_reason(errno) + ")");
    check_zipped_shapefile_name(path, what);
    if (!cache) check_shapefile_sidecars(path, what);
}

TempFolder::TempFolder(const std::string& target)
    : path_(folder_of(target) + "/.clusteratlas-tmp-" + std::to_string(::getpid()) + "-XXXXXX") {
    if (::mkdtemp(path_.data()) == nullptr)
        fail(target + ": cannot write in folder '" + folder_of(target) + "' (" + system_reason(errno) + ")");
    cleanup_.emplace(path_);
}

TempFolder::~TempFolder() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void TempFolder::released() {
    cleanup_.reset();
    path_.clear();
}

struct CheckedFile::Impl {
    std::string path, shown_as;
    int fd = -1;
    std::unique_ptr<FdBuffer> buffer;
    std::unique_ptr<std::ostream> stream;
};

CheckedFile::CheckedFile(const std::string& path, const std::string& shown_as) : impl_(std::make_unique<Impl>()) {
    impl_->path = path, impl_->shown_as = shown_as;
    impl_->fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (impl_->fd < 0) fail(shown_as + ": cannot create a temporary file (" + system_reason(errno) + ")");
    impl_->buffer = std::make_unique<FdBuffer>(impl_->fd);
    impl_->stream = std::make_unique<std::ostream>(impl_->buffer.get());
}

CheckedFile::~CheckedFile() {
    if (impl_->fd >= 0) ::close(impl_->fd);
}

std::ostream& CheckedFile::stream() { return *impl_->stream; }

void CheckedFile::finish() {
    impl_->stream->flush();
    int error = impl_->buffer->error();
    if (error == 0 && ::fsync(impl_->fd) != 0) error = errno;
    int fd = impl_->fd;
    impl_->fd = -1;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) fail(impl_->shown_as + ": cannot write (" + system_reason(error) + ")");
}

namespace {
FdBuffer* g_stdout = nullptr;
}

void install_checked_stdout() {
    if (g_stdout != nullptr) return;
    // Never destroyed: std::cout is flushed after every static object is gone.
    g_stdout = new FdBuffer(STDOUT_FILENO);
    std::cout.rdbuf(g_stdout);
}

int stdout_error() {
    std::cout.flush();
    if (g_stdout != nullptr) return g_stdout->error();
    return std::cout.good() ? 0 : EIO;
}

void write_new_file(const std::string& path, std::string_view bytes, const std::string& shown_as) {
    CheckedFile file(path, shown_as);
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.finish();
}

void sync_written_file(const std::string& path, const std::string& shown_as) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) fail(shown_as + ": cannot write (" + system_reason(errno) + ")");
    int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    if (error != 0) fail(shown_as + ": cannot write (" + system_reason(error) + ")");
}

void commit_file(const std::string& written, const std::string& target, bool force, const std::string& what,
                 bool cache) {
    refuse_input_target(target);  // inputs read since check_target
    std::string folder = folder_of(target);
    FolderLock lock(folder);
    recover_interrupted_writes(folder);
    DeferSignals defer;  // a signal now acts after the rename, and then says the output is in place
    // Without --force, RENAME_NOREPLACE refuses a target that appeared since check_target.
    int r = ::renameat2(AT_FDCWD, written.c_str(), AT_FDCWD, target.c_str(), force ? 0 : RENAME_NOREPLACE);
    if (r != 0 && errno == EINVAL && !force) {  // file systems without RENAME_NOREPLACE: check under the lock
        struct stat st {};
        if (::lstat(target.c_str(), &st) == 0)
            errno = EEXIST;
        else
            r = ::rename(written.c_str(), target.c_str());
    }
    if (r != 0 && errno == EEXIST) fail(target + ": exists (use --force to replace it)");
    if (r != 0) fail(target + ": cannot put the " + what + " in place (" + system_reason(errno) + ")");
    ::fsync(lock.fd());  // the rename itself reaches the disk
    if (!cache) mark_output_in_place();
}

void write_atomically(const std::string& path, bool force, const std::string& what,
                      const std::function<void(const std::string& temp_file)>& write, bool cache) {
    check_target(path, force, what, cache);
    TempFolder temp(path);
    std::string file = temp.file(fs::path(path).filename().string());
    write(file);
    commit_file(file, path, force, what, cache);
}

}  // namespace atlas
