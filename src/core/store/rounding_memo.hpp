#pragma once
/// What an export's coordinate change (--precision rounding, GeoJSON's default 6 decimals, or
/// --simplify) did to each polygon of a layer, kept so that the same layer exported again is not
/// checked again. After rounding, every polygon is checked with GEOS IsValid and a broken one is
/// snap-rounded (io/export.cpp): for the 19 regions that is a fifth of an export's time, the same
/// answer at every run.
///
/// Format: a memo file of the prepared-data cache (store/memo_file.hpp), "rounding-<key>.memo": per
/// feature, in the layer's order, whether it was repaired and, if so, its repaired geometry (lon/lat
/// WGS84 degrees, on the grid). The key is a hash of every feature's geometry before the change, the
/// precision, whether it was simplified and the GEOS version, so other data or options get another
/// file; a damaged or truncated file fails its checks and the layer is checked again.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

/// Bumped whenever what is kept, or how it is derived, changes.
inline constexpr std::uint32_t kRoundingMemoVersion = 1;

/// What the coordinate change did to one feature.
struct RoundedFeature {
    bool repaired = false;  ///< invalid once changed: snap-rounded (or, simplified alone, made valid)
    MultiPolygon geometry;  ///< when repaired, the repaired polygon; else empty: the changed input stands
};

using RoundedFeatures = std::vector<RoundedFeature>;

/// The key of a layer's features before the change; `precision` < 0 for none. 16 hex digits.
std::string rounding_memo_key(const std::vector<const MultiPolygon*>& features, int precision, bool simplified);

/// The features kept at `path` for `key`. Nothing when there is no file (`problem` empty) or it is
/// not usable (`problem` says why). Never throws.
std::optional<RoundedFeatures> read_rounding_memo(const std::string& path, const std::string& key,
                                                  std::string& problem);

/// Writes the memo exclusively, checked and renamed into place, replacing one there when `replace`.
/// Throws AtlasError(Output) naming the path.
void write_rounding_memo(const std::string& path, const std::string& key, const RoundedFeatures& features,
                         bool replace);

/// File name of the memo for a key: "rounding-<key>.memo".
std::string rounding_memo_name(const std::string& key);

/// Where an export finds and keeps its layers' rounding memos, by key. Either function may be empty.
struct RoundingMemoAccess {
    std::function<std::optional<RoundedFeatures>(const std::string& key)> find;
    std::function<void(const std::string& key, const RoundedFeatures& features)> keep;
};

}  // namespace atlas
