#include "store/layer_memo.hpp"

#include "store/binary_io.hpp"
#include "store/memo_file.hpp"

namespace atlas {

namespace {

/// About 40 bytes a unit: 256 MiB is over six million units, far above any administrative layer.
const MemoKind kKind{"CLUSTERATLAS-LAYER-MEMO\n", kLayerMemoVersion, 256u << 20, "layer memo"};

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

}  // namespace

std::optional<DerivedUnits> read_layer_memo(const std::string& path, const std::string& key, std::string& problem) {
    std::optional<std::string> body = read_memo_body(path, kKind, key, problem);
    if (!body) return std::nullopt;
    Reader b(body->data(), body->size());
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
    write_memo_file(path, kKind, key, records(units), replace);
}

std::string layer_memo_name(const std::string& key) { return "layer-" + key + ".memo"; }

}  // namespace atlas
