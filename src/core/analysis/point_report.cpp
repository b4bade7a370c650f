#include "analysis/point_report.hpp"

#include <algorithm>
#include <cctype>

#include "error.hpp"
#include "io/csv.hpp"
#include "text/escape.hpp"

namespace atlas {

PointLevel parse_point_level(const std::string& name, const std::string& option) {
    if (name == "province") return PointLevel::Province;
    if (name == "prefecture") return PointLevel::Prefecture;
    if (name == "county") return PointLevel::County;
    if (name == "region") return PointLevel::Region;
    if (name == "industry") return PointLevel::Industry;
    throw AtlasError(ErrorKind::Usage, option + " " + quote_value(name, 40) +
                                           ": not a level (region, province, prefecture, county or industry)");
}

const char* to_string(PointLevel level) {
    switch (level) {
        case PointLevel::Province:
            return "province";
        case PointLevel::Prefecture:
            return "prefecture";
        case PointLevel::County:
            return "county";
        case PointLevel::Region:
            return "region";
        case PointLevel::Industry:
            return "industry";
    }
    return "?";
}

namespace {

PointUnitRow unit_row(const Region& r) {
    PointUnitRow row;
    row.code = r.code;
    row.name_en = r.name_en;
    row.name_zh = r.name_zh;
    row.parent = r.parent_code;
    row.area_km2 = r.area_km2;
    row.unit = &r;
    return row;
}

void take(PointUnitRow& row, const UnitTally& t, std::size_t i) {
    row.points = t.count[i];
    row.in_regions = t.in_regions[i];
    row.valued = t.valued[i];
    row.sum = t.total(i);
}

}  // namespace

std::vector<PointUnitRow> point_rows(const PointUnits& units, const PointTally& tally, PointLevel level,
                                     const std::vector<const RegionShape*>& shapes) {
    std::vector<PointUnitRow> rows;
    switch (level) {
        case PointLevel::Province: {
            for (const Region& p : units.provinces().regions) rows.push_back(unit_row(p));
            for (std::size_t i = 0; i < units.prefectures().regions.size(); ++i) {
                int p = units.province_of()[i];
                if (p < 0) continue;
                PointUnitRow& row = rows[static_cast<std::size_t>(p)];
                row.points += tally.prefectures.count[i];
                row.in_regions += tally.prefectures.in_regions[i];
                row.valued += tally.prefectures.valued[i];
                row.sum += tally.prefectures.total(i);
            }
            break;
        }
        case PointLevel::Prefecture:
            for (std::size_t i = 0; i < units.prefectures().regions.size(); ++i) {
                rows.push_back(unit_row(units.prefectures().regions[i]));
                take(rows.back(), tally.prefectures, i);
            }
            break;
        case PointLevel::County:
            if (units.counties() == nullptr)
                throw AtlasError(ErrorKind::Usage, "per-county counts need the county layer");  // point_units said it
            for (std::size_t i = 0; i < units.counties()->regions.size(); ++i) {
                rows.push_back(unit_row(units.counties()->regions[i]));
                take(rows.back(), tally.counties, i);
            }
            break;
        case PointLevel::Region:
            if (shapes.size() != units.regions().size())
                throw AtlasError(ErrorKind::Usage, "per-region counts need the regions' shapes");
            for (std::size_t i = 0; i < units.regions().size(); ++i) {
                const RegionShape& s = *shapes[i];
                PointUnitRow row;
                row.code = s.region->id;
                row.name_en = s.region->name_en;
                row.name_zh = s.region->name_zh;
                row.area_km2 = s.area_km2;
                row.region = &s;
                take(row, tally.regions, i);
                row.in_regions = row.points;
                rows.push_back(std::move(row));
            }
            break;
        case PointLevel::Industry:
            throw AtlasError(ErrorKind::Usage, "--by industry gives industries, not units");
    }
    return rows;
}

namespace {

std::string normalised(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

const Industry* industry_named(const Plan& plan, const std::string& text) {
    std::string key = normalised(text);
    for (const Industry& i : plan.industries)
        if (normalised(i.id) == key || normalised(i.name_en) == key || normalised(i.name_zh) == key) return &i;
    return nullptr;
}

}  // namespace

CategoryMapping map_categories(const std::vector<std::string>& categories, const PointTally& tally, const Plan& plan,
                               const std::map<std::string, std::string>& mapping) {
    CategoryMapping out;
    std::map<std::string, std::string> by_key;
    for (const auto& [text, industry] : mapping) by_key[normalised(text)] = industry;
    for (std::size_t c = 0; c < categories.size(); ++c) {
        auto m = by_key.find(normalised(categories[c]));
        const Industry* i = m != by_key.end() ? industry_named(plan, m->second) : industry_named(plan, categories[c]);
        out.industry.push_back(i);
        if (i != nullptr) continue;
        std::uint64_t n = 0;
        if (auto it = tally.category_regions.find(static_cast<std::int32_t>(c)); it != tally.category_regions.end())
            for (const auto& [bits, count] : it->second) n += count;
        out.unmapped.emplace_back(categories[c], n);
    }
    std::stable_sort(out.unmapped.begin(), out.unmapped.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

std::map<std::string, std::string> read_category_mapping(const std::string& path, const Plan& plan) {
    // Separated as the user's spreadsheet saved it: a ';'-separated map read as one cell per line.
    std::vector<CsvRow> rows = read_csv_file(path, true);
    std::map<std::string, std::string> out;
    std::map<std::string, std::size_t> line_of;  // text -> the line that mapped it first
    const std::string where = escape_controls(path) + ":";
    if (!rows.empty() && rows[0].cells.size() < 2)
        fail_input(where + std::to_string(rows[0].line) + ": its header is one column, " +
                   quote_value(rows[0].cells.empty() ? "" : rows[0].cells[0], 40) + ": " +
                   one_column_header_words(rows[0].cells.empty() ? "" : rows[0].cells[0], ',') +
                   " (a mapping is two cells, your text and the plan's industry)");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); })) continue;
        // A row of another length than the header is a shifted or broken line, as in any table.
        if (row.cells.size() != rows[0].cells.size())
            fail_input(where + std::to_string(row.line) + ": " + std::to_string(row.cells.size()) +
                       (row.cells.size() == 1 ? " cell" : " cells") + " under a header of " +
                       std::to_string(rows[0].cells.size()));
        if (row.cells.size() < 2 || row.cells[0].empty() || row.cells[1].empty())
            fail_input(where + std::to_string(row.line) +
                       ": a mapping is two cells, your text and the plan's industry");
        auto [first, fresh] = line_of.emplace(row.cells[0], row.line);
        if (!fresh)
            fail_input(where + std::to_string(row.line) + ": " + quote_value(row.cells[0], 40) + " is mapped on line " +
                       std::to_string(first->second) + " already");
        const Industry* i = industry_named(plan, row.cells[1]);
        if (i == nullptr)
            fail_input(
                escape_controls(path) + ":" + std::to_string(row.line) + ": " + quote_value(row.cells[1], 40) +
                " is not an industry of the plan (its id, English or Chinese name; `clusteratlas list industries`)");
        out[row.cells[0]] = i->id;
    }
    if (rows.size() < 2) fail_input(escape_controls(path) + ": no mappings (a header, then text,industry lines)");
    return out;
}

