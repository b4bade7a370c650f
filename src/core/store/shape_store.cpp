#include "store/shape_store.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <limits>

#include "analysis/region_shapes.hpp"
#include "io/gdal_env.hpp"
#include "io/geodata_build.hpp"
#include "io/region_reader.hpp"
#include "io/vector_writer.hpp"
#include "io/wkb.hpp"
#include "store/cache_file.hpp"
#include "store/content_hash.hpp"

namespace atlas {

namespace {

constexpr const char* kLayer = "region_shapes";
constexpr const char* kPlaceLayer = "place_shapes";
constexpr const char* kVersionKey = "CLUSTERATLAS_STORE_VERSION";
constexpr const char* kFingerprintKey = "CLUSTERATLAS_FINGERPRINT";
constexpr const char* kChecksumKey = "CLUSTERATLAS_CHECKSUM";
constexpr const char* kAreasChecksumKey = "CLUSTERATLAS_AREAS_CHECKSUM";

/// A hash of the regions' ids and areas, as the geometry-free table holds them.
std::string areas_checksum(const std::map<std::string, double>& areas) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(areas.size()));
    for (const auto& [id, area] : areas) h.add(id).add(area);
    return h.hex();
}

std::map<std::string, double> areas_of(const ShapesById& regions) {
    std::map<std::string, double> out;
    for (const auto& [id, s] : regions) out[id] = s.area_km2;
    return out;
}

/// A hash of everything stored, in id order: what a damaged or truncated file cannot reproduce.
std::string checksum(const PreparedShapes& shapes) {
    ContentHash h;
    for (const ShapesById* table : {&shapes.regions, &shapes.places}) {
        h.add(static_cast<std::uint64_t>(table->size()));
        for (const auto& [id, s] : *table) h.add(id).add(s.area_km2).add(s.label.lon).add(s.label.lat).add(s.geometry);
    }
    return h.hex();
}

std::string metadata(OGRLayer* layer, const char* key) {
    const char* value = layer->GetMetadataItem(key);
    return value == nullptr ? "" : value;
}

/// The bytes of GeoPackage geometry blob's envelope, from its flags byte (GeoPackage 1.3, 2.1.3); -1
/// for a blob this reader does not take (an extended geometry, an unknown envelope code).
int envelope_bytes(unsigned char flags) {
    if (flags & 0x20) return -1;
    static const int sizes[] = {0, 32, 48, 48, 64};
    unsigned code = (flags >> 1) & 7;
    return code < 5 ? sizes[code] : -1;
}

/// The features of the store's layer; nothing (with `problem`) when one cannot be read. The
/// geometry blob is read as bytes past its 8-byte header (SQL substr: GDAL sees no geometry column
/// then), and its WKB parsed once: through OGR, each region was parsed into an OGRGeometry, written
/// back as WKB and parsed again, a fifth of `list regions` (perf, 2026-12-03).
std::optional<ShapesById> read_features(GDALDataset& ds, OGRLayer* layer, std::string& problem) {
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const char* field : {"id", "area_km2", "label_lon", "label_lat"})
        if (defn->GetFieldIndex(field) < 0) return problem = "fields missing", std::nullopt;
    const std::string geom = layer->GetGeometryColumn();
    if (geom.empty() || geom.find('"') != std::string::npos) return problem = "no geometry column", std::nullopt;
    const std::string sql = "SELECT id, area_km2, label_lon, label_lat, substr(\"" + geom +
                            "\", 4, 1) AS flags, substr(\"" + geom + "\", 9) AS body FROM \"" + layer->GetName() + "\"";
    OGRLayer* rows = ds.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (rows == nullptr) return problem = "its table cannot be read", std::nullopt;
    struct Release {
        GDALDataset& ds;
        OGRLayer* rows;
        ~Release() { ds.ReleaseResultSet(rows); }
    } release{ds, rows};
    ShapesById shapes;
    for (auto& f : *rows) {
        int flag_size = 0, size = 0;
        const GByte* flags = f->GetFieldAsBinary(4, &flag_size);
        const GByte* body = f->GetFieldAsBinary(5, &size);
        int envelope = flag_size == 1 ? envelope_bytes(flags[0]) : -1;
        if (body == nullptr || envelope < 0 || size <= envelope)
            return problem = "a feature without geometry", std::nullopt;
        std::optional<MultiPolygon> geometry =
            parse_wkb_polygons(body + envelope, static_cast<std::size_t>(size - envelope));
        if (!geometry) return problem = "a malformed geometry", std::nullopt;
        PreparedShape& s = shapes[f->GetFieldAsString(0)];
        s.geometry = std::move(*geometry);
        s.area_km2 = f->GetFieldAsDouble(1);
        s.label = {f->GetFieldAsDouble(2), f->GetFieldAsDouble(3)};
    }
    return shapes;
}

}  // namespace

