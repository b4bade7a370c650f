#pragma once
/// Points counted against a document's units, as the CLI, sessions and the viewer need them: the
/// units indexed (only the partial members' counties read, unless counties are the level), and the
/// counts made a table for a choropleth (io/user_data.hpp), with a sample of the points as dots.

#include <memory>
#include <string>

#include "analysis/point_report.hpp"
#include "document.hpp"
#include "io/point_source.hpp"
#include "io/user_data.hpp"

namespace atlas {

/// The units of a document indexed for points, with the partial members' counties they own.
struct PointUnitSet {
    RegionLayer county_subset;  ///< the partial members' counties, when the whole layer is not needed
    std::unique_ptr<PointUnits> units;
};

/// Indexes the document's units for `level` (every county for PointLevel::County: AtlasError(Usage)
/// without a county layer, naming `by_option`, the option that chose the level). Throws AtlasError
/// as the document's loaders do.
std::unique_ptr<PointUnitSet> point_units(Document& doc, PointLevel level, const std::string& by_option = "--by");

/// Reads a file's points and counts them into `tally`, the counting on a second thread while the
/// next batch is read (reading a CSV and locating points take about as long each). Throws what
/// read_points throws, after the counting thread has stopped.
PointSourceInfo read_and_tally(const std::string& path, const PointSourceOptions& options, const PointUnits& units,
                               PointTally& tally);

/// The per-unit counts as a choropleth's table: one row per unit of `level` (province, prefecture or
/// county; Usage otherwise), columns points, per_1000_km2, share_pct, in_regions_pct and, with a
/// value column, sum_ and mean_ of it; `tally.sample` as the dots.
/// The columns of point_table for a value column ("" for none): points, per_1000_km2, share_pct,
/// in_regions_pct, and sum_ and mean_ of the value column.
std::vector<std::string> point_table_columns(const std::string& value_column);

std::unique_ptr<UserTable> point_table(const PointUnits& units, const PointTally& tally, PointLevel level,
                                       const std::string& path, const std::string& value_column);

/// Reads and counts a file of points for a choropleth (a session's data.points_by): the table of
/// point_table, keeping up to `dots` points to draw. Points outside every unit are a note of the
/// table (a figure is drawn anyway; `points` is where a share of them is an error). Throws
/// AtlasError as read_points does, and AtlasError(Input) when no point lies in any unit.
std::unique_ptr<UserTable> load_point_table(Document& doc, const std::string& path, PointLevel level,
                                            const PointSourceOptions& options, std::size_t dots);

}  // namespace atlas
