#version 330 core
// u_dash > 0 draws dashes of that period in pixels (provisional extents).
uniform vec4 u_color;
uniform float u_dash;
in float v_along_px;
out vec4 frag_color;
void main() {
    if (u_dash > 0.0 && mod(v_along_px, u_dash) > u_dash * 0.6) discard;
    frag_color = u_color;
}
