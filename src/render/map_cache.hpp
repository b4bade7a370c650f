#pragma once
/// The viewer's map drawn once into a texture and reused: frames where only the UI, the tooltip or
/// the labels change cost a textured quad, and while the user pans or zooms the cached map is moved
/// and scaled until the camera rests, then redrawn.

#include <memory>

#include "gl_objects.hpp"
#include "map_renderer.hpp"
#include "offscreen.hpp"

namespace atlas::render {

class MapCache {
  public:
    MapCache();
    ~MapCache();
    /// Redraws the map at the camera into the cache (resizing it to the camera's viewport). `quick`
    /// draws without multisampling (about 2.5 times cheaper on llvmpipe): for redraws while the camera
    /// still moves, which a full-quality redraw replaces once it rests.
    void update(MapRenderer& renderer, const Camera& camera, const MapStyle& style, bool quick = false);
    /// Draws the cache into the bound framebuffer, moved and scaled to `camera`; the background shows
    /// where the cache does not reach. The map's rectangle starts `x_offset` pixels from the left and
    /// `y_offset` from the bottom of the framebuffer.
    void draw(const Camera& camera, const MapStyle& style, int x_offset = 0, int y_offset = 0);
    bool valid() const { return shown_ != nullptr; }
    /// The cache shown was drawn quick (update's `quick`): due for a full-quality redraw.
    bool quick() const { return shown_ != nullptr && shown_ == quick_target_.get(); }
    const Camera& camera() const { return cached_; }
    /// Share (0-1) of `camera`'s viewport that the cached image covers once moved and scaled to it:
    /// under 1 after zooming out or panning past its edge; 0 when there is no cache.
    double coverage(const Camera& camera) const;

  private:
    std::unique_ptr<OffscreenTarget> target_, quick_target_;  ///< 4x and 1x multisampled
    OffscreenTarget* shown_ = nullptr;                        ///< the one last drawn
    std::unique_ptr<Program> blit_;
    VertexArray empty_vao_;
    Camera cached_;
};

}  // namespace atlas::render
