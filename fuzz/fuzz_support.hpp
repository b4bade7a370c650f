#pragma once
/// What the fuzz targets share: the bundled boundary layers, loaded once per process.

#include "io/region_reader.hpp"

namespace atlas::fuzz {

/// The bundled provinces and prefectures (geodata/china.gpkg), read on first use.
const RegionLayer& provinces();
const RegionLayer& prefectures();

}  // namespace atlas::fuzz
