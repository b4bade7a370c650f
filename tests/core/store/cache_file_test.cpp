// A prepared-data file opened once and checked on its descriptor (store/cache_file.hpp): what is read
// is what was checked, whatever another process puts at the path in between.
#include "store/cache_file.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support.hpp"

using namespace atlas;
using Catch::Matchers::Contains;

TEST_CASE("cache file: a FIFO put at the path after the open is never read, the file opened is", "[store]") {
    test::TempFolder tmp;
    std::string path = tmp.path("rounding-0.memo");
    std::ofstream(path, std::ios::binary) << "the memo's bytes";
    OpenCacheFile file(path, 1000);
    REQUIRE(file.exists());
    REQUIRE(file.problem().empty());
    // Another process swaps a FIFO in: a reader opening the path again would block for ever.
    std::string fifo = tmp.path("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    REQUIRE(std::rename(fifo.c_str(), path.c_str()) == 0);
    std::string problem;
    CHECK(file.read_all(problem) == std::optional<std::string>("the memo's bytes"));
    std::ifstream by_name(file.name(), std::ios::binary);
    std::string first;
    CHECK(std::getline(by_name, first));
    CHECK(first == "the memo's bytes");
    OpenCacheFile now(path, 1000);  // opened without blocking, and set aside
    CHECK(now.exists());
    CHECK(now.problem() == "a FIFO, not a file");
}

TEST_CASE("cache file: a file that grows past its bound after the check is not read past it", "[store]") {
    test::TempFolder tmp;
    std::string path = tmp.path("layer-0.memo");
    std::ofstream(path, std::ios::binary) << "12345";
    OpenCacheFile file(path, 10);
    REQUIRE(file.problem().empty());
    std::ofstream(path, std::ios::binary | std::ios::app) << std::string(100000, 'x');
    std::string problem;
    CHECK_FALSE(file.read_all(problem));
    CHECK_THAT(problem, Contains("more than such a store can hold (10)"));
    CHECK_FALSE(OpenCacheFile(tmp.path("none"), 10).exists());
    CHECK(OpenCacheFile(tmp.path(""), 10).problem() == "a folder, not a file");
}
