#include "io/point_export.hpp"

#include <cstdint>

namespace atlas {

OutLayer point_layer(const std::vector<PointUnitRow>& rows, PointLevel level, std::uint64_t located,
                     const PointLayerInfo& info) {
    OutLayer layer;
    layer.name = std::string("points_by_") + to_string(level);
    layer.id_field = "code";
    const bool values = !info.value_column.empty();
    layer.fields = {{"code", FieldType::String, "code"},
                    {"name_en", FieldType::String, "name_en"},
                    {"name_zh", FieldType::String, "name_zh"},
                    {"parent_code", FieldType::String, "parent"},
                    {"area_km2", FieldType::Real, "area_km2"},
                    {"points", FieldType::Integer, "points"},
                    {"share_pct", FieldType::Real, "share_pct"},
                    {"per_1000_km2", FieldType::Real, "per_1000km"},
                    {"in_regions_pct", FieldType::Real, "in_reg_pct"}};
    // A region's designation and the confidence in its extent, as the regions export gives them: a
    // provisional extent or a context area is not read as a confirmed designated region.
    const bool region = level == PointLevel::Region;
    if (region)
        layer.fields.insert(layer.fields.begin() + 3, {{"designation", FieldType::String, "designatn"},
                                                       {"confidence", FieldType::String, "confidence"}});
    const bool sourced = !info.boundary_source.empty() && level != PointLevel::Industry;
    if (values) {  // as the table names them; Shapefile's 10 characters: "sum_" + 6 of the column
        layer.fields.push_back({"sum_" + info.value_column, FieldType::Real, "sum_" + info.value_column.substr(0, 6)});
        layer.fields.push_back(
            {"mean_" + info.value_column, FieldType::Real, "mean_" + info.value_column.substr(0, 5)});
    }
    if (sourced) layer.fields.push_back({"boundary_source", FieldType::String, "bnd_source"});
    auto pct = [](std::uint64_t part, std::uint64_t whole) {
        return whole ? static_cast<double>(part) * 100 / static_cast<double>(whole) : 0.0;
    };
    for (const PointUnitRow& r : rows) {
        OutFeature f;
        f.values = {r.code,
                    r.name_en,
                    r.name_zh,
                    r.parent.empty() ? FieldValue{} : FieldValue{r.parent},
                    r.area_km2,
                    static_cast<std::int64_t>(r.points),
                    pct(r.points, located),
                    r.density(),
                    r.points ? FieldValue{pct(r.in_regions, r.points)} : FieldValue{}};
        if (region && r.region != nullptr)
            f.values.insert(f.values.begin() + 3,
                            {std::string(to_string(r.region->region->designation.type)),
                             std::string(r.region->region->extent.provisional ? "provisional" : "confirmed")});
        if (values) {
            f.values.push_back(r.valued ? FieldValue{r.sum} : FieldValue{});
            f.values.push_back(r.valued ? FieldValue{r.mean()} : FieldValue{});
        }
        if (sourced) f.values.emplace_back(info.boundary_source);
        f.polygons = r.unit ? r.unit->geometry : r.region->geometry;
        layer.features.push_back(std::move(f));
    }
    layer.metadata = {{"points_source", info.source},
                      {"points_datum", info.datum},
                      {"points_value_column", info.value_column},
                      {"points_read", std::to_string(info.points)},
                      {"points_outside_every_unit", std::to_string(info.outside)}};
    if (sourced) layer.metadata.push_back({"SOURCE", info.boundary_source});
    if (!info.boundary_terms.empty()) {
        layer.metadata.push_back({"TERMS", info.boundary_terms});
        layer.notes.push_back(info.boundary_terms);
    }
    return layer;
}

}  // namespace atlas
