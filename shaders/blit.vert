#version 330 core
// Draws the cached map texture as a quad moved and scaled from the camera it was drawn with to the
// current one, so that panning and zooming stay smooth while the map is redrawn only when they stop.
uniform vec4 u_transform;  // scale x, scale y, offset x, offset y (NDC)
out vec2 v_uv;
void main() {
    int corner = gl_VertexID % 6;
    vec2 c = vec2((corner == 1 || corner == 2 || corner == 4) ? 1.0 : -1.0,
                  (corner == 2 || corner == 4 || corner == 5) ? 1.0 : -1.0);
    v_uv = c * 0.5 + 0.5;
    gl_Position = vec4(c * u_transform.xy + u_transform.zw, 0.0, 1.0);
}
