// The prepared-data store of region shapes (store/shape_store.hpp) and levels of detail
// (store/detail_levels.hpp): what is read back is exactly what is computed; a changed source or plan
// gets a new store; a damaged, truncated or unwritable store costs one warning and never a wrong
// answer.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "analysis/place_shapes.hpp"
#include "io/gdal_env.hpp"
#include "store/detail_levels.hpp"
#include "store/shape_store.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace atlas;
using Catch::Matchers::Contains;

namespace {

/// Sets environment variables for the commands a test runs, and restores them.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

  private:
    const char* name_;
    std::optional<std::string> old_;
};

/// A data folder with the bundled GeoPackage and plan but no shipped store, and an empty cache.
struct ColdData {
    test::TempFolder tmp;
    ScopedEnv data{"CLUSTERATLAS_DATA", tmp.path("data")};
    ScopedEnv cache{"XDG_CACHE_HOME", tmp.path("cache")};
    ColdData() {
        fs::create_directories(tmp.path("data"));
        fs::copy_file(std::string(ATLAS_GEODATA) + "/china.gpkg", tmp.path("data/china.gpkg"));
        fs::copy_file(std::string(ATLAS_GEODATA) + "/plan.json", tmp.path("data/plan.json"));
        // The places as the build folder's data has them (geodata/source/places in the sources): without
        // them a cold store would be keyed apart from the one the other tests' Document made.
        fs::copy(std::string(ATLAS_GEODATA) + "/source/places", tmp.path("data/places"), fs::copy_options::recursive);
    }
    /// The cache's shapes stores (.gpkg), or its levels stores with ".levels".
    std::vector<std::string> stores(const std::string& extension = ".gpkg") const {
        std::vector<std::string> out;
        if (fs::exists(tmp.path("cache/clusteratlas")))
            for (const auto& e : fs::directory_iterator(tmp.path("cache/clusteratlas")))
                if (e.path().extension() == extension) out.push_back(e.path().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

/// A small figure, quick to draw, without the legend (at 400x300 it does not fit, which is warned
/// about: the stores' warnings are counted here).
test::CliResult render_into(const ColdData& d, const std::string& name) {
    return test::run_cli("render --size 400x300 --no-legend --force -o " + d.tmp.path(name));
}

std::size_t warnings_in(const std::string& err) {
    std::size_t n = 0;
    for (std::size_t at = err.find("warning: "); at != std::string::npos; at = err.find("warning: ", at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("store: every region's union, label and area read back are exactly those computed", "[store]") {
    Document& doc = test::bundled_document();  // reads the store shipped beside the bundled data
    for (const RegionShape& computed : test::bundled_shapes()) {
        INFO(computed.region->id);
        const RegionShape& stored = doc.shape(*computed.region);
        CHECK(stored.area_km2 == computed.area_km2);
        CHECK(stored.label.lon == computed.label.lon);
        CHECK(stored.label.lat == computed.label.lat);
        REQUIRE(stored.geometry.size() == computed.geometry.size());
        for (std::size_t p = 0; p < stored.geometry.size(); ++p) {
            CHECK(stored.geometry[p].outer.size() == computed.geometry[p].outer.size());
            CHECK(stored.geometry[p].holes.size() == computed.geometry[p].holes.size());
        }
        CHECK(std::memcmp(stored.geometry[0].outer.data(), computed.geometry[0].outer.data(),
                          computed.geometry[0].outer.size() * sizeof(LonLat)) == 0);
    }
    CHECK_THAT(doc.store_origin(), Contains(kBundledShapeStore));
}

TEST_CASE("store: a label at longitude -0 reads back from the store it was written to", "[store]") {
    // SQLite keeps -0.0 as 0.0: the checksum of the shapes written differed from that of the shapes
    // read, and a store whose region lay over the prime meridian was rebuilt with a warning every run.
    test::TempFolder tmp;
    PreparedShapes shapes;
    PreparedShape square;
    square.geometry = {Polygon{{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}}, {}}};
    square.label = {-0.0, -0.0};
    square.area_km2 = 49000;
    shapes.regions["square"] = square;
    write_shape_store(tmp.path("s.gpkg"), "fingerprint", shapes, false);
    std::string problem;
    std::optional<PreparedShapes> back = read_shape_store(tmp.path("s.gpkg"), "fingerprint", problem);
    CHECK(problem == "");
    REQUIRE(back);
    CHECK(back->regions.at("square").label.lon == 0);
}

TEST_CASE("store: the regions' neighbours (what the palette keeps apart) are kept and read back as computed",
          "[store]") {
    Document& doc = test::bundled_document();
    const auto& stored = doc.region_neighbours();
    CHECK_THAT(doc.store_origin(), Contains(kBundledShapeStore));
    CHECK(stored == doc.compute_region_neighbours());
    // Beijing-Tianjin-Hebei and the Bohai Sea region share members; Kunming and Harbin are far apart.
    auto index = [&](const char* id) {
        return static_cast<std::size_t>(doc.plan().region(id) - &doc.plan().regions[0]);
    };
    auto pair = [&](const char* a, const char* b) {
        return std::make_pair(std::min(index(a), index(b)), std::max(index(a), index(b)));
    };
    CHECK(std::count(stored.begin(), stored.end(), pair("jingjinji", "bohai_sea_region")) == 1);
    CHECK(std::count(stored.begin(), stored.end(), pair("kunming", "yangtze_river_delta")) == 0);
    CHECK(stored.size() >= 19);
}

TEST_CASE("store: every place's union, label and area read back are exactly those computed", "[store]") {
    Document& doc = test::bundled_document();
    std::size_t drawn = 0;
    for (const Place& p : doc.places().places) {
        INFO(p.id);
        PlaceShape computed = build_place_shape(p, doc.provinces(), doc.prefectures(), doc.shaping_counties());
        const PlaceShape& stored = doc.place_shape(p);
        CHECK(stored.units.size() == computed.units.size());
        CHECK(stored.drawn_as == computed.drawn_as);
        CHECK(stored.units_area_km2 == computed.units_area_km2);
        CHECK(stored.label.lon == computed.label.lon);
        CHECK(stored.label.lat == computed.label.lat);
        REQUIRE(stored.geometry.size() == computed.geometry.size());
        for (std::size_t i = 0; i < stored.geometry.size(); ++i)
            CHECK(std::memcmp(stored.geometry[i].outer.data(), computed.geometry[i].outer.data(),
                              computed.geometry[i].outer.size() * sizeof(LonLat)) == 0);
        drawn += stored.geometry.empty() ? 0 : 1;
    }
    // The eight pilot zones always; the nineteen new districts too where the county layer is built.
    CHECK(drawn == (doc.has_counties() ? 8 + 19 : 8));
}

TEST_CASE("store: a cold and a warm store give identical export bytes and render pixels", "[store]") {
    ColdData d;
    auto cold = test::run_cli("export --layer regions -o " + d.tmp.path("cold.geojson"));
    REQUIRE(cold.exit_code == 0);
    CHECK(warnings_in(cold.err) == 0);
    REQUIRE(d.stores().size() == 1);  // kept in the cache, named by the fingerprint
    CHECK_THAT(d.stores()[0], Contains("/cache/clusteratlas/shapes-"));
    auto warm = test::run_cli("export --layer regions -o " + d.tmp.path("warm.geojson"));
    REQUIRE(warm.exit_code == 0);
    CHECK(test::read_text(d.tmp.path("cold.geojson")) == test::read_text(d.tmp.path("warm.geojson")));
    auto origin = test::run_cli("prepare");
    CHECK_THAT(origin.err, Contains("19 region shapes: read from " + d.stores()[0] + " (already prepared)"));
    std::vector<std::string> renderers = {"cairo"};
    if (ATLAS_HAVE_VIEWER) renderers.push_back("gl");
    for (const std::string& r : renderers) {
        INFO("render --renderer " << r);
        std::string render = "render --size 400x300 --renderer " + r + " -o " + d.tmp.path(r);
        auto warm_png = test::run_cli(render + "-warm.png");
        fs::remove_all(d.tmp.path("cache"));
        auto cold_png = test::run_cli(render + "-cold.png");
        REQUIRE(warm_png.exit_code == 0);
        REQUIRE(cold_png.exit_code == 0);
        CHECK(test::read_text(d.tmp.path(r + "-cold.png")) == test::read_text(d.tmp.path(r + "-warm.png")));
    }
}

TEST_CASE("prepare -o puts its store and levels in place together: a failed levels write keeps the old pair",
          "[store][cli]") {
    test::TempFolder tmp;
    std::string store = tmp.path("s.gpkg"), levels = tmp.path("s.levels");
    REQUIRE(test::run_cli("prepare -o " + store).exit_code == 0);
    std::string old_store = test::read_text(store), old_levels = test::read_text(levels);
    REQUIRE(old_levels.size() > 20'000'000);  // the levels store is the larger file: it fails, the store fits
    // ulimit -f (1 kB blocks) between the two sizes: the levels write fails with "File too large".
    std::string command = "sh -c 'ulimit -f 12000; exec " + std::string(ATLAS_CLI) + " prepare --force -o " + store +
                          "' >" + tmp.path("out") + " 2>" + tmp.path("err");
    int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 4);
    std::string err = test::read_text(tmp.path("err"));
    CHECK(err == "clusteratlas: " + levels + ": cannot write (File too large)\n");
    CHECK(test::read_text(store) == old_store);  // a new store beside the old levels was left before
    CHECK(test::read_text(levels) == old_levels);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp.dir())) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"err", "out", "s.gpkg", "s.levels"});  // no temporary folder left
}

