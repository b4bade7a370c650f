#include "io/point_postgis.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "error.hpp"
#include "geo/datum.hpp"
#include "geo/gcj02.hpp"
#include "io/pg_connection.hpp"
#include "io/point_batcher.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

/// One libpq session: temporary tables live as long as it does.
class Session {
  public:
    Session(const PgConnection& c, const std::string& table)
        : c_(c), where_(c.describe() + ", table " + quote_value(table, 60)) {
        std::vector<const char*> keys, values;
        for (const auto& [k, v] : c.options) {
            keys.push_back(k.c_str());
            values.push_back(v.c_str());
        }
        if (!c.options.count("connect_timeout")) keys.push_back("connect_timeout"), values.push_back("10");
        keys.push_back(nullptr);
        values.push_back(nullptr);
        conn_ = PQconnectdbParams(keys.data(), values.data(), 0);
        if (PQstatus(conn_) != CONNECTION_OK) fail_input(c.describe() + ": cannot connect (" + reason() + ")");
        // The server's NOTICE and WARNING lines were printed by libpq as they came ("WARNING:  ..."),
        // unprefixed, with tabs and line breaks: kept here, said as the reader's notes.
        PQsetNoticeProcessor(conn_, &Session::keep_notice, this);
    }
    ~Session() { PQfinish(conn_); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Result exec(const std::string& sql) {
        Result r(PQexec(conn_, sql.c_str()), &PQclear);
        ExecStatusType s = PQresultStatus(r.get());
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) fail_input(where_ + ": " + reason());
        return r;
    }
    /// COPY ... FROM STDIN with the rows' text.
    void copy_in(const std::string& sql, const std::string& rows) {
        Result r(PQexec(conn_, sql.c_str()), &PQclear);
        if (PQresultStatus(r.get()) != PGRES_COPY_IN) fail_input(where_ + ": " + reason());
        if (PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1)
            fail_input(where_ + ": " + reason());
        Result done(PQgetResult(conn_), &PQclear);
        if (PQresultStatus(done.get()) != PGRES_COMMAND_OK) fail_input(where_ + ": " + reason());
    }
    std::string quote_identifier(const std::string& name) {
        char* q = PQescapeIdentifier(conn_, name.c_str(), name.size());
        if (q == nullptr) fail_input(where_ + ": bad name " + quote_value(name, 60));
        std::string out = q;
        PQfreemem(q);
        return out;
    }
    std::string quote_literal(const std::string& text) {
        char* q = PQescapeLiteral(conn_, text.c_str(), text.size());
        std::string out = q ? q : "''";
        PQfreemem(q);
        return out;
    }
    const std::string& where() const { return where_; }
    /// The server's notices so far, "WHERE: the server says: WARNING: ...", one line each.
    const std::vector<std::string>& notices() const { return notices_; }

  private:
    static void keep_notice(void* self, const char* message) {
        auto& s = *static_cast<Session*>(self);
        std::string line = s.where_ + ": the server says: " + s.one_line(message);
        // A function that warns for each row would say it for each row, in each query.
        if (s.notices_.size() < 10 && std::find(s.notices_.begin(), s.notices_.end(), line) == s.notices_.end())
            s.notices_.push_back(std::move(line));
    }
    /// libpq's message on one line: its line breaks and the tab that indents a hint ("\n\tIs the
    /// server running...") become one space each run, not an escaped "\t".
    std::string one_line(const std::string& message) const {
        std::string why;
        for (char ch : message) {
            bool space = ch == '\n' || ch == '\t' || ch == '\r' || ch == ' ';
            if (!space)
                why += ch;
            else if (!why.empty() && why.back() != ' ')
                why += ' ';
        }
        while (!why.empty() && why.back() == ' ') why.pop_back();
        return why.empty() ? "no reason given" : escape_controls(c_.scrub(why)).substr(0, 300);
    }
    std::string reason() const { return one_line(PQerrorMessage(conn_)); }
    const PgConnection& c_;
    std::string where_;
    PGconn* conn_ = nullptr;
    std::vector<std::string> notices_;
};

