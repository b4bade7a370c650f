#pragma once
/// Export of every layer (provinces, prefectures, regions, hubs, province coverage) to any GDAL
/// vector format. One code path for the CLI's `export` and the viewer's export dialog.
/// GeoJSON follows RFC 7946: WGS84 lon/lat, counter-clockwise exterior rings and clockwise holes
/// (after precision reduction, so rounding cannot flip or collapse them), no crs member, a bbox,
/// MultiPolygon geometries and a stable id per feature.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

enum class ExportLayer { Provinces, Prefectures, Regions, Hubs, Coverage, Counties, PilotZones, NewDistricts };

/// "provinces", "prefectures", "regions", "hubs", "coverage", "counties", "pilot_zones",
/// "new_districts"; "all" gives them all (counties and new districts need the county layer: alone
/// they fail without it, in "all" they are left out with a note).
/// Throws AtlasError(Usage) naming an unknown value.
std::vector<ExportLayer> parse_export_layers(const std::string& name);
const char* to_string(ExportLayer layer);

/// The names parse_export_layers takes, "all" last: for help, menus and messages.
const std::vector<std::string>& export_layer_names();

struct ExportRequest {
    std::vector<ExportLayer> layers;
    std::vector<std::string> regions;  ///< region ids; empty = every region
    std::string industry;              ///< industry id: only regions the plan designates for it
    std::string driver;                ///< GDAL short name; empty: from the extension, else GeoJSON
    std::optional<int> precision;      ///< decimals of lon/lat; GeoJSON default 6
    double simplify_m = 0;             ///< shared-border-preserving simplification tolerance
    std::string output;                ///< path; "-" writes GeoJSON(Seq) to stdout; "PG:..." into PostGIS
    std::string table;                 ///< name of the one layer's table or layer ("schema.table" in PostGIS)
    bool force = false;
    bool csv_bom = true;         ///< CSV: start with the UTF-8 byte order mark (Excel then reads UTF-8)
    bool keep_formulas = false;  ///< CSV: text cells as they are, even when a spreadsheet would run them
    bool format_option = true;   ///< the command has a --format naming a GDAL format (points' does not)
    std::function<bool(std::size_t, std::size_t)> progress;  ///< (done, total); false stops
};

struct ExportResult {
    std::string path, driver;  ///< path (a connection string without its password)
    std::size_t features = 0;
    std::uintmax_t bytes = 0;
    std::vector<std::string> notes;  ///< what the user should know (features repaired after --precision)
};

/// Writes the selection atomically (see vector_writer.hpp). After --simplify or --precision every
/// polygon is valid (GEOS snap-rounding where plain rounding broke one; counted in notes).
/// Throws AtlasError: Usage for a bad format or option combination, a negative or NaN --simplify,
/// or options that leave features without area (named); NotFound for an empty selection; Output when
/// writing fails.
ExportResult export_layers(Document& doc, const ExportRequest& request);

/// Writes layers built elsewhere (the per-unit tables of `points`) as export_layers writes its own:
/// the same options (request.layers, regions and industry aside), checks, precision, RFC 7946
/// rings, CSV safety and atomic writes. `build` makes the `layer_count` layers after the checks, so
/// that a bad target is refused before their costly inputs are read. Throws as export_layers.
ExportResult export_tables(const ExportRequest& request, std::size_t layer_count,
                           const std::function<std::vector<OutLayer>()>& build);
/// The driver a request will use.
std::string export_driver(const ExportRequest& request);

}  // namespace atlas
