#include "store/source_identity.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "io/program_files.hpp"
#include "store/content_hash.hpp"
#include "store/memo_file.hpp"

namespace atlas {

namespace fs = std::filesystem;

namespace {

/// A fingerprint is 16 hex digits: a memo of a few hundred bytes is plenty.
const MemoKind kKind{"CLUSTERATLAS-IDENTITY-MEMO\n", kIdentityMemoVersion, 4096, "source identity memo"};

/// The file's stat fields that change when it is written, replaced or moved. False when it is not a
/// regular file.
bool add_stat(ContentHash& h, const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    h.add(path)
        .add(static_cast<std::uint64_t>(st.st_dev))
        .add(static_cast<std::uint64_t>(st.st_ino))
        .add(static_cast<std::uint64_t>(st.st_size))
        .add(static_cast<std::uint64_t>(st.st_mtim.tv_sec))
        .add(static_cast<std::uint64_t>(st.st_mtim.tv_nsec))
        .add(static_cast<std::uint64_t>(st.st_ctim.tv_sec))
        .add(static_cast<std::uint64_t>(st.st_ctim.tv_nsec));
    return true;
}

/// The file and its side files (same folder, name starting with its stem and a dot), sorted.
bool add_file(ContentHash& h, const std::string& given) {
    std::error_code ec;
    fs::path path = fs::canonical(given, ec);
    if (ec || !add_stat(h, path.string())) return false;
    std::string prefix = path.stem().string() + ".";
    std::vector<std::string> sides;
    for (fs::directory_iterator it(path.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && it->path() != path) sides.push_back(it->path().string());
    }
    if (ec) return false;
    std::sort(sides.begin(), sides.end());
    h.add(static_cast<std::uint64_t>(sides.size()));
    for (const std::string& side : sides)
        if (!add_stat(h, side)) h.add(side);  // a folder or FIFO beside it: its name only
    return true;
}

/// Every file under the folder, sorted; a missing folder is said as such.
bool add_folder(ContentHash& h, const std::string& given) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) {
        h.add(given).add(std::string_view("(no folder)"));
        return true;
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(fs::canonical(given, ec), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
    if (ec) return false;
    std::sort(files.begin(), files.end());
    h.add(static_cast<std::uint64_t>(files.size()));
    return std::all_of(files.begin(), files.end(), [&](const std::string& f) { return add_stat(h, f); });
}

}  // namespace

std::optional<std::string> source_identity(const IdentitySources& sources) {
    try {
        ContentHash h;
        h.add(static_cast<std::uint64_t>(kIdentityMemoVersion)).add(sources.options);
        // Both programs (io/program_files.hpp): what one derived, the other trusts, until either is rebuilt.
        std::vector<std::string> programs = program_files();
        h.add(static_cast<std::uint64_t>(programs.size()));
        for (const std::string& program : programs)
            if (!add_file(h, program)) return std::nullopt;
        for (const std::string& file : sources.files)
            if (!add_file(h, file)) return std::nullopt;
        for (const std::string& folder : sources.folders)
            if (!add_folder(h, folder)) return std::nullopt;
        return h.hex();
    } catch (const std::exception&) {  // a path the file system library cannot represent
        return std::nullopt;
    }
}

std::optional<std::string> read_identity_memo(const std::string& path, const std::string& key, std::string& problem) {
    std::optional<std::string> body = read_memo_body(path, kKind, key, problem);
    if (body && (body->size() != 16 || body->find_first_not_of("0123456789abcdef") != std::string::npos))
        return problem = "not a fingerprint", std::nullopt;
    return body;
}

void write_identity_memo(const std::string& path, const std::string& key, const std::string& fingerprint,
                         bool replace) {
    write_memo_file(path, kKind, key, fingerprint, replace);
}

std::string identity_memo_name(const std::string& key) { return "identity-" + key + ".memo"; }

}  // namespace atlas
