#pragma once
/// A fast RFC 7946 GeoJSON (and newline-delimited GeoJSONSeq) writer for our feature tables.
/// GDAL's GeoJSON driver spends most of its time formatting numbers through json-c; this writer
/// formats with std::to_chars and streams, producing the same structure: a FeatureCollection with a
/// bbox (no "name": GDAL names the layer after the file), features with a stable id, a bbox and
/// MultiPolygon (or Point) geometries, lists as arrays; the layer's metadata items (sources, terms)
/// as the foreign member "metadata", an object of strings.

#include <functional>
#include <ostream>
#include <string>

#include "io/vector_writer.hpp"

namespace atlas {

struct GeoJsonOptions {
    int precision = 6;      ///< decimals of coordinates (trailing zeros trimmed)
    bool sequence = false;  ///< GeoJSONSeq: one feature per line, no collection
    std::string id_field;   ///< field whose value becomes the feature "id" (kept in properties too)
    std::function<bool(std::size_t)> after_feature;  ///< called with the count written; false stops
};

/// Writes one layer. Coordinates are written as given: reduce precision and orient rings first.
/// Returns false when after_feature asked to stop (the output is then incomplete).
bool write_geojson(std::ostream& out, const OutLayer& layer, const GeoJsonOptions& options);

/// JSON string literal with escapes.
std::string json_string(const std::string& text);

}  // namespace atlas
