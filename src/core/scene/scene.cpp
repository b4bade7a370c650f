#include "scene/scene.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace atlas {

namespace {

/// Returns whether every ring of the feature was kept.
bool add_feature(PolygonMesh& mesh, const std::vector<std::size_t>& ring_sizes,
                 const std::vector<ProjectedXY>& projected, std::size_t& next, const ProjectedXY& origin) {
    // Scene metres as floats: ~0.5 m steps at China's scale, far below a pixel.
    bool whole = true;
    mesh.feature_ring_first.push_back(static_cast<std::uint32_t>(mesh.ring_first.size()));
    float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (std::size_t size : ring_sizes) {
        bool finite = true;
        for (std::size_t i = 0; i < size; ++i) finite = finite && std::isfinite(projected[next + i].x);
        if (finite && size >= 3) {
            mesh.ring_first.push_back(static_cast<std::uint32_t>(mesh.xy.size() / 2));
            mesh.ring_count.push_back(static_cast<std::uint32_t>(size));
            for (std::size_t i = 0; i < size; ++i) {
                auto x = static_cast<float>(projected[next + i].x - origin.x);
                auto y = static_cast<float>(projected[next + i].y - origin.y);
                mesh.xy.push_back(x);
                mesh.xy.push_back(y);
                box[0] = std::min(box[0], x), box[1] = std::min(box[1], y);
                box[2] = std::max(box[2], x), box[3] = std::max(box[3], y);
            }
        }
        whole = whole && finite;
        next += size;
    }
    mesh.feature_ring_count.push_back(static_cast<std::uint32_t>(mesh.ring_first.size()) -
                                      mesh.feature_ring_first.back());
    mesh.feature_box.insert(mesh.feature_box.end(), box, box + 4);
    return whole;
}

/// The feature's triangles, offset to its first vertex, when they fit its `vertices`.
void add_triangles(PolygonMesh& mesh, const std::vector<std::uint32_t>& local, std::uint32_t first_vertex,
                   std::size_t vertices) {
    mesh.feature_triangle_first.push_back(static_cast<std::uint32_t>(mesh.triangles.size()));
    bool fits =
        local.size() % 3 == 0 && std::all_of(local.begin(), local.end(), [&](std::uint32_t i) { return i < vertices; });
    if (fits)
        for (std::uint32_t i : local) mesh.triangles.push_back(first_vertex + i);
    mesh.feature_triangle_count.push_back(static_cast<std::uint32_t>(mesh.triangles.size()) -
                                          mesh.feature_triangle_first.back());
}

}  // namespace

PolygonMesh project_polygons(const Projection& projection, const std::vector<const MultiPolygon*>& features,
                             const ProjectedXY& origin, const std::vector<std::vector<std::uint32_t>>* triangles) {
    std::vector<LonLat> vertices;
    std::vector<std::vector<std::size_t>> ring_sizes(features.size());
    for (std::size_t f = 0; f < features.size(); ++f)
        for (const Polygon& p : *features[f]) {
            auto add = [&](const Ring& r) {
                if (r.size() < 4) return;
                vertices.insert(vertices.end(), r.begin(), r.end() - 1);  // drop the closing repeat
                ring_sizes[f].push_back(r.size() - 1);
            };
            add(p.outer);
            for (const Ring& h : p.holes) add(h);
        }
    std::vector<ProjectedXY> projected = projection.forward(vertices);
    PolygonMesh mesh;
    std::size_t next = 0;
    for (std::size_t f = 0; f < features.size(); ++f) {
        auto first_vertex = static_cast<std::uint32_t>(mesh.xy.size() / 2);
        bool whole = add_feature(mesh, ring_sizes[f], projected, next, origin);
        static const std::vector<std::uint32_t> none;
        const std::vector<std::uint32_t>& local =
            whole && triangles != nullptr && f < triangles->size() ? (*triangles)[f] : none;
        add_triangles(mesh, local, first_vertex, mesh.xy.size() / 2 - first_vertex);
    }
    return mesh;
}

namespace {

std::vector<const MultiPolygon*> geometries(const RegionLayer& layer) {
    std::vector<const MultiPolygon*> out;
    for (const Region& r : layer.regions) out.push_back(&r.geometry);
    return out;
}

/// A level's simplified features, or the source's where the level is the source itself (read only
/// then: a simplified level needs none of the layer's geometry).
std::vector<const MultiPolygon*> level_geometry(const LayerDetail& level,
                                                const std::function<std::vector<const MultiPolygon*>()>& source) {
    if (level.features.empty()) return source();
    std::vector<const MultiPolygon*> out;
    for (const MultiPolygon& g : level.features) out.push_back(&g);
    return out;
}

}  // namespace

