#pragma once
/// Point location over one layer of non-overlapping units (provinces, prefecture-level or
/// county-level units): which unit contains a lon/lat point, in constant time for most points.
///
/// A raster of square cells over the layer's extent is classified once: a cell no edge crosses lies
/// wholly inside one unit (or outside all) and answers directly; a cell an edge crosses lists the
/// units whose edges cross it, and only those are tested exactly, by an even-odd ray cast against
/// the unit's edges in the cell's row. Answers equal an exact point-in-polygon test (points exactly
/// on a border may go to either side, as in PostGIS and GEOS).

#include <cstdint>
#include <vector>

#include "geo/geometry.hpp"
#include "model/region.hpp"

namespace atlas {

class UnitGrid {
  public:
    /// Indexes `layer` (kept by reference: it must outlive the grid). `cell_deg`: cell side in degrees
    /// (0.05 degree, about 5 km, keeps China's prefecture layer to a few MB and a few tens of ms).
    explicit UnitGrid(const RegionLayer& layer, double cell_deg = 0.05);

    /// Index into layer.regions of the unit containing (lon, lat) degrees WGS84; -1 outside every unit
    /// (sea, abroad, NaN).
    int locate(double lon, double lat) const;

    const RegionLayer& layer() const { return layer_; }
    /// Cells that need an exact test, and all cells: how fine the grid is for this layer.
    std::size_t border_cells() const { return border_lists_.size(); }
    std::size_t cells() const { return cells_.size(); }

  private:
    struct Edge {
        double x1, y1, x2, y2;
    };
    struct RowUnit {  ///< the edges of one unit that reach into one row band
        std::int32_t unit;
        std::uint32_t begin, end;  ///< into edges_
    };
    void mark_border_cells(const std::vector<std::vector<Edge>>& unit_edges);
    void fill_interior(const std::vector<std::vector<Edge>>& unit_edges);
    void index_rows(const std::vector<std::vector<Edge>>& unit_edges);
    bool unit_contains(std::int32_t unit, long row, double x, double y) const;

    const RegionLayer& layer_;
    double cell_ = 0.05;
    double x0_ = 0, y0_ = 0;
    long nx_ = 0, ny_ = 0;
    /// Per cell: >= 0 the unit covering it; -1 none; -2 - k a border cell with candidates border_lists_[k].
    std::vector<std::int32_t> cells_;
    std::vector<std::vector<std::int32_t>> border_lists_;
    std::vector<std::uint32_t> row_begin_;  ///< per row, into row_units_ (ny_ + 1 entries)
    std::vector<RowUnit> row_units_;
    std::vector<Edge> edges_;
};

}  // namespace atlas