TEST_CASE("store: a changed source or plan gets a store of its own, the old one is not used for it", "[store]") {
    ColdData d;
    REQUIRE(test::run_cli("prepare").exit_code == 0);
    REQUIRE(d.stores().size() == 1);
    auto before = test::run_cli("show jingjinji --format json");
    // One prefecture's boundary in the source changes: the inputs' fingerprint changes. (Its stored
    // area alone no longer would: an edited layer's areas are computed, io/validated_stamp.hpp.)
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(d.tmp.path("data/china.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("prefectures");
        layer->SetAttributeFilter("code = '130100'");
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        REQUIRE(f);
        f->SetGeometryDirectly(f->GetGeometryRef()->SimplifyPreserveTopology(0.01));
        REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
    }
    auto changed = test::run_cli("prepare");
    CHECK_THAT(changed.err, Contains("computed, kept in"));
    CHECK(d.stores().size() == 2);
    // The plan loses a member of Beijing-Tianjin-Hebei: a third store, and the region's area shrinks.
    nlohmann::json plan = nlohmann::json::parse(test::read_text(d.tmp.path("data/plan.json")));
    for (auto& r : plan["regions"])
        if (r["id"] == "jingjinji") r["members"].erase(r["members"].end() - 1);
    std::ofstream(d.tmp.path("data/plan.json")) << plan.dump(1);
    auto after = test::run_cli("show jingjinji --format json");
    REQUIRE(after.exit_code == 0);
    CHECK(d.stores().size() == 3);
    double area_before = nlohmann::json::parse(before.out)["area_km2"];
    double area_after = nlohmann::json::parse(after.out)["area_km2"];
    CHECK(area_after < area_before - 1000);
    // A pilot zone loses one of its units: the places are inputs too, a fourth store.
    std::string zones = d.tmp.path("data/places/innovation-reform-pilot-zones-2015.csv");
    if (fs::exists(zones)) {
        std::string text = test::read_text(zones);
        std::size_t at = text.find("110000;120000;130000");
        REQUIRE(at != std::string::npos);
        std::ofstream(zones, std::ios::binary) << text.replace(at, 20, "110000;120000");
        auto zone = test::run_cli("prepare");
        CHECK_THAT(zone.err, Contains("computed, kept in"));
        CHECK(d.stores().size() == 4);
    }
}

// `list regions` hashed every coordinate of both layers to find its store (half its time): the
// fingerprint is now kept by the files' identity (store/source_identity.hpp).
TEST_CASE(
    "store: the inputs' fingerprint is kept by their files' identity, and a touched file or a damaged memo costs "
    "a derivation, never a wrong store",
    "[store]") {
    ColdData d;
    auto first = test::run_cli("list regions --format csv");
    REQUIRE(first.exit_code == 0);
    REQUIRE(d.stores(".memo").size() >= 1);
    auto identity_memos = [&] {
        std::vector<std::string> out;
        for (const std::string& m : d.stores(".memo"))
            if (fs::path(m).filename().string().rfind("identity-", 0) == 0) out.push_back(m);
        return out;
    };
    REQUIRE(identity_memos().size() == 1);
    auto warm = test::run_cli("list regions --format csv");
    CHECK(warm.out == first.out);
    CHECK(warm.err.empty());
    CHECK(identity_memos().size() == 1);
    // The same content with a new modification time: another identity, the same fingerprint and store.
    fs::last_write_time(d.tmp.path("data/china.gpkg"), fs::file_time_type::clock::now());
    auto touched = test::run_cli("list regions --format csv");
    CHECK(touched.out == first.out);
    CHECK(touched.err.empty());
    CHECK(identity_memos().size() == 2);
    CHECK(d.stores().size() == 1);
    // A damaged memo is one warning and derived again.
    for (const std::string& m : identity_memos()) std::ofstream(m, std::ios::binary) << "CLUSTERATLAS-IDENTITY-MEMO\nx";
    auto damaged = test::run_cli("list regions --format csv");
    CHECK(damaged.out == first.out);
    CHECK(warnings_in(damaged.err) == 1);
    CHECK_THAT(damaged.err, Contains("; rebuilt"));
    CHECK(test::run_cli("list regions --format csv").err.empty());
}

TEST_CASE("store: a truncated or damaged store is rebuilt with one warning, and answers do not change", "[store]") {
    ColdData d;
    // An export of the regions reads the whole store (`compare` reads its regions' rows alone, each
    // under its own checksum, below; `list regions` and `show` the areas' table, checked apart).
    const std::string compare = "export --layer regions --format geojson -o -";
    auto first = test::run_cli(compare);
    REQUIRE(first.exit_code == 0);
    REQUIRE(d.stores().size() == 1);
    std::string store = d.stores()[0];
    std::string bytes = test::read_text(store);
    SECTION("truncated to half") { std::ofstream(store, std::ios::binary) << bytes.substr(0, bytes.size() / 2); }
    SECTION("bytes changed in the middle, length kept") {
        for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 4096; ++i)
            bytes[i] = static_cast<char>(~bytes[i]);
        std::ofstream(store, std::ios::binary) << bytes;
    }
    auto again = test::run_cli(compare);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == first.out);
    CHECK(warnings_in(again.err) == 1);
    CHECK_THAT(again.err, Contains(store + ": "));
    CHECK_THAT(again.err, Contains("; rebuilt"));
    auto healed = test::run_cli(compare);
    CHECK(warnings_in(healed.err) == 0);
    CHECK(healed.out == first.out);
}

