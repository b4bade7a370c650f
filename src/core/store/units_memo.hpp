#pragma once
/// A layer's units as an attributes-only read gave them (io/region_reader.hpp LayerSpec::
/// attributes_only: codes, names, parents, kinds, areas, label and seat points, no geometry), with
/// the warnings that read gave, kept in the prepared-data cache by the identity of the source file
/// (store/source_identity.hpp: path, inode, size, times, both programs). What lets `list`, `show`,
/// `coverage` and `info` answer without opening the layer with GDAL, whose loading alone is more
/// than their 50 ms (io/program_files.hpp).
///
/// Format: store/memo_file.hpp framing, "units-<key>.memo": the layer's source, name, flags, stored
/// extent and original CRS, its units field by field, and the read's warnings. Kept only for a read
/// that left every geometry empty; a changed file has another identity, so another memo.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/region.hpp"

namespace atlas {

/// Bumped whenever what is kept, or how a layer is read, changes.
inline constexpr std::uint32_t kUnitsMemoVersion =
    4;  // 2: a unit without area refused; 3: stamp digest; 4: geometry_source

/// An attributes-only read as kept.
struct KeptUnits {
    RegionLayer layer;                  ///< every geometry empty
    std::vector<std::string> warnings;  ///< what the read said (io/region_reader.hpp ReadReport)
};

/// The units kept at `path` for `key`. Nothing when there is no file (`problem` empty) or it is not
/// usable (`problem` says why). Never throws.
std::optional<KeptUnits> read_units_memo(const std::string& path, const std::string& key, std::string& problem);

/// Keeps `units` (exclusive, checked, renamed into place), replacing a file there when `replace`.
/// Throws AtlasError(Output) naming the path.
void write_units_memo(const std::string& path, const std::string& key, const KeptUnits& units, bool replace);

/// File name of the memo for a key: "units-<key>.memo".
std::string units_memo_name(const std::string& key);

/// What `info` says of a layer: how many units, their total area (km², summed in layer order as
/// read) and the read's warnings, kept beside the units memo of the same key so that it is answered
/// without reading 2,880 county records ("unitsum-<key>.memo", the same framing and checks).
struct UnitsSummary {
    std::string source, layer;
    std::uint32_t count = 0;
    double area_km2 = 0;
    std::vector<std::string> warnings;
};

/// The summary of kept units (count, total area, warnings).
UnitsSummary summary_of(const KeptUnits& units);

/// The summary kept at `path` for `key`; nothing when there is none (`problem` empty) or it is not
/// usable (`problem` says why). Never throws.
std::optional<UnitsSummary> read_units_summary(const std::string& path, const std::string& key, std::string& problem);

/// Keeps a summary (exclusive, checked, renamed into place). Throws AtlasError(Output) naming the path.
void write_units_summary(const std::string& path, const std::string& key, const UnitsSummary& summary, bool replace);

/// File name of the summary for a key: "unitsum-<key>.memo".
std::string units_summary_name(const std::string& key);

}  // namespace atlas
