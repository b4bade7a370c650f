// clusteratlas, the front program (io/program_files.hpp): answers the everyday queries (info, list,
// show, compare, coverage) from what earlier runs kept in the prepared-data cache, linking neither
// GDAL nor libpq, and hands every other command line, and any query it cannot answer alone, to
// clusteratlas-full, which runs it from the start as if it had been called. Both are linked from the
// same objects; the front's GDAL and libpq functions throw NeedsFullProgram (io/absent_gdal.cpp).
//
// Handing over must leave no trace: what the front prints is held (stdout and stderr redirected to
// memory files) until it has answered, and dropped when it hands over. Errors are handed over too,
// so that every message comes from one program. CLUSTERATLAS_FULL=1 hands everything over;
// CLUSTERATLAS_FRONT_ONLY=1 fails (exit 70) where it would hand over: what tests and benchmarks use to
// know which program answered.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_values.hpp"
#include "cli/table.hpp"
#include "error.hpp"
#include "io/output_file.hpp"
#include "io/program_files.hpp"

namespace {

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' && std::strcmp(value, "0") != 0;
}

[[noreturn]] void hand_over(char** argv, const std::string& why) {
    if (env_set("CLUSTERATLAS_FRONT_ONLY")) {
        std::cerr << "clusteratlas: the front program does not answer this alone (" << why << ")\n";
        std::exit(70);
    }
    std::string full = atlas::full_program_path();
    if (!full.empty()) execv(full.c_str(), argv);
    std::cerr << "clusteratlas: cannot run clusteratlas-full"
              << (full.empty() ? std::string(" (not found beside the program)")
                               : " (" + std::string(std::strerror(errno)) + ")")
              << '\n';
    std::exit(1);
}

/// A command line for the front: one of the query subcommands, none of the others, no help; or
/// --version alone.
bool is_query(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) return true;
    static const char* const kQueries[] = {"info", "list", "show", "compare", "coverage"};
    static const char* const kOthers[] = {"render",  "view",          "export",         "points",
                                          "prepare", "build-geodata", "build-counties", "--help",
                                          "-h",      "--help-all",    "--version"};
    bool query = false;
    for (int i = 1; i < argc; ++i) {
        for (const char* other : kOthers)
            if (std::strcmp(argv[i], other) == 0) return false;
        for (const char* q : kQueries) query = query || std::strcmp(argv[i], q) == 0;
    }
    return query;
}

/// stdout and stderr held in memory files until the front has answered.
class HeldOutput {
  public:
    /// False when stdout or stderr is closed (the full program reports that) or cannot be held.
    bool hold() {
        for (const Held& h : held_)
            if (fcntl(h.fd, F_GETFD) < 0) return false;  // else a memory file would take its number
        for (Held& h : held_) {
            h.memory = memfd_create(h.fd == 1 ? "stdout" : "stderr", MFD_CLOEXEC);
            h.saved = dup(h.fd);
            if (h.memory < 0 || h.saved < 0 || dup2(h.memory, h.fd) < 0) return false;
        }
        return true;
    }
    /// The terminal's, pipe's or file's descriptors back, what was held dropped.
    void drop() {
        std::fflush(nullptr);
        for (Held& h : held_) h.restore();
    }
    /// Writes what was held, stderr first (warnings precede the data they concern); the errno of a
    /// failed write to stdout, 0 when all went out.
    int release() {
        std::fflush(nullptr);
        int stdout_errno = 0;
        for (Held* h : {&held_[1], &held_[0]}) {
            int error = h->memory >= 0 && h->saved >= 0 ? copy(h->memory, h->saved) : 0;
            if (h->fd == 1) stdout_errno = error;
            h->restore();
        }
        return stdout_errno;
    }

  private:
    struct Held {
        int fd;
        int memory = -1, saved = -1;
        void restore() {
            if (saved >= 0) dup2(saved, fd), close(saved);
            if (memory >= 0) close(memory);
            memory = saved = -1;
        }
    };
    static int copy(int from, int to) {
        char buffer[1 << 16];
        if (lseek(from, 0, SEEK_SET) < 0) return errno;
        for (;;) {
            ssize_t n = read(from, buffer, sizeof buffer);
            if (n < 0) return errno;
            if (n == 0) return 0;
            for (ssize_t done = 0; done < n;) {
                ssize_t w = write(to, buffer + done, static_cast<std::size_t>(n - done));
                if (w < 0 && errno == EINTR) continue;
                if (w < 0) return errno;
                done += w;
            }
        }
    }
    Held held_[2] = {{1}, {2}};
};

/// Runs a query; the reason to hand over when the front cannot answer alone or the command fails.
std::optional<std::string> serve(int argc, char** argv) {
    CLI::App app{"ClusterAtlas", "clusteratlas"};
    app.set_version_flag("--version", std::string("clusteratlas ") + ATLAS_VERSION);  // as main.cpp's
    app.require_subcommand(argc == 2 && std::strcmp(argv[1], "--version") == 0 ? 0 : 1, 1);
    atlas::cli::Context ctx;
    ctx.add_data_options(app);
    atlas::cli::register_queries(app, ctx);
    ctx.add_global_options_to_subcommands(app);
    atlas::cli::refuse_empty_values(app);
    try {
        app.parse(argc, argv);
        ctx.print_pending_warnings();
        return std::nullopt;
    } catch (const atlas::NeedsFullProgram& needs) {
        return std::string(needs.what);
    } catch (const CLI::CallForVersion& version) {
        app.exit(version);
        return std::nullopt;
    } catch (const CLI::Error&) {
        return std::string("the command line is not a query's");
    } catch (const atlas::AtlasError&) {
        return std::string("an error, which the full program reports");
    } catch (const std::exception&) {
        return std::string("an internal error");
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (env_set("CLUSTERATLAS_FULL") || !is_query(argc, argv)) hand_over(argv, "not a query");
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);  // as the full program: a write over ulimit -f fails with EFBIG
    HeldOutput output;
    atlas::cli::set_stdout_terminal(isatty(STDOUT_FILENO) == 1);  // asked before it is held
    if (!output.hold()) {
        output.drop();
        hand_over(argv, "stdout or stderr is closed or cannot be held");
    }
    atlas::install_checked_stdout();
    std::optional<std::string> reason = serve(argc, argv);
    if (atlas::stdout_error() != 0) reason = "stdout could not be held";
    if (reason) {
        output.drop();
        hand_over(argv, *reason);
    }
    if (int error = output.release(); error != 0) {
        std::cerr << "clusteratlas: stdout: cannot write (" << std::strerror(error) << ")\n";
        return 4;
    }
    return 0;
}
