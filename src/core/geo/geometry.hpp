#pragma once
/// Plain geometry types in lon/lat degrees (WGS84, traditional GIS order: x = lon, y = lat)
/// and in projected metres. No third-party types leak through this header.

#include <vector>

namespace atlas {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

struct ProjectedXY {
    double x = 0;
    double y = 0;
};

/// A closed ring: the first point is repeated as the last.
using Ring = std::vector<LonLat>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

struct Bounds {
    double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
    bool empty() const { return min_lon > max_lon; }
    void extend(const LonLat& p);
    void extend(const Bounds& b);
};

/// Bounding box of every vertex.
Bounds bounds_of(const MultiPolygon& geometry);

/// Number of vertices over all rings.
std::size_t vertex_count(const MultiPolygon& geometry);

/// Signed planar area in square degrees: positive when the ring runs counter-clockwise.
double signed_area(const Ring& ring);

/// Even-odd test against one ring (points exactly on it may go either way).
bool ring_contains(const Ring& ring, const LonLat& p);

/// Even-odd test against every ring: true when p lies inside the polygon area.
bool contains(const MultiPolygon& geometry, const LonLat& p);

}  // namespace atlas
