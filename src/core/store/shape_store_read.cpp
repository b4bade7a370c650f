// Reading the prepared-data store (store/shape_store.hpp) with SQLite itself: a GeoPackage is an
// SQLite database, and the commands that only read it (`list`, `show`, `compare`) then need no GDAL,
// whose loading alone costs more than the 50 ms they are allowed (io/program_files.hpp). The layer
// metadata GDAL wrote is read from the GeoPackage's metadata tables (GDAL's XML, keys of hex digits).
#include <sqlite3.h>

#include <limits>
#include <memory>
#include <sstream>

#include "io/region_reader.hpp"
#include "io/wkb.hpp"
#include "store/cache_file.hpp"
#include "store/content_hash.hpp"
#include "store/shape_store_format.hpp"

namespace atlas {

namespace shape_store_format {

std::string areas_checksum(const AreasById& areas) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(areas.size()));
    for (const auto& [id, area] : areas) h.add(id).add(area.area_km2).add(area.gaps_km2);
    return h.hex();
}

AreasById areas_of(const ShapesById& regions) {
    AreasById out;
    for (const auto& [id, s] : regions) out[id] = {s.area_km2, s.gaps_km2};
    return out;
}

std::string row_checksum(const std::string& id, const PreparedShape& s) {
    ContentHash h;
    h.add(id).add(s.area_km2).add(s.gaps_km2).add(s.label.lon).add(s.label.lat).add(s.geometry);
    return h.hex();
}

std::string checksum(const PreparedShapes& shapes) {
    ContentHash h;
    for (const ShapesById* table : {&shapes.regions, &shapes.places}) {
        h.add(static_cast<std::uint64_t>(table->size()));
        for (const auto& [id, s] : *table)
            h.add(id).add(s.area_km2).add(s.gaps_km2).add(s.label.lon).add(s.label.lat).add(s.geometry);
    }
    h.add(neighbours_text(shapes.neighbours));
    return h.hex();
}

std::string neighbours_text(const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
    std::string text;
    for (const auto& [i, j] : pairs) text += (text.empty() ? "" : " ") + std::to_string(i) + "-" + std::to_string(j);
    return text;
}

std::optional<std::vector<std::pair<std::size_t, std::size_t>>> parse_neighbours(const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::istringstream in(text);
    for (std::string pair; in >> pair;) {
        std::size_t dash = pair.find('-');
        auto digits = [](const std::string& t) {
            return !t.empty() && t.size() < 10 && t.find_first_not_of("0123456789") == std::string::npos;
        };
        std::string a = dash == std::string::npos ? "" : pair.substr(0, dash), b = pair.substr(dash + 1);
        if (!digits(a) || !digits(b)) return std::nullopt;
        pairs.emplace_back(std::stoul(a), std::stoul(b));
    }
    return pairs;
}

}  // namespace shape_store_format

namespace {

using namespace shape_store_format;

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

/// The store opened read-only, or null. Never creates a file.
Db open_store(const std::string& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    Db db(raw);
    return rc == SQLITE_OK ? std::move(db) : nullptr;
}

Statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return nullptr;
    return Statement(st);
}

std::string column_text(sqlite3_stmt* st, int column) {
    const unsigned char* text = sqlite3_column_text(st, column);
    return text == nullptr ? "" : reinterpret_cast<const char*>(text);
}

/// The first value of a one-column query with one text parameter; nothing when it has no row.
std::optional<std::string> scalar(sqlite3* db, const char* sql, const std::string& param) {
    Statement st = prepare(db, sql);
    if (!st) return std::nullopt;
    sqlite3_bind_text(st.get(), 1, param.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st.get()) != SQLITE_ROW) return std::nullopt;
    return column_text(st.get(), 0);
}

