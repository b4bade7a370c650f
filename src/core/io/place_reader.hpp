#pragma once
/// Reads the plan's places (model/place.hpp) from the two CSV files of geodata/source/places/:
/// innovation-reform-pilot-zones-2015.csv and national-new-districts-2017.csv.

#include <string>

#include "model/place.hpp"

namespace atlas {

/// The folder holding them beside the bundled data (a build folder's geodata/places, or
/// DATADIR/clusteratlas/places once installed).
std::string bundled_places_dir();

/// Reads both files of `dir`. Throws AtlasError(Input) naming the file, line and field of the first
/// problem: a missing file or column, a code that is not six digits, a place without name or code.
PlaceSet read_places(const std::string& dir);

}  // namespace atlas
