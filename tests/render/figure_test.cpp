// Figures rendered headless from the session files the tests keep (tests/data/sessions): colours at
// known places and cells, read back from the PNG with GDAL.
#include "scene/figure.hpp"

#include <gdal_priv.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "figure_draw.hpp"
#include "geo/projection.hpp"
#include "io/gdal_env.hpp"
#include "matrix_draw.hpp"
#include "scene/matrix_layout.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb[3];

    Rgba at(int x, int y) const {
        REQUIRE(x >= 0);
        REQUIRE(y >= 0);
        REQUIRE(x < width);
        REQUIRE(y < height);
        auto i = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
        return {rgb[0][i] / 255.f, rgb[1][i] / 255.f, rgb[2][i] / 255.f, 1};
    }
};

Image read_png(const std::string& path) {
    ensure_gdal_registered();
    GDALDatasetUniquePtr png(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    REQUIRE(png);
    Image image{png->GetRasterXSize(), png->GetRasterYSize(), {}};
    for (int b = 0; b < 3; ++b) {
        image.rgb[b].resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
        REQUIRE(png->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, image.width, image.height, image.rgb[b].data(),
                                                    image.width, image.height, GDT_Byte, 0, 0) == CE_None);
    }
    return image;
}

Session kept_session(const std::string& name) {
    return read_session(std::string(ATLAS_TEST_DATA) + "/sessions/" + name);
}

struct Rendered {
    Image image;
    render::RenderResult result;
    Figure figure;
};

/// Renders a kept session (labels off, so that no text lands on the places the tests look at).
Rendered render_session(Session s) {
    s.show_labels = false;
    Document& doc = test::bundled_document();
    check_session(doc, s, "session");
    auto data = load_session_data(doc, s);
    test::TempFolder tmp;
    Rendered r;
    r.result = render::render_session_png(doc, s, data.get(), tmp.path("figure.png"), false);
    r.figure = compose_figure(doc, s, data.get());
    r.image = read_png(tmp.path("figure.png"));
    return r;
}

Rgba at_place(const Rendered& r, const LonLat& place) {
    Projection albers("albers");
    ProjectedXY xy;
    REQUIRE(albers.forward(place, xy));
    ScreenXY s = r.result.screen_of(xy);
    return r.image.at(static_cast<int>(std::lround(s.x)), static_cast<int>(std::lround(s.y)));
}

bool near(const Rgba& a, const Rgba& b, float tolerance = 4.f / 255) {
    return std::fabs(a.r - b.r) <= tolerance && std::fabs(a.g - b.g) <= tolerance && std::fabs(a.b - b.b) <= tolerance;
}

const RegionPaint& paint_of(const Rendered& r, const char* id) {
    const Plan& plan = test::bundled_plan();
    return r.figure.style.regions[static_cast<std::size_t>(plan.region(id) - plan.regions.data())];
}

}  // namespace

TEST_CASE("figure industry.json: biomedicine's regions in colour, Tibet bare, a legend at the bottom left",
          "[render][figure]") {
    Rendered r = render_session(kept_session("industry.json"));
    const RegionPaint& shandong = paint_of(r, "shandong_peninsula");
    Rgba expected =
        over(r.figure.style.land, {shandong.colour.r, shandong.colour.g, shandong.colour.b, shandong.fill_alpha});
    CHECK(near(at_place(r, {118.3, 36.4}), expected));            // inland Shandong (Zibo-Linyi)
    CHECK(near(at_place(r, {88.0, 32.0}), r.figure.style.land));  // Tibet: not designated
    // The legend sits in the free corner with least land, here the bottom left, above the credit line.
    Rgba legend = r.image.at(20, r.image.height - 40);
    CHECK(legend.r > 0.95f);
    CHECK(legend.g > 0.95f);
}

TEST_CASE("figure user_csv.json: the largest province in the darkest class, the small ones in the lightest",
          "[render][figure]") {
    Rendered r = render_session(kept_session("user_csv.json"));
    CHECK(near(at_place(r, {83.0, 39.0}), ramp_colour(1)));   // Xinjiang, Tarim basin
    CHECK(near(at_place(r, {109.7, 19.1}), ramp_colour(0)));  // Hainan
}

TEST_CASE("figure province_coverage.json: shares in classes, nothing in Tibet, all of Shandong", "[render][figure]") {
    Rendered r = render_session(kept_session("province_coverage.json"));
    CHECK(near(at_place(r, {88.0, 32.0}), kNotDesignated));
    CHECK(near(at_place(r, {118.3, 36.4}), ramp_colour(1)));
}

