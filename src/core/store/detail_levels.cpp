// The levels store is a flat binary file, not more GeoPackage tables: a process reads the one level it
// draws, whole (all its vertices and triangle indices), and a flat file gives it with one seek and one
// read, where a GeoPackage parses WKB and runs SQLite per feature (about 10 ms for the bundled
// prefectures alone). Layout, little-endian: magic, u32 version, fingerprint (u32 length + text),
// u32 levels, and per level an index entry: f64 tolerance, u64 offset and u64 size of its block, its
// checksum (u32 length + text); then the blocks. A block holds three layers; per layer u32 features,
// u8 has-geometry, [per feature u32 polygons, per polygon u32 rings, per ring u32 points and f64 lon,
// lat each], per feature u32 indices and u32 each.
#include "store/detail_levels.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

#include "error.hpp"
#include "geo/geos_handle.hpp"
#include "geo/operations.hpp"
#include "geo/simplify_coverage.hpp"
#include "geo/triangulate.hpp"
#include "io/output_file.hpp"
#include "store/binary_io.hpp"
#include "store/content_hash.hpp"
#include "store/parallel_tasks.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

constexpr char kMagic[] = "CLUSTERATLAS-LEVELS\n";
constexpr std::uint32_t kVersion = 1;

void put_layer(Writer& w, const LayerDetail& layer) {
    w.put(static_cast<std::uint32_t>(layer.triangles.size()));
    w.put(static_cast<std::uint8_t>(!layer.features.empty()));
    for (const MultiPolygon& g : layer.features) {
        w.put(static_cast<std::uint32_t>(g.size()));
        for (const Polygon& p : g) {
            w.put(static_cast<std::uint32_t>(1 + p.holes.size()));
            auto ring = [&](const Ring& r) {
                w.put(static_cast<std::uint32_t>(r.size()));
                for (const LonLat& v : r) w.put(v.lon), w.put(v.lat);
            };
            ring(p.outer);
            for (const Ring& h : p.holes) ring(h);
        }
    }
    for (const std::vector<std::uint32_t>& t : layer.triangles) {
        w.put(static_cast<std::uint32_t>(t.size()));
        w.bytes().append(reinterpret_cast<const char*>(t.data()), t.size() * sizeof(std::uint32_t));
    }
}

bool get_layer(Reader& r, LayerDetail& layer) {
    std::uint32_t features = r.count(4);
    bool geometry = r.get<std::uint8_t>() != 0;
    if (geometry) layer.features.resize(features);
    for (MultiPolygon& g : layer.features) {
        g.resize(r.count(4));
        for (Polygon& p : g) {
            std::uint32_t rings = r.count(4);
            if (rings == 0) return false;
            p.holes.resize(rings - 1);
            for (std::uint32_t k = 0; k < rings; ++k) {
                Ring& ring = k == 0 ? p.outer : p.holes[k - 1];
                ring.resize(r.count(16));
                for (LonLat& v : ring) v.lon = r.get<double>(), v.lat = r.get<double>();
            }
        }
    }
    layer.triangles.resize(features);
    for (std::vector<std::uint32_t>& t : layer.triangles) {
        t.resize(r.count(4));
        if (!t.empty()) std::memcpy(t.data(), r.position(), t.size() * 4);
        r.skip(t.size() * 4);
    }
    return r.ok();
}

std::string block(const DetailLevel& level) {
    Writer w;
    for (const LayerDetail* layer : {&level.provinces, &level.prefectures, &level.regions}) put_layer(w, *layer);
    return std::move(w.bytes());
}

std::string checksum(std::string_view bytes) {
    ContentHash h;
    h.add(bytes);
    return h.hex();
}

LayerDetail prepare_layer(const GeosContext& ctx, const std::vector<const MultiPolygon*>& source, double tolerance_m) {
    LayerDetail layer;
    if (tolerance_m > 0) layer.features = simplify_coverage(source, metres_to_degrees(tolerance_m));
    for (std::size_t f = 0; f < source.size(); ++f) {
        if (tolerance_m <= 0) {
            layer.triangles.push_back(triangulate(ctx, *source[f]));
            continue;
        }
        std::vector<std::uint32_t> triangles = triangulate(ctx, layer.features[f]);
        if (triangles.empty() && !layer.features[f].empty()) {
            // Simplification folded a long border chain onto a neighbour's (simplify_coverage.hpp):
            // the repaired feature is drawn instead, filled by triangles like the rest.
            try {
                MultiPolygon repaired = make_valid(ctx, layer.features[f]);
                triangles = triangulate(ctx, repaired);
                if (!triangles.empty()) layer.features[f] = std::move(repaired);
            } catch (const AtlasError&) {  // left to the renderer's stencil fill
            }
        }
        layer.triangles.push_back(std::move(triangles));
    }
    return layer;
}

}  // namespace

double detail_tolerance(double metres_per_pixel) {
    double chosen = 0;
    for (double t : kDetailTolerances)
        if (t <= 0.6 * metres_per_pixel) chosen = t;
    return chosen;
}

