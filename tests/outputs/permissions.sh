#!/usr/bin/env bash
# A path the user may not reach is an output or input problem, not an internal error: export (GeoJSON,
# Shapefile, GeoPackage) and render into a folder the user cannot search exit 4, --geodata from it
# exits 3, and into a folder the user cannot write exit 4; each with one line naming the file and the
# reason (Permission denied), and nothing is created.
# As root the tool runs as user nobody (setpriv) against mode-700 folders of root's; as another user
# the folders are made mode 000 / 555.
# Usage: permissions.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) when root without setpriv, or
# when user nobody cannot run the binary (it lies in a folder nobody may not enter).
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2> /dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/common.sh"
chmod 755 "$tmp"
mkdir -p "$tmp/private/sub" "$tmp/readonly"
if [ "$(id -u)" = 0 ]; then
  command -v setpriv > /dev/null || { echo "SKIPPED: needs setpriv to run the tool as user nobody"; exit 77; }
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  "${as[@]}" "$bin" list provinces > /dev/null 2>&1 || { echo "SKIPPED: user nobody cannot run $bin (or read its data)"; exit 77; }
  # The cache is root's too, holding the memos a query keeps (units, fingerprint): another user's cache
  # that nobody may read is not damaged, and costs the commands below no line of their own.
  XDG_CACHE_HOME="$tmp/private/cache" "$bin" show yangtze_river_delta > /dev/null 2>&1 \
    || fail "show (as root, keeping memos in $tmp/private/cache)"
  ls "$tmp/private/cache/clusteratlas" | grep -q '^units-' || fail "show kept no units in $tmp/private/cache"
  export XDG_CACHE_HOME="$tmp/private/cache"
  chmod 700 "$tmp/private"; chmod 755 "$tmp/readonly"
  who="user nobody"
else
  as=()
  chmod 000 "$tmp/private"; chmod 555 "$tmp/readonly"
  who="$(id -un)"
fi

# expect CODE FILE ARGS...: the tool run as $who exits CODE with one line naming FILE and "Permission denied".
expect() {
  local code=$1 file=$2
  shift 2
  "${as[@]}" "$bin" "$@" > /dev/null 2> "$tmp/err" < /dev/null; local rc=$?
  [ $rc = "$code" ] || fail "$*: exit $rc, not $code: $(head -3 "$tmp/err")"
  [ "$(grep -c . "$tmp/err")" = 1 ] || fail "$*: not one line: $(cat "$tmp/err")"
  grep -qF "$file" "$tmp/err" || fail "$*: the message does not name $file: $(cat "$tmp/err")"
  grep -q "Permission denied" "$tmp/err" || fail "$*: the message does not give the reason: $(cat "$tmp/err")"
}
expect 4 "$tmp/private/sub/h.geojson" export --layer hubs -o "$tmp/private/sub/h.geojson"
ok "export into a folder $who cannot search: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err" | sed "s|$tmp/||"))"
expect 4 "$tmp/private/sub/h.shp" export --layer hubs -o "$tmp/private/sub/h.shp"
expect 4 "$tmp/private/sub/h.gpkg" export --layer hubs -o "$tmp/private/sub/h.gpkg"
ok "the same for a Shapefile and a GeoPackage: exit 4"
if [ "${ATLAS_HAVE_VIEWER:-1}" = 1 ]; then  # a build without the viewer has no render
  expect 4 "$tmp/private/sub/x.png" render --size 64x48 -o "$tmp/private/sub/x.png"
  ok "render there: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err" | sed "s|$tmp/||"))"
fi
expect 3 "$tmp/private/sub/x.gpkg" --geodata "$tmp/private/sub/x.gpkg" list provinces
ok "--geodata from there: exit 3 ($(sed 's/^clusteratlas: //' "$tmp/err" | sed "s|$tmp/||"))"
if [ "$(id -u)" = 0 ]; then
  "${as[@]}" "$bin" show yangtze_river_delta > "$tmp/out" 2> "$tmp/err" < /dev/null || fail "show as $who: $(head -3 "$tmp/err")"
  # At most one line: that what is computed cannot be kept (where the shipped store does not serve).
  [ "$(grep -c . "$tmp/err")" -le 1 ] && ! grep -q "rebuilt" "$tmp/err" \
    || fail "show as $who with root's cache: $(head -3 "$tmp/err")"
  grep -q "Yangtze River Delta" "$tmp/out" || fail "show as $who printed $(head -2 "$tmp/out")"
  ok "show as $who beside root's unreadable cache: exit 0, at most one line on stderr$(sed 's/^/: /' "$tmp/err")"
fi
expect 4 "$tmp/readonly/h.geojson" export --layer hubs -o "$tmp/readonly/h.geojson"
expect 4 "$tmp/readonly/h.shp" export --layer hubs -o "$tmp/readonly/h.shp"
[ "${ATLAS_HAVE_VIEWER:-1}" = 1 ] && expect 4 "$tmp/readonly/m.png" render --size 64x48 -o "$tmp/readonly/m.png"
ok "export and render into a folder $who cannot write: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err" | sed "s|$tmp/||"))"
chmod -R u+rwx "$tmp"
left=$(ls -A "$tmp/private/sub" "$tmp/readonly" | grep -v ':$' | grep . | paste -sd' ')
[ -z "$left" ] || fail "files created: $left"
ok "nothing created"

echo "$passed passed, 0 failed"
