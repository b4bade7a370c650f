#pragma once
/// RAII ownership of a GEOS reentrant context and of the geometries made in it.
/// One GeosContext per thread. GEOS errors are turned into AtlasError by the callers.

#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

struct GEOSContextHandle_HS;
struct GEOSGeom_t;

namespace atlas {

using GeosHandle = GEOSContextHandle_HS*;
using GeosGeom = GEOSGeom_t;

class GeosContext {
  public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GeosHandle handle() const { return handle_; }
    /// The last error or notice GEOS reported in this context (empty if none).
    const std::string& last_message() const { return message_; }

  private:
    GeosHandle handle_;
    std::string message_;
};

/// Deleter bound to the context that made the geometry.
struct GeosDeleter {
    GeosHandle handle = nullptr;
    void operator()(GeosGeom* g) const;
};
using GeomPtr = std::unique_ptr<GeosGeom, GeosDeleter>;

/// Wraps a raw geometry returned by a GEOS call; throws AtlasError(what) when it is null.
GeomPtr own(const GeosContext& ctx, GeosGeom* raw, const char* what);

/// Builds a GEOS (Multi)Polygon from our type. Rings are copied as they are.
GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& geometry);

/// A ring as a GEOS LineString (for noding borders as lines). The caller owns the result.
GeosGeom* ring_as_line(const GeosContext& ctx, const Ring& ring);

/// Reads the polygonal parts of any GEOS geometry (points and lines are ignored).
MultiPolygon from_geos(const GeosContext& ctx, const GeosGeom* geometry);

/// The lon/lat (degrees, the geometry's own coordinates) of a GEOS Point. Throws AtlasError when
/// the geometry is not a point with coordinates.
LonLat point_lonlat(const GeosContext& ctx, const GeosGeom* point);

/// Reads WKB bytes into a GEOS geometry; throws AtlasError on malformed input.
GeomPtr from_wkb(const GeosContext& ctx, const unsigned char* wkb, std::size_t size);

}  // namespace atlas
