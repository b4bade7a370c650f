#pragma once
/// Reading an input file the user (or a file the user opened) named, with its kind and size checked
/// before a byte is read: a folder, FIFO, device or socket is refused with one line instead of a
/// hang or an endless read, and a file over the limit for its kind is refused instead of exhausting
/// memory.

#include <cstdint>
#include <string>

namespace atlas {

/// Limits per kind of input, in bytes.
inline constexpr std::uint64_t kMaxTableBytes = 512ull << 20;  ///< a CSV table
inline constexpr std::uint64_t kMaxSessionBytes = 4ull << 20;  ///< a session file
inline constexpr std::uint64_t kMaxPlanBytes = 64ull << 20;    ///< a plan file

/// The whole content of the regular file at `path`. `what` names the kind in messages ("CSV table",
/// "session"). Throws AtlasError(Input) with one line naming the path: no such file, permission
/// denied, a folder ("is a folder, not a CSV table"), a FIFO, device or socket ("is not a regular
/// file"), larger than `max_bytes` ("is 50.4 MB; a session is at most 4 MB"), or a read error.
/// Never blocks on a FIFO (it is opened non-blocking and refused).
std::string read_input_file(const std::string& path, const std::string& what, std::uint64_t max_bytes);

/// Checks a vector data source given as a path before GDAL opens it: a regular file or a folder
/// (a folder of Shapefiles is a valid source) is accepted; a missing path, a FIFO, device or socket
/// throws AtlasError(Input) naming it. Connection strings (PG:) are not paths and are not checked.
void check_input_source(const std::string& path);

/// A folder source's Shapefile `layer` (its name without .shp, any case; every .shp of the folder
/// when `layer` is empty) that lacks its .dbf or .shx is refused naming the part (AtlasError Input):
/// GDAL leaves such a file out of the folder's layers, so the reader said "no layer 'pref' (layers:
/// prov)" or "0 layers". Returns the first such .shp whose parts are all there ("" when none is):
/// GDAL left it out for another reason (a truncated .shx), for the caller to ask GDAL why.
std::string check_folder_shapefiles(const std::string& folder, const std::string& layer);

/// Remembers a file this process reads as input, by device and inode, so that no output replaces it
/// (io/output_file.hpp refuses one, even with --force): `points a.csv -o a.csv --force` destroyed
/// its own input. read_input_file and check_input_source note theirs. Never throws; not a file: nothing.
/// `what` is its kind, as read_input_file names it ("session file").
void note_input_file(const std::string& path, const std::string& what = "");

/// Forgets `path` as an input when it was read as `what`: a session saved over the session it was
/// loaded from updates it on purpose (over a table it read, it would not).
void forget_input_file(const std::string& path, const std::string& what);

/// The input, as it was named, that `path` is (links followed); empty when it is none. Never throws.
std::string input_at(const std::string& path);

/// "50.4 MB", "812 kB", "17 bytes".
std::string human_size(std::uint64_t bytes);

}  // namespace atlas
