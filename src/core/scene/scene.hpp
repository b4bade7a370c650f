#pragma once
/// What the renderer draws, prepared on the CPU without any GL: projected polygon rings per feature,
/// hub points, and their styling inputs. The renderer uploads these as they are.

#include <cstdint>
#include <string>
#include <vector>

#include "document.hpp"
#include "geo/geometry.hpp"
#include "geo/projection.hpp"
#include "scene/camera.hpp"

namespace atlas {

/// Polygons of one layer, projected to metres relative to the scene origin (floats: ~0.5 m steps
/// at China's scale, far below a pixel).
struct PolygonMesh {
    std::vector<float> xy;                          ///< x, y of every ring vertex (no closing repeat)
    std::vector<std::uint32_t> ring_first;          ///< first vertex of each ring
    std::vector<std::uint32_t> ring_count;          ///< vertices of each ring
    std::vector<std::uint32_t> feature_ring_first;  ///< first ring of each feature
    std::vector<std::uint32_t> feature_ring_count;  ///< rings of each feature
    std::vector<float> feature_box;                 ///< min x, min y, max x, max y of each feature
    /// Fill triangles: vertex indices into xy (three a triangle), each feature's a contiguous run. A
    /// feature with rings but no triangles (GEOS could not triangulate it) is filled by stencil.
    std::vector<std::uint32_t> triangles;
    std::vector<std::uint32_t> feature_triangle_first, feature_triangle_count;

    std::size_t features() const { return feature_ring_first.size(); }
};

/// Projects polygons; a ring whose vertices the projection cannot place is left out. `triangles`,
/// when given, holds each feature's fill triangles (geo/triangulate.hpp's layout); a feature that
/// lost a ring, or whose indices do not fit its vertices, gets none.
PolygonMesh project_polygons(const Projection& projection, const std::vector<const MultiPolygon*>& features,
                             const ProjectedXY& origin,
                             const std::vector<std::vector<std::uint32_t>>* triangles = nullptr);

/// Level of detail: the coarsest level of the document's pyramid (store/detail_levels.hpp) whose
/// tolerance is at most `tolerance_m`; 0 keeps every vertex. Shared borders are simplified once so
/// neighbours stay glued.
struct SceneOptions {
    std::string projection = kDefaultProjection;
    double tolerance_m = 0;
    /// Whether the county-level outlines are read and projected (add_county_outlines later otherwise):
    /// they are drawn only below MapStyle::counties_below_mpp or as a county choropleth, so a national
    /// view never needs the 2,880 units' geometry.
    bool counties = true;
};

/// A hub seat as drawn: where, its prefecture-level unit's GB/T 2260 code, and the regions (plan
/// order, indices into Scene::regions) that name it.
struct HubMarker {
    SceneXY at;
    std::string code;
    std::vector<std::uint32_t> regions;
};

/// What one feature of Scene::regions stands for.
struct SceneRegion {
    std::string id;  ///< the plan's region id
    /// Prefecture features (indices into Scene::prefectures) that are partial members drawn whole
    /// because no source gives their counties (or there is no county layer).
    std::vector<std::uint32_t> partial_units;
    /// Its features in Scene::partial_counties: county-level units a source puts only partly in the
    /// region (成渝's 开州 and 云阳), drawn whole and hatched.
    std::vector<std::uint32_t> partial_counties;
};

/// What one feature of Scene::places stands for.
struct ScenePlace {
    PlaceKind kind = PlaceKind::PilotZone;
    bool partial = false;  ///< covers only parts of what is drawn
};

/// A layer of the scene: its polygons, and for each feature (same index) what it stands for.
template <class Feature>
struct SceneLayer {
    PolygonMesh mesh;
    std::vector<Feature> features;
};

struct Scene {
    std::string projection_name;
    ProjectedXY origin;              ///< projected centre of the data; mesh coordinates are relative to it
    float extent[4] = {0, 0, 0, 0};  ///< min x, min y, max x, max y of the provinces (relative)
    PolygonMesh provinces, prefectures;
    SceneLayer<SceneRegion> regions;  ///< the plan's regions, plan order
    /// County-level units (Document::county_display, layer order); empty without a county layer, or
    /// until add_county_outlines where the scene was built without them.
    PolygonMesh counties;
    /// The plan's places that can be drawn (Document::places order).
    SceneLayer<ScenePlace> places;
    std::vector<HubMarker> hubs;  ///< one per hub seat, however many regions name it
    /// County-level units partly in a region, drawn whole and hatched (SceneRegion::partial_counties).
    PolygonMesh partial_counties;

    SceneXY to_scene(const ProjectedXY& p) const { return {p.x - origin.x, p.y - origin.y}; }
    ProjectedXY to_projected(const SceneXY& p) const { return {p.x + origin.x, p.y + origin.y}; }
};

/// A lon/lat (degrees) as scene metres; false where the projection cannot place it.
bool scene_point(const Projection& projection, const Scene& scene, const LonLat& lonlat, SceneXY& out);
/// The lon/lat (degrees) of a scene point; false where the projection has no inverse there.
bool scene_lonlat(const Projection& projection, const Scene& scene, const SceneXY& point, LonLat& out);

/// Builds the scene of the document's layers in a projection. Throws AtlasError for a bad projection.
Scene build_scene(Document& doc, const SceneOptions& options);

/// Reads the document's county-level units (display geometry) and projects them into the scene's
/// `counties` mesh, in the scene's projection and origin; nothing when there is no county layer or
/// the mesh is already there. Throws AtlasError for a bad projection.
void add_county_outlines(Document& doc, Scene& scene);

/// True when the camera's view (its viewport at its scale) shows some part of a province: a vertex
/// of a province inside the view, or the view's centre inside a province. False for a view of the
/// open sea or of another part of the world, where a render would be one colour.
bool shows_any_province(const Scene& scene, const Camera& camera);

/// The camera that shows all of China (the scene's extent) in `width` x `height` pixels, in the
/// scene's projection.
Camera national_view(const Scene& scene, int width, int height);

}  // namespace atlas
