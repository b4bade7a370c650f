#!/usr/bin/env bash
# An export that does not fit on the disk fails cleanly in every format: on a 2 MB tmpfs, the
# prefectures (8-19 MB in each format) exit 4 with one line naming the target and saying "No space left
# on device"; no target is created (no file of a Shapefile set), an existing target (a small export of
# the hubs, replaced with --force) stays byte for byte, and nothing is left beside it.
# Formats: FlatGeobuf, GeoPackage, Shapefile, GeoJSON, GeoJSONSeq, CSV, KML.
# Usage: full_disk_formats.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) where no tmpfs can be
# mounted (not root).
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
disk="$tmp/disk"
mounted=""
cleanup() { [ -n "$mounted" ] && umount "$disk" 2> /dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/common.sh"
mkdir "$disk"
mount -t tmpfs -o size=2m tmpfs "$disk" 2> /dev/null || { echo "SKIPPED: cannot mount a 2 MB tmpfs (needs root)"; exit 77; }
mounted=1

# The files of a target: a Shapefile's set, else the file itself.
files_of() { case $1 in *.shp) echo "${1%.shp}".{shp,shx,dbf,prj,cpg} ;; *) echo "$1" ;; esac; }
# full FILE [--force]: exports the prefectures to $disk/FILE; exit 4, one line naming it, the full disk.
full() {
  local f=$1
  shift
  "$bin" export --layer prefectures -o "$disk/$f" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null; local rc=$?
  [ $rc = 4 ] || fail "$f$( [ $# -gt 0 ] && echo " $*") on a full disk: exit $rc, not 4: $(head -3 "$tmp/err" | sed 's/^clusteratlas: //' | paste -sd' ')$( [ -f "$disk/$f" ] && echo " ($f: $(stat -c %s "$disk/$f") bytes on the 2 MB disk)")"
  [ "$(grep -c . "$tmp/err")" = 1 ] || fail "$f on a full disk: not one line: $(cat "$tmp/err")"
  grep -qF "$disk/$f: " "$tmp/err" || fail "$f on a full disk: the message does not name it: $(cat "$tmp/err")"
  grep -q "No space left on device" "$tmp/err" || fail "$f on a full disk: the message does not say so: $(cat "$tmp/err")"
}
for f in p.fgb p.gpkg p.shp p.geojson p.geojsonl p.csv p.kml; do
  full $f
  left=$(ls -A "$disk" | paste -sd' ')
  [ -z "$left" ] || fail "$f on a full disk: left $left"
  ok "$f, a new target: exit 4, nothing written ($(sed 's/^clusteratlas: //' "$tmp/err" | sed "s|$disk/||"))"
  "$bin" export --layer hubs -o "$disk/$f" > /dev/null 2> "$tmp/err" || fail "export --layer hubs -o $f: $(cat "$tmp/err")"
  mkdir "$tmp/old"; for x in $(files_of $f); do cp "$disk/$x" "$tmp/old/"; done
  full $f --force
  for x in $(files_of $f); do cmp -s "$disk/$x" "$tmp/old/$x" || fail "$f --force on a full disk: $x is no longer the old file"; done
  left=$(ls -A "$disk" | grep -v -x -F "$(files_of $f | tr ' ' '\n')" | paste -sd' ')
  [ -z "$left" ] || fail "$f --force on a full disk: left $left"
  ok "$f over an existing file (--force): exit 4, the old file$( [ "${f##*.}" = shp ] && echo 's') byte for byte, nothing left"
  rm -rf "$tmp/old" "$disk"/* "$disk"/.[!.]* 2> /dev/null
done

# A file size limit (ulimit -f, SIGXFSZ ignored: writes fail with EFBIG) with space to spare: KML's
# driver closed without an error, and a file cut mid-coordinate was reported written, replacing the
# old one with --force. Every format: exit 4, the old file kept.
mkdir "$tmp/limit"
for f in p.fgb p.gpkg p.geojson p.csv p.kml; do
  "$bin" export --layer hubs -o "$tmp/limit/$f" > /dev/null 2> "$tmp/err" || fail "hubs -o $f: $(cat "$tmp/err")"
  cp "$tmp/limit/$f" "$tmp/limit/$f.old"
  ( trap '' XFSZ; ulimit -f 200; exec "$bin" export --layer prefectures -o "$tmp/limit/$f" --force ) > /dev/null 2> "$tmp/err" < /dev/null; rc=$?
  [ $rc = 4 ] || fail "$f over a 200-block size limit: exit $rc, not 4: $(cat "$tmp/err")"
  cmp -s "$tmp/limit/$f" "$tmp/limit/$f.old" || fail "$f over a size limit: the old file was replaced"
  grep -q "File too large" "$tmp/err" || fail "$f over a size limit: $(cat "$tmp/err")"
done
ok "a file size limit in every format (KML included): exit 4, 'File too large', the old file kept"

echo "$passed passed, 0 failed"
