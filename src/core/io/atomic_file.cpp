#include "io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error.hpp"

namespace atlas {

namespace fs = std::filesystem;

void check_target(const std::string& path, bool force, const std::string& what) {
    fs::path target = fs::absolute(path);
    if (fs::exists(target) && !force) throw AtlasError(ErrorKind::Output, path + ": exists (use --force to replace it)");
    if (!fs::is_directory(target.parent_path()))
        throw AtlasError(ErrorKind::Output, path + ": cannot write the " + what + " (no folder '" +
                                                target.parent_path().string() + "')");
}

void write_atomically(const std::string& path, bool force, const std::string& what,
                      const std::function<bool(const std::string& temp)>& write) {
    check_target(path, force, what);
    fs::path target = fs::absolute(path);
    // Hidden and unique per process: a crash leaves at most a dot file, never a half-written target.
    fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()));
    std::error_code ec;
    if (!write(temp.string())) {
        std::string reason = std::strerror(errno);
        fs::remove(temp, ec);
        throw AtlasError(ErrorKind::Output, path + ": cannot write the " + what + " (" + reason + ")");
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw AtlasError(ErrorKind::Output, path + ": cannot move the " + what + " into place (" + ec.message() + ")");
    }
}

}  // namespace atlas