Scene build_scene(Document& doc, const SceneOptions& options) {
    Projection projection(options.projection);
    Scene scene;
    scene.projection_name = options.projection;
    // The origin is the provinces' extent's centre, the same at every level of detail: as the source
    // stores it where it can be trusted (RegionLayer::stored_extent), else from their geometry.
    Bounds b;
    if (const std::optional<Bounds>& stored = doc.province_units().stored_extent)
        b = *stored;
    else
        for (const Region& p : doc.provinces().regions) b.extend(bounds_of(p.geometry));
    ProjectedXY centre;
    projection.forward({(b.min_lon + b.max_lon) / 2, (b.min_lat + b.max_lat) / 2}, centre);
    scene.origin = centre;
    const DetailLevel& level = doc.detail_level(options.tolerance_m);
    scene.provinces =
        project_polygons(projection, level_geometry(level.provinces, [&] { return geometries(doc.provinces()); }),
                         centre, &level.provinces.triangles);
    scene.prefectures =
        project_polygons(projection, level_geometry(level.prefectures, [&] { return geometries(doc.prefectures()); }),
                         centre, &level.prefectures.triangles);
    if (options.counties) add_county_outlines(doc, scene);
    std::vector<const MultiPolygon*> places;
    for (const Place& p : doc.places().places) {
        const PlaceShape& shape = doc.place_shape(p);
        if (shape.geometry.empty()) continue;
        places.push_back(&shape.geometry);
        scene.places.features.push_back({p.kind, p.partial});
    }
    scene.places.mesh = project_polygons(projection, places, centre);
    std::vector<const MultiPolygon*> regions, partly_in;
    for (const RegionShape* s : doc.shapes()) {
        regions.push_back(&s->geometry);
        SceneRegion region{s->region->id, {}, {}};
        for (const Member& m : s->region->members) {
            if (!m.partial) continue;
            if (county_scoped(m, doc.shaping_counties())) {
                for (const std::string& code : m.counties->partly_included) {
                    region.partial_counties.push_back(static_cast<std::uint32_t>(partly_in.size()));
                    partly_in.push_back(&doc.shaping_counties()->find(code)->geometry);
                }
                continue;
            }
            for (std::size_t i = 0; i < doc.prefecture_units().regions.size(); ++i)
                if (doc.prefecture_units().regions[i].code == m.code)
                    region.partial_units.push_back(static_cast<std::uint32_t>(i));
        }
        scene.regions.features.push_back(std::move(region));
    }
    scene.partial_counties = project_polygons(projection, partly_in, centre);
    scene.regions.mesh = project_polygons(projection, level_geometry(level.regions, [&] { return regions; }), centre,
                                          &level.regions.triangles);
    float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (std::size_t f = 0; f < scene.provinces.features(); ++f)
        for (int k = 0; k < 2; ++k) {
            box[k] = std::min(box[k], scene.provinces.feature_box[f * 4 + static_cast<std::size_t>(k)]);
            box[k + 2] = std::max(box[k + 2], scene.provinces.feature_box[f * 4 + 2 + static_cast<std::size_t>(k)]);
        }
    std::copy(box, box + 4, scene.extent);
    std::vector<const RegionShape*> shapes = doc.shapes();
    for (std::size_t r = 0; r < shapes.size(); ++r)
        for (const Region* hub : shapes[r]->hub_units) {
            auto known = std::find_if(scene.hubs.begin(), scene.hubs.end(),
                                      [&](const HubMarker& m) { return m.code == hub->code; });
            if (known != scene.hubs.end()) {
                known->regions.push_back(static_cast<std::uint32_t>(r));
                continue;
            }
            SceneXY at;
            if (scene_point(projection, scene, hub->seat, at))
                scene.hubs.push_back({at, hub->code, {static_cast<std::uint32_t>(r)}});
        }
    return scene;
}

void add_county_outlines(Document& doc, Scene& scene) {
    if (scene.counties.features() > 0) return;
    if (const RegionLayer* counties = doc.county_display())
        scene.counties = project_polygons(Projection(scene.projection_name), geometries(*counties), scene.origin);
}

namespace {

/// Even-odd test of a point against every ring of one feature of a mesh.
bool inside_feature(const PolygonMesh& mesh, std::size_t feature, double x, double y) {
    bool inside = false;
    for (std::uint32_t r = 0; r < mesh.feature_ring_count[feature]; ++r) {
        std::uint32_t ring = mesh.feature_ring_first[feature] + r;
        std::uint32_t first = mesh.ring_first[ring], n = mesh.ring_count[ring];
        for (std::uint32_t i = 0, j = n - 1; i < n; j = i++) {
            double xi = mesh.xy[2 * (first + i)], yi = mesh.xy[2 * (first + i) + 1];
            double xj = mesh.xy[2 * (first + j)], yj = mesh.xy[2 * (first + j) + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

}  // namespace

bool scene_point(const Projection& projection, const Scene& scene, const LonLat& lonlat, SceneXY& out) {
    ProjectedXY p;
    if (!projection.forward(lonlat, p)) return false;
    out = scene.to_scene(p);
    return true;
}

bool scene_lonlat(const Projection& projection, const Scene& scene, const SceneXY& point, LonLat& out) {
    return projection.inverse(scene.to_projected(point), out);
}

Camera national_view(const Scene& scene, int width, int height) {
    Camera camera;
    camera.width = width;
    camera.height = height;
    camera.fit(scene.extent);
    return camera;
}

bool shows_any_province(const Scene& scene, const Camera& camera) {
    double half_w = camera.width * camera.metres_per_pixel / 2, half_h = camera.height * camera.metres_per_pixel / 2;
    double x0 = camera.cx - half_w, x1 = camera.cx + half_w, y0 = camera.cy - half_h, y1 = camera.cy + half_h;
    const PolygonMesh& mesh = scene.provinces;
    for (std::size_t i = 0; i + 1 < mesh.xy.size(); i += 2)
        if (mesh.xy[i] >= x0 && mesh.xy[i] <= x1 && mesh.xy[i + 1] >= y0 && mesh.xy[i + 1] <= y1) return true;
    for (std::size_t f = 0; f < mesh.features(); ++f) {
        const float* box = &mesh.feature_box[4 * f];
        if (camera.cx >= box[0] && camera.cx <= box[2] && camera.cy >= box[1] && camera.cy <= box[3] &&
            inside_feature(mesh, f, camera.cx, camera.cy))
            return true;
    }
    return false;
}

}  // namespace atlas
