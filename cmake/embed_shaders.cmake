# Writes OUT: a header with each shader file of SHADERS (comma-separated, in SHADER_DIR) as a raw string constant,
# kShader_<name>_<ext>, so the binary needs no shader files at run time.
set(content "#pragma once\n// Generated from shaders/ by cmake/embed_shaders.cmake; do not edit.\n")
string(REPLACE "," ";" shader_list "${SHADERS}")
foreach(file ${shader_list})
  file(READ "${SHADER_DIR}/${file}" source)
  string(REPLACE "." "_" name "${file}")
  string(APPEND content "inline constexpr const char* kShader_${name} = R\"glsl(${source})glsl\";\n")
endforeach()
file(WRITE "${OUT}" "${content}")
