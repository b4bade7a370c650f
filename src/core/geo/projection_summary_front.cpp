// summarize_projection in the front program (io/program_files.hpp), which links no PROJ: loading
// PROJ and its libraries (curl, TIFF and theirs) was half of the front's start. A short name is
// known here; any other is PROJ's to resolve, in the full program.
#include "error.hpp"
#include "geo/named_projection.hpp"
#include "geo/projection.hpp"

namespace atlas {

ProjectionSummary summarize_projection(const std::string& name) {
    const NamedProjection* known = named_projection(name);
    if (known == nullptr) throw NeedsFullProgram{"a projection resolved by PROJ"};
    return {known->definition, ""};
}

}  // namespace atlas
