#include "io/wkb.hpp"

#include <cstdint>
#include <cstring>

namespace atlas {

namespace {

class Reader {
  public:
    Reader(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}

    bool byte_order() {
        if (pos_ + 1 > size_) return false;
        little_ = data_[pos_++] == 1;
        return true;
    }
    bool u32(std::uint32_t& out) {
        if (pos_ + 4 > size_) return false;
        unsigned char b[4];
        std::memcpy(b, data_ + pos_, 4);
        if (!little_) std::swap(b[0], b[3]), std::swap(b[1], b[2]);
        std::memcpy(&out, b, 4);
        pos_ += 4;
        return true;
    }
    bool f64(double& out) {
        if (pos_ + 8 > size_) return false;
        unsigned char b[8];
        std::memcpy(b, data_ + pos_, 8);
        if (!little_)
            for (int i = 0; i < 4; ++i) std::swap(b[i], b[7 - i]);
        std::memcpy(&out, b, 8);
        pos_ += 8;
        return true;
    }
    std::size_t remaining() const { return size_ - pos_; }

  private:
    const unsigned char* data_;
    std::size_t size_, pos_ = 0;
    bool little_ = true;
};

bool read_ring(Reader& r, Ring& ring) {
    std::uint32_t n = 0;
    if (!r.u32(n) || n > r.remaining() / 16) return false;
    ring.resize(n);
    for (LonLat& p : ring)
        if (!r.f64(p.lon) || !r.f64(p.lat)) return false;
    return true;
}

bool read_polygon(Reader& r, Polygon& polygon) {
    std::uint32_t rings = 0;
    if (!r.u32(rings) || rings == 0 || rings > r.remaining() / 4) return false;
    if (!read_ring(r, polygon.outer)) return false;
    polygon.holes.resize(rings - 1);
    for (Ring& h : polygon.holes)
        if (!read_ring(r, h)) return false;
    return true;
}

bool read_header(Reader& r, std::uint32_t expected_type) {
    std::uint32_t type = 0;
    return r.byte_order() && r.u32(type) && type == expected_type;  // 2D only: 3D/M types differ
}

}  // namespace

std::optional<MultiPolygon> parse_wkb_polygons(const unsigned char* data, std::size_t size) {
    Reader r(data, size);
    Reader peek(data, size);
    std::uint32_t type = 0;
    if (!peek.byte_order() || !peek.u32(type)) return std::nullopt;
    MultiPolygon out;
    if (type == 3) {
        Polygon p;
        if (!read_header(r, 3) || !read_polygon(r, p)) return std::nullopt;
        out.push_back(std::move(p));
        return out;
    }
    std::uint32_t parts = 0;
    if (!read_header(r, 6) || !r.u32(parts) || parts > r.remaining() / 9) return std::nullopt;
    out.resize(parts);
    for (Polygon& p : out)
        if (!read_header(r, 3) || !read_polygon(r, p)) return std::nullopt;
    return out;
}

}  // namespace atlas
