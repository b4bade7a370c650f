#include "io/ogr_layer_writer.hpp"

#include <ogrsf_frmts.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/input_file.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

void fail_output(const std::string& message) { throw AtlasError(ErrorKind::Output, message); }

std::string write_failure_reason(const std::string& written) {
    int error = errno;
    if (error == ENOSPC || error == EDQUOT || error == EFBIG || error == EIO || error == EROFS)
        return std::strerror(error);
    // GDAL reports a full disk as "Unexpected I/O failure" or not at all.
    struct statvfs fs {};
    std::string folder = std::filesystem::path(written).parent_path().string();
    if (!folder.empty() && ::statvfs(folder.c_str(), &fs) == 0 &&
        static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < (1u << 20))
        return std::strerror(ENOSPC);
    std::string gdal = last_gdal_error();
    // A file size limit (ulimit -f) with SIGXFSZ ignored: GDAL's FlatGeobuf writer says "Unexpected I/O
    // failure: reading temp feature" of the EFBIG its temporary file met.
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        (gdal.empty() || gdal.find("I/O") != std::string::npos))
        return std::string(std::strerror(EFBIG)) + " (this process may write files of at most " +
               human_size(static_cast<std::uint64_t>(limit.rlim_cur)) + ": ulimit -f)";
    return gdal.empty() ? "GDAL gave no reason" : gdal;
}

DriverTraits traits_of(GDALDriver* driver) {
    const char* types = driver->GetMetadataItem(GDAL_DMD_CREATIONFIELDDATATYPES);
    std::string name = driver->GetDescription();
    std::string listed = types != nullptr ? types : "";
    // GDAL's CSV writes a list as JSON ("[ ""zhongyuan"" ]"): joined "a; b" instead, as the
    // command's own CSV, the Shapefile and `list` give it.
    bool lists = listed.find("StringList") != std::string::npos && name != "CSV";
    return {lists, name == "ESRI Shapefile", types == nullptr || listed.find("Integer64") != std::string::npos};
}

namespace {

/// Whether every value of field `i` fits a 32-bit integer.
bool fits_int32(const OutLayer& layer, std::size_t i) {
    return std::all_of(layer.features.begin(), layer.features.end(), [&](const OutFeature& f) {
        const auto* v = std::get_if<std::int64_t>(&f.values[i]);
        return v == nullptr || (*v >= INT32_MIN && *v <= INT32_MAX);
    });
}

/// A driver without 64-bit integers (KML) takes 32-bit ones, or reals for counts beyond them: GDAL
/// would otherwise write them as text.
OGRFieldType ogr_type(const OutLayer& layer, std::size_t i, const DriverTraits& traits) {
    switch (layer.fields[i].type) {
        case FieldType::Real:
            return OFTReal;
        case FieldType::Integer:
            if (traits.integer64) return OFTInteger64;
            return fits_int32(layer, i) ? OFTInteger : OFTReal;
        case FieldType::StringList:
            return traits.lists ? OFTStringList : OFTString;
        case FieldType::String:
            break;
    }
    return OFTString;
}

OGRLinearRing make_ring(const Ring& ring) {
    OGRLinearRing r;
    for (const LonLat& p : ring) r.addPoint(p.lon, p.lat);
    return r;
}

void set_value(OGRFeature& feature, int index, const FieldValue& value, const DriverTraits& traits) {
    if (std::holds_alternative<std::string>(value)) {
        feature.SetField(index, std::get<std::string>(value).c_str());
    } else if (std::holds_alternative<double>(value)) {
        feature.SetField(index, std::get<double>(value));
    } else if (std::holds_alternative<std::int64_t>(value)) {
        feature.SetField(index, static_cast<GIntBig>(std::get<std::int64_t>(value)));
    } else if (std::holds_alternative<std::vector<std::string>>(value) && !traits.lists) {
        feature.SetField(index, join(std::get<std::vector<std::string>>(value)).c_str());
    } else if (std::holds_alternative<std::vector<std::string>>(value)) {
        CPLStringList list;
        for (const auto& s : std::get<std::vector<std::string>>(value)) list.AddString(s.c_str());
        feature.SetField(index, list.List());
    } else {
        feature.SetFieldNull(index);
    }
}

}  // namespace

