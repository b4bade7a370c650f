#include "geo/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "error.hpp"
#include "geo/named_projection.hpp"
#include "text/escape.hpp"
#include "text/number.hpp"

namespace atlas {

struct Projection::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
    double metres_per_unit = 1;  ///< what one unit of the CRS's axes is in metres (unit_metres)
    ~Impl() {
        if (transform != nullptr) proj_destroy(transform);
        if (context != nullptr) proj_context_destroy(context);
    }
};

namespace {

/// PROJ's error messages for one context, kept for the user (without PROJ's own prefix).
void keep_log(void* data, int level, const char* message) {
    if (level > PJ_LOG_ERROR || message == nullptr) return;
    std::string m = message;
    for (const char* prefix : {"proj_create_crs_to_crs: ", "proj_create: "})
        if (m.rfind(prefix, 0) == 0) m.erase(0, std::string(prefix).size());
    std::size_t colon = m.find("): ");  // "Error 1027 (Invalid value for an argument): merc: ..." -> "merc: ..."
    if (m.rfind("Error ", 0) == 0 && colon != std::string::npos) m.erase(0, colon + 3);
    *static_cast<std::string*>(data) = m;
}

std::string degrees(double v) { return short_number(v); }

/// The horizontal CRS of a bound or compound one (EPSG:4326+5773), which holds the axes.
PJ* horizontal_crs(PJ_CONTEXT* context, PJ* crs) {
    PJ_TYPE type = proj_get_type(crs);
    PJ* inner = type == PJ_TYPE_BOUND_CRS      ? proj_get_source_crs(context, crs)
                : type == PJ_TYPE_COMPOUND_CRS ? proj_crs_get_sub_crs(context, crs, 0)
                                               : nullptr;
    if (inner == nullptr) return crs;
    proj_destroy(crs);
    return horizontal_crs(context, inner);
}

/// Metres per unit of the CRS's first axis: 1 for metres, 0.3048 for feet, and for degrees (a
/// geographic CRS such as EPSG:4326) the length of a degree of longitude at the equator, so that the
/// map is drawn as its plate carrée in metres. The scene takes projected units for metres (levels of
/// detail, label density, the scale bar): EPSG:4326 drew every county's name at the national view,
/// its 60 "metres" wide China read as the most zoomed level (helper-51).
double unit_metres(PJ_CONTEXT* context, const std::string& definition) {
    PJ* crs = proj_create(context, definition.c_str());
    if (crs == nullptr || !proj_is_crs(crs)) {
        if (crs != nullptr) proj_destroy(crs);
        return 1;
    }
    crs = horizontal_crs(context, crs);
    PJ* cs = proj_crs_get_coordinate_system(context, crs);
    double factor = 1;
    bool read = cs != nullptr && proj_cs_get_axis_info(context, cs, 0, nullptr, nullptr, nullptr, &factor, nullptr,
                                                       nullptr, nullptr) != 0;
    bool angular = cs != nullptr && proj_cs_get_type(context, cs) == PJ_CS_TYPE_ELLIPSOIDAL;
    if (cs != nullptr) proj_destroy(cs);
    proj_destroy(crs);
    if (!read || !(factor > 0) || !std::isfinite(factor)) return 1;
    constexpr double kEquatorialRadius = 6378137.0;  // WGS84, metres
    return angular ? factor * kEquatorialRadius : factor;
}

bool equal_ignoring_case(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

/// Projections that are not maps: geocentric (XYZ) and other non-2D CRSs.
void check_crs_kind(PJ_CONTEXT* context, const std::string& name, const std::string& definition, std::string& caveat) {
    PJ* crs = proj_create(context, definition.c_str());
    // A bare "+proj=geocent" is an operation to proj_create, but a CRS to proj_create_crs_to_crs,
    // which then draws X and Y of geocentric space as a map: judged as the CRS it becomes.
    if (crs != nullptr && !proj_is_crs(crs) && definition.rfind('+', 0) == 0 &&
        definition.find("+type=crs") == std::string::npos) {
        proj_destroy(crs);
        crs = proj_create(context, (definition + " +type=crs").c_str());
    }
    if (crs == nullptr) return;  // proj_create_crs_to_crs judges it
    // A bare word is looked up by PROJ among the CRS names, where "foo" found Amersfoort / RD New and
    // "Beijing" a Beijing 1954 CRS: a name is taken only when it is the CRS's whole name.
    const bool word = definition.find_first_of("+:[{") == std::string::npos;
    const char* found = proj_get_name(crs);
    if (word && (found == nullptr || !equal_ignoring_case(found, definition))) {
        std::string nearest = found != nullptr ? std::string(found) : std::string();
        proj_destroy(crs);
        throw AtlasError(ErrorKind::Usage,
                         "unknown projection " + quote_value(name) +
                             (nearest.empty() ? "" : " (PROJ's nearest CRS name is " + quote_value(nearest, 60) + ")") +
                             ": use albers, mercator, platecarree, an EPSG code, a PROJ string "
                             "or a CRS's whole name");
    }
    PJ_TYPE type = proj_get_type(crs);
    double w = 0, s = 0, e = 0, n = 0;
    const char* area = nullptr;
    bool has_area = proj_get_area_of_use(context, crs, &w, &s, &e, &n, &area) != 0;
    proj_destroy(crs);
    if (type == PJ_TYPE_GEOCENTRIC_CRS || type == PJ_TYPE_VERTICAL_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS)
        throw AtlasError(ErrorKind::Usage,
                         "projection " + quote_value(name) + " is a " +
                             (type == PJ_TYPE_GEOCENTRIC_CRS ? "geocentric (X, Y, Z)" : "3D or vertical") +
                             " CRS, not a map projection");
    // China spans about 73..135 E, 18..54 N; a CRS meant for somewhere else distorts it badly.
    if (has_area && w < e && (e < 73 || w > 135 || n < 18 || s > 54))
        caveat = "projection " + quote_value(name) + " is meant for lon " + degrees(w) + ".." + degrees(e) + ", lat " +
                 degrees(s) + ".." + degrees(n) +
                 ", not China (lon 73..135, lat 18..54): expect China torn or distorted";
}

}  // namespace

Projection::Projection(const std::string& name)
    : impl_(std::make_unique<Impl>()), name_(name), definition_(projection_definition(name)) {
    impl_->context = proj_context_create();
    if (const NamedProjection* known = named_projection(name)) {
        impl_->transform = proj_create(impl_->context, known->pipeline);
        if (impl_->transform == nullptr) throw std::logic_error("projection " + name + ": PROJ refused its pipeline");
        check_china_visible();
        return;
    }
    std::string proj_message;
    proj_log_func(impl_->context, &proj_message, keep_log);
    proj_log_level(impl_->context, PJ_LOG_ERROR);
    check_crs_kind(impl_->context, name, definition_, caveat_);
    PJ* raw = proj_create_crs_to_crs(impl_->context, "EPSG:4326", definition_.c_str(), nullptr);
    proj_log_func(impl_->context, nullptr, nullptr);
    proj_log_level(impl_->context, PJ_LOG_NONE);
    if (raw == nullptr && (proj_message.empty() || proj_message.find("unknown name") != std::string::npos ||
                           proj_message.find("unrecognized format") != std::string::npos))
        throw AtlasError(ErrorKind::Usage, "unknown projection " + quote_value(name) + ": use " +
                                               "albers, mercator, platecarree, " + "an EPSG code or a PROJ string");
    if (raw == nullptr)
        throw AtlasError(ErrorKind::Usage,
                         "projection " + quote_value(name) + ": " + escape_controls(proj_message) + " (PROJ)");
    impl_->transform = proj_normalize_for_visualization(impl_->context, raw);
    proj_destroy(raw);
    impl_->metres_per_unit = unit_metres(impl_->context, definition_);
    if (impl_->transform == nullptr)
        throw AtlasError(ErrorKind::Usage,
                         "projection " + quote_value(name) + " cannot be normalised to lon/lat order");
    check_china_visible();
}

void Projection::check_china_visible() {
    // A grid over China's bounding box: a projection under which most of it does not project
    // (the far side of an orthographic globe, a polar projection's other hemisphere) would draw an
    // empty map.
    std::vector<LonLat> grid;
    for (int i = 0; i <= 10; ++i)
        for (int j = 0; j <= 10; ++j) grid.push_back({73.0 + 6.2 * i, 18.0 + 3.6 * j});
    std::size_t visible = 0;
    for (const ProjectedXY& p : forward(grid)) visible += std::isfinite(p.x);
    if (visible * 4 < grid.size())
        throw AtlasError(ErrorKind::Usage, "projection " + quote_value(name_) +
                                               " cannot show China: " + std::to_string(visible) + " of " +
                                               std::to_string(grid.size()) + " points of China's bounding box project");
    if (visible < grid.size() && caveat_.empty())
        caveat_ = "projection " + quote_value(name_) + " places only " + std::to_string(visible) + " of " +
                  std::to_string(grid.size()) + " points of China's bounding box: part of China will be missing";
    check_china_whole();
}

void Projection::check_china_whole() const {
    // An edge of the projection (the antimeridian of its lon_0, an interruption) inside China tears
    // the map in two: neighbouring points land on opposite sides. Along parallels across China, a
    // step 50 times the median step is such a jump.
    for (double lat : {20.0, 30.0, 40.0, 50.0}) {
        std::vector<LonLat> row;
        for (double lon = 73.0; lon <= 135.0; lon += 0.5) row.push_back({lon, lat});
        std::vector<ProjectedXY> xy = forward(row);
        std::vector<double> steps;
        for (std::size_t i = 1; i < xy.size(); ++i)
            if (std::isfinite(xy[i].x) && std::isfinite(xy[i - 1].x))
                steps.push_back(std::hypot(xy[i].x - xy[i - 1].x, xy[i].y - xy[i - 1].y));
        if (steps.size() < 10) continue;
        std::vector<double> sorted = steps;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        double median = sorted[sorted.size() / 2];
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i] > 50 * median) {
                char where[64];
                std::snprintf(where, sizeof where, "lon %.1f, lat %.0f", row[i].lon + 0.25, lat);
                throw AtlasError(ErrorKind::Usage, "projection " + quote_value(name_) + " tears China in two near " +
                                                       where +
                                                       " (an edge of the projection, such as the antimeridian of "
                                                       "its lon_0, runs through China); centre it on China, e.g. "
                                                       "+lon_0=105");
            }
    }
}

