#include "points_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/point_count.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/point_postgis.hpp"
#include "io/postgis.hpp"
#include "table.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/utf8.hpp"

namespace atlas::cli {

namespace {

/// The points' datum: --points-datum, else --datum when it cannot describe the bundled boundaries
/// (which are WGS84 already), else WGS84. Resets --datum then, so the boundaries load as they are.
Datum points_datum(Context& ctx, const PointsRequest& request) {
    if (!request.datum.empty()) return parse_datum(request.datum);
    if (!ctx.data.geodata.empty()) return Datum::Wgs84;
    Datum d = parse_datum(ctx.data.datum);
    ctx.data.datum = "wgs84";
    return d;
}

std::string datum_text(Datum d) {
    switch (d) {
        case Datum::Wgs84:
            return "WGS84";
        case Datum::Gcj02:
            return "GCJ-02, converted to WGS84";
        case Datum::Bd09:
            return "BD-09, converted to WGS84";
    }
    return "";
}

/// "lines 3, 4 and 6" (or features), the first of those whose code cell is not a code.
std::string line_list(const CountedPoints& c, const CodeCheck& k) {
    std::vector<std::string> lines;
    for (std::uint64_t l : k.malformed_lines) lines.push_back(std::to_string(l));
    std::string text = std::string(c.info.kind == "CSV" ? "line" : "feature") + (lines.size() > 1 ? "s " : " ");
    return text + join(lines, ", ") + (k.malformed > lines.size() ? ", ..." : "");
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%",
                  whole ? static_cast<double>(part) * 100 / static_cast<double>(whole) : 0.0);
    return text;
}

/// Points off the map beyond what the user allows, or a file that reads better another way: one line.
void check_outside(const PointsRequest& request, const CountedPoints& c) {
    const PointTally& t = c.tally;
    const double share = t.points ? static_cast<double>(t.outside) * 100 / static_cast<double>(t.points) : 0;
    const bool too_many = share > request.max_outside_pct;
    const bool hinted = !c.hint.empty() && !request.max_outside_given;
    if (!too_many && !hinted) return;
    std::string lines;
    for (std::size_t i = 0; i < t.outside_lines.size() && i < 3; ++i)
        lines += (i ? ", " : "") + std::to_string(t.outside_lines[i]);
    std::string where = c.info.kind == "CSV" ? "lines " : "features ";
    if (lines.empty()) where.clear();
    std::string text = escape_controls(c.source_shown) + ": " + with_separators(t.outside) + " of " +
                       with_separators(t.points) + " points (" + percent(t.outside, t.points) +
                       ") lie outside every unit" +
                       (lines.empty() ? "" : " (" + where + lines + (t.outside > 3 ? ", ..." : "") + ")");
    if (!c.hint.empty())
        text += "; " + c.hint + ", not read as " + datum_text(c.datum);
    else
        text += ": the sea, abroad, or coordinates that are not longitude/latitude";
    // Which columns were read, where they were found by name: "x,y,lon" read 'lon' and 'y'.
    auto plain = [](const std::string& header, std::initializer_list<const char*> names) {
        std::string h = ascii_lower(header);
        return std::any_of(names.begin(), names.end(), [&](const char* n) { return h == n; });
    };
    bool guessed = !plain(c.info.lon_column, {"lon", "lng", "long", "longitude", "经度"}) ||
                   !plain(c.info.lat_column, {"lat", "latitude", "纬度"});
    if (!c.info.lon_column.empty() && guessed && request.options.show_values)  // a session's file: unshown
        text += " (read from columns " + quote_value(c.info.lon_column, 40) + " and " +
                quote_value(c.info.lat_column, 40) + ")";
    text += share >= 100 ? " (no point lies in a unit)"
                         : " (--max-outside " + std::to_string(std::min(100, static_cast<int>(share) + 1)) +
                               " counts the rest regardless)";
    fail_input(text);
}

/// A code column none of whose cells names a unit of the layer (a column of names or counts given to
/// --expect-code) is the wrong column, not a file of points without codes: "0 of 0 points agree" was
/// printed with exit 0 when one count happened to read as a 4-digit code.
void check_codes(const CountedPoints& c) {
    const CodeCheck& k = c.tally.codes;
    if (c.info.code_column.empty() || k.checked > 0 || k.malformed + k.unknown == 0) return;
    std::string found;
    if (k.malformed > 0) found = "text that is no code (" + line_list(c, k) + ")";
    if (k.unknown > 0)
        found += std::string(found.empty() ? "" : " and ") + with_separators(k.unknown) +
                 (k.unknown == 1 ? " code" : " codes") + " no unit of the layer has";
    throw AtlasError(ErrorKind::Usage, escape_controls(c.source_shown) + ": --expect-code column " +
                                           quote_value(c.info.code_column, 40) + " names no unit in any cell, only " +
                                           found + "; is it the code column (GB/T 2260: 4, 6, 9 or 12 digits)?");
}

void print_code_check(std::ostream& out, const CountedPoints& c) {
    const CodeCheck& k = c.tally.codes;
    out << "codes in " << quote_value(c.info.code_column, 40) << ": " << with_separators(k.agree) << " of "
        << with_separators(k.checked) << " points (" << percent(k.agree, k.checked)
        << ") lie in the prefecture-level unit their code names; " << with_separators(k.elsewhere) << " in another, "
        << with_separators(k.outside) << " in none; " << with_separators(k.unknown)
        << " name a unit this layer does not have (older or newer codes), " << with_separators(k.no_code)
        << " have no code";
    if (k.malformed > 0)
        out << ", " << with_separators(k.malformed) << " hold text that is no GB/T 2260 code (" << line_list(c, k)
            << ")";
    out << '\n';
    for (const CodeCheck::Miss& m : k.first)
        out << "  " << (c.info.kind == "CSV" ? "line " : "feature ") << m.line << ": code " << m.expected << ", in "
            << (m.found.empty() ? std::string("no unit") : m.found) << '\n';
}

}  // namespace

