#pragma once
/// Map projections through PROJ, from lon/lat WGS84 (traditional GIS order) to metres.

#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

/// Known short names: "albers" (China Albers equal-area, the default), "mercator" (Web Mercator,
/// EPSG:3857), "platecarree" (equirectangular on WGS84). Any other value is passed to PROJ as a
/// CRS definition ("EPSG:3415", "+proj=...").
inline constexpr const char* kDefaultProjection = "albers";

/// The PROJ definition behind a short name, "EPSG:N" for a bare number N, or the name itself.
std::string projection_definition(const std::string& name);

/// The short names, in the order a user interface should list them.
std::vector<std::string> projection_names();

/// What `info` reports of a projection: its definition and its caveat, as Projection gives them.
struct ProjectionSummary {
    std::string definition;
    std::string caveat;  ///< empty, or a warning for the user (Projection::caveat)
};

/// The summary of a projection by name. Throws as Projection's constructor. In the front program
/// (io/program_files.hpp) a short name is described without PROJ (each shows China whole, so its
/// caveat is empty: tested) and any other name throws NeedsFullProgram.
ProjectionSummary summarize_projection(const std::string& name);

class Projection {
  public:
    /// Throws AtlasError(Usage) naming `name` when PROJ cannot build the transformation (with PROJ's
    /// reason, e.g. "merc: Invalid value for lat_ts: |lat_ts| should be <= 90°"), when it is not a map
    /// projection (a geocentric or 3D CRS), or when it cannot show China (fewer than a quarter of the
    /// points of a grid over China's bounding box project).
    explicit Projection(const std::string& name);
    ~Projection();
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    const std::string& name() const { return name_; }
    const std::string& definition() const { return definition_; }
    /// A warning for the user when the CRS's area of use does not reach China (e.g. UTM 19S), or when
    /// part of China does not project (an orthographic view centred far away); else empty.
    const std::string& caveat() const { return caveat_; }

    /// lon/lat to metres (a CRS in other units is scaled to metres: feet by 0.3048, degrees by a
    /// degree's length at the equator, 111,319.49 m); returns false (and leaves `out` unchanged) where the projection
    /// is undefined.
    bool forward(const LonLat& in, ProjectedXY& out) const;
    /// Many points at once (one PROJ call); points where the projection is undefined become NaN.
    std::vector<ProjectedXY> forward(const std::vector<LonLat>& points) const;
    /// metres to lon/lat; returns false where the inverse is undefined.
    bool inverse(const ProjectedXY& in, LonLat& out) const;

  private:
    void check_china_visible();
    void check_china_whole() const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string name_;
    std::string definition_;
    std::string caveat_;
};

}  // namespace atlas
