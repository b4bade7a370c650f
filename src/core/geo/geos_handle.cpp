#include "geo/geos_handle.hpp"

#include <geos_c.h>

#include <cstdarg>
#include <cstdio>

#include "error.hpp"

namespace atlas {

namespace {
void store_message(const char* message, void* userdata) {
    if (userdata != nullptr) *static_cast<std::string*>(userdata) = message;
}
}  // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle_, store_message, &message_);
    GEOSContext_setNoticeMessageHandler_r(handle_, nullptr, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosDeleter::operator()(GeosGeom* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(handle, g);
}

GeomPtr own(const GeosContext& ctx, GeosGeom* raw, const char* what) {
    if (raw == nullptr)
        throw AtlasError(ErrorKind::Input, std::string(what) + " failed in GEOS: " + ctx.last_message());
    return GeomPtr(raw, GeosDeleter{ctx.handle()});
}

namespace {

GEOSCoordSequence* make_sequence(GEOSContextHandle_t h, const Ring& ring) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(ring.size()), 2);
    for (std::size_t i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), ring[i].lon, ring[i].lat);
    return seq;
}

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& ring) {
    return GEOSGeom_createLinearRing_r(h, make_sequence(h, ring));
}

GEOSGeometry* make_polygon(GEOSContextHandle_t h, const Polygon& polygon) {
    std::vector<GEOSGeometry*> holes;
    holes.reserve(polygon.holes.size());
    for (const auto& hole : polygon.holes) holes.push_back(make_ring(h, hole));
    return GEOSGeom_createPolygon_r(h, make_ring(h, polygon.outer), holes.data(), static_cast<unsigned>(holes.size()));
}

Ring read_ring(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Ring out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &out[i].lon, &out[i].lat);
    return out;
}

void read_polygonal(GEOSContextHandle_t h, const GEOSGeometry* g, MultiPolygon& out) {
    int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon polygon;
        polygon.outer = read_ring(h, GEOSGetExteriorRing_r(h, g));
        int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i) polygon.holes.push_back(read_ring(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(polygon));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int parts = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < parts; ++i) read_polygonal(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace

GeosGeom* ring_as_line(const GeosContext& ctx, const Ring& ring) {
    return GEOSGeom_createLineString_r(ctx.handle(), make_sequence(ctx.handle(), ring));
}

LonLat point_lonlat(const GeosContext& ctx, const GeosGeom* point) {
    LonLat out;
    if (GEOSGeomGetX_r(ctx.handle(), point, &out.lon) != 1 || GEOSGeomGetY_r(ctx.handle(), point, &out.lat) != 1)
        throw AtlasError(ErrorKind::Input, "reading a point's coordinates failed in GEOS: " + ctx.last_message());
    return out;
}

GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& geometry) {
    GEOSContextHandle_t h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(geometry.size());
    for (const auto& polygon : geometry) parts.push_back(make_polygon(h, polygon));
    return own(ctx,
               GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())),
               "building a multipolygon");
}

MultiPolygon from_geos(const GeosContext& ctx, const GeosGeom* geometry) {
    MultiPolygon out;
    read_polygonal(ctx.handle(), geometry, out);
    return out;
}

GeomPtr from_wkb(const GeosContext& ctx, const unsigned char* wkb, std::size_t size) {
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSWKBReader_read_r(ctx.handle(), reader, wkb, size);
    GEOSWKBReader_destroy_r(ctx.handle(), reader);
    return own(ctx, g, "reading WKB");
}

}  // namespace atlas
