#include "analysis/point_tally.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "error.hpp"

namespace atlas {

namespace {

constexpr std::size_t kOutsideKept = 5000;  // enough to tell a datum or axis mistake from the sea
constexpr std::size_t kSampleKept = 10000;

int index_of(const RegionLayer& layer, const Region* r) {
    return r == nullptr ? -1 : static_cast<int>(r - layer.regions.data());
}

}  // namespace

PointUnits::PointUnits(const RegionLayer& provinces, const RegionLayer& prefectures, const RegionLayer* counties,
                       std::vector<const PlanRegion*> regions, bool every_county)
    : provinces_(provinces),
      prefectures_(prefectures),
      counties_(counties),
      regions_(std::move(regions)),
      prefecture_grid_(prefectures),
      every_county_(every_county && counties != nullptr) {
    if (regions_.size() > 64) fail_input("more than 64 plan regions: points count regions in a 64-bit set");
    for (const Region& p : prefectures.regions)
        province_of_.push_back(index_of(provinces, provinces.find(p.parent_code.empty() ? p.code : p.parent_code)));
    prefecture_regions_.assign(prefectures.regions.size(), 0);
    needs_county_.assign(prefectures.regions.size(), 0);
    if (counties_ != nullptr) county_regions_.assign(counties_->regions.size(), 0);
    for (std::size_t r = 0; r < regions_.size(); ++r) {
        const std::uint64_t bit = 1ull << r;
        if (regions_[r]->designation.type != DesignationType::Context) designated_ |= bit;
        for (const Member& m : regions_[r]->members) {
            std::vector<const Region*> units = member_units(m.code, provinces, prefectures);
            if (county_scoped(m, counties_)) {
                for (const Region* u : units) needs_county_[static_cast<std::size_t>(index_of(prefectures, u))] = 1;
                for (const Region* c : scoped_counties(m, *counties_))
                    county_regions_[static_cast<std::size_t>(index_of(*counties_, c))] |= bit;
            } else {
                for (const Region* u : units)
                    prefecture_regions_[static_cast<std::size_t>(index_of(prefectures, u))] |= bit;
            }
        }
    }
    if (every_county_) {
        county_grid_.emplace(*counties_);
    } else if (counties_ != nullptr) {
        for (std::size_t c = 0; c < counties_->regions.size(); ++c)
            if (const Region* p = prefectures.find(counties_->regions[c].parent_code);
                p != nullptr && needs_county_[static_cast<std::size_t>(index_of(prefectures, p))]) {
                scoped_counties_.regions.push_back(counties_->regions[c]);
                scoped_index_.push_back(static_cast<int>(c));
            }
        if (!scoped_index_.empty()) county_grid_.emplace(scoped_counties_);
    }
}

PointUnits::Location PointUnits::locate(double lon, double lat) const {
    Location at;
    at.prefecture = prefecture_grid_.locate(lon, lat);
    if (at.prefecture < 0) return at;
    at.regions = prefecture_regions_[static_cast<std::size_t>(at.prefecture)];
    const bool partial = needs_county_[static_cast<std::size_t>(at.prefecture)] != 0;
    if (county_grid_ && (every_county_ || partial)) {
        int c = county_grid_->locate(lon, lat);
        if (c >= 0 && !every_county_) c = scoped_index_[static_cast<std::size_t>(c)];
        if (c >= 0 && partial) at.regions |= county_regions_[static_cast<std::size_t>(c)];
        if (every_county_) at.county = c;
    }
    at.county_missed = every_county_ && at.county < 0;
    at.designated = (at.regions & designated_) != 0;
    return at;
}

PointUnits::Location PointUnits::location_of(int prefecture, int county_index) const {
    Location at;
    at.prefecture = prefecture;
    at.regions = prefecture_regions_[static_cast<std::size_t>(prefecture)];
    int c = county_index < 0 || every_county_ ? county_index : scoped_index_[static_cast<std::size_t>(county_index)];
    if (c >= 0 && needs_county_[static_cast<std::size_t>(prefecture)])
        at.regions |= county_regions_[static_cast<std::size_t>(c)];
    if (every_county_) at.county = c;
    at.county_missed = every_county_ && at.county < 0;
    at.designated = (at.regions & designated_) != 0;
    return at;
}

const RegionLayer* PointUnits::county_index_layer() const {
    if (every_county_) return counties_;
    return scoped_index_.empty() ? nullptr : &scoped_counties_;
}

void UnitTally::resize(std::size_t n) {
    count.assign(n, 0);
    in_regions.assign(n, 0);
    sum.assign(n, 0.0);
    carry.assign(n, 0.0);
    valued.assign(n, 0);
}

void UnitTally::add_value(std::size_t i, double value) {
    double t = sum[i] + value;
    // Past the largest double the sum is infinite and its carry not a number: printed as "-nan" and
    // refused by the JSON writer. One clear line instead.
    if (!std::isfinite(t))
        throw AtlasError(ErrorKind::Input,
                         value_named +
                             ": a unit's sum passes 1.8e308, the largest number a double holds; scale the "
                             "column down (for example to thousands)");
    carry[i] += std::abs(sum[i]) >= std::abs(value) ? (sum[i] - t) + value : (value - t) + sum[i];
    sum[i] = t;
}

void UnitTally::add(std::size_t i, double value, bool in_region) {
    ++count[i];
    in_regions[i] += in_region ? 1 : 0;
    if (!std::isnan(value)) {
        add_value(i, value);
        ++valued[i];
    }
}

std::string expected_prefecture_code(const std::string& written) {
    // As spreadsheets and statistics offices write codes: "110105.0" (a number column saved by Excel
    // or pandas) and the 9- or 12-digit statistical code of a township or village, whose first six
    // digits are its county's. Both were counted as malformed.
    std::string text = written;
    if (std::size_t dot = text.find('.');
        dot != std::string::npos && dot + 1 < text.size() && text.find_first_not_of('0', dot + 1) == std::string::npos)
        text.erase(dot);
    const bool digits =
        !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    if (digits && (text.size() == 9 || text.size() == 12)) text.erase(6);
    if ((text.size() != 4 && text.size() != 6) ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return "";
    const std::string province = text.substr(0, 2);
    if (province == "11" || province == "12" || province == "31" || province == "50") return province + "0000";
    if (text.size() == 6 && text.compare(2, 2, "90") == 0) return text;  // directly administered (429004)
    return text.substr(0, 4) + "00";
}

namespace {

void check_code(const PointUnits& units, const std::string& text, int prefecture, std::uint64_t line, CodeCheck& c) {
    std::string expected = expected_prefecture_code(text);
    if (text.empty()) {
        ++c.no_code;
        return;
    }
    if (expected.empty()) {
        if (++c.malformed <= 5) c.malformed_lines.push_back(line);
        return;
    }
    if (units.prefectures().find(expected) == nullptr) {
        ++c.unknown;
        return;
    }
    ++c.checked;
    const std::string found =
        prefecture < 0 ? std::string() : units.prefectures().regions[static_cast<std::size_t>(prefecture)].code;
    if (found == expected) {
        ++c.agree;
        return;
    }
    ++(found.empty() ? c.outside : c.elsewhere);
    if (c.first.size() < 10) c.first.push_back({line, expected, found});
}

}  // namespace

PointTally start_tally(const PointUnits& units, std::size_t dots) {
    PointTally t;
    t.sample_kept = std::max<std::size_t>(dots, kSampleKept);
    t.prefectures.resize(units.prefectures().regions.size());
    t.counties.resize(units.counties() ? units.counties()->regions.size() : 0);
    t.regions.resize(units.regions().size());
    return t;
}

void tally_points(const PointUnits& units, const PointBatch& batch, PointTally& t) {
    const bool values = !batch.value.empty(), categories = !batch.category.empty();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        ++t.points;
        LonLat raw{batch.raw_lon[i], batch.raw_lat[i]};
        if (t.sample_raw.size() < t.sample_kept) {
            t.sample_raw.push_back(raw);
            t.sample.push_back({batch.lon[i], batch.lat[i]});
        } else if (std::uint64_t j = t.rng() % t.points; j < t.sample_kept) {
            t.sample_raw[j] = raw;
            t.sample[j] = {batch.lon[i], batch.lat[i]};
        }
        PointUnits::Location at = units.locate(batch.lon[i], batch.lat[i]);
        if (!batch.code.empty()) check_code(units, batch.code[i], at.prefecture, batch.line[i], t.codes);
        if (at.prefecture < 0) {
            ++t.outside;
            if (t.outside_raw.size() < kOutsideKept) t.outside_raw.push_back(raw);
            if (t.outside_lines.size() < 5) t.outside_lines.push_back(batch.line[i]);
            continue;
        }
        const double value = values ? batch.value[i] : std::nan("");
        const bool in_region = at.designated;
        t.in_regions += in_region ? 1 : 0;
        t.prefectures.add(static_cast<std::size_t>(at.prefecture), value, in_region);
        if (at.county >= 0) t.counties.add(static_cast<std::size_t>(at.county), value, in_region);
        if (at.county_missed && ++t.county_missed <= 3) t.county_missed_lines.push_back(batch.line[i]);
        for (std::uint64_t bits = at.regions; bits != 0; bits &= bits - 1)
            t.regions.add(static_cast<std::size_t>(__builtin_ctzll(bits)), value, true);
        if (categories) {
            if (batch.category[i] < 0)
                ++t.uncategorised;
            else
                ++t.category_regions[batch.category[i]][at.regions];
        }
    }
}

void tally_group(const PointUnits::Location& at, std::uint64_t count, double sum, std::uint64_t valued,
                 std::int32_t category, PointTally& t) {
    t.points += count;
    if (at.prefecture < 0) {
        t.outside += count;
        return;
    }
    const bool in_region = at.designated;
    t.in_regions += in_region ? count : 0;
    auto add = [&](UnitTally& u, std::size_t i) {
        u.count[i] += count;
        u.in_regions[i] += in_region ? count : 0;
        u.add_value(i, sum);
        u.valued[i] += valued;
    };
    add(t.prefectures, static_cast<std::size_t>(at.prefecture));
    if (at.county >= 0) add(t.counties, static_cast<std::size_t>(at.county));
    t.county_missed += at.county_missed ? count : 0;
    for (std::uint64_t bits = at.regions; bits != 0; bits &= bits - 1)
        add(t.regions, static_cast<std::size_t>(__builtin_ctzll(bits)));
    if (category == -1)
        t.uncategorised += count;
    else if (category >= 0)
        t.category_regions[category][at.regions] += count;
}

namespace {

struct Alternative {
    const char* what;
    Datum datum;
    bool swap;
};

/// Share of `points` (the first 10,000: a reservoir's prefix is as random as all of it) that land
/// in no unit when read as `alt`.
double outside_share(const PointUnits& units, const std::vector<LonLat>& all, const Alternative& alt) {
    std::vector<LonLat> points(all.begin(),
                               all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), kSampleKept)));
    if (points.empty()) return 0;
    std::size_t out = 0;
    for (const LonLat& raw : points) {
        LonLat p = alt.swap ? LonLat{raw.lat, raw.lon} : raw;
        if (alt.datum != Datum::Wgs84) p = to_wgs84(p, alt.datum);
        out += units.prefecture_at(p.lon, p.lat) < 0 ? 1 : 0;
    }
    return static_cast<double>(out) / static_cast<double>(points.size());
}

}  // namespace

