#!/usr/bin/env bash
# The installed tree works on its own: cmake --install into a staging prefix, then, from a folder
# outside the checkout and with the checkout's geodata hidden from the binary's view, the installed
# binary reads the installed data, renders, has a man page made from its help and a bash completion
# that completes from it. Usage: install_tree.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=${1:?build dir}
src=${2:?source dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
prefix=$tmp/usr

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 || fail "cmake --install: $(tail -3 "$tmp/install.log")"
bin=$prefix/bin/clusteratlas
[ -x "$bin" ] || fail "no bin/clusteratlas in the install"
for f in share/clusteratlas/china.gpkg share/clusteratlas/plan.json share/doc/clusteratlas/copyright \
         share/doc/clusteratlas/DATA-SOURCES.md share/bash-completion/completions/clusteratlas; do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
ok "binary, data, licence notices and completion installed ($(find "$prefix" -type f | wc -l) files)"

mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere"
env -u CLUSTERATLAS_DATA "$bin" info > info.out 2> info.err || fail "installed info: $(cat info.err)"
grep -q "^geodata: *$prefix/share/clusteratlas/china.gpkg" info.out || fail "installed info reads $(head -1 info.out)"
grep -q "^provinces: *34 features" info.out || fail "installed info: $(sed -n 2p info.out)"
grep -q "see $prefix/share/doc/clusteratlas/DATA-SOURCES.md" info.out || fail "datum note: $(grep datum info.out)"
ok "info from $(basename "$tmp")/usr/bin reads the installed data (34 provinces) and points at the installed notes"

"$bin" --version | grep -qE '^clusteratlas [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version: $("$bin" --version)"
ok "--version: $("$bin" --version)"

if [ "${ATLAS_HAVE_VIEWER:-1}" = 1 ]; then
  "$bin" render --size 320x240 -o map.png > render.out 2>&1 || fail "installed render: $(cat render.out)"
  python3 - map.png <<'PY' || fail "installed render drew no map"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (320, 240), (w, h)
PY
  ok "render from the installed binary writes a 320x240 PNG"
  for f in share/applications/org.clusteratlas.ClusterAtlas.desktop share/metainfo/org.clusteratlas.ClusterAtlas.metainfo.xml \
           share/icons/hicolor/scalable/apps/org.clusteratlas.ClusterAtlas.svg share/icons/hicolor/48x48/apps/org.clusteratlas.ClusterAtlas.png; do
    [ -s "$prefix/$f" ] || fail "not installed: $f"
  done
  ok "desktop entry, metainfo and icons installed"
else
  "$bin" render --size 320x240 -o map.png > render.out 2>&1 || fail "CLI-only render of a PNG: $(cat render.out)"
  grep -q "320x240, albers, cairo" render.out || fail "CLI-only render: not drawn by cairo: $(cat render.out)"
  "$bin" render --renderer gl -o gl.png > render.out 2>&1
  [ $? = 2 ] && grep -q "renderer gl cannot draw in this build" render.out && [ ! -e gl.png ] ||
    fail "CLI-only render --renderer gl: $(cat render.out)"
  "$bin" render -o map.pdf > render.out 2>&1 || fail "CLI-only render of a PDF: $(cat render.out)"
  [ ! -e "$prefix/share/applications" ] || fail "a CLI-only build installs a desktop entry"
  ok "CLI-only build: render draws a PNG with cairo and a PDF, says --renderer gl cannot draw (exit 2); no desktop entry"
fi

man=$prefix/share/man/man1/clusteratlas.1.gz
if [ -s "$man" ]; then
  page=$(MANWIDTH=100 man -l "$man" 2>/dev/null || zcat "$man")
  # man justifies lines: "Exit  codes" may come with two spaces
  for want in "COMMANDS" "export" "--geodata" "CLUSTERATLAS_DATA" "Exit +codes" "长三角"; do
    grep -qE -- "$want" <<<"$page" || fail "the man page lacks '$want'"
  done
  ok "man page: $(grep -c . <<<"$page") lines, every subcommand's options under COMMANDS"
else
  fail "no man page installed (help2man missing? scripts/install-deps installs it)"
fi

# Bash completion from the installed file, completing from the installed binary.
[ -f /usr/share/bash-completion/bash_completion ] || { echo "skipped: bash-completion is not installed"; exit 0; }
complete_words() {
  PATH="$prefix/bin:$PATH" bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1"; shift
    COMP_WORDS=(clusteratlas "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _clusteratlas; printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/clusteratlas" "$@" | paste -sd' '
}
[ "$(complete_words exp)" = "export" ] || fail "completing 'exp': $(complete_words exp)"
[ "$(complete_words list '')" = "provinces prefectures counties regions industries places" ] || fail "list: $(complete_words list '')"
[ "$(complete_words export --format G)" = "GeoJSON GeoJSONSeq GPKG" ] || fail "--format G: $(complete_words export --format G)"
[ "$(complete_words export --format=G)" = "GeoJSON GeoJSONSeq GPKG" ] || fail "--format=G: $(complete_words export --format=G)"
[ "$(complete_words export --format E)" = 'ESRI\ Shapefile' ] || fail "--format E: $(complete_words export --format E)"
[ "$(complete_words render --industry biomedi)" = "biomedicine biomedical_engineering" ] || fail "--industry: $(complete_words render --industry biomedi)"
[ "$(complete_words --datum '')" = "wgs84 gcj02 bd09" ] || fail "--datum: $(complete_words --datum '')"
[ "$(complete_words compare yangtze_river_delta pe)" = "pearl_river_delta" ] || fail "compare: $(complete_words compare yangtze_river_delta pe)"
ok "bash completion: subcommands, positional choices, option values (also --opt=value, quoted when spaced), region and industry ids"
