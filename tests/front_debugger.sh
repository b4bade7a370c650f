#!/usr/bin/env bash
# A debugger started on the front program sees what the full program draws: a breakpoint on Dear
# ImGui's text drawing (ImFont::RenderText), set before the program runs, resolves in the front (which
# links ImGui's core, a static archive) and is kept by gdb across the hand-over to clusteratlas-full,
# so the legend title drawn for a GBK-encoded table is read as drawn: "企业数 (gbk.csv)".
# Usage: front_debugger.sh CLUSTERATLAS GBK_CSV. Exit 77 (skipped) without gdb.
set -uo pipefail
command -v gdb > /dev/null || { echo "gdb is not installed: skipped"; exit 77; }
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
cp "$2" "$work/gbk.csv" && cd "$work" || exit 1
cat > t.gdb <<'GDB'
set pagination off
set confirm off
set print elements 0
set startup-with-shell off
break ImFont::RenderText
commands
silent
printf "TEXT:%s\n", (char*)$r8
continue
end
run
quit
GDB
timeout -k 3 90 gdb -q -batch -nx -x t.gdb --args "$1" render --size 200x150 --layers provinces \
  --data gbk.csv -o map.png > gdb.log 2>&1 < /dev/null
title=$(grep -a '^TEXT:' gdb.log | grep -a '(gbk.csv)' | head -1 | sed 's/^TEXT://')
if [ "$title" != "企业数 (gbk.csv)" ]; then
  echo "expected the legend title '企业数 (gbk.csv)' drawn, read '$title'; gdb said:"
  head -c 2000 gdb.log
  exit 1
fi
[ -s map.png ] || { echo "the render under gdb wrote no map.png"; exit 1; }
echo "legend title drawn, read through the front program: $title"
