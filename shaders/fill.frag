#version 330 core
// Solid or hatched fill. Hatching (partial members) keeps diagonal stripes of u_hatch pixels period.
uniform vec4 u_color;
uniform float u_hatch;  // 0: solid; else the stripe period in pixels
out vec4 frag_color;
void main() {
    if (u_hatch > 0.0 && mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch) > u_hatch * 0.35) discard;
    frag_color = u_color;
}
