#!/usr/bin/env bash
# End-to-end: the real viewer under Xvfb, driven by xdotool (click, drag, wheel, key), checked through
# the JSON state it writes (--state-file), the files it saves (export, session, figure) read back with
# GDAL and the CLI, and screenshots. Widgets are clicked where the viewer last drew them (the state
# file's "widgets"), as a user clicks what is on the screen, never at guessed coordinates.
# Usage: viewer_e2e.sh PATH/TO/clusteratlas      (starts its own Xvfb when DISPLAY is unset)
set -euo pipefail
bin=$(realpath "$1")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
click_widget() {  # click the centre of a widget the viewer has drawn
  wait_for "'$1' in d['widgets']"
  read -r x y < <(python3 -c "import json; w=json.load(open('$tmp/state.json'))['widgets']['$1']; print(int(w[0]), int(w[1]))")
  xdotool mousemove --window "$wid" "$x" "$y" click 1
  sleep 0.4
}
retype_widget() {  # click a text box, select all it holds, and type TEXT over it
  click_widget "$1"
  # ImGui 1.86 reads keys as held states once a frame: hold Ctrl+A long enough to be seen.
  xdotool keydown --window "$wid" ctrl+a
  sleep 0.3
  xdotool keyup --window "$wid" ctrl+a
  xdotool type --window "$wid" --delay 10 "$2"
}
map_point() {  # a window point inside the map's rectangle, at fractions (fx, fy) of it
  python3 -c "import json; r=json.load(open('$tmp/state.json'))['map_rect']; print(int(r[0] + r[2] * $1), int(r[1] + r[3] * $2))"
}

here=$(cd "$(dirname "$0")" && pwd)
cd "$tmp"  # the viewer saves its export, session and figure beside it
"$bin" view --size 1400x900 --state-file "$tmp/state.json" 2> "$tmp/viewer.err" &
viewer_pid=$!
wait_for "True" 90  # the first frame: loading, shapes, fonts (slow under sanitizers)
wid=$(xdotool search --sync --onlyvisible --name ClusterAtlas | head -1)
[ -n "$wid" ] || fail "no viewer window"
sleep 0.5

# Docked layout: the map lies between the sidebar and the inspector, inside the window.
wait_for "d['map_rect'][0] >= 300 and d['map_rect'][0] + d['map_rect'][2] <= 1400 and d['panels']['sidebar']"
# Between the panels every corner of the map would hide a region under the legend: it starts folded.
wait_for "d['legend_corner'] == 'auto' and d['legend_corner_shown'] != '' and not d['legend_open']"

# Click on the map (east-central China): selects the prefecture and region there; the inspector
# names every region containing that prefecture.
read -r mx my < <(map_point 0.78 0.55)
xdotool mousemove --window "$wid" "$mx" "$my" click 1
wait_for "d['selected_prefecture'] != ''"
[ "$(field "['selected_prefecture']")" = "$(field "['hover_prefecture']")" ] || fail "selection differs from hover"
[ -n "$(field "['selected_region']")" ] || fail "no region selected at a designated place"
wait_for "d['inspector']['unit'] == d['selected_prefecture'] and d['selected_region'] in d['inspector']['regions']"
echo "clicked: prefecture $(field "['selected_prefecture']"), regions $(field "['inspector']['regions']")"

# Drag: the camera centre moves west when the map is dragged east.
cx=$(field "['camera']['cx']")
read -r dx dy < <(map_point 0.5 0.3)
xdotool mousemove --window "$wid" "$dx" "$dy" mousedown 1 mousemove --window "$wid" $((dx + 100)) "$dy" mousemove --window "$wid" $((dx + 200)) "$dy" mouseup 1
wait_for "d['camera']['cx'] < $cx - 1000"
echo "dragged: cx $cx -> $(field "['camera']['cx']")"

# The pointer over the status bar: no hover, no place, no tooltip left from the map.
xdotool mousemove --window "$wid" "$mx" 892
wait_for "d['hover_prefecture'] == ''"

# Wheel up zooms in about the pointer.
mpp=$(field "['camera']['metres_per_pixel']")
xdotool mousemove --window "$wid" "$mx" "$my" click 4 click 4
wait_for "d['camera']['metres_per_pixel'] < $mpp * 0.9"
echo "zoomed: $mpp -> $(field "['camera']['metres_per_pixel']") m/px"