TEST_CASE("store: compare reads its regions' rows alone, and a row that does not match its checksum is not used",
          "[store]") {
    ColdData d;
    const std::string compare = "compare jingjinji bohai_sea_region --format json";
    auto first = test::run_cli(compare);
    REQUIRE(first.exit_code == 0);
    REQUIRE(d.stores().size() == 1);
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(d.stores()[0].c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE region_shapes SET area_km2 = area_km2 + 5000 WHERE id = 'jingjinji'", nullptr, nullptr);
    }
    // The row is refused, the whole store then read: its checksum fails too, so it is rebuilt.
    auto again = test::run_cli(compare);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == first.out);
    CHECK(warnings_in(again.err) == 1);
    CHECK_THAT(again.err, Contains("does not match its checksum"));
}

// `list regions` reads the areas from the store's geometry-free table, which has a checksum of its own:
// an area changed there is never printed; the whole store is read instead, found damaged and rebuilt.
TEST_CASE(
    "store: list regions reads the areas' table, and one that does not match its checksum is rebuilt with one "
    "warning",
    "[store]") {
    ColdData d;
    auto first = test::run_cli("list regions --format csv");
    REQUIRE(first.exit_code == 0);
    REQUIRE(d.stores().size() == 1);
    auto shown = nlohmann::json::parse(test::run_cli("show jingjinji --format json").out);
    CHECK_THAT(first.out, Contains("," + std::to_string(std::lround(shown["area_km2"].get<double>())) + ","));
    {
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(GDALDataset::Open(d.stores()[0].c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE region_shapes_attributes SET area_km2 = area_km2 + 5000 WHERE id = 'jingjinji'", nullptr,
                       nullptr);
    }
    // The store is damaged: said once, rebuilt, and the next run reads the rebuilt table quietly.
    auto again = test::run_cli("list regions --format csv");
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == first.out);
    CHECK(warnings_in(again.err) == 1);
    CHECK_THAT(again.err, Contains("its areas table does not match its shapes"));
    auto rebuilt = test::run_cli("list regions --format csv");
    CHECK(rebuilt.out == first.out);
    CHECK(warnings_in(rebuilt.err) == 0);
}

