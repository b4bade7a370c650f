// The bad-input corpus (tests/data/bad/cases.tsv) through the real command line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support.hpp"

namespace {

using nlohmann::json;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

/// Writes the bundled plan with one named defect; returns its path.
std::string defective_plan(const std::string& name, const atlas::test::TempFolder& tmp) {
    std::string path = tmp.path("plan_" + name + ".json");
    std::ifstream in(std::string(ATLAS_GEODATA) + "/plan.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (name == "deep") {  // 100,000 levels: the parse overflowed the stack (exit 139, no message)
        std::ofstream(path) << R"({"plan": {}, "schema_version": )" << std::string(100000, '[')
                            << std::string(100000, ']') << "}";
        return path;
    }
    if (name == "utf16" || name == "gbk") {
        std::string out = name == "utf16" ? "\xFF\xFE" : "";
        for (char c : text) out += name == "utf16" ? std::string{c, '\0'} : std::string(1, c);
        // 京津冀 in GBK, where a UTF-8 plan has it
        if (name == "gbk") out = replace_all(out, "京津冀", "\xBE\xA9\xBD\xF2\xBC\xBD");
        std::ofstream(path, std::ios::binary) << out;
        return path;
    }
    json doc = json::parse(text);
    if (name == "unknown_member")
        doc["regions"][0]["members"][0]["code"] = "999900";
    else if (name == "duplicate_region")
        doc["regions"][4]["id"] = doc["regions"][5]["id"];
    else if (name == "unknown_industry")
        doc["regions"][3]["designation"]["industries"][0]["industry"] = "no_such_industry";
    else if (name == "empty_region")
        doc["regions"][6]["members"] = json::array();
    else if (name == "missing_field")
        doc["regions"][2].erase("members");
    else if (name == "bad_confidence")
        doc["regions"][0]["extent"]["confidence"] = "maybe";
    else if (name == "year_text")  // dropped without a word: the year vanished from show
        doc["regions"][0]["extent"]["year"] = "abc";
    else if (name == "industry_cycle")  // list industries looped for ever, memory growing
        for (json& ind : doc["industries"]) {
            if (ind["id"] == "biotech") ind["parent"] = "biotech";
        }
    else if (name == "name_list")  // read as "": show printed a blank Chinese name
        doc["regions"][1]["name_zh"] = json::array({1, 2});
    else if (name == "repeated_member")  // accepted: 200,000 repeats made list regions take minutes
        for (int i = 0; i < 2000; ++i) doc["regions"][0]["members"].push_back(doc["regions"][0]["members"][0]);
    else
        FAIL("no plan defect " << name);
    std::ofstream(path) << doc.dump();
    return path;
}

std::string expand(std::string text, const atlas::test::TempFolder& tmp) {
    text = replace_all(text, "{bad}", std::string(ATLAS_TEST_DATA) + "/bad");
    text = replace_all(text, "{tmp}", tmp.dir());
    for (std::size_t at = text.find("{plan:"); at != std::string::npos; at = text.find("{plan:")) {
        std::size_t end = text.find('}', at);
        text.replace(at, end - at + 1, defective_plan(text.substr(at + 6, end - at - 6), tmp));
    }
    return text;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, '\t')) cells.push_back(cell);
    return cells;
}

/// Whether a corpus command runs the viewer (after any global options). render checks its input
/// in every build; only view needs the viewer.
bool uses_gl(const std::string& args) {
    std::stringstream in(args);
    std::string word;
    while (in >> word)
        if (word == "view") return true;
    return false;
}

}  // namespace

TEST_CASE("bad-input corpus: clear one-line errors, exit codes, no partial output", "[cli][errors][corpus]") {
    std::ifstream cases(std::string(ATLAS_TEST_DATA) + "/bad/cases.tsv");
    REQUIRE(cases);
    std::string line;
    int count = 0;
    while (std::getline(cases, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> c = split_tabs(line);
        REQUIRE(c.size() >= 4);
        atlas::test::TempFolder tmp;
        std::string args = expand(c[1], tmp);
        // A build without the viewer (-DATLAS_BUILD_VIEWER=OFF) has no view to test.
        if (!ATLAS_HAVE_VIEWER && uses_gl(args)) continue;
        INFO(c[0] << ": clusteratlas " << args);
        auto r = atlas::test::run_cli(args);
        CHECK(r.exit_code == std::stoi(c[2]));
        CHECK_THAT(r.err, Catch::Matchers::Contains(expand(c[3], tmp)));
        CHECK(atlas::test::line_count(r.err) == 1);
        if (c.size() > 4) CHECK_FALSE(std::filesystem::exists(expand(c[4], tmp)));
        for (const auto& entry : std::filesystem::directory_iterator(tmp.dir()))
            CHECK(entry.path().filename().string().rfind(".clusteratlas-tmp", 0) != 0);
        ++count;
    }
    CHECK(count >= (ATLAS_HAVE_VIEWER ? 30 : 10));
}
