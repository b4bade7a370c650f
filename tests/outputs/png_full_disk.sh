#!/usr/bin/env bash
# A figure that does not fit on the disk is an error, never a truncated PNG (nor SVG, nor PDF): on a 2 MB tmpfs with about
# 170 kB free, `render --size 1600x1200` (a PNG of about 560 kB) exits 4 with one line naming the file
# and "No space left on device"; with --force over a good m.png the good one stays byte for byte; a new
# n.png is not created; nothing is left beside them. Once there is room, the same render succeeds
# with a complete PNG.
# Usage: png_full_disk.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) where no tmpfs can be mounted
# (not root).
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
disk="$tmp/disk"
mounted=""
cleanup() { [ -n "$mounted" ] && umount "$disk" 2> /dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/common.sh"
# expect_full NAME ARGS...: render ARGS exits 4 with one line naming NAME and the full disk.
expect_full() {
  local name=$1
  shift
  "$bin" render "$@" > /dev/null 2> "$tmp/err" < /dev/null; local rc=$?
  [ $rc = 4 ] || fail "render $* on a full disk: exit $rc, not 4: $(head -3 "$tmp/err")"
  [ "$(grep -c . "$tmp/err")" = 1 ] || fail "render $*: not one line: $(cat "$tmp/err")"
  grep -q "$name: .*No space left on device" "$tmp/err" || fail "render $*: message $(cat "$tmp/err")"
}

mkdir "$disk"
mount -t tmpfs -o size=2m tmpfs "$disk" 2> /dev/null || { echo "SKIPPED: cannot mount a 2 MB tmpfs (needs root)"; exit 77; }
mounted=1
"$bin" render --size 400x300 -o "$disk/m.png" > /dev/null 2> "$tmp/err" || fail "the small figure: $(cat "$tmp/err")"
png_complete "$disk/m.png" || fail "the small figure is not a complete PNG"
cp "$disk/m.png" "$tmp/good.png"
avail=$(df -B1 --output=avail "$disk" | tail -1 | tr -d ' ')
head -c $((avail - 174000)) /dev/zero > "$disk/filler" 2> /dev/null
free=$(df -B1 --output=avail "$disk" | tail -1 | tr -d ' ')
[ "$free" -lt 300000 ] || fail "could not fill the disk ($free bytes free)"

expect_full m.png --size 1600x1200 -o "$disk/m.png" --force
cmp -s "$disk/m.png" "$tmp/good.png" || fail "--force on a full disk: m.png is no longer the good figure ($(stat -c %s "$disk/m.png") bytes)"
ok "--force over a good m.png, $((free / 1000)) kB free: exit 4, m.png unchanged ($(sed 's/^clusteratlas: //' "$tmp/err"))"

expect_full n.png --size 1600x1200 -o "$disk/n.png"
[ ! -e "$disk/n.png" ] || fail "a new n.png on a full disk: exit 4 but n.png exists ($(stat -c %s "$disk/n.png") bytes)"
ok "a new n.png: exit 4, no n.png"

# The vector figures go the same way (an SVG of about 3.6 MB, a PDF of about 0.8 MB).
for ext in svg pdf; do
  expect_full "n.$ext" --size 1600x1200 -o "$disk/n.$ext"
  [ ! -e "$disk/n.$ext" ] || fail "a new n.$ext on a full disk: exit 4 but n.$ext exists"
  ok "a new n.$ext: exit 4, no n.$ext"
done

left=$(ls -A "$disk" | grep -v -x -E 'm\.png|filler' | paste -sd' ')
[ -z "$left" ] || fail "left on the full disk: $left"
ok "nothing left beside them"

rm "$disk/filler"
"$bin" render --size 1600x1200 -o "$disk/n.png" > /dev/null 2> "$tmp/err" || fail "render with room: $(cat "$tmp/err")"
png_complete "$disk/n.png" || fail "render with room: n.png is not a complete PNG"
ok "with room, the same render writes a complete PNG ($(stat -c %s "$disk/n.png") bytes)"

echo "$passed passed, 0 failed"