TEST_CASE("figure compare_three.json: shared members hatched, the rest of the map bare", "[render][figure]") {
    Rendered r = render_session(kept_session("compare_three.json"));
    Projection albers("albers");
    ProjectedXY xy;
    REQUIRE(albers.forward({118.3, 36.4}, xy));  // Shandong: in the peninsula and the Bohai rim
    ScreenXY centre = r.result.screen_of(xy);
    int dark = 0, light = 0;
    for (int dy = -6; dy <= 6; ++dy)
        for (int dx = -6; dx <= 6; ++dx) {
            Rgba p = r.image.at(static_cast<int>(centre.x) + dx, static_cast<int>(centre.y) + dy);
            (p.r + p.g + p.b < 0.9f ? dark : light) += 1;
        }
    CHECK(dark > 20);                                              // stripes of the overlap hatch
    CHECK(light > 20);                                             // with the region's fill between them
    CHECK(near(at_place(r, {113.6, 33.6}), r.figure.style.land));  // Henan: not compared
}

TEST_CASE("figure matrix.json: cells coloured by coverage where the layout puts them", "[render][figure]") {
    Session s = kept_session("matrix.json");
    Rendered r = render_session(s);
    const MatrixLayout& m = r.result.matrix;
    CHECK(r.image.width == 1700);
    // Every industry's name whole: the header is as tall as the longest head name ("Intelligent
    // manufacturing equipment and industrial robots", about 270 px at 13.5 px), not the 230 px before.
    CHECK(m.header_px > 250);
    CHECK(16 + m.width() <= 1700);
    auto cell = [&](const char* region, const char* industry) {
        std::size_t row = 0, column = 0;
        while (m.matrix.regions[m.rows[row]]->id != region) ++row;
        while (m.matrix.industries[m.columns[column]]->id != industry) ++column;
        float x = 16 + m.row_label_px + m.cell_px * (static_cast<float>(column) + 0.5f);
        float y = 16 + m.header_px + m.cell_px * (static_cast<float>(row) + 0.5f);
        return r.image.at(static_cast<int>(x), static_cast<int>(y));
    };
    CHECK(near(cell("shandong_peninsula", "marine_economy"), render::matrix_cell_colour(Coverage::Explicit)));
    CHECK(near(cell("kunming", "marine_economy"), render::matrix_cell_colour(Coverage::General)));
    CHECK(near(cell("west_taiwan_strait", "new_energy"), render::matrix_cell_colour(Coverage::None)));
    CHECK(near(cell("bohai_sea_region", "next_gen_it"), render::matrix_cell_colour(Coverage::None)));
}

TEST_CASE("a figure too small for its legend frames China beside it: the North Slope of the Tianshan in view",
          "[render][figure]") {
    // At 560 x 420 the 22-entry legend lay over half the North Slope of the Tianshan in every
    // corner (on a 120 mm page too); China is now fitted beside it, at least 0.6 of its size.
    Session s;
    s.width = 560, s.height = 420;
    Rendered r = render_session(s);
    Camera national = national_view(build_scene(test::bundled_document(), {"albers", 2000}), 560, 420);
    CHECK(r.result.camera.metres_per_pixel > national.metres_per_pixel * 1.05);
    CHECK(r.result.camera.metres_per_pixel <= national.metres_per_pixel / 0.6 * 1.01);
    Rgba urumqi = at_place(r, {87.62, 43.83});  // in the region's green, not under the legend's white
    CHECK(urumqi.g - urumqi.r > 0.08f);
    // At 1600 x 1200 the legend hides no region: all of China as large as it fits.
    s.width = 1600, s.height = 1200;
    Rendered large = render_session(s);
    CHECK(large.result.camera.metres_per_pixel ==
          Approx(national_view(build_scene(test::bundled_document(), {"albers", 2000}), 1600, 1200).metres_per_pixel));
}

TEST_CASE("the legend holds all its text: nothing of it below its frame, at the default size and a small one",
          "[figure]") {
    for (auto [width, height] : {std::pair{1600, 1200}, std::pair{800, 600}}) {
        INFO(width << "x" << height);
        Session s;  // the default figure: every region in the legend, with its notes
        s.width = width, s.height = height;
        s.furniture.show_credit = false;  // the sources back in the legend, which sits 12 px above the bottom
        Rendered r = render_session(s);
        // The frame's bottom edge is the row 12 px above the image's bottom. Above it lies the frame's
        // padding, where the last line of text must not reach (the text is grey 80,80,90, the frame's
        // line 120,120,130); below it only the sea of the map's bottom left corner.
        auto darker_than = [&](int y0, int y1, float level) {
            int n = 0;
            for (int y = y0; y < y1; ++y)
                for (int x = 14; x < width / 3; ++x) {
                    Rgba p = r.image.at(x, y);
                    n += (p.r + p.g + p.b) / 3 < level ? 1 : 0;
                }
            return n;
        };
        CHECK(darker_than(height - 16, height - 13, 0.45f) == 0);
        CHECK(darker_than(height - 11, height, 0.59f) == 0);
    }
}
