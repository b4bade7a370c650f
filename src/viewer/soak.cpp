#include "soak.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

double uniform(std::mt19937& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

int pick(std::mt19937& rng, int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

/// Pans and zooms about a random point, kept between all of China and street level.
void move_camera(ViewerState& state, std::mt19937& rng) {
    Camera& c = state.camera;
    double x = uniform(rng, 0, c.width), y = uniform(rng, 0, c.height);
    if (pick(rng, 2) == 0)
        c.pan_pixels(uniform(rng, -40, 40), uniform(rng, -40, 40));
    else
        c.zoom_about({x, y}, std::pow(1.25, uniform(rng, -1, 1)));
    if (c.metres_per_pixel > 20000 || c.metres_per_pixel < 30 || pick(rng, 400) == 0)
        c = national_view(state.scene, c.width, c.height);
}

void hover(ViewerState& state, std::mt19937& rng) {
    std::optional<LonLat> ll =
        lonlat_at(state, {uniform(rng, 0, state.camera.width), uniform(rng, 0, state.camera.height)});
    state.pointer = ll;
    state.hover = pick_at(state, ll);
}

void toggle_layer(Session& s, std::mt19937& rng) {
    bool* layers[] = {&s.show_provinces, &s.show_prefectures, &s.show_regions,
                      &s.show_hubs,      &s.show_labels,      &s.show_legend};
    bool& layer = *layers[pick(rng, 6)];
    layer = !layer;
}

void choose_industries(ViewerState& state, std::mt19937& rng) {
    const auto& industries = state.doc.plan().industries;
    state.session.industries.clear();
    for (int n = pick(rng, 4); n > 0; --n)
        state.session.industries.push_back(
            industries[static_cast<std::size_t>(pick(rng, static_cast<int>(industries.size())))].id);
}

void choose_compare(ViewerState& state, std::mt19937& rng) {
    const auto& regions = state.doc.plan().regions;
    Session& s = state.session;
    s.compare.clear();
    if (pick(rng, 3) == 0) return;
    for (int n = 2 + pick(rng, 3); n > 0; --n) {
        const std::string& id = regions[static_cast<std::size_t>(pick(rng, static_cast<int>(regions.size())))].id;
        if (std::find(s.compare.begin(), s.compare.end(), id) == s.compare.end()) s.compare.push_back(id);
    }
    if (s.compare.size() < 2) s.compare.clear();
    s.split_view = pick(rng, 2) == 0;
}

void change_colouring(ViewerState& state, std::mt19937& rng) {
    Session& s = state.session;
    int kinds = s.data.path.empty() ? 2 : 3;  // user data only when the session brought a file
    s.choropleth = static_cast<ChoroplethKind>(pick(rng, kinds));
    const char* methods[] = {"quantile", "equal", "natural"};
    s.data.method = methods[pick(rng, 3)];
    s.data.classes = 2 + pick(rng, 8);
}

void toggle_window(ViewerState& state, std::mt19937& rng) {
    switch (pick(rng, 5)) {
        case 0:
            state.session.show_compare_window = !state.session.show_compare_window;
            break;
        case 1:
            state.session.show_matrix_window = !state.session.show_matrix_window;
            break;
        case 2:
            state.show_export = !state.show_export;
            break;
        case 3:
            state.show_help = !state.show_help;
            break;
        default:
            state.session.english = !state.session.english;
            break;
    }
}

}  // namespace

void random_step(ViewerState& state, std::mt19937& rng, long frame) {
    constexpr long kSweep = 60;  // frames each way: 1.12^60 takes 7.5 km a pixel to 30 m
    if (frame <= 2 * kSweep) {
        Camera& c = state.camera;
        if (frame == 1) c = national_view(state.scene, c.width, c.height);
        c.zoom_about({c.width / 2.0, c.height / 2.0}, frame <= kSweep ? 1.12 : 1 / 1.12);
        return;
    }
    move_camera(state, rng);
    hover(state, rng);
    // Rarer actions, each with its own chance per frame (a style change redraws the whole map).
    if (pick(rng, 20) == 0)
        select_at(state, {uniform(rng, 0, state.camera.width), uniform(rng, 0, state.camera.height)});
    if (pick(rng, 40) == 0) toggle_layer(state.session, rng);
    if (pick(rng, 60) == 0) choose_industries(state, rng);
    if (pick(rng, 80) == 0) choose_compare(state, rng);
    if (pick(rng, 80) == 0) change_colouring(state, rng);
    if (pick(rng, 60) == 0) toggle_window(state, rng);
    if (pick(rng, 3000) == 0) state.session.projection = pick(rng, 2) == 0 ? "mercator" : "albers";
}

long resident_kb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace atlas::viewer
