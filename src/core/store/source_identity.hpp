#pragma once
/// The identity of a document's input files as the file system gives it, so that a process can find
/// what was derived from their content (the prepared-data store's fingerprint: store/shape_store.hpp)
/// without reading them: `list regions` would otherwise read every coordinate of both boundary layers
/// to hash them, half of its time.
///
/// An identity covers, for each file (links followed): its canonical path, device, inode, size, and
/// modification and status-change times in nanoseconds; the same of its side files (every file of
/// its folder whose name starts with the file's stem and a dot: a Shapefile's .dbf, .shx, .prj and
/// .cpg, a GeoPackage's -wal and -journal); every file under a folder; and the same of both
/// programs (io/program_files.hpp), so that another build derives again. Any write to a source changes its times, so a
/// changed source is never served an old fingerprint; a copy or a touched file only costs one
/// derivation.
///
/// Format of the memo: store/memo_file.hpp framing, "identity-<key>.memo" in the prepared-data cache,
/// the body the content fingerprint (16 hex digits).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

/// Bumped whenever what an identity covers changes.
inline constexpr std::uint32_t kIdentityMemoVersion = 1;

/// What an identity is made of: files (with their side files), folders (every file under them) and
/// any text that changes how they are read (layer names, field names, options).
struct IdentitySources {
    std::vector<std::string> files;
    std::vector<std::string> folders;  ///< a folder that does not exist counts as such
    std::string options;
};

/// A key (16 hex digits) for the sources as they are now; nothing when any file is not a local
/// regular file (a PG: connection, a /vsi path, a missing file): those are identified by content
/// only. Never throws.
std::optional<std::string> source_identity(const IdentitySources& sources);

/// The fingerprint kept at `path` for identity `key`. Nothing when there is no file (`problem` empty)
/// or it is not usable (`problem` says why). Never throws.
std::optional<std::string> read_identity_memo(const std::string& path, const std::string& key, std::string& problem);

/// Keeps `fingerprint` for `key`: exclusive, checked and renamed into place, replacing one there when
/// `replace`. Throws AtlasError(Output) naming the path.
void write_identity_memo(const std::string& path, const std::string& key, const std::string& fingerprint, bool replace);

/// File name of the memo for a key: "identity-<key>.memo".
std::string identity_memo_name(const std::string& key);

/// Where a document finds and keeps fingerprints by identity (either function may be empty).
struct IdentityMemoAccess {
    std::function<std::optional<std::string>(const std::string& key)> find;
    std::function<void(const std::string& key, const std::string& fingerprint)> keep;
};

}  // namespace atlas
