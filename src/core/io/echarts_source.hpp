#pragma once
/// Reader for the quantized, encoded GeoJSON of the npm package echarts@4.9.0 (map/json/*.json),
/// decoded exactly as its lib/coord/geo/parseGeoJson.js does. Coordinates stay in the source's
/// datum (GCJ-02) and on its 1/1024 degree grid; geodata_build converts them.

#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

struct EchartsFeature {
    std::string code;         ///< the feature's "id" (six digits)
    std::string name;         ///< properties.name, as in the source
    LonLat cp;                ///< properties.cp: the seat of government
    std::vector<Ring> rings;  ///< every ring of every part, closed, degenerate ones dropped
    int dropped_rings = 0;    ///< rings with fewer than 4 points or no area
};

/// Decodes every feature of an echarts map file. Throws AtlasError(Input) naming the file and feature
/// when the JSON or its encoding is malformed.
std::vector<EchartsFeature> read_echarts_file(const std::string& path);

/// Decodes one encoded ring string relative to its offsets; result in degrees (value / 1024).
Ring decode_echarts_ring(const std::string& utf8, long offset_x, long offset_y);

/// Builds polygons from loose rings by containment: a ring inside an odd number of others is a hole
/// of the smallest ring that contains it; all others are outer rings. echarts stores islands and
/// exclaves as extra rings of one Polygon, which a literal reading would take for holes.
MultiPolygon assemble_rings(const std::vector<Ring>& rings);

}  // namespace atlas