TEST_CASE("store: a truncated or damaged levels store is rebuilt with one warning, and the map does not change",
          "[store]") {
    if (!ATLAS_HAVE_VIEWER) return;
    ColdData d;
    auto render = [&](const std::string& name) { return render_into(d, name); };
    REQUIRE(render("first.png").exit_code == 0);
    REQUIRE(d.stores(".levels").size() == 1);
    std::string store = d.stores(".levels")[0];
    std::string bytes = test::read_text(store);
    SECTION("truncated to a third") { std::ofstream(store, std::ios::binary) << bytes.substr(0, bytes.size() / 3); }
    SECTION("bytes appended") { std::ofstream(store, std::ios::binary | std::ios::app) << std::string(5000, 'x'); }
    SECTION("bytes changed near the end, length kept") {
        for (std::size_t i = bytes.size() - 5000; i < bytes.size() - 1000; ++i) bytes[i] = static_cast<char>(~bytes[i]);
        std::ofstream(store, std::ios::binary) << bytes;
    }
    auto again = render("again.png");
    REQUIRE(again.exit_code == 0);
    CHECK(warnings_in(again.err) == 1);
    CHECK_THAT(again.err, Contains(store + ": "));
    CHECK_THAT(again.err, Contains("; rebuilt"));
    CHECK(test::read_text(d.tmp.path("again.png")) == test::read_text(d.tmp.path("first.png")));
    auto healed = render("healed.png");
    CHECK(warnings_in(healed.err) == 0);
    CHECK(test::read_text(d.tmp.path("healed.png")) == test::read_text(d.tmp.path("first.png")));
}

