#include "scene/furniture.hpp"

#include <geodesic.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "scene/legend_paint.hpp"
#include "scene/map_cover.hpp"
#include "text/i18n.hpp"

namespace atlas {

ViewGeometry view_geometry(const Scene& scene, const Camera& camera, const Projection& projection) {
    ViewGeometry g;
    auto lonlat = [&](double sx, double sy, LonLat& out) {
        return scene_lonlat(projection, scene, camera.screen_to_scene({sx, sy}), out);
    };
    double cx = camera.width / 2.0, cy = camera.height / 2.0, half = 50;
    ScreenXY a = camera.scene_to_screen({scene.extent[0], scene.extent[1]});
    ScreenXY b = camera.scene_to_screen({scene.extent[2], scene.extent[3]});
    double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
    if (x0 >= -1 && y0 >= -1 && x1 <= camera.width + 1 && y1 <= camera.height + 1)  // all of China in view
        cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    LonLat west, east;
    if (!lonlat(cx, cy, g.centre) || !lonlat(cx - half, cy, west) || !lonlat(cx + half, cy, east)) return g;
    geod_geodesic wgs84;
    geod_init(&wgs84, 6378137, 1 / 298.257223563);
    double metres = 0;
    geod_inverse(&wgs84, west.lat, west.lon, east.lat, east.lon, &metres, nullptr, nullptr);
    g.true_metres_per_px = metres / (2 * half);
    SceneXY north;
    if (!scene_point(projection, scene, {g.centre.lon, std::min(89.9, g.centre.lat + 0.1)}, north)) return g;
    ScreenXY from{cx, cy};
    ScreenXY to = camera.scene_to_screen(north);
    g.north_radians = std::atan2(to.x - from.x, -(to.y - from.y));
    g.known = true;
    return g;
}

ScaleBar scale_bar(double true_metres_per_px, float max_px) {
    ScaleBar bar;
    if (!(true_metres_per_px > 0) || !(max_px > 0)) return bar;
    double most = true_metres_per_px * max_px;
    double power = std::pow(10.0, std::floor(std::log10(most)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= most) {
            bar.metres = step * power;
            break;
        }
    bar.pixels = static_cast<float>(bar.metres / true_metres_per_px);
    char text[32];
    if (bar.metres >= 1000)
        std::snprintf(text, sizeof text, "%g km", bar.metres / 1000);
    else
        std::snprintf(text, sizeof text, "%g m", bar.metres);
    bar.label = text;
    return bar;
}

FigureWords figure_words(const Figure& figure, const FurnitureSettings& s) {
    FigureWords w;
    if (s.show_title) w.title = s.title.empty() ? figure.title : s.title;
    if (s.show_subtitle) w.subtitle = s.subtitle.empty() ? figure.subtitle : s.subtitle;
    if (s.show_credit) {
        // The user's credit goes first; the sources (their licences ask for them) and the plan stay.
        std::vector<std::string> parts;
        if (!s.credit.empty()) parts.push_back(s.credit);
        parts.insert(parts.end(), figure.credits.begin(), figure.credits.end());
        if (!s.inset.empty()) parts.push_back(tr("Inset: ") + std::filesystem::path(s.inset).filename().string());
        for (const std::string& part : parts) w.credit += (w.credit.empty() ? "" : tr("; ")) + part;
    }
    return w;
}

namespace {

const Rgba kPanel{1, 1, 1, 0.86f}, kInk{0.08f, 0.08f, 0.12f, 1}, kSoftInk{0.3f, 0.3f, 0.34f, 1};
constexpr std::size_t kMostTitleLines = 3;

/// The title block at the top left; returns its bottom edge (0 without a title or subtitle) and, in
/// `right`, its right edge.
float paint_title(Painter& p, const FigureWords& w, float width, bool draw = true, float* right = nullptr) {
    if (w.title.empty() && w.subtitle.empty()) return 0;
    float s = p.scale(), pad = 8 * s, m = 12 * s, f = p.font_size(), wrap = width * 0.6f;
    float title_size = f * 1.5f, sub_size = f * 0.9f;
    // At most three lines each: the map, its legend and credit keep their room whatever the text.
    std::vector<std::string> title = wrap_text_lines(p, title_size, w.title, wrap, kMostTitleLines);
    std::vector<std::string> subtitle = wrap_text_lines(p, sub_size, w.subtitle, wrap, kMostTitleLines);
    float tw = lines_width(p, title_size, title), th = title_size * static_cast<float>(title.size());
    float sw = lines_width(p, sub_size, subtitle), sh = sub_size * static_cast<float>(subtitle.size());
    if (w.title.empty()) tw = th = 0;
    if (w.subtitle.empty()) sw = sh = 0;
    float box_w = std::max(tw, sw) + 2 * pad, box_h = th + sh + 2 * pad + (th > 0 && sh > 0 ? 2 * s : 0);
    if (right != nullptr) *right = m + box_w;
    if (!draw) return m + box_h;
    p.rect_filled({m, m}, {m + box_w, m + box_h}, kPanel, 3 * s);
    float y = m + pad;
    if (th > 0) y += draw_lines(p, {m + pad, y}, title_size, kInk, title) + 2 * s;
    if (sh > 0) draw_lines(p, {m + pad, y}, sub_size, kSoftInk, subtitle);
    return m + box_h;
}

}  // namespace

std::vector<std::string> cut_figure_texts(Painter& p, const Figure& figure, const FurnitureSettings& settings,
                                          float width) {
    FigureWords w = figure_words(figure, settings);
    float f = p.font_size(), wrap = width * 0.6f;  // as paint_title and paint_credit lay them out
    auto cut = [&](float size, const std::string& text, float room) {
        return wrap_text_lines(p, size, text, room, kMostTitleLines + 1).size() > kMostTitleLines;
    };
    std::vector<std::string> out;
    if (cut(f * 1.5f, w.title, wrap)) out.push_back("title");
    if (cut(f * 0.9f, w.subtitle, wrap)) out.push_back("subtitle");
    if (cut(f * 0.8f, w.credit, width - 24 * p.scale())) out.push_back("credit");
    return out;
}

namespace {

/// The credit strip along the bottom edge; returns its height.
float paint_credit(Painter& p, const std::string& credit, float width, float height, bool draw = true) {
    if (credit.empty()) return 0;
    float s = p.scale(), pad = 4 * s, size = p.font_size() * 0.8f;
    std::vector<std::string> lines = wrap_text_lines(p, size, credit, width - 24 * s, kMostTitleLines);
    float h = size * static_cast<float>(lines.size()) + 2 * pad;
    if (!draw) return h;
    p.rect_filled({0, height - h}, {width, height}, kPanel);
    draw_lines(p, {12 * s, height - h + pad}, size, kSoftInk, lines);
    return h;
}

void north_arrow(Painter& p, PaintPoint centre, float radius, double angle) {
    auto at = [&](float x, float y) {  // (x, y) in the arrow's frame, y up, turned by `angle` clockwise
        auto c = static_cast<float>(std::cos(angle)), sn = static_cast<float>(std::sin(angle));
        return PaintPoint{centre.x + x * c + y * sn, centre.y - (-x * sn + y * c)};
    };
    float r = radius;
    p.polygon_filled({at(0, r), at(-0.45f * r, -0.7f * r), at(0, -0.35f * r)}, kInk);
    p.polygon_filled({at(0, r), at(0, -0.35f * r), at(0.45f * r, -0.7f * r)}, {0.55f, 0.55f, 0.6f, 1});
    auto [nw, nh] = p.measure(p.font_size(), "N");
    PaintPoint label = at(0, r + nh * 0.6f);
    p.text({label.x - nw / 2, label.y - nh / 2}, p.font_size(), kInk, "N");
}

/// The scale bar (and, above it, the north arrow) and its box's size; empty when neither is shown.
struct ScaleBlock {
    ScaleBar bar;
    std::string where;  ///< "true at 36.4°N, 102.6°E"
    bool arrow = false;
    float width = 0, height = 0, arrow_height = 0;
};

/// `bar_room`: the most pixels the bar may take.
ScaleBlock scale_block(const Painter& p, const FurnitureSettings& settings, const ViewGeometry& g, float bar_room) {
    ScaleBlock b;
    float s = p.scale(), pad = 6 * s, f = p.font_size(), note_size = f * 0.7f;
    if (settings.show_scale_bar && g.known) b.bar = scale_bar(g.true_metres_per_px, bar_room);
    char where[96];
    std::snprintf(where, sizeof where, "%s %.1f°%s, %.1f°%s", tr("true at"), std::fabs(g.centre.lat),
                  g.centre.lat >= 0 ? "N" : "S", std::fabs(g.centre.lon), g.centre.lon >= 0 ? "E" : "W");
    b.where = where;
    b.arrow = settings.show_north_arrow && g.known;
    bool bar = b.bar.pixels > 0;
    if (!b.arrow && !bar) return b;
    float note_w = bar ? p.measure(note_size, b.where).first : 0;
    float bar_w = bar ? b.bar.pixels + p.measure(f * 0.8f, b.bar.label).first / 2 + 4 * s : 0;
    b.arrow_height = b.arrow ? 52 * s : 0;
    b.width = std::max({note_w, bar_w, b.arrow ? 36 * s : 0.0f}) + 2 * pad;
    b.height = b.arrow_height + (bar ? 8 * s + f * 0.8f + note_size + 6 * s : 0) + 2 * pad;
    return b;
}

void paint_scale_block(Painter& p, const ScaleBlock& b, const ViewGeometry& g, PaintPoint top_left) {
    if (b.width <= 0) return;
    float s = p.scale(), pad = 6 * s, f = p.font_size(), note_size = f * 0.7f;
    float x0 = top_left.x, y0 = top_left.y;
    p.rect_filled({x0, y0}, {x0 + b.width, y0 + b.height}, kPanel, 3 * s);
    if (b.arrow) north_arrow(p, {x0 + b.width / 2, y0 + pad + 30 * s}, 16 * s, g.north_radians);
    if (b.bar.pixels <= 0) return;
    float bx = x0 + pad, by = y0 + pad + b.arrow_height + f * 0.8f + 2 * s, px = b.bar.pixels;
    p.text({bx, by - f * 0.8f - 2 * s}, f * 0.8f, kInk, "0");
    auto [lw, lh] = p.measure(f * 0.8f, b.bar.label);
    p.text({bx + px - lw / 2, by - lh - 2 * s}, f * 0.8f, kInk, b.bar.label);
    p.rect_filled({bx, by}, {bx + px / 2, by + 6 * s}, kInk);
    p.rect_filled({bx + px / 2, by}, {bx + px, by + 6 * s}, {1, 1, 1, 1});
    p.rect({bx, by}, {bx + px, by + 6 * s}, kInk, s);
    p.text({bx, by + 8 * s}, note_size, kSoftInk, b.where);
}

struct Box {
    PaintPoint min, max;
    bool meets(const Box& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

Legend figure_legend(const Figure& figure, bool credit_shown) {
    Legend legend = figure.legend;
    if (!credit_shown) return legend;  // the sources stay in the legend when there is no credit line
    auto& notes = legend.notes;
    for (const std::string& c : figure.credits) notes.erase(std::remove(notes.begin(), notes.end(), c), notes.end());
    return legend;
}

}  // namespace

namespace {

struct ScaleSpot {
    ScaleBlock block;
    PaintPoint at;                   ///< top left, device pixels
    Hidden hides = Hidden::Nothing;  ///< what it hides where no spot was clear
};

/// What a box over the map hides of the figure's subject: what_is_hidden, or a region where only
/// covered_share's grid finds one (a point of a small region under a box).
Hidden hidden_under(const Scene& scene, const Camera& camera, const Box& box, const MapStyle& style) {
    Hidden hidden = what_is_hidden(scene, camera, box.min, box.max, style);
    if (hidden == Hidden::Nothing &&
        covered_share(scene, camera, box.min, box.max, &style) - land_share(scene, camera, box.min, box.max) >=
            kHidesNoRegion)
        return Hidden::Region;
    return hidden;
}

/// Where the scale block goes: the first spot free of other boxes and of land, trying the corners in
/// the order a reader looks (bottom right, bottom left, above the inset, top right), then along the
/// bottom and right edges half a box at a time, then all again with a bar half as long; where every
/// free spot covers land, the one hiding nothing of the figure's subject (hidden_under) that covers
/// least, else the one covering least (regions and hubs weigh most). At 800x600 every corner left was
/// over land: the bottom right over Taiwan. `inset_top` < 0: no inset.
ScaleSpot place_scale_block(const Painter& p, const FurnitureSettings& settings, const ViewGeometry& geometry,
                            const MapStyle& style, const Scene& scene, const Camera& camera,
                            const std::vector<Box>& taken, float inset_top, float bottom) {
    auto width = static_cast<float>(camera.width);
    float m = 12 * p.scale(), room = std::min(160 * p.scale(), width / 4);
    std::optional<std::pair<double, ScaleSpot>> best, clear;
    for (float bar_room : {room, room / 2}) {
        ScaleBlock block = scale_block(p, settings, geometry, bar_room);
        float bw = block.width, bh = block.height;
        // Neither bar nor arrow: nothing to place (the walks below step by half the block's width,
        // and a block of none walked without end until memory ran out).
        if (!(bw > 0) || !(bh > 0)) return {block, {width - m, bottom - m}};
        float above_inset = inset_top >= 0 ? inset_top - m / 2 - bh : bottom - m - bh;
        std::vector<PaintPoint> spots = {{width - m - bw, bottom - m - bh},
                                         {m, bottom - m - bh},
                                         {width - m - bw, above_inset},
                                         {width - m - bw, m}};
        for (float x = width - m - bw * 1.5f; x > m; x -= bw / 2) spots.push_back({x, bottom - m - bh});
        for (float y = bottom - m - bh * 1.5f; y > m; y -= bh / 2) spots.push_back({width - m - bw, y});
        // Then the left edge and the top (a small figure's sea may lie only there: at 560x420 every
        // spot on the right hid the Shandong Peninsula or Shanghai).
        for (float y = bottom - m - bh * 1.5f; y > m; y -= bh / 2) spots.push_back({m, y});
        for (float x = m; x < width - m - bw; x += bw / 2) spots.push_back({x, m});
        for (const PaintPoint& at : spots) {
            Box box{at, {at.x + bw, at.y + bh}};
            if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.meets(box); })) continue;
            double share = covered_share(scene, camera, box.min, box.max, &style);
            if (share == 0) return {block, at};
            if (!best || share < best->first) best = std::pair{share, ScaleSpot{block, at}};
            if ((!clear || share < clear->first) && hidden_under(scene, camera, box, style) == Hidden::Nothing)
                clear = std::pair{share, ScaleSpot{block, at}};
        }
    }
    if (clear) return clear->second;
    if (best) {
        ScaleSpot& spot = best->second;
        spot.hides = hidden_under(scene, camera,
                                  {spot.at, {spot.at.x + spot.block.width, spot.at.y + spot.block.height}}, style);
        return spot;
    }
    // Nowhere free: where a reader looks for it.
    ScaleBlock block = scale_block(p, settings, geometry, room);
    PaintPoint at{width - m - block.width, bottom - m - block.height};
    return {block, at, hidden_under(scene, camera, {at, {at.x + block.width, at.y + block.height}}, style)};
}

/// The inset's lines and points over its map, and its frame.
void paint_inset_lines(Painter& p, const InsetLayer& layer, const Projection& projection, const Scene& scene,
                       const InsetPlacement& at) {
    float s = p.scale();
    const Rgba ink{0.2f, 0.2f, 0.25f, 1};
    auto screen = [&](const LonLat& ll, PaintPoint& out) {
        SceneXY xy;
        if (!scene_point(projection, scene, ll, xy)) return false;
        ScreenXY sp = at.camera.scene_to_screen(xy);
        out = {at.min.x + static_cast<float>(sp.x), at.min.y + static_cast<float>(sp.y)};
        return true;
    };
    p.push_clip(at.min, at.max);
    for (const std::vector<LonLat>& line : layer.lines)
        for (std::size_t i = 1; i < line.size(); ++i)
            if (PaintPoint a, b; screen(line[i - 1], a) && screen(line[i], b)) p.line(a, b, ink, 1.2f * s);
    for (const LonLat& point : layer.points)
        if (PaintPoint c; screen(point, c)) p.circle_filled(c, 1.6f * s, ink);
    p.pop_clip();
    p.rect(at.min, at.max, {0.3f, 0.3f, 0.34f, 1}, s);
}

}  // namespace

std::array<double, 4> projected_extent(const InsetLayer& layer, const Projection& projection, const Scene& scene) {
    const double* e = layer.extent;
    std::array<double, 4> box = {1e300, 1e300, -1e300, -1e300};
    for (int i = 0; i <= 8; ++i)
        for (int j = 0; j <= 8; ++j)
            if (SceneXY xy;
                scene_point(projection, scene, {e[0] + (e[2] - e[0]) * i / 8, e[1] + (e[3] - e[1]) * j / 8}, xy)) {
                box[0] = std::min(box[0], xy.x), box[1] = std::min(box[1], xy.y);
                box[2] = std::max(box[2], xy.x), box[3] = std::max(box[3], xy.y);
            }
    return box;
}

InsetPlacement place_inset(Painter& p, const Figure& figure, const FurnitureSettings& settings, const Scene& scene,
                           const Camera& camera, const InsetLayer& layer, const Projection& projection) {
    InsetPlacement out;
    auto width = static_cast<float>(camera.width), height = static_cast<float>(camera.height);
    FigureWords words = figure_words(figure, settings);
    float s = p.scale(), m = 12 * s, top = paint_title(p, words, width, false);
    float bottom = height - paint_credit(p, words.credit, width, height, false);
    std::array<double, 4> box = projected_extent(layer, projection, scene);
    float extent[4] = {static_cast<float>(box[0]), static_cast<float>(box[1]), static_cast<float>(box[2]),
                       static_cast<float>(box[3])};
    if (!(extent[0] < extent[2]) || !(extent[1] < extent[3])) return out;
    float aspect = (extent[3] - extent[1]) / (extent[2] - extent[0]);
    float box_w = std::max(120 * s, width * 0.18f), box_h = box_w * aspect;
    float most = (bottom - top) * 0.45f;
    if (box_h > most) box_h = most, box_w = box_h / aspect;
    out.camera.width = static_cast<int>(std::lround(box_w));
    out.camera.height = static_cast<int>(std::lround(box_h));
    out.camera.fit(extent, 0.05);
    out.max = {width - m, bottom - m};
    out.min = {out.max.x - static_cast<float>(out.camera.width), out.max.y - static_cast<float>(out.camera.height)};
    out.placed = true;
    return out;
}

namespace {

/// The map's room between its title block and its credit strip (device pixels).
struct MapRoom {
    float top = 0, bottom = 0, title_right = 0;
};

/// Where the legend goes, in what layout and at what size of type.
struct LegendSpot {
    Box box{};
    float max_w = 0, max_h = 0;      ///< the layout: legend_box_size's bounds
    float type = 1;                  ///< its sizes times this (ScaledPainter)
    bool fits = false;               ///< inside the map's room and clear of the other boxes
    bool clear = false;              ///< hides no region (covered_share over land_share under kHidesNoRegion)
    Hidden hides = Hidden::Nothing;  ///< what it hides when not clear (hidden_under)
};

/// Sizes of type the legend may be set in, largest first: a 22-entry legend is taller than a
/// 180 mm print page's map or an 800x450 figure (its heading was cut at the top edge, its foot ran
/// over the credit); at 0.6 a figure's 15 px labels are 9 px, 7 pt on paper.
constexpr std::array<float, 4> kLegendTypes = {1.0f, 0.85f, 0.72f, 0.6f};

/// Every free corner, the legend in one, two or three columns, its type at each size. The largest
/// type at which some box hides no region (covered_share over land_share) takes the box that covers
/// the least (share of the box times its area): smaller type is for keeping the legend inside the
/// map and off the regions, never for sparing bare land. Where every box hides a region, the least
/// covered wins, a wider layout (harder to read) covering a quarter less for each step wider and a
/// smaller type a third less share for each step smaller. Ties go to the first (bottom left, one
/// column). Boxes inside the room come first; when none fits (a tiny figure), any box.
LegendSpot place_legend(Painter& p, const Legend& shown, const MapStyle& style, const Scene& scene,
                        const Camera& camera, MapRoom room, const std::vector<Box>& taken) {
    enum Corner { BottomLeft, BottomRight, TopRight, TopLeft };
    auto width = static_cast<float>(camera.width);
    float s = p.scale(), m = 12 * s, top = room.top, bottom = room.bottom;
    for (bool must_fit : {true, false}) {
        LegendSpot best;
        double best_score = 1e300;
        for (std::size_t step = 0; step < kLegendTypes.size(); ++step) {
            ScaledPainter type(p, kLegendTypes[step]);
            double type_penalty = std::pow(1.5, step) / (kLegendTypes[step] * kLegendTypes[step]);
            double layout_penalty = 1, clear_score = 1e300;
            LegendSpot clear;  // at this type, the best box that hides no region
            for (auto [wide, tall] : {std::pair{0.34f, 0.7f}, {0.55f, 0.45f}, {0.8f, 0.3f}}) {
                float max_w = std::max(260 * s, width * wide), max_h = (bottom - top) * tall;
                auto [lw, lh] = legend_box_size(type, shown, max_w, max_h);
                float right_top = width - m - lw < room.title_right + m ? top + m : m;  // beside the title, or under it
                std::array<PaintPoint, 4> origin = {PaintPoint{m, bottom - m - lh},
                                                    PaintPoint{width - m - lw, bottom - m - lh},
                                                    PaintPoint{width - m - lw, right_top}, PaintPoint{m, top + m}};
                for (int c = BottomLeft; c <= TopLeft; ++c) {
                    Box box{origin[c], {origin[c].x + lw, origin[c].y + lh}};
                    if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.meets(box); })) continue;
                    bool inside = box.min.y >= m / 2 && box.min.x >= 0 && box.max.x <= width &&
                                  box.max.y <= bottom - m / 2;  // not cut at an edge, not over the credit strip
                    if (must_fit && !inside) continue;
                    double share = covered_share(scene, camera, box.min, box.max, &style);
                    double score = (share + 0.02) * lw * lh * layout_penalty;
                    LegendSpot here{box, max_w, max_h, kLegendTypes[step], inside};
                    if (score * type_penalty < best_score) best_score = score * type_penalty, best = here;
                    if (score < clear_score && share - land_share(scene, camera, box.min, box.max) < kHidesNoRegion &&
                        !hides_part(scene, camera, box.min, box.max, style))
                        clear_score = score, clear = here;
                }
                layout_penalty /= 0.75;
            }
            if (clear.max_w != 0) {
                clear.clear = true;
                return clear;
            }
        }
        if (best.max_w != 0) {
            best.hides = hidden_under(scene, camera, best.box, style);
            return best;
        }
    }
    // Every corner taken (a tiny figure): the bottom left, over what is there, at the smallest type.
    ScaledPainter type(p, kLegendTypes.back());
    float max_w = std::max(260 * s, width * 0.34f), max_h = (bottom - top) * 0.7f;
    auto [lw, lh] = legend_box_size(type, shown, max_w, max_h);
    Box box{{m, bottom - m - lh}, {m + lw, bottom - m}};
    return {box, max_w, max_h, kLegendTypes.back(), false, false, hidden_under(scene, camera, box, style)};
}

