#include "store/units_memo.hpp"

#include "store/binary_io.hpp"
#include "store/memo_file.hpp"

namespace atlas {

namespace {

/// About 150 bytes a unit: 64 MiB is far above any administrative layer's attributes.
const MemoKind kKind{"CLUSTERATLAS-UNITS-MEMO\n", kUnitsMemoVersion, 64u << 20, "units memo"};

void put_point(Writer& w, const LonLat& p) {
    w.put(p.lon);
    w.put(p.lat);
}

LonLat get_point(Reader& r) {
    double lon = r.get<double>();
    return {lon, r.get<double>()};
}

std::string records(const KeptUnits& kept) {
    const RegionLayer& layer = kept.layer;
    Writer w;
    w.text(layer.source);
    w.text(layer.layer);
    w.put(static_cast<std::uint8_t>(layer.validated));
    w.put(static_cast<std::uint8_t>(layer.stored_extent.has_value()));
    Bounds extent = layer.stored_extent.value_or(Bounds{});
    for (double v : {extent.min_lon, extent.min_lat, extent.max_lon, extent.max_lat}) w.put(v);
    w.text(layer.reprojected_from);
    w.put(static_cast<std::uint32_t>(layer.regions.size()));
    for (const Region& r : layer.regions) {
        for (const std::string* s : {&r.code, &r.parent_code, &r.name_zh, &r.name_en, &r.source_code, &r.kind,
                                     &r.name_en_source, &r.geometry_source})
            w.text(*s);
        put_point(w, r.label);
        put_point(w, r.seat);
        w.put(r.area_km2);
    }
    w.put(static_cast<std::uint32_t>(kept.warnings.size()));
    for (const std::string& warning : kept.warnings) w.text(warning);
    return w.bytes();
}

}  // namespace

std::optional<KeptUnits> read_units_memo(const std::string& path, const std::string& key, std::string& problem) {
    std::optional<std::string> body = read_memo_body(path, kKind, key, problem);
    if (!body) return std::nullopt;
    Reader b(body->data(), body->size());
    KeptUnits kept;
    RegionLayer& layer = kept.layer;
    layer.source = b.text();
    layer.layer = b.text();
    layer.validated = b.get<std::uint8_t>() != 0;
    bool has_extent = b.get<std::uint8_t>() != 0;
    Bounds extent;
    extent.min_lon = b.get<double>(), extent.min_lat = b.get<double>();
    extent.max_lon = b.get<double>(), extent.max_lat = b.get<double>();
    if (has_extent) layer.stored_extent = extent;
    layer.reprojected_from = b.text();
    std::uint32_t units = b.count(8 * 4 + 5 * 8);
    layer.regions.reserve(units);  // a Region is large: growing the vector moved 2,880 of them 12 times
    for (std::uint32_t i = 0; i < units && b.ok(); ++i) {
        Region& r = layer.regions.emplace_back();
        for (std::string* s : {&r.code, &r.parent_code, &r.name_zh, &r.name_en, &r.source_code, &r.kind,
                               &r.name_en_source, &r.geometry_source})
            *s = b.text();
        r.label = get_point(b);
        r.seat = get_point(b);
        r.area_km2 = b.get<double>();
    }
    for (std::uint32_t n = b.count(4), i = 0; i < n && b.ok(); ++i) kept.warnings.push_back(b.text());
    if (!b.ok() || !b.at_end()) return problem = "malformed", std::nullopt;
    return kept;
}

void write_units_memo(const std::string& path, const std::string& key, const KeptUnits& units, bool replace) {
    write_memo_file(path, kKind, key, records(units), replace);
}

std::string units_memo_name(const std::string& key) { return "units-" + key + ".memo"; }

namespace {

const MemoKind kSummaryKind{"CLUSTERATLAS-UNITS-SUMMARY\n", kUnitsMemoVersion, 1u << 20, "units summary"};

}  // namespace

UnitsSummary summary_of(const KeptUnits& units) {
    UnitsSummary s{units.layer.source, units.layer.layer, static_cast<std::uint32_t>(units.layer.regions.size()), 0,
                   units.warnings};
    for (const Region& r : units.layer.regions) s.area_km2 += r.area_km2;  // in order: info's sum, to the bit
    return s;
}

std::optional<UnitsSummary> read_units_summary(const std::string& path, const std::string& key, std::string& problem) {
    std::optional<std::string> body = read_memo_body(path, kSummaryKind, key, problem);
    if (!body) return std::nullopt;
    Reader b(body->data(), body->size());
    UnitsSummary s;
    s.source = b.text();
    s.layer = b.text();
    s.count = b.get<std::uint32_t>();
    s.area_km2 = b.get<double>();
    for (std::uint32_t n = b.count(4), i = 0; i < n && b.ok(); ++i) s.warnings.push_back(b.text());
    if (!b.ok() || !b.at_end()) return problem = "malformed", std::nullopt;
    return s;
}

void write_units_summary(const std::string& path, const std::string& key, const UnitsSummary& summary, bool replace) {
    Writer w;
    w.text(summary.source);
    w.text(summary.layer);
    w.put(summary.count);
    w.put(summary.area_km2);
    w.put(static_cast<std::uint32_t>(summary.warnings.size()));
    for (const std::string& warning : summary.warnings) w.text(warning);
    write_memo_file(path, kSummaryKind, key, w.bytes(), replace);
}

std::string units_summary_name(const std::string& key) { return "unitsum-" + key + ".memo"; }

}  // namespace atlas
