#include "io/user_data.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "error.hpp"
#include "support.hpp"

using namespace atlas;
using atlas::test::bundled_document;
using atlas::test::TempFolder;

namespace {

std::string write_file(const TempFolder& tmp, const std::string& name, const std::string& text) {
    const std::string path = tmp.path(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

UserTable read(const std::string& path, const std::string& key_column = "") {
    Document& doc = bundled_document();
    return read_user_table(path, doc.provinces(), doc.prefectures(), UserTableOptions{key_column});
}

/// The message of the AtlasError(Input) that reading the file throws ("" when it does not throw).
std::string error_of(const std::string& path, const std::string& key_column = "") {
    try {
        read(path, key_column);
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Input);
        return e.what();
    }
    FAIL("no error reading " << path);
    return "";
}

}  // namespace

TEST_CASE("User data: a province table with a name column, two numeric columns and a gap", "[user_data]") {
    TempFolder tmp;
    const std::string path = write_file(tmp, "provinces.csv",
                                        "code,name,firms,share\n"
                                        "110000,Beijing,120,0.25\n"
                                        "310000, Shanghai ,  95 ,\n"  // spaces around a number; empty share
                                        "440000,Guangdong,+3.5e2,-1.5\n");
    UserTable t = read(path);
    CHECK(t.path == path);
    CHECK(t.key_column == "code");
    CHECK(t.level == UserDataLevel::Province);
    CHECK(t.codes == std::vector<std::string>{"110000", "310000", "440000"});
    CHECK(t.columns == std::vector<std::string>{"firms", "share"});  // the name column is a label column
    // ... which is not mapped nor exported, and is said to be left out (export --data dropped it silently).
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0] == path + ": 1 text column left out (column 'name'): only number columns are mapped and exported");
    REQUIRE(t.values.size() == 2);
    CHECK(t.values[0] == std::vector<double>{120, 95, 350});
    CHECK(t.values[1][0] == 0.25);
    CHECK(std::isnan(t.values[1][1]));
    CHECK(t.values[1][2] == -1.5);

    CHECK(t.column("share") == 1);
    CHECK(t.column("FIRMS") == 0);
    try {
        t.column("name");
        FAIL("no exception");
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("'name'") && Catch::Contains("firms, share"));
    }
}

TEST_CASE("User data: a prefecture table keyed by an adcode column that is not first", "[user_data]") {
    TempFolder tmp;
    // Beijing (110000) is in both layers; Suzhou and Guangzhou make it a prefecture table.
    const std::string path = write_file(tmp, "prefectures.csv",
                                        "\xEF\xBB\xBF"
                                        "name,AdCode,gdp\r\n"
                                        "Suzhou,320500,2.4e4\r\n"
                                        "Guangzhou,440100,3.0e4\r\n"
                                        ",,\r\n"  // a blank spreadsheet row
                                        "Beijing,110000,4.4e4\r\n");
    UserTable t = read(path);
    CHECK(t.key_column == "AdCode");
    CHECK(t.level == UserDataLevel::Prefecture);
    CHECK(t.codes == std::vector<std::string>{"320500", "440100", "110000"});
    CHECK(t.columns == std::vector<std::string>{"gdp"});
    CHECK(t.values[0] == std::vector<double>{24000, 30000, 44000});

    // Only municipalities: every key is a province code, so it is a province table.
    UserTable m = read(write_file(tmp, "municipalities.csv", "code,v\n110000,1\n310000,2\n"));
    CHECK(m.level == UserDataLevel::Province);
}

