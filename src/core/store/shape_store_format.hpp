#pragma once
/// The prepared-data store's table names, metadata keys and checksums (store/shape_store.hpp), shared
/// by its writer (GDAL) and its reader (SQLite, store/shape_store_read.cpp). Internal to store/.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/shape_store.hpp"

namespace atlas::shape_store_format {

inline constexpr const char* kLayer = "region_shapes";
inline constexpr const char* kPlaceLayer = "place_shapes";
inline constexpr const char* kVersionKey = "CLUSTERATLAS_STORE_VERSION";
inline constexpr const char* kFingerprintKey = "CLUSTERATLAS_FINGERPRINT";
inline constexpr const char* kChecksumKey = "CLUSTERATLAS_CHECKSUM";
inline constexpr const char* kAreasChecksumKey = "CLUSTERATLAS_AREAS_CHECKSUM";
inline constexpr const char* kNeighboursKey = "CLUSTERATLAS_REGION_NEIGHBOURS";

/// Neighbour pairs as metadata text, "0-3 0-5 1-2" (plan indices: no character XML escapes).
std::string neighbours_text(const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

/// The pairs of neighbours_text; nothing when the text is not of that form.
std::optional<std::vector<std::pair<std::size_t, std::size_t>>> parse_neighbours(const std::string& text);

/// A hash of the regions' ids and areas, as the geometry-free table holds them (16 hex digits).
std::string areas_checksum(const AreasById& areas);

/// The regions' areas (and filled gaps) by id.
AreasById areas_of(const ShapesById& regions);

/// A hash of one row (id, area, label, geometry): its row_checksum field.
std::string row_checksum(const std::string& id, const PreparedShape& shape);

/// A hash of everything stored, in id order: what a damaged or truncated file cannot reproduce.
std::string checksum(const PreparedShapes& shapes);

}  // namespace atlas::shape_store_format
