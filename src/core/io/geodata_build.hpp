#pragma once
/// Builds the bundled GeoPackage (layers `provinces` and `prefectures`) from the echarts@4.9.0 map
/// files: decode, assemble rings, repair, dissolve prefectures into provinces on the source's
/// 1/1024 degree grid, then shift by half a grid step and convert GCJ-02 to WGS84.
/// geodata/SOURCES.md describes every step; scripts/build-geodata runs it.

#include <string>
#include <vector>

#include "io/vector_writer.hpp"

namespace atlas {

struct GeodataBuildInput {
    std::string echarts_dir;  ///< the unpacked npm package (holds map/json/)
    std::string names_csv;    ///< geodata/source/names_en.csv: code,level,name_zh,name_en
    std::string output;       ///< the GeoPackage to write
    bool force = false;
};

struct GeodataBuildReport {
    int prefectures = 0, provinces = 0;
    int dropped_rings = 0, repaired = 0;
    std::vector<std::string> notes;
};

/// Throws AtlasError naming the file and feature at fault.
GeodataBuildReport build_geodata(const GeodataBuildInput& input);

/// Writes built layers as a GeoPackage that is the same on every run: a fixed OGR_CURRENT_DATE for
/// gpkg_contents, spatial indexes, 15 decimals, then `finish_sql` (attribute indexes). Used by
/// build-geodata and build-counties.
void write_reproducible_gpkg(const std::string& path, const std::vector<OutLayer>& layers, bool force,
                             const std::vector<std::string>& finish_sql = {});

/// SQL that copies a layer's attributes into a geometry-free GeoPackage attributes table named with
/// kAttributesTableSuffix (io/region_reader.hpp), for tools that want the attributes without the
/// geometry, and the triggers that keep it in step with every later edit of the layer (insert,
/// update, delete). The prepared store reads its own; source layers are read from the layer itself.
std::vector<std::string> attributes_table_sql(const OutLayer& layer);

/// Codes of the source that changed before the end of 2016 (GB/T 2260 as of 2016-12-31):
/// returns the 2016 code for a source code (the code itself when unchanged).
std::string code_2016(const std::string& source_code);

}  // namespace atlas
