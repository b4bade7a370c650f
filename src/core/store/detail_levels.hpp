#pragma once
/// Levels of detail of the map's three polygon layers (provinces, prefectures, regions), prepared
/// once: each layer's borders simplified along shared borders (geo/simplify_coverage.hpp) at every
/// tolerance of the pyramid, and every feature at every level triangulated (geo/triangulate.hpp) so
/// that the renderer fills it in one pass. The renderer only projects and uploads them.

#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

/// Simplification tolerances of the pyramid, metres, finest first: 0 is the source itself; 1500 m is
/// about half a pixel of the national view at 1600 px wide.
inline constexpr double kDetailTolerances[] = {0, 150, 500, 1500};

/// The pyramid level to draw at a scale: the coarsest whose tolerance is at most 0.6 pixel.
double detail_tolerance(double metres_per_pixel);

/// One layer at one level.
struct LayerDetail {
    /// Simplified geometry per feature, lon/lat degrees; empty at tolerance 0 (the source itself).
    std::vector<MultiPolygon> features;
    /// Per feature, triangle vertex indices (triangulate()'s layout); empty where GEOS could not
    /// triangulate it (the renderer then fills it by stencil).
    std::vector<std::vector<std::uint32_t>> triangles;
};

struct DetailLevel {
    double tolerance_m = 0;
    LayerDetail provinces, prefectures, regions;
};

using DetailLevels = std::vector<DetailLevel>;

/// The source geometry of the three layers, each feature in layer order.
struct DetailSources {
    std::vector<const MultiPolygon*> provinces, prefectures, regions;
};

/// Every level of kDetailTolerances: simplification and triangulation, a layer of a level a task on every core.
/// `progress` (may be empty) is told (layers done, layers of all levels) from the calling thread. Rethrows the first
/// AtlasError of a level when GEOS fails outright.
DetailLevels compute_detail_levels(const DetailSources& sources,
                                   const std::function<void(std::size_t, std::size_t)>& progress);

/// The store file of levels beside a shapes store: "<name>.gpkg" becomes "<name>.levels".
std::string levels_path_for(const std::string& shapes_store_path);

/// One level's entry in a levels store's index.
struct LevelEntry {
    double tolerance_m = 0;
    std::uint64_t offset = 0, size = 0;  ///< of its block, bytes
    std::string checksum;
};

/// What read_level_index says of a store made from other inputs: not damage, only not this data's.
inline constexpr const char* kLevelsOfOtherData = "made from other data";

/// Reads the index of an open levels store made for `fingerprint`. Nothing, with `problem` saying why,
/// when it is not usable (not a store, another version, other data, truncated). Never throws.
std::optional<std::vector<LevelEntry>> read_level_index(std::ifstream& in, const std::string& fingerprint,
                                                        std::string& problem);

/// Reads one level's block, checked against its checksum; nothing with `problem` when damaged.
std::optional<DetailLevel> read_level(std::ifstream& in, const LevelEntry& entry, std::string& problem);

/// Writes the store (binary; see the .cpp for the layout) exclusively, checked and renamed into
/// place. Throws AtlasError(Output) naming the path.
void write_detail_levels(const std::string& path, const std::string& fingerprint, const DetailLevels& levels,
                         bool replace);

}  // namespace atlas
