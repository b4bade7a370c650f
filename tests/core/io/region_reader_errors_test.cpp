// Bad input to the region reader: each case gets one clear error naming the thing at fault.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "io/region_reader.hpp"
#include "support.hpp"

using namespace atlas;

namespace {

std::string bad(const std::string& name) { return std::string(ATLAS_TEST_DATA) + "/bad/" + name; }

/// The error message of reading `spec`, or "" when it loads.
std::string read_error(const LayerSpec& spec) {
    try {
        ReadReport report;
        read_regions(spec, UnitLevel::Province, report);
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Input);
        std::string message = e.what();
        CHECK(message.find('\n') == std::string::npos);
        return message;
    }
    return "";
}

LayerSpec spec(const std::string& file, const std::string& layer = "units") {
    return {bad(file), layer, "code", "name_zh", "name_en", ""};
}

}  // namespace

TEST_CASE("reader errors name the file, layer, field or feature", "[io][errors]") {
    using Catch::Matchers::Contains;
    CHECK_THAT(read_error(spec("does_not_exist.gpkg")), Contains("does_not_exist.gpkg: no such file"));
    CHECK_THAT(read_error(spec("not_vector.txt")), Contains("not_vector.txt: not a readable vector dataset"));
    CHECK_THAT(read_error(spec("truncated.geojson")), Contains("truncated.geojson: not a readable vector dataset"));
    CHECK_THAT(read_error(spec("duplicate_codes.geojson")), Contains("duplicate code '110000'"));
    CHECK_THAT(read_error(spec("empty_layer.geojson")), Contains("layer 'units': layer is empty"));
    CHECK_THAT(read_error(spec("missing_code_field.geojson")), Contains("no field 'code'"));
    CHECK_THAT(read_error(spec("points.geojson")), Contains("geometry is Point"));
    CHECK_THAT(read_error(spec("huge_coordinates.geojson")), Contains("out of lon/lat range"));
    CHECK_THAT(read_error(spec("duplicate_codes.geojson", "nope")), Contains("no layer 'nope' (layers: units)"));
    // An optional field the user named (--name-en-field, --province-field) must be there: a typo
    // showed the Chinese names as English ones, with exit 0.
    LayerSpec named = spec("bowtie.geojson");
    named.name_en_field = "nosuch", named.name_en_field_named = true;
    CHECK_THAT(read_error(named), Contains("layer 'units': no field 'nosuch' (given with --name-en-field)"));
    named = spec("bowtie.geojson");
    named.parent_field = "prov", named.parent_field_named = true;
    CHECK_THAT(read_error(named), Contains("layer 'units': no field 'prov' (given with --province-field)"));
    named.parent_field_named = false;  // the default name, absent: derived from the code, as before
    CHECK(read_error(named).empty());
}

TEST_CASE("an invalid polygon is repaired with a warning naming the feature", "[io][errors]") {
    ReadReport report;
    RegionLayer layer = read_regions(spec("bowtie.geojson"), UnitLevel::Province, report);
    REQUIRE(layer.regions.size() == 1);
    CHECK(layer.regions[0].geometry.size() == 2);
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0],
               Catch::Matchers::Contains("code '110000'") && Catch::Matchers::Contains("repaired with MakeValid"));
}

TEST_CASE("a layer in another CRS is reprojected to lon/lat", "[io]") {
    ReadReport report;
    RegionLayer layer = read_regions(spec("web_mercator.geojson"), UnitLevel::Province, report);
    REQUIRE(layer.regions.size() == 1);
    Bounds b = bounds_of(layer.regions[0].geometry);
    CHECK(b.min_lon == Approx(116.0).margin(0.01));
    CHECK(b.max_lat == Approx(40.5).margin(0.01));
}

TEST_CASE("a Shapefile's .prj that GDAL cannot read is said, not reported as no CRS at all", "[io][errors]") {
    test::TempFolder tmp;
    for (const char* ext : {".shp", ".shx", ".dbf", ".cpg"})
        std::filesystem::copy_file(bad("folder_no_shx/prov") + ext, tmp.path(std::string("prov") + ext));
    std::ofstream(tmp.path("prov.prj")) << "garbage";
    LayerSpec s{tmp.dir(), "prov", "code", "name_zh", "name_zh", ""};
    ReadReport report;
    RegionLayer layer = read_regions(s, UnitLevel::Province, report);
    CHECK(layer.regions.size() == 1);
    REQUIRE_FALSE(report.warnings.empty());
    CHECK(report.warnings[0].find("its '" + tmp.path("prov.prj") +
                                  "' could not be read as a CRS; assuming lon/lat WGS84") != std::string::npos);
}
