#include "map_cache.hpp"

#include <algorithm>

#include "shaders_embedded.hpp"

namespace atlas::render {

MapCache::MapCache() : blit_(std::make_unique<Program>("blit", kShader_blit_vert, kShader_blit_frag)) {}

MapCache::~MapCache() = default;

void MapCache::update(MapRenderer& renderer, const Camera& camera, const MapStyle& style, bool quick) {
    std::unique_ptr<OffscreenTarget>& target = quick ? quick_target_ : target_;
    if (!target || target->width() != camera.width || target->height() != camera.height)
        target = std::make_unique<OffscreenTarget>(camera.width, camera.height, quick ? 1 : 4);
    GLint previous = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous);
    target->bind();
    renderer.draw(camera, style);
    target->resolve();
    shown_ = target.get();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    cached_ = camera;
}

double MapCache::coverage(const Camera& camera) const {
    if (!shown_ || camera.width <= 0 || camera.height <= 0) return 0;
    // Both views' extents in world metres; the covered share is their overlap over the current one.
    auto overlap = [](double c0, double half0, double c1, double half1) {
        return std::max(0.0, std::min(c0 + half0, c1 + half1) - std::max(c0 - half0, c1 - half1));
    };
    double w = camera.width * camera.metres_per_pixel, h = camera.height * camera.metres_per_pixel;
    double cw = cached_.width * cached_.metres_per_pixel, ch = cached_.height * cached_.metres_per_pixel;
    return overlap(camera.cx, w / 2, cached_.cx, cw / 2) * overlap(camera.cy, h / 2, cached_.cy, ch / 2) / (w * h);
}

void MapCache::draw(const Camera& camera, const MapStyle& style, int x_offset, int y_offset) {
    glViewport(x_offset, y_offset, camera.width, camera.height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x_offset, y_offset, camera.width, camera.height);
    glClearColor(style.background.r, style.background.g, style.background.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    if (!shown_) return;
    // The cached view's rectangle in the current view's NDC.
    double scale = cached_.metres_per_pixel / camera.metres_per_pixel;
    double dx = (cached_.cx - camera.cx) / camera.metres_per_pixel * 2.0 / camera.width;
    double dy = (cached_.cy - camera.cy) / camera.metres_per_pixel * 2.0 / camera.height;
    double sx = scale * cached_.width / camera.width, sy = scale * cached_.height / camera.height;
    glDisable(GL_BLEND);
    glDisable(GL_STENCIL_TEST);
    blit_->use();
    glUniform4f(blit_->uniform("u_transform"), static_cast<float>(sx), static_cast<float>(sy), static_cast<float>(dx),
                static_cast<float>(dy));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, shown_->texture());
    glUniform1i(blit_->uniform("u_map"), 0);
    glBindVertexArray(empty_vao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace atlas::render
