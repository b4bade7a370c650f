#include "io/csv.hpp"

#include <catch2/catch.hpp>

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