Projection::~Projection() = default;

bool Projection::forward(const LonLat& in, ProjectedXY& out) const {
    PJ_COORD c = proj_trans(impl_->transform, PJ_FWD, proj_coord(in.lon, in.lat, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL) return false;
    out = {c.xy.x * impl_->metres_per_unit, c.xy.y * impl_->metres_per_unit};
    return true;
}

std::vector<ProjectedXY> Projection::forward(const std::vector<LonLat>& points) const {
    std::vector<ProjectedXY> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) out[i] = {points[i].lon, points[i].lat};
    if (out.empty()) return out;
    proj_trans_generic(impl_->transform, PJ_FWD, &out[0].x, sizeof(ProjectedXY), out.size(), &out[0].y,
                       sizeof(ProjectedXY), out.size(), nullptr, 0, 0, nullptr, 0, 0);
    const double m = impl_->metres_per_unit;
    for (ProjectedXY& p : out)
        p = !std::isfinite(p.x) || !std::isfinite(p.y) || p.x == HUGE_VAL ? ProjectedXY{NAN, NAN}
                                                                          : ProjectedXY{p.x * m, p.y * m};
    return out;
}

bool Projection::inverse(const ProjectedXY& in, LonLat& out) const {
    const double m = impl_->metres_per_unit;
    PJ_COORD c = proj_trans(impl_->transform, PJ_INV, proj_coord(in.x / m, in.y / m, 0, 0));
    if (!std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi) || c.lp.lam == HUGE_VAL) return false;
    out = {c.lp.lam, c.lp.phi};
    return true;
}

}  // namespace atlas
