#!/usr/bin/env bash
# The front program (io/program_files.hpp) loads no library it does not call: not GDAL or libpq, not
# PROJ (whose curl and TIFF libraries were half of its start), not GLFW, libepoxy, cairo or FreeType.
# Usage: front_libraries.sh CLUSTERATLAS
set -euo pipefail
needed=$(readelf -d "$1" | grep NEEDED) || { echo "cannot read the libraries $1 needs"; exit 1; }
grep -q "libgeos_c" <<<"$needed" || { echo "expected GEOS among: $needed"; exit 1; }
if banned=$(grep -E "lib(gdal|pq|proj|glfw|epoxy|cairo|freetype|stb)\." <<<"$needed"); then
  echo "the front program loads: $banned"
  exit 1
fi
echo "front program loads $(wc -l <<<"$needed") libraries directly, none of GDAL, libpq, PROJ or the graphics"
