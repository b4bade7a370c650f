#pragma once
/// Headless OpenGL 3.3 core rendering: an EGL context without any window system (Mesa's
/// surfaceless platform, llvmpipe on machines without a GPU) and a multisampled framebuffer whose
/// pixels can be read back.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace atlas::render {

class OffscreenContext {
  public:
    /// Creates and makes current an EGL context; throws AtlasError(Output) saying what failed (no EGL
    /// display, no OpenGL 3.3 core context): the machine cannot draw with OpenGL, not a fault of ours.
    OffscreenContext();
    ~OffscreenContext();
    OffscreenContext(const OffscreenContext&) = delete;
    OffscreenContext& operator=(const OffscreenContext&) = delete;
    /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    std::string renderer() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A multisampled colour + stencil target that resolves into RGBA8 pixels.
class OffscreenTarget {
  public:
    OffscreenTarget(int width, int height, int samples = 4);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    void bind();
    /// Resolves the samples into the colour texture.
    void resolve();
    /// The resolved colour texture (valid after resolve()).
    unsigned texture() const { return resolve_colour_; }
    /// Resolves the samples and returns rows top to bottom, 4 bytes per pixel.
    std::vector<std::uint8_t> read_rgba();
    int width() const { return width_; }
    int height() const { return height_; }

  private:
    int width_, height_;
    unsigned msaa_fbo_ = 0, msaa_colour_ = 0, msaa_stencil_ = 0, resolve_fbo_ = 0, resolve_colour_ = 0;
};

/// Writes RGBA rows (top to bottom) as PNG atomically: to a temporary file beside `path`, then
/// renamed. Throws AtlasError(Output) naming the path; an existing file is kept unless `force`.
void write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, bool force);

}  // namespace atlas::render