std::string shapes_fingerprint(const RegionLayer& provinces, const RegionLayer& prefectures, const Plan& plan,
                               const RegionLayer* counties, const PlaceSet* places) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(kShapeStoreVersion));
    for (const RegionLayer* layer : {&provinces, &prefectures}) {
        h.add(static_cast<std::uint64_t>(layer->regions.size()));
        for (const Region& r : layer->regions) h.add(r.code).add(r.parent_code).add(r.area_km2).add(r.geometry);
    }
    h.add(static_cast<std::uint64_t>(plan.regions.size()));
    for (const PlanRegion& r : plan.regions) {
        h.add(r.id).add(static_cast<std::uint64_t>(r.members.size()));
        for (const Member& m : r.members) {
            h.add(m.code).add(static_cast<std::uint64_t>(m.partial));
            if (!county_scoped(m, counties)) continue;
            // The counties a scope names or implies, as the layer draws them.
            for (const auto* list : {&m.counties->included, &m.counties->partly_included, &m.counties->excluded})
                for (const std::string& code : *list) h.add(code).add(counties->find(code)->geometry);
            for (const Region* c : scoped_counties(m, *counties)) h.add(c->code).add(c->geometry);
        }
    }
    h.add(static_cast<std::uint64_t>(places != nullptr ? places->places.size() : 0));
    if (places != nullptr)
        for (const Place& p : places->places) {
            h.add(p.id).add(static_cast<std::uint64_t>(p.kind)).add(static_cast<std::uint64_t>(p.codes.size()));
            for (const std::string& code : p.codes) {
                h.add(code);
                // A new district is drawn from its counties: their geometry, or that there is none.
                const Region* county =
                    p.kind == PlaceKind::NewDistrict && counties != nullptr ? counties->find(code) : nullptr;
                if (county != nullptr) h.add(county->geometry);
                h.add(static_cast<std::uint64_t>(county != nullptr));
            }
        }
    return h.hex();
}

std::optional<PreparedShapes> read_shape_store(const std::string& path, const std::string& fingerprint,
                                               std::string& problem) {
    problem.clear();
    // A GeoPackage is opened by SQLite, which a FIFO would block; GDAL would read a folder as one.
    CacheFileCheck file = check_cache_file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists) return std::nullopt;
    if (!file.problem.empty()) return problem = file.problem, std::nullopt;
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    OGRLayer* layer = ds ? ds->GetLayerByName(kLayer) : nullptr;
    if (layer == nullptr) return problem = "not a readable store", std::nullopt;
    if (std::string version = metadata(layer, kVersionKey); version != std::to_string(kShapeStoreVersion))
        return problem = (version.empty() ? std::string("no store version") : "store version " + version) + ", not " +
                         std::to_string(kShapeStoreVersion),
               std::nullopt;
    if (metadata(layer, kFingerprintKey) != fingerprint) return problem = kStoreOfOtherData, std::nullopt;
    OGRLayer* place_layer = ds->GetLayerByName(kPlaceLayer);
    if (place_layer == nullptr) return problem = "no " + std::string(kPlaceLayer) + " table", std::nullopt;
    std::optional<ShapesById> regions = read_features(*ds, layer, problem);
    std::optional<ShapesById> places = regions ? read_features(*ds, place_layer, problem) : std::nullopt;
    if (!places) return std::nullopt;
    std::optional<PreparedShapes> shapes = PreparedShapes{std::move(*regions), std::move(*places)};
    if (checksum(*shapes) != metadata(layer, kChecksumKey)) {
        problem = "its content does not match its checksum (damaged or truncated)";
        return std::nullopt;
    }
    return shapes;
}

std::optional<std::map<std::string, double>> read_store_areas(const std::string& path, const std::string& fingerprint) {
    CacheFileCheck file = check_cache_file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists || !file.problem.empty()) return std::nullopt;
    ensure_gdal_registered();
    QuietGdalErrors quiet;
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    OGRLayer* layer = ds ? ds->GetLayerByName(kLayer) : nullptr;
    OGRLayer* table = ds ? ds->GetLayerByName((std::string(kLayer) + kAttributesTableSuffix).c_str()) : nullptr;
    if (layer == nullptr || table == nullptr || metadata(layer, kVersionKey) != std::to_string(kShapeStoreVersion) ||
        metadata(layer, kFingerprintKey) != fingerprint)
        return std::nullopt;
    int id = table->GetLayerDefn()->GetFieldIndex("id"), area = table->GetLayerDefn()->GetFieldIndex("area_km2");
    if (id < 0 || area < 0) return std::nullopt;
    std::map<std::string, double> areas;
    for (auto& f : *table) areas[f->GetFieldAsString(id)] = f->GetFieldAsDouble(area);
    if (areas_checksum(areas) != metadata(layer, kAreasChecksumKey)) return std::nullopt;
    return areas;
}

namespace {

OutLayer shapes_layer(const char* name, const ShapesById& shapes,
                      std::vector<std::pair<std::string, std::string>> meta) {
    OutLayer layer{
        name,
        false,
        {{"id"}, {"area_km2", FieldType::Real}, {"label_lon", FieldType::Real}, {"label_lat", FieldType::Real}},
        {},
        {},
        "id",
        std::move(meta)};
    for (const auto& [id, s] : shapes) {
        OutFeature f;
        f.values = {id, s.area_km2, s.label.lon, s.label.lat};
        f.polygons = s.geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

}  // namespace

void write_shape_store(const std::string& path, const std::string& fingerprint, const PreparedShapes& shapes,
                       bool replace) {
    OutLayer regions = shapes_layer(kLayer, shapes.regions,
                                    {{kVersionKey, std::to_string(kShapeStoreVersion)},
                                     {kFingerprintKey, fingerprint},
                                     {kChecksumKey, checksum(shapes)},
                                     {kAreasChecksumKey, areas_checksum(areas_of(shapes.regions))}});
    write_layers(path, {regions, shapes_layer(kPlaceLayer, shapes.places, {})},
                 WriteOptions{"GPKG", {}, {}, replace, 15, {}, attributes_table_sql(regions), true});
}

std::string prepared_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
        return std::string(xdg) + "/clusteratlas";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
        return std::string(home) + "/.cache/clusteratlas";
    return "";
}

std::string shape_store_name(const std::string& fingerprint) { return "shapes-" + fingerprint + ".gpkg"; }

}  // namespace atlas
