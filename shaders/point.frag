#version 330 core
uniform vec4 u_color;
uniform vec4 u_outline;
in vec2 v_local;
out vec4 frag_color;
void main() {
    float r = length(v_local);
    if (r > 1.0) discard;
    frag_color = r > 0.6 ? u_outline : u_color;
}
