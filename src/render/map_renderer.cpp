#include "map_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "shaders_embedded.hpp"

namespace atlas::render {

/// One polygon layer on the GPU: ring vertices and fill triangles, per-feature box quads (the stencil
/// fallback's cover), segments (lines).
struct MapRenderer::GpuMesh {
    Buffer vertices, triangles, boxes, segments;
    VertexArray fill_vao, box_vao, line_vao;
    std::vector<GLint> ring_first;
    std::vector<GLsizei> ring_count;
    std::vector<std::uint32_t> feature_ring_first, feature_ring_count;
    std::vector<std::uint32_t> feature_triangle_first, feature_triangle_count;
    std::vector<float> feature_box;  ///< min x, min y, max x, max y of each feature (culling)
    std::vector<GLint> feature_segment_first;
    std::vector<GLsizei> feature_segment_count;
    GLsizei segment_total = 0;
};

namespace {

void upload_fill(const PolygonMesh& mesh, Buffer& vertices, Buffer& triangles, VertexArray& vao) {
    glBindVertexArray(vao.id());
    vertices.upload(mesh.xy.data(), mesh.xy.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, triangles.id());  // part of the vertex array's state
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.triangles.size() * sizeof(std::uint32_t)),
                 mesh.triangles.data(), GL_STATIC_DRAW);
}

std::vector<float> box_quads(const PolygonMesh& mesh) {
    std::vector<float> quads;
    for (std::size_t f = 0; f < mesh.features(); ++f) {
        const float* b = &mesh.feature_box[f * 4];
        float q[8] = {b[0], b[1], b[2], b[1], b[0], b[3], b[2], b[3]};  // triangle strip
        quads.insert(quads.end(), q, q + 8);
    }
    return quads;
}

/// Segments a, b and the distance along the ring to a, for every ring edge including the closing one.
std::vector<float> segments(const PolygonMesh& mesh, std::vector<GLint>& first, std::vector<GLsizei>& count) {
    std::vector<float> out;
    for (std::size_t f = 0; f < mesh.features(); ++f) {
        first.push_back(static_cast<GLint>(out.size() / 5));
        for (std::uint32_t r = mesh.feature_ring_first[f]; r < mesh.feature_ring_first[f] + mesh.feature_ring_count[f];
             ++r) {
            std::uint32_t begin = mesh.ring_first[r], n = mesh.ring_count[r];
            float along = 0;
            for (std::uint32_t i = 0; i < n; ++i) {
                const float* a = &mesh.xy[(begin + i) * 2];
                const float* b = &mesh.xy[(begin + (i + 1) % n) * 2];
                out.insert(out.end(), {a[0], a[1], b[0], b[1], along});
                along += std::hypot(b[0] - a[0], b[1] - a[1]);
            }
        }
        count.push_back(static_cast<GLsizei>(out.size() / 5) - first.back());
    }
    return out;
}

void bind_segment_attributes(GLintptr first_segment) {
    const GLsizei stride = 5 * sizeof(float);
    auto offset = [&](int floats) { return reinterpret_cast<const void*>(first_segment * stride + floats * 4); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, offset(0));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, offset(2));
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, offset(4));
}

}  // namespace

MapRenderer::MapRenderer()
    : fill_(std::make_unique<Program>("fill", kShader_fill_vert, kShader_fill_frag)),
      line_(std::make_unique<Program>("line", kShader_line_vert, kShader_line_frag)),
      point_(std::make_unique<Program>("point", kShader_point_vert, kShader_point_frag)) {}

MapRenderer::~MapRenderer() = default;

namespace {
std::unique_ptr<MapRenderer::GpuMesh> make_mesh(const PolygonMesh& mesh);
}

