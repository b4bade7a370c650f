#pragma once
/// Reads provinces or prefectures from any OGR vector source: the bundled GeoPackage,
/// a Shapefile, GeoJSON, or a PostGIS connection string ("PG:host=... dbname=...").

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geo/datum.hpp"
#include "model/region.hpp"
#include "store/layer_memo.hpp"

namespace atlas {

/// Layer metadata item set by build-geodata on layers whose every geometry passed GEOS IsValid, with
/// a digest of their content (io/validated_stamp.hpp); the reader then skips its own validity check
/// and reads the stored areas and label points of that layer, unless its content no longer matches.
inline constexpr const char* kValidatedStamp = "CLUSTERATLAS_VALIDATED";

/// The bundled GeoPackage's schema (geodata/SOURCES.md): layer and field names that build-geodata
/// writes and that are the defaults for reading any other source.
namespace bundled_schema {
inline constexpr const char* kProvincesLayer = "provinces";
inline constexpr const char* kPrefecturesLayer = "prefectures";
inline constexpr const char* kCodeField = "code";             ///< GB/T 2260 code, e.g. "320500"
inline constexpr const char* kNameField = "name_zh";          ///< Chinese name
inline constexpr const char* kNameEnField = "name_en";        ///< English name
inline constexpr const char* kParentField = "province_code";  ///< a prefecture's province code
}  // namespace bundled_schema

/// Suffix of a layer's geometry-free twin (`counties_attributes` beside `counties`): a GeoPackage
/// attributes table with the same fields, written by the builds and the prepared store. Source
/// layers are not read from it: their stamp is checked against the layer itself (its geometry
/// included), and a twin edited alone was trusted; the store (shape_store_read) reads its own.
inline constexpr const char* kAttributesTableSuffix = "_attributes";

struct LayerSpec {
    std::string source;                                        ///< file path or OGR connection string
    std::string layer;                                         ///< layer (table) name
    std::string code_field = bundled_schema::kCodeField;       ///< required; unique and non-empty
    std::string name_field = bundled_schema::kNameField;       ///< required
    std::string name_en_field = bundled_schema::kNameEnField;  ///< optional: falls back to the name field
    std::string parent_field = bundled_schema::kParentField;   ///< optional: else the first two digits + "0000"
    Datum datum = Datum::Wgs84;  ///< datum of the lon/lat after any reprojection (--datum)
    std::string where;           ///< OGR attribute filter (SQL WHERE); empty: every feature
    /// Codes, names, parents, areas and label points without the geometry (left empty): what a name
    /// search or a code check needs, at a fraction of the cost. Honoured only for a layer whose areas
    /// and label points can be trusted (stamped by a ClusterAtlas build: kValidatedStamp, in WGS84,
    /// with area_km2, label_lon and label_lat fields, its content matching the stamp); any other
    /// layer is read whole. The geometry is still read once to check the stamp's digest: the cost
    /// saved is the validation and the areas, and the Document keeps the result (units memo).
    bool attributes_only = false;
    /// The user named name_en_field / parent_field (--name-en-field, --province-field): a layer
    /// without it is refused naming it, not read with the fallback (a typo showed Chinese names as
    /// English ones).
    bool name_en_field_named = false, parent_field_named = false;
};

/// Per-feature problems that were repaired or skipped, one line each, naming the feature.
struct ReadReport {
    std::vector<std::string> warnings;
};

/// Where read_regions finds and keeps what an unstamped layer's geometry gives (validity, areas,
/// label points: store/layer_memo.hpp), by a key of the layer's content. Either function may be empty.
struct LayerMemoAccess {
    std::function<std::optional<DerivedUnits>(const std::string& key)> find;
    std::function<void(const std::string& key, const DerivedUnits& units)> keep;
};

/// The layer `spec` names' metadata item `key` (a GeoPackage layer's TERMS or SOURCE, as a
/// ClusterAtlas export writes them); "" when the layer has none, or the source cannot be opened
/// (its reader says why when it reads it).
std::string layer_metadata_item(const LayerSpec& spec, const std::string& key);

/// Loads every administrative unit of `level` in the layer.
///
/// Text: the encoding of the layer's attributes is decided once from their raw bytes (a Shapefile's
/// .cpg or language driver id is a declaration, not the truth: io/layer_text.hpp); a decision other
/// than the declaration is a warning.
/// Units: a feature whose code is not a GB/T 2260 code of the level (unit_code_problem) or that has
/// no name is not a unit (e.g. DataV's "100000_JD" line): skipped, counted in one warning that
/// names the first few.
/// Geometry: reprojected to lon/lat WGS84 when the layer has another CRS, then converted from the
/// spec's datum; every ring checked (finite lon/lat in range, closed, at least 4 positions; an open
/// ring is closed with a warning); invalid ones repaired with GEOS MakeValid (a warning names the
/// feature). Areas are computed on the ellipsoid; label points come from the label_lon/label_lat
/// fields when present, else are computed inside the polygon.
/// Throws AtlasError(Input) with one line naming the source, layer, field or feature when the source
/// cannot be opened or is not a vector dataset (a folder of Shapefiles is one; a FIFO or device is
/// not), the layer or a required field is missing, a read fails part-way (a damaged file), the layer
/// is empty or holds no unit, a code is duplicated, a ring fails its checks, or text decodes in no
/// known encoding. GEOS and GDAL messages only appear inside such a line.
/// Memo: with `memo`, a layer without the stamp gets its validity, areas and label points from an earlier
/// read of the same content when `memo` has them (the warnings of repaired geometries are the same),
/// and gives them to `memo` when it derived them.
RegionLayer read_regions(const LayerSpec& spec, UnitLevel level, ReadReport& report,
                         const LayerMemoAccess* memo = nullptr);

}  // namespace atlas
