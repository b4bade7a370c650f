#include "geo/named_projection.hpp"

#include <algorithm>
#include <vector>

#include "geo/projection.hpp"

namespace atlas {

namespace {
constexpr NamedProjection kNamed[] = {
    {"albers", "+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84 +units=m +no_defs +type=crs",
     "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=aea +lat_0=0 +lon_0=105 +lat_1=25 "
     "+lat_2=47 +x_0=0 +y_0=0 +ellps=WGS84"},
    {"mercator", "EPSG:3857",
     "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=webmerc +lat_0=0 +lon_0=0 +x_0=0 "
     "+y_0=0 +ellps=WGS84"},
    {"platecarree", "+proj=eqc +lat_ts=0 +lon_0=105 +datum=WGS84 +units=m +no_defs +type=crs",
     "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=eqc +lat_ts=0 +lat_0=0 +lon_0=105 "
     "+x_0=0 +y_0=0 +ellps=WGS84"},
};
}  // namespace

const NamedProjection* named_projection(const std::string& name) {
    for (const auto& p : kNamed)
        if (name == p.name) return &p;
    return nullptr;
}

std::string projection_definition(const std::string& name) {
    const NamedProjection* p = named_projection(name);
    if (p != nullptr) return p->definition;
    // A bare number is an EPSG code, as QGIS's CRS search reads it: PROJ took '4326' for a CRS name
    // ("several objects matching this name") and '3857' for none.
    bool digits = !name.empty() && name.size() <= 6 &&
                  std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? "EPSG:" + name : name;
}

std::vector<std::string> projection_names() {
    std::vector<std::string> names;
    for (const auto& p : kNamed) names.emplace_back(p.name);
    return names;
}

}  // namespace atlas