TEST_CASE("User data: every bad row is reported with its line in one error", "[user_data]") {
    TempFolder tmp;
    const std::string path = write_file(tmp, "data.csv",
                                        "code,name,firms,jobs\n"
                                        "320000,Jiangsu,10,20\n"
                                        "440000,Guangdong,5,\n"
                                        "990000,Nowhere,1,1\n"
                                        "110000,Beijing,12x,3\n"
                                        "320000,Jiangsu again,1,2\n"
                                        "310000,Shanghai,1\n"
                                        "500000,Chongqing,n/a,4\n");
    const std::string message = error_of(path);
    CHECK_THAT(message, Catch::Contains(path + ":4: unknown code '990000' (not a province or prefecture"));
    CHECK_THAT(message, Catch::Contains(path + ":5: column 'firms': '12x' is not a number"));
    CHECK_THAT(message, Catch::Contains(path + ":6: duplicate code '320000' (first on line 2)"));
    CHECK_THAT(message, Catch::Contains(path + ":7: 3 cells, the header has 4"));
    CHECK_THAT(message, Catch::Contains(path + ":8: column 'firms': 'n/a' is not a number"));
    CHECK(atlas::test::line_count(message + "\n") == 5);  // one line per problem, nothing else
    // In line order.
    CHECK(message.find(":4:") < message.find(":5:"));
    CHECK(message.find(":7:") < message.find(":8:"));
}

TEST_CASE("User data: quoted fields with line breaks keep line numbers right", "[user_data]") {
    TempFolder tmp;
    const std::string path = write_file(tmp, "quoted.csv",
                                        "code,name,value\n"
                                        "110000,\"Beijing\n(capital)\",1\n"
                                        "310000,\"Shanghai, \"\"the\"\" city\",\"1,234\"\n"
                                        "440000,Guangdong,7abc\n");
    const std::string message = error_of(path);
    CHECK_THAT(message, Catch::Contains(path + ":4: column 'value': '1,234' is not a number"));
    CHECK_THAT(message, Catch::Contains(path + ":5: column 'value': '7abc' is not a number"));
    CHECK(atlas::test::line_count(message + "\n") == 2);
}

TEST_CASE("User data: provinces and prefectures cannot be mixed", "[user_data]") {
    TempFolder tmp;
    const std::string path = write_file(tmp, "mixed.csv", "code,v\n110000,1\n440000,2\n320500,3\n");
    const std::string message = error_of(path);
    CHECK_THAT(message, Catch::Contains(path + ": codes mix provinces and prefectures"));
    CHECK_THAT(message, Catch::Contains("line 3: '440000' is a province"));
    CHECK_THAT(message, Catch::Contains("line 4: '320500' is a prefecture"));
}

TEST_CASE("User data: file-level errors", "[user_data]") {
    TempFolder tmp;
    CHECK_THAT(error_of(write_file(tmp, "header.csv", "code,value\n")), Catch::Contains("no data rows"));
    CHECK_THAT(error_of(write_file(tmp, "empty.csv", "")), Catch::Contains("no data rows"));
    CHECK_THAT(error_of(tmp.path("missing.csv")), Catch::Contains(tmp.path("missing.csv")));

    const std::string labels = write_file(tmp, "labels.csv", "code,name\n110000,Beijing\n");
    CHECK_THAT(
        error_of(labels),
        Catch::Contains(labels +
                        ": no numeric column besides the key column 'code' (comma-separated, as the header suggests; "
                        "--data-separator picks another) (2 columns: code, name)"));

    const std::string plain = write_file(tmp, "plain.csv", "code,value\n110000,1\n");
    CHECK_THAT(error_of(plain, "adcode"), Catch::Contains(plain + ": no key column 'adcode' (2 columns: code, value)"));
    CHECK(read(plain, "CODE").key_column == "code");

    const std::string twice = write_file(tmp, "twice.csv", "code,v,v\n110000,1,2\n");
    CHECK_THAT(error_of(twice), Catch::Contains(twice + ":1: duplicate column 'v'"));
}

TEST_CASE("User data: long problem lists are capped", "[user_data]") {
    TempFolder tmp;
    std::string text = "code,v\n";
    for (int i = 0; i < 25; ++i) text += std::to_string(900001 + i) + ",1\n";
    const std::string path = write_file(tmp, "many.csv", text);
    const std::string message = error_of(path);
    CHECK(atlas::test::line_count(message + "\n") == 21);
    CHECK_THAT(message, Catch::Contains(path + ":21: unknown code '900020'"));
    CHECK_THAT(message, Catch::EndsWith("... and 5 more"));
}