/// Hex EWKB (little-endian) of a MultiPolygon, its vertices moved into the points' datum.
std::string hex_ewkb(const MultiPolygon& mp, Datum datum) {
    std::string bytes;
    auto u32 = [&](std::uint32_t v) { bytes.append(reinterpret_cast<const char*>(&v), 4); };
    auto f64 = [&](double v) { bytes.append(reinterpret_cast<const char*>(&v), 8); };
    auto ring = [&](const Ring& r) {
        u32(static_cast<std::uint32_t>(r.size()));
        for (const LonLat& p : r) {
            LonLat q = datum == Datum::Wgs84   ? p
                       : datum == Datum::Gcj02 ? wgs84_to_gcj02(p)
                                               : gcj02_to_bd09(wgs84_to_gcj02(p));
            f64(q.lon);
            f64(q.lat);
        }
    };
    bytes.push_back(1);
    u32(6 | 0x20000000);  // MultiPolygon with an SRID
    u32(4326);
    u32(static_cast<std::uint32_t>(mp.size()));
    for (const Polygon& p : mp) {
        bytes.push_back(1);
        u32(3);
        u32(static_cast<std::uint32_t>(1 + p.holes.size()));
        ring(p.outer);
        for (const Ring& h : p.holes) ring(h);
    }
    static const char* digits = "0123456789ABCDEF";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) hex += {digits[b >> 4], digits[b & 15]};
    return hex;
}

/// Ships a layer's units as (idx, geometry) rows of a temporary table, indexed.
void ship_units(Session& s, const std::string& name, const RegionLayer& layer, Datum datum, int srid,
                const std::vector<char>* needs_county) {
    s.exec("CREATE TEMP TABLE " + name + " (idx integer, county boolean, geom geometry)");
    std::string rows;
    for (std::size_t i = 0; i < layer.regions.size(); ++i)
        rows += std::to_string(i) + '\t' + (needs_county && (*needs_county)[i] ? "t" : "f") + '\t' +
                hex_ewkb(layer.regions[i].geometry, datum) + '\n';
    s.copy_in("COPY " + name + " FROM STDIN", rows);
    // A column without an SRID (0) holds lon/lat as given: the units take its SRID, not a transform.
    if (srid <= 0)
        s.exec("UPDATE " + name + " SET geom = ST_SetSRID(geom, 0)");
    else if (srid != 4326)
        s.exec("UPDATE " + name + " SET geom = ST_Transform(geom, " + std::to_string(srid) + ")");
    s.exec("CREATE INDEX ON " + name + " USING gist (geom)");
    s.exec("ANALYZE " + name);
}

std::pair<std::string, std::string> split_table(const std::string& table) {
    std::size_t dot = table.find('.');
    if (dot == std::string::npos) return {"", table};
    return {table.substr(0, dot), table.substr(dot + 1)};
}

/// Whether the SRID's coordinates are longitude and latitude (0, no SRID, is read as such).
bool is_lonlat(Session& s, int srid) {
    if (srid <= 0 || srid == 4326) return true;
    Result r =
        s.exec("SELECT proj4text LIKE '%+proj=longlat%' FROM spatial_ref_sys WHERE srid = " + std::to_string(srid));
    return PQntuples(r.get()) == 1 && std::strcmp(PQgetvalue(r.get(), 0, 0), "t") == 0;
}

/// The geometry column and its SRID (0: none), from PostGIS's catalogue.
std::pair<std::string, int> geometry_of(Session& s, const PostgisPoints& src) {
    auto [schema, table] = split_table(src.table);
    std::string sql =
        "SELECT f_geometry_column, srid, type FROM geometry_columns WHERE f_table_name = " + s.quote_literal(table) +
        (schema.empty() ? " AND f_table_schema = ANY (current_schemas(false))"
                        : " AND f_table_schema = " + s.quote_literal(schema)) +
        (src.geometry.empty() ? "" : " AND f_geometry_column = " + s.quote_literal(src.geometry));
    Result r = s.exec(sql);
    if (PQntuples(r.get()) == 0)
        fail_input(s.where() + ": no such table with a geometry column" +
                   (src.geometry.empty() ? "" : " " + quote_value(src.geometry, 40)) + " (geometry_columns)");
    if (PQntuples(r.get()) > 1) fail_input(s.where() + ": several geometry columns; name one with --geometry-column");
    std::string type = PQgetvalue(r.get(), 0, 2);
    if (type != "POINT" && type != "MULTIPOINT" && type != "GEOMETRY")
        fail_input(s.where() + ": column " + quote_value(PQgetvalue(r.get(), 0, 0), 40) + " holds " + type +
                   ", not points");
    return {PQgetvalue(r.get(), 0, 0), std::atoi(PQgetvalue(r.get(), 0, 1))};
}