TEST_CASE("store: a levels store of this data's fingerprint but other feature counts is rebuilt, not drawn from",
          "[store]") {
    if (!ATLAS_HAVE_VIEWER) return;
    ColdData d;
    auto render = [&](const std::string& name) { return render_into(d, name); };
    REQUIRE(render("first.png").exit_code == 0);
    std::string store = d.stores(".levels").at(0);
    // A whole, checksummed store, as a writer with a bug or an edited plan could leave: a province short.
    Document& doc = test::bundled_document();
    DetailLevels levels = doc.compute_detail_levels();
    for (DetailLevel& level : levels) {
        level.provinces.triangles.pop_back();
        if (!level.provinces.features.empty()) level.provinces.features.pop_back();
    }
    write_detail_levels(store, doc.shapes_fingerprint(), levels, true);
    auto again = render("again.png");
    REQUIRE(again.exit_code == 0);
    CHECK(warnings_in(again.err) == 1);
    CHECK_THAT(again.err, Contains("feature counts do not match the layers; rebuilt"));
    CHECK(test::read_text(d.tmp.path("again.png")) == test::read_text(d.tmp.path("first.png")));
}

TEST_CASE("store: a cache folder that cannot be written costs one warning and works in memory", "[store]") {
    ColdData d;
    std::ofstream(d.tmp.path("a-file")) << "not a folder";
    ScopedEnv cache("XDG_CACHE_HOME", d.tmp.path("a-file"));  // cache/clusteratlas cannot be made under a file
    auto r = test::run_cli("list regions --format csv");
    REQUIRE(r.exit_code == 0);
    CHECK(warnings_in(r.err) == 1);
    CHECK_THAT(r.err, Contains("cannot keep prepared region shapes in the cache"));
    CHECK_THAT(r.out, Contains("yangtze_river_delta"));
    auto kept = test::run_cli("prepare");  // keeping is what prepare is for: exit 4, saying so
    CHECK(kept.exit_code == 4);
    CHECK_THAT(kept.err, Contains("could not be kept in the cache"));
    if (ATLAS_HAVE_VIEWER) {  // shapes and levels both computed in memory: still one warning
        auto png = test::run_cli("render --size 400x300 --no-legend -o " + d.tmp.path("map.png"));
        REQUIRE(png.exit_code == 0);
        CHECK(warnings_in(png.err) == 1);
    }
}

namespace {

/// A user's layer of two provinces (no ClusterAtlas stamp): a square, and a bow-tie that is repaired
/// with a warning at every read. `shift` moves the square's east edge, to change the source.
void write_user_units(const std::string& path, double shift = 0) {
    std::string east = std::to_string(117 + shift);
    std::ofstream(path) << R"({"type":"FeatureCollection","name":"units","features":[)"
                           R"({"type":"Feature","properties":{"code":"110000","name_zh":"北京"},"geometry":)"
                           R"({"type":"Polygon","coordinates":[[[116,39.5],[)"
                        << east << ",39.5],[" << east
                        << R"(,40.5],[116,40.5],[116,39.5]]]}},)"
                           R"({"type":"Feature","properties":{"code":"120000","name_zh":"天津"},"geometry":)"
                           R"({"type":"Polygon","coordinates":[[[117,38.5],[118,39.5],[118,38.5],[117,39.5],)"
                           R"([117,38.5]]]}}]})";
}

}  // namespace

