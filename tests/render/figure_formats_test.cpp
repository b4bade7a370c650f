// One figure, several formats: the PNG drawn by GL, the PNG drawn by cairo, and the SVG drawn by
// cairo, rasterised by rsvg-convert (librsvg2-bin), agree pixel for pixel within a stated tolerance;
// the PNGs are opaque and a print size gives the pixels it promises.
#include <gdal_priv.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "cairo_figure.hpp"
#include "cairo_painter.hpp"
#include "figure_draw.hpp"
#include "geo/projection.hpp"
#include "io/gdal_env.hpp"
#include "scene/furniture.hpp"
#include "scene/prepared_figure.hpp"
#include "scene/session.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

struct Pixels {
    int width = 0, height = 0, bands = 0;
    std::vector<std::uint8_t> data;  ///< band-interleaved by pixel
    const std::uint8_t* at(int x, int y) const {
        return &data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) *
                     static_cast<std::size_t>(bands)];
    }
};

Pixels read_png(const std::string& path) {
    ensure_gdal_registered();
    GDALDatasetUniquePtr png(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    REQUIRE(png);
    Pixels p{png->GetRasterXSize(), png->GetRasterYSize(), png->GetRasterCount(), {}};
    p.data.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) *
                  static_cast<std::size_t>(p.bands));
    REQUIRE(png->RasterIO(GF_Read, 0, 0, p.width, p.height, p.data.data(), p.width, p.height, GDT_Byte, p.bands,
                          nullptr, p.bands, static_cast<GSpacing>(p.width) * p.bands, 1) == CE_None);
    return p;
}

/// GL and cairo antialias edges and set glyphs each their own way, so pixels on a line or a letter
/// differ; the fills, hatches, bands and layout do not. At least 95 % of the pixels within 24 levels
/// (of 255) in every channel, a mean difference under 4 levels, and no pixel of `gl` translucent.
void check_agreement(const Pixels& gl, const Pixels& other) {
    REQUIRE(gl.width == other.width);
    REQUIRE(gl.height == other.height);
    REQUIRE(gl.bands == 4);
    std::size_t close = 0, total = 0, translucent = 0;
    double sum = 0;
    for (int y = 0; y < gl.height; ++y)
        for (int x = 0; x < gl.width; ++x) {
            const std::uint8_t *a = gl.at(x, y), *b = other.at(x, y);
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a[c] - b[c]));
            close += d <= 24 ? 1 : 0, sum += d, ++total;
            translucent += a[3] != 255 ? 1 : 0;
        }
    INFO("within 24 levels: " << close << " of " << total << ", mean difference " << sum / double(total));
    CHECK(double(close) >= 0.95 * double(total));
    CHECK(sum / double(total) < 4);
    CHECK(translucent == 0);
}

/// The figure the renderers are compared on: one industry, 1000 x 750 figure pixels.
Session compared_figure() {
    Session s;
    s.width = 1000, s.height = 750;
    s.industries = {"new_energy_vehicles"};
    return s;
}

}  // namespace

TEST_CASE("The SVG of a figure, rasterised, agrees with its PNG", "[figure][vector][gl]") {
    REQUIRE(std::system("command -v rsvg-convert > /dev/null") == 0);  // install-deps installs librsvg2-bin
    test::TempFolder tmp;
    Session s = compared_figure();
    Document& doc = test::bundled_document();
    render::render_session_png(doc, s, nullptr, tmp.path("map.png"), false);
    vector::write_vector_figure(doc, s, nullptr, tmp.path("map.svg"), false);
    REQUIRE(std::system(("rsvg-convert " + tmp.path("map.svg") + " -o " + tmp.path("svg.png")).c_str()) == 0);
    Pixels png = read_png(tmp.path("map.png")), svg = read_png(tmp.path("svg.png"));
    REQUIRE(svg.width == 1000);
    REQUIRE(svg.height == 750);
    REQUIRE(png.bands == 4);
    check_agreement(png, svg);
}

