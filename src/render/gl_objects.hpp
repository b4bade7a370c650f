#pragma once
/// RAII owners of GL names and a small shader program wrapper. Needs a current GL 3.3 context.

#include <epoxy/gl.h>

#include <string>

namespace atlas::render {

class Buffer {
  public:
    Buffer() { glGenBuffers(1, &id_); }
    ~Buffer() { glDeleteBuffers(1, &id_); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    GLuint id() const { return id_; }
    /// Replaces the contents (GL_STATIC_DRAW).
    void upload(const void* data, std::size_t bytes);

  private:
    GLuint id_ = 0;
};

class VertexArray {
  public:
    VertexArray() { glGenVertexArrays(1, &id_); }
    ~VertexArray() { glDeleteVertexArrays(1, &id_); }
    VertexArray(const VertexArray&) = delete;
    VertexArray& operator=(const VertexArray&) = delete;
    GLuint id() const { return id_; }

  private:
    GLuint id_ = 0;
};

class Program {
  public:
    /// Compiles and links; throws std::runtime_error with the GL log naming `name` on failure.
    Program(const char* name, const char* vertex_source, const char* fragment_source);
    ~Program() { glDeleteProgram(id_); }
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;
    void use() const { glUseProgram(id_); }
    GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

  private:
    GLuint id_ = 0;
};

}  // namespace atlas::render