std::unique_ptr<OGRGeometry> ogr_geometry(const OutLayer& layer, const OutFeature& f) {
    if (layer.points) return std::make_unique<OGRPoint>(f.point.lon, f.point.lat);
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : f.polygons) {
        OGRPolygon p;
        OGRLinearRing outer = make_ring(polygon.outer);
        p.addRing(&outer);
        for (const Ring& hole : polygon.holes) {
            OGRLinearRing inner = make_ring(hole);
            p.addRing(&inner);
        }
        multi->addGeometry(&p);
    }
    return multi;
}

CPLStringList to_options(const std::vector<std::string>& options) {
    CPLStringList list;
    for (const auto& o : options) list.AddString(o.c_str());
    return list;
}

void write_ogr_layer(GDALDataset& ds, const OutLayer& layer, const WriteOptions& options, const DriverTraits& traits,
                     const std::string& target, std::size_t& done, std::size_t total) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::vector<std::string> all_options = options.layer_options;
    all_options.insert(all_options.end(), layer.layer_options.begin(), layer.layer_options.end());
    CPLStringList layer_options = to_options(all_options);
    OGRLayer* out =
        ds.CreateLayer(layer.name.c_str(), &wgs84, layer.points ? wkbPoint : wkbMultiPolygon, layer_options.List());
    if (out == nullptr)
        fail_output(target + ": cannot create layer " + quote_value(layer.name, 40) + " (" + last_gdal_error() + ")");
    for (const auto& [key, value] : layer.metadata) out->SetMetadataItem(key.c_str(), value.c_str());
    // Drivers may hold fields in another order than created (KML keeps its Name and Description
    // first), so values are set by the index the driver gives each name.
    std::vector<int> index;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        const FieldDef& def = layer.fields[i];
        const std::string& name = traits.short_names && !def.short_name.empty() ? def.short_name : def.name;
        OGRFieldDefn field(name.c_str(), ogr_type(layer, i, traits));
        OGRFeatureDefn* defn = out->GetLayerDefn();
        int before = defn->GetFieldCount();
        if (out->CreateField(&field) != OGRERR_NONE)
            fail_output(target + ": cannot create field " + quote_value(def.name, 40) + " (" + last_gdal_error() + ")");
        // The field just added is this one, under whatever name the driver gave it: PostgreSQL
        // launders "GDP-2016" to "gdp_2016" (said), and "a" after "A" to "data_a", where a lookup by
        // name (case-blind) wrote a's values into A's column.
        int at = defn->GetFieldCount() == before + 1 ? before : defn->GetFieldIndex(name.c_str());
        if (at >= 0 && name != defn->GetFieldDefn(at)->GetNameRef() && options.renamed)
            options.renamed(layer.name, def.name, defn->GetFieldDefn(at)->GetNameRef());
        index.push_back(at);
        if (index.back() < 0) fail_output(target + ": the format dropped field " + quote_value(def.name, 40) + "");
    }
    bool transaction = out->TestCapability(OLCTransactions) && out->StartTransaction() == OGRERR_NONE;
    for (const OutFeature& f : layer.features) {
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t i = 0; i < layer.fields.size(); ++i) set_value(feature, index[i], f.values[i], traits);
        feature.SetGeometryDirectly(ogr_geometry(layer, f).release());
        if (out->CreateFeature(&feature) != OGRERR_NONE)
            fail_output(target + ": cannot write a feature of layer " + quote_value(layer.name, 40) + " (" +
                        write_failure_reason(target) + ")");
        ++done;
        if (options.progress && !options.progress(done, total)) fail_output(target + ": write interrupted");
    }
    if (transaction && out->CommitTransaction() != OGRERR_NONE)
        fail_output(target + ": cannot commit layer " + quote_value(layer.name, 40) + " (" +
                    write_failure_reason(target) + ")");
}

}  // namespace atlas
