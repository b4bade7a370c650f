#pragma once
/// Counting a points source for the CLI (`points`, `render --points`): options resolved against the
/// data options, the source read and tallied (or counted in PostGIS), problems turned into one line.

#include <memory>
#include <ostream>
#include <string>

#include "analysis/point_count.hpp"
#include "analysis/point_report.hpp"
#include "io/point_source.hpp"
#include "io/user_data.hpp"

namespace atlas::cli {

class Context;

struct PointsRequest {
    std::string path;  ///< file, or "PG:..." with table
    PointSourceOptions options;
    std::string mapping_path;     ///< --industry-map
    std::string table;            ///< --table: the points' PostGIS table
    std::string geometry_column;  ///< --geometry-column: its point column (default: the only one)
    std::string datum;            ///< --points-datum; empty: --datum's when the boundaries are bundled, else WGS84
    double max_outside_pct = 5;
    bool max_outside_given = false;  ///< --max-outside on the command line: a hint then only warns
    std::string by_option = "--by";  ///< the option choosing the units, as messages name it
};

struct CountedPoints {
    PointSourceInfo info;
    std::unique_ptr<PointUnitSet> unit_set;
    const PointUnits* units = nullptr;  ///< unit_set's
    PointTally tally;
    CategoryMapping mapping;
    std::string source_shown;  ///< path, or connection without password and table
    std::string datum_text;    ///< "WGS84" or "BD-09, converted to WGS84"
    Datum datum = Datum::Wgs84;
    std::string hint;  ///< outside_hint's, when it fired
};

/// Reads and counts. Throws AtlasError: Usage for bad options; Input for a bad source, and when more
/// than max_outside_pct of the points lie outside every unit, or other axes or another datum would
/// put most of those on the map (one line with the hint), unless --max-outside was raised for it.
CountedPoints count_points(Context& ctx, const PointsRequest& request, PointLevel level);

/// "points.csv: 1,000,000 points (columns 'lon', 'lat'; WGS84): ..." lines for stderr.
void print_summary(std::ostream& out, const CountedPoints& counted, PointLevel level);

}  // namespace atlas::cli