TEST_CASE("A PNG drawn by cairo (render --renderer cairo) agrees with the one drawn by GL", "[figure][vector][gl]") {
    test::TempFolder tmp;
    Session s = compared_figure();
    Document& doc = test::bundled_document();
    render::render_session_png(doc, s, nullptr, tmp.path("gl.png"), false);
    vector::write_raster_figure(doc, s, nullptr, tmp.path("cairo.png"), false);
    Pixels gl = read_png(tmp.path("gl.png")), cairo = read_png(tmp.path("cairo.png"));
    REQUIRE(cairo.width == 1000);
    REQUIRE(cairo.height == 750);
    // Opaque: cairo leaves out the alpha channel when no pixel needs it.
    REQUIRE(cairo.bands == 3);
    check_agreement(gl, cairo);
    // An existing file is kept without force, as for GL's PNG.
    CHECK_THROWS_WITH(vector::write_raster_figure(doc, s, nullptr, tmp.path("cairo.png"), false),
                      Catch::Contains("exists"));
}

TEST_CASE("Hatching in cairo's PNG inks GL's pixels: overlaps of three compared regions", "[figure][vector][gl]") {
    test::TempFolder tmp;
    // 1600 x 1000; Beijing-Tianjin-Hebei and Shandong overlap the Bohai Sea region, cross-hatched.
    Session s = read_session(std::string(ATLAS_TEST_DATA) + "/sessions/compare_three.json");
    Document& doc = test::bundled_document();
    render::render_session_png(doc, s, nullptr, tmp.path("gl.png"), false);
    vector::write_raster_figure(doc, s, nullptr, tmp.path("cairo.png"), false);
    Pixels gl = read_png(tmp.path("gl.png")), cairo = read_png(tmp.path("cairo.png"));
    check_agreement(gl, cairo);
    // 40 x 24 pixels inside each overlap, away from lines and labels: the same pixels dark.
    for (auto [x0, y0] : {std::pair{536, 220}, std::pair{860, 400}}) {
        int dark = 0, differ = 0;
        for (int y = y0; y < y0 + 24; ++y)
            for (int x = x0; x < x0 + 40; ++x) {
                bool a = gl.at(x, y)[0] < 100, b = cairo.at(x, y)[0] < 100;
                dark += a ? 1 : 0, differ += a != b ? 1 : 0;
            }
        INFO("box at " << x0 << "," << y0 << ": " << dark << " dark in GL's, " << differ << " differ");
        // A hatch of 1-pixel lines, a quarter of the pixels: not a plain fill, and light enough to
        // read labels through (two thirds inked read as a dark block over a large overlap).
        CHECK(dark > 170);
        CHECK(dark < 330);
        CHECK(differ <= 10);
    }
}

TEST_CASE("Without OpenGL, render names the PNG and --renderer cairo, and cairo draws it", "[figure][vector][cli]") {
    test::TempFolder tmp;
    // glvnd finds no EGL vendor: what a machine without Mesa's EGL (a container, a server) sees.
    std::string no_egl = "__EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent";
    test::CliResult gl = test::run_cli("render --size 400x300 -o " + tmp.path("m.png"), no_egl);
    CHECK(gl.exit_code == 4);
    CHECK(test::line_count(gl.err) == 1);
    CHECK_THAT(gl.err, Catch::Contains("cannot draw '" + tmp.path("m.png") + "' with OpenGL") &&
                           Catch::Contains("--renderer cairo"));
    CHECK_FALSE(std::filesystem::exists(tmp.path("m.png")));
    test::CliResult cairo = test::run_cli("render --renderer cairo --size 400x300 -o " + tmp.path("m.png"), no_egl);
    CHECK(cairo.exit_code == 0);
    CHECK(read_png(tmp.path("m.png")).width == 400);
    // cairo does not draw the coverage matrix: the advice must not send the user round in a circle.
    test::CliResult matrix = test::run_cli(
        "render --session " + std::string(ATLAS_TEST_DATA) + "/sessions/matrix.json -o " + tmp.path("matrix.png"),
        no_egl);
    CHECK(matrix.exit_code == 4);
    CHECK_THAT(matrix.err,
               Catch::Contains("the coverage matrix is drawn by OpenGL only") && !Catch::Contains("--renderer cairo"));
}

