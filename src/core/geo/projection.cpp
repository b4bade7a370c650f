#include "geo/projection.hpp"

#include <proj.h>

#include <cmath>

#include "error.hpp"

namespace atlas {

namespace {
struct NamedProjection {
    const char* name;
    const char* definition;
};
constexpr NamedProjection kNamed[] = {
    {"albers", "+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84 +units=m +no_defs +type=crs"},
    {"mercator", "EPSG:3857"},
    {"platecarree", "+proj=eqc +lat_ts=0 +lon_0=105 +datum=WGS84 +units=m +no_defs +type=crs"},
};
}  // namespace

std::string projection_definition(const std::string& name) {
    for (const auto& p : kNamed)
        if (name == p.name) return p.definition;
    return name;
}

std::vector<std::string> projection_names() {
    std::vector<std::string> names;
    for (const auto& p : kNamed) names.emplace_back(p.name);
    return names;
}

struct Projection::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
    ~Impl() {
        if (transform != nullptr) proj_destroy(transform);
        if (context != nullptr) proj_context_destroy(context);
    }
};

Projection::Projection(const std::string& name)
    : impl_(std::make_unique<Impl>()), name_(name), definition_(projection_definition(name)) {
    impl_->context = proj_context_create();
    proj_log_level(impl_->context, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(impl_->context, "EPSG:4326", definition_.c_str(), nullptr);
    if (raw == nullptr)
        throw AtlasError(ErrorKind::Usage, "unknown projection '" + name + "': use " + "albers, mercator, platecarree, " +
                                               "an EPSG code or a PROJ string");
    impl_->transform = proj_normalize_for_visualization(impl_->context, raw);
    proj_destroy(raw);
    if (impl_->transform == nullptr)
        throw AtlasError(ErrorKind::Usage, "projection '" + name + "' cannot be normalised to lon/lat order");
}

Projection::~Projection() = default;

bool Projection::forward(const LonLat& in, ProjectedXY& out) const {
    PJ_COORD c = proj_trans(impl_->transform, PJ_FWD, proj_coord(in.lon, in.lat, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL) return false;
    out = {c.xy.x, c.xy.y};
    return true;
}

std::vector<ProjectedXY> Projection::forward(const std::vector<LonLat>& points) const {
    std::vector<ProjectedXY> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) out[i] = {points[i].lon, points[i].lat};
    if (out.empty()) return out;
    proj_trans_generic(impl_->transform, PJ_FWD, &out[0].x, sizeof(ProjectedXY), out.size(), &out[0].y,
                       sizeof(ProjectedXY), out.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (ProjectedXY& p : out)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x == HUGE_VAL) p = {NAN, NAN};
    return out;
}

bool Projection::inverse(const ProjectedXY& in, LonLat& out) const {
    PJ_COORD c = proj_trans(impl_->transform, PJ_INV, proj_coord(in.x, in.y, 0, 0));
    if (!std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi) || c.lp.lam == HUGE_VAL) return false;
    out = {c.lp.lam, c.lp.phi};
    return true;
}

}  // namespace atlas
