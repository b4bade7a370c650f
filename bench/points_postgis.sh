#!/usr/bin/env bash
# Count CSV points per prefecture in PostGIS (peer of ClusterAtlas in the points benchmark).
#
#   bench/points_postgis.sh POINTS.csv OUT.csv HOST PORT
#
# HOST is a host name/address or the socket folder of a server started by
#   scripts/postgis-server start DIR PORT      (then HOST=DIR: local socket, trust auth)
# which has the bundled prefectures in atlas.boundaries.prefectures (geom MultiPolygon, SRID 4326).
# The server's start/stop is not part of this script: time this script only.
#
# In one psql session: an UNLOGGED table, \copy the CSV in (the point geometry is a stored generated
# column, ST_SetSRID(ST_MakePoint(lon, lat), 4326), so it is built during the copy), a GiST index on
# the points, ANALYZE, then ST_Contains(prefecture.geom, point) grouped by code, \copy'd out as
# code,points sorted by code (prefectures with no point are left out, as an inner join does).
# A point exactly on a border is in no prefecture (ST_Contains excludes the boundary).
# Analyzes the prefectures table first if it has never been analyzed (see below).
#
# Environment: PGDATABASE (atlas), PGUSER (atlas), PGPASSWORD (atlas-test), PREFECTURES
# (boundaries.prefectures), PTS_TABLE (public.bench_points; dropped before and after),
# TIMING=1 prints each step's time and the backend's peak RSS (VmHWM, counts touched shared_buffers)
# on stderr.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 POINTS.csv OUT.csv HOST PORT" >&2; exit 2; }
csv=$(realpath -e "$1")
out=$(realpath -m "$2")
host=$3 port=$4
case "$csv$out" in *"'"*) echo "$0: paths must not contain a single quote" >&2; exit 2 ;; esac
export PGDATABASE=${PGDATABASE:-atlas} PGUSER=${PGUSER:-atlas} PGPASSWORD=${PGPASSWORD:-atlas-test}
pref=${PREFECTURES:-boundaries.prefectures}
t=${PTS_TABLE:-public.bench_points}
timing=off hwm=
if [ "${TIMING:-0}" = 1 ]; then  # also the server backend's peak RSS (same machine only)
  timing=on
  hwm="SELECT pg_backend_pid() AS pid \\gset
\\setenv BACKEND_PID :pid
\\! echo \"server backend peak RSS: \$(grep VmHWM /proc/\$BACKEND_PID/status)\" >&2"
fi

psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" >&2 <<SQL
\timing $timing
SET client_min_messages = warning;
-- Without statistics on the prefectures (a fresh server before autovacuum gets to them) the planner
-- puts the points outside and probes the prefectures' index, so no prepared geometry is reused:
-- 14 s instead of 1.5 s on 1M points. ANALYZE them once here if nobody has (14 ms).
SELECT coalesce(last_analyze, last_autoanalyze) IS NULL AS need_analyze
  FROM pg_stat_all_tables WHERE relid = '$pref'::regclass \gset
\if :need_analyze
ANALYZE $pref;
\endif
DROP TABLE IF EXISTS $t;
CREATE UNLOGGED TABLE $t (
  id bigint, lon double precision, lat double precision, value double precision,
  geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED);
\copy $t (id, lon, lat, value) FROM '$csv' WITH (FORMAT csv, HEADER true)
CREATE INDEX ON $t USING gist (geom);
ANALYZE $t;
\copy (SELECT p.code, count(*) AS points FROM $pref p JOIN $t x ON ST_Contains(p.geom, x.geom) GROUP BY p.code ORDER BY p.code) TO '$out' WITH (FORMAT csv, HEADER true)
DROP TABLE $t;
$hwm
SQL