/// The map's room and the boxes taken before the legend is placed: the title block, the inset, the
/// credit strip below `room.bottom` (not a box: the legend is kept above it).
std::vector<Box> boxes_before_legend(Painter& p, const FigureWords& words, const Camera& camera,
                                     const InsetPlacement* placement, MapRoom& room) {
    auto width = static_cast<float>(camera.width), height = static_cast<float>(camera.height);
    room.top = paint_title(p, words, width, false, &room.title_right);
    room.bottom = height - paint_credit(p, words.credit, width, height, false);
    std::vector<Box> taken;
    if (room.top > 0) taken.push_back({{0, 0}, {room.title_right, room.top}});
    if (placement != nullptr && placement->placed) taken.push_back({placement->min, placement->max});
    return taken;
}

/// Lays the furniture out and, with `draw`, paints it; returns the boxes it takes (device pixels).
std::vector<std::array<double, 4>> furnish(Painter& p, const Figure& figure, const FurnitureSettings& settings,
                                           const Scene& scene, const Camera& camera, const ViewGeometry& geometry,
                                           bool legend, const InsetLayer* inset, const Projection* projection,
                                           const InsetPlacement* placement, bool draw, FurnitureFit* fit = nullptr) {
    auto width = static_cast<float>(camera.width), height = static_cast<float>(camera.height);
    FigureWords words = figure_words(figure, settings);
    float title_right = 0, top = paint_title(p, words, width, draw, &title_right);
    float bottom = height - paint_credit(p, words.credit, width, height, draw);
    bool has_inset = placement != nullptr && placement->placed;
    if (draw && has_inset && inset != nullptr && projection != nullptr)
        paint_inset_lines(p, *inset, *projection, scene, *placement);
    // The legend in the free corner that covers the least land; the scale block where it meets no
    // other box and covers no land (below).
    std::vector<Box> taken;
    if (top > 0) taken.push_back({{0, 0}, {title_right, top}});
    if (has_inset) taken.push_back({placement->min, placement->max});
    Legend shown = figure_legend(figure, !words.credit.empty());
    if (legend && !shown.entries.empty()) {
        LegendSpot spot = place_legend(p, shown, figure.style, scene, camera, {top, bottom, title_right}, taken);
        if (draw) {
            ScaledPainter type(p, spot.type);
            paint_legend(type, shown, spot.box.min, spot.max_w, spot.max_h);
        }
        if (fit != nullptr) fit->legend_inside = spot.fits, fit->legend_hides = spot.hides;
        taken.push_back(spot.box);
    }
    if (bottom < height) taken.push_back({{0, bottom}, {width, height}});
    auto boxes_with = [&](const Box& scale) {
        std::vector<std::array<double, 4>> out;
        for (const Box& b : taken) out.push_back({b.min.x, b.min.y, b.max.x, b.max.y});
        if (scale.max.x > scale.min.x) out.push_back({scale.min.x, scale.min.y, scale.max.x, scale.max.y});
        return out;
    };
    ScaleSpot spot = place_scale_block(p, settings, geometry, figure.style, scene, camera, taken,
                                       has_inset ? placement->min.y : -1, bottom);
    if (draw) paint_scale_block(p, spot.block, geometry, spot.at);
    if (fit != nullptr) fit->scale_hides = spot.hides;
    return boxes_with({spot.at, {spot.at.x + spot.block.width, spot.at.y + spot.block.height}});
}

}  // namespace

