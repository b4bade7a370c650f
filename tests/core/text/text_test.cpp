// Text at the door: escaping values for messages, deciding encodings from bytes.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "geo/datum.hpp"
#include "io/layer_text.hpp"
#include "text/encoding.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

using namespace atlas;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

TEST_CASE("values in messages: controls and invalid bytes escaped, cut after 80 characters", "[text]") {
    CHECK(escape_controls("110000\x1b[2J") == "110000\\x1b[2J");
    CHECK(escape_controls(std::string("a\0"
                                      "99",
                                      4)) == "a\\x0099");  // not octal \099
    // Characters that print as nothing or reorder the line: a name that looks valid but is not.
    CHECK(escape_controls("北京\u200b") == "北京\\u200b");
    CHECK(escape_controls("zzz\u202eabc") == "zzz\\u202eabc");
    CHECK(escape_controls("\ufeffcode") == "\\ufeffcode");
    CHECK(quote_value("a\u2066b") == "'a\\u2066b'");
    CHECK(escape_controls("a\u00adb\ufe0fc") == "a\\u00adb\\ufe0fc");  // soft hyphen, variation selector
    CHECK(escape_controls("a\U000E0041b") == "a\\ue0041b");            // a tag character: hidden text
    CHECK(has_controls("LINE1\u2028LINE2"));
    CHECK_FALSE(has_controls("北京 Beijing"));
    CHECK(escape_controls("tab\tnew\nline\r") == "tab\\tnew\\nline\\r");
    CHECK(escape_controls("\xc2\x85") == "\\u0085");     // C1 control NEL
    CHECK(escape_controls("\xff\xfe") == "\\xff\\xfe");  // not UTF-8
    CHECK(escape_controls("北京 Beijing") == "北京 Beijing");
    CHECK(quote_value("abc") == "'abc'");
    std::string long_value(1000, 'x');
    CHECK(quote_value(long_value) == "'" + std::string(80, 'x') + "...' (1,000 bytes)");
    CHECK(quote_value("北京北京", 2) == "'北京...' (12 bytes)");
    CHECK(with_separators(1234567) == "1,234,567");
}

TEST_CASE("a message is bounded: lines cut at 1000 bytes, at most 25 lines, controls escaped", "[text]") {
    std::string huge(10'000'000, 'c');
    std::string bounded = bounded_message("header.csv: no numeric column (" + huge + ")");
    CHECK(bounded.size() < 1100);
    CHECK_THAT(bounded, Contains("header.csv: no numeric column (ccc"));
    std::string many;
    for (int i = 0; i < 40; ++i) many += "line " + std::to_string(i) + "\n";
    std::string cut = bounded_message(many);
    CHECK_THAT(cut, Contains("line 24"));
    CHECK_THAT(cut, Contains("... and 15 more lines"));
    CHECK(bounded_message("a\x1b[31mb\nc") == "a\\x1b[31mb\nc");
    // A long line keeps its end, where the cause is: a 1,200-character path left "aaa..." alone.
    std::string path(1200, 'a');
    std::string named = bounded_message(path + ".gpkg: cannot read (File name too long)");
    CHECK(named.size() < 1100);
    CHECK_THAT(named, StartsWith("aaaa"));
    CHECK_THAT(named, EndsWith("aaa.gpkg: cannot read (File name too long)"));
    CHECK_THAT(bounded_message(huge + ": the end"), EndsWith("ccc: the end"));
    CHECK(bounded_message(huge + ": the end").size() < 1100);
    std::string wide;  // cut on characters, never inside one
    for (int i = 0; i < 800; ++i) wide += "北";
    CHECK(first_invalid_utf8(bounded_message(wide)) == std::string::npos);
}

TEST_CASE("no message shows a password, in a connection string or a URI", "[text]") {
    // `render --data 'PG:... password=SeCrEt99'` said "/tmp/PG:... password=SeCrEt99 ...: no such file".
    CHECK(bounded_message("/tmp/PG:host=h port=1 password=SeCrEt99 dbname=x: no such file") ==
          "/tmp/PG:host=h port=1 password=*** dbname=x: no such file");
    CHECK(bounded_message("'PG:host=h PASSWORD='se cr\\'et' dbname=x': cannot open") ==
          "'PG:host=h PASSWORD=*** dbname=x': cannot open");
    CHECK(bounded_message("/tmp/postgresql://u:SeCrEt99@127.0.0.1:1/x: no such file") ==
          "/tmp/postgresql://u:***@127.0.0.1:1/x: no such file");
    CHECK(bounded_message("postgresql://h/x?user=u&password=SeCrEt99&sslmode=off") ==
          "postgresql://h/x?user=u&password=***&sslmode=off");
    CHECK(bounded_message("https://example.com:8080/a.csv: no such file") ==
          "https://example.com:8080/a.csv: no such file");
    CHECK(bounded_message("password=") == "password=***");
    // The password last before the message's ": " ("password=x: no such file" lost its colon).
    CHECK(bounded_message("PG:dbname=x password=SeCrEt99: no such file") == "PG:dbname=x password=***: no such file");
    CHECK(bounded_message("PG:dbname=x password=a:b:c") == "PG:dbname=x password=***");
    // Spaces around '=' (libpq takes them), a quote inside the value, the message's quotes after it.
    CHECK(bounded_message("PG:dbname=x password = SeCrEt99: no such file") ==
          "PG:dbname=x password = ***: no such file");
    CHECK(bounded_message("PG:dbname=x password= SeCrEt99 port=1") == "PG:dbname=x password= *** port=1");
    CHECK(bounded_message("PG:dbname=x password=SE\"CRET: no such file") == "PG:dbname=x password=***: no such file");
    CHECK(bounded_message("'PG:dbname=x password=SeCrEt99': cannot open") == "'PG:dbname=x password=***': cannot open");
    CHECK(bounded_message("\"PG:dbname=x password=Se'CrEt\" (no such file)") ==
          "\"PG:dbname=x password=***\" (no such file)");
    CHECK(bounded_message("password authentication failed for user \"atlas\"") ==
          "password authentication failed for user \"atlas\"");
}

