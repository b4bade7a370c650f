#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <vector>

#include "error.hpp"
#include "io/connection_text.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

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
    // A connection string where a file goes (made a path in the current folder by the option's
    // reading): said as what it looks like.
    std::string name = std::filesystem::path(path).filename().string();
    std::size_t scheme = path.find("postgres");
    bool connection = connection_text::starts_with_ci(name, "PG:") ||
                      (scheme != std::string::npos && connection_text::is_uri(path.substr(scheme)));
    if (error == ENOENT && connection)
        fail_input(path + ": no such file (a PostgreSQL connection string? this option reads files only)");
    if (error == ENOENT) fail_input(path + ": no such file");
    fail_input(path + ": cannot read (" + std::strerror(error) + ")");
}

}  // namespace

std::string human_size(std::uint64_t bytes) {
    char buffer[32];
    if (bytes >= (1ull << 20))
        std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    else if (bytes >= 1024)
        std::snprintf(buffer, sizeof buffer, "%llu kB", static_cast<unsigned long long>(bytes / 1024));
    else
        std::snprintf(buffer, sizeof buffer, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buffer;
}

namespace {

struct NotedInput {
    dev_t device;
    ino_t inode;
    std::string name;
    std::string what;
};

std::mutex noted_mutex;
std::vector<NotedInput> noted;  // a handful a process

}  // namespace

void note_input_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    std::lock_guard<std::mutex> lock(noted_mutex);
    for (const NotedInput& n : noted)
        if (n.device == st.st_dev && n.inode == st.st_ino) return;
    noted.push_back({st.st_dev, st.st_ino, path, what});
}

void forget_input_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;
    std::lock_guard<std::mutex> lock(noted_mutex);
    noted.erase(std::remove_if(noted.begin(), noted.end(),
                               [&](const NotedInput& n) {
                                   return n.device == st.st_dev && n.inode == st.st_ino && n.what == what;
                               }),
                noted.end());
}

std::string input_at(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "";
    std::lock_guard<std::mutex> lock(noted_mutex);
    for (const NotedInput& n : noted) {
        if (n.device != st.st_dev || n.inode != st.st_ino) continue;
        // Only while the input is still there: a deleted input's inode is reused by the next file
        // made (a long-lived process, the tests', called a new session file "an input of this
        // command", naming a GeoPackage removed long before).
        struct stat still {};
        if (::stat(n.name.c_str(), &still) == 0 && still.st_dev == n.device && still.st_ino == n.inode) return n.name;
    }
    return "";
}

std::string read_input_file(const std::string& raw_path, const std::string& what, std::uint64_t max_bytes) {
    const std::string path = escape_controls(raw_path);  // as messages show it
    const std::string& open_path = raw_path;
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    Fd f{::open(open_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (f.fd < 0) refuse_errno(path, errno);
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) refuse_errno(path, errno);
    if (S_ISDIR(st.st_mode)) fail_input(path + ": is a folder, not a " + what);
    if (!S_ISREG(st.st_mode))
        fail_input(path + ": is " + kind_of(st.st_mode) + ", not a regular file; a " + what + " must be a file");
    note_input_file(raw_path, what);
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        bool close = size < 2 * max_bytes;  // "4.0 MB; at most 4.0 MB" would say nothing: the bytes then
        fail_input(path + ": is " + (close ? with_separators(size) + " bytes" : human_size(size)) + "; a " + what +
                   " is at most " + (close ? with_separators(max_bytes) + " bytes" : human_size(max_bytes)));
    }
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
        if (n < 0)
            fail_input(path + ": read failed after " + std::to_string(done) + " bytes (" + std::strerror(errno) + ")");
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    text.resize(done);
    return text;
}

