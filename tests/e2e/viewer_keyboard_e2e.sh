#!/usr/bin/env bash
# End-to-end, keyboard only (TOUR 22): the real viewer under Xvfb, driven by xdotool keys and never the
# mouse. F6 puts ImGui's keyboard navigation into a panel (focus ring shown), arrows move the
# ring from widget to widget without panning the map, Space ticks what it is on: a layer toggled, a
# region ticked for comparison. Checked through the JSON state the viewer writes (--state-file):
# keyboard_nav, nav_focus (the named widget under the ring), layers, compare, camera.
# Usage: viewer_keyboard_e2e.sh PATH/TO/clusteratlas      (starts its own Xvfb when DISPLAY is unset)
set -euo pipefail
bin=$(realpath "$1")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
# A key held long enough for a frame to see it, as a person's slow press is.
hold() { xdotool keydown --window "$wid" "$1"; sleep 0.25; xdotool keyup --window "$wid" "$1"; sleep 0.35; }
# A quick tap during a slow frame: the viewer is stopped while xdotool sends the press and the
# release, so both arrive between two frames, as they do when llvmpipe takes 100-300 ms to draw one.
# ImGui 1.86 reads keys as held states once a frame and would never see it down; the viewer shows
# it down for one frame (viewer/key_taps.hpp), so each tap moves the ring one step.
tap() {
  kill -STOP "$viewer_pid"
  xdotool key --window "$wid" "$1"
  sleep 0.1
  kill -CONT "$viewer_pid"
  sleep 0.4
}
# Moves the focus ring down, one quick tap at a time, until it is on a widget whose name starts with $1
# (at most 40 steps).
ring_to() {
  for _ in $(seq 1 40); do
    case "$(field "['nav_focus']")" in "$1"*) return 0 ;; esac
    tap Down
  done
  fail "the focus ring never reached $1 (state: $(cat "$tmp/state.json"))"
}

cd "$tmp"
"$bin" view --size 1400x900 --state-file "$tmp/state.json" 2> "$tmp/viewer.err" &
viewer_pid=$!
wait_for "True" 90
wid=$(xdotool search --sync --onlyvisible --name ClusterAtlas | head -1)
[ -n "$wid" ] || fail "no viewer window"
sleep 0.5
wait_for "not d['keyboard_nav']"
cy=$(field "['camera']['cy']")

# F6 moves the keyboard into the sidebar (then the inspector, then back to the map); the first
# arrow shows the focus ring there.
hold F6
wait_for "d['keyboard_in'] == 'sidebar'"
hold Down
wait_for "d['keyboard_nav'] and d['nav_focus'] != ''"
echo "F6: keyboard navigation in the sidebar, ring on $(field "['nav_focus']")"

# Down arrows walk the Layers tab to a layer's checkbox; the map does not pan meanwhile.
ring_to layers.
layer=$(field "['nav_focus']"); layer=${layer#layers.}
[ "$(field "['camera']['cy']")" = "$cy" ] || fail "arrows panned the map while a panel had the keyboard"
hold space
wait_for "not d['layers']['$layer']"
hold space
wait_for "d['layers']['$layer']"
echo "space on the ring: $layer off and on again"

# C opens the Compare tab (a shortcut still works); the ring walks to a region, Space ticks it.
hold c
wait_for "d['sidebar_tab'] == 'compare'"
ring_to compare.
region=$(field "['nav_focus']")
hold space
wait_for "'${region#compare.}' in d['compare']"
echo "compare ticked by keyboard: $(field "['compare']")"

# F6 twice: through the inspector and back to the map, where arrows pan it again.
hold F6
wait_for "d['keyboard_in'] == 'inspector'"
hold F6
wait_for "d['keyboard_in'] == 'map' and not d['keyboard_nav']"
hold Down
wait_for "d['camera']['cy'] != $cy"
echo "F6 back to the map: arrows pan it"
xdotool key --window "$wid" ctrl+q 2>/dev/null || true
wait "$viewer_pid" || true
viewer_pid=""
echo "keyboard e2e: ok"