TEST_CASE("a text file's encoding is decided from its bytes", "[text]") {
    CHECK(decode_text_file("code,v\n", "a.csv").encoding == "UTF-8");
    DecodedText bom = decode_text_file(
        "\xEF\xBB\xBF"
        "code\n",
        "a.csv");
    CHECK(bom.text == "code\n");
    CHECK(bom.note.empty());
    DecodedText utf16 = decode_text_file(std::string("\xFF\xFE"
                                                     "c\0o\0d\0e\0\n\0",
                                                     12),
                                         "a.csv");
    CHECK(utf16.text == "code\n");
    CHECK(utf16.encoding == "UTF-16LE");
    DecodedText bomless = decode_text_file(std::string("c\0o\0d\0e\0,\0v\0\n\0", 14), "a.csv");
    CHECK(bomless.text == "code,v\n");
    // Chinese names in UTF-16LE without a mark: NULs only after the ASCII characters (it was refused
    // as "is it Big5, Shift-JIS or Latin-1?").
    DecodedText chinese16 = decode_text_file(std::string("\xCE\x57\x02\x5E,\0\xBA\x4E\xE3\x53\n\0"
                                                         "\x57\x53\xAC\x4E,\0"
                                                         "1\0\n\0",
                                                         22),
                                             "a.csv");
    CHECK(chinese16.text == "城市,人口\n南京,1\n");
    CHECK(chinese16.encoding == "UTF-16LE");
    DecodedText gbk = decode_text_file("\xB1\xB1\xBE\xA9,1\n", "a.csv");  // 北京 in GBK
    CHECK(gbk.text == "北京,1\n");
    CHECK(gbk.encoding == "GB18030");
    CHECK_THROWS_WITH(decode_text_file("ok\nbad \xff here\n", "a.csv"),
                      Contains("a.csv:2: not UTF-8 (byte 0xFF at column 5), nor plausibly GB18030"));
    CHECK_THROWS_WITH(decode_text_file(std::string("co\0de,v\n", 8), "a.csv"),
                      Contains("a.csv:1: a NUL byte (\\x00) at column 3"));
    // An .xlsx is a ZIP archive: it was refused as "not UTF-8 (byte 0x8D ...) ... Big5, Shift-JIS or Latin-1?".
    CHECK_THROWS_WITH(decode_text_file(std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "[Content_Types].xml", "t.xlsx"),
                      Contains("t.xlsx: a spreadsheet workbook (XLSX or ODS), not CSV text: save the sheet as"));
    CHECK_THROWS_WITH(decode_text_file(std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "data.csv", "t.zip"),
                      "t.zip: a ZIP archive, not CSV text");
    CHECK_THROWS_WITH(decode_text_file("%PDF-1.4\n", "t.pdf"), "t.pdf: a PDF document, not CSV text");
    CHECK_THROWS_WITH(decode_text_file("\x1F\x8B\x08\x00", "t.csv.gz"),
                      "t.csv.gz: a gzip archive (gunzip it first), not CSV text");
    // Big5 北京 (A5 5F A8 CA) read as GBK would be rare characters: refused, not garbled.
    CHECK_THROWS_WITH(decode_text_file("\xA5\x5F\xA8\xCA,1\n\xA5\x5F\xA8\xCA,2\n", "big5.csv"), Contains("is it Big5"));
    // A UTF-8 header over GBK rows was read whole as GB18030: the header's 城市 became garbage.
    CHECK_THROWS_WITH(decode_text_file("城市,v\n\xB1\xB1\xBE\xA9,1\n", "mixed.csv"),
                      Contains("mixed.csv:2: not UTF-8 (byte 0xB1 at column 1), although the lines before it are "
                               "UTF-8 with Chinese text: the file mixes two encodings"));
    // ... and a UTF-8 line among GBK ones (read as GBK, 无锡 became 鏃犻敗).
    CHECK_THROWS_WITH(decode_text_file("\xC4\xCF\xBE\xA9,1\n无锡,2\n\xD0\xEC\xD6\xDD,3\n", "mixed.csv"),
                      "mixed.csv:2: UTF-8 Chinese text in a file otherwise GBK (GB18030): the file mixes two "
                      "encodings; save it all as UTF-8");
    // GBK throughout still is GBK, a first line of ASCII before it too.
    CHECK(decode_text_file("code,v\n\xB1\xB1\xBE\xA9,1\n", "a.csv").encoding == "GB18030");
    DecodedText utf32 = decode_text_file(std::string("\xFF\xFE\0\0c\0\0\0\n\0\0\0", 12), "a.csv");
    CHECK(utf32.text == "c\n");
}

