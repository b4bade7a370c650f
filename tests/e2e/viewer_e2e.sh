#!/usr/bin/env bash
# End-to-end: the real viewer under Xvfb, driven by xdotool (click, drag, wheel, key), checked through
# the JSON state it writes (--state-file), the files it saves (export, session, figure) read back with
# GDAL and the CLI, and a screenshot (--screenshot of a second run).
# Usage: viewer_e2e.sh PATH/TO/clusteratlas      (starts its own Xvfb when DISPLAY is unset)
set -euo pipefail
bin=$(realpath "$1")
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

here=$(cd "$(dirname "$0")" && pwd)
cd "$tmp"  # the viewer saves its export, session and figure beside it
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
# Click the status bar, away from the search box, so that the map gets the keyboard again.
xdotool mousemove --window "$wid" 700 890 click 1
sleep 1.2  # no double-click with the next click

# Industries panel: clicking a sector highlights the regions the plan names for it.
xdotool mousemove --window "$wid" 100 694 click 1
wait_for "d['industries'] == ['biotech'] and d['legend_title'].startswith('Designated for Biotech')"
echo "industry: $(field "['legend_title']")"

# C opens the compare panel; tick two regions: the map shows just them.
xdotool mousemove --window "$wid" 700 890 key --window "$wid" c
wait_for "d['windows']['compare']"
sleep 0.5
xdotool mousemove --window "$wid" 375 157 click 1
sleep 0.8
xdotool mousemove --window "$wid" 375 233 click 1
wait_for "d['compare'] == ['jingjinji', 'shandong_peninsula'] and d['legend_title'] == 'Comparison of 2 regions'"
echo "compare: $(field "['compare']")"

# E opens the export dialog on the selected region (the Yangtze River Delta, from the search);
# Export writes GeoJSON beside the viewer, which GDAL reads back.
xdotool mousemove --window "$wid" 700 890 key --window "$wid" e
wait_for "d['windows']['export']"
sleep 0.5
xdotool mousemove --window "$wid" 467 505 click 1
wait_for "d['export_result'].startswith('wrote clusteratlas-export.geojson: 1 features')" 30
ogrinfo -ro -al "$tmp/clusteratlas-export.geojson" > "$tmp/ogrinfo.txt" || fail "GDAL cannot read the export"
grep -q "Feature Count: 1" "$tmp/ogrinfo.txt" || fail "the export has not 1 feature"
grep -q "id (String) = yangtze_river_delta" "$tmp/ogrinfo.txt" || fail "export is not the selected region"
echo "exported: $(field "['export_result']")"

# Colour by my data: a CSV with bad rows is refused with each row named; a good one is drawn, classed.
xdotool mousemove --window "$wid" 243 193 click 1
wait_for "d['choropleth'] == 'data'"
xdotool mousemove --window "$wid" 120 218 click 1
sleep 0.3
xdotool type --window "$wid" --delay 10 "$here/../data/user/bad_rows.csv"
xdotool mousemove --window "$wid" 261 218 click 1
wait_for "':3: unknown code' in d['data_error'] and ':4: column' in d['data_error'] and ':6: duplicate code' in d['data_error']"
xdotool mousemove --window "$wid" 120 218 click 1
sleep 0.3
# ImGui 1.86 reads keys as held states once a frame: hold Ctrl+A long enough to be seen.
xdotool keydown --window "$wid" ctrl+a
sleep 0.3
xdotool keyup --window "$wid" ctrl+a
xdotool type --window "$wid" --delay 10 "$here/../data/user/province_area.csv"
xdotool mousemove --window "$wid" 261 218 click 1
wait_for "d['data_error'] == '' and d['legend_title'] == 'area_km2 (province_area.csv)'"
echo "my data: $(field "['legend_title']")"

# Ctrl+S saves the session, F12 the figure; render --session of that session gives the same image.
xdotool mousemove --window "$wid" 700 890 key --window "$wid" ctrl+s
wait_for "d['message'].startswith('saved session')"
xdotool key --window "$wid" F12
wait_for "d['message'].startswith('saved figure')" 30
"$bin" render --session "$tmp/clusteratlas-session.json" -o "$tmp/render.png"
python3 "$here/png_diff.py" "$tmp/clusteratlas-figure.png" "$tmp/render.png" 0.002 || fail "render --session differs from the viewer's figure"

# L switches the labels to Chinese; Escape quits.
xdotool key --window "$wid" l
wait_for "d['language'] == 'zh'"
xdotool key --window "$wid" Escape
for _ in $(seq 1 50); do kill -0 "$viewer_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$viewer_pid" 2>/dev/null && fail "viewer did not quit on Escape"
viewer_pid=""

# A session opens where it was saved: the viewer started with it shows the same compare set.
"$bin" view --session "$tmp/clusteratlas-session.json" --state-file "$tmp/state.json" --frames 5
wait_for "d['compare'] == ['jingjinji', 'shandong_peninsula'] and d['industries'] == ['biotech'] and d['choropleth'] == 'data'"

# A screenshot run writes a PNG of the window size.
"$bin" view --size 1200x800 --screenshot "$tmp/shot.png"
size=$(python3 -c "import struct; d=open('$tmp/shot.png','rb').read(24); print(*struct.unpack('>II', d[16:24]))")
[ "$size" = "1200 800" ] || fail "screenshot size $size"
echo "1 passed, 0 failed"
