// CTest runs each Catch2 test by name (catch_discover_tests): a name CMake would split at ';', or one
// the Catch2 command line would read as an option, would run nothing and still pass.
#include <catch2/catch.hpp>

TEST_CASE("every test name can be run on its own from CTest", "[meta]") {
    const Catch::IConfig& config = *Catch::getCurrentContext().getConfig();
    for (const Catch::TestCase& test : Catch::getAllTestCasesSorted(config)) {
        INFO(test.name);
        CHECK(test.name.find(';') == std::string::npos);
        CHECK(test.name.rfind("-", 0) != 0);
    }
}