CountedPoints count_points(Context& ctx, const PointsRequest& request, PointLevel level) {
    CountedPoints c;
    c.datum = points_datum(ctx, request);
    c.datum_text = datum_text(c.datum);
    c.source_shown = is_pg_connection(request.path) ? describe_connection(request.path) : request.path;
    if (!(request.max_outside_pct >= 0 && request.max_outside_pct <= 100))
        throw AtlasError(ErrorKind::Usage, "--max-outside must be a percentage, 0 to 100");
    PointSourceOptions options = request.options;
    options.datum = c.datum;
    const Plan& plan = ctx.plan();
    std::map<std::string, std::string> mapping;
    if (!request.mapping_path.empty()) {
        if (request.options.category_column.empty())
            throw AtlasError(ErrorKind::Usage, "--industry-map maps --industry-column's texts: give that column too");
        mapping = read_category_mapping(request.mapping_path, plan);
    }
    c.unit_set = point_units(ctx.doc(), level, request.by_option);
    c.units = c.unit_set->units.get();
    c.tally = start_tally(*c.units);
    // "f.csv: --points-value 'v': ..." (the sum's fault named the option but not the file).
    c.tally.name_value(escape_controls(c.source_shown) + ": " + options.value_option + " " +
                       quote_value(options.value_column, 40));
    if (is_pg_connection(request.path)) {
        if (request.table.empty())
            throw AtlasError(ErrorKind::Usage, "points in PostGIS: name their table with --table (schema.table)");
        if (!options.lon_column.empty() || !options.lat_column.empty())
            throw AtlasError(ErrorKind::Usage,
                             "--lon and --lat name CSV columns; points in PostGIS are their "
                             "--geometry-column: drop them");
        c.info =
            tally_points_postgis({request.path, request.table, request.geometry_column, options}, *c.units, c.tally);
        c.source_shown = c.info.path;
    } else {
        if (!request.table.empty())
            throw AtlasError(ErrorKind::Usage,
                             "--table names a PostGIS table; the points are " + quote_value(request.path, 60));
        c.info = read_and_tally(request.path, options, *c.units, c.tally);
    }
    if (c.tally.points == 0) fail_input(escape_controls(c.source_shown) + ": no points");
    c.hint = outside_hint(*c.units, c.tally, c.datum);
    check_outside(request, c);
    check_codes(c);
    if (!options.category_column.empty()) c.mapping = map_categories(c.info.categories, c.tally, plan, mapping);
    return c;
}

void print_summary(std::ostream& out, const CountedPoints& c, PointLevel level) {
    out << note_lines(c.info.notes);
    const PointTally& t = c.tally;
    std::string columns = c.info.lon_column.empty() ? c.info.kind
                                                    : "columns " + quote_value(c.info.lon_column, 40) + ", " +
                                                          quote_value(c.info.lat_column, 40);
    out << escape_controls(c.source_shown) << ": " << with_separators(t.points)
        << (t.points == 1 ? " point (" : " points (") << columns << "; " << c.datum_text
        << "): " << with_separators(t.points - t.outside) << " in a unit, "
        << percent(t.in_regions, t.points - t.outside) << " of those inside the regions the plan designates; "
        << with_separators(t.outside) << " outside every unit (" << percent(t.outside, t.points) << ")\n";
    if (!c.hint.empty()) out << "warning: of the points outside every unit, " << c.hint << '\n';
    if (level == PointLevel::County && t.county_missed > 0) {
        // The file, its lines and the county layer named, as the outside points are (helper-54).
        std::vector<std::string> lines;
        for (std::uint64_t l : t.county_missed_lines) lines.push_back(std::to_string(l));
        std::string where = lines.empty() ? ""
                                          : std::string(" (") + (c.info.kind == "CSV" ? "line" : "feature") +
                                                (lines.size() > 1 ? "s " : " ") + join(lines, ", ") +
                                                (t.county_missed > lines.size() ? ", ..." : "") + ")";
        const RegionLayer* layer = c.units != nullptr ? c.units->county_index_layer() : nullptr;
        out << "warning: " << escape_controls(c.source_shown) << ": " << with_separators(t.county_missed)
            << (t.county_missed == 1 ? " point" : " points") << where << (t.county_missed == 1 ? " lies" : " lie")
            << " in a prefecture-level unit but in none of the units of the county layer"
            << (layer != nullptr ? " " + quote_value(layer->source, 80) : std::string())
            << " (a gap in that layer): counted in its prefecture-level unit, in no county-level row\n";
    }
    if (!c.info.code_column.empty()) print_code_check(out, c);
    if (c.info.category_column.empty()) return;
    std::uint64_t unmapped = 0;
    std::vector<std::string> texts;
    for (const auto& [text, n] : c.mapping.unmapped) {
        unmapped += n;
        if (texts.size() < 5) texts.push_back(quote_value(text, 30) + " " + with_separators(n));
    }
    if (unmapped > 0)
        out << "warning: " << with_separators(unmapped) << (unmapped == 1 ? " point names" : " points name")
            << " no industry of the plan in column " << quote_value(c.info.category_column, 40) << " ("
            << join(texts, ", ") << "); map them with --industry-map FILE\n";
    if (t.uncategorised > 0)
        out << "note: " << with_separators(t.uncategorised) << (t.uncategorised == 1 ? " point has" : " points have")
            << " an empty " << quote_value(c.info.category_column, 40) << '\n';
}

}  // namespace atlas::cli
