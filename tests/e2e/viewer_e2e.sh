#!/usr/bin/env bash
# End-to-end: the real viewer under Xvfb, driven by xdotool (click, drag, wheel, key), checked through
# the JSON state it writes (--state-file) and a screenshot (--screenshot of a second run).
# Usage: viewer_e2e.sh PATH/TO/clusteratlas      (starts its own Xvfb when DISPLAY is unset)
set -euo pipefail
bin=$1
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
tmp=$(mktemp -d)
viewer_pid=""
cleanup() { [ -n "$viewer_pid" ] && kill "$viewer_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
field() { python3 -c "import json,sys; d=json.load(open('$tmp/state.json')); print(eval('d' + sys.argv[1]))" "$1"; }
wait_for() {  # wait until a python expression over the state holds (up to ${2:-10} seconds)
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do
    [ -f "$tmp/state.json" ] && python3 -c "import json; d=json.load(open('$tmp/state.json')); exit(0 if ($1) else 1)" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1 (state: $(cat "$tmp/state.json" 2>/dev/null))"
}

"$bin" view --size 1400x900 --state-file "$tmp/state.json" &
viewer_pid=$!
wait_for "True" 90  # the first frame: loading, shapes, fonts (slow under sanitizers)
wid=$(xdotool search --sync --onlyvisible --name ClusterAtlas | head -1)
[ -n "$wid" ] || fail "no viewer window"
sleep 0.5

# Click on the map (right of the layers panel): selects the prefecture and region there.
xdotool mousemove --window "$wid" 900 450 click 1
wait_for "d['selected_prefecture'] != ''"
[ "$(field "['selected_prefecture']")" = "$(field "['hover_prefecture']")" ] || fail "selection differs from hover"
[ -n "$(field "['selected_region']")" ] || fail "no region selected at a designated place"
echo "clicked: prefecture $(field "['selected_prefecture']"), region $(field "['selected_region']")"

# Drag: the camera centre moves west when the map is dragged east.
cx=$(field "['camera']['cx']")
xdotool mousemove --window "$wid" 900 600 mousedown 1 mousemove --window "$wid" 1000 600 mousemove --window "$wid" 1100 600 mouseup 1
wait_for "d['camera']['cx'] < $cx - 1000"
echo "dragged: cx $cx -> $(field "['camera']['cx']")"

# Wheel up zooms in about the pointer.
mpp=$(field "['camera']['metres_per_pixel']")
xdotool mousemove --window "$wid" 900 450 click 4 click 4
wait_for "d['camera']['metres_per_pixel'] < $mpp * 0.9"
echo "zoomed: $mpp -> $(field "['camera']['metres_per_pixel']") m/px"

# Search: type a name, Enter flies there and selects the region.
xdotool key --window "$wid" slash
sleep 0.3
xdotool type --window "$wid" --delay 30 "yangtze delta"
xdotool key --window "$wid" Return
wait_for "d['selected_region'] == 'yangtze_river_delta'"
echo "searched: $(field "['selected_region']") at $(field "['camera']['metres_per_pixel']") m/px"
# Click away from the search box so that the map gets the keyboard again.
xdotool mousemove --window "$wid" 1300 850 click 1

# L switches the labels to Chinese; Escape quits.
xdotool key --window "$wid" l
wait_for "d['language'] == 'zh'"
xdotool key --window "$wid" Escape
for _ in $(seq 1 50); do kill -0 "$viewer_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$viewer_pid" 2>/dev/null && fail "viewer did not quit on Escape"
viewer_pid=""

# A screenshot run writes a PNG of the window size.
"$bin" view --size 1200x800 --screenshot "$tmp/shot.png"
size=$(python3 -c "import struct; d=open('$tmp/shot.png','rb').read(24); print(*struct.unpack('>II', d[16:24]))")
[ "$size" = "1200 800" ] || fail "screenshot size $size"
echo "1 passed, 0 failed"