TEST_CASE("store: a user layer's validity, areas and labels are kept and read back with the same answers", "[store]") {
    ColdData d;
    write_user_units(d.tmp.path("units.geojson"));
    std::string command = "--geodata " + d.tmp.path("units.geojson") + " --provinces-layer units list provinces";
    auto first = test::run_cli(command + " --format json");
    REQUIRE(first.exit_code == 0);
    REQUIRE(d.stores(".memo").size() == 1);
    std::string memo = d.stores(".memo")[0];
    // The bow-tie is repaired at every read, so its warning is said every time, from the memo too.
    CHECK_THAT(first.err, Contains("feature 1 (code '120000'): invalid geometry"));
    auto again = test::run_cli(command + " --format json");
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == first.out);
    CHECK(again.err == first.err);
    nlohmann::json units = nlohmann::json::parse(again.out);
    REQUIRE(units.size() == 2);
    CHECK(units[0]["area_km2"].get<double>() == Approx(9481.6).margin(0.1));
    SECTION("a damaged memo is rebuilt with one warning, answers unchanged") {
        std::string bytes = test::read_text(memo);
        std::ofstream(memo, std::ios::binary) << bytes.substr(0, bytes.size() - 9);
        auto damaged = test::run_cli(command + " --format json");
        REQUIRE(damaged.exit_code == 0);
        CHECK(damaged.out == first.out);
        CHECK(warnings_in(damaged.err) == warnings_in(first.err) + 1);
        CHECK_THAT(damaged.err, Contains(memo + ": "));
        CHECK_THAT(damaged.err, Contains("; rebuilt"));
        CHECK(test::run_cli(command + " --format json").err == first.err);
    }
    SECTION("a changed source gets a memo of its own and its own areas") {
        write_user_units(d.tmp.path("units.geojson"), 1);
        auto changed = test::run_cli(command + " --format json");
        REQUIRE(changed.exit_code == 0);
        CHECK(d.stores(".memo").size() == 2);
        double area = nlohmann::json::parse(changed.out)[0]["area_km2"];
        CHECK(area == Approx(2 * 9481.6).epsilon(0.01));
    }
    SECTION("a cache folder that cannot be written costs one warning") {
        std::ofstream(d.tmp.path("a-file")) << "not a folder";
        ScopedEnv cache("XDG_CACHE_HOME", d.tmp.path("a-file"));
        auto unkept = test::run_cli(command + " --format json");
        REQUIRE(unkept.exit_code == 0);
        CHECK(unkept.out == first.out);
        CHECK(warnings_in(unkept.err) == warnings_in(first.err) + 1);
        CHECK_THAT(unkept.err, Contains("computed in memory, again next time"));
    }
}

TEST_CASE("store: a folder, FIFO, device or giant file at a store's path is set aside with a warning, never read",
          "[store]") {
    ColdData d;
    write_user_units(d.tmp.path("units.geojson"));
    std::string command =
        "--geodata " + d.tmp.path("units.geojson") + " --provinces-layer units list provinces --format json";
    auto first = test::run_cli(command);
    REQUIRE(first.exit_code == 0);
    std::string memo = d.stores(".memo").at(0);
    fs::remove(memo);
    std::string expected;
    SECTION("a folder: not replaceable, so not kept either, said once") {
        fs::create_directory(memo);
        expected =
            "a folder, not a file; it cannot be replaced, so prepared data is computed in memory, again next time";
    }
    SECTION("a FIFO, which would block a reader") {
        REQUIRE(::mkfifo(memo.c_str(), 0644) == 0);
        expected = "a FIFO, not a file; rebuilt";
    }
    SECTION("a link to /dev/zero, which would never end") {
        fs::create_symlink("/dev/zero", memo);
        expected = "a device, not a file; rebuilt";
    }
    SECTION("a sparse file of 1 GiB") {
        std::ofstream(memo, std::ios::binary);
        fs::resize_file(memo, std::uintmax_t(1) << 30);
        expected = "1073741824 bytes, more than such a store can hold";
    }
    // Within a minute: a reader that blocks on the FIFO or reads /dev/zero for ever fails here.
    test::TempFolder out;
    int status = std::system(
        ("timeout 60 " + std::string(ATLAS_CLI) + " " + command + " >" + out.path("out") + " 2>" + out.path("err"))
            .c_str());
    test::CliResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_text(out.path("out")),
                      test::read_text(out.path("err"))};
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == first.out);
    CHECK_THAT(r.err, Contains(memo + ": " + expected));
    CHECK(warnings_in(r.err) == warnings_in(first.err) + 1);
    if (!fs::is_directory(memo)) CHECK(test::run_cli(command).err == first.err);  // replaced by a memo
}

