#pragma once
/// Reading an analyst's points (firms, patents, projects, parks) from a CSV file or any GDAL vector
/// source of points, streamed in batches so that files larger than memory can be counted.
///
/// CSV: RFC 4180 (quoted cells, CRLF), the separator detected from the header (comma, semicolon,
/// tab), UTF-8 (with or without a byte order mark) or GB18030 text cells (Excel on Chinese Windows).
/// The coordinate columns are found by their header, case-insensitive: lon, lng, long, longitude, x,
/// 经度 and lat, latitude, y, 纬度, or a header made of one of those and a suffix ("lng_gcj02",
/// "经度(WGS84)"); options name them otherwise. Other vector sources (GeoJSON, GeoPackage,
/// Shapefile, FlatGeobuf, ...): Point and MultiPoint features, transformed to WGS84 from the layer's
/// CRS. Coordinates in GCJ-02 or BD-09 are converted to WGS84 once, as they are read (geo/datum.hpp).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "geo/datum.hpp"

namespace atlas {

struct PointSourceOptions {
    std::string lon_column, lat_column;  ///< --lon, --lat: headers; empty finds them by name
    std::string value_column;            ///< --value: a numeric column to sum and average; empty: none
    std::string category_column;         ///< --industry-column: a text column; empty: none
    std::string code_column;             ///< --expect-code: each point's GB/T 2260 code, to check; empty: none
    std::string layer;                   ///< the layer of a multi-layer vector source; empty: the only one
    Datum datum = Datum::Wgs84;          ///< of the coordinates as written in the file
    /// Whether messages may quote the file's cells and header; false for a file a session names
    /// (sessions are shared: such a file may be anyone's), whose lines and columns are named instead.
    bool show_values = true;
    /// The option that names value_column, for messages: `render` calls it --points-value.
    std::string value_option = "--value";
    /// The options that name lon_column and lat_column, for messages (`render`: --points-lon,
    /// --points-lat); empty where none does (a session's or the viewer's points).
    std::string lon_option = "--lon", lat_option = "--lat";
};

/// How a user names the coordinate columns, for messages: "name them with --lon and --lat", or where
/// no option does, "name them lon and lat in the file's header".
std::string coordinate_columns_advice(const PointSourceOptions& options);

/// Up to kPointBatch points, in file order. Coordinates are WGS84 degrees after datum conversion;
/// raw_* as written in the file (for the diagnosis of points off the map).
struct PointBatch {
    std::vector<double> lon, lat, raw_lon, raw_lat;
    std::vector<double> value;           ///< NaN where the value cell is empty; empty without --value
    std::vector<std::int32_t> category;  ///< index into PointSourceInfo::categories; -1 for an empty cell
    std::vector<std::uint64_t> line;     ///< CSV line, or feature id of a vector source
    std::vector<std::string> code;       ///< the code column's cells, trimmed; empty without --expect-code
    std::size_t size() const { return lon.size(); }
    void clear();
};

inline constexpr std::size_t kPointBatch = 65536;

struct PointSourceInfo {
    std::string path;
    std::string kind;                    ///< "CSV" or the GDAL driver's short name
    std::string lon_column, lat_column;  ///< as found (CSV); empty for a vector source
    std::string value_column, category_column, code_column;
    std::vector<std::string> categories;  ///< distinct category texts, in order of first appearance
    std::uint64_t points = 0;
    std::vector<std::string> notes;  ///< decisions the user should hear of (encoding, columns found), one line each
};

/// Reads every point of `path`, handing batches to `sink`. Nothing is dropped silently: a row with a
/// coordinate that is empty, not a number, or out of range (longitude -180..180, latitude -90..90),
/// a value that is not a number, a feature without a point geometry, all end in ONE
/// AtlasError(Input) listing up to 20 problems "points.csv:5: column 'lat': 'abc' is not a number"
/// (reading stops after the 20th). No coordinate columns: one line naming the headers found and
/// --lon/--lat. Also AtlasError(Input) for an unreadable file or layer; AtlasError(Usage) for a
/// named column that does not exist, and for --lon/--lat given for a source that is not a CSV.
PointSourceInfo read_points(const std::string& path, const PointSourceOptions& options,
                            const std::function<void(const PointBatch&)>& sink);

/// Whether `path` is read by the CSV reader (by extension: .csv, .tsv, .txt).
bool is_csv_path(const std::string& path);

}  // namespace atlas
