#!/usr/bin/env bash
# Vector figures as other tools read them: pdfinfo reads the PDF's one A4 page, pdffonts lists Noto
# Sans CJK embedded as a subset, pdftotext finds the Chinese title as text, rsvg-convert renders the
# SVG at the size it declares. Usage: figure_tools.sh PATH/TO/clusteratlas. Exit 77 (skipped) where
# poppler-utils or librsvg2-bin are missing (scripts/install-deps installs both).
set -u
bin=$(realpath "$1")
for tool in pdfinfo pdffonts pdftotext rsvg-convert; do
  command -v $tool > /dev/null || { echo "SKIPPED: $tool missing (poppler-utils, librsvg2-bin)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*"; exit 1; }
"$bin" render -o "$tmp/a4.pdf" --paper a4 --industry biomedicine --lang zh 2> "$tmp/err" || fail "render pdf: $(cat "$tmp/err")"
pdfinfo "$tmp/a4.pdf" > "$tmp/info" || fail "pdfinfo refuses the PDF"
grep -q '^Pages: *1$' "$tmp/info" || fail "not one page: $(grep Pages "$tmp/info")"
grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/info" || fail "not A4: $(grep 'Page size' "$tmp/info")"
pdffonts "$tmp/a4.pdf" > "$tmp/fonts" || fail "pdffonts refuses the PDF"
grep -E '^[A-Z]{6}\+NotoSansCJKsc-Regular +CID Type 0C +Identity-H +yes +yes +yes' "$tmp/fonts" > /dev/null ||
  fail "no embedded subset of Noto Sans CJK: $(cat "$tmp/fonts")"
pdftotext "$tmp/a4.pdf" - | grep -q '生物医药' || fail "the Chinese title is not text in the PDF"
# The Chinese credit line's parts are joined with the full-width semicolon throughout (it mixed '；' and '; ').
pdftotext -raw "$tmp/a4.pdf" - | grep '^边界' > "$tmp/credit" || fail "no Chinese credit line in the PDF"
if grep -q '; ' "$tmp/credit"; then fail "the Chinese credit mixes separators: $(cat "$tmp/credit")"; fi
echo "ok: one A4 page, $(tail -1 "$tmp/fonts" | awk '{print $1}') embedded, the title is text"
"$bin" render -o "$tmp/map.svg" --size 1000x700 2> "$tmp/err" || fail "render svg: $(cat "$tmp/err")"
rsvg-convert "$tmp/map.svg" -o "$tmp/svg.png" 2> "$tmp/err" || fail "rsvg-convert: $(cat "$tmp/err")"
size=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$tmp/svg.png")
[ "$size" = 1000x700 ] || fail "rsvg-convert drew $size, not 1000x700"
echo "ok: rsvg-convert renders the SVG at 1000x700"
# Points on a figure: the choropleth of their count per unit, every point as a dot, said in the legend.
data=$(cd "$(dirname "$0")" && pwd)/data/points
"$bin" render --points "$data/firms.csv" --column points -o "$tmp/points.pdf" --size 1000x700 2> "$tmp/err" ||
  fail "render --points: $(cat "$tmp/err")"
grep -q "7 points (columns 'lon', 'lat'; WGS84): 7 in a unit" "$tmp/err" || fail "render --points summary: $(cat "$tmp/err")"
pdftotext -raw "$tmp/points.pdf" - | tr '\n' ' ' > "$tmp/points.txt"
grep -q 'Dots: all 7 points' "$tmp/points.txt" || fail "no dots note in the legend: $(cat "$tmp/points.txt")"
grep -q 'points (firms.csv)' "$tmp/points.txt" || fail "no points choropleth in the legend: $(cat "$tmp/points.txt")"
grep -q 'your points (firms.csv)' "$tmp/points.txt" || fail "no dot swatch in the legend: $(cat "$tmp/points.txt")"
# Most prefectures hold no point: quantiles give a class of just 0, said as such, and one above it.
# Every prefecture has a count (0 or more): no unit is "no data", so the legend does not list it.
grep -q ' (firms.csv) 0 >0 - 1 hub' "$tmp/points.txt" && ! grep -q 'no data' "$tmp/points.txt" ||
  fail "classes not '0', '>0 - 1' without 'no data': $(cat "$tmp/points.txt")"
# A sum of values where no point has one (Urumqi's firm has no employees) is no data, not 0.
"$bin" render --points "$data/firms.csv" --points-value employees --column sum_employees -o "$tmp/sum.pdf" \
  --size 1000x700 2> "$tmp/err" || fail "render --points-value: $(cat "$tmp/err")"
pdftotext -raw "$tmp/sum.pdf" - | tr '\n' ' ' | grep -q 'no data' ||
  fail "a unit whose points have no value is not 'no data': $(pdftotext -raw "$tmp/sum.pdf" - | tr '\n' ' ')"
