#include "io/validated_stamp.hpp"

#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/region_reader.hpp"
#include "store/content_hash.hpp"

namespace atlas {
namespace {

constexpr std::string_view kStampText = "every geometry passed GEOS IsValid; content xxh3 ";
constexpr const char* kDigestFields[] = {"area_km2", "label_lon", "label_lat"};

void add_value(ContentHash& h, std::optional<double> value) {
    h.add(static_cast<std::uint64_t>(value.has_value()));
    if (value) h.add(*value);
}

void add_geometry(ContentHash& h, const OGRGeometry* g) {
    std::string wkb(g != nullptr ? static_cast<std::size_t>(g->WkbSize()) : 0, '\0');
    if (g != nullptr) g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
    h.add(wkb);
}

/// Adds a feature read back from a layer: its values as GDAL returns them.
void add_feature(ContentHash& h, const OGRFeature& f) {
    const OGRFeatureDefn* defn = f.GetDefnRef();
    int code = defn->GetFieldIndex(bundled_schema::kCodeField);
    h.add(std::string_view(code >= 0 && f.IsFieldSetAndNotNull(code) ? f.GetFieldAsString(code) : ""));
    for (const char* name : kDigestFields) {
        int i = defn->GetFieldIndex(name);
        add_value(h, i >= 0 && f.IsFieldSetAndNotNull(i) ? std::optional(f.GetFieldAsDouble(i)) : std::nullopt);
    }
    add_geometry(h, f.GetGeometryRef());
}

int field_at(const OutLayer& layer, std::string_view name) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace

bool stamp_has_digest(const std::string& stamp) {
    return stamp.size() == kStampText.size() + 16 && stamp.compare(0, kStampText.size(), kStampText) == 0;
}

std::string validated_stamp(const OutLayer& layer) {
    // The same digest as add_feature gives once the layer is read back: values as GDAL returns them.
    ContentHash h;
    int code = field_at(layer, bundled_schema::kCodeField);
    for (const OutFeature& f : layer.features) {
        const std::string* text = code >= 0 ? std::get_if<std::string>(&f.values[code]) : nullptr;
        h.add(std::string_view(text != nullptr ? *text : ""));
        for (const char* name : kDigestFields) {
            int i = field_at(layer, name);
            const double* value = i >= 0 ? std::get_if<double>(&f.values[i]) : nullptr;
            add_value(h, value != nullptr ? std::optional(*value) : std::nullopt);
        }
        std::unique_ptr<OGRGeometry> g = ogr_geometry(layer, f);
        add_geometry(h, g.get());
    }
    h.add(static_cast<std::uint64_t>(layer.features.size()));
    return std::string(kStampText) + h.hex();
}

bool stamp_describes(const std::string& stamp, const std::vector<const OGRFeature*>& features) {
    if (!stamp_has_digest(stamp)) return false;
    ContentHash h;
    for (const OGRFeature* f : features) add_feature(h, *f);
    h.add(static_cast<std::uint64_t>(features.size()));
    return stamp.substr(kStampText.size()) == h.hex();
}

bool stamp_describes(const std::string& stamp, OGRLayer& layer, const std::string& where) {
    if (!stamp_has_digest(stamp)) return false;
    // Streamed: the county layer's 4.3 million vertices are not held twice.
    ContentHash h;
    std::uint64_t count = 0;
    layer.ResetReading();
    CPLErrorReset();
    for (;;) {
        std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
        if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
            throw AtlasError(ErrorKind::Input, where + ": read failed after feature " + std::to_string(count) + " (" +
                                                   last_gdal_error() + ")");
        if (!f) break;
        add_feature(h, *f);
        ++count;
    }
    layer.ResetReading();
    h.add(count);
    return stamp.substr(kStampText.size()) == h.hex();
}

}  // namespace atlas
