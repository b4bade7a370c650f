// The geodesic polygon area from PROJ, in a file of its own: the reference geodesic_area_km2 is
// tested against, which the front program (io/program_files.hpp) must not pull in with PROJ.
#include <geodesic.h>

#include <cmath>
#include <vector>

#include "geo/operations.hpp"

namespace atlas {

double proj_geodesic_area_km2(const MultiPolygon& geometry) {
    geod_geodesic geod;
    geod_init(&geod, 6378137.0, 1 / 298.257223563);  // WGS84
    auto ring_m2 = [&](const Ring& ring) {
        if (ring.size() < 4) return 0.0;
        std::vector<double> lats, lons;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) lats.push_back(ring[i].lat), lons.push_back(ring[i].lon);
        double area = 0, perimeter = 0;
        geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, &perimeter);
        return std::fabs(area);
    };
    double total = 0;
    for (const Polygon& polygon : geometry) {
        total += ring_m2(polygon.outer);
        for (const Ring& hole : polygon.holes) total -= ring_m2(hole);
    }
    return total / 1e6;
}

}  // namespace atlas
