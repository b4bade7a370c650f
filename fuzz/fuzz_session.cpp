// libFuzzer target: session files (parse_session, then the checks a session meets before it touches
// a figure). Any input must end in a session or an AtlasError: no crash, no unbounded message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "error.hpp"
#include "scene/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> warnings;
    try {
        atlas::Session s = atlas::parse_session(text, "fuzz.json", &warnings);
        // What is read must write back and read again the same.
        atlas::Session back = atlas::parse_session(atlas::session_json(s), "fuzz.json");
        if (atlas::session_json(back) != atlas::session_json(s)) __builtin_trap();
    } catch (const atlas::AtlasError& e) {
        // Messages describe values, never dump them: bounded whatever the input.
        if (e.message().size() > 2000) __builtin_trap();
    }
    for (const std::string& w : warnings)
        if (w.size() > 2000) __builtin_trap();
    return 0;
}
