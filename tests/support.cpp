#include "support.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "document.hpp"
#include "io/plan_reader.hpp"
#include "io/region_reader.hpp"

namespace atlas::test {

namespace {
RegionLayer load(const char* layer) {
    ReadReport report;
    // The bundled layers as the program reads them, from the checkout's geodata/.
    DocumentSources sources = bundled_sources();
    bool prefectures = std::string(layer) == bundled_schema::kPrefecturesLayer;
    LayerSpec spec = prefectures ? sources.prefectures : sources.provinces;
    spec.source = std::string(ATLAS_GEODATA) + "/china.gpkg";
    return read_regions(spec, prefectures ? UnitLevel::Prefecture : UnitLevel::Province, report);
}
}  // namespace

const RegionLayer& bundled_provinces() {
    static const RegionLayer layer = load("provinces");
    return layer;
}

const RegionLayer& bundled_prefectures() {
    static const RegionLayer layer = load("prefectures");
    return layer;
}

const Plan& bundled_plan() {
    static const Plan plan = read_plan(std::string(ATLAS_GEODATA) + "/plan.json");
    return plan;
}

Document& bundled_document() {
    static Document doc(bundled_sources());
    return doc;
}

const std::vector<RegionShape>& bundled_shapes() {
    static const std::vector<RegionShape> shapes =
        build_region_shapes(bundled_plan(), bundled_provinces(), bundled_prefectures());
    return shapes;
}

const RegionShape* shape(const std::string& id) {
    for (const RegionShape& s : bundled_shapes())
        if (s.region->id == id) return &s;
    return nullptr;
}

const std::string& plan_text() {
    // Not in the repository: the path comes from the environment (tests/plan_text.sh).
    static const std::string text = [] {
        const char* path = std::getenv("ATLAS_PLAN_TEXT");
        if (path == nullptr || *path == '\0')
            FAIL("ATLAS_PLAN_TEXT is not set: run the [plan-text] tests through CTest");
        std::string t = read_text(path);
        if (t.empty()) FAIL("ATLAS_PLAN_TEXT names an empty or missing file: " << path);
        return t;
    }();
    return text;
}

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "atlas-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

Session firms_points_session(const std::string& column, const std::string& value) {
    Session s;
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = std::string(ATLAS_TEST_DATA) + "/points/firms.csv";
    s.data.points_by = "prefecture";
    s.data.points_value = value;
    s.data.column = column;
    return s;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

CliResult run_cli(const std::string& args, const std::string& environment) {
    TempFolder tmp;
    std::string command = (environment.empty() ? "" : "env " + environment + " ") + std::string(ATLAS_CLI) + " " +
                          args + " >" + tmp.path("out") + " 2>" + tmp.path("err");
    int status = std::system(command.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(tmp.path("out"));
    r.err = read_text(tmp.path("err"));
    return r;
}

std::size_t line_count(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += c == '\n' ? 1 : 0;
    return n;
}

}  // namespace atlas::test