void MapRenderer::upload(const Scene& scene) {
    provinces_ = make_mesh(scene.provinces);
    prefectures_ = make_mesh(scene.prefectures);
    regions_ = make_mesh(scene.regions.mesh);
    partial_counties_ = make_mesh(scene.partial_counties);
    counties_ = make_mesh(scene.counties);
    places_ = make_mesh(scene.places.mesh);
    index_ = ScenePaintIndex::of(scene);
    hub_buffer_ = std::make_unique<Buffer>();
    hub_vao_ = std::make_unique<VertexArray>();
    glBindVertexArray(hub_vao_->id());
    std::vector<float> seats;  // x, y of each hub, the instances of the marker's quad
    for (const HubMarker& h : scene.hubs)
        seats.insert(seats.end(), {static_cast<float>(h.at.x), static_cast<float>(h.at.y)});
    hub_buffer_->upload(seats.data(), seats.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
}

namespace {
std::unique_ptr<MapRenderer::GpuMesh> make_mesh(const PolygonMesh& mesh) {
    auto gpu = std::make_unique<MapRenderer::GpuMesh>();
    upload_fill(mesh, gpu->vertices, gpu->triangles, gpu->fill_vao);
    gpu->feature_triangle_first = mesh.feature_triangle_first;
    gpu->feature_triangle_count = mesh.feature_triangle_count;
    gpu->feature_box = mesh.feature_box;
    gpu->ring_first.assign(mesh.ring_first.begin(), mesh.ring_first.end());
    gpu->ring_count.assign(mesh.ring_count.begin(), mesh.ring_count.end());
    gpu->feature_ring_first = mesh.feature_ring_first;
    gpu->feature_ring_count = mesh.feature_ring_count;
    glBindVertexArray(gpu->box_vao.id());
    std::vector<float> quads = box_quads(mesh);
    gpu->boxes.upload(quads.data(), quads.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(gpu->line_vao.id());
    std::vector<float> segs = segments(mesh, gpu->feature_segment_first, gpu->feature_segment_count);
    gpu->segments.upload(segs.data(), segs.size() * sizeof(float));
    gpu->segment_total = static_cast<GLsizei>(segs.size() / 5);
    for (GLuint a = 0; a < 3; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    bind_segment_attributes(0);
    glBindVertexArray(0);
    return gpu;
}
}  // namespace

bool MapRenderer::in_view(const GpuMesh& mesh, std::size_t feature) const {
    if (4 * feature + 3 >= mesh.feature_box.size()) return true;
    const float* b = &mesh.feature_box[4 * feature];
    return b[0] <= view_box_[2] && b[2] >= view_box_[0] && b[1] <= view_box_[3] && b[3] >= view_box_[1];
}

void MapRenderer::draw_visible_lines(const GpuMesh& mesh, const Rgba& colour, float width, float dash) {
    // Runs of consecutive features in view, one instanced draw each: at Shanghai 250 m/px a few
    // dozen prefectures' segments instead of the whole country's.
    std::size_t n = mesh.feature_segment_first.size();
    for (std::size_t f = 0; f < n;) {
        if (!in_view(mesh, f)) {
            ++f;
            continue;
        }
        std::size_t last = f;
        while (last + 1 < n && in_view(mesh, last + 1)) ++last;
        GLint first = mesh.feature_segment_first[f];
        GLint end = mesh.feature_segment_first[last] + mesh.feature_segment_count[last];
        draw_segments(mesh, first, end - first, colour, width, dash);
        f = last + 1;
    }
}

void MapRenderer::draw_fill(const GpuMesh& mesh, std::size_t feature, const Rgba& colour, float hatch) {
    if (!in_view(mesh, feature)) return;
    fill_->use();
    glUniform4fv(fill_->uniform("u_view"), 1, view_.data());
    if (feature < mesh.feature_triangle_count.size() && mesh.feature_triangle_count[feature] > 0) {
        // Triangulated: every covered pixel drawn once, no stencil pass and no cover quad.
        glStencilFunc(GL_ALWAYS, 0, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
        glUniform4f(fill_->uniform("u_color"), colour.r, colour.g, colour.b, colour.a);
        glUniform1f(fill_->uniform("u_hatch"), hatch);
        glBindVertexArray(mesh.fill_vao.id());
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(mesh.feature_triangle_count[feature]), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(std::uintptr_t{mesh.feature_triangle_first[feature]} *
                                                     sizeof(std::uint32_t)));
        return;
    }
    glUniform1f(fill_->uniform("u_hatch"), 0);  // a hatch would discard fragments before they flip the stencil
    // Pass 1: every ring's fan flips the stencil; pixels inside an odd number of rings end up set.
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glBindVertexArray(mesh.fill_vao.id());
    std::uint32_t first = mesh.feature_ring_first[feature], count = mesh.feature_ring_count[feature];
    if (count > 0)
        glMultiDrawArrays(GL_TRIANGLE_FAN, &mesh.ring_first[first], &mesh.ring_count[first],
                          static_cast<GLsizei>(count));
    // Pass 2: cover the feature's box where the stencil is set, clearing it as we go.
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 0, 0xFF);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
    glUniform4f(fill_->uniform("u_color"), colour.r, colour.g, colour.b, colour.a);
    glUniform1f(fill_->uniform("u_hatch"), hatch);
    glBindVertexArray(mesh.box_vao.id());
    glDrawArrays(GL_TRIANGLE_STRIP, static_cast<GLint>(feature * 4), 4);
}

void MapRenderer::draw_lines(const GpuMesh& mesh, long feature, const Rgba& colour, float width, float dash) {
    if (feature < 0) return draw_visible_lines(mesh, colour, width, dash);
    auto f = static_cast<std::size_t>(feature);
    if (in_view(mesh, f))
        draw_segments(mesh, mesh.feature_segment_first[f], mesh.feature_segment_count[f], colour, width, dash);
}

void MapRenderer::draw_segments(const GpuMesh& mesh, GLint first, GLsizei count, const Rgba& colour, float width,
                                float dash) {
    if (count <= 0) return;
    line_->use();
    glUniform4fv(line_->uniform("u_view"), 1, view_.data());
    glUniform2f(line_->uniform("u_viewport"), viewport_[0], viewport_[1]);
    glUniform1f(line_->uniform("u_width"), width);
    glUniform1f(line_->uniform("u_dash"), dash);
    glUniform4f(line_->uniform("u_color"), colour.r, colour.g, colour.b, colour.a);
    glBindVertexArray(mesh.line_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, mesh.segments.id());
    bind_segment_attributes(first);  // GL 3.3 has no base instance: move the attribute pointers instead
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, count);
    bind_segment_attributes(0);
}

const MapRenderer::GpuMesh* MapRenderer::mesh(MeshLayer layer) const {
    switch (layer) {
        case MeshLayer::Provinces:
            return provinces_.get();
        case MeshLayer::Prefectures:
            return prefectures_.get();
        case MeshLayer::Regions:
            return regions_.get();
        case MeshLayer::PartialCounties:
            return partial_counties_.get();
        case MeshLayer::Counties:
            return counties_.get();
        case MeshLayer::Places:
            return places_.get();
    }
    return nullptr;
}

void MapRenderer::clear(const Rgba& background) {
    glClearColor(background.r, background.g, background.b, 1);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

void MapRenderer::fill(MeshLayer layer, std::size_t feature, const Rgba& colour, float hatch) {
    const GpuMesh* m = mesh(layer);
    if (m == nullptr || feature >= m->feature_ring_first.size()) return;
    glEnable(GL_STENCIL_TEST);  // the fallback fill of a feature without triangles counts windings in it
    draw_fill(*m, feature, colour, hatch);
}

void MapRenderer::lines(MeshLayer layer, long feature, const Rgba& colour, float width, float dash) {
    const GpuMesh* m = mesh(layer);
    if (m == nullptr || (feature >= 0 && static_cast<std::size_t>(feature) >= m->feature_segment_first.size())) return;
    if (colour.a >= 1) {
        glDisable(GL_STENCIL_TEST);
        draw_lines(*m, feature, colour, width, dash);
        return;
    }
    // A translucent line (a wider area's band): each pixel blended once, however many of its segment
    // quads overlap there, as a vector stroke would be. The stencil marks the pixels this call drew.
    if (++line_tag_ == 256) {
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        line_tag_ = 1;
    }
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    glStencilFunc(GL_NOTEQUAL, line_tag_, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    draw_lines(*m, feature, colour, width, dash);
    glDisable(GL_STENCIL_TEST);
}

void MapRenderer::hub(std::size_t h, float size, const Rgba& fill, const Rgba& outline) {
    point_->use();
    glUniform4fv(point_->uniform("u_view"), 1, view_.data());
    glUniform2f(point_->uniform("u_viewport"), viewport_[0], viewport_[1]);
    glUniform1f(point_->uniform("u_size"), size);
    glUniform4f(point_->uniform("u_color"), fill.r, fill.g, fill.b, 1);
    glUniform4f(point_->uniform("u_outline"), outline.r, outline.g, outline.b, 1);
    glBindVertexArray(hub_vao_->id());
    glBindBuffer(GL_ARRAY_BUFFER, hub_buffer_->id());
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, reinterpret_cast<const void*>(h * 2 * sizeof(float)));
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, 1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
}

void MapRenderer::draw(const Camera& camera, const MapStyle& style, int x_offset, int y_offset, float scale) {
    if (!provinces_) return;
    view_ = camera.view_uniform();
    // The view in world metres, with a margin for line widths and hub markers reaching into it.
    double half_w = (camera.width / 2.0 + 16 * scale) * camera.metres_per_pixel;
    double half_h = (camera.height / 2.0 + 16 * scale) * camera.metres_per_pixel;
    view_box_ = {static_cast<float>(camera.cx - half_w), static_cast<float>(camera.cy - half_h),
                 static_cast<float>(camera.cx + half_w), static_cast<float>(camera.cy + half_h)};
    viewport_[0] = static_cast<float>(camera.width);
    viewport_[1] = static_cast<float>(camera.height);
    glViewport(x_offset, y_offset, camera.width, camera.height);
    glEnable(GL_SCISSOR_TEST);  // clear only this map's part of the framebuffer
    glScissor(x_offset, y_offset, camera.width, camera.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    // Colour composited source-over; alpha accumulates towards opaque (the background is opaque).
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    line_tag_ = 0;
    paint_map(*this, index_, camera, style, scale);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace atlas::render
