#pragma once
/// Putting written files in place, and finishing what an interrupted writer left.
///
/// Every writer into a folder takes an exclusive lock on it (flock on the folder) for the moment it
/// puts files in place, so concurrent writers take turns and the last one's output is whole.
///
/// A set of files (a Shapefile's .shp .shx .dbf .prj .cpg) cannot be swapped by one rename. The
/// commit of a set is therefore journaled:
///  1. under the lock, the temporary folder holding the new files, with a manifest naming them and
///     the target's old files (stale side files such as .qix .sbn .sbx .shp.xml included), is renamed
///     to ".NAME.clusteratlas-commit" beside the target: from this one atomic rename on, the new set
///     is decided;
///  2. the old files are hard-linked (or copied) into it, for a rollback;
///  3. the new files are renamed over the old ones; old files the new set lacks are removed;
///  4. the commit folder is removed.
/// A rename that fails in 3 rolls back: the old files are renamed back; the writer reports the error.
/// A writer killed during 2-3 is finished by its guardian, a child forked before the first rename
/// that waits for the writer to end and then rolls the commit forward (with a guardian of its own).
/// Whatever is left (the machine went down) is rolled forward by the next write into the folder,
/// and before a Shapefile is read. Between such a crash and that next run, the set may be mixed.

#include <string>
#include <vector>

namespace atlas {

/// Exclusive lock on a folder (flock), held while alive. Waits for another writer, saying so on
/// stderr after a second; gives up with AtlasError(Output) after `timeout_s`.
class FolderLock {
  public:
    explicit FolderLock(const std::string& folder, int timeout_s = 120);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_ = -1;
};

/// Under the lock: removes temporary folders of writers that died (".clusteratlas-tmp-<pid>-*" whose
/// process is gone) and rolls forward every leftover commit folder. Never throws.
void recover_interrupted_writes(const std::string& folder);

/// Best effort before reading `path`: when a commit folder for it is left beside it, takes the lock
/// and rolls it forward. Returns a warning when one is left that could not be finished; else empty.
std::string recover_before_read(const std::string& path);

/// The side files of a Shapefile target that belong to its set ("a.shp" -> a.shx, a.dbf, a.prj,
/// a.cpg, a.qix, a.sbn, a.sbx, a.shp.xml, ...): the names present in `folder`, the target included.
std::vector<std::string> shapefile_set(const std::string& folder, const std::string& target_name);

/// Commits every file of `temp_folder` as the new set of the Shapefile `target` (see above),
/// replacing its old set (shapefile_set, read under the lock). Without `force`, an existing file of
/// either set is refused ("exists"). The temporary folder is consumed (renamed) once the commit is
/// decided. Throws AtlasError(Output) naming the file that could not be put in place; the old set is
/// then back in place.
void commit_file_set(const std::string& temp_folder, const std::string& target, bool force);

}  // namespace atlas
