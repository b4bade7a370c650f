// libFuzzer target: reading boundaries from GeoJSON through GDAL and the region reader (fields,
// geometry types, CRS, coordinates, GEOS validation and repair). The input is served from GDAL's
// in-memory file system. Any input must end in a layer or an AtlasError.
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/region_reader.hpp"

namespace {
/// The first layer's name (a FeatureCollection's "name", else the file's), or "fuzz".
std::string first_layer(const char* path) {
    atlas::QuietGdalErrors quiet;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path, GDAL_OF_VECTOR | GDAL_OF_READONLY));
    return ds && ds->GetLayerCount() > 0 ? ds->GetLayer(0)->GetName() : "fuzz";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* path = "/vsimem/fuzz.geojson";
    auto* copy = static_cast<GByte*>(CPLMalloc(size == 0 ? 1 : size));
    if (size > 0) std::memcpy(copy, data, size);
    VSIFCloseL(VSIFileFromMemBuffer(path, copy, static_cast<vsi_l_offset>(size), TRUE));
    atlas::ensure_gdal_registered();
    atlas::LayerSpec spec;
    spec.source = path;
    spec.layer = first_layer(path);
    try {
        atlas::ReadReport report;
        atlas::read_regions(spec, atlas::UnitLevel::Province, report);
    } catch (const atlas::AtlasError&) {
    }
    VSIUnlink(path);
    return 0;
}
