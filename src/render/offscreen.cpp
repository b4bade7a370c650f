#include "offscreen.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>
#include <stb/stb_image_write.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "error.hpp"
#include "io/output_file.hpp"

namespace atlas::render {

struct OffscreenContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
};

namespace {
EGLDisplay surfaceless_display() {
    auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display != nullptr) {
        EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (d != EGL_NO_DISPLAY) return d;
    }
    return eglGetDisplay(EGL_DEFAULT_DISPLAY);
}
}  // namespace

OffscreenContext::OffscreenContext() : impl_(std::make_unique<Impl>()) {
    impl_->display = surfaceless_display();
    if (impl_->display == EGL_NO_DISPLAY || !eglInitialize(impl_->display, nullptr, nullptr))
        throw AtlasError(ErrorKind::Output,
                         "no EGL display for OpenGL without a window (is Mesa's libegl1 installed?)");
    if (!eglBindAPI(EGL_OPENGL_API)) throw AtlasError(ErrorKind::Output, "EGL cannot bind the OpenGL API");
    const EGLint config_attributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                        EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    eglChooseConfig(impl_->display, config_attributes, &config, 1, &count);
    const EGLint context_attributes[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    impl_->context =
        eglCreateContext(impl_->display, count > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, context_attributes);
    if (impl_->context == EGL_NO_CONTEXT)
        throw AtlasError(ErrorKind::Output, "EGL cannot create an OpenGL 3.3 core context");
    if (!eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context))
        throw AtlasError(ErrorKind::Output, "EGL cannot make the context current without a surface");
}

OffscreenContext::~OffscreenContext() {
    eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (impl_->context != EGL_NO_CONTEXT) eglDestroyContext(impl_->display, impl_->context);
    eglTerminate(impl_->display);
}

std::string OffscreenContext::renderer() const {
    const GLubyte* name = glGetString(GL_RENDERER);
    return name != nullptr ? reinterpret_cast<const char*>(name) : "unknown";
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples) : width_(width), height_(height) {
    glGenFramebuffers(1, &msaa_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_);
    glGenRenderbuffers(1, &msaa_colour_);
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_colour_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_colour_);
    // Stencil only: the map never tests depth, and a 24-bit depth beside each stencil byte was 3/4 of
    // this buffer (25 MB of the viewer's 4x target at 1920x1080). A driver that wants depth and
    // stencil together gets them together.
    glGenRenderbuffers(1, &msaa_stencil_);
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_stencil_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_STENCIL_INDEX8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaa_stencil_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, 0);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaa_stencil_);
    }
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("multisampled framebuffer incomplete");
    glGenFramebuffers(1, &resolve_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
    glGenTextures(1, &resolve_colour_);
    glBindTexture(GL_TEXTURE_2D, resolve_colour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolve_colour_, 0);
}

OffscreenTarget::~OffscreenTarget() {
    GLuint fbos[] = {msaa_fbo_, resolve_fbo_};
    GLuint rbs[] = {msaa_colour_, msaa_stencil_};
    glDeleteFramebuffers(2, fbos);
    glDeleteRenderbuffers(2, rbs);
    glDeleteTextures(1, &resolve_colour_);
}

void OffscreenTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_); }

void OffscreenTarget::resolve() {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() {
    resolve();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width_) * height_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<std::uint8_t> flipped(pixels.size());  // GL rows run bottom to top
    std::size_t row = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_; ++y)
        std::memcpy(&flipped[static_cast<std::size_t>(y) * row],
                    &pixels[static_cast<std::size_t>(height_ - 1 - y) * row], row);
    // A figure is opaque: translucent fills were composited onto it, their alpha is not the image's
    // (left as it is, the map would show washed out over a white page and dark over a dark one).
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    return flipped;
}

void write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, bool force) {
    // Encoded in memory, then written through a checked file: stbi's own file writer ignores
    // fwrite and fclose failures, so a full disk would leave a truncated PNG behind a success.
    std::string png;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4) == 0)
        throw AtlasError(ErrorKind::Output, path + ": cannot encode the PNG");
    write_atomically(path, force, "PNG", [&](const std::string& temp) { write_new_file(temp, png, path); });
}

}  // namespace atlas::render
