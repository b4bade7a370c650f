#pragma once
/// Writing outputs so that nothing is lost or exposed: a target is checked before a long
/// computation, written into a private temporary folder beside it, checked to the end (write,
/// flush, fsync, close) and only then put in place by rename, so that a reader sees the old file or
/// the whole new one. Sets of files (a Shapefile) are put in place by io/file_commit.hpp.
///
/// Temporary folders are created exclusively (mkdtemp, mode 0700, named
/// ".clusteratlas-tmp-<pid>-XXXXXX" beside the target): a name planted in advance, or a symlink, is
/// never followed. They are removed on every error, on SIGINT/SIGTERM/SIGHUP (io/interrupt.hpp) and,
/// after a SIGKILL, by the next write into the same folder (the PID in the name is dead).

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "io/interrupt.hpp"

namespace atlas {

/// Throws AtlasError(Output) naming `path` when it exists (a symlink, even a dangling one, counts:
/// lstat) and `force` is false, when it is a folder, when its folder is missing or not a folder, or
/// when the folder cannot be written (permissions, read-only file system). `what` names the kind
/// of output ("PNG", "GeoJSON") in messages. A FIFO, device or socket at `path` is refused even
/// with `force` (renaming over /dev/null made it a plain file), unless `cache`: a cache file of
/// ClusterAtlas's own, where whatever is at its path is set aside and replaced, never read.
/// An input of this process (io/input_file.hpp note_input_file) is refused too, whatever `force`.
void check_target(const std::string& path, bool force, const std::string& what, bool cache = false);

/// Throws AtlasError(Output) when `path` is a folder, before its name is judged: "d: is a folder; the
/// PNG cannot replace it (name a file in it: d/map.png)", `example` being the file name suggested.
/// `render -o d` said only that 'd' is no figure format.
void refuse_folder(const std::string& path, const std::string& what, const std::string& example);

/// Throws AtlasError(Usage) naming `path` when it is an input this process read (input_at): no
/// output ever replaces one. Part of check_target and commit_file.
void refuse_input_target(const std::string& path);

/// Throws AtlasError(Usage) as refuse_input_target does when `output` is the file `input` names,
/// before the input is read: `render --points f.csv --save-session f.csv --force` drew and wrote
/// the figure, then refused the session. Empty paths pass.
void refuse_named_input(const std::string& output, const std::string& input);

/// Throws AtlasError(Usage) when two outputs of one command name the same file (the same path once
/// made absolute and normal, or one file reached by two names): "--save-session 'a.png' is the
/// file -o writes: name another". `render -o b.png --save-session b.png --force` replaced the
/// figure with its session. Options are named as typed ("-o", "--state-file"); empty paths pass.
void refuse_same_output(const std::string& first_option, const std::string& first, const std::string& second_option,
                        const std::string& second);

/// Throws AtlasError(Usage) when an output that can only be a file is "-" (standard output):
/// "--save-session '-': a session is kept in a file, not written to standard output: name a .json
/// file" (it made a file named "-").
void refuse_stdout_target(const std::string& option, const std::string& path, const std::string& what,
                          const std::string& example);

/// `path`, or where it exists the first free "NAME-2.EXT", "NAME-3.EXT" ... beside it (up to 9999):
/// the viewer's F12 and Shift+F12 replaced a clusteratlas-figure.png the user had kept, without a word.
std::string free_file_name(const std::string& path);

/// The reason an operating-system call failed, for messages: strerror(errno).
std::string system_reason(int error);

/// A private temporary folder beside `target` (see above); removed with its content on destruction
/// unless released().
class TempFolder {
  public:
    explicit TempFolder(const std::string& target);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::string& path() const { return path_; }
    /// A file inside the folder.
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    /// The folder was renamed or removed by its owner: nothing left to remove.
    void released();

  private:
    std::string path_;
    std::optional<CleanupOnSignal> cleanup_;
};

/// A new file, created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW), written through a stream whose every
/// write is checked; finish() flushes, fsyncs and closes, and throws AtlasError(Output)
/// "SHOWN: cannot write (No space left on device)" on any failure on the way.
class CheckedFile {
  public:
    CheckedFile(const std::string& path, const std::string& shown_as);
    ~CheckedFile();
    std::ostream& stream();
    void finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Routes std::cout through a buffer whose every write to file descriptor 1 is checked, so that a
/// full disk, a closed stdout or a consumer gone (EPIPE; SIGPIPE is ignored by the CLI) is known with
/// its reason. Call once at start.
void install_checked_stdout();

/// Flushes std::cout and returns the errno of its first failed write (0 when every write succeeded).
int stdout_error();

/// Writes `bytes` to a new file with CheckedFile.
void write_new_file(const std::string& path, std::string_view bytes, const std::string& shown_as);

/// fsyncs a file a library wrote (GDAL), so that a full disk shows now rather than after the rename;
/// throws AtlasError(Output) naming `shown_as` with the system's reason.
void sync_written_file(const std::string& path, const std::string& shown_as);

/// Puts one written file in place of `target` by rename under the folder's lock (file_commit.hpp);
/// without `force` the rename refuses an existing target (RENAME_NOREPLACE), so two writers racing
/// for a new name cannot overwrite each other. Throws AtlasError(Output) naming the target. Marks the
/// process's output as in place (io/interrupt.hpp) unless `cache`: a cache file ClusterAtlas keeps
/// for itself is not what the user asked for (a SIGTERM after the units' memo was kept said "after the
/// output was put in place" while nothing the user named was written).
void commit_file(const std::string& written, const std::string& target, bool force, const std::string& what,
                 bool cache = false);

/// check_target, then `write` into a file of a fresh TempFolder (the argument is its path), then
/// commit_file. `write` throws AtlasError on failure; any failure leaves the target untouched.
void write_atomically(const std::string& path, bool force, const std::string& what,
                      const std::function<void(const std::string& temp_file)>& write, bool cache = false);

}  // namespace atlas
