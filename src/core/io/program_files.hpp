#pragma once
/// Where ClusterAtlas's two programs are. `clusteratlas` (BINDIR) is the front a user runs: it
/// answers the everyday queries (info, list, show, compare, coverage) from what earlier runs kept in
/// the prepared-data cache, without loading GDAL (a third of a second's linking on 2 cores: bench/
/// NOTES.md), and hands every other command line to `clusteratlas-full`, which links everything.
/// Installed, the full program lives in LIBEXECDIR/clusteratlas; in a build folder, beside the front.
/// Paths are derived from /proc/self/exe with relative paths CMake computed: nothing absolute is
/// compiled in. Never throws.

#include <string>
#include <vector>

namespace atlas {

/// The folder the front program lies in (BINDIR once installed, the build folder otherwise), from
/// either program: what data and message catalogues are found relative to.
std::string program_dir();

/// The full program's path: beside the front in a build folder, else LIBEXECDIR/clusteratlas.
/// Empty when neither exists.
std::string full_program_path();

/// Both programs' paths that exist, sorted: what a source identity covers, so that
/// whatever either program derived is trusted by the other only while neither was rebuilt.
std::vector<std::string> program_files();

}  // namespace atlas
