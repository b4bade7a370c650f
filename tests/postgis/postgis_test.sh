#!/usr/bin/env bash
# PostGIS against a real server: a throwaway PostgreSQL 15 + PostGIS 3 cluster (scripts/postgis-server)
# on a loopback port. Reads the boundaries from it and compares every output with the bundled
# GeoPackage's, exports into it and reads the tables back, checks that a failed export leaves no
# table, and that connection problems give one clear line (no password, no hang).
# Usage: postgis_test.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) when no server can start.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
chmod 755 "$tmp"  # the server runs as user postgres when we are root: it must reach its folder
server="$tmp/server"
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { "$root/scripts/postgis-server" stop "$server" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }

if ! pg=$("$root/scripts/postgis-server" start "$server" "$port" 2>"$tmp/start.log"); then
  echo "SKIPPED: no PostgreSQL 15 + PostGIS 3 server could be started: $(tail -1 "$tmp/start.log")"
  exit 77
fi
psql_q() { psql -X -q -t -A -h "$server" -p "$port" -U atlas -d atlas -c "$1"; }
from_pg=(--geodata "$pg" --provinces-layer boundaries.provinces --prefectures-layer boundaries.prefectures)

# Reading: every listing from PostGIS is byte-identical to the same from the bundled GeoPackage.
for args in "list provinces --format csv" "list prefectures --format csv" "coverage --by province --format csv" \
            "coverage --by region --format csv" "show yangtze_river_delta --format json"; do
  "$bin" $args > "$tmp/gpkg.out"
  "$bin" "${from_pg[@]}" $args > "$tmp/pg.out" 2> "$tmp/pg.err" || fail "$args from PostGIS: $(cat "$tmp/pg.err")"
  cmp -s "$tmp/gpkg.out" "$tmp/pg.out" || { diff "$tmp/gpkg.out" "$tmp/pg.out" | head -5; fail "$args differs from PostGIS"; }
  ok "$args: identical from PostGIS ($(wc -l < "$tmp/pg.out") lines)"
done
if [ "${ATLAS_HAVE_VIEWER:-1}" = 1 ]; then  # a build without the viewer has no render
  "$bin" "${from_pg[@]}" render --size 400x300 -o "$tmp/pg.png" 2>/dev/null || fail "render from PostGIS"
  ok "render from PostGIS"
fi

