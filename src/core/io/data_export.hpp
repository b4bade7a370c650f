#pragma once
/// The analyst's table (io/user_data.hpp) joined to its units as a layer to export: what the
/// choropleth of that table shows, as a GIS layer (a QGIS join, kept).

#include "document.hpp"
#include "io/user_data.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

/// One feature per unit of the table's level (every province, prefecture-level or county-level unit
/// of the loaded layers, in layer order, so that units without a row stay on the map): code,
/// name_en, name_zh, parent_code, area_km2, in_table (1 when a row names the unit, else 0), then
/// each numeric column of the table under its own header ("data_" and the header where that is
/// one of the fields before, e.g. data_area_km2; null where the row has no value or no row
/// names the unit). Polygons lon/lat WGS84 degrees. Layer name "data"; metadata names the file and
/// its key column. Throws AtlasError(Usage) for a county table when no county layer is loaded.
OutLayer user_data_layer(Document& doc, const UserTable& table);

}  // namespace atlas
