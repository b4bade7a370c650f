#include "scene/label_source.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

double label_scale(int kind) {
    switch (kind) {
        case kRegionLabel:
            return 1.2;
        case kWideAreaLabel:
            return 1.1;
        case kProvinceLabel:
            return 0.95;
        case kCityLabel:
            return 0.85;
        case kCountyLabel:
            return 0.75;
        case kPlaceLabel:
            return 0.9;
        default:
            return 1.0;
    }
}

LabelSource::LabelSource(Document& doc, const Scene& scene) {
    Projection projection(scene.projection_name);
    SceneXY at;
    // Names, label and seat points: the units without their geometry (read only where drawn from it).
    for (const Region& p : doc.province_units().regions)
        if (scene_point(projection, scene, p.label, at))
            provinces_.push_back({p.name_en, p.name_zh, at, p.area_km2, -1, {}});
    for (const Region& p : doc.prefecture_units().regions) {
        if (p.parent_code.empty()) continue;  // municipalities: their province label names them
        // Hubs have their own, higher label.
        if (std::any_of(scene.hubs.begin(), scene.hubs.end(), [&](const HubMarker& h) { return h.code == p.code; }))
            continue;
        std::string en = p.name_en.substr(0, p.name_en.find(" ("));
        if (scene_point(projection, scene, p.seat, at)) cities_.push_back({en, p.name_zh, at, p.area_km2, -1, {}});
    }
    if (const RegionLayer* counties = doc.county_attributes())  // names, areas and label points: no geometry
        for (const Region& c : counties->regions)
            if (c.code != c.parent_code && scene_point(projection, scene, c.label, at))  // not Dongguan twice
                counties_.push_back({c.name_en, c.name_zh, at, c.area_km2, -1, {}});
    for (const Place& p : doc.places().places) {
        const PlaceShape& shape = doc.place_shape(p);
        if (p.kind == PlaceKind::NewDistrict && !shape.geometry.empty() &&
            scene_point(projection, scene, shape.label, at))
            districts_.push_back({p.name_en, p.name_zh, at, shape.units_area_km2, -1, {}});
    }
    std::vector<const RegionShape*> shapes = doc.shapes();
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const PlanRegion& r = *shapes[i]->region;
        std::string short_en = r.name_en;
        for (const char* suffix : {" urban agglomerations", " urban agglomeration", " metropolitan region"})
            if (short_en.size() > std::string(suffix).size() &&
                short_en.rfind(suffix) == short_en.size() - std::string(suffix).size())
                short_en = short_en.substr(0, short_en.size() - std::string(suffix).size());
        // "Urban agglomerations of Northeast China", 300 pixels wide, found no room over its band and
        // stood beside its anchor, over Inner Mongolia (helper-53): "Northeast China", as 东北地区城市群
        // is short; the legend gives the whole name.
        const std::string prefix = "Urban agglomerations of ";
        if (short_en.size() > prefix.size() && short_en.rfind(prefix, 0) == 0)
            short_en = short_en.substr(prefix.size());
        if (scene_point(projection, scene, shapes[i]->label, at))
            regions_.push_back({short_en, r.name_zh, at, shapes[i]->area_km2, static_cast<int>(i), {}});
    }
    for (const HubMarker& hub : scene.hubs) {
        const Region* unit = doc.prefecture_units().find(hub.code);
        std::string en = unit->name_en.substr(0, unit->name_en.find(" ("));  // "Fuzhou (Fujian)" -> "Fuzhou"
        hubs_.push_back({en, unit->name_zh, hub.at, unit->area_km2, -1, hub.regions});
    }
    auto by_area = [](const Anchor& a, const Anchor& b) { return a.area_km2 > b.area_km2; };
    std::stable_sort(provinces_.begin(), provinces_.end(), by_area);
    std::stable_sort(cities_.begin(), cities_.end(), by_area);
    std::stable_sort(regions_.begin(), regions_.end(), by_area);
    std::stable_sort(counties_.begin(), counties_.end(), by_area);
}

namespace {

/// Distance in pixels from a point to a label's box centred at (x, y).
double box_distance(double x, double y, double w, double h, ScreenXY p) {
    double dx = std::max(std::fabs(p.x - x) - w / 2, 0.0), dy = std::max(std::fabs(p.y - y) - h / 2, 0.0);
    return std::hypot(dx, dy);
}

/// Keeps the places of a hub's name that are nearer its own marker (`own`) than any other marker: at
/// the national view in Chinese, 苏州 set above its dot stood over Wuxi's, with 无锡 beside it, and
/// read as Wuxi's name (helper-53). The first place kept becomes the label's; false when none is.
bool keep_nearest_own(LabelCandidate& c, ScreenXY own, const std::vector<ScreenXY>& dots) {
    std::vector<std::array<double, 2>> places{{c.x, c.y}};
    for (const auto& [dx, dy] : c.shifts) places.push_back({c.x + dx, c.y + dy});
    std::vector<std::array<double, 2>> kept;
    for (const auto& [x, y] : places) {
        double mine = box_distance(x, y, c.width, c.height, own);
        bool nearer_other = std::any_of(dots.begin(), dots.end(), [&](ScreenXY d) {
            bool is_own = std::fabs(d.x - own.x) < 0.5 && std::fabs(d.y - own.y) < 0.5;
            return !is_own && box_distance(x, y, c.width, c.height, d) < mine;
        });
        if (!nearer_other) kept.push_back({x, y});
    }
    if (kept.empty()) return false;
    c.x = kept.front()[0], c.y = kept.front()[1];
    c.shifts.clear();
    for (std::size_t i = 1; i < kept.size(); ++i) c.shifts.push_back({kept[i][0] - c.x, kept[i][1] - c.y});
    return true;
}

}  // namespace

