#include "geo/gcj02.hpp"

#include <cmath>

namespace atlas {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;  // Krasovsky 1940 eccentricity squared

double offset_lat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offset_lon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}
}  // namespace

bool outside_gcj02_area(const LonLat& p) {
    return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LonLat wgs84_to_gcj02(const LonLat& p) {
    if (outside_gcj02_area(p)) return p;
    double dlat = offset_lat(p.lon - 105.0, p.lat - 35.0);
    double dlon = offset_lon(p.lon - 105.0, p.lat - 35.0);
    double radlat = p.lat / 180.0 * kPi;
    double magic = 1 - kEe * std::sin(radlat) * std::sin(radlat);
    double sqrt_magic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
    dlon = (dlon * 180.0) / (kA / sqrt_magic * std::cos(radlat) * kPi);
    return {p.lon + dlon, p.lat + dlat};
}

LonLat gcj02_to_wgs84(const LonLat& p) {
    if (outside_gcj02_area(p)) return p;
    LonLat guess = p;
    for (int i = 0; i < 30; ++i) {
        LonLat forward = wgs84_to_gcj02(guess);
        double dlon = forward.lon - p.lon, dlat = forward.lat - p.lat;
        guess.lon -= dlon;
        guess.lat -= dlat;
        if (std::fabs(dlon) < 1e-9 && std::fabs(dlat) < 1e-9) break;
    }
    return guess;
}

}  // namespace atlas
