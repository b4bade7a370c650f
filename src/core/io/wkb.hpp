#pragma once
/// Reads 2D Polygon and MultiPolygon WKB (ISO or extended, either byte order) straight into our
/// types, without a GEOS round trip.

#include <cstddef>
#include <optional>

#include "geo/geometry.hpp"

namespace atlas {

/// Nothing when the bytes are not a well-formed 2D (Multi)Polygon.
std::optional<MultiPolygon> parse_wkb_polygons(const unsigned char* data, std::size_t size);

}  // namespace atlas
