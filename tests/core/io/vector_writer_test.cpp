// Atomic writes: results read back with GDAL; failures leave targets untouched and no temp files.
#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "io/gdal_env.hpp"
#include "io/output_file.hpp"
#include "support.hpp"

using namespace atlas;
namespace fs = std::filesystem;

namespace {

OutLayer sample_layer() {
    OutLayer layer{"units", false, {{"code"}, {"name_zh"}, {"area_km2", FieldType::Real}}, {}};
    OutFeature f;
    f.values = {std::string("110000"), std::string("北京"), 16410.0};
    f.polygons = {Polygon{{{116, 39.5}, {117, 39.5}, {117, 40.5}, {116, 40.5}, {116, 39.5}}, {}}};
    layer.features.push_back(f);
    return layer;
}

std::size_t entries(const std::string& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a GeoPackage written is read back by GDAL with its names", "[io]") {
    test::TempFolder tmp;
    write_layers(tmp.path("out.gpkg"), {sample_layer()}, {"GPKG", {}, {}, false, {}});
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tmp.path("out.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("units");
    REQUIRE(layer != nullptr);
    CHECK(layer->GetFeatureCount() == 1);
    auto f = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
    CHECK(std::string(f->GetFieldAsString("name_zh")) == "北京");
    CHECK(entries(tmp.dir()) == 1);  // no temporary folder left
}

TEST_CASE("an existing target is kept unless forced", "[io][errors]") {
    test::TempFolder tmp;
    std::string target = tmp.path("out.gpkg");
    std::ofstream(target) << "precious";
    CHECK_THROWS_WITH(write_layers(target, {sample_layer()}, {"GPKG", {}, {}, false, {}}),
                      Catch::Matchers::Contains("exists (use --force"));
    CHECK(test::read_text(target) == "precious");
    write_layers(target, {sample_layer()}, {"GPKG", {}, {}, true, {}});
    CHECK(test::read_text(target) != "precious");
    CHECK(entries(tmp.dir()) == 1);
}

TEST_CASE("a quick save takes a free name beside a kept file, never the file", "[io][viewer]") {
    // The viewer's F12 and Shift+F12 replaced a clusteratlas-figure.png the user had kept.
    test::TempFolder tmp;
    const std::string figure = tmp.path("clusteratlas-figure.png");
    CHECK(free_file_name(figure) == figure);
    std::ofstream(figure) << "precious";
    CHECK(free_file_name(figure) == tmp.path("clusteratlas-figure-2.png"));
    std::ofstream(tmp.path("clusteratlas-figure-2.png")) << "also kept";
    CHECK(free_file_name(figure) == tmp.path("clusteratlas-figure-3.png"));
    std::filesystem::create_symlink("/nonexistent", tmp.path("clusteratlas-figure-3.png"));  // a dangling link too
    CHECK(free_file_name(figure) == tmp.path("clusteratlas-figure-4.png"));
}

TEST_CASE("an interrupted write leaves the target as it was and no temporary file", "[io][errors]") {
    test::TempFolder tmp;
    std::string target = tmp.path("out.geojson");
    std::ofstream(target) << "old";
    WriteOptions options{"GeoJSON", {}, {}, true, 6, [](std::size_t, std::size_t) { return false; }};
    CHECK_THROWS_WITH(write_layers(target, {sample_layer()}, options), Catch::Matchers::Contains("interrupted"));
    CHECK(test::read_text(target) == "old");
    CHECK(entries(tmp.dir()) == 1);
}

TEST_CASE("an unwritable folder and an unknown format are output errors", "[io][errors]") {
    CHECK_THROWS_WITH(write_layers("/proc/nope/out.gpkg", {sample_layer()}, {"GPKG", {}, {}, false, {}}),
                      Catch::Matchers::Contains("no folder '/proc/nope'"));
    test::TempFolder tmp;
    CHECK_THROWS_WITH(write_layers(tmp.path("x.abc"), {sample_layer()}, {"NoSuchDriver", {}, {}, false, {}}),
                      Catch::Matchers::Contains("unknown vector format 'NoSuchDriver'"));
    CHECK(entries(tmp.dir()) == 0);
}
