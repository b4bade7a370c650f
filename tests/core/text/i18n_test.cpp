// The interface's words from the compiled GNU gettext catalogue, switched while running.
#include "text/i18n.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace atlas;

TEST_CASE("interface words switch between English and Chinese from the catalogue", "[i18n]") {
    set_language(Language::Chinese);
    CHECK(std::string(tr("File")) == "文件");
    CHECK(std::string(tr("Layers")) == "图层");
    CHECK(std::string(tr("hub city named by the plan")) == "规划点名的中心城市");
    CHECK(std::string(tr("a text the catalogue lacks")) == "a text the catalogue lacks");
    set_language(Language::English);
    CHECK(std::string(tr("File")) == "File");
    set_language(Language::Chinese);  // and back again: the switch is not a one-off
    CHECK(std::string(tr("Legend")) == "图例");
    set_language(Language::English);
    std::vector<std::string> texts = catalogue_texts();
    CHECK(texts.size() > 150);
    CHECK(std::find(texts.begin(), texts.end(), "图例") != texts.end());
}
