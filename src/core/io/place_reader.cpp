#include "io/place_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "error.hpp"
#include "io/csv.hpp"
#include "io/data_paths.hpp"
#include "text/escape.hpp"

namespace atlas {

const char* to_string(PlaceKind kind) { return kind == PlaceKind::PilotZone ? "pilot-zone" : "new-district"; }

bool approved_after_plan(const Place& place) {
    const std::string& a = place.approved;
    auto digit = [&](std::size_t i) { return i < a.size() && a[i] >= '0' && a[i] <= '9'; };
    bool dated = digit(0) && digit(1) && digit(2) && digit(3) && a.size() >= 7 && a[4] == '-' && digit(5) && digit(6);
    return dated && a.compare(0, 7, "2016-11") > 0;
}

const Place* PlaceSet::find(const std::string& id) const {
    for (const Place& p : places)
        if (p.id == id) return &p;
    return nullptr;
}

std::string bundled_places_dir() { return bundled_data_dir() + "/places"; }

namespace {

/// One CSV file as rows of column name -> cell, with the line each row starts on.
struct Table {
    std::string path;
    std::vector<std::pair<std::size_t, std::map<std::string, std::string>>> rows;
};

Table read_table(const std::string& path, const std::vector<std::string>& columns) {
    std::vector<CsvRow> rows = read_csv_file(path);
    if (rows.empty()) fail_input(path + ": empty");
    const std::vector<std::string>& header = rows[0].cells;
    for (const std::string& c : columns)
        if (std::find(header.begin(), header.end(), c) == header.end())
            fail_input(path + ": no column " + quote_value(c, 40));
    Table t{path, {}};
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < rows[i].cells.size(); ++c) row[header[c]] = rows[i].cells[c];
        t.rows.emplace_back(rows[i].line, std::move(row));
    }
    return t;
}

std::string where(const Table& t, std::size_t line, const std::string& field) {
    return t.path + ": line " + std::to_string(line) + ": " + field;
}

/// The six-digit codes of a cell ("110000;120000", "440000 (core: 440100;440300)"): before and inside
/// "(core: ...)". Any other digit run is an error.
std::pair<std::vector<std::string>, std::vector<std::string>> codes_of(const std::string& cell, const std::string& at) {
    std::size_t core_at = cell.find("(core:");
    auto scan = [&](const std::string& text) {
        std::vector<std::string> out;
        static const std::regex digits("[0-9]+");
        for (std::sregex_iterator it(text.begin(), text.end(), digits), end; it != end; ++it) {
            if (it->str().size() != 6) fail_input(at + ": " + quote_value(it->str(), 20) + " is not a 6-digit code");
            out.push_back(it->str());
        }
        return out;
    };
    std::pair<std::vector<std::string>, std::vector<std::string>> out{
        scan(cell.substr(0, core_at)),
        core_at == std::string::npos ? std::vector<std::string>{} : scan(cell.substr(core_at))};
    if (out.first.empty()) fail_input(at + ": no code");
    return out;
}

std::vector<std::string> split_sources(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at; (at = cell.find(" ; ", start)) != std::string::npos; start = at + 3)
        out.push_back(cell.substr(start, at - start));
    if (start < cell.size()) out.push_back(cell.substr(start));
    return out;
}

/// A land area in km² from the source's cell: "1210", "land 1440; sea 20800", "~1700 (...)".
std::optional<double> area_of(const std::string& cell) {
    static const std::regex number("^(?:land )?~?([0-9]+(?:\\.[0-9]+)?)(?:$|[ ;(])");
    std::smatch m;
    if (!std::regex_search(cell, m, number)) return std::nullopt;
    return std::stod(m[1].str());
}

/// Fields "from memory": in their own cell, or named so in the `verified` note.
std::vector<std::string> unconfirmed_fields(const std::map<std::string, std::string>& row,
                                            const std::map<std::string, std::string>& field_of_column) {
    std::vector<std::string> out;
    auto add = [&](const std::string& f) {
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    };
    for (const auto& [column, field] : field_of_column)
        if (row.count(column) != 0 && row.at(column).find("from memory") != std::string::npos) add(field);
    const std::string& verified = row.count("verified") != 0 ? row.at("verified") : "";
    static const std::pair<const char*, const char*> phrases[] = {
        {"doc no. from memory", "document"}, {"doc number from memory", "document"}, {"dates from memory", "approved"},
        {"day from memory", "approved"},     {"list from memory", "covers"},         {"core from memory", "core"}};
    for (const auto& [phrase, field] : phrases)
        if (verified.find(phrase) != std::string::npos) add(field);
    return out;
}

void pilot_zones(const std::string& dir, PlaceSet& set) {
    Table t = read_table(
        dir + "/innovation-reform-pilot-zones-2015.csv",
        {"id", "name_zh", "name_en", "scope", "codes_gb2260", "focus", "plan_approved", "sources", "verified"});
    for (auto& [line, row] : t.rows) {
        Place p;
        p.kind = PlaceKind::PilotZone;
        p.id = row["id"];
        p.name_zh = row["name_zh"];
        p.name_en = row["name_en"];
        if (p.id.empty() || p.name_en.empty()) fail_input(where(t, line, "id") + ": a zone without id or name");
        std::tie(p.codes, p.core_codes) = codes_of(row["codes_gb2260"], where(t, line, "codes_gb2260"));
        p.covers = row["scope"];
        p.focus = row["focus"];
        p.approved = row["plan_approved"];
        p.sources = split_sources(row["sources"]);
        p.verified = row["verified"];
        p.unconfirmed = unconfirmed_fields(row, {{"plan_approved", "approved"}, {"codes_gb2260", "core"}});
        set.places.push_back(std::move(p));
    }
}

void new_districts(const std::string& dir, PlaceSet& set) {
    Table t = read_table(dir + "/national-new-districts-2017.csv",
                         {"seq", "name_zh", "name_en", "province", "approved", "approval_doc", "covers",
                          "county_codes_2016", "partial", "area_km2", "sources", "verified"});
    for (auto& [line, row] : t.rows) {
        Place p;
        p.kind = PlaceKind::NewDistrict;
        const std::string& seq = row["seq"];
        if (seq.empty() || !std::all_of(seq.begin(), seq.end(), [](char c) { return std::isdigit(c) != 0; }))
            fail_input(where(t, line, "seq") + ": " + quote_value(seq, 20) + " is not a number");
        p.id = "nd" + std::string(seq.size() < 2 ? "0" : "") + seq;
        p.name_zh = row["name_zh"];
        p.name_en = row["name_en"];
        if (p.name_en.empty()) fail_input(where(t, line, "name_en") + ": a district without name");
        p.codes = codes_of(row["county_codes_2016"], where(t, line, "county_codes_2016")).first;
        p.province = row["province"];
        p.approved = row["approved"];
        p.document = row["approval_doc"];
        p.covers = row["covers"];
        p.partial_text = row["partial"];
        p.partial = p.partial_text.rfind("no", 0) != 0;
        p.area_text = row["area_km2"];
        p.area_km2 = area_of(p.area_text);
        p.sources = split_sources(row["sources"]);
        p.verified = row["verified"];
        p.unconfirmed =
            unconfirmed_fields(row, {{"approved", "approved"}, {"approval_doc", "document"}, {"covers", "covers"}});
        set.places.push_back(std::move(p));
    }
}

}  // namespace

PlaceSet read_places(const std::string& dir) {
    PlaceSet set;
    pilot_zones(dir, set);
    new_districts(dir, set);
    return set;
}

}  // namespace atlas