bool has_table(sqlite3* db, const std::string& table) {
    return scalar(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name = ?", table).has_value();
}

/// A layer metadata item as GDAL's GeoPackage driver keeps it: `<MDI key="KEY">value</MDI>` in the
/// gpkg_metadata document that gpkg_metadata_reference ties to the table. Empty when absent.
std::string metadata(sqlite3* db, const std::string& table, const std::string& key) {
    std::optional<std::string> xml =
        scalar(db,
               "SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r ON r.md_file_id = m.id "
               "WHERE r.reference_scope = 'table' AND lower(r.table_name) = lower(?) AND "
               "m.md_standard_uri = 'http://gdal.org' AND m.mime_type = 'text/xml'",
               table);
    if (!xml) return "";
    std::string open = "<MDI key=\"" + key + "\">";
    std::size_t start = xml->find(open);
    if (start == std::string::npos) return "";
    start += open.size();
    std::size_t end = xml->find("</MDI>", start);
    return end == std::string::npos ? "" : xml->substr(start, end - start);
}

/// The bytes of GeoPackage geometry blob's envelope, from its flags byte (GeoPackage 1.3, 2.1.3); -1
/// for a blob this reader does not take (an extended geometry, an unknown envelope code).
int envelope_bytes(unsigned char flags) {
    if (flags & 0x20) return -1;
    static const int sizes[] = {0, 32, 48, 48, 64};
    unsigned code = (flags >> 1) & 7;
    return code < 5 ? sizes[code] : -1;
}

/// The polygons of a GeoPackage geometry blob in `column`: its WKB past the header parsed once
/// (io/wkb.hpp). Nothing for a missing blob (`has_geometry` set false) or a malformed one.
std::optional<MultiPolygon> geometry_of(sqlite3_stmt* st, int column, bool* has_geometry = nullptr) {
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(st, column));
    int size = sqlite3_column_bytes(st, column);
    int envelope = blob != nullptr && size > 8 ? envelope_bytes(blob[3]) : -1;
    if (envelope < 0 || size <= 8 + envelope) {
        if (has_geometry != nullptr) *has_geometry = false;
        return std::nullopt;
    }
    return parse_wkb_polygons(blob + 8 + envelope, static_cast<std::size_t>(size - 8 - envelope));
}

bool has_fields(sqlite3* db, const std::string& table, std::initializer_list<const char*> fields) {
    Statement st = prepare(db, "SELECT name FROM pragma_table_info(?)");
    if (!st) return false;
    sqlite3_bind_text(st.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
    std::map<std::string, bool> found;
    while (sqlite3_step(st.get()) == SQLITE_ROW) found[column_text(st.get(), 0)] = true;
    for (const char* f : fields)
        if (!found.count(f)) return false;
    return true;
}

/// A table name as an SQL identifier; empty for one this reader does not quote.
std::string quoted(const std::string& name) {
    return name.empty() || name.find('"') != std::string::npos ? "" : "\"" + name + "\"";
}

/// The features of one of the store's tables; nothing (with `problem`) when one cannot be read. The
/// WKB past each blob's GeoPackage header is parsed once (io/wkb.hpp).
std::optional<ShapesById> read_features(sqlite3* db, const std::string& table, std::string& problem) {
    if (!has_fields(db, table, {"id", "area_km2", "gaps_km2", "label_lon", "label_lat"}))
        return problem = "fields missing", std::nullopt;
    std::string geom =
        quoted(scalar(db, "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)", table)
                   .value_or(""));
    if (geom.empty()) return problem = "no geometry column", std::nullopt;
    Statement st =
        prepare(db, "SELECT id, area_km2, label_lon, label_lat, gaps_km2, " + geom + " FROM " + quoted(table));
    if (!st) return problem = "its table cannot be read", std::nullopt;
    ShapesById shapes;
    int rc = 0;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
        bool has_geometry = true;
        std::optional<MultiPolygon> geometry = geometry_of(st.get(), 5, &has_geometry);
        if (!has_geometry) return problem = "a feature without geometry", std::nullopt;
        if (!geometry) return problem = "a malformed geometry", std::nullopt;
        PreparedShape& s = shapes[column_text(st.get(), 0)];
        s.geometry = std::move(*geometry);
        s.area_km2 = sqlite3_column_double(st.get(), 1);
        s.label = {sqlite3_column_double(st.get(), 2), sqlite3_column_double(st.get(), 3)};
        s.gaps_km2 = sqlite3_column_double(st.get(), 4);
    }
    if (rc != SQLITE_DONE) return problem = "its table cannot be read", std::nullopt;
    return shapes;
}

/// Why the store's metadata does not fit `fingerprint`; empty when it does.
std::string version_problem(sqlite3* db, const std::string& fingerprint) {
    std::string version = metadata(db, kLayer, kVersionKey);
    if (version != std::to_string(kShapeStoreVersion))
        return (version.empty() ? std::string("no store version") : "store version " + version) + ", not " +
               std::to_string(kShapeStoreVersion);
    if (metadata(db, kLayer, kFingerprintKey) != fingerprint) return kStoreOfOtherData;
    return "";
}

}  // namespace

namespace {

/// The geometry-free areas table (what `list regions` reads alone) when it is there, whole and
/// matches its own checksum; nothing otherwise.
std::optional<AreasById> areas_table(sqlite3* db) {
    std::string table = std::string(kLayer) + kAttributesTableSuffix;
    if (!has_table(db, table) || !has_fields(db, table, {"id", "area_km2", "gaps_km2"})) return std::nullopt;
    Statement st = prepare(db, "SELECT id, area_km2, gaps_km2 FROM " + quoted(table));
    if (!st) return std::nullopt;
    AreasById areas;
    int rc = 0;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW)
        areas[column_text(st.get(), 0)] = {sqlite3_column_double(st.get(), 1), sqlite3_column_double(st.get(), 2)};
    if (rc != SQLITE_DONE || areas_checksum(areas) != metadata(db, kLayer, kAreasChecksumKey)) return std::nullopt;
    return areas;
}

}  // namespace