TEST_CASE("store: an export's rounding is kept: the same bytes and notes from the memo, a damaged one rebuilt",
          "[store]") {
    ColdData d;
    auto rounding_memos = [&] {
        std::vector<std::string> out;
        for (const std::string& m : d.stores(".memo"))
            if (fs::path(m).filename().string().rfind("rounding-", 0) == 0) out.push_back(m);
        return out;
    };
    // At 3 decimals (about 100 m) rounding breaks rings of 10 regions, which GEOS snap-rounds.
    auto exported = [&](const std::string& name, const std::string& precision = "3") {
        auto r = test::run_cli("export --layer regions --force --precision " + precision + " -o " + d.tmp.path(name));
        REQUIRE(r.exit_code == 0);
        return r;
    };
    auto first = exported("first.geojson");
    REQUIRE(rounding_memos().size() == 1);
    std::string memo = rounding_memos()[0];
    CHECK_THAT(first.err, Contains("note: 10 of 19 regions snap-rounded by GEOS"));
    auto again = exported("again.geojson");
    CHECK_THAT(again.err, Contains("note: 10 of 19 regions snap-rounded by GEOS"));  // from the memo
    CHECK(warnings_in(again.err) == 0);
    CHECK(test::read_text(d.tmp.path("again.geojson")) == test::read_text(d.tmp.path("first.geojson")));
    SECTION("a damaged memo is rebuilt with one warning, the file unchanged") {
        std::string bytes = test::read_text(memo);
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x55);
        std::ofstream(memo, std::ios::binary) << bytes;
        auto damaged = exported("damaged.geojson");
        CHECK(warnings_in(damaged.err) == 1);
        CHECK_THAT(damaged.err, Contains(memo + ": its content does not match its checksum"));
        CHECK(test::read_text(d.tmp.path("damaged.geojson")) == test::read_text(d.tmp.path("first.geojson")));
        CHECK(warnings_in(exported("after.geojson").err) == 0);
    }
    SECTION("another precision gets a memo of its own") {
        exported("fine.geojson", "6");
        CHECK(rounding_memos().size() == 2);
        CHECK(test::read_text(d.tmp.path("fine.geojson")) != test::read_text(d.tmp.path("first.geojson")));
    }
}

TEST_CASE(
    "front program: the everyday queries are answered from the kept units, byte for byte as the full program answers "
    "them",
    "[cli][store]") {
    const char* queries[] = {"info",
                             "info --projection mercator",
                             "info --projection platecarree",
                             "list regions",
                             "list prefectures --province 320000",
                             "list industries",
                             "show yangtze_river_delta",
                             "show 'Pearl River Delta' --format json",
                             "compare yangtze_river_delta pearl_river_delta",
                             "compare chengdu_chongqing wuhan --format csv",
                             "coverage --by province",
                             "coverage --by region --all-industries"};
    for (const char* q : queries) {
        INFO(q);
        test::CliResult full;
        {
            ScopedEnv everything("CLUSTERATLAS_FULL", "1");  // and it keeps the units in the cache
            full = test::run_cli(q);
        }
        REQUIRE(full.exit_code == 0);
        ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");  // exit 70 where it would hand over
        test::CliResult front = test::run_cli(q);
        INFO(front.err);
        CHECK(front.exit_code == 0);
        CHECK(front.out == full.out);
        CHECK(front.err == full.err);
    }
}

TEST_CASE("front program: a projection PROJ must resolve is handed over, and answered by the full program",
          "[cli][store]") {
    ColdData d;
    REQUIRE(test::run_cli("info").exit_code == 0);  // the full program keeps the units
    {
        ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");
        CHECK(test::run_cli("info").exit_code == 0);  // a short name: answered without PROJ
        test::CliResult epsg = test::run_cli("info --projection EPSG:3415");
        CHECK(epsg.exit_code == 70);  // the front cannot answer: it links no PROJ
        CHECK(epsg.out.empty());
        CHECK_THAT(epsg.err, Contains("a projection resolved by PROJ"));
    }
    test::CliResult handed = test::run_cli("info --projection EPSG:3415");
    REQUIRE(handed.exit_code == 0);
    CHECK_THAT(handed.out, Contains("projection:   EPSG:3415 = EPSG:3415\n"));
    test::CliResult far = test::run_cli("info --projection EPSG:32719");
    CHECK(far.exit_code == 0);
    CHECK_THAT(far.err, Contains("warning: projection 'EPSG:32719' is meant for lon -72..-66"));
    test::CliResult unknown = test::run_cli("info --projection foo");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Contains("unknown projection 'foo'"));
}

