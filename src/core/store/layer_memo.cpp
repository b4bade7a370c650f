#include "store/layer_memo.hpp"

#include <fstream>
#include <iterator>

#include "io/output_file.hpp"
#include "store/binary_io.hpp"
#include "store/cache_file.hpp"
#include "store/content_hash.hpp"

namespace atlas {

namespace {

constexpr char kMagic[] = "CLUSTERATLAS-LAYER-MEMO\n";
/// About 40 bytes a unit: 256 MiB is over six million units, far above any administrative layer.
constexpr std::uintmax_t kMaxMemoBytes = 256u << 20;

std::string records(const DerivedUnits& units) {
    Writer w;
    w.put(static_cast<std::uint32_t>(units.size()));
    for (const auto& [code, u] : units) {
        w.text(code);
        w.put(static_cast<std::uint8_t>(u.valid));
        w.put(u.area_km2);
        w.put(u.label.lon);
        w.put(u.label.lat);
    }
    return w.bytes();
}

std::string checksum(const std::string& bytes) {
    ContentHash h;
    h.add(std::string_view(bytes));
    return h.hex();
}

}  // namespace

std::optional<DerivedUnits> read_layer_memo(const std::string& path, const std::string& key, std::string& problem) {
    problem.clear();
    CacheFileCheck file = check_cache_file(path, kMaxMemoBytes);
    if (!file.exists) return std::nullopt;
    if (!file.problem.empty()) return problem = file.problem, std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t magic = sizeof kMagic - 1;
    if (bytes.compare(0, magic, kMagic) != 0) return problem = "not a layer memo", std::nullopt;
    Reader r(bytes.data() + magic, bytes.size() - magic);
    auto version = r.get<std::uint32_t>();
    if (r.ok() && version != static_cast<std::uint32_t>(kLayerMemoVersion))
        return problem = "memo version " + std::to_string(version), std::nullopt;
    std::string made_for = r.text();
    std::string sum = r.text();
    if (!r.ok()) return problem = "truncated", std::nullopt;
    if (made_for != key) return problem = "made from another layer", std::nullopt;
    const char* body = r.position();
    std::size_t body_size = static_cast<std::size_t>(bytes.data() + bytes.size() - body);
    if (checksum(std::string(body, body_size)) != sum)
        return problem = "its content does not match its checksum (damaged or truncated)", std::nullopt;
    Reader b(body, body_size);
    DerivedUnits units;
    for (std::uint32_t n = b.count(4 + 1 + 24), i = 0; i < n && b.ok(); ++i) {
        std::string code = b.text();
        DerivedUnit& u = units[code];
        u.valid = b.get<std::uint8_t>() != 0;
        u.area_km2 = b.get<double>();
        u.label = {b.get<double>(), b.get<double>()};
    }
    if (!b.ok() || !b.at_end()) return problem = "malformed", std::nullopt;
    return units;
}

void write_layer_memo(const std::string& path, const std::string& key, const DerivedUnits& units, bool replace) {
    std::string body = records(units);
    Writer w;
    w.bytes() = kMagic;
    w.put(static_cast<std::uint32_t>(kLayerMemoVersion));
    w.text(key);
    w.text(checksum(body));
    w.bytes() += body;
    write_atomically(path, replace, "layer memo",
                     [&](const std::string& temp) { write_new_file(temp, w.bytes(), path); });
}

std::string layer_memo_name(const std::string& key) { return "layer-" + key + ".memo"; }

}  // namespace atlas
