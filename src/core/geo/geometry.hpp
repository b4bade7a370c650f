#pragma once
/// Plain geometry types, one per coordinate space, so that a value cannot be passed to a function
/// expecting another space: lon/lat degrees (WGS84, traditional GIS order: x = lon, y = lat),
/// projected metres, metres relative to a scene's origin, and screen pixels. No third-party types
/// leak through this header.

#include <vector>

namespace atlas {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

/// Metres in a projection's plane (PROJ's output for a lon/lat), absolute.
struct ProjectedXY {
    double x = 0;
    double y = 0;
};

/// Projected metres relative to a scene's origin (scene/scene.hpp): what meshes hold (as floats) and
/// the camera's centre is given in. Scene::to_scene and Scene::to_projected convert.
struct SceneXY {
    double x = 0;
    double y = 0;
};

/// Framebuffer pixels: origin at the top-left corner of the viewport, y growing downwards.
/// Camera::scene_to_screen and Camera::screen_to_scene convert.
struct ScreenXY {
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