std::vector<LabelCandidate> LabelSource::candidates(const Camera& camera, const MapStyle& style,
                                                    const MeasureText& measure, double scale) const {
    std::vector<LabelCandidate> out;
    const double hub_px = style.hub_px * scale, metres_per_figure_pixel = camera.metres_per_pixel * scale;
    std::vector<ScreenXY> dots;  // the hub markers drawn
    if (style.show_hubs)
        for (const Anchor& a : hubs_)
            if (any_visible(style, a.regions)) dots.push_back(camera.scene_to_screen(a.at));
    auto add = [&](const Anchor& a, int priority, int kind, double dx) {
        const std::string& text = style.english ? a.en : a.zh;
        auto [w, h] = measure(text);
        w *= label_scale(kind), h *= label_scale(kind);
        ScreenXY s = camera.scene_to_screen(a.at);
        LabelCandidate c{text, s.x + (dx > 0 ? dx + w / 2 : 0), s.y, w, h, priority, kind, {}};
        if (dx > 0) {  // a name beside its marker: else on the other side, else above or below it,
                       // clear of the marker and both boxes' 2 px of padding (a shift of h overlapped
                       // the marker by a pixel: "Guangzhou" was never set above or below its dot)
            const double dy = (h + hub_px) / 2 + 4;
            c.shifts = {{-2 * dx - w, 0}, {-dx - w / 2, -dy}, {-dx - w / 2, dy}};
        } else {
            // A name over an area: nudged up or down, off a marker or a higher label, but kept over
            // its area (about a square of its size): nudged off a small one, "Kunming" stood beside
            // the Guiyang dot, "Hong Kong" north of Guangzhou, "Hubei" in Hunan.
            for (double dy : {-h, h, -2 * h, 2 * h})
                if (std::fabs(dy) <= (std::sqrt(a.area_km2) * 1000 / camera.metres_per_pixel + h) / 2)
                    c.shifts.push_back({0, dy});
            // Last, beside its anchor, one end at it: a small region's anchor lies under its own hub
            // marker ("Guiyang" at 1024x768 had no place, and no name).
            const double side = w / 2 + hub_px;  // as a hub name stands off its marker
            // Then a line above or below that, then a quarter of its width further out where that
            // stays within the region's half width (about): at 800x600 the crowded east left "Wuhan
            // metropolitan area" no place, and "Yangtze River Delta" beside its anchor lay over its
            // own five hub markers; further out, at 640x480, "West Side of the Taiwan Strait" stood
            // over Hunan.
            const double half_width = std::sqrt(a.area_km2) * 1000 / camera.metres_per_pixel / 2;
            for (double across : {side, side + w / 4})
                for (double dy : {0.0, -h, h}) {
                    if (across > side && w / 4 > half_width) break;
                    c.shifts.push_back({across, dy});
                    c.shifts.push_back({-across, dy});
                }
        }
        if (kind == kHubLabel && !keep_nearest_own(c, s, dots)) return;
        out.push_back(std::move(c));
    };
    auto shown = [&](const Anchor& a) {
        const RegionPaint& p = style.regions.at(static_cast<std::size_t>(a.index));
        return p.visible && p.labelled;
    };
    auto filled = [&](const Anchor& a) { return style.regions[static_cast<std::size_t>(a.index)].fill; };
    if (style.show_hubs)  // the markers first: no label may cover one
        for (const Anchor& a : hubs_)
            if (any_visible(style, a.regions)) {
                ScreenXY s = camera.scene_to_screen(a.at);
                out.push_back({"", s.x, s.y, hub_px, hub_px, 10, kHubDot, {}});
            }
    if (!style.show_labels) return out;
    if (style.show_regions)
        for (const Anchor& a : regions_)
            if (shown(a) && filled(a)) add(a, 5, kRegionLabel, 0);
    if (style.show_hubs)
        for (const Anchor& a : hubs_)
            if (any_visible(style, a.regions)) add(a, 4, kHubLabel, hub_px);
    if (style.show_regions)
        for (const Anchor& a : regions_)
            if (shown(a) && !filled(a)) add(a, 3, kWideAreaLabel, 0);
    if (style.show_new_districts)
        for (const Anchor& a : districts_) add(a, 3, kPlaceLabel, 0);
    if (style.show_provinces)
        for (const Anchor& a : provinces_) add(a, 2, kProvinceLabel, 0);
    if (style.show_prefectures && metres_per_figure_pixel < kCityLabelsBelowMpp)
        for (const Anchor& a : cities_) add(a, 1, kCityLabel, 0);
    if (style.show_counties && metres_per_figure_pixel < kCountyLabelsBelowMpp)
        for (const Anchor& a : counties_) add(a, 0, kCountyLabel, 0);
    return out;
}

std::vector<std::string> LabelSource::all_texts() const {
    std::vector<std::string> out;
    for (const auto* list : {&provinces_, &regions_, &hubs_, &cities_, &counties_, &districts_})
        for (const Anchor& a : *list) out.insert(out.end(), {a.en, a.zh});
    return out;
}

}  // namespace atlas