std::string outside_hint(const PointUnits& units, const PointTally& tally, Datum declared) {
    if (tally.outside < 10) return "";  // a few points in the sea say nothing about the file
    const double now = static_cast<double>(tally.outside) / static_cast<double>(tally.points);
    const Alternative alternatives[] = {
        {"with longitude and latitude swapped", declared, true},
        {"read as WGS84 (--datum wgs84)", Datum::Wgs84, false},
        {"read as GCJ-02, the datum of AMap and Tencent (--datum gcj02)", Datum::Gcj02, false},
        {"read as BD-09, Baidu's datum (--datum bd09)", Datum::Bd09, false},
    };
    const Alternative* best = nullptr;
    double best_off = 1;
    for (const Alternative& alt : alternatives) {
        if (!alt.swap && alt.datum == declared) continue;
        double off = outside_share(units, tally.outside_raw, alt);
        // It must put most of the points off the map on it, and not push others off instead.
        if (off <= 1.0 / 3 && off < best_off && outside_share(units, tally.sample_raw, alt) * 3 <= now) {
            best = &alt;
            best_off = off;
        }
    }
    if (best == nullptr) return "";
    char text[200];
    std::snprintf(text, sizeof text, "%s, %.0f%% of them would lie in a unit", best->what, (1 - best_off) * 100);
    return text;
}

}  // namespace atlas