TEST_CASE("An A4 figure at 300 dpi is 2480 x 3508 pixels, drawn by GL or by cairo", "[figure][gl][vector]") {
    test::TempFolder tmp;
    PageRequest r;
    r.paper = "a4", r.dpi = 300;
    FigurePage page = figure_page(FigureFormat::Png, r);
    Session s;
    s.width = page.width, s.height = page.height;
    render::render_session_png(test::bundled_document(), s, nullptr, tmp.path("gl.png"), false, &page);
    vector::write_raster_figure(test::bundled_document(), s, nullptr, tmp.path("cairo.png"), false, &page);
    for (const char* name : {"gl.png", "cairo.png"}) {
        INFO(name);
        Pixels png = read_png(tmp.path(name));
        CHECK(png.width == 2480);
        CHECK(png.height == 3508);
    }
}

TEST_CASE("An inset frames the user's layer at the bottom right, over the map, in PNG and SVG alike",
          "[figure][vector][gl]") {
    test::TempFolder tmp;
    Session s;
    s.width = 1000, s.height = 750;
    s.furniture.inset = std::string(ATLAS_TEST_DATA) + "/inset/test_inset.geojson";
    // Without title and credit the box's place depends on no text: the test can place it too.
    s.furniture.show_title = s.furniture.show_subtitle = s.furniture.show_credit = false;
    Document& doc = test::bundled_document();
    render::render_session_png(doc, s, nullptr, tmp.path("inset.png"), false);
    vector::write_vector_figure(doc, s, nullptr, tmp.path("inset.svg"), false);
    REQUIRE(std::system(("rsvg-convert " + tmp.path("inset.svg") + " -o " + tmp.path("svg.png")).c_str()) == 0);
    Session plain = s;
    plain.furniture.inset.clear();
    render::render_session_png(doc, plain, nullptr, tmp.path("plain.png"), false);

    PreparedFigure prepared = prepare_figure(doc, s, nullptr, tmp.path("unused.png"), false);
    REQUIRE(prepared.inset.points.size() == 1);
    REQUIRE(prepared.inset.lines.size() == 1);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    cairo_t* cr = cairo_create(surface);
    vector::CairoPainter painter(cr, vector::CjkFont::get(), kFigureLabelPx);
    Projection albers(s.projection);
    InsetPlacement at =
        place_inset(painter, prepared.figure, s.furniture, prepared.scene, prepared.camera, prepared.inset, albers);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    REQUIRE(at.placed);
    CHECK(at.max.x == 1000 - 12);
    CHECK(at.max.y == 750 - 12);
    CHECK(at.max.x - at.min.x == Approx(180));  // 18 % of the width
    auto pixel_of = [&](double lon, double lat) {
        ProjectedXY xy;
        REQUIRE(albers.forward({lon, lat}, xy));
        ScreenXY p = at.camera.scene_to_screen(prepared.scene.to_scene(xy));
        return std::make_pair(static_cast<int>(at.min.x + p.x), static_cast<int>(at.min.y + p.y));
    };
    auto grey = [](const Pixels& image, std::pair<int, int> xy) {
        const std::uint8_t* p = image.at(xy.first, xy.second);
        return (p[0] + p[1] + p[2]) / 3.0 / 255;
    };
    Pixels png = read_png(tmp.path("inset.png")), svg = read_png(tmp.path("svg.png")),
           without = read_png(tmp.path("plain.png"));
    auto point = pixel_of(115, 13);  // the layer's test point, a dark dot in the inset
    CHECK(grey(png, point) < 0.45);
    CHECK(grey(svg, point) < 0.45);
    CHECK(grey(without, point) > 0.6);  // the plain figure has the sea (or land) there
    auto sea = pixel_of(118, 8);        // inside the test frame, open sea: the map's background colour
    CHECK(grey(png, sea) == Approx(grey(svg, sea)).margin(0.03));
    CHECK(png.at(sea.first, sea.second)[2] > png.at(sea.first, sea.second)[0]);  // blue-grey sea
}
