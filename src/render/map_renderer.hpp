#pragma once
/// Draws a Scene with OpenGL 3.3 core: land and region fills (the prepared triangles, each pixel drawn
/// once; stencil-then-cover even-odd fills for a feature without triangles), hatched partial members,
/// features off screen skipped (culled by their boxes), outlines of a
/// fixed pixel width (extruded in the shader), dashed provisional outlines, and hub markers. Needs a current GL
/// context; never throws while drawing.

#include <memory>
#include <vector>

#include "gl_objects.hpp"
#include "scene/camera.hpp"
#include "scene/map_paint.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas::render {

/// The GL backend of scene/map_paint.hpp: paint_map decides what is drawn, this class how.
class MapRenderer : private MapCanvas {
  public:
    /// Compiles the shaders (throws std::runtime_error with the log when one fails).
    MapRenderer();
    ~MapRenderer();
    /// Uploads the meshes; call again after a projection or level-of-detail change.
    void upload(const Scene& scene);
    /// Draws into the bound framebuffer, which must have a stencil buffer, in the camera's viewport
    /// starting `x_offset` pixels from the left and `y_offset` pixels from the bottom (OpenGL's
    /// origin): the map's rectangle between docked panels, or one half of a split view. `scale`:
    /// device pixels per figure pixel (widths grow with it: a 300 dpi print).
    void draw(const Camera& camera, const MapStyle& style, int x_offset = 0, int y_offset = 0, float scale = 1);

    struct GpuMesh;  ///< one layer's GPU buffers (defined in the .cpp)

  private:
    void clear(const Rgba& background) override;
    void fill(MeshLayer layer, std::size_t feature, const Rgba& colour, float hatch) override;
    void lines(MeshLayer layer, long feature, const Rgba& colour, float width, float dash) override;
    void hub(std::size_t hub, float size, const Rgba& fill, const Rgba& outline) override;
    const GpuMesh* mesh(MeshLayer layer) const;
    void draw_fill(const GpuMesh& mesh, std::size_t feature, const Rgba& colour, float hatch);
    void draw_lines(const GpuMesh& mesh, long feature, const Rgba& colour, float width, float dash);
    void draw_visible_lines(const GpuMesh& mesh, const Rgba& colour, float width, float dash);
    void draw_segments(const GpuMesh& mesh, GLint first, GLsizei count, const Rgba& colour, float width, float dash);
    /// Whether a feature's box meets the view being drawn (features off screen are skipped).
    bool in_view(const GpuMesh& mesh, std::size_t feature) const;

    std::unique_ptr<Program> fill_, line_, point_;
    std::unique_ptr<GpuMesh> provinces_, prefectures_, regions_, partial_counties_, counties_, places_;
    ScenePaintIndex index_;
    std::unique_ptr<Buffer> hub_buffer_;
    std::unique_ptr<VertexArray> hub_vao_;
    std::array<float, 4> view_{};
    std::array<float, 4> view_box_{};  ///< min x, min y, max x, max y of the view, world metres
    float viewport_[2] = {1, 1};
    int line_tag_ = 0;  ///< stencil value of the last translucent line drawn (1 to 255)
};

}  // namespace atlas::render