namespace {

/// A file GDAL will open along the way (a part of a Shapefile, a file of a folder source) must be a
/// readable regular file: a FIFO would hang the read, an unreadable .dbf would look like a missing field.
void check_part(const std::filesystem::path& part) {
    struct stat st {};
    if (::stat(part.c_str(), &st) != 0) return;  // a dangling link: GDAL skips it
    if (S_ISDIR(st.st_mode)) return;
    if (!S_ISREG(st.st_mode))
        fail_input(escape_controls(part.string()) + ": is " + kind_of(st.st_mode) +
                   ", not a regular file; GDAL would read it with the source");
    if (::access(part.c_str(), R_OK) != 0) refuse_errno(escape_controls(part.string()), errno);
}

/// A Shapefile missing a part fails in GDAL's words ("Unable to open ... SHAPE_RESTORE_SHX"), or,
/// without its .dbf, as a layer without the code field: said here, in the user's terms.
void check_shapefile_parts(const std::string& shown, const std::set<std::string>& sidecars) {
    if (sidecars.count("dbf") == 0)
        fail_input(
            shown +
            ": a Shapefile without its .dbf, which holds its fields (codes, names, values): copy it beside the .shp");
    if (sidecars.count("shx") == 0)
        fail_input(shown +
                   ": a Shapefile without its .shx index: copy it beside the .shp, or rebuild it with "
                   "'ogrinfo --config SHAPE_RESTORE_SHX YES FILE.shp'");
}

/// The archive a /vsizip/, /vsitar/ or /vsigzip/ path reads ("/vsizip/d/a.zip/x.shp": d/a.zip, also
/// written "/vsizip/{d/a.zip}/x.shp") noted as an input: an output over it destroyed what was read.
void note_archive_of(const std::string& source) {
    std::size_t start = source.find('/', 1);
    if (start == std::string::npos) return;
    std::string rest = source.substr(start + 1);
    if (!rest.empty() && rest[0] == '{') {
        std::size_t close = rest.find('}');
        if (close != std::string::npos) note_input_file(rest.substr(1, close - 1));
        return;
    }
    for (std::size_t cut = rest.find('/', 1);; cut = rest.find('/', cut + 1)) {
        std::string prefix = rest.substr(0, cut);
        struct stat st {};
        if (::stat(prefix.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return note_input_file(prefix);
        if (cut == std::string::npos) return;
    }
}

/// A file GDAL reads with a source of that name: a multi-file format's parts (a.shx, a.dbf, a.prj of
/// a.shp; a.dat, a.map of a.tab; a.mid of a.mif; a.csvt, a.prj of a.csv) or the source's own name
/// extended (a.gpkg-wal, a.shp.xml, a.gpkg.aux.xml). `rest`: lower case, after "a.". Other files
/// of the stem are the user's: a.geojson beside a.gpkg was refused as an input of `export -o`.
bool is_sidecar(const std::string& rest, const std::string& source_name, const std::string& name) {
    static const std::set<std::string> parts = {"shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx",
                                                "qpj", "dat", "map", "id",  "ind", "mid", "csvt"};
    return parts.count(rest) > 0 || name.rfind(source_name, 0) == 0;
}

}  // namespace

std::string check_folder_shapefiles(const std::string& folder, const std::string& layer) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return {};
    std::vector<fs::path> shapefiles;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const fs::path& p = entry.path();
        if (ascii_lower(p.extension().string()) != ".shp") continue;
        if (layer.empty() || ascii_lower(p.stem().string()) == ascii_lower(layer)) shapefiles.push_back(p);
    }
    std::sort(shapefiles.begin(), shapefiles.end());
    for (const fs::path& shp : shapefiles) {
        std::set<std::string> sidecars;
        std::string stem = ascii_lower(shp.stem().string()) + ".";
        for (const auto& entry : fs::directory_iterator(shp.parent_path(), ec)) {
            std::string name = ascii_lower(entry.path().filename().string());
            if (name.rfind(stem, 0) == 0) sidecars.insert(name.substr(stem.size()));
        }
        check_shapefile_parts(escape_controls(shp.string()), sidecars);
    }
    return shapefiles.empty() ? std::string() : shapefiles.front().string();
}

void check_input_source(const std::string& source) {
    const std::string shown = escape_controls(source);  // messages show it escaped; calls use it as given
    if (source.rfind("/vsistdin", 0) == 0)
        fail_input(shown + ": reading vector data from stdin is not supported; save it to a file");
    if (source.rfind("/vsi", 0) == 0) {  // GDAL's virtual file systems (/vsizip/, /vsimem/) check themselves
        note_archive_of(source);
        return;
    }
    struct stat st {};
    if (::stat(source.c_str(), &st) != 0) refuse_errno(shown, errno);
    namespace fs = std::filesystem;
    std::error_code ec;
    if (S_ISREG(st.st_mode)) {
        if (::access(source.c_str(), R_OK) != 0) refuse_errno(shown, errno);
        note_input_file(source);
        fs::path file(source);
        std::string stem = file.stem().string() + ".";
        fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        std::set<std::string> sidecars;
        for (const auto& entry : fs::directory_iterator(folder, ec)) {  // its sidecars: a.shx, a.dbf, a.prj ...
            std::string name = entry.path().filename().string();
            if (name.rfind(stem, 0) != 0 || entry.path().filename() == file.filename()) continue;
            std::string rest = ascii_lower(name.substr(stem.size()));
            if (!is_sidecar(rest, file.filename().string(), name)) continue;
            check_part(entry.path());
            note_input_file(entry.path().string());
            sidecars.insert(rest);
        }
        if (ascii_lower(file.extension().string()) == ".shp") check_shapefile_parts(shown, sidecars);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (::access(source.c_str(), R_OK | X_OK) != 0) refuse_errno(shown, errno);
        for (const auto& entry : fs::directory_iterator(source, ec)) {
            check_part(entry.path());
            note_input_file(entry.path().string());  // `points dir -o dir/a.shp --force` replaced its input
        }
        return;
    }
    fail_input(shown + ": is " + kind_of(st.st_mode) + ", not a file or folder of vector data");
}

}  // namespace atlas