Camera camera_beside_legend(Painter& p, const Figure& figure, const FurnitureSettings& settings, const Scene& scene,
                            const float frame[4], const Camera& camera, const InsetPlacement* placement, bool legend) {
    FigureWords words = figure_words(figure, settings);
    Legend shown = figure_legend(figure, !words.credit.empty());
    MapRoom room;
    std::vector<Box> taken = boxes_before_legend(p, words, camera, placement, room);
    // A subject framed by the program (compared or picked regions) is framed below the title and
    // above the credit: at 640x480 a three-line title hid the north of the Yangtze River Delta
    // (helper-54). All of China keeps its frame: the title stands over Xinjiang's empty north.
    const bool subject = !std::equal(frame, frame + 4, scene.extent);
    const float top = subject ? room.top : 0;
    float s = p.scale(), m = 12 * s, right = static_cast<float>(camera.width);
    if (placement != nullptr && placement->placed) right = placement->min.x;  // the inset's column stays
    Camera framed = camera;
    if (subject && room.bottom - room.top > static_cast<float>(camera.height) / 3)
        framed.fit_within(frame, 0, room.top, right, room.bottom - room.top, 0.06);
    if (!legend || shown.entries.empty()) return framed;
    // Inside the map's room and hiding no region (place_legend's clear, hides_part included).
    auto spares = [](const LegendSpot& spot) { return spot.fits && spot.clear; };
    if (spares(place_legend(p, shown, figure.style, scene, framed, room, taken))) return framed;
    // The frame fitted beside a column as wide as the legend (left), or above a band as tall
    // (bottom), its type as large as can be: the candidates whose frame is largest are tried first.
    std::vector<Camera> candidates;
    for (float type_size : kLegendTypes) {
        ScaledPainter type(p, type_size);
        auto [cw, ch] = legend_box_size(type, shown, std::max(260 * s, right * 0.34f), (room.bottom - room.top) * 0.9f);
        auto [bw, bh] = legend_box_size(type, shown, right * 0.9f, (room.bottom - room.top) * 0.4f);
        float column_w = right - cw - 2 * m, band_h = room.bottom - bh - 2 * m;
        if (column_w > right / 3) {  // room for a map beside it at all (fit_within of a negative width)
            Camera column = camera;
            column.fit_within(frame, cw + 2 * m, top, column_w, room.bottom - top, 0.03);
            candidates.push_back(column);
        }
        if (band_h - top > room.bottom / 3) {
            Camera band = camera;
            band.fit_within(frame, 0, top, right, band_h - top, 0.03);
            candidates.push_back(band);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Camera& a, const Camera& b) { return a.metres_per_pixel < b.metres_per_pixel; });
    for (const Camera& c : candidates) {
        // The frame at least 0.6 of its size: a smaller map is worse than a legend over a region.
        if (!(c.metres_per_pixel > 0) || c.metres_per_pixel > framed.metres_per_pixel / 0.6) break;
        if (spares(place_legend(p, shown, figure.style, scene, c, room, taken))) return c;
    }
    return framed;
}

FurnitureFit paint_furniture(Painter& p, const Figure& figure, const FurnitureSettings& settings, const Scene& scene,
                             const Camera& camera, const ViewGeometry& geometry, bool legend, const InsetLayer* inset,
                             const Projection* projection, const InsetPlacement* placement) {
    FurnitureFit fit;
    furnish(p, figure, settings, scene, camera, geometry, legend, inset, projection, placement, true, &fit);
    return fit;
}

std::vector<std::array<double, 4>> furniture_boxes(Painter& p, const Figure& figure, const FurnitureSettings& settings,
                                                   const Scene& scene, const Camera& camera,
                                                   const ViewGeometry& geometry, bool legend,
                                                   const InsetPlacement* placement) {
    return furnish(p, figure, settings, scene, camera, geometry, legend, nullptr, nullptr, placement, false);
}

}  // namespace atlas
