#include "io/stored_extent.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <memory>

#include "io/gdal_env.hpp"

namespace atlas {

namespace {

/// The first row of `sql` as `n` numbers, when every one is set; SQL errors are no answer.
template <std::size_t N>
std::optional<std::array<double, N>> numbers(GDALDataset& ds, const std::string& sql) {
    QuietGdalErrors quiet;
    OGRLayer* rows = ds.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (rows == nullptr) return std::nullopt;
    std::unique_ptr<OGRFeature> row(rows->GetNextFeature());
    std::optional<std::array<double, N>> out;
    if (row && row->GetFieldCount() >= static_cast<int>(N)) {
        out.emplace();
        for (std::size_t i = 0; i < N && out; ++i) {
            if (!row->IsFieldSetAndNotNull(static_cast<int>(i)))
                out.reset();
            else
                (*out)[i] = row->GetFieldAsDouble(static_cast<int>(i));
        }
    }
    ds.ReleaseResultSet(rows);
    return out;
}

std::optional<std::string> geometry_column(GDALDataset& ds, const std::string& table) {
    QuietGdalErrors quiet;
    std::string sql = "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = '" + table + "'";
    OGRLayer* rows = ds.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (rows == nullptr) return std::nullopt;
    std::unique_ptr<OGRFeature> row(rows->GetNextFeature());
    std::optional<std::string> column;
    if (row && row->IsFieldSetAndNotNull(0)) column = row->GetFieldAsString(0);
    ds.ReleaseResultSet(rows);
    return column;
}

bool plain_name(const std::string& name) { return !name.empty() && name.find_first_of("'\"") == std::string::npos; }

}  // namespace

std::optional<Bounds> stored_extent(GDALDataset& ds, const std::string& table) {
    GDALDriver* driver = ds.GetDriver();
    if (driver == nullptr || std::string(driver->GetDescription()) != "GPKG" || !plain_name(table)) return std::nullopt;
    auto recorded = numbers<5>(
        ds, "SELECT min_x, max_x, min_y, max_y, srs_id FROM gpkg_contents WHERE table_name = '" + table + "'");
    std::optional<std::string> column = geometry_column(ds, table);
    if (!recorded || (*recorded)[4] != 4326 || !column || !plain_name(*column)) return std::nullopt;
    auto indexed = numbers<4>(
        ds, "SELECT min(minx), max(maxx), min(miny), max(maxy) FROM \"rtree_" + table + "_" + *column + "\"");
    if (!indexed) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i)
        if (!(std::fabs((*recorded)[i] - (*indexed)[i]) <= 1e-4)) return std::nullopt;
    Bounds b;
    b.min_lon = (*recorded)[0];
    b.max_lon = (*recorded)[1];
    b.min_lat = (*recorded)[2];
    b.max_lat = (*recorded)[3];
    return b;
}

}  // namespace atlas
