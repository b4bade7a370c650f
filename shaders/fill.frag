#version 330 core
// Solid or hatched fill. u_hatch > 0: "/" stripes of u_hatch pixels period (partial members);
// u_hatch < 0: both diagonals, period -u_hatch (overlaps), so the two patterns never read alike.
uniform vec4 u_color;
uniform float u_hatch;  // 0: solid
out vec4 frag_color;
void main() {
    float period = abs(u_hatch);
    if (u_hatch > 0.0 && mod(gl_FragCoord.x + gl_FragCoord.y, period) > period * 0.35) discard;
    if (u_hatch < 0.0 && mod(gl_FragCoord.x + gl_FragCoord.y, period) > period * 0.25 &&
        mod(gl_FragCoord.x - gl_FragCoord.y, period) > period * 0.25)
        discard;
    frag_color = u_color;
}
