// libFuzzer target: the CSV parser and the user-table loader (key column, numbers, codes, levels).
// Any input must end in a table or an AtlasError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.hpp"
#include "fuzz_support.hpp"
#include "io/csv.hpp"
#include "io/user_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const atlas::RegionLayer& provinces = atlas::fuzz::provinces();
    const atlas::RegionLayer& prefectures = atlas::fuzz::prefectures();
    std::string text(reinterpret_cast<const char*>(data), size);
    atlas::parse_csv(text);
    try {
        atlas::UserTable table = atlas::parse_user_table(text, "fuzz.csv", provinces, prefectures);
        for (const std::string& c : table.columns) table.column(c);
    } catch (const atlas::AtlasError&) {
    }
    return 0;
}
