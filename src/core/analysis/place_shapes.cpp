#include "analysis/place_shapes.hpp"

#include <algorithm>

#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "text/join.hpp"

namespace atlas {

namespace {

/// The prefecture-level unit a county code belongs to in the prefecture layer (PPCC00, PP0000, itself).
const Region* prefecture_of_county(const std::string& code, const RegionLayer& prefectures) {
    for (const std::string& candidate : {code, code.substr(0, 4) + "00", code.substr(0, 2) + "0000"})
        if (const Region* r = prefectures.find(candidate)) return r;
    return nullptr;
}

const Region* zone_unit(const std::string& code, const RegionLayer& provinces, const RegionLayer& prefectures) {
    const Region* r = prefectures.find(code);
    return r != nullptr ? r : provinces.find(code);
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

namespace {

/// The units a place names, found in the layers at hand, and what its polygon is, in words.
PlaceShape place_units(const Place& place, const RegionLayer& provinces, const RegionLayer& prefectures,
                       const RegionLayer* counties) {
    PlaceShape s;
    s.place = &place;
    bool district = place.kind == PlaceKind::NewDistrict;
    for (const std::string& code : place.codes) {
        const Region* unit = !district             ? zone_unit(code, provinces, prefectures)
                             : counties != nullptr ? counties->find(code)
                                                   : nullptr;
        if (unit != nullptr) s.units.push_back(unit);
    }
    if (district && counties == nullptr) {
        const Region* prefecture = place.codes.empty() ? nullptr : prefecture_of_county(place.codes[0], prefectures);
        if (prefecture != nullptr) s.label = prefecture->seat;
        s.drawn_as = "not drawn: no county layer here (scripts/fetch-counties); located at its city's seat";
        return s;
    }
    s.drawn_as = !district ? "the provinces and prefecture-level units it names, whole"
                 : place.partial
                     ? "its county-level units whole (hatched): its own extent differs, see covers and area_km2"
                     : "its county-level units";
    return s;
}

}  // namespace

bool place_drawable(const Place& place, const RegionLayer* counties) {
    return place.kind != PlaceKind::NewDistrict || counties != nullptr;
}

std::optional<PreparedShape> unite_place(const Place& place, const RegionLayer& provinces,
                                         const RegionLayer& prefectures, const RegionLayer* counties) {
    if (!place_drawable(place, counties)) return std::nullopt;
    PlaceShape s = place_units(place, provinces, prefectures, counties);
    if (s.units.empty()) return std::nullopt;
    std::vector<const MultiPolygon*> parts;
    for (const Region* u : s.units) parts.push_back(&u->geometry);
    GeosContext ctx;
    PreparedShape out;
    out.geometry = union_all(ctx, parts);
    out.area_km2 = geodesic_area_km2(out.geometry);
    out.label = label_point(ctx, out.geometry);
    return out;
}

PlaceShape assemble_place_shape(const Place& place, const RegionLayer& provinces, const RegionLayer& prefectures,
                                const RegionLayer* counties, const PreparedShape* prepared) {
    PlaceShape s = place_units(place, provinces, prefectures, counties);
    std::optional<PreparedShape> computed;
    if (prepared == nullptr) computed = unite_place(place, provinces, prefectures, counties);
    const PreparedShape* united = prepared != nullptr ? prepared : computed ? &*computed : nullptr;
    if (united == nullptr || s.units.empty()) return s;
    s.geometry = united->geometry;
    s.units_area_km2 = united->area_km2;
    s.label = united->label;
    return s;
}

PlaceShape build_place_shape(const Place& place, const RegionLayer& provinces, const RegionLayer& prefectures,
                             const RegionLayer* counties) {
    return assemble_place_shape(place, provinces, prefectures, counties, nullptr);
}

std::vector<std::string> district_county_codes(const PlaceSet& places) {
    std::vector<std::string> codes;
    for (const Place& p : places.places)
        if (p.kind == PlaceKind::NewDistrict) codes.insert(codes.end(), p.codes.begin(), p.codes.end());
    return codes;
}

std::vector<std::string> check_places(const PlaceSet& places, const RegionLayer& provinces,
                                      const RegionLayer& prefectures, const RegionLayer* counties) {
    std::vector<std::string> problems;
    for (const Place& p : places.places) {
        std::vector<std::string> codes = p.codes, missing;
        codes.insert(codes.end(), p.core_codes.begin(), p.core_codes.end());
        for (const std::string& code : codes) {
            bool found = p.kind == PlaceKind::PilotZone ? zone_unit(code, provinces, prefectures) != nullptr
                         : counties != nullptr          ? counties->find(code) != nullptr
                                                        : prefecture_of_county(code, prefectures) != nullptr;
            if (!found) missing.push_back(code);
        }
        if (missing.empty()) continue;
        // One line a place however many of its codes are missing (a user's county layer of one
        // province lacks most of them).
        problems.push_back(
            p.id + " " + p.name_en + ": " +
            join_first(missing, ", ", 4, [](std::size_t n) { return " and " + std::to_string(n) + " more"; }) +
            (missing.size() == 1 ? " is" : " are") + " in no " +
            (p.kind == PlaceKind::PilotZone ? "province or prefecture-level unit"
             : counties != nullptr          ? "county-level unit"
                                            : "prefecture-level unit"));
    }
    return problems;
}

std::vector<PlaceTie> places_of_unit(const PlaceSet& places, const Region& unit, UnitLevel level) {
    std::vector<PlaceTie> out;
    std::string province = level == UnitLevel::Province ? unit.code : unit.code.substr(0, 2) + "0000";
    for (const Place& p : places.places) {
        std::string relation;
        if (p.kind == PlaceKind::NewDistrict) {
            bool in = std::any_of(p.codes.begin(), p.codes.end(), [&](const std::string& c) {
                return level == UnitLevel::County ? c == unit.code
                       : level == UnitLevel::Province
                           ? c.substr(0, 2) == unit.code.substr(0, 2)
                           : c.substr(0, 4) == unit.code.substr(0, 4) ||
                                 (unit.code.substr(2) == "0000" && c.substr(0, 2) == unit.code.substr(0, 2));
            });
            if (in) relation = "hosts";
        } else if (contains(p.codes, unit.code)) {
            relation = "hosts";
        } else if (level != UnitLevel::Province &&
                   (contains(p.core_codes, unit.code) || contains(p.core_codes, unit.parent_code))) {
            relation = level == UnitLevel::County ? "lies in the core of" : "core city of";
        } else if (level != UnitLevel::Province &&
                   (contains(p.codes, province) || contains(p.codes, unit.parent_code))) {
            relation = "lies in";
        } else if (level == UnitLevel::Province &&
                   std::any_of(p.codes.begin(), p.codes.end(),
                               [&](const std::string& c) { return c.substr(0, 2) == unit.code.substr(0, 2); })) {
            relation = "hosts";
        }
        if (!relation.empty()) out.push_back({&p, relation});
    }
    return out;
}

std::string place_summary(const Place& p) {
    std::string kind = p.kind == PlaceKind::PilotZone ? "comprehensive innovation reform pilot zone, 2015"
                                                      : "national new district, approved " + p.approved;
    std::string text = p.name_en + " (" + p.name_zh + "; " + kind;
    if (p.kind == PlaceKind::NewDistrict && p.partial) text += "; covers parts of its counties";
    if (!p.unconfirmed.empty()) {
        text += "; unconfirmed: ";
        for (std::size_t i = 0; i < p.unconfirmed.size(); ++i) text += (i ? ", " : "") + p.unconfirmed[i];
    }
    return text + ")";
}

}  // namespace atlas