# Search a prefecture: / then Xi'an then Enter selects it; the inspector says Guanzhong Plain.
# A person types once the cursor is in the box: keys before that would be shortcuts.
xdotool key --window "$wid" slash
wait_for "d['typing']"
xdotool type --window "$wid" --delay 30 "Xi'an"
wait_for "d['search'] == \"Xi'an\""  # Enter once the results are for what was typed
xdotool key --window "$wid" Return
wait_for "d['selected_prefecture'] == '610100' and d['inspector']['regions'] == ['guanzhong_plain'] and d['selected_region'] == 'guanzhong_plain'"
echo "searched Xi'an: inspector regions $(field "['inspector']['regions']")"

# Search a region: Enter flies there and selects it. (The field was left after the last choice.)
wait_for "not d['typing']"
xdotool key --window "$wid" slash
wait_for "d['typing']"
xdotool type --window "$wid" --delay 30 "yangtze delta"
wait_for "d['search'] == 'yangtze delta'"
xdotool key --window "$wid" Return
wait_for "d['selected_region'] == 'yangtze_river_delta'"
echo "searched: $(field "['selected_region']") at $(field "['camera']['metres_per_pixel']") m/px"

# Industries tab: clicking a sector highlights the regions the plan names for it.
click_widget tab.industries
click_widget industry.biotech
wait_for "d['industries'] == ['biotech'] and d['legend_title'].startswith('Designated for Biotech')"
echo "industry: $(field "['legend_title']")"

# C opens the Compare tab; tick two regions: the map shows just them, with a banner to leave.
read -r sx sy < <(map_point 0.5 0.5)
xdotool mousemove --window "$wid" "$sx" "$sy"
xdotool key --window "$wid" c
wait_for "d['sidebar_tab'] == 'compare' and d['windows']['compare']"
click_widget compare.jingjinji
click_widget compare.shandong_peninsula
wait_for "d['compare'] == ['jingjinji', 'shandong_peninsula'] and d['legend_title'] == 'Comparison of 2 regions' and 'banner.leave' in d['widgets']"
echo "compare: $(field "['compare']")"

# E opens the export dialog on the selected region (the Yangtze River Delta, from the search);
# Export writes GeoJSON beside the viewer, which GDAL reads back.
xdotool key --window "$wid" e
wait_for "d['windows']['export']"
click_widget export.run
wait_for "d['export_result'].startswith('wrote clusteratlas-export.geojson: 1 feature,')" 30
ogrinfo -ro -al "$tmp/clusteratlas-export.geojson" > "$tmp/ogrinfo.txt" || fail "GDAL cannot read the export"
grep -q "Feature Count: 1" "$tmp/ogrinfo.txt" || fail "the export has not 1 feature"
grep -q "id (String) = yangtze_river_delta" "$tmp/ogrinfo.txt" || fail "export is not the selected region"
echo "exported: $(field "['export_result']")"
xdotool mousemove --window "$wid" "$sx" "$sy" key --window "$wid" e
wait_for "not d['windows']['export']"

# Data tab: a CSV with bad rows is refused with each row named; a good one is drawn, classed, and
# hovering a province shows its value.
click_widget tab.data
click_widget data.mine
wait_for "d['choropleth'] == 'data'"
click_widget data.path
xdotool type --window "$wid" --delay 10 "$here/../data/user/bad_rows.csv"
click_widget data.load
wait_for "':3: unknown code' in d['data_error'] and ':4: column' in d['data_error'] and ':6: duplicate code' in d['data_error'] and d['message'].startswith('cannot use')"
retype_widget data.path "$here/../data/user/province_area.csv"
# Enter in the path box loads it, as the Load button does (held: ImGui 1.86 reads keys once a frame).
xdotool keydown --window "$wid" Return
sleep 0.3
xdotool keyup --window "$wid" Return
wait_for "d['data_error'] == '' and d['legend_title'] == 'area_km2 (province_area.csv)'"
echo "my data: $(field "['legend_title']")"

# Points (Data tab): a file of firms counted per prefecture-level unit; the map colours the units by
# their count and draws the points (density squares at the national view); the inspector gives a
# unit's count.
retype_widget points.path "$here/../data/points/firms.csv"
click_widget points.load
wait_for "d['message'].startswith('counted 7 points') and d['legend_title'] == 'points (firms.csv)' and d['points']['total'] == 7 and d['points']['drawn_as'] == ('density squares' if d['camera']['metres_per_pixel'] > 2500 else 'dots')"
echo "points: $(field "['message']")"

