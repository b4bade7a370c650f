#pragma once
/// Ending a writing process cleanly on a signal: SIGINT, SIGTERM and SIGHUP remove every temporary
/// folder still registered, say so on stderr and end the process with exit code 4 (output not
/// written), whatever the process was doing (a GDAL driver deep in a close included). The handler
/// uses only async-signal-safe system calls on names prepared at registration.
/// SIGPIPE is ignored process-wide: a write to a closed pipe then fails with EPIPE and is reported
/// like any other write error (exit 4), after the same cleanup through destructors.

#include <csignal>
#include <string>

namespace atlas {

/// Marks the whole process as a write (the export command): a signal then always reports
/// "interrupted ... nothing written" and exits 4, even with no temporary folder registered (a
/// PostGIS transaction dies with its connection). Installs the handlers and ignores SIGPIPE.
void install_interrupt_cleanup();

/// Installs the handlers only (once): a signal while a CleanupOnSignal is alive cleans up and exits 4;
/// at any other time it ends the process as it would have without them.
void install_handlers();

/// While alive, SIGINT, SIGTERM and SIGHUP wait (blocked): putting files in place is never cut in
/// half by the handler. A signal that came meanwhile acts when this ends.
class DeferSignals {
  public:
    DeferSignals();
    ~DeferSignals();
    DeferSignals(const DeferSignals&) = delete;
    DeferSignals& operator=(const DeferSignals&) = delete;

  private:
    sigset_t saved_;  // the mask before
};

/// Files put in place one after the other that belong together (a figure and its session, a store
/// and its levels): while a group is alive, a signal that comes after its first file is in place
/// waits until the group ends, when all are (SIGTERM between the figure's rename and the session's
/// left the figure without its session). Signals before the first commit act at once.
class CommitGroup {
  public:
    CommitGroup();
    ~CommitGroup();
    CommitGroup(const CommitGroup&) = delete;
    CommitGroup& operator=(const CommitGroup&) = delete;
};

/// This process's output is in place: a signal from now on says so ("interrupted after the output
/// was put in place") and ends the process by the signal (exit status 128 + signal), never claiming
/// that nothing was written.
void mark_output_in_place();

/// While alive, `folder` (flat: files only, or folders of files) is removed if a signal ends the
/// process. At most 16 at a time; paths up to 4,095 bytes.
class CleanupOnSignal {
  public:
    explicit CleanupOnSignal(const std::string& folder);
    ~CleanupOnSignal();
    CleanupOnSignal(const CleanupOnSignal&) = delete;
    CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;
    /// Stops watching (the folder was renamed or removed by its owner).
    void release();

  private:
    int slot_ = -1;
};

}  // namespace atlas
