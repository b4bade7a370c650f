#include "io/data_export.hpp"

#include <cctype>
#include <cmath>
#include <unordered_map>

#include "error.hpp"
#include "io/boundary_source.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

namespace {

const RegionLayer& units_of(Document& doc, UserDataLevel level) {
    if (level == UserDataLevel::Province) return doc.provinces();
    if (level == UserDataLevel::Prefecture) return doc.prefectures();
    const RegionLayer* counties = doc.counties();
    if (counties == nullptr)
        throw AtlasError(ErrorKind::Usage, "the table is by county-level unit and no county layer is loaded");
    return *counties;
}

/// A column's name where a format allows 10 bytes (Shapefile): the header when it fits, else its
/// first bytes (whole UTF-8 characters) with a number where two would collide ("gdp_per_ca",
/// "gdp_per__2"), so that the names still say what the columns hold.
std::string short_name(const std::string& header, const std::vector<FieldDef>& fields) {
    auto cut = [](const std::string& s, std::size_t n) {
        if (s.size() <= n) return s;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a character
        return s.substr(0, n);
    };
    auto used = [&](const std::string& name) {
        for (const FieldDef& f : fields)
            if (f.short_name == name) return true;
        return false;
    };
    std::string name = cut(header, 10);
    for (int n = 2; used(name); ++n) {
        std::string suffix = "_" + std::to_string(n);
        name = cut(header, 10 - suffix.size()) + suffix;
    }
    return name;
}

bool taken(const std::vector<FieldDef>& fields, const std::string& name) {
    auto lower = [](std::string t) {
        for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return t;
    };
    for (const FieldDef& f : fields)
        if (lower(f.name) == lower(name)) return true;  // GPKG and Shapefile fields ignore case
    return false;
}

/// The column's header, or "data_" and the header where the layer's own fields already use it (a
/// table that repeats area_km2 or name_en), then a number.
std::string free_name(const std::vector<FieldDef>& fields, const std::string& header) {
    // A header cell with a line break (Excel's Alt+Enter) or another control character: '_' in the
    // field's name, which GDAL wrote as it was (the legend shows the header escaped).
    std::string clean = header;
    for (char& ch : clean)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == '\x7f') ch = '_';
    if (!taken(fields, clean)) return clean;
    std::string name = "data_" + clean;
    for (int n = 2; taken(fields, name); ++n) name = "data_" + clean + "_" + std::to_string(n);
    return name;
}

}  // namespace

OutLayer user_data_layer(Document& doc, const UserTable& table) {
    OutLayer layer;
    layer.name = "data";
    layer.id_field = "code";
    layer.fields = {{"code", FieldType::String, "code"},       {"name_en", FieldType::String, "name_en"},
                    {"name_zh", FieldType::String, "name_zh"}, {"parent_code", FieldType::String, "parent"},
                    {"area_km2", FieldType::Real, "area_km2"}, {"in_table", FieldType::Integer, "in_table"}};
    std::vector<std::string> renamed;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        std::string name = free_name(layer.fields, table.columns[c]);
        if (name != table.columns[c]) renamed.push_back(quote_value(table.columns[c], 40) + " as " + name);
        layer.fields.push_back({name, FieldType::Real, short_name(name, layer.fields)});
    }
    // Said: a column "a" beside "A", or one named like the layer's own area_km2, was written as
    // data_a or data_area_km2 without a word.
    if (!renamed.empty())
        layer.notes.push_back(std::to_string(renamed.size()) + (renamed.size() == 1 ? " column" : " columns") +
                              " of the table written under another name (the layer holding its name already, "
                              "field names ignoring case, or a control character in it): " +
                              join(renamed, ", "));
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < table.codes.size(); ++r) row_of.emplace(table.codes[r], r);
    for (const Region& unit : units_of(doc, table.level).regions) {
        auto row = row_of.find(unit.code);
        OutFeature f;
        f.values.reserve(layer.fields.size());
        f.values.emplace_back(unit.code);
        f.values.emplace_back(unit.name_en);
        f.values.emplace_back(unit.name_zh);
        if (unit.parent_code.empty())
            f.values.emplace_back();
        else
            f.values.emplace_back(unit.parent_code);
        f.values.emplace_back(unit.area_km2);
        f.values.emplace_back(std::int64_t{row != row_of.end() ? 1 : 0});
        for (const std::vector<double>& column : table.values) {
            double v = row != row_of.end() ? column[row->second] : NAN;
            if (std::isnan(v))
                f.values.emplace_back();
            else
                f.values.emplace_back(v);
        }
        f.polygons = unit.geometry;
        layer.features.push_back(std::move(f));
    }
    layer.metadata = {{"data_source", table.path}, {"data_key_column", table.key_column}};
    // The units' polygons are the boundaries', with their source and, for AMap's counties, terms.
    UnitBoundaries boundaries = unit_boundaries(doc, table.level == UserDataLevel::County);
    layer.metadata.push_back({"SOURCE", boundaries.source});
    if (!boundaries.terms.empty()) {
        layer.metadata.push_back({"TERMS", boundaries.terms});
        layer.notes.push_back(boundaries.terms);
    }
    return layer;
}

}  // namespace atlas
