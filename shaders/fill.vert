#version 330 core
// Polygon fills by stencil-then-cover: ring fans flip the stencil (even-odd), then a quad over the
// feature's box is coloured where the stencil is set. Positions are metres relative to the scene origin.
layout(location = 0) in vec2 position;
uniform vec4 u_view;  // centre x, centre y, 2 / (width * metres per pixel), 2 / (height * metres per pixel)
void main() {
    gl_Position = vec4((position.x - u_view.x) * u_view.z, (position.y - u_view.y) * u_view.w, 0.0, 1.0);
}
