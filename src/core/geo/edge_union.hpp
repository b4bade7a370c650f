#pragma once
/// Union of polygons that form a clean coverage, by cancelling shared edges: every border two
/// polygons share appears once in each direction and drops out; what is left is the outline, which
/// is chained back into rings. Linear in the number of vertices, where an overlay is far slower.

#include <optional>
#include <vector>

#include "geo/geometry.hpp"

namespace atlas {

/// The union, or nothing when the parts do not form a clean coverage (an edge repeated in the same
/// direction, or an outline that does not close).
std::optional<MultiPolygon> edge_union(const std::vector<const MultiPolygon*>& parts);

}  // namespace atlas
