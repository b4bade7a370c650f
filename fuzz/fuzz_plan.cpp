// libFuzzer target: the plan file parser and its validation against the bundled layers. Any input
// must end in a Plan or an AtlasError; anything else (another exception, a crash, a sanitizer report)
// is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.hpp"
#include "fuzz_support.hpp"
#include "io/plan_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const atlas::RegionLayer& provinces = atlas::fuzz::provinces();
    const atlas::RegionLayer& prefectures = atlas::fuzz::prefectures();
    try {
        atlas::Plan plan = atlas::parse_plan(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
        atlas::validate_plan(plan, provinces, prefectures, "fuzz.json");
    } catch (const atlas::AtlasError&) {
    }
    return 0;
}
