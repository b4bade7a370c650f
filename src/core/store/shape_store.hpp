#pragma once
/// The prepared-data store of region and place shapes: each region's union of members (the expensive
/// part of a RegionShape: GEOS unions of hundreds of prefectures) and each of the plan's places' union
/// of its units (a new district's counties, a pilot zone's provinces), with its label anchor (the
/// inscribed circle's centre, another costly GEOS step) and its ellipsoidal area, computed once and
/// read back by every later process.
///
/// Format: a GeoPackage with two tables of the same fields, `region_shapes` and `place_shapes` (id,
/// area_km2, gaps_km2, label_lon, label_lat, row_checksum, geometry MultiPolygon in lon/lat WGS84 degrees; the
/// row checksum covers that row, so that one region can be read alone); the first's layer
/// metadata carries the format version, the fingerprint of the inputs and a checksum of both tables;
/// `region_shapes_attributes` repeats the regions' fields without geometry, with a checksum of its
/// own, for commands that print areas and draw nothing (`list regions`). A GeoPackage
/// because it is one file, written by GDAL (already the project's I/O) and read back with SQLite alone
/// (store/shape_store_read.cpp: the front program has no GDAL, io/program_files.hpp), opened by QGIS
/// or ogrinfo to inspect, and exact: doubles round-trip bit for bit, so a read store gives the same
/// bytes as a fresh computation.
///
/// Where: the bundled data ships one (DATADIR/clusteratlas/prepared-shapes.gpkg, made at build time by
/// `clusteratlas prepare`); any other source gets one on first use in $XDG_CACHE_HOME/clusteratlas/
/// (default ~/.cache/clusteratlas/), named by the fingerprint. A store is used only when its version,
/// fingerprint and checksum all match; anything else is rebuilt, never trusted.

#include <map>
#include <optional>
#include <string>

#include "analysis/region_shapes.hpp"
#include "model/place.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

/// Bumped whenever what is stored, or how it is computed, changes.
inline constexpr int kShapeStoreVersion = 7;

/// By id.
using ShapesById = std::map<std::string, PreparedShape>;

/// A region's areas as the store's geometry-free table holds them (km², WGS84 ellipsoid).
struct StoredArea {
    double area_km2 = 0;  ///< of the union (PreparedShape::area_km2)
    double gaps_km2 = 0;  ///< of it, the gaps between members the union filled (PreparedShape::gaps_km2)
    bool operator==(const StoredArea& o) const { return area_km2 == o.area_km2 && gaps_km2 == o.gaps_km2; }
    bool operator!=(const StoredArea& o) const { return !(*this == o); }
};

/// By plan region id.
using AreasById = std::map<std::string, StoredArea>;

/// What a store holds.
struct PreparedShapes {
    ShapesById regions;  ///< by plan region id: every region of the plan
    ShapesById places;   ///< by place id (model/place.hpp); a place with nothing to draw is absent
    /// Pairs (i < j) of plan region indices whose units touch or are shared (Document::region_neighbours):
    /// kept, as finding them reads every prefecture-level unit's coordinates.
    std::vector<std::pair<std::size_t, std::size_t>> neighbours;
};

/// The key of the inputs the shapes are computed from: the store version, both layers as read (codes,
/// parents, areas, every coordinate), the plan's regions (ids, members, partial flags) and the places
/// (ids, kinds, codes). 16 hex digits. With a county layer, the counties the plan's scoped members
/// name or imply and those the new districts name count too, with their geometry.
std::string shapes_fingerprint(const RegionLayer& provinces, const RegionLayer& prefectures, const Plan& plan,
                               const RegionLayer* counties = nullptr, const PlaceSet* places = nullptr);

/// What read_shape_store says of a store made from other inputs: not damage, only not this data's.
inline constexpr const char* kStoreOfOtherData = "made from other data";

/// Reads the store at `path` when it holds shapes for `fingerprint`. Otherwise nothing, with `problem`
/// empty when there is no file, else saying why it is not used (unreadable, truncated, another
/// version, kStoreOfOtherData, checksum mismatch). Never throws for a bad store.
std::optional<PreparedShapes> read_shape_store(const std::string& path, const std::string& fingerprint,
                                               std::string& problem);

/// The regions' areas (km², by plan region id, with the gaps their unions filled) from the geometry-free table of the
/// store at `path` when it holds shapes for `fingerprint` and that table matches its checksum; nothing otherwise (no
/// file, another version or data, damage: read_shape_store then says why). Never throws.
std::optional<AreasById> read_store_areas(const std::string& path, const std::string& fingerprint);

/// One region's shape (by plan region id) from the store at `path` when it holds shapes for
/// `fingerprint` and that region's row matches its own checksum; nothing otherwise (read_shape_store
/// then says why). What `compare` and `show` need without parsing every region and place. Never throws.
std::optional<PreparedShape> read_store_region(const std::string& path, const std::string& fingerprint,
                                               const std::string& id);

/// Writes the store at `path` (exclusively, checked and renamed into place: io/output_file.hpp),
/// replacing one there when `replace`. Throws AtlasError(Output) naming the path when it cannot.
void write_shape_store(const std::string& path, const std::string& fingerprint, const PreparedShapes& shapes,
                       bool replace);

/// $XDG_CACHE_HOME/clusteratlas (or $HOME/.cache/clusteratlas); empty when neither is set.
std::string prepared_cache_dir();

/// File name of the store for a fingerprint: "shapes-<fingerprint>.gpkg".
std::string shape_store_name(const std::string& fingerprint);

/// Name of the store shipped beside the bundled data.
inline constexpr const char* kBundledShapeStore = "prepared-shapes.gpkg";

}  // namespace atlas