TEST_CASE("front program: an edited layer is not answered from the units kept before the edit", "[cli][store]") {
    ColdData d;
    REQUIRE(test::run_cli("list prefectures --province 320000").exit_code == 0);  // the full program keeps the units
    {
        ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");
        test::CliResult kept = test::run_cli("list prefectures --province 320000");
        REQUIRE(kept.exit_code == 0);
        CHECK_THAT(kept.out, Contains("Suzhou"));
    }
    {  // through GDAL, whose functions the layer's triggers call; they update the attribute table too
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(d.tmp.path("data/china.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE prefectures SET name_en = 'Gusu' WHERE code = '320500'", nullptr, nullptr);
    }
    {
        ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");
        test::CliResult stale = test::run_cli("list prefectures --province 320000");
        CHECK(stale.exit_code == 70);  // the front cannot answer: the file is not the one its units came from
        CHECK(stale.out.empty());
    }
    test::CliResult edited = test::run_cli("list prefectures --province 320000");
    REQUIRE(edited.exit_code == 0);
    CHECK_THAT(edited.out, Contains("Gusu"));
    CHECK_THAT(edited.out, !Contains("Suzhou"));
}

TEST_CASE("front program: damaged kept units cost one warning and are kept again", "[cli][store]") {
    ColdData d;
    REQUIRE(test::run_cli("list prefectures --province 440000").exit_code == 0);
    std::vector<std::string> memos;
    for (const auto& e : fs::directory_iterator(d.tmp.path("cache/clusteratlas")))
        if (e.path().filename().string().rfind("units-", 0) == 0) memos.push_back(e.path().string());
    REQUIRE(memos.size() == 2);  // provinces and prefectures
    for (const std::string& memo : memos) fs::resize_file(memo, fs::file_size(memo) - 9);
    test::CliResult damaged = test::run_cli("list prefectures --province 440000");
    REQUIRE(damaged.exit_code == 0);
    CHECK(warnings_in(damaged.err) == 2);
    CHECK_THAT(damaged.err, Contains("units-") && Contains("rebuilt"));
    CHECK_THAT(damaged.out, Contains("Shenzhen"));
    ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");
    test::CliResult again = test::run_cli("list prefectures --province 440000");
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(again.out == damaged.out);
}

TEST_CASE("front program: a link to a layer file keeps units of its own, whose warnings name the path typed",
          "[cli][store]") {
    ColdData d;
    {  // a unit without a name: skipped, with a warning naming the file. Names are not what the
       // layer's validated stamp covers (io/validated_stamp.hpp): its units are still trusted and kept.
        ensure_gdal_registered();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(d.tmp.path("data/china.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("prefectures");
        REQUIRE(layer != nullptr);
        layer->SetAttributeFilter("code = '542500'");
        std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
        REQUIRE(feature);
        feature->SetField("name_zh", "");
        REQUIRE(layer->SetFeature(feature.get()) == OGRERR_NONE);
    }
    const std::string file = d.tmp.path("data/china.gpkg"), link = d.tmp.path("link.gpkg");
    fs::create_symlink(file, link);
    auto direct = test::run_cli("--geodata " + file + " list prefectures --province 320000");
    REQUIRE(direct.exit_code == 0);
    CHECK_THAT(direct.err, Contains(file + ": layer 'prefectures'"));
    auto linked = test::run_cli("--geodata " + link + " list prefectures --province 320000");
    REQUIRE(linked.exit_code == 0);
    CHECK_THAT(linked.err, Contains(link + ": layer 'prefectures'"));
    CHECK(linked.out == direct.out);
    ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");
    auto again = test::run_cli("--geodata " + link + " list prefectures --province 320000");
    CHECK(again.exit_code == 0);
    CHECK(again.err == linked.err);
}

TEST_CASE("info counts the county layer from the summary kept with its units, and a damaged one costs one warning",
          "[store][counties]") {
    test::TempFolder tmp;
    ScopedEnv cache("XDG_CACHE_HOME", tmp.dir());
    test::CliResult first = test::run_cli("info");  // reads the county layer's units, keeps them and their summary
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Contains("counties:     2881 features (layer 'counties' of "));
    std::vector<std::string> summaries;
    for (const auto& e : fs::directory_iterator(tmp.path("clusteratlas")))
        if (e.path().filename().string().rfind("unitsum-", 0) == 0) summaries.push_back(e.path().string());
    REQUIRE(summaries.size() == 3);  // provinces, prefectures, counties
    for (const std::string& s : summaries) fs::resize_file(s, fs::file_size(s) - 5);
    test::CliResult damaged = test::run_cli("info");  // only the counties' is read: one warning
    CHECK(damaged.exit_code == 0);
    CHECK(warnings_in(damaged.err) == 1);
    CHECK_THAT(damaged.err, Contains("unitsum-") && Contains("rebuilt"));
    CHECK(damaged.out == first.out);
    ScopedEnv front_only("CLUSTERATLAS_FRONT_ONLY", "1");  // the front alone answers from the new one
    test::CliResult again = test::run_cli("info");
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(again.out == first.out);
}