std::string table_sql(Session& s, const std::string& table) {
    auto [schema, name] = split_table(table);
    return schema.empty() ? s.quote_identifier(name) : s.quote_identifier(schema) + "." + s.quote_identifier(name);
}

/// The table as a regclass literal, for the catalogue queries.
std::string regclass(Session& s, const std::string& quoted_table) {
    return s.quote_literal(quoted_table) + "::regclass";
}

/// The table's columns and their types as PostgreSQL writes them ("integer", "text", "geometry").
std::map<std::string, std::string> columns_of(Session& s, const std::string& quoted_table) {
    Result r = s.exec("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = " +
                      regclass(s, quoted_table) + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
    std::map<std::string, std::string> out;
    for (int i = 0; i < PQntuples(r.get()); ++i) out.emplace(PQgetvalue(r.get(), i, 0), PQgetvalue(r.get(), i, 1));
    return out;
}

/// A --value or --category column the table lacks, or a --value column of text, is named before any
/// counting (the server said "function sum(text) does not exist" over a quoted statement).
void check_columns(Session& s, const PostgisPoints& src, const std::string& quoted_table) {
    std::map<std::string, std::string> columns = columns_of(s, quoted_table);
    auto must_have = [&](const std::string& name, const char* option) {
        if (name.empty() || columns.count(name) > 0) return;
        std::string names;
        for (const auto& [column, type] : columns) names += (names.empty() ? "" : ", ") + column;
        fail_input(s.where() + ": " + option + " names no column of it: " + quote_value(name, 40) +
                   " (columns: " + escape_controls(names) + ")");
    };
    must_have(src.options.value_column, "--value");
    must_have(src.options.category_column, "--category");
    if (src.options.value_column.empty()) return;
    const std::string& type = columns[src.options.value_column];
    bool numeric = type == "smallint" || type == "integer" || type == "bigint" || type == "real" ||
                   type == "double precision" || type.rfind("numeric", 0) == 0;
    if (!numeric)
        fail_input(s.where() + ": --value column " + quote_value(src.options.value_column, 40) + " holds " +
                   escape_controls(type) + ", not numbers");
}

/// Whether the relation keeps its rows (a table, partitioned or not, or a materialized view): what
/// has a ctid and can be sampled by TABLESAMPLE. A view or foreign table has neither.
bool stored(Session& s, const std::string& quoted_table) {
    Result kind =
        s.exec("SELECT relkind IN ('r', 'm', 'p', 't') FROM pg_class WHERE oid = " + regclass(s, quoted_table));
    return PQntuples(kind.get()) == 1 && std::string(PQgetvalue(kind.get(), 0, 0)) == "t";
}

/// How a row is named in a message: by the table's one-column primary key ("id=5"), else by its
/// physical place ("ctid=(0,5)"), or for a view or foreign table (which have no ctid: the check
/// failed on "column p.ctid does not exist") by its number as read ("#5"). SQL giving the name as text.
std::string row_name_sql(Session& s, const std::string& quoted_table) {
    Result r = s.exec(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
        "a.attnum = ANY (i.indkey) WHERE i.indrelid = " +
        regclass(s, quoted_table) + " AND i.indisprimary");
    if (PQntuples(r.get()) != 1)
        return stored(s, quoted_table) ? "'ctid=' || p.ctid::text" : "'#' || row_number() OVER ()";
    std::string key = PQgetvalue(r.get(), 0, 0);
    return s.quote_literal(key + "=") + " || p." + s.quote_identifier(key) + "::text";
}

/// Refuses a table with a point that would be dropped or counted outside every unit without a word
/// (the file reader refuses the same): no geometry (NULL or EMPTY), another type, coordinates not
/// finite or, in lon/lat, off the globe. One line, each kind with one row named and its count.
/// Gives whether any row holds a MultiPoint (its points are counted one by one).
bool check_geometries(Session& s, const std::string& quoted_table, const std::string& g, bool lonlat) {
    std::string lon = lonlat ? "180" : "1e300", lat = lonlat ? "90" : "1e300";
    std::string sql =
        "SELECT DISTINCT ON (problem) problem, name, left(ST_AsText(g), 60), count(*) OVER (PARTITION BY problem)\n"
        "FROM (SELECT " +
        row_name_sql(s, quoted_table) + " AS name, p." + g + " AS g, CASE WHEN p." + g +
        " IS NULL THEN 'no geometry' WHEN ST_IsEmpty(p." + g + ") THEN 'an empty geometry' WHEN GeometryType(p." + g +
        ") NOT IN ('POINT', 'MULTIPOINT') THEN 'a ' || GeometryType(p." + g +
        ") || ', not a point' WHEN NOT (ST_XMin(p." + g + ") >= -" + lon + " AND ST_XMax(p." + g + ") <= " + lon +
        " AND ST_YMin(p." + g + ") >= -" + lat + " AND ST_YMax(p." + g + ") <= " + lat + ") THEN '" +
        (lonlat ? "coordinates off the globe (longitude -180..180, latitude -90..90)" : "coordinates not finite") +
        "' WHEN GeometryType(p." + g + ") = 'MULTIPOINT' THEN 'multi' END AS problem FROM " + quoted_table +
        " p) k\nWHERE problem IS NOT NULL ORDER BY problem, name";
    Result r = s.exec(sql);
    bool multi = false;
    std::string problems;
    for (int i = 0; i < PQntuples(r.get()); ++i) {
        std::string problem = PQgetvalue(r.get(), i, 0), text = PQgetvalue(r.get(), i, 2);
        if (problem == "multi") {
            multi = true;
            continue;
        }
        long long more = std::atoll(PQgetvalue(r.get(), i, 3)) - 1;
        problems +=
            (problems.empty() ? "" : "; ") + std::string("row ") + escape_controls(PQgetvalue(r.get(), i, 1)) + ": " +
            (text.empty() || problem.find("geometry") != std::string::npos ? "" : text + ": ") + problem +
            (more > 0 ? " (and " + std::to_string(more) + (more == 1 ? " more row" : " more rows") + " like it)" : "");
    }
    if (!problems.empty()) fail_input(s.where() + ": " + problems);
    return multi;
}

/// Refuses a row whose MultiPoint of several points carries a value, as the file reader does: its
/// points are counted one by one, and its value would be summed once a point.
void refuse_multi_point_values(Session& s, const std::string& quoted_table, const std::string& g,
                               const std::string& value_column) {
    std::string v = s.quote_identifier(value_column);
    Result r = s.exec("SELECT " + row_name_sql(s, quoted_table) + ", ST_NumGeometries(p." + g +
                      "), count(*) OVER () FROM " + quoted_table + " p WHERE GeometryType(p." + g +
                      ") = 'MULTIPOINT' AND ST_NumGeometries(p." + g + ") > 1 AND p." + v + " IS NOT NULL LIMIT 1");
    if (PQntuples(r.get()) == 0) return;
    std::string points = PQgetvalue(r.get(), 0, 1);
    long long more = std::atoll(PQgetvalue(r.get(), 0, 2)) - 1;
    fail_input(
        s.where() + ": row " + escape_controls(PQgetvalue(r.get(), 0, 0)) + ": a MultiPoint of " + points +
        " points with a value in " + quote_value(value_column, 40) + ": it would be summed " + points +
        " times, once a point; split it into points (ST_Dump) and give each its share" +
        (more > 0 ? " (and " + std::to_string(more) + (more == 1 ? " more row" : " more rows") + " like it)" : ""));
}

/// The rows whose MultiPoints hold several points, for the note that each point is counted.
points_detail::MultiPointTally multi_point_tally(Session& s, const std::string& quoted_table, const std::string& g) {
    Result r =
        s.exec("SELECT " + row_name_sql(s, quoted_table) + " AS name, count(*) OVER (), sum(ST_NumGeometries(p." + g +
               ")) OVER () FROM " + quoted_table + " p WHERE GeometryType(p." + g +
               ") = 'MULTIPOINT' AND ST_NumGeometries(p." + g + ") > 1 ORDER BY name LIMIT 1");
    points_detail::MultiPointTally tally;
    if (PQntuples(r.get()) == 0) return tally;
    tally.first = "row " + escape_controls(PQgetvalue(r.get(), 0, 0));
    tally.features = std::strtoull(PQgetvalue(r.get(), 0, 1), nullptr, 10);
    tally.points = std::strtoull(PQgetvalue(r.get(), 0, 2), nullptr, 10);
    return tally;
}

/// Raw (the points' datum) lon/lat of some points: outside every unit, or a sample of all.
std::vector<LonLat> fetch_points(Session& s, const std::string& sql) {
    Result r = s.exec(sql);
    std::vector<LonLat> out;
    for (int i = 0; i < PQntuples(r.get()); ++i)
        out.push_back({std::atof(PQgetvalue(r.get(), i, 0)), std::atof(PQgetvalue(r.get(), i, 1))});
    return out;
}

}  // namespace

