#pragma once
/// The datums of coordinates found in Chinese data: WGS84 (GPS, OpenStreetMap), GCJ-02 (the
/// obfuscated datum of AMap, Tencent and Google's China maps) and BD-09 (Baidu, a further shift of
/// GCJ-02). Users declare theirs with --datum; everything inside ClusterAtlas is WGS84.

#include <string>

#include "geo/geometry.hpp"

namespace atlas {

enum class Datum { Wgs84, Gcj02, Bd09 };

/// "wgs84", "gcj02", "bd09" (case-insensitive; also "gcj-02", "bd-09"); AtlasError(Usage) otherwise.
Datum parse_datum(const std::string& name);
const char* to_string(Datum datum);

/// BD-09 to GCJ-02 and back (Baidu's published closed form; about 1e-6 degree round trip).
LonLat bd09_to_gcj02(const LonLat& p);
LonLat gcj02_to_bd09(const LonLat& p);

/// A point of `datum` in WGS84 lon/lat degrees (GCJ-02 inverted iteratively to 1e-9 degree).
/// Points outside the area where the Chinese datums apply are returned unchanged.
LonLat to_wgs84(const LonLat& p, Datum datum);

}  // namespace atlas
