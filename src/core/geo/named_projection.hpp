#pragma once
/// The short projection names (geo/projection.hpp) and what they stand for, without PROJ: the front
/// program (io/program_files.hpp) describes them in `info` without loading PROJ and its libraries.

#include <string>

namespace atlas {

struct NamedProjection {
    const char* name;        ///< "albers", "mercator", "platecarree"
    const char* definition;  ///< the CRS as the user reads it (PROJ string or EPSG code)
    /// The operation PROJ 9 chooses from EPSG:4326 to `definition`, in lon/lat order
    /// (proj_normalize_for_visualization, then proj_as_proj_string): built from it, a named projection
    /// needs no search of PROJ's database, which took a fifth of an `info` (tests/core/geo/projection_test.cpp
    /// checks that both project alike).
    const char* pipeline;
};

/// The short name's entry, or null when `name` is not a short name (it is then PROJ's to resolve).
const NamedProjection* named_projection(const std::string& name);

}  // namespace atlas
