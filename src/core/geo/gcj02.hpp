#pragma once
/// The public GCJ-02 obfuscation transform (Krasovsky 1940 constants) and its iterative inverse.
/// Used only when building the bundled data from a GCJ-02 source (see geodata/SOURCES.md).

#include "geo/geometry.hpp"

namespace atlas {

/// True outside the bounding box where GCJ-02 applies; such points are left unchanged.
bool outside_gcj02_area(const LonLat& p);

/// WGS84 to GCJ-02.
LonLat wgs84_to_gcj02(const LonLat& p);

/// GCJ-02 to WGS84, iterating the forward transform until the change is below 1e-9 degree.
LonLat gcj02_to_wgs84(const LonLat& p);

}  // namespace atlas