echo "ok: a sum over points without values is no data"
printf 'name,lon,lat\nZhongguancun,116.3105,39.9834\n' > "$tmp/one.csv"
"$bin" render --points "$tmp/one.csv" -o "$tmp/one.pdf" --size 1000x700 2> "$tmp/err" || fail "render one point: $(cat "$tmp/err")"
pdftotext "$tmp/one.pdf" - | tr '\n' ' ' | grep -q 'Dots: the only point' || fail "one point's legend note: $(pdftotext "$tmp/one.pdf" - | tr '\n' ' ')"
echo "ok: render --points draws the count per prefecture and the dots, and says so"
# Negative values (a change in percent): classes read "-4 to -2", never "-4 - -2"; the classes above
# the first start "over" their lower break, so that a value on a break is in one class only.
printf 'code,change\n110000,-4\n120000,-3\n130000,-2\n140000,-1\n310000,1\n320000,2\n' > "$tmp/change.csv"
"$bin" render --data "$tmp/change.csv" --column change --classes 3 --method equal -o "$tmp/change.pdf" --size 1000x700 2> "$tmp/err" ||
  fail "render negative data: $(cat "$tmp/err")"
pdftotext "$tmp/change.pdf" - | tr '\n' ' ' > "$tmp/change.txt"
for class in '-4 to -2 ' '>-2 to 0 ' '>0 to 2 '; do
  grep -q -- "$class" "$tmp/change.txt" || fail "no class '$class': $(cat "$tmp/change.txt")"
done
! grep -q -- ' - -' "$tmp/change.txt" ||
  fail "negative classes: $(cat "$tmp/change.txt")"
echo "ok: negative classes are joined by 'to'"
# A file or column name from outside is shown escaped: a newline in it drew a second line over the subtitle.
odd="$tmp/we"$'\n'"ird.csv"
printf 'code,"gro\nwth"\n110000,1\n310000,2\n440000,3\n' > "$odd"
"$bin" render --data "$odd" --classes 2 -o "$tmp/odd.pdf" --size 1000x700 2> "$tmp/err" || fail "render odd names: $(cat "$tmp/err")"
pdftotext -raw "$tmp/odd.pdf" - | tr '\n' ' ' > "$tmp/odd.txt"
grep -qF 'gro\nwth (we\nird.csv)' "$tmp/odd.txt" || fail "names not escaped: $(cat "$tmp/odd.txt")"
echo "ok: file and column names with control characters are shown escaped"
# ... and so in an error about it: one line.
"$bin" render --data "$odd" --column nope -o "$tmp/odd2.pdf" 2> "$tmp/err" && fail "a missing column drew a figure"
[ "$(wc -l < "$tmp/err")" = 1 ] && grep -qF 'we\nird.csv: no numeric column' "$tmp/err" || fail "unescaped name in the error: $(cat "$tmp/err")"
# --points-value without --column maps the sum.
"$bin" render --points "$data/firms.csv" --points-value employees -o "$tmp/pv.pdf" --size 1000x700 2> "$tmp/err" ||
  fail "render --points-value: $(cat "$tmp/err")"
pdftotext -raw "$tmp/pv.pdf" - | grep -q 'sum of employees (firms.csv)' || fail "--points-value did not map the sum"
echo "ok: --points-value maps its sum; a missing column's error names the file escaped"
# A session keeps the points' value: render --session draws the same sum, and --points-value adds it
# to a session of points counted only (the viewer's).
cp "$data/firms.csv" "$tmp/firms.csv"
printf '{"clusteratlas_session":1,"choropleth":"data","data":{"path":"firms.csv","points_by":"prefecture","points_value":"employees"}}' > "$tmp/pv.json"
"$bin" render --session "$tmp/pv.json" -o "$tmp/spv.pdf" --size 1000x700 2> "$tmp/err" || fail "render a session's points value: $(cat "$tmp/err")"
pdftotext -raw "$tmp/spv.pdf" - | grep -q 'sum of employees (firms.csv)' || fail "the session's points value did not map the sum"
printf '{"clusteratlas_session":1,"choropleth":"data","data":{"path":"firms.csv","points_by":"prefecture"}}' > "$tmp/count.json"
"$bin" render --session "$tmp/count.json" --points-value employees -o "$tmp/cpv.pdf" --size 1000x700 2> "$tmp/err" ||
  fail "render --session --points-value: $(cat "$tmp/err")"
pdftotext -raw "$tmp/cpv.pdf" - | grep -q 'sum of employees (firms.csv)' || fail "--points-value over a session did not map the sum"
echo "ok: a session's points value, and --points-value over a session of points, map the sum"
