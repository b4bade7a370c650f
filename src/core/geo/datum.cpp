#include "geo/datum.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "error.hpp"
#include "geo/gcj02.hpp"
#include "text/escape.hpp"

namespace atlas {

namespace {
constexpr double kXPi = 3.14159265358979323846 * 3000.0 / 180.0;
}

Datum parse_datum(const std::string& name) {
    std::string n;
    for (char c : name)
        if (c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "wgs84") return Datum::Wgs84;
    if (n == "gcj02") return Datum::Gcj02;
    if (n == "bd09") return Datum::Bd09;
    throw AtlasError(ErrorKind::Usage, "unknown datum " + quote_value(name) + " (use wgs84, gcj02 or bd09)");
}

const char* to_string(Datum datum) {
    switch (datum) {
        case Datum::Gcj02:
            return "gcj02";
        case Datum::Bd09:
            return "bd09";
        case Datum::Wgs84:
            break;
    }
    return "wgs84";
}

LonLat bd09_to_gcj02(const LonLat& p) {
    double x = p.lon - 0.0065, y = p.lat - 0.006;
    double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    return {z * std::cos(theta), z * std::sin(theta)};
}

LonLat gcj02_to_bd09(const LonLat& p) {
    double z = std::sqrt(p.lon * p.lon + p.lat * p.lat) + 0.00002 * std::sin(p.lat * kXPi);
    double theta = std::atan2(p.lat, p.lon) + 0.000003 * std::cos(p.lon * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

LonLat to_wgs84(const LonLat& p, Datum datum) {
    if (datum == Datum::Wgs84 || outside_gcj02_area(p)) return p;
    return gcj02_to_wgs84(datum == Datum::Bd09 ? bd09_to_gcj02(p) : p);
}

}  // namespace atlas
