#version 330 core
// Outlines of a given pixel width at any zoom: each segment is an instance expanded to a quad here,
// offset along its screen-space normal and extended by half the width at both ends to close joins.
layout(location = 0) in vec2 a;       // segment start (metres, relative)
layout(location = 1) in vec2 b;       // segment end
layout(location = 2) in float along;  // distance from the ring start to a, in metres (for dashes)
uniform vec4 u_view;
uniform vec2 u_viewport;  // framebuffer size in pixels
uniform float u_width;    // pixels
out float v_along_px;
void main() {
    int corner = gl_VertexID % 6;
    float t = (corner == 1 || corner == 2 || corner == 4) ? 1.0 : 0.0;
    float side = (corner == 0 || corner == 1 || corner == 3) ? -1.0 : 1.0;
    vec2 to_ndc = u_view.zw;
    vec2 pa = (a - u_view.xy) * to_ndc, pb = (b - u_view.xy) * to_ndc;
    vec2 pixels_per_ndc = u_viewport * 0.5;
    vec2 d = (pb - pa) * pixels_per_ndc;
    float len = length(d);
    vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    vec2 offset_px = normal * side * u_width * 0.5 + dir * (t * 2.0 - 1.0) * u_width * 0.5;
    vec2 p = mix(pa, pb, t) + offset_px / pixels_per_ndc;
    float metres_per_pixel = 2.0 / (u_view.z * u_viewport.x);
    v_along_px = along / metres_per_pixel + t * len;
    gl_Position = vec4(p, 0.0, 1.0);
}
