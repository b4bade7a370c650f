#version 330 core
uniform sampler2D u_map;
in vec2 v_uv;
out vec4 frag_color;
void main() { frag_color = texture(u_map, v_uv); }
