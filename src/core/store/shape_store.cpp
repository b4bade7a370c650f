#include "store/shape_store.hpp"

#include <cstdlib>
#include <filesystem>
#include <limits>

#include "analysis/region_shapes.hpp"
#include "io/geodata_build.hpp"
#include "io/region_reader.hpp"
#include "io/vector_writer.hpp"
#include "store/cache_file.hpp"
#include "store/content_hash.hpp"
#include "store/shape_store_format.hpp"

namespace atlas {

using namespace shape_store_format;

std::string shapes_fingerprint(const RegionLayer& provinces, const RegionLayer& prefectures, const Plan& plan,
                               const RegionLayer* counties, const PlaceSet* places) {
    ContentHash h;
    h.add(static_cast<std::uint64_t>(kShapeStoreVersion));
    for (const RegionLayer* layer : {&provinces, &prefectures}) {
        h.add(static_cast<std::uint64_t>(layer->regions.size()));
        for (const Region& r : layer->regions) h.add(r.code).add(r.parent_code).add(r.area_km2).add(r.geometry);
    }
    h.add(static_cast<std::uint64_t>(plan.regions.size()));
    for (const PlanRegion& r : plan.regions) {
        h.add(r.id).add(static_cast<std::uint64_t>(r.members.size()));
        for (const Member& m : r.members) {
            h.add(m.code).add(static_cast<std::uint64_t>(m.partial));
            if (!county_scoped(m, counties)) continue;
            // The counties a scope names or implies, as the layer draws them.
            for (const auto* list : {&m.counties->included, &m.counties->partly_included, &m.counties->excluded})
                for (const std::string& code : *list) h.add(code).add(counties->find(code)->geometry);
            for (const Region* c : scoped_counties(m, *counties)) h.add(c->code).add(c->geometry);
        }
    }
    h.add(static_cast<std::uint64_t>(places != nullptr ? places->places.size() : 0));
    if (places != nullptr)
        for (const Place& p : places->places) {
            h.add(p.id).add(static_cast<std::uint64_t>(p.kind)).add(static_cast<std::uint64_t>(p.codes.size()));
            for (const std::string& code : p.codes) {
                h.add(code);
                // A new district is drawn from its counties: their geometry, or that there is none.
                const Region* county =
                    p.kind == PlaceKind::NewDistrict && counties != nullptr ? counties->find(code) : nullptr;
                if (county != nullptr) h.add(county->geometry);
                h.add(static_cast<std::uint64_t>(county != nullptr));
            }
        }
    return h.hex();
}

namespace {

OutLayer shapes_layer(const char* name, const ShapesById& shapes,
                      std::vector<std::pair<std::string, std::string>> meta) {
    OutLayer layer{name,
                   false,
                   {{"id"},
                    {"area_km2", FieldType::Real},
                    {"gaps_km2", FieldType::Real},
                    {"label_lon", FieldType::Real},
                    {"label_lat", FieldType::Real},
                    {"row_checksum"}},
                   {},
                   {},
                   "id",
                   std::move(meta)};
    for (const auto& [id, s] : shapes) {
        OutFeature f;
        f.values = {id, s.area_km2, s.gaps_km2, s.label.lon, s.label.lat, row_checksum(id, s)};
        f.polygons = s.geometry;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

}  // namespace

void write_shape_store(const std::string& path, const std::string& fingerprint, const PreparedShapes& shapes,
                       bool replace) {
    OutLayer regions = shapes_layer(kLayer, shapes.regions,
                                    {{kVersionKey, std::to_string(kShapeStoreVersion)},
                                     {kFingerprintKey, fingerprint},
                                     {kChecksumKey, checksum(shapes)},
                                     {kAreasChecksumKey, areas_checksum(areas_of(shapes.regions))},
                                     {kNeighboursKey, neighbours_text(shapes.neighbours)}});
    write_layers(path, {regions, shapes_layer(kPlaceLayer, shapes.places, {})},
                 WriteOptions{"GPKG", {}, {}, replace, 15, {}, attributes_table_sql(regions), true});
}

std::string prepared_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
        return std::string(xdg) + "/clusteratlas";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
        return std::string(home) + "/.cache/clusteratlas";
    return "";
}

std::string shape_store_name(const std::string& fingerprint) { return "shapes-" + fingerprint + ".gpkg"; }

}  // namespace atlas