std::vector<IndustryShare> industry_shares(const PointUnits& units, const PointTally& tally, const Plan& plan,
                                           const CategoryMapping& mapping) {
    std::vector<IndustryShare> out;
    for (const Industry& industry : plan.industries) {
        IndustryShare s;
        s.industry = &industry;
        std::uint64_t named_bits = 0;
        for (std::size_t r = 0; r < units.regions().size(); ++r)
            if (plan.designates(*units.regions()[r], industry.id)) {
                named_bits |= 1ull << r;
                s.named.push_back(units.regions()[r]);
            }
        std::vector<std::uint64_t> unnamed(units.regions().size(), 0);
        for (const auto& [category, by_bits] : tally.category_regions) {
            if (mapping.industry[static_cast<std::size_t>(category)] != &industry) continue;
            for (const auto& [bits, count] : by_bits) {
                s.points += count;
                s.in_named += (bits & named_bits) ? count : 0;
                for (std::uint64_t b = bits & ~named_bits; b != 0; b &= b - 1)
                    unnamed[static_cast<std::size_t>(__builtin_ctzll(b))] += count;
            }
        }
        if (s.points == 0) continue;
        for (std::size_t r = 0; r < unnamed.size(); ++r)
            if (unnamed[r] > 0) s.unnamed_top.emplace_back(units.regions()[r], unnamed[r]);
        std::stable_sort(s.unnamed_top.begin(), s.unnamed_top.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        if (s.unnamed_top.size() > 3) s.unnamed_top.resize(3);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace atlas
