// summarize_projection in the full program: PROJ builds the projection and judges it.
#include "geo/projection.hpp"

namespace atlas {

ProjectionSummary summarize_projection(const std::string& name) {
    Projection projection(name);
    return {projection.definition(), projection.caveat()};
}

}  // namespace atlas
