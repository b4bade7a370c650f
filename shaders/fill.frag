#version 330 core
// Solid or hatched fill. u_hatch > 0: "/" stripes of u_hatch pixels period (partial members);
// u_hatch < 0: both diagonals, period -u_hatch (overlaps), so the two patterns never read alike;
// its lines 1 pixel wide at the screen's scale (a tenth of the period): the 2-pixel lines inked two
// thirds of the pixels, and two compared regions that share most members (Harbin-Changchun within the
// Northeast group) read as one dark block with its labels lost. cairo_figure.cpp draws the same.
uniform vec4 u_color;
uniform float u_hatch;  // 0: solid
out vec4 frag_color;
// x + y and x - y of pixel centres are whole numbers; mod() of a whole multiple of the period came
// out just under the period on llvmpipe (x - y * floor(x / y) with an inexact 1 / y), leaving holes
// where the stripes cross. Half a pixel added keeps the test off the boundary: the same pixels
// inked ((x + y) mod period <= fraction * period), robustly.
bool inked(float s, float period, float fraction) {
    return mod(s + 0.5, period) <= period * fraction + 0.5;
}
void main() {
    float period = abs(u_hatch);
    float x = gl_FragCoord.x, y = gl_FragCoord.y;
    if (u_hatch > 0.0 && !inked(x + y, period, 0.35)) discard;
    if (u_hatch < 0.0 && !inked(x + y, period, 0.1) && !inked(x - y, period, 0.1)) discard;
    frag_color = u_color;
}
