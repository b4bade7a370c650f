#include "store/cache_file.hpp"

#include <filesystem>

namespace atlas {

namespace fs = std::filesystem;

CacheFileCheck check_cache_file(const std::string& path, std::uintmax_t max_bytes) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);  // follows links: a dangling one is "not found"
    if (st.type() == fs::file_type::not_found) return {false, ""};
    if (ec) return {true, "cannot be examined (" + ec.message() + ")"};
    switch (st.type()) {
        case fs::file_type::regular:
            break;
        case fs::file_type::directory:
            return {true, "a folder, not a file"};
        case fs::file_type::fifo:
            return {true, "a FIFO, not a file"};
        case fs::file_type::character:
        case fs::file_type::block:
            return {true, "a device, not a file"};
        default:
            return {true, "not a regular file"};
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return {true, "cannot be examined (" + ec.message() + ")"};
    if (size > max_bytes)
        return {true,
                std::to_string(size) + " bytes, more than such a store can hold (" + std::to_string(max_bytes) + ")"};
    return {true, ""};
}

}  // namespace atlas
