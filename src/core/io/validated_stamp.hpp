#pragma once
/// The stamp build-geodata puts on a layer whose every geometry passed GEOS IsValid (layer metadata
/// item kValidatedStamp), tied to the content it was given for: a copy of the layer edited since
/// (a geometry moved, a stored area changed, ogr2ogr -simplify keeping the metadata) no longer
/// matches it, and is then checked and measured like any other layer.

#include <string>
#include <vector>

#include "io/vector_writer.hpp"

class OGRFeature;
class OGRLayer;

namespace atlas {

/// "every geometry passed GEOS IsValid; content xxh3 <16 hex digits>": the digest over each
/// feature, in order, of its `code` text, its area_km2, label_lon and label_lat values and its
/// geometry as written (OGR MultiPolygon WKB, little-endian).
std::string validated_stamp(const OutLayer& layer);

/// Whether `stamp` carries a digest (stamps written before it was kept have none).
bool stamp_has_digest(const std::string& stamp);

/// Whether `stamp` (a layer's kValidatedStamp value) describes these features, every feature of the
/// layer in order. False for a stamp without a digest (written before the digest was kept).
bool stamp_describes(const std::string& stamp, const std::vector<const OGRFeature*>& features);

/// The same, reading every feature of `layer` (its attribute filter must be unset; the reading
/// position is reset). Throws AtlasError(Input) naming `where` when a read fails.
bool stamp_describes(const std::string& stamp, OGRLayer& layer, const std::string& where);

}  // namespace atlas
