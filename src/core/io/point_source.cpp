#include "io/point_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/input_file.hpp"
#include "io/layer_text.hpp"
#include "io/ogr_wgs84.hpp"
#include "io/point_batcher.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/number.hpp"

namespace atlas {

void PointBatch::clear() {
    for (auto* v : {&lon, &lat, &raw_lon, &raw_lat, &value}) v->clear();
    category.clear();
    line.clear();
    code.clear();
}

bool is_csv_path(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return path.rfind("PG:", 0) != 0 && (ext == ".csv" || ext == ".tsv" || ext == ".txt");
}

std::string coordinate_columns_advice(const PointSourceOptions& options) {
    if (options.lon_option.empty()) return "name them lon and lat in the file's header";
    return "name them with " + options.lon_option + " and " + options.lat_option;
}

namespace points_detail {

namespace {

/// "firms.csv:12" for a line, "firms.gpkg: feature 3" for a feature, the path alone for the file.
std::string located(const std::string& path, const std::string& where) {
    if (where.empty()) return escape_controls(path);
    bool line = std::isdigit(static_cast<unsigned char>(where[0])) != 0;
    return escape_controls(path) + (line ? ":" : ": ") + where;
}

}  // namespace

void PointProblems::add(const std::string& where, const std::string& what, const std::string& kind) {
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (kinds_[i] == kind) {
            ++repeats_[i];
            return;
        }
    lines_.push_back(located(path_, where) + ": " + what);
    kinds_.push_back(kind);
    repeats_.push_back(0);
    if (lines_.size() > kMost) {
        lines_.pop_back();
        lines_.push_back("... and more: reading stopped at " + where);
        raise_if_any();
    }
}

void PointProblems::fatal(const std::string& what, const std::string& where) {
    lines_.push_back(located(path_, where) + ": " + what);
    raise_if_any();
    fail_input(what);  // not reached: raise_if_any threw
}

void PointProblems::raise_if_any() const {
    if (lines_.empty()) return;
    std::vector<std::string> out = lines_;
    for (std::size_t i = 0; i < out.size() && i < repeats_.size(); ++i)
        if (repeats_[i] > 0) out[i] += " (and " + with_separators(repeats_[i]) + " more like it)";
    fail_input(join(out, "\n"));
}

bool parse_number(std::string_view cell, double& out) {
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
    if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
    if (cell.empty()) return false;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
    return ec == std::errc() && end == cell.data() + cell.size() && std::isfinite(out);
}

namespace {

/// Without `show_values` (a file a session names) neither the column's header nor the number is shown.
std::string range_problem(double v, bool lat, const std::string& column, bool show_values, const std::string& advice) {
    std::string where = column.empty() || !show_values ? std::string(lat ? "latitude " : "longitude ")
                                                       : "column " + quote_value(column, 40) + ": ";
    char number[32];
    std::snprintf(number, sizeof number, "%.8g", v);
    std::string text = where + (show_values ? number : "a value") + " is outside " + (lat ? "-90..90" : "-180..180");
    // --lon and --lat name a CSV's columns; a layer's points carry their own order.
    if (lat && std::abs(v) <= 180)
        text += column.empty() ? " (longitude and latitude swapped in the file? its points must give the longitude "
                                 "first, x then y)"
                               : " (longitude and latitude swapped? " + advice + ")";
    return text;
}

}  // namespace

void PointBatcher::add(double lon, double lat, double value, std::int32_t category, std::uint64_t line,
                       const std::string& where, const std::string& lon_name, const std::string& lat_name,
                       std::string_view code) {
    if (!(lon >= -180 && lon <= 180))
        return problems_.add(
            where, range_problem(lon, false, lon_name, options_.show_values, coordinate_columns_advice(options_)),
            "range lon");
    if (!(lat >= -90 && lat <= 90))
        return problems_.add(
            where, range_problem(lat, true, lat_name, options_.show_values, coordinate_columns_advice(options_)),
            "range lat");
    LonLat p = options_.datum == Datum::Wgs84 ? LonLat{lon, lat} : to_wgs84({lon, lat}, options_.datum);
    batch_.lon.push_back(p.lon);
    batch_.lat.push_back(p.lat);
    batch_.raw_lon.push_back(lon);
    batch_.raw_lat.push_back(lat);
    if (!options_.value_column.empty()) batch_.value.push_back(value);
    if (!options_.category_column.empty()) batch_.category.push_back(category);
    batch_.line.push_back(line);
    if (!options_.code_column.empty()) {
        while (!code.empty() && (code.front() == ' ' || code.front() == '\t')) code.remove_prefix(1);
        while (!code.empty() && (code.back() == ' ' || code.back() == '\t')) code.remove_suffix(1);
        batch_.code.emplace_back(code);
    }
    ++info_.points;
    if (batch_.size() >= kPointBatch && !problems_.any()) {
        sink_(batch_);
        batch_.clear();
    }
}

std::int32_t PointBatcher::category(std::string_view raw) {
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
    if (raw.empty()) return -1;
    auto [it, added] = categories_.try_emplace(std::string(raw), static_cast<std::int32_t>(raw_categories_.size()));
    if (added) raw_categories_.emplace_back(raw);
    return it->second;
}

void PointBatcher::finish(const std::function<std::string(const std::string&)>& decode) {
    problems_.raise_if_any();
    if (batch_.size() > 0) sink_(batch_);
    batch_.clear();
    info_.categories.clear();
    for (const std::string& raw : raw_categories_) info_.categories.push_back(decode(raw));
}

std::string MultiPointTally::note(const std::string& noun) const {
    if (features == 1)
        return first + " is a MultiPoint of " + std::to_string(points) + " points, each counted as a point";
    return std::to_string(features) + " " + noun + "s are MultiPoints of " + std::to_string(points) +
           " points in all (" + first + " the first), each counted as a point";
}

}  // namespace points_detail

namespace {

/// A MultiPoint's points are counted one by one; its value would then be summed once a point (a
/// feature of value 3 and two points gave both units 3, 6 in all of a file summing to 3: helper-51).
std::string multi_point_value(int points, const PointSourceOptions& options) {
    return "a MultiPoint of " + std::to_string(points) + " points with a value in " +
           quote_value(options.value_column, 40) + ": it would be summed " + std::to_string(points) +
           " times, once a point; split it into points (ogr2ogr -explodecollections) and give each its share";
}

using points_detail::MultiPointTally;
using points_detail::PointBatcher;
using points_detail::PointProblems;

OGRLayer* point_layer(GDALDataset& ds, const std::string& path, const std::string& name) {
    if (!name.empty()) {
        if (OGRLayer* l = ds.GetLayerByName(name.c_str())) return l;
        if (std::string why = unopened_shapefile(path, name); !why.empty()) throw AtlasError(ErrorKind::Input, why);
        throw AtlasError(ErrorKind::Usage, quote_value(path) + ": no layer " + quote_value(name));
    }
    if (ds.GetLayerCount() == 1) return ds.GetLayer(0);
    // A folder whose Shapefiles GDAL could not open: why ("0 layers (); name one with --layer" before).
    if (ds.GetLayerCount() == 0) {
        std::string why = unopened_shapefile(path, "");
        throw AtlasError(ErrorKind::Input, !why.empty() ? why : quote_value(path) + ": no layer of points in it");
    }
    std::vector<std::string> names;
    for (OGRLayer* l : ds.GetLayers()) names.push_back(quote_value(l->GetName(), 40));
    throw AtlasError(
        ErrorKind::Usage,
        quote_value(path) + ": " + std::to_string(names.size()) + " layers (" +
            join_first(names, ", ", 8, [](std::size_t n) { return ", ... " + std::to_string(n) + " more"; }) +
            "); name one with --layer");
}

/// The field `name` names in the layer, -1 for no name; refused in one line naming `option`, with
/// the layer's fields unless `show_values` is false (a file a session names: its fields are content).
int field_index(OGRLayer& layer, const std::string& path, const std::string& name, const std::string& option,
                bool show_values) {
    if (name.empty()) return -1;
    int i = layer.GetLayerDefn()->GetFieldIndex(name.c_str());
    if (i >= 0) return i;
    // A folder's Shapefile without its .dbf opens as a layer without fields: "no such field (it has
    // none)" sent the user looking for a misspelling.
    if (layer.GetLayerDefn()->GetFieldCount() == 0) check_folder_shapefiles(path, layer.GetName());
    std::vector<std::string> names;
    for (int f = 0; f < layer.GetLayerDefn()->GetFieldCount(); ++f)
        names.push_back(quote_value(layer.GetLayerDefn()->GetFieldDefn(f)->GetNameRef(), 40));
    std::string fields = !show_values    ? std::to_string(names.size()) + " fields, not shown"
                         : names.empty() ? std::string("it has none")
                                         : "it has " + join(names, ", ");
    throw AtlasError(ErrorKind::Usage, quote_value(path) + ", layer " + quote_value(layer.GetName()) + ": " + option +
                                           " " + quote_value(name) + ": no such field (" + fields + ")");
}

/// A Shapefile's text as the boundary reader decides it (io/layer_text.hpp), from the raw bytes of
/// the values read: GBK industry names under language driver id 0x57 were read as Latin-1
/// ('ÉúÎïÒ½Ò©') and matched no industry. One pass over the layer, which is then read again.
LayerTextEncoding decide_point_text(OGRLayer& layer, const std::string& path, int category_field, int code_field,
                                    PointSourceInfo& info) {
    std::vector<FeatureText> features;
    std::set<std::string> seen;
    std::uint64_t ordinal = 0;
    for (auto& feature : layer) {
        ++ordinal;
        for (int field : {category_field, code_field})
            if (field >= 0 && feature->IsFieldSetAndNotNull(field))
                if (std::string raw = feature->GetFieldAsString(field); seen.insert(raw).second)
                    features.push_back({feature_label(ordinal, feature->GetFID()), {raw}});
    }
    layer.ResetReading();
    std::string declared, how;
    if (const char* cpg = layer.GetMetadataItem("ENCODING_FROM_CPG", "SHAPEFILE"); cpg != nullptr && *cpg != '\0')
        declared = cpg, how = "its .cpg";
    else if (const char* ldid = layer.GetMetadataItem("ENCODING_FROM_LDID", "SHAPEFILE"); ldid != nullptr && *ldid)
        declared = ldid, how = "the .dbf's language driver id";
    LayerTextEncoding text = decide_layer_encoding(features, declared, how,
                                                   escape_controls(path) + ", layer " + quote_value(layer.GetName()));
    if (!text.note.empty()) info.notes.push_back(text.note);
    return text;
}

void read_vector_points(const std::string& path, const PointSourceOptions& options, PointSourceInfo& info,
                        PointProblems& problems, PointBatcher& batcher) {
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_path(path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {  // in the words the boundary reader uses; GDAL's reason only when it gives one
        std::string reason = last_gdal_error();
        throw AtlasError(ErrorKind::Input, escape_controls(path) + ": not a readable vector dataset" +
                                               (reason.empty() ? "" : " (" + reason + ")"));
    }
    info.kind = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "GDAL";
    // A Shapefile's text is read raw and decided from its bytes, as the boundary reader's is.
    const bool shapefile = info.kind == "ESRI Shapefile";
    if (shapefile) {
        const char* const raw[] = {"ENCODING=", nullptr};
        GDALDatasetUniquePtr again(
            GDALDataset::Open(gdal_path(path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, raw, nullptr));
        if (again) ds = std::move(again);
    }
    OGRLayer& layer = *point_layer(*ds, path, options.layer);
    // A workbook or a plain table read by GDAL has rows without geometry: one line, not "feature 1:
    // no geometry (and 7 more like it)".
    if (layer.GetGeomType() == wkbNone)
        throw AtlasError(ErrorKind::Input, escape_controls(path) + ", layer " + quote_value(layer.GetName()) +
                                               ": a table without geometry (" + info.kind +
                                               "); save it as CSV with longitude and latitude columns");
    std::unique_ptr<OGRCoordinateTransformation> ct = layer_to_wgs84(layer, path);
    bool show = options.show_values;
    int value_field = field_index(layer, path, options.value_column, options.value_option, show);
    int category_field = field_index(layer, path, options.category_column, "--industry-column", show);
    int code_field = field_index(layer, path, options.code_column, "--expect-code", show);
    LayerTextEncoding encoding;
    if (shapefile) encoding = decide_point_text(layer, path, category_field, code_field, info);
    auto text_of = [&](OGRFeature& f, int field) { return decode_layer_text(f.GetFieldAsString(field), encoding); };
    CPLErrorReset();
    // GDAL reads a coordinate that is no number as no geometry, saying why only in its error, and a
    // driver that reads the whole file at its first feature says it then: the reason is kept until
    // the feature without geometry it belongs to.
    std::string unread;
    MultiPointTally multi;
    std::uint64_t ordinal = 0;
    for (auto& feature : layer) {
        const std::string where = feature_label(++ordinal, feature->GetFID());
        if (CPLGetLastErrorType() == CE_Failure) unread = last_gdal_error();
        CPLErrorReset();
        double value = std::nan("");
        if (value_field >= 0 && feature->IsFieldSetAndNotNull(value_field)) {
            std::string_view text = feature->GetFieldAsString(value_field);
            // An empty text cell is a missing value, as a CSV's empty cell is (README): it was
            // refused as "'' is not a number" from a GeoPackage's String column.
            bool blank = text.find_first_not_of(" \t") == std::string_view::npos;
            if (!blank && !points_detail::parse_number(text, value)) {
                problems.add(where,
                             "field " + quote_value(options.value_column, 40) + ": " +
                                 (options.show_values ? quote_value(text, 40) : "a value") + why_not_a_number(text),
                             "value");
                continue;
            }
        }
        std::int32_t category = category_field >= 0 && feature->IsFieldSetAndNotNull(category_field)
                                    ? batcher.category(text_of(*feature, category_field))
                                    : -1;
        OGRGeometry* g = feature->GetGeometryRef();
        if (g == nullptr || g->IsEmpty()) {
            std::string why = !unread.empty() ? "no geometry (" + unread + ")"
                              : g != nullptr
                                  ? "an empty geometry (no coordinates, or ones GDAL could not read, such as NaN)"
                                  : "no geometry";
            // Each its own kind: a NaN point was counted into "no geometry (and 1 more like it)".
            problems.add(where, why, !unread.empty() ? "unread" : g != nullptr ? "empty" : "no geometry");
            unread.clear();
            continue;
        }
        std::string problem = ct ? lonlat_problem(*g, *ct, false) : std::string();
        if (!problem.empty()) {
            problems.add(where, problem, "transform");
            continue;
        }
        auto add = [&](const OGRPoint& p) {
            batcher.add(p.getX(), p.getY(), value, category, ordinal, where, "", "",
                        code_field >= 0 ? text_of(*feature, code_field) : "");
        };
        OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
        if (type == wkbPoint)
            add(*g->toPoint());
        else if (type == wkbMultiPoint && !std::isnan(value) && g->toMultiPoint()->getNumGeometries() > 1)
            problems.add(where, multi_point_value(g->toMultiPoint()->getNumGeometries(), options), "multi value");
        else if (type == wkbMultiPoint) {
            for (const OGRPoint* p : *g->toMultiPoint()) add(*p);
            multi.add(where, g->toMultiPoint()->getNumGeometries());
        } else
            problems.add(where, std::string("a ") + OGRGeometryTypeToName(type) + ", not a point", "type");
    }
    batcher.finish([](const std::string& s) { return s; });  // GDAL gives UTF-8
    if (multi.features > 0) info.notes.push_back(escape_controls(path) + ": " + multi.note("feature"));
}

}  // namespace

PointSourceInfo read_points(const std::string& path, const PointSourceOptions& options,
                            const std::function<void(const PointBatch&)>& sink) {
    if (path.rfind("PG:", 0) != 0) check_input_source(path);
    PointSourceInfo info;
    info.path = path;
    info.value_column = options.value_column;
    info.category_column = options.category_column;
    info.code_column = options.code_column;
    PointProblems problems(path);
    PointBatcher batcher(options, info, problems, sink);
    if (is_csv_path(path) && !options.layer.empty())  // it named no layer and the file was read all the same
        throw AtlasError(ErrorKind::Usage, "--layer picks a layer of a multi-layer source; a CSV has one: drop it");
    // A layer's points are its geometry: --lon and --lat, which name CSV columns, would do nothing.
    if (!is_csv_path(path) && (!options.lon_column.empty() || !options.lat_column.empty()))
        throw AtlasError(ErrorKind::Usage, (options.lon_column.empty() ? options.lat_option : options.lon_option) +
                                               " names a CSV column; the points of " + quote_value(path, 60) +
                                               " are its features' geometry: drop it");
    if (is_csv_path(path))
        points_detail::read_csv_points(path, options, info, problems, batcher);
    else
        read_vector_points(path, options, info, problems, batcher);
    return info;
}

}  // namespace atlas
