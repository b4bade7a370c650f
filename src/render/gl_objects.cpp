#include "gl_objects.hpp"

#include <stdexcept>
#include <vector>

namespace atlas::render {

void Buffer::upload(const void* data, std::size_t bytes) {
    glBindBuffer(GL_ARRAY_BUFFER, id_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
}

namespace {
GLuint compile(const char* name, GLenum type, const char* source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        std::vector<char> log(4096);
        glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
        glDeleteShader(shader);
        throw std::runtime_error(std::string("shader ") + name + ": " + log.data());
    }
    return shader;
}
}  // namespace

Program::Program(const char* name, const char* vertex_source, const char* fragment_source) {
    GLuint vs = compile(name, GL_VERTEX_SHADER, vertex_source);
    GLuint fs = compile(name, GL_FRAGMENT_SHADER, fragment_source);
    id_ = glCreateProgram();
    glAttachShader(id_, vs);
    glAttachShader(id_, fs);
    glLinkProgram(id_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::vector<char> log(4096);
        glGetProgramInfoLog(id_, static_cast<GLsizei>(log.size()), nullptr, log.data());
        throw std::runtime_error(std::string("program ") + name + ": " + log.data());
    }
}

}  // namespace atlas::render