std::string point_count_sql(const PostgisPoints& src, const std::string& geometry_column, bool values,
                            bool categories) {
    std::string g = "p." + geometry_column;
    std::string value = values ? "p." + src.options.value_column : "NULL::float8";
    std::string category = categories ? "p." + src.options.category_column + "::text" : "NULL::text";
    // A point in two overlapping counties (the county layer is not a clean coverage everywhere)
    // takes the first, as the local grid does: one row per point, never two.
    return "SELECT u.idx, c.idx, count(*), sum(" + value + "), count(" + value + "), " + category + "\nFROM " +
           src.table + " p JOIN atlas_units u ON ST_Contains(u.geom, " + g +
           ")\nLEFT JOIN LATERAL (SELECT k.idx FROM atlas_counties k WHERE u.county AND ST_Contains(k.geom, " + g +
           ") ORDER BY k.idx LIMIT 1) c ON true\nGROUP BY 1, 2, 6";
}

PointSourceInfo tally_points_postgis(const PostgisPoints& src, const PointUnits& units, PointTally& tally) {
    PgConnection c = parse_pg_connection(src.connection, ErrorKind::Input);
    Session s(c, src.table);
    PointSourceInfo info;
    info.path = c.describe() + ", table " + src.table;
    info.kind = "PostGIS";
    info.value_column = src.options.value_column;
    info.category_column = src.options.category_column;
    auto [column, srid] = geometry_of(s, src);
    const std::string table = table_sql(s, src.table), g = s.quote_identifier(column);
    check_columns(s, src, table);
    bool multi = check_geometries(s, table, g, is_lonlat(s, srid));
    if (multi && !src.options.value_column.empty()) refuse_multi_point_values(s, table, g, src.options.value_column);
    if (multi) {
        points_detail::MultiPointTally multis = multi_point_tally(s, table, g);
        if (multis.features > 0) info.notes.push_back(s.where() + ": " + multis.note("row"));
    }
    if (srid <= 0)
        info.notes.push_back(s.where() + ": column " + quote_value(column, 40) +
                             " has no SRID (0): its coordinates are read as longitude and latitude");
    std::vector<char> needs(units.prefectures().regions.size());
    for (std::size_t i = 0; i < needs.size(); ++i) needs[i] = units.needs_county(static_cast<int>(i)) ? 1 : 0;
    ship_units(s, "atlas_units", units.prefectures(), src.options.datum, srid, &needs);
    const RegionLayer* county_layer = units.county_index_layer();
    ship_units(s, "atlas_counties", county_layer ? *county_layer : RegionLayer{}, src.options.datum, srid, nullptr);
    PostgisPoints quoted = src;
    quoted.table = table;
    if (!src.options.value_column.empty()) quoted.options.value_column = s.quote_identifier(src.options.value_column);
    if (!src.options.category_column.empty())
        quoted.options.category_column = s.quote_identifier(src.options.category_column);
    // A MultiPoint's points are counted one by one, as the file reader counts them (ST_Contains
    // counted a MultiPoint once, and only where all its points lay in one unit).
    if (multi)
        quoted.table = "(SELECT d.geom AS " + g +
                       (src.options.value_column.empty() ? "" : ", t." + quoted.options.value_column) +
                       (src.options.category_column.empty() ? "" : ", t." + quoted.options.category_column) + " FROM " +
                       table + " t, LATERAL ST_Dump(t." + g + ") d)";
    Result groups =
        s.exec(point_count_sql(quoted, g, !src.options.value_column.empty(), !src.options.category_column.empty()));
    std::map<std::string, std::int32_t> categories;
    for (int i = 0; i < PQntuples(groups.get()); ++i) {
        auto get = [&](int col) { return PQgetvalue(groups.get(), i, col); };
        int county = PQgetisnull(groups.get(), i, 1) ? -1 : std::atoi(get(1));
        std::int32_t category = -2;
        if (!src.options.category_column.empty()) {
            if (PQgetisnull(groups.get(), i, 5))
                category = -1;
            else {
                auto [it, added] = categories.try_emplace(get(5), static_cast<std::int32_t>(info.categories.size()));
                if (added) info.categories.push_back(get(5));
                category = it->second;
            }
        }
        tally_group(units.location_of(std::atoi(get(0)), county), std::strtoull(get(2), nullptr, 10),
                    PQgetisnull(groups.get(), i, 3) ? 0.0 : std::atof(get(3)), std::strtoull(get(4), nullptr, 10),
                    category, tally);
    }
    Result total = s.exec("SELECT count(*) FROM " + quoted.table + " p WHERE " + "p." + g + " IS NOT NULL");
    std::uint64_t all = std::strtoull(PQgetvalue(total.get(), 0, 0), nullptr, 10);
    info.points = all;
    // A few coordinates, never the points themselves: up to 10,000 sampled (dots on a figure, the
    // diagnosis of a wrong datum) and, when some lie outside every unit, up to 5,000 of those.
    std::string in_4326 = (srid <= 0 ? "ST_SetSRID(p." : "ST_Transform(p.") + g + ", 4326)";
    std::string xy = "ST_X(" + in_4326 + "), ST_Y(" + in_4326 + ")";
    char sample[64];
    std::snprintf(sample, sizeof sample, "%.6f", std::min(100.0, 2e6 / std::max<double>(1, static_cast<double>(all))));
    // A table is sampled by its pages; the points of MultiPoints (a query, not a table) and a view's
    // one by one (TABLESAMPLE refused a view).
    std::string sampled = multi || !stored(s, table) ? quoted.table + " p WHERE random() * 100 < " + sample + " AND"
                                                     : quoted.table + " p TABLESAMPLE SYSTEM (" + sample + ") WHERE";
    tally.sample_raw = fetch_points(s, "SELECT " + xy + " FROM " + sampled + " p." + g + " IS NOT NULL LIMIT 10000");
    tally.sample.clear();
    for (const LonLat& raw : tally.sample_raw) tally.sample.push_back(to_wgs84(raw, src.options.datum));
    if (all > tally.points) {
        tally_group(PointUnits::Location{}, all - tally.points, 0, 0, -2, tally);
        tally.outside_raw = fetch_points(s, "SELECT " + xy + " FROM " + quoted.table + " p WHERE p." + g +
                                                " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM atlas_units u WHERE "
                                                "ST_Contains(u.geom, p." +
                                                g + ")) LIMIT 5000");
    }
    info.notes.insert(info.notes.end(), s.notices().begin(), s.notices().end());
    return info;
}

}  // namespace atlas
