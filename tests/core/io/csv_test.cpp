#include "io/csv.hpp"

#include <catch2/catch.hpp>

#include "error.hpp"

using namespace atlas;

TEST_CASE("CSV: quotes, embedded commas and newlines, CRLF, BOM, line numbers", "[io]") {
    auto rows = parse_csv(
        "\xEF\xBB\xBF"
        "code,name\r\n110000,\"Beijing, capital\"\n120000,\"two\nlines\"\n130000,\"say \"\"hi\"\"\"\n");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].cells[0] == "code");
    CHECK(rows[1].cells[1] == "Beijing, capital");
    CHECK(rows[2].cells[1] == "two\nlines");
    CHECK(rows[3].line == 5);
    CHECK(rows[3].cells[1] == "say \"hi\"");
    CHECK(csv_escape("a,b") == "\"a,b\"");
    CHECK(csv_escape("plain") == "plain");
}

// A stray quote is refused with the line and column, never read as another value: "1"2 and 1"0"0
// were 12 and 100, and an unclosed quote swallowed the rest of the file.
TEST_CASE("CSV: a stray or unclosed quote is one line naming file, line and column", "[io]") {
    auto fault = [](const std::string& text) {
        try {
            parse_csv(text, ',', "t.csv");
        } catch (const AtlasError& e) {
            return e.message();
        }
        return std::string("(no error)");
    };
    CHECK(fault("code,val\n110000,\"1\"2\n") ==
          "t.csv:2: column 2 '\"1\"2': text after the closing quote; quote the whole cell and double any quote "
          "inside it");
    CHECK(fault("code,val\n110000,1\"0\"0\n") ==
          "t.csv:2: column 2 '1\"0\"0': a quote inside a cell that is not quoted; quote the whole cell and double "
          "the quote");
    CHECK(fault("code,val\n\"110000,1\n120000,2\n") == "t.csv:2: a quote opened here is never closed");
    CHECK(fault("a,\"b \"\"c\"\"\"\n1,\"x\",\"\"\n") == "(no error)");
}