std::optional<PreparedShapes> read_shape_store(const std::string& path, const std::string& fingerprint,
                                               std::string& problem) {
    problem.clear();
    // A GeoPackage is opened by SQLite, which a FIFO would block; a folder is no store.
    CacheFileCheck file = check_cache_file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists) return std::nullopt;
    if (!file.problem.empty()) return problem = file.problem, std::nullopt;
    Db db = open_store(path);
    if (!db || !has_table(db.get(), kLayer) || !has_table(db.get(), "gpkg_contents"))
        return problem = "not a readable store", std::nullopt;
    if (problem = version_problem(db.get(), fingerprint); !problem.empty()) return std::nullopt;
    if (!has_table(db.get(), kPlaceLayer)) return problem = "no " + std::string(kPlaceLayer) + " table", std::nullopt;
    std::optional<ShapesById> regions = read_features(db.get(), kLayer, problem);
    std::optional<ShapesById> places = regions ? read_features(db.get(), kPlaceLayer, problem) : std::nullopt;
    if (!places) return std::nullopt;
    std::optional<std::vector<std::pair<std::size_t, std::size_t>>> neighbours =
        parse_neighbours(metadata(db.get(), kLayer, kNeighboursKey));
    if (!neighbours) return problem = "its region neighbours are not readable (damaged)", std::nullopt;
    std::optional<PreparedShapes> shapes =
        PreparedShapes{std::move(*regions), std::move(*places), std::move(*neighbours)};
    if (checksum(*shapes) != metadata(db.get(), kLayer, kChecksumKey)) {
        problem = "its content does not match its checksum (damaged or truncated)";
        return std::nullopt;
    }
    // The areas table is read alone by the commands that print areas: one that says other areas than
    // the shapes (edited, or damaged) makes the store damaged, rebuilt, not half trusted.
    if (std::optional<AreasById> areas = areas_table(db.get()); !areas || *areas != areas_of(shapes->regions)) {
        problem = "its areas table does not match its shapes (damaged or edited)";
        return std::nullopt;
    }
    return shapes;
}

std::optional<PreparedShape> read_store_region(const std::string& path, const std::string& fingerprint,
                                               const std::string& id) {
    CacheFileCheck file = check_cache_file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists || !file.problem.empty()) return std::nullopt;
    Db db = open_store(path);
    if (!db || !has_table(db.get(), kLayer) || !has_table(db.get(), "gpkg_metadata") ||
        !version_problem(db.get(), fingerprint).empty() ||
        !has_fields(db.get(), kLayer, {"id", "area_km2", "gaps_km2", "label_lon", "label_lat", "row_checksum"}))
        return std::nullopt;
    std::string geom = quoted(
        scalar(db.get(), "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)", kLayer)
            .value_or(""));
    Statement st = geom.empty() ? nullptr
                                : prepare(db.get(), "SELECT area_km2, label_lon, label_lat, row_checksum, gaps_km2, " +
                                                        geom + " FROM " + quoted(kLayer) + " WHERE id = ?");
    if (!st) return std::nullopt;
    sqlite3_bind_text(st.get(), 1, id.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st.get()) != SQLITE_ROW) return std::nullopt;
    std::optional<MultiPolygon> geometry = geometry_of(st.get(), 5);
    if (!geometry) return std::nullopt;
    PreparedShape s;
    s.geometry = std::move(*geometry);
    s.area_km2 = sqlite3_column_double(st.get(), 0);
    s.label = {sqlite3_column_double(st.get(), 1), sqlite3_column_double(st.get(), 2)};
    s.gaps_km2 = sqlite3_column_double(st.get(), 4);
    // One row, and only one: a second row of the id would be a store no writer made.
    if (row_checksum(id, s) != column_text(st.get(), 3) || sqlite3_step(st.get()) != SQLITE_DONE) return std::nullopt;
    return s;
}

std::optional<AreasById> read_store_areas(const std::string& path, const std::string& fingerprint) {
    CacheFileCheck file = check_cache_file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists || !file.problem.empty()) return std::nullopt;
    Db db = open_store(path);
    if (!db || !has_table(db.get(), kLayer) || !has_table(db.get(), "gpkg_metadata") ||
        !version_problem(db.get(), fingerprint).empty())
        return std::nullopt;
    return areas_table(db.get());
}

}  // namespace atlas
