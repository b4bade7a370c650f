#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
    // Figures of whole prefectures wherever the tests run: no county layer unless one is named
    // (tests/counties.sh names the built one for the [counties] tests). The CLI runs inherit this.
    setenv("CLUSTERATLAS_COUNTIES", "", 0);
    return Catch::Session().run(argc, argv);
}
