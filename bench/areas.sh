#!/usr/bin/env bash
# Prints "region area_km2" for every feature of a regions file, areas on the WGS84 ellipsoid
# (SpatiaLite ST_Area with use_ellipsoid), for comparing the outputs of different tools.
# Usage: bench/areas.sh FILE ID_FIELD
set -euo pipefail
layer=$(ogrinfo -ro -q "$1" | sed -n 's/^1: \([^ ]*\).*/\1/p')
ogrinfo -ro -q -dialect SQLite -sql "SELECT \"$2\" AS id, ST_Area(geometry, 1) / 1e6 AS km2 FROM \"$layer\" ORDER BY 1" "$1" |
  awk '/ id \(String\)/ {id=$NF} / km2 \(Real\)/ {print id, $NF}'