TEST_CASE("BD-09 and GCJ-02 round trips stay within a few centimetres", "[text][datum]") {
    LonLat p{116.397, 39.909};
    LonLat back = bd09_to_gcj02(gcj02_to_bd09(p));
    CHECK(back.lon == Approx(p.lon).margin(1e-6));
    CHECK(back.lat == Approx(p.lat).margin(1e-6));
    CHECK(to_wgs84({-74.0, 40.7}, Datum::Gcj02).lon == -74.0);  // outside China: unchanged
    CHECK(parse_datum("GCJ-02") == Datum::Gcj02);
    CHECK_THROWS_AS(parse_datum("nad27"), AtlasError);
}

TEST_CASE("layer text: decisions and their words, for GBK names, mixed layers and Big5", "[text]") {
    using atlas::FeatureText;
    const std::string beijing_gbk = "\xb1\xb1\xbe\xa9", tianjin_gbk = "\xcc\xec\xbd\xf2";
    // GBK everywhere, no declaration: decoded as GB18030, said in one sentence.
    std::vector<FeatureText> gbk = {{"feature 0", {beijing_gbk}}, {"feature 1", {tianjin_gbk}}};
    atlas::LayerTextEncoding d = atlas::decide_layer_encoding(gbk, "", "", "f.shp: layer 'x'");
    CHECK(d.encoding == "GB18030");
    CHECK_THAT(d.note, Catch::Contains("f.shp: layer 'x': is not UTF-8, and its names read as Chinese in GB18030"));
    // One GBK name in a UTF-8 layer: refused, and the message says what the bytes read as.
    std::vector<FeatureText> mixed = {{"feature 0 (code '110000')", {beijing_gbk}}};
    for (const char* name : {"上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南"})
        mixed.push_back({"feature", {name}});
    CHECK_THROWS_WITH(atlas::decide_layer_encoding(mixed, "", "", "f.shp: layer 'x'"),
                      Catch::Contains("feature 0 (code '110000'): text '\\xb1\\xb1\\xbe\\xa9' is not UTF-8 like the "
                                      "rest of the layer (the layer mixes encodings) (it reads as '北京' in GBK)"));
    // Half and half: still refused, never decoded whole as GB18030 (which garbles the UTF-8 names).
    std::vector<FeatureText> halves = {{"feature 0", {beijing_gbk}}, {"feature 1", {"上海"}}};
    CHECK_THROWS_WITH(atlas::decide_layer_encoding(halves, "", "", "f.shp: layer 'x'"),
                      Catch::Contains("the layer mixes encodings"));
    // GBK names that are valid UTF-8 by chance (太原, 鹰潭) are no UTF-8 witness: a GBK layer with
    // them was refused as mixed, its .cpg saying 'GBK' or not.
    const std::string taiyuan_gbk = "\xcc\xab\xd4\xad", yingtan_gbk = "\xd3\xa5\xcc\xb6";
    REQUIRE(atlas::valid_utf8(taiyuan_gbk));
    std::vector<FeatureText> chance = {{"feature 0", {beijing_gbk}},
                                       {"feature 1", {tianjin_gbk}},
                                       {"feature 2", {taiyuan_gbk}},
                                       {"feature 3", {yingtan_gbk}}};
    for (const char* declared : {"GBK", ""}) {
        INFO(declared);
        atlas::LayerTextEncoding c = atlas::decide_layer_encoding(chance, declared, "its .cpg", "f.shp: layer 'x'");
        CHECK(atlas::decode_layer_text(taiyuan_gbk, c) == "太原");
        CHECK(atlas::decode_layer_text(beijing_gbk, c) == "北京");
    }
    // A real mix under a GBK declaration: the GBK value reads in GBK, so the message does not say
    // "nor 'GBK'" after "it reads as '北京' in GBK".
    std::string said;
    try {
        atlas::decide_layer_encoding(mixed, "GBK", "its .cpg", "f.shp: layer 'x'");
    } catch (const atlas::AtlasError& e) {
        said = e.message();
    }
    CHECK_THAT(said, Catch::Contains("(it reads as '北京' in GBK)"));
    CHECK(said.find("nor 'GBK'") == std::string::npos);
}
