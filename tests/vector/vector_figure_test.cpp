// Figures as SVG and PDF (vector/cairo_figure.hpp): what is written is read back as a user's tools
// would: the SVG parsed as XML (GDAL's parser), the PDF's fonts and text found in it.
#include <cpl_minixml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "cairo_figure.hpp"
#include "error.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

Session small_national() {
    Session s;
    s.width = 800, s.height = 600;
    return s;
}

}  // namespace

TEST_CASE("An SVG figure is well-formed XML, one page of the figure's size in CSS pixels", "[figure][vector]") {
    test::TempFolder tmp;
    std::string path = tmp.path("map.svg");
    vector::write_vector_figure(test::bundled_document(), small_national(), nullptr, path, false);
    std::string svg = test::read_text(path);
    CPLXMLNode* root = CPLParseXMLString(svg.c_str());
    REQUIRE(root != nullptr);
    const CPLXMLNode* node = CPLGetXMLNode(root, "=svg");
    REQUIRE(node != nullptr);
    CHECK(std::string(CPLGetXMLValue(node, "width", "")) == "800px");  // 96 to the inch
    CHECK(std::string(CPLGetXMLValue(node, "height", "")) == "600px");
    CPLDestroyXMLNode(root);
    // Fills and strokes are paths: the regions' colours are there, translucent as on screen.
    CHECK(svg.find("fill-rule:evenodd") != std::string::npos);
    CHECK(svg.find("fill-opacity:0.45") != std::string::npos);
    CHECK(svg.find("stroke-dasharray") != std::string::npos);  // provisional extents
}

TEST_CASE("A PDF figure embeds a subset of Noto Sans CJK and keeps its text as text", "[figure][vector]") {
    test::TempFolder tmp;
    std::string path = tmp.path("map.pdf");
    Session s = small_national();
    s.furniture.title = "新能源汽车";
    vector::write_vector_figure(test::bundled_document(), s, nullptr, path, false);
    std::string pdf = test::read_text(path);
    REQUIRE(pdf.rfind("%PDF-", 0) == 0);
    std::smatch font;
    REQUIRE(std::regex_search(pdf, font, std::regex("/BaseFont /([A-Z]{6})\\+NotoSansCJKsc-Regular")));
    CHECK(pdf.find("/FontFile3") != std::string::npos);  // the CFF outlines, embedded
    CHECK(pdf.find("/ToUnicode") != std::string::npos);  // so the title can be searched and copied
}

TEST_CASE("Vector figures refuse what PNG figures refuse, and keep an existing file", "[figure][vector]") {
    test::TempFolder tmp;
    std::string path = tmp.path("map.svg");
    std::ofstream(path) << "keep me";
    CHECK_THROWS_AS(vector::write_vector_figure(test::bundled_document(), small_national(), nullptr, path, false),
                    AtlasError);
    CHECK(test::read_text(path) == "keep me");
    Session matrix = small_national();
    matrix.figure = FigureKind::Matrix;
    CHECK_THROWS_WITH(
        vector::write_vector_figure(test::bundled_document(), matrix, nullptr, tmp.path("m.pdf"), false),
        "cannot draw '" + tmp.path("m.pdf") + "': the coverage matrix is drawn as PNG only; name it .png");
    CHECK_THROWS_WITH(vector::write_raster_figure(test::bundled_document(), matrix, nullptr, tmp.path("m.png"), false),
                      Catch::StartsWith("cannot draw '" + tmp.path("m.png") + "': the coverage matrix is drawn by GL"));
    CHECK_FALSE(std::filesystem::exists(tmp.path("m.png")));
}

TEST_CASE("An inset's layer is refused off the map or over most of it, and a lone point gets a box around it",
          "[figure][vector]") {
    test::TempFolder tmp;
    Session s = small_national();
    auto inset = [&](const char* name) {
        s.furniture.inset = std::string(ATLAS_TEST_DATA) + "/inset/" + name;
        return tmp.path(std::string(name) + ".svg");
    };
    Document& doc = test::bundled_document();
    CHECK_THROWS_WITH(vector::write_vector_figure(doc, s, nullptr, inset("europe.geojson"), false),
                      Catch::Contains("europe.geojson': its extent (0°E to 20°E, 45°N to 50°N) is off the map of "
                                      "China: not an inset of it"));
    CHECK_THROWS_WITH(vector::write_vector_figure(doc, s, nullptr, inset("world.geojson"), false),
                      Catch::Contains("(170°W to 170°E, 60°S to 70°N) is over half the map's size"));
    std::string path = inset("one_point.geojson");
    vector::write_vector_figure(doc, s, nullptr, path, false);
    CHECK(std::filesystem::file_size(path) > 100000);  // the map, with a 2° inset around the point
}