DetailLevels compute_detail_levels(const DetailSources& sources,
                                   const std::function<void(std::size_t, std::size_t)>& progress) {
    // One task a layer of a level, one GEOS context each: they share nothing but their read-only
    // sources. Finest level first: the costliest tasks start first, so the cores finish together.
    const std::size_t count = std::size(kDetailTolerances);
    DetailLevels levels(count);
    for (std::size_t i = 0; i < count; ++i) levels[i].tolerance_m = kDetailTolerances[i];
    auto task = [&](std::size_t t, const std::function<void()>& step) {
        GeosContext ctx;
        DetailLevel& level = levels[t / 3];
        const std::size_t layer = t % 3;
        LayerDetail& out = layer == 0 ? level.prefectures : layer == 1 ? level.regions : level.provinces;
        const auto& source = layer == 0 ? sources.prefectures : layer == 1 ? sources.regions : sources.provinces;
        out = prepare_layer(ctx, source, level.tolerance_m);
        step();
    };
    run_parallel(3 * count, 3 * count, task, progress);
    return levels;
}

std::string levels_path_for(const std::string& shapes_store_path) {
    const std::string gpkg = ".gpkg";
    std::string base = shapes_store_path;
    if (base.size() > gpkg.size() && ascii_lower(base.substr(base.size() - gpkg.size())) == gpkg)  // .GPKG too
        base.resize(base.size() - gpkg.size());
    return base + ".levels";
}

std::optional<std::vector<LevelEntry>> read_level_index(std::ifstream& in, const std::string& fingerprint,
                                                        std::string& problem) {
    problem.clear();
    // The header is small: the magic, version, fingerprint and one entry a level.
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    const std::size_t magic = sizeof kMagic - 1;
    if (head.compare(0, magic, kMagic) != 0) return problem = "not a levels store", std::nullopt;
    Reader r(head.data() + magic, head.size() - magic);
    auto version = r.get<std::uint32_t>();
    if (version != kVersion)
        return problem = "store version " + std::to_string(version) + ", not " + std::to_string(kVersion), std::nullopt;
    std::string made_for = r.text();
    if (!r.ok()) return problem = "truncated", std::nullopt;
    if (made_for != fingerprint) return problem = kLevelsOfOtherData, std::nullopt;
    std::vector<LevelEntry> entries(r.count(28));
    for (LevelEntry& e : entries) {
        e.tolerance_m = r.get<double>();
        e.offset = r.get<std::uint64_t>();
        e.size = r.get<std::uint64_t>();
        e.checksum = r.text();
    }
    if (!r.ok()) return problem = "truncated", std::nullopt;
    // The blocks end the file: bytes after the last one are not the writer's.
    std::uint64_t end = 0;
    for (const LevelEntry& e : entries) end = std::max(end, e.offset + e.size);
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::uint64_t>(in.tellg());
    in.clear();
    if (size != end) return problem = size < end ? "truncated" : "bytes after its last level (damaged)", std::nullopt;
    return entries;
}

std::optional<DetailLevel> read_level(std::ifstream& in, const LevelEntry& entry, std::string& problem) {
    std::string bytes;
    if (entry.size > (std::uint64_t{1} << 34)) return problem = "malformed", std::nullopt;
    bytes.resize(static_cast<std::size_t>(entry.size));
    in.seekg(static_cast<std::streamoff>(entry.offset));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in || static_cast<std::size_t>(in.gcount()) != bytes.size()) return problem = "truncated", std::nullopt;
    if (checksum(bytes) != entry.checksum)
        return problem = "its content does not match its checksum (damaged or truncated)", std::nullopt;
    Reader r(bytes.data(), bytes.size());
    DetailLevel level;
    level.tolerance_m = entry.tolerance_m;
    for (LayerDetail* layer : {&level.provinces, &level.prefectures, &level.regions})
        if (!get_layer(r, *layer)) return problem = "truncated", std::nullopt;
    if (!r.at_end()) return problem = "malformed", std::nullopt;
    return level;
}

void write_detail_levels(const std::string& path, const std::string& fingerprint, const DetailLevels& levels,
                         bool replace) {
    std::vector<std::string> blocks;
    for (const DetailLevel& level : levels) blocks.push_back(block(level));
    Writer head;
    head.bytes() = kMagic;
    head.put(kVersion);
    head.text(fingerprint);
    head.put(static_cast<std::uint32_t>(levels.size()));
    std::size_t index_size = 0;
    for (const std::string& b : blocks) index_size += 8 + 8 + 8 + 4 + checksum(b).size();
    std::uint64_t offset = head.bytes().size() + index_size;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        head.put(levels[i].tolerance_m);
        head.put(offset);
        head.put(static_cast<std::uint64_t>(blocks[i].size()));
        head.text(checksum(blocks[i]));
        offset += blocks[i].size();
    }
    for (const std::string& b : blocks) head.bytes() += b;
    write_atomically(
        path, replace, "levels store", [&](const std::string& temp) { write_new_file(temp, head.bytes(), path); },
        true);  // a cache file: whatever is at its path is set aside
}

}  // namespace atlas
