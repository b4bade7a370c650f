#include "io/program_files.hpp"

#include <algorithm>
#include <filesystem>

namespace atlas {

namespace {

namespace fs = std::filesystem;

constexpr const char* kFront = "clusteratlas";
constexpr const char* kFull = "clusteratlas-full";

fs::path self() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path("./clusteratlas") : exe;
}

bool is_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

}  // namespace

std::string program_dir() {
    fs::path exe = self();
    fs::path dir = exe.parent_path();
    // The installed full program: BINDIR is LIBEXECDIR/clusteratlas's relative path away.
    if (exe.filename() == kFull && !is_file(dir / kFront))
        return (dir / ATLAS_LIBEXEC_TO_BIN).lexically_normal().string();
    return dir.string();
}

std::string full_program_path() {
    fs::path dir = program_dir();
    for (const fs::path& candidate : {dir / kFull, (dir / ATLAS_BIN_TO_LIBEXEC / kFull).lexically_normal()})
        if (is_file(candidate)) return candidate.string();
    return "";
}

std::vector<std::string> program_files() {
    fs::path exe = self();
    std::vector<std::string> files{exe.string()};
    fs::path other = exe.filename() == kFull ? fs::path(program_dir()) / kFront : fs::path(full_program_path());
    if (!other.empty() && is_file(other) && other != exe) files.push_back(other.string());
    std::sort(files.begin(), files.end());  // the same list from either program
    return files;
}

}  // namespace atlas
