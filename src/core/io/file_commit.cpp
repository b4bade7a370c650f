#include "io/file_commit.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <thread>

#include "error.hpp"
#include "io/interrupt.hpp"
#include "io/output_file.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCommitSuffix = ".clusteratlas-commit";
constexpr const char* kTempPrefix = ".clusteratlas-tmp-";
constexpr const char* kManifest = ".manifest";
constexpr const char* kRollback = ".rollback";
constexpr const char* kBackups = ".old";

[[noreturn]] void fail(const std::string& message) { throw AtlasError(ErrorKind::Output, message); }

std::string folder_of(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

/// ".NAME.clusteratlas-commit"; for a name too long for that (a file name is at most 255 bytes), the
/// name's first 180 bytes (whole UTF-8 characters) and an FNV-1a hash of all of it, the same in every
/// process, so that a later one finds the journal of an interrupted write.
std::string commit_folder(const std::string& folder, const std::string& name) {
    constexpr std::size_t kNameMax = 255;
    if (1 + name.size() + std::strlen(kCommitSuffix) <= kNameMax) return folder + "/." + name + kCommitSuffix;
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : name) hash = (hash ^ c) * 1099511628211ULL;
    std::size_t cut = 180;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return folder + "/." + name.substr(0, cut) + "-" + hex + kCommitSuffix;
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

struct Manifest {
    std::vector<std::string> fresh, old;  // names in the target's folder
};

void write_manifest(const std::string& path, const Manifest& m) {
    std::ofstream out(path, std::ios::binary);
    for (const std::string& n : m.fresh) out << "new " << n << '\n';
    for (const std::string& n : m.old) out << "old " << n << '\n';
    out.flush();
    if (!out) fail(path + ": cannot write the commit manifest (" + std::strerror(errno) + ")");
}

bool read_manifest(const std::string& path, Manifest& m) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("new ", 0) == 0)
            m.fresh.push_back(line.substr(4));
        else if (line.rfind("old ", 0) == 0)
            m.old.push_back(line.substr(4));
        if (line.find('/') != std::string::npos) return false;  // never a path: a manifest is ours
    }
    return !m.fresh.empty();
}

/// The commit's last steps, from wherever it stopped: new files renamed into place, old files the new
/// set lacks removed, the commit folder removed. Returns false when a rename failed (left for later).
bool roll_forward(const std::string& folder, const std::string& commit, const Manifest& m) {
    for (const std::string& n : m.fresh)
        if (exists(commit + "/" + n) && ::rename((commit + "/" + n).c_str(), (folder + "/" + n).c_str()) != 0)
            return false;
    for (const std::string& n : m.old)
        if (std::find(m.fresh.begin(), m.fresh.end(), n) == m.fresh.end()) ::unlink((folder + "/" + n).c_str());
    std::error_code ec;
    fs::remove_all(commit, ec);
    return true;
}

/// Undoes the new files placed so far: the old ones come back from their backups.
void roll_back(const std::string& folder, const std::string& commit, const Manifest& m) {
    for (const std::string& n : m.fresh) {
        if (exists(commit + "/" + n)) continue;  // never placed
        bool was_old = std::find(m.old.begin(), m.old.end(), n) != m.old.end();
        if (was_old)
            ::rename((commit + "/" + kBackups + "/" + n).c_str(), (folder + "/" + n).c_str());
        else
            ::unlink((folder + "/" + n).c_str());
    }
    std::error_code ec;
    fs::remove_all(commit, ec);
}

/// Finishes a commit folder left by a writer that did not: forward, or back when it had decided so.
void resume_unguarded(const std::string& folder, const std::string& commit) {
    Manifest m;
    std::error_code ec;
    if (!read_manifest(commit + "/" + kManifest, m)) return (void)fs::remove_all(commit, ec);
    if (exists(commit + "/" + kRollback))
        roll_back(folder, commit, m);
    else
        roll_forward(folder, commit, m);
}

bool process_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

/// A child that outlives the writer: it waits on a pipe, and when the writer ends before done()
/// (killed mid-commit), it finishes the commit with `finish`. Signals a terminal sends to the
/// process group do not stop it; it keeps the folder lock (an inherited descriptor) until it is done.
class Guardian {
  public:
    Guardian(int lock_fd, std::function<void(int lock_fd)> finish) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return;
        pid_ = ::fork();
        if (pid_ < 0) {
            ::close(fds[0]), ::close(fds[1]);
            return;
        }
        if (pid_ == 0) {
            ::close(fds[1]);
            watch(fds[0], lock_fd, finish);
        }
        ::close(fds[0]);
        write_end_ = fds[1];
    }
    ~Guardian() { done(); }

    /// The writer finished (or rolled back) itself: the guardian leaves.
    void done() {
        if (write_end_ < 0) return;
        (void)!::write(write_end_, "D", 1);
        ::close(write_end_);
        write_end_ = -1;
        ::waitpid(pid_, nullptr, 0);
    }

  private:
    [[noreturn]] static void watch(int read_end, int lock_fd, const std::function<void(int)>& finish) {
        for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) std::signal(s, SIG_IGN);
        // Keep only the pipe and the lock: a writer's stdout pipe must close when the writer ends.
        int pipe_copy = ::fcntl(read_end, F_DUPFD_CLOEXEC, 100), lock_copy = ::fcntl(lock_fd, F_DUPFD_CLOEXEC, 101);
        int null = ::open("/dev/null", O_RDWR);
        for (int fd = 0; fd < 3; ++fd) ::dup2(null, fd);
        ::dup2(pipe_copy, 3), ::dup2(lock_copy, 4);
        ::close_range(5, ~0U, 0);
        char c = 0;
        ssize_t n;
        do n = ::read(3, &c, 1);
        while (n < 0 && errno == EINTR);
        if (n != 1) finish(4);  // the writer ended without saying it was done
        ::_exit(0);
    }

    pid_t pid_ = -1;
    int write_end_ = -1;
};