# Export: the regions layer into a table, read back: count, ids and areas (PostGIS geography) within 0.1%.
"$bin" export --layer regions -o "$pg" > "$tmp/export.out" 2>&1 || fail "export to PostGIS: $(cat "$tmp/export.out")"
grep -q "wrote 19 features into PostGIS host 127.0.0.1, port $port, database atlas" "$tmp/export.out" || fail "export message: $(cat "$tmp/export.out")"
grep -q "atlas-test" "$tmp/export.out" && fail "the password is printed"
[ "$(psql_q "SELECT count(*) FROM regions")" = 19 ] || fail "regions table has not 19 rows"
expected=$("$bin" list regions --format csv | tail -n +2 | cut -d, -f1 | LC_ALL=C sort | paste -sd,)
[ "$(psql_q "SELECT string_agg(id, ',' ORDER BY id COLLATE \"C\") FROM regions")" = "$expected" ] || fail "region ids differ"
worst=$(psql_q "SELECT max(abs(ST_Area(geom::geography) / 1e6 - area_km2) / area_km2) FROM regions")
python3 -c "import sys; sys.exit(0 if float('$worst') < 0.001 else 1)" || fail "areas differ by up to $worst"
ok "export regions: 19 rows, same ids, areas within $(python3 -c "print(f'{float(\"$worst\") * 100:.4f}')")%"

# An existing table is kept without --force, replaced with it.
"$bin" export --layer regions -o "$pg" 2> "$tmp/exists.err" && fail "an existing table was replaced without --force"
grep -q "table 'public.regions': exists (use --force" "$tmp/exists.err" || fail "message: $(cat "$tmp/exists.err")"
"$bin" export --layer regions --industry biomedicine -o "$pg" --force 2>/dev/null || fail "--force export"
[ "$(psql_q "SELECT count(*) FROM regions")" = 4 ] || fail "--force did not replace the table"
ok "existing table refused without --force, replaced with it"

# A failure in the middle of an export (the server refuses the fifth table) leaves no table at all.
psql_q "CREATE SCHEMA failing" >/dev/null
psql_q "CREATE FUNCTION refuse_coverage() RETURNS event_trigger LANGUAGE plpgsql AS \$\$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity = 'failing.coverage') THEN
    RAISE EXCEPTION 'the test refuses table failing.coverage';
  END IF;
END \$\$" >/dev/null
psql_q "CREATE EVENT TRIGGER refuse_coverage ON ddl_command_end EXECUTE FUNCTION refuse_coverage()" >/dev/null
set +e; "$bin" export --layer all -o "$pg active_schema=failing" 2> "$tmp/failing.err"; code=$?; set -e
[ "$code" = 4 ] || fail "failed export exit code $code: $(cat "$tmp/failing.err")"
[ "$(wc -l < "$tmp/failing.err")" = 1 ] || fail "failed export: not one line: $(cat "$tmp/failing.err")"
[ "$(psql_q "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'failing'")" = 0 ] \
  || fail "a failed export left tables: $(psql_q "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'failing'")"
ok "failed export ($(cut -c1-90 "$tmp/failing.err")...) left no table"

# Interrupted (Ctrl-C) while writing: the server holds the new table for 3 s (a test trigger) so that
# the interrupt surely lands mid-export; the transaction is rolled back and no table is left.
psql_q "CREATE SCHEMA interrupted" >/dev/null
psql_q "CREATE FUNCTION slow_prefectures() RETURNS event_trigger LANGUAGE plpgsql AS \$\$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity = 'interrupted.prefectures') THEN
    PERFORM pg_sleep(3);
  END IF;
END \$\$" >/dev/null
psql_q "CREATE EVENT TRIGGER slow_prefectures ON ddl_command_end EXECUTE FUNCTION slow_prefectures()" >/dev/null
"$bin" export --layer prefectures -o "$pg active_schema=interrupted" 2> "$tmp/interrupted.err" &
export_pid=$!
sleep 1.5
kill -INT "$export_pid"
set +e; wait "$export_pid"; code=$?; set -e
[ "$code" = 4 ] || fail "interrupted export exit code $code: $(cat "$tmp/interrupted.err")"
grep -q "interrupted" "$tmp/interrupted.err" || fail "interrupted export message: $(cat "$tmp/interrupted.err")"
[ "$(psql_q "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'interrupted'")" = 0 ] \
  || fail "an interrupted export left a table"
ok "interrupted export ($(cat "$tmp/interrupted.err")) left no table"

# Connection problems: one line naming host, port and database, a non-zero exit, no password, no hang.
expect_error() {  # expect_error CODE TEXT ARGS...
  local code=$1 text=$2; shift 2
  set +e; timeout 30 "$bin" "$@" > /dev/null 2> "$tmp/err"; local got=$?; set -e
  [ "$got" = "$code" ] || fail "$* exited $got, not $code: $(cat "$tmp/err")"
  [ "$(wc -l < "$tmp/err")" = 1 ] || fail "$*: not one line: $(cat "$tmp/err")"
  grep -qF -- "$text" "$tmp/err" || fail "$*: no '$text' in: $(cat "$tmp/err")"
  grep -q "atlas-test" "$tmp/err" && fail "$*: the password is printed"
  ok "$(cut -c1-110 "$tmp/err")"
}
down="PG:host=127.0.0.1 port=$((port + 1)) dbname=atlas user=atlas password=atlas-test"
expect_error 3 "PostGIS host 127.0.0.1, port $((port + 1)), database atlas: cannot connect" --geodata "$down" list provinces
expect_error 4 "PostGIS host 127.0.0.1, port $((port + 1)), database atlas: cannot connect" export -o "$down"
expect_error 3 "password authentication failed" --geodata "${pg/atlas-test/wrong}" list provinces
expect_error 3 "database atlas: no layer 'boundaries.nothere'" --geodata "$pg" --provinces-layer boundaries.nothere list provinces
# A layer listed but not read (the server cancelled the query: here a lock another session holds,
# with lock_timeout) was "no layer 'boundaries.provinces' (layers: boundaries.provinces, ...)".
psql_q "BEGIN; LOCK TABLE boundaries.provinces IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT" > /dev/null &
locker=$!
for _ in $(seq 100); do
  [ "$(psql_q "SELECT count(*) FROM pg_locks WHERE relation = 'boundaries.provinces'::regclass AND mode = 'AccessExclusiveLock' AND granted")" = 1 ] && break
  sleep 0.1
done
expect_error 3 "layer 'boundaries.provinces' is there but could not be read (canceling statement due to lock timeout)" \
  --geodata "$pg options='-c lock_timeout=300'" --provinces-layer boundaries.provinces --prefectures-layer boundaries.prefectures list provinces
psql_q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'BEGIN; LOCK TABLE%' AND pid <> pg_backend_pid()" > /dev/null
wait $locker 2> /dev/null || true
expect_error 3 "database nopostgis: the PostGIS extension is not installed" --geodata "${pg/dbname=atlas/dbname=nopostgis}" list provinces
expect_error 4 "database nopostgis: the PostGIS extension is not installed" export -o "${pg/dbname=atlas/dbname=nopostgis}"
expect_error 2 "--format PostgreSQL writes to a database" export --format PostgreSQL -o "$tmp/x.geojson"

# Connection strings as users write them: "pg:" in lower case, a URI, spaces before the prefix; libpq
# parses them, and a password with an unquoted space is refused without a word of it printed.
uri="postgresql://atlas:atlas-test@127.0.0.1:$port/atlas"
for source in "${pg/PG:/pg:}" "$uri" "  $pg"; do
  "$bin" --geodata "$source" --provinces-layer boundaries.provinces --prefectures-layer boundaries.prefectures \
    list provinces --format csv > "$tmp/forms.out" 2> "$tmp/forms.err" || fail "reading through '${source/atlas-test/***}': $(cat "$tmp/forms.err")"
  [ "$(wc -l < "$tmp/forms.out")" = 35 ] || fail "reading through '${source/atlas-test/***}' gave $(wc -l < "$tmp/forms.out") lines"
done
ok "pg:, postgresql:// and ' PG:' connection strings read the same 34 provinces"
expect_error 3 "libpq cannot parse it (quote a value with spaces in single quotes" --geodata "${pg/password=atlas-test/password=atlas-test horse}" list provinces
grep -q horse "$tmp/err" && fail "a word of the password is printed"

# A schema that does not exist is refused before anything is written, never redirected into public.
psql_q "CREATE TABLE public.hubs(id int, note text); INSERT INTO public.hubs VALUES (1, 'a user table')" >/dev/null
expect_error 4 "database atlas: no schema 'atlsa' (create it first" export --layer hubs -o "$pg active_schema=atlsa" --force
[ "$(psql_q "SELECT count(*) FROM public.hubs")" = 1 ] || fail "public.hubs was replaced"
[ "$(psql_q "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlsa'")" = 0 ] || fail "a schema atlsa was created"
"$bin" export --layer hubs -o "$pg" --table missing.hubs 2> "$tmp/err" && fail "--table into a missing schema was written"
grep -q "no schema 'missing'" "$tmp/err" || fail "--table missing.hubs: $(cat "$tmp/err")"
ok "a missing schema (active_schema or --table) is refused; the user's public.hubs untouched"

# GDAL's driver launders a table's name: --table My-Table is created as my_table, and said so (it
# reported public.My-Table, and a second export failed in GDAL's words instead of "exists").
"$bin" export --layer hubs -o "$pg" --table My-Table > "$tmp/mixed.out" 2>&1 || fail "--table My-Table: $(cat "$tmp/mixed.out")"
grep -q "table public.my_table " "$tmp/mixed.out" || fail "--table My-Table reported as: $(cat "$tmp/mixed.out")"
[ "$(psql_q "SELECT count(*) FROM public.my_table")" = 16 ] || fail "my_table has not the 16 hubs"
expect_error 4 "table 'public.my_table': exists (use --force" export --layer hubs -o "$pg" --table My-Table
ok "--table My-Table: created, reported and checked as my_table"

# The server refuses the write: the reason (after ERROR:), not the SQL statement, in one short line.
expect_error 4 "in a read-only transaction" export --layer regions --force \
  -o "$pg options='-c default_transaction_read_only=on'"
[ "$(head -1 "$tmp/err" | wc -m)" -le 300 ] || fail "read-only: a line of $(head -1 "$tmp/err" | wc -m) characters"

# Points counted in the database (push-down): 10 million points made by the server, counted there in
# one SQL statement (no point leaves it), and counted locally from the same points written to CSV:
# every count, sum and share per prefecture-level unit the same. Then, on a 200,000-point table, the
# other levels, the industries, a GCJ-02 table and the errors.
psql_q "SELECT setseed(0.2016);
  CREATE TABLE pts AS SELECT i AS id, 73.4991 + random() * 61.5878 AS lon, 18.1449 + random() * 35.4171 AS lat,
    round((random() * 100)::numeric, 2)::float8 AS value,
    (ARRAY['next_gen_it', 'biomedicine', 'New energy', 'textiles'])[1 + (i % 4)] AS industry
  FROM generate_series(1, 10000000) i;
  ALTER TABLE pts ADD COLUMN geom geometry(Point, 4326);
  UPDATE pts SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
  CREATE INDEX ON pts USING gist (geom); ANALYZE pts;" >/dev/null
start=$SECONDS
"$bin" points "$pg" --table pts --by prefecture --value value --max-outside 100 --format csv > "$tmp/pushed.csv" \
  2> "$tmp/pushed.err" || fail "points in PostGIS: $(cat "$tmp/pushed.err")"
pushed_s=$((SECONDS - start))
psql -X -q -h "$server" -p "$port" -U atlas -d atlas \
  -c "\\copy (SELECT id, lon, lat, value, industry FROM pts ORDER BY id) TO '$tmp/pts.csv' WITH (FORMAT csv, HEADER true)"
"$bin" points "$tmp/pts.csv" --by prefecture --value value --max-outside 100 --format csv > "$tmp/local.csv" 2>/dev/null \
  || fail "the same points from CSV"
# Counts and shares exactly; sums and means to the cent (the server adds in another order).
cmp -s <(cut -d, -f1-9 "$tmp/pushed.csv") <(cut -d, -f1-9 "$tmp/local.csv") \
  || { diff "$tmp/pushed.csv" "$tmp/local.csv" | head -5; fail "PostGIS and local counts differ"; }
paste -d, <(cut -d, -f10,11 "$tmp/pushed.csv") <(cut -d, -f10,11 "$tmp/local.csv") | tail -n +2 \
  | awk -F, '{ for (i = 1; i <= 2; i++) { d = $i - $(i + 2); if (d > 0.011 || d < -0.011) { print; exit 1 } } }' \
  || fail "PostGIS and local sums differ by more than rounding"
grep -q "10,000,000 points" "$tmp/pushed.err" || fail "push-down summary: $(cat "$tmp/pushed.err")"
located=$(tail -n +2 "$tmp/local.csv" | awk -F, '{ s += $6 } END { print s }')
ok "10,000,000 points counted in PostGIS (${pushed_s} s) and locally: identical per prefecture ($located in a unit)"

psql_q "CREATE TABLE pts_small AS SELECT * FROM pts WHERE id <= 200000; ANALYZE pts_small" >/dev/null
head -200001 "$tmp/pts.csv" > "$tmp/small.csv"
levels="region province industry"  # and county where the county layer is installed
"$bin" points "$tmp/small.csv" --by county --max-outside 100 --format csv >/dev/null 2>&1 && levels="$levels county"
for by in $levels; do
  industry=""  # the industry column is read by --by industry only (refused elsewhere)
  [ "$by" = industry ] && industry="--industry-column industry"
  "$bin" points "$pg" --table pts_small --by "$by" $industry --max-outside 100 --format csv \
    > "$tmp/pushed.csv" 2>/dev/null || fail "points --by $by in PostGIS"
  "$bin" points "$tmp/small.csv" --by "$by" $industry --max-outside 100 --format csv \
    > "$tmp/local.csv" 2>/dev/null || fail "points --by $by from CSV"
  cmp -s "$tmp/pushed.csv" "$tmp/local.csv" || { diff "$tmp/pushed.csv" "$tmp/local.csv" | head -5; fail "--by $by differs"; }
done
ok "200,000 points by ${levels// /, }: identical in PostGIS and locally"

# The same table declared GCJ-02 (AMap's datum): PostGIS gets the units moved into GCJ-02 and keeps
# the points as they are; locally the points are moved to WGS84. The two agree but for points within
# a hair of a border (the forward and inverse conversions meet to about 1e-9 degree).
"$bin" points "$pg" --table pts_small --points-datum gcj02 --max-outside 100 --format csv > "$tmp/pushed.csv" \
  2>/dev/null || fail "points in GCJ-02 in PostGIS"
"$bin" points "$tmp/small.csv" --points-datum gcj02 --max-outside 100 --format csv > "$tmp/local.csv" 2>/dev/null \
  || fail "points in GCJ-02 from CSV"
"$bin" points "$tmp/small.csv" --max-outside 100 --format csv > "$tmp/wgs.csv" 2>/dev/null
moved=$(diff <(cut -d, -f1,6 "$tmp/local.csv") <(cut -d, -f1,6 "$tmp/wgs.csv") | grep -c '^<' || true)
differ=$(diff <(cut -d, -f1,6 "$tmp/pushed.csv") <(cut -d, -f1,6 "$tmp/local.csv") | grep -c '^<' || true)
[ "$moved" -gt 50 ] || fail "declaring GCJ-02 moved points between units in only $moved units"
[ "$differ" -le 2 ] || fail "GCJ-02 in PostGIS and locally differ in $differ units"
ok "declared GCJ-02: units shipped in GCJ-02 count as the points moved to WGS84 ($moved units changed, $differ differ)"

expect_error 3 "no such table with a geometry column" points "$pg" --table no_such_table
expect_error 2 "name their table with --table" points "$pg"

# Points the count would drop or put outside every unit without a word are refused, each kind with a
# row named (NULL, EMPTY, NaN and off-globe points were counted as outside or left out); a --value
# column of text or a missing column is named (the server's "function sum(text) does not exist").
psql_q "CREATE TABLE pts_bad (id integer PRIMARY KEY, geom geometry(Geometry, 4326), label text, n float8);
  INSERT INTO pts_bad VALUES (1, ST_SetSRID(ST_MakePoint(121.47, 31.23), 4326), 'a', 1),
    (2, NULL, 'b', 2), (3, ST_GeomFromText('POINT EMPTY', 4326), 'c', 3),
    (4, ST_SetSRID(ST_MakePoint('NaN', 31), 4326), 'd', 4), (5, ST_SetSRID(ST_MakePoint(200, 31), 4326), 'e', 5),
    (6, ST_SetSRID(ST_MakePoint(201, 31), 4326), 'f', 6)" >/dev/null
expect_error 3 "table 'pts_bad': row id=3: an empty geometry; row id=4: POINT(NaN 31): coordinates off the globe (longitude -180..180, latitude -90..90) (and 2 more rows like it); row id=2: no geometry" points "$pg" --table pts_bad
psql_q "DELETE FROM pts_bad WHERE id > 1" >/dev/null
expect_error 3 "table 'pts_bad': --value column 'label' holds text, not numbers" points "$pg" --table pts_bad --value label
expect_error 3 "table 'pts_bad': --value names no column of it: 'nope' (columns: geom, id, label, n)" points "$pg" --table pts_bad --value nope
# A MultiPoint's points are counted one by one (one in Shanghai, one in Beijing), as from a file; a
# column without an SRID is read as lon/lat, said once.
psql_q "CREATE TABLE pts_multi (id integer PRIMARY KEY, geom geometry);
  INSERT INTO pts_multi VALUES (1, ST_GeomFromText('MULTIPOINT((121.47 31.23),(116.40 39.90))')),
    (2, ST_GeomFromText('POINT(121.48 31.22)'))" >/dev/null
"$bin" points "$pg" --table pts_multi --by province --format csv > "$tmp/multi.csv" 2> "$tmp/multi.err" \
  || fail "MultiPoints without SRID: $(cat "$tmp/multi.err")"
grep -q '^310000,.*,2,' "$tmp/multi.csv" || fail "MultiPoint: Shanghai does not count 2 points: $(grep 310000 "$tmp/multi.csv")"
grep -q '^110000,.*,1,' "$tmp/multi.csv" || fail "MultiPoint: Beijing does not count 1 point: $(grep 110000 "$tmp/multi.csv")"
grep -q "has no SRID (0): its coordinates are read as longitude and latitude" "$tmp/multi.err" \
  || fail "SRID 0 not said: $(cat "$tmp/multi.err")"
grep -q "table 'pts_multi': row id=1 is a MultiPoint of 2 points, each counted as a point" "$tmp/multi.err" \
  || fail "MultiPoint counted point by point without a word: $(cat "$tmp/multi.err")"
# With a value, a MultiPoint of several points is refused: its value would be summed once a point.
psql_q "ALTER TABLE pts_multi ADD COLUMN v float8; UPDATE pts_multi SET v = 3" >/dev/null
expect_error 3 "table 'pts_multi': row id=1: a MultiPoint of 2 points with a value in 'v': it would be summed 2 times, once a point" points "$pg" --table pts_multi --value v
ok "MultiPoints counted point by point, SRID 0 read as lon/lat and said; with a value refused"

# The server's warnings while counting are said as notes, one line each (libpq printed them unprefixed,
# with its tab and line break: "WARNING:  ...").
psql_q "CREATE FUNCTION noisy(g geometry) RETURNS geometry LANGUAGE plpgsql AS \$\$
BEGIN RAISE WARNING 'noisy point %', ST_AsText(g); RETURN g; END \$\$;
  CREATE VIEW pts_noisy AS SELECT id, noisy(geom) AS geom FROM pts_multi WHERE id = 2" >/dev/null
"$bin" points "$pg" --table pts_noisy --by province --format csv > "$tmp/noisy.csv" 2> "$tmp/noisy.err" \
  || fail "points from a noisy view: $(cat "$tmp/noisy.err")"
grep -q "^note: PostGIS host 127.0.0.1, port $port, database atlas.*, table 'pts_noisy': the server says: WARNING: noisy point POINT(121.48 31.22)" "$tmp/noisy.err" \
  || fail "server warning not said as a note: $(cat "$tmp/noisy.err")"
grep -q "^WARNING" "$tmp/noisy.err" && fail "server warning printed unprefixed: $(cat "$tmp/noisy.err")"
ok "the server's warnings said as notes ($(grep -c 'the server says' "$tmp/noisy.err") lines)"
# A view has no ctid: its bad rows are named by their number as read (the check failed on "column
# p.ctid does not exist").
psql_q "CREATE VIEW pts_bad_view AS SELECT geom FROM pts_bad UNION ALL SELECT NULL::geometry(Geometry, 4326)" >/dev/null
expect_error 3 "table 'pts_bad_view': row #2: no geometry" points "$pg" --table pts_bad_view

# Names PostgreSQL would cut at 63 bytes are refused before anything is written (two long columns
# became one, "specified more than once"; a long table name lost its index).
long=$(printf 'x%.0s' $(seq 1 70))
printf 'code,%sa,%sb\n110000,1,2\n' "$long" "$long" > "$tmp/long.csv"
expect_error 4 "column name of table 'public.data': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (71 bytes): PostgreSQL keeps names of at most 63 bytes" export --layer data --data "$tmp/long.csv" -o "$pg"
expect_error 4 "(72 bytes): PostgreSQL keeps names of at most 63 bytes (give a shorter one with --table)" export --layer regions --table "${long}xy" -o "$pg"

# The README's PostGIS examples, as written ($PG: this server; the schema it names created first; the
# search path set to public, as the README's user "analyst" has it: for user "atlas" the server would
# otherwise put unqualified tables into the schema "atlas" too).
psql_q "DROP TABLE IF EXISTS public.regions; CREATE SCHEMA atlas" >/dev/null
README_PG="$pg options='-c search_path=public'" /usr/bin/python3 "$root/tests/readme_examples.py" "$bin" > "$tmp/readme.out" 2>&1 \
  || fail "README PostGIS examples: $(grep -v '^ok' "$tmp/readme.out")"
[ "$(psql_q "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'atlas'")" = 6 ] \
  || fail "README: export --layer all into schema atlas did not write six tables (without the county layer, counties and new districts are left out)"
[ "$(psql_q "SELECT count(*) FROM public.regions")" = 19 ] || fail "README: export --layer regions did not write public.regions"
ok "README PostGIS examples run as written ($(tail -1 "$tmp/readme.out"))"

# A table's column names PostgreSQL launders: written, and said ("GDP-2016" was refused as a dropped
# field, exit 4); "a" after "A" keeps its own values (a lookup by name wrote them into A's column).
printf 'code,GDP-2016,A,a\n110000,1,2,3\n' > "$tmp/names.csv"
"$bin" export --data "$tmp/names.csv" -o "$pg" --table public.names > "$tmp/names.out" 2> "$tmp/names.err" \
  || fail "export of laundered names: $(cat "$tmp/names.err")"
grep -q "field names written as PostgreSQL keeps them.*names.GDP-2016 as gdp_2016" "$tmp/names.err" \
  || fail "laundered names not said: $(cat "$tmp/names.err")"
[ "$(psql_q "SELECT gdp_2016, a, data_a FROM public.names WHERE code = '110000'")" = "1|2|3" ] \
  || fail "laundered names: $(psql_q "SELECT gdp_2016, a, data_a FROM public.names WHERE code = '110000'")"
ok "export --data with GDP-2016, A and a: written as gdp_2016, a, data_a with their own values, the renames said"

echo "$passed passed, 0 failed"
