#include "scene/map_paint.hpp"

#include <algorithm>

namespace atlas {

ScenePaintIndex ScenePaintIndex::of(const Scene& scene) {
    ScenePaintIndex i;
    i.provinces = scene.provinces.features();
    i.prefectures = scene.prefectures.features();
    i.counties = scene.counties.features();
    i.partial_counties = scene.partial_counties.features();
    i.regions = scene.regions.features;
    i.places = scene.places.features;
    i.hubs = scene.hubs;
    return i;
}

namespace {

MeshLayer fill_layer(FeatureFills::Layer layer) {
    return layer == FeatureFills::Layer::Provinces     ? MeshLayer::Provinces
           : layer == FeatureFills::Layer::Prefectures ? MeshLayer::Prefectures
                                                       : MeshLayer::Counties;
}

std::size_t layer_size(const ScenePaintIndex& index, FeatureFills::Layer layer) {
    return layer == FeatureFills::Layer::Provinces     ? index.provinces
           : layer == FeatureFills::Layer::Prefectures ? index.prefectures
           : layer == FeatureFills::Layer::Counties    ? index.counties
                                                       : 0;
}

void paint_fills(MapCanvas& c, const ScenePaintIndex& index, const MapStyle& style, float scale) {
    for (std::size_t f = 0; f < index.provinces; ++f) c.fill(MeshLayer::Provinces, f, style.land, 0);
    const FeatureFills& fills = style.fills;
    std::size_t n = std::min(fills.colours.size(), layer_size(index, fills.layer));
    for (std::size_t f = 0; f < n; ++f)
        if (fills.colours[f].a > 0) c.fill(fill_layer(fills.layer), f, fills.colours[f], 0);
    if (style.show_regions)
        for (std::size_t r = 0; r < style.regions.size() && r < index.regions.size(); ++r) {
            const RegionPaint& p = style.regions[r];
            if (!p.visible || !p.fill) continue;
            c.fill(MeshLayer::Regions, r, {p.colour.r, p.colour.g, p.colour.b, p.fill_alpha}, 0);
            // Members or counties whose extent no source gives, drawn whole: hatched over the fill.
            Rgba hatch{p.colour.r * 0.6f, p.colour.g * 0.6f, p.colour.b * 0.6f, std::min(1.0f, p.fill_alpha * 1.2f)};
            for (std::uint32_t unit : index.regions[r].partial_units)
                c.fill(MeshLayer::Prefectures, unit, hatch, 7 * scale);
            for (std::uint32_t county : index.regions[r].partial_counties)
                c.fill(MeshLayer::PartialCounties, county, hatch, 7 * scale);
        }
    for (std::uint32_t unit : style.overlap_prefectures)
        if (unit < index.prefectures) c.fill(MeshLayer::Prefectures, unit, style.overlap_colour, -8 * scale);
    if (style.show_new_districts)
        for (std::size_t p = 0; p < index.places.size(); ++p)
            if (index.places[p].kind == PlaceKind::NewDistrict) {
                Rgba col = style.new_district_line;
                bool partial = index.places[p].partial;
                c.fill(MeshLayer::Places, p, {col.r, col.g, col.b, partial ? 0.45f : 0.25f}, partial ? 5 * scale : 0);
            }
}

void paint_region_lines(MapCanvas& c, const ScenePaintIndex& index, const MapStyle& style, float scale) {
    for (std::size_t r = 0; r < style.regions.size() && r < index.regions.size(); ++r) {
        const RegionPaint& p = style.regions[r];
        if (!p.visible) continue;
        bool selected = static_cast<int>(r) == style.selected_region;
        auto feature = static_cast<long>(r);
        float dash = p.dashed ? 14.0f * scale : 0.0f;
        if (p.casing) {  // a wider area: a wide translucent band inside a thin line
            // A provisional one's band is broken too: a dashed thin line inside a solid band read as
            // solid (Northeast China, provisional, looked confirmed).
            c.lines(MeshLayer::Regions, feature, {p.colour.r, p.colour.g, p.colour.b, 0.35f},
                    style.region_line_px * (selected ? 6 : 4.5f) * scale, p.dashed ? 48.0f * scale : 0.0f);
            c.lines(MeshLayer::Regions, feature, p.colour, 1.2f * scale, dash);
            continue;
        }
        float width = (selected ? style.region_line_px * 2 : style.region_line_px) * scale;
        // Over a choropleth a light halo under the outline: a dark class swallowed the Shandong
        // Peninsula's purple and the Yangtze River Delta's blue.
        if (style.fills.layer != FeatureFills::Layer::None)
            c.lines(MeshLayer::Regions, feature, {1, 1, 1, 0.85f}, width + 2.5f * scale, dash);
        c.lines(MeshLayer::Regions, feature, p.colour, width, dash);
    }
}

void paint_lines(MapCanvas& c, const ScenePaintIndex& index, const Camera& camera, const MapStyle& style, float scale) {
    if (index.counties > 0 && county_outlines_painted(style, camera.metres_per_pixel * scale))
        c.lines(MeshLayer::Counties, -1, style.county_line, style.county_line_px * scale, 0);
    if (style.show_prefectures)
        c.lines(MeshLayer::Prefectures, -1, style.prefecture_line, style.prefecture_line_px * scale, 0);
    if (style.show_provinces) c.lines(MeshLayer::Provinces, -1, style.province_line, style.province_line_px * scale, 0);
    for (std::size_t p = 0; p < index.places.size(); ++p) {
        bool zone = index.places[p].kind == PlaceKind::PilotZone;
        if (zone ? style.show_pilot_zones : style.show_new_districts)
            c.lines(MeshLayer::Places, static_cast<long>(p), zone ? style.pilot_zone_line : style.new_district_line,
                    (zone ? 2.4f : 1.6f) * scale, zone ? 10.0f * scale : 0.0f);
    }
    if (style.show_regions) paint_region_lines(c, index, style, scale);
    if (style.selected_unit >= 0) {  // the selected unit: a dark line over everything but the hubs
        auto unit = static_cast<std::size_t>(style.selected_unit);
        MeshLayer layer = style.selected_is_province ? MeshLayer::Provinces : MeshLayer::Prefectures;
        if (unit < (style.selected_is_province ? index.provinces : index.prefectures))
            c.lines(layer, style.selected_unit, {0.08f, 0.08f, 0.1f, 1}, 3.0f * scale, 0);
    }
}

}  // namespace

bool county_outlines_painted(const MapStyle& style, double metres_per_figure_pixel) {
    return style.show_counties &&
           (metres_per_figure_pixel < style.counties_below_mpp || style.fills.layer == FeatureFills::Layer::Counties);
}

bool county_mesh_needed(const MapStyle& style, double metres_per_figure_pixel) {
    return style.fills.layer == FeatureFills::Layer::Counties ||
           county_outlines_painted(style, metres_per_figure_pixel);
}

void paint_map(MapCanvas& canvas, const ScenePaintIndex& index, const Camera& camera, const MapStyle& style,
               float scale) {
    canvas.clear(style.background);
    paint_fills(canvas, index, style, scale);
    paint_lines(canvas, index, camera, style, scale);
    if (style.show_hubs)
        for (std::size_t h = 0; h < index.hubs.size(); ++h)
            if (any_visible(style, index.hubs[h].regions))
                canvas.hub(h, style.hub_px * scale, style.hub_fill, style.hub_outline);
}

}  // namespace atlas