# Attribute table (Data tab): filter the provinces by name, click the row: selected, in the inspector.
click_widget table.filter
xdotool type --window "$wid" --delay 20 "Jiangsu"
click_widget table.first_row
wait_for "d['selected_prefecture'] == '320000' and d['inspector']['unit'] == '320000'"
echo "table: $(field "['inspector']")"

# The legend opens from its title bar and moves between the map's corners; folding the sidebar
# gives the map its room.
click_widget legend.fold
wait_for "d['legend_open']"
click_widget legend.top-right
wait_for "d['legend_corner'] == 'top-right'"
click_widget sidebar.fold
wait_for "not d['panels']['sidebar'] and d['map_rect'][0] < 60"
click_widget sidebar.open
wait_for "d['panels']['sidebar'] and d['map_rect'][0] > 200"

# Ctrl+S saves the session, F12 the figure; render --session of that session gives the same image.
xdotool mousemove --window "$wid" "$sx" "$sy"
xdotool key --window "$wid" Escape  # leave the path field
sleep 0.3
# The first Ctrl+S asks where (a path box filled with the full default path); Save writes it.
xdotool key --window "$wid" ctrl+s
click_widget session.save
wait_for "d['message'].startswith('saved session')"
[ -f "$tmp/clusteratlas-session.json" ] || fail "the session was not saved where the dialog said"
# A figure the user kept is kept: F12 takes the free name beside it (it was replaced without a word).
echo kept > "$tmp/clusteratlas-figure.png"
xdotool key --window "$wid" F12
wait_for "d['message'].startswith('saved figure') and d['message'].endswith('clusteratlas-figure-2.png')" 30
[ "$(cat "$tmp/clusteratlas-figure.png")" = kept ] || fail "F12 replaced the figure the user kept"
"$bin" render --session "$tmp/clusteratlas-session.json" -o "$tmp/render.png"
python3 "$here/png_diff.py" "$tmp/clusteratlas-figure-2.png" "$tmp/render.png" 0.002 || fail "render --session differs from the viewer's figure"
# The Export window saves the same figure as SVG (cairo), as `render --session -o x.svg` draws it.
xdotool mousemove --window "$wid" "$sx" "$sy"
xdotool key --window "$wid" e
retype_widget figure.path "$tmp/figure.svg"
click_widget figure.save
wait_for "d['message'].startswith('saved figure') and d['message'].endswith('figure.svg')" 30
# The Export window's result line says the figure too (it showed the export before it).
wait_for "d['export_result'].startswith('saved figure') and d['export_result'].endswith('figure.svg')" 5
"$bin" render --session "$tmp/clusteratlas-session.json" -o "$tmp/render.svg"
rsvg-convert "$tmp/figure.svg" -o "$tmp/figure-svg.png" && rsvg-convert "$tmp/render.svg" -o "$tmp/render-svg.png" ||
  fail "rsvg-convert cannot draw the saved SVG"
python3 "$here/png_diff.py" "$tmp/figure-svg.png" "$tmp/render-svg.png" 0.002 || fail "render --session -o x.svg differs from the viewer's SVG figure"
echo "figure as SVG: $(field "['message']")"

# A session that cannot be used is refused whole, with its reason; the viewer keeps its map.
printf '{"clusteratlas_session": 1, "projection": "no-such-projection"}' > "$tmp/bad-session.json"
click_widget menu.file
click_widget menu.open_session
retype_widget session.path "$tmp/bad-session.json"
click_widget session.open
wait_for "'bad-session.json' in d['message'] and d['projection'] == 'albers' and d['compare'] == ['jingjinji', 'shandong_peninsula']"
echo "bad session refused: $(field "['message']" | cut -c1-120)"

# The compare banner's button leaves compare mode: nothing filtered, no split view.
click_widget banner.leave
wait_for "d['compare'] == [] and d['legend_title'] != 'Comparison of 2 regions'"

