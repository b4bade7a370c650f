#include "store/memo_file.hpp"

#include <cstring>

#include "io/output_file.hpp"
#include "store/binary_io.hpp"
#include "store/cache_file.hpp"
#include "store/content_hash.hpp"

namespace atlas {

namespace {

std::string checksum(const char* data, std::size_t size) {
    ContentHash h;
    h.add(std::string_view(data, size));
    return h.hex();
}

}  // namespace

std::optional<std::string> read_memo_body(const std::string& path, const MemoKind& kind, const std::string& key,
                                          std::string& problem) {
    problem.clear();
    OpenCacheFile file(path, kind.max_bytes);
    if (!file.exists()) return std::nullopt;
    if (!file.problem().empty()) return problem = file.problem(), std::nullopt;
    std::optional<std::string> read = file.read_all(problem);
    if (!read) return std::nullopt;
    const std::string& bytes = *read;
    const std::size_t magic = std::strlen(kind.magic);
    if (bytes.compare(0, magic, kind.magic) != 0) return problem = std::string("not a ") + kind.what, std::nullopt;
    Reader r(bytes.data() + magic, bytes.size() - magic);
    auto version = r.get<std::uint32_t>();
    if (r.ok() && version != kind.version) return problem = "memo version " + std::to_string(version), std::nullopt;
    std::string made_for = r.text();
    std::string sum = r.text();
    if (!r.ok()) return problem = "truncated", std::nullopt;
    if (made_for != key) return problem = "made from other data", std::nullopt;
    const char* body = r.position();
    auto body_size = static_cast<std::size_t>(bytes.data() + bytes.size() - body);
    if (checksum(body, body_size) != sum)
        return problem = "its content does not match its checksum (damaged or truncated)", std::nullopt;
    return std::string(body, body_size);
}

void write_memo_file(const std::string& path, const MemoKind& kind, const std::string& key, const std::string& body,
                     bool replace) {
    Writer w;
    w.bytes() = kind.magic;
    w.put(kind.version);
    w.text(key);
    w.text(checksum(body.data(), body.size()));
    w.bytes() += body;
    write_atomically(
        path, replace, kind.what, [&](const std::string& temp) { write_new_file(temp, w.bytes(), path); }, true);
}

}  // namespace atlas
