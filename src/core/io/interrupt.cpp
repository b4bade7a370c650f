#include "io/interrupt.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>

namespace atlas {

namespace {

constexpr int kSlots = 16;
constexpr std::size_t kPathMax = 4096;

/// A slot is free (0), being filled (1) or active (2); only active slots are read by the handler.
struct Slot {
    std::atomic<int> state{0};
    char path[kPathMax];
};
Slot g_slots[kSlots];

struct LinuxDirent64 {
    ino64_t d_ino;
    off64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];  // the name runs on to d_reclen
};

/// Removes the entries of a folder, one level of subfolders deep, then the folder: getdents64,
/// unlinkat and rmdir are system calls, safe in a signal handler. True when the folder went.
bool remove_folder(const char* path, int depth) {
    int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    alignas(8) char buffer[4096];
    // Passes over the folder until one removes nothing ("." and ".." always remain).
    for (bool removed = true; removed;) {
        removed = false;
        ::lseek(fd, 0, SEEK_SET);
        long n;
        while ((n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer)) > 0) {
            for (long offset = 0; offset < n;) {
                auto* entry = reinterpret_cast<LinuxDirent64*>(buffer + offset);
                offset += entry->d_reclen;
                const char* name = entry->d_name;
                if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
                if (::unlinkat(fd, name, 0) == 0) {
                    removed = true;
                    continue;
                }
                if (depth == 0) continue;
                char child[kPathMax];
                std::size_t a = std::strlen(path), b = std::strlen(name);
                if (a + b + 2 > sizeof child) continue;
                std::memcpy(child, path, a);
                child[a] = '/';
                std::memcpy(child + a + 1, name, b + 1);
                removed = remove_folder(child, depth - 1) || removed;
            }
        }
    }
    ::close(fd);
    return ::rmdir(path) == 0;
}

void write_stderr(const char* text) {
    std::size_t n = std::strlen(text);
    while (n > 0) {
        ssize_t w = ::write(STDERR_FILENO, text, n);
        if (w <= 0) return;
        text += w, n -= static_cast<std::size_t>(w);
    }
}

std::atomic<bool> g_writer{false};    // the whole process is a write (export): always report
std::atomic<bool> g_in_place{false};  // the output was put in place: a signal must not deny it

const char* signal_name(int signal) { return signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP"; }

extern "C" void on_signal(int signal) {
    bool writing = g_writer.load();
    for (Slot& slot : g_slots)
        if (slot.state.load() == 2) remove_folder(slot.path, 1), writing = true;
    if (writing && g_in_place.load()) {
        write_stderr("clusteratlas: interrupted (");
        write_stderr(signal_name(signal));
        write_stderr(") after the output was put in place\n");
    }
    if (!writing || g_in_place.load()) {  // nothing being written, or all of it written: end as the signal would
        ::signal(signal, SIG_DFL);
        ::raise(signal);
        return;
    }
    write_stderr(signal == SIGINT ? "clusteratlas: interrupted (SIGINT); nothing written, targets left as they were\n"
                 : signal == SIGTERM
                     ? "clusteratlas: terminated (SIGTERM); nothing written, targets left as they were\n"
                     : "clusteratlas: hung up (SIGHUP); nothing written, targets left as they were\n");
    ::_exit(4);
}

}  // namespace

DeferSignals::DeferSignals() {
    sigset_t block;
    sigemptyset(&block);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, s);
    ::sigprocmask(SIG_BLOCK, &block, &saved_);
}

namespace {
int g_groups = 0;           // CommitGroups alive (one thread puts files in place)
bool g_group_held = false;  // a commit in a group left the signals blocked
sigset_t g_group_mask;      // the mask to restore when the last group ends
}  // namespace

DeferSignals::~DeferSignals() {
    if (g_groups > 0) {  // held until the group's other files are in place too
        if (!g_group_held) g_group_mask = saved_, g_group_held = true;
        return;
    }
    ::sigprocmask(SIG_SETMASK, &saved_, nullptr);
}

CommitGroup::CommitGroup() { ++g_groups; }

CommitGroup::~CommitGroup() {
    if (--g_groups > 0 || !g_group_held) return;
    g_group_held = false;
    ::sigprocmask(SIG_SETMASK, &g_group_mask, nullptr);
}

void mark_output_in_place() { g_in_place.store(true); }

void install_interrupt_cleanup() {
    install_handlers();
    g_writer.store(true);
}

void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, s);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);
        std::signal(SIGPIPE, SIG_IGN);
    });
}

CleanupOnSignal::CleanupOnSignal(const std::string& folder) {
    install_handlers();
    if (folder.size() >= kPathMax) return;
    for (int i = 0; i < kSlots; ++i) {
        // The path is written before the slot turns active, so the handler never reads half of it.
        int expected = 0;
        if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
        std::memcpy(g_slots[i].path, folder.c_str(), folder.size() + 1);
        g_slots[i].state.store(2);
        slot_ = i;
        return;
    }
}

CleanupOnSignal::~CleanupOnSignal() { release(); }

void CleanupOnSignal::release() {
    if (slot_ >= 0) g_slots[slot_].state.store(0);
    slot_ = -1;
}

}  // namespace atlas
