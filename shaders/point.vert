#version 330 core
// Hub markers: one instance per point, a square of u_size pixels made round in the fragment shader.
layout(location = 0) in vec2 centre;  // metres, relative
uniform vec4 u_view;
uniform vec2 u_viewport;
uniform float u_size;
out vec2 v_local;
void main() {
    int corner = gl_VertexID % 6;
    vec2 c = vec2((corner == 1 || corner == 2 || corner == 4) ? 1.0 : -1.0,
                  (corner == 2 || corner == 4 || corner == 5) ? 1.0 : -1.0);
    v_local = c;
    vec2 p = (centre - u_view.xy) * u_view.zw + c * u_size / u_viewport;
    gl_Position = vec4(p, 0.0, 1.0);
}
