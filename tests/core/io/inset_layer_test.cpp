// The figure's inset layer (io/inset_layer): every feature that cannot be drawn named, one line a kind;
// features without geometry left out with a warning, not without a word.
#include "io/inset_layer.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "error.hpp"
#include "support.hpp"

namespace atlas {

namespace {
std::string feature(const std::string& geometry) {
    return R"({"type":"Feature","properties":{},"geometry":)" + geometry + "}";
}

std::string write_layer(const test::TempFolder& tmp, const std::string& name,
                        const std::vector<std::string>& features) {
    std::ofstream out(tmp.path(name));
    out << R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) out << (i ? "," : "") << features[i];
    out << "]}";
    return tmp.path(name);
}
}  // namespace

TEST_CASE("An inset layer's bad features are named together, the first of each kind with how many more") {
    test::TempFolder tmp;
    std::string path = write_layer(
        tmp, "islands.geojson",
        {feature(R"({"type":"Point","coordinates":[NaN,10]})"),
         feature(R"({"type":"LineString","coordinates":[[112,10],[113,11]]})"),
         feature(R"({"type":"Point","coordinates":[NaN,12]})"), feature(R"({"type":"Point","coordinates":[400,12]})"),
         feature(R"({"type":"Point","coordinates":[NaN,13]})"),
         feature(R"({"type":"LineString","coordinates":[[112,10]]})")});
    try {
        read_inset_layer(path);
        FAIL("read without a word");
    } catch (const AtlasError& e) {
        std::string m = e.what();
        INFO(m);
        // It stopped at feature 0 before: three fixes, three refusals.
        CHECK(test::line_count(m) == 0);  // three kinds, one line
        CHECK(m.find("layer 'islands', feature 1 (FID 0): an empty geometry") != std::string::npos);
        CHECK(m.find("(and 2 more like it)") != std::string::npos);
        CHECK(m.find("feature 4 (FID 3): a coordinate is not a longitude and latitude (lon 400..400") !=
              std::string::npos);
        CHECK(m.find("; '" + path + "', layer 'islands', feature 6 (FID 5): a line of 1 point (a line needs two)") !=
              std::string::npos);
        CHECK(e.kind() == ErrorKind::Input);
    }
}

TEST_CASE("An inset layer's features without geometry are left out with one warning") {
    test::TempFolder tmp;
    std::string path =
        write_layer(tmp, "islands.geojson",
                    {feature("null"), feature(R"({"type":"LineString","coordinates":[[112,10],[113,11]]})"),
                     feature("null"), feature("null"), feature(R"({"type":"Point","coordinates":[114,9]})")});
    InsetLayer layer = read_inset_layer(path);
    CHECK(layer.lines.size() == 1);
    CHECK(layer.points.size() == 1);
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].find(
              "layer 'islands', feature 1 (FID 0): no geometry, left out of the inset (and 2 more like it)") !=
          std::string::npos);
}

// A ring not closed was outlined with a gap, a bow-tie outlined as if it were an island: both
// without a word.
TEST_CASE("An inset layer's unclosed rings are closed and its invalid polygons named, with a warning each") {
    test::TempFolder tmp;
    std::string path =
        write_layer(tmp, "islands.geojson",
                    {feature(R"({"type":"Polygon","coordinates":[[[112,10],[113,10],[113,11],[112,11]]]})"),
                     feature(R"({"type":"Polygon","coordinates":[[[114,10],[115,11],[115,10],[114,11],[114,10]]]})"),
                     feature(R"({"type":"Polygon","coordinates":[[[116,10],[117,10],[117,11],[116,11],[116,10]]]})")});
    InsetLayer layer = read_inset_layer(path);
    REQUIRE(layer.lines.size() == 3);
    CHECK(layer.lines[0].size() == 5);  // closed
    CHECK(layer.lines[0].back().lon == 112);
    CHECK(layer.lines[0].back().lat == 10);
    REQUIRE(layer.warnings.size() == 2);
    CHECK(layer.warnings[0].find(
              "feature 1 (FID 0): 1 ring not closed (the last point is not the first), drawn closed") !=
          std::string::npos);
    CHECK(
        layer.warnings[1].find("feature 2 (FID 1): not a valid polygon (GEOS: Self-intersection[114.5 10.5]), outlined "
                               "as given") != std::string::npos);
}

}  // namespace atlas
