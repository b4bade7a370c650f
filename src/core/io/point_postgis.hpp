#pragma once
/// Counting points that live in PostGIS without moving them: the units are shipped into temporary
/// tables of the same session (converted to the points' datum and SRID), and one SQL statement
/// joins them with ST_Contains and groups the counts, sums and industries by unit. Only the
/// counts per unit come back, plus, when points lie outside every unit, the coordinates of at most
/// 5,000 of them and of a 10,000-point sample, for the diagnosis of a wrong datum or axis order.

#include <string>

#include "analysis/point_tally.hpp"
#include "io/point_source.hpp"

namespace atlas {

struct PostgisPoints {
    std::string connection;      ///< "PG:host=... dbname=..." (io/pg_connection.hpp)
    std::string table;           ///< "schema.table" or "table" (the connection's search path)
    std::string geometry;        ///< geometry column; empty: the table's only one (geometry_columns)
    PointSourceOptions options;  ///< value_column, category_column, datum (lon/lat columns unused)
};

/// The SQL statement that counts (what --explain shows and the README quotes), with the table and
/// columns as given (quoted identifiers) and the temporary tables atlas_units and atlas_counties.
std::string point_count_sql(const PostgisPoints& source, const std::string& geometry_column, bool values,
                            bool categories);

/// Counts the table's points per unit into `tally` (as tally_points would). Throws AtlasError(Input)
/// naming host, database and table: cannot connect, no such table or column, not a point column,
/// a value column that is not numeric; the server's reason scrubbed of the password.
PointSourceInfo tally_points_postgis(const PostgisPoints& source, const PointUnits& units, PointTally& tally);

}  // namespace atlas
