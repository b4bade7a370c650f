// Print sizes and formats of figures (scene/figure_page.hpp): what `render --paper/--width-mm/--dpi`
// makes of a request, and the one line a bad one gets.
#include "scene/figure_page.hpp"

#include <catch2/catch.hpp>

#include "error.hpp"

using namespace atlas;

TEST_CASE("An A4 PNG at 300 dpi is 2480 x 3508 pixels, laid out as 992 x 1403 figure pixels (120 to the inch)",
          "[figure][page]") {
    PageRequest r;
    r.paper = "A4";
    r.dpi = 300;
    FigurePage p = figure_page(FigureFormat::Png, r);
    CHECK(p.device_width == 2480);
    CHECK(p.device_height == 3508);
    CHECK(p.width == 992);  // the 15-pixel label font sets at 9 pt
    CHECK(p.height == 1403);
    CHECK(p.scale == Approx(2.5));
    r.landscape = true;
    p = figure_page(FigureFormat::Png, r);
    CHECK(p.device_width == 3508);
    CHECK(p.device_height == 2480);
}

TEST_CASE("Paper pages in points: A3 and US Letter, and a width in millimetres keeps --size's aspect",
          "[figure][page]") {
    PageRequest r;
    r.paper = "a3";
    FigurePage a3 = figure_page(FigureFormat::Pdf, r);
    CHECK(a3.width_pt == Approx(841.89).margin(0.01));
    CHECK(a3.height_pt == Approx(1190.55).margin(0.01));
    r.paper = "letter";
    FigurePage letter = figure_page(FigureFormat::Svg, r);
    CHECK(letter.width_pt == Approx(612).margin(0.01));
    CHECK(letter.height_pt == Approx(792).margin(0.01));
    PageRequest w;
    w.width_mm = 180, w.width_px = 1600, w.height_px = 1200;
    FigurePage column = figure_page(FigureFormat::Png, w);
    CHECK(column.dpi == 300);  // print sizes default to print resolution
    CHECK(column.device_width == 2126);
    CHECK(column.device_height == 1594);
    PageRequest plain;  // pixels: 96 to the inch, as on screen
    plain.width_px = 1000, plain.height_px = 700;
    FigurePage px = figure_page(FigureFormat::Svg, plain);
    CHECK(px.width == 1000);
    CHECK(px.width_pt == Approx(750));  // 96 pixels to the inch, 72 points
    CHECK(px.scale == 1);
}

TEST_CASE("A bad paper, DPI, width or format is one line naming the value", "[figure][page]") {
    auto message = [](const PageRequest& r, FigureFormat f = FigureFormat::Png) {
        try {
            figure_page(f, r);
        } catch (const AtlasError& e) {
            CHECK(e.kind() == ErrorKind::Usage);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    PageRequest paper;
    paper.paper = "a5";
    CHECK(message(paper) == "--paper 'a5': not a paper size (a4, a3, letter)");
    PageRequest dpi;
    dpi.paper = "a4", dpi.dpi = 5000;
    CHECK(message(dpi) == "--dpi 5000: must be 72 to 1200");
    PageRequest alone;
    alone.dpi = 300;
    CHECK(message(alone) == "--dpi needs --paper or --width-mm (with --size alone the PNG is that many pixels)");
    PageRequest huge;
    huge.paper = "a3", huge.dpi = 600;
    CHECK(message(huge) ==
          "a 297 x 420 mm PNG at 600 dpi is 7016 x 9921 pixels; the most is 8192 a side: --dpi 495 at most");
    CHECK(message(huge, FigureFormat::Pdf) == "no error");  // a vector page has no pixels
    PageRequest width;
    width.width_mm = -3;
    CHECK(message(width) == "--width-mm -3: must be 20 to 2000 millimetres");
    PageRequest zero;  // 0 is a value given, not "not given"
    zero.paper = "a4", zero.dpi = 0;
    CHECK(message(zero) == "--dpi 0: must be 72 to 1200");
    PageRequest turned;
    turned.width_mm = 180, turned.landscape = true;
    CHECK(message(turned) == "--landscape turns a --paper; a page of --width-mm takes --size's shape");
    CHECK_THROWS_WITH(figure_format("map.tif"),
                      "'map.tif': a figure is written as PNG, SVG or PDF; name it .png, .svg or .pdf");
    CHECK(figure_format("Map.SVG") == FigureFormat::Svg);
    CHECK(figure_format("out/x.pdf") == FigureFormat::Pdf);
}
