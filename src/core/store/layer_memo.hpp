#pragma once
/// What reading an administrative layer derives from each unit's geometry, kept so that a layer read
/// again is not derived again: whether the geometry passed GEOS IsValid, its ellipsoidal area and its
/// label point (the inscribed circle's centre). For a layer no ClusterAtlas build stamped (a user's
/// file or database table: io/region_reader.hpp kValidatedStamp) this is most of a read's cost: 10 s
/// of a 100,000-polygon layer's 11 s on 2 cores.
///
/// Format: a small binary file in the prepared-data cache, "layer-<key>.memo": a magic line, the
/// version, the key, the units (code, valid, area, label) and a checksum of them. The key is a hash
/// of the layer as read (codes, every geometry's bytes, CRS and datum: io/region_reader.cpp), so a
/// changed source gets another file; a damaged or truncated file fails its checks and is rebuilt.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "geo/geometry.hpp"

namespace atlas {

/// Bumped whenever what is kept, or how it is derived, changes.
inline constexpr std::uint32_t kLayerMemoVersion = 2;  // 2: holes kept as holes by repair

/// What one unit's geometry gives.
struct DerivedUnit {
    bool valid = true;    ///< passed GEOS IsValid as read (an invalid one is repaired at every read)
    double area_km2 = 0;  ///< on the WGS84 ellipsoid, of the geometry as repaired
    LonLat label;         ///< inside the geometry, lon/lat WGS84 degrees
};

/// By unit code (GB/T 2260).
using DerivedUnits = std::map<std::string, DerivedUnit>;

/// The units kept at `path` for `key`. Nothing when there is no file (`problem` empty) or it is not
/// usable (`problem` says why: another version, another key, truncated, checksum mismatch). Never throws.
std::optional<DerivedUnits> read_layer_memo(const std::string& path, const std::string& key, std::string& problem);

/// Writes the memo exclusively, checked and renamed into place, replacing one there when `replace`.
/// Throws AtlasError(Output) naming the path.
void write_layer_memo(const std::string& path, const std::string& key, const DerivedUnits& units, bool replace);

/// File name of the memo for a key: "layer-<key>.memo".
std::string layer_memo_name(const std::string& key);

}  // namespace atlas
