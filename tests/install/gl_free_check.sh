#!/usr/bin/env bash
# Core and command line stay free of GL: no source under src/core or src/cli includes a GL, EGL,
# GLFW or Dear ImGui header (except the two files that hand over to the viewer), and a binary built
# without the viewer (ATLAS_HAVE_VIEWER=0) needs no GL library. Usage: gl_free_check.sh SOURCE_DIR BINARY
set -uo pipefail
src=${1:?source dir}
bin=${2:?binary}
pattern='#include *[<"](epoxy/|GL/|GLES|EGL/|GLFW/|imgui|backends/imgui|stb/stb_truetype)'
hits=$(grep -rlE "$pattern" "$src/src/core" "$src/src/cli" | grep -vE '/(render_backend_gl|cmd_view)\.cpp$')
[ -z "$hits" ] || { echo "FAIL: GL, GLFW or ImGui included in core or cli: $hits" >&2; exit 1; }
echo "ok: no GL, EGL, GLFW or ImGui include in src/core or src/cli (but render_backend_gl.cpp, cmd_view.cpp)"
if [ "${ATLAS_HAVE_VIEWER:-1}" = 0 ]; then
  needed=$(readelf -d "$bin" | grep NEEDED | grep -iE 'libGL|libEGL|libOpenGL|glfw|epoxy|imgui' || true)
  [ -z "$needed" ] || { echo "FAIL: the build without the viewer needs: $needed" >&2; exit 1; }
  echo "ok: $(basename "$bin") without the viewer needs no GL library ($(readelf -d "$bin" | grep -c NEEDED) libraries)"
fi
