#!/usr/bin/env bash
# End-to-end: zooming the real viewer with the wheel (xdotool, under Xvfb) from the national scale to
# Shanghai at 250 m/px and back never shows a blank or shrunken map. A window dump (xwd) is taken
# right after each wheel burst, while the camera is still moving, and again once it has come to rest;
# the share of the window that is empty sea must be the same in both (within 8 points), and never all
# of it.
# Usage: viewer_zoom_e2e.sh PATH/TO/clusteratlas      (starts its own Xvfb when DISPLAY is unset)
set -euo pipefail
bin=$(realpath "$1")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
viewer_pid=""
cleanup() { [ -n "$viewer_pid" ] && kill "$viewer_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mpp() { python3 -c "import json; print(json.load(open('$tmp/state.json'))['camera']['metres_per_pixel'])"; }
wait_for() {  # until a python expression over the state holds (up to ${2:-10} seconds)
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do
    [ -f "$tmp/state.json" ] && python3 -c "import json; d=json.load(open('$tmp/state.json')); exit(0 if ($1) else 1)" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
# Only the map's rectangle between the docked panels counts; the sea east of Shanghai, right of the
# map's centre, is the colour counted as empty map.
empty() { xwd -silent -id "$wid" > "$tmp/$1.xwd"; python3 "$here/xwd_stats.py" "$tmp/$1.xwd" $sea_x $sea_y $rect; }

cd "$tmp"
"$bin" view --size 1400x900 --view 121.47,31.23,3000 --state-file "$tmp/state.json" &
viewer_pid=$!
wait_for "True" 90
wid=$(xdotool search --sync --onlyvisible --name ClusterAtlas | head -1)
[ -n "$wid" ] || fail "no viewer window"
sleep 1
read -r rect cx cy sea_x sea_y < <(python3 -c "
import json; x, y, w, h = json.load(open('$tmp/state.json'))['map_rect']
print(f'{x},{y},{w},{h}', x + w // 2, y + h // 2, x + w * 9 // 10, y + h // 3)")
rect=${rect//,/ }
xdotool mousemove --window "$wid" "$cx" "$cy"

step=0
burst() {  # BUTTON: 4 zooms in, 5 out; two notches, a dump at once and one at rest
  step=$((step + 1))
  xdotool click --window "$wid" "$1" click --window "$wid" "$1"
  sleep 0.05
  moving=$(empty "moving$step")
  sleep 0.8
  rest=$(empty "rest$step")
  echo "step $step (button $1): $(mpp) m/px, empty share moving $moving, at rest $rest"
  python3 -c "import sys; m, r = $moving, $rest; sys.exit(0 if abs(m - r) <= 0.08 and m < 0.97 else 1)" ||
    fail "step $step: the map while zooming ($moving of the window empty) is not the map at rest ($rest)"
}
while python3 -c "import sys; sys.exit(0 if $(mpp) > 300 else 1)"; do burst 4; [ $step -lt 40 ] || fail "no zoom in"; done
in_steps=$step
while python3 -c "import sys; sys.exit(0 if $(mpp) < 3000 else 1)"; do burst 5; [ $step -lt 80 ] || fail "no zoom out"; done
echo "zoomed in over $in_steps bursts to 300 m/px and out over $((step - in_steps)) back to $(mpp) m/px: no blank or shrunken frame"