/// resume_unguarded, itself watched by a guardian: a finisher killed part-way is finished by the next.
void resume(const std::string& folder, const std::string& commit, int lock_fd) {
    Guardian guardian(lock_fd, [&](int fd) { resume(folder, commit, fd); });
    resume_unguarded(folder, commit);
}

/// Hard link, or a copy where links are refused (some file systems, immutable files).
bool back_up(const std::string& from, const std::string& to) {
    if (::link(from.c_str(), to.c_str()) == 0) return true;
    std::error_code ec;
    return fs::copy_file(from, to, fs::copy_options::none, ec);
}

// The parts of a Shapefile and the side files that describe its data (indexes, metadata), which an
// old set's would misdescribe; a user's style (.qml, .sld) is not data and stays.
const char* const kShapefileParts[] = {
    ".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn",     ".sbx",         ".qpj",     ".fix",         ".atx",
    ".aih", ".ain", ".ixs", ".mxs", ".fbn", ".fbx", ".shp.xml", ".shp.iso.xml", ".aux.xml", ".shp.aux.xml", ".qmd"};

}  // namespace

FolderLock::FolderLock(const std::string& folder, int timeout_s) {
    fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) fail(folder + ": cannot lock the folder for writing (" + std::strerror(errno) + ")");
    auto start = std::chrono::steady_clock::now();
    bool said = false;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) return;  // no locks here (some network file systems): go on
        double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (waited > timeout_s) {
            ::close(fd_);
            fail(folder + ": another clusteratlas has been writing here for " + std::to_string(timeout_s) +
                 " s; try again");
        }
        if (!said && waited > 1)
            std::cerr << "waiting for another clusteratlas writing into " << folder << "\n", said = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

FolderLock::~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
}

void recover_interrupted_writes(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(kTempPrefix, 0) == 0) {
            pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + std::strlen(kTempPrefix)));
            if (!process_alive(pid)) fs::remove_all(entry.path(), ec);
        } else if (name.size() > std::strlen(kCommitSuffix) &&
                   name.compare(name.size() - std::strlen(kCommitSuffix), std::string::npos, kCommitSuffix) == 0) {
            resume_unguarded(folder, entry.path().string());
        }
    }
}

std::string recover_before_read(const std::string& path) {
    std::string folder = folder_of(path), name = fs::path(path).filename().string();
    if (!exists(commit_folder(folder, name))) return "";
    try {
        FolderLock lock(folder, 10);
        resume(folder, commit_folder(folder, name), lock.fd());
    } catch (const AtlasError&) {
    }
    if (!exists(commit_folder(folder, name))) return "";
    return path + ": an interrupted export left '" + commit_folder(folder, name) +
           "', which could not be finished here (no write permission?); its files may mix two exports: run an "
           "export into that folder, or remove the commit folder to keep the files as they are";
}

std::vector<std::string> shapefile_set(const std::string& folder, const std::string& target_name) {
    std::string stem = target_name.substr(0, target_name.size() - std::min<std::size_t>(4, target_name.size()));
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) continue;
        std::string ext = ascii_lower(name.substr(stem.size()));
        if (std::find(std::begin(kShapefileParts), std::end(kShapefileParts), ext) != std::end(kShapefileParts))
            out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void commit_file_set(const std::string& temp_folder, const std::string& target, bool force) {
    std::string folder = folder_of(target), name = fs::path(target).filename().string();
    FolderLock lock(folder);
    recover_interrupted_writes(folder);
    Manifest m;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(temp_folder, ec))
        m.fresh.push_back(entry.path().filename().string());
    std::sort(m.fresh.begin(), m.fresh.end());
    m.old = shapefile_set(folder, name);
    for (const std::string& n : m.old) {
        std::string path = folder + "/" + n;
        refuse_input_target(path);  // a Shapefile read as input, whichever of its files was noted
        if (!force) fail(path + ": exists (use --force to replace it)");
        if (fs::is_directory(fs::symlink_status(path, ec))) fail(path + ": is a folder; not replaced");
    }
    write_manifest(temp_folder + "/" + kManifest, m);
    std::string commit = commit_folder(folder, name);
    DeferSignals defer;  // SIGINT/SIGTERM/SIGHUP wait for the commit; SIGKILL is the guardian's business
    Guardian guardian(lock.fd(), [&](int fd) {
        resume(folder, commit, fd);
        fs::remove_all(temp_folder, ec);  // killed before the decision: the new files go
    });
    if (::rename(temp_folder.c_str(), commit.c_str()) != 0)  // the decision
        fail(target + ": cannot commit the new files (" + std::string(std::strerror(errno)) + ")");
    ::mkdir((commit + "/" + kBackups).c_str(), 0700);
    for (const std::string& n : m.old)
        if (!back_up(folder + "/" + n, commit + "/" + kBackups + "/" + n)) {
            int error = errno;
            fs::remove_all(commit, ec);
            fail(folder + "/" + n + ": cannot keep a copy for a rollback (" + std::strerror(error) +
                 "); nothing replaced");
        }
    for (const std::string& n : m.fresh) {
        if (::rename((commit + "/" + n).c_str(), (folder + "/" + n).c_str()) == 0) continue;
        int error = errno;
        std::ofstream(commit + "/" + kRollback).put('1');
        roll_back(folder, commit, m);
        fail(folder + "/" + n + ": cannot put in place (" + std::strerror(error) + "); the old files are back");
    }
    roll_forward(folder, commit, m);
    ::fsync(lock.fd());
    mark_output_in_place();
}

}  // namespace atlas