# L switches the labels to Chinese; Esc clears the selection and never quits; Ctrl+Q quits.
# L switches the whole interface: the tabs (and menus, legend, messages) speak Chinese.
xdotool key --window "$wid" l
wait_for "d['language'] == 'zh' and d['ui_sample'] == '图层' and d['legend_title'] != ''"
xdotool key --window "$wid" Escape
wait_for "d['selected_region'] == '' and d['selected_prefecture'] == ''"
xdotool key --window "$wid" Escape
sleep 0.5
kill -0 "$viewer_pid" 2>/dev/null || fail "Escape quit the viewer"
# The window may close between the key's press and release: xdotool's error then is expected.
xdotool key --window "$wid" ctrl+q 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$viewer_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$viewer_pid" 2>/dev/null && fail "viewer did not quit on Ctrl+Q"
viewer_pid=""

# A session opens where it was saved: the viewer started with it shows the same compare set and layout.
"$bin" view --session "$tmp/clusteratlas-session.json" --state-file "$tmp/state.json" --force --frames 5
wait_for "d['compare'] == ['jingjinji', 'shandong_peninsula'] and d['industries'] == ['biotech'] and d['choropleth'] == 'data' and d['sidebar_tab'] == 'data'"

# A small window (1024x700): panels and map side by side inside it, the inspector folded, the map
# showing all of China.
"$bin" view --size 1024x700 --state-file "$tmp/small.json" --frames 5
python3 - "$tmp/small.json" <<'PY' || fail "layout at 1024x700"
import json, sys
d = json.load(open(sys.argv[1]))
x, y, w, h = d["map_rect"]
assert x > 0 and x + w <= 1024 and y > 0 and y + h <= 700, d["map_rect"]
assert w >= 0.4 * 1024 - 1, w
assert not d["panels"]["inspector"], d["panels"]
for name, (wx, wy) in d["widgets"].items():
    assert 0 <= wx <= 1024 and 0 <= wy <= 700, (name, wx, wy)
assert d["camera"]["width"] == w and d["camera"]["height"] == h
PY

# A screenshot run writes a PNG of the window size.
"$bin" view --size 1200x800 --screenshot "$tmp/shot.png"
size=$(python3 -c "import struct; d=open('$tmp/shot.png','rb').read(24); print(*struct.unpack('>II', d[16:24]))")
[ "$size" = "1200 800" ] || fail "screenshot size $size"
# --frames 1 with --screenshot saves that one frame (it wrote nothing before), and the first frame
# already shows the whole map: its map (north-west of the legend and of any tooltip at the pointer)
# is frame 3's, never blank or partial. ImGui sizes its tables only from the second frame on.
"$bin" view --size 1200x800 --frames 1 --screenshot "$tmp/first.png"
[ -s "$tmp/first.png" ] || fail "view --frames 1 --screenshot wrote no PNG"
# An existing screenshot is kept (exit 4, the file's bytes as they were) unless --force replaces it.
cp "$tmp/first.png" "$tmp/kept.png"
rc=0; "$bin" view --size 1200x800 --frames 1 --screenshot "$tmp/first.png" 2>"$tmp/kept.err" || rc=$?
[ "$rc" = 4 ] || fail "view --screenshot over an existing file exited $rc"
grep -q "exists (use --force" "$tmp/kept.err" || fail "no 'exists' message: $(cat "$tmp/kept.err")"
cmp -s "$tmp/first.png" "$tmp/kept.png" || fail "view --screenshot changed an existing file without --force"
printf 'not a png' >"$tmp/old.png"
"$bin" view --size 1200x800 --frames 1 --force --screenshot "$tmp/old.png"
head -c 8 "$tmp/old.png" | od -An -c | grep -q "P   N   G" || fail "--force did not replace the screenshot"
python3 "$here/png_diff.py" "$tmp/first.png" "$tmp/shot.png" 0.002 8 350,30,550,420 ||
  fail "the first frame's map differs from frame 3's"
# A small figure's session (render --save-session at 400x300) opens in a window grown to hold the
# panels (it was refused: "window size 400x300: must be 480x320 ...", exit 2).
"$bin" render --renderer cairo --size 400x300 -o "$tmp/figure400.png" --save-session "$tmp/figure400.json"
"$bin" view --session "$tmp/figure400.json" --frames 3 --screenshot "$tmp/figure400_view.png" 2>"$tmp/figure400.err" ||
  fail "view --session of a 400x300 figure's session: $(cat "$tmp/figure400.err")"
grep -q "the window opens at 480x320" "$tmp/figure400.err" || fail "no note of the window's size: $(cat "$tmp/figure400.err")"
echo "1 passed, 0 failed"
