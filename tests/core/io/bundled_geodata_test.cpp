// The bundled GeoPackage: counts, codes, names, label points, areas, coverage.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "geo/coverage_clean.hpp"
#include "geo/geometry.hpp"
#include "geo/operations.hpp"
#include "io/data_paths.hpp"
#include "io/gdal_env.hpp"
#include "support.hpp"

using namespace atlas;
using atlas::test::bundled_prefectures;
using atlas::test::bundled_provinces;

TEST_CASE("bundled layers hold 34 provinces and 367 prefecture-level units", "[io][geodata]") {
    CHECK(bundled_provinces().regions.size() == 34);
    CHECK(bundled_prefectures().regions.size() == 367);
}

TEST_CASE("codes are unique six-digit codes and prefectures sit in their province", "[io][geodata]") {
    std::set<std::string> provinces;
    for (const Region& p : bundled_provinces().regions) {
        CHECK(p.code.size() == 6);
        CHECK(p.code.substr(2) == "0000");
        CHECK(provinces.insert(p.code).second);
        CHECK_FALSE(p.name_zh.empty());
        CHECK_FALSE(p.name_en.empty());
    }
    std::set<std::string> prefectures;
    for (const Region& r : bundled_prefectures().regions) {
        CHECK(prefectures.insert(r.code).second);
        CHECK(r.code.substr(0, 2) == r.parent_code.substr(0, 2));
        CHECK(provinces.count(r.parent_code) == 1);
    }
}

TEST_CASE("conventional English names", "[io][geodata]") {
    std::map<std::string, std::string> expected = {{"150000", "Inner Mongolia"}, {"540000", "Tibet"},
                                                   {"610000", "Shaanxi"},        {"140000", "Shanxi"},
                                                   {"810000", "Hong Kong"},      {"820000", "Macau"}};
    for (const auto& [code, name] : expected) CHECK(bundled_provinces().find(code)->name_en == name);
    std::map<std::string, std::string> cities = {{"230100", "Harbin"}, {"150100", "Hohhot"},  {"650100", "Urumqi"},
                                                 {"540100", "Lhasa"},  {"653100", "Kashgar"}, {"610100", "Xi'an"}};
    for (const auto& [code, name] : cities) CHECK(bundled_prefectures().find(code)->name_en == name);
}

TEST_CASE("codes changed before 2016 are mapped and the source code kept", "[io][geodata]") {
    const Region* turpan = bundled_prefectures().find("650400");
    REQUIRE(turpan != nullptr);
    CHECK(turpan->source_code == "652100");
    CHECK(bundled_prefectures().find("652100") == nullptr);
    CHECK(bundled_prefectures().find("650500")->source_code == "652200");
}

TEST_CASE("every prefecture's label point lies inside it and inside its province", "[io][geodata]") {
    for (const Region& r : bundled_prefectures().regions) {
        INFO(r.code << " " << r.name_en);
        CHECK(contains(r.geometry, r.label));
        CHECK(contains(bundled_provinces().find(r.parent_code)->geometry, r.label));
    }
}

TEST_CASE("ellipsoidal areas match published figures", "[io][geodata][geo]") {
    CHECK(bundled_provinces().find("110000")->area_km2 == Approx(16410).epsilon(0.02));
    CHECK(bundled_provinces().find("500000")->area_km2 == Approx(82400).epsilon(0.02));
    CHECK(bundled_prefectures().find("110000")->area_km2 == Approx(16410).epsilon(0.02));
}

TEST_CASE("provinces and prefectures cover the same area", "[io][geodata][geo]") {
    double provinces = 0, prefectures = 0;
    for (const Region& r : bundled_provinces().regions) provinces += r.area_km2;
    for (const Region& r : bundled_prefectures().regions) prefectures += r.area_km2;
    CHECK(provinces == Approx(prefectures).epsilon(0.001));
    CHECK(provinces == Approx(9.52e6).epsilon(0.01));  // China's land area with Taiwan, HK, Macau
}

TEST_CASE("per province, the prefectures add up to the province", "[io][geodata][geo]") {
    std::map<std::string, double> sums;
    for (const Region& r : bundled_prefectures().regions) sums[r.parent_code] += r.area_km2;
    for (const Region& p : bundled_provinces().regions) {
        INFO(p.code << " " << p.name_en);
        CHECK(sums[p.code] == Approx(p.area_km2).epsilon(0.003));
    }
}

TEST_CASE("Shanghai lies where WGS84 says it is, not at its GCJ-02 position", "[io][geodata][geo]") {
    // The People's Square, WGS84 121.4737 E 31.2304 N: inside Shanghai after the datum correction.
    const Region* shanghai = bundled_prefectures().find("310000");
    CHECK(contains(shanghai->geometry, LonLat{121.4737, 31.2304}));
    // Seat of Beijing's government from the source, converted: within ~1 km of Tian'anmen (116.3975, 39.9087).
    const Region* beijing = bundled_prefectures().find("110000");
    CHECK(beijing->seat.lon == Approx(116.3975).margin(0.012));
    CHECK(beijing->seat.lat == Approx(39.9087).margin(0.01));
}

TEST_CASE("prefectures form a clean coverage: no overlaps, no sliver gaps", "[io][geodata][geo]") {
    GeosContext ctx;
    std::vector<const MultiPolygon*> all;
    double sum = 0;
    for (const Region& r : bundled_prefectures().regions) {
        all.push_back(&r.geometry);
        sum += r.area_km2;
    }
    MultiPolygon china = coverage_union(ctx, all);
    CHECK(geodesic_area_km2(china) == Approx(sum).epsilon(1e-6));  // nothing counted twice
    int sliver_holes = 0;
    for (const Polygon& p : china)
        for (const Ring& hole : p.holes) sliver_holes += geodesic_area_km2({Polygon{hole, {}}}) < 1.0 ? 1 : 0;
    CHECK(sliver_holes == 0);
}

// Attributes read without geometry (`list`, `show`, the plan's checks) came through every overflow
// page of each boundary's blob: the bundled GeoPackage carries geometry-free twins of both layers.
TEST_CASE("the bundled GeoPackage holds geometry-free twins of both layers, row for row", "[io][geodata]") {
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(bundled_geodata_path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    for (const char* name : {"provinces", "prefectures"}) {
        INFO(name);
        OGRLayer* layer = ds->GetLayerByName(name);
        OGRLayer* twin = ds->GetLayerByName((std::string(name) + "_attributes").c_str());
        REQUIRE(layer != nullptr);
        REQUIRE(twin != nullptr);
        CHECK(twin->GetGeomType() == wkbNone);
        CHECK(twin->GetFeatureCount() == layer->GetFeatureCount());
        std::map<std::string, double> areas;
        for (auto& f : *layer) areas[f->GetFieldAsString("code")] = f->GetFieldAsDouble("area_km2");
        for (auto& f : *twin) CHECK(areas.at(f->GetFieldAsString("code")) == f->GetFieldAsDouble("area_km2"));
    }
}
