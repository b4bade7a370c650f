#!/usr/bin/env bash
# A KML export of the prefectures takes seconds, like the other formats, and Ctrl-C stops it: it exits
# non-zero and leaves no file (or, if it had finished, a complete one), the old file stays, nothing is
# left over.
#  1. export --layer prefectures -o p.kml finishes within 20 s with a complete KML (367 Placemarks).
#  2. SIGINT on entering the export's Kth write (strace), K at a quarter, half and three quarters of its
#     writes: exit 4 with one line, no p.kml, nothing left; over an existing KML (--force) the old file
#     byte for byte.
#  3. A real Ctrl-C (SIGINT to the job, 0.5 s after its temporary folder appears): the export ends
#     within 5 s; exit non-zero and no file, or exit 0 and a complete file; nothing left over.
# Usage: kml_interrupt.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) without strace.
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
job=""
cleanup() { [ -n "$job" ] && kill -KILL "$job" 2> /dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/common.sh"
need_strace
kml_complete() { tail -c 200 "$1" | grep -q '</kml>' && [ "$(grep -c '<Placemark' "$1")" = 367 ]; }

# 1. Speed and a complete file; the export's writes are counted for 2.
mkdir "$tmp/ref"
start=$(date +%s%N)
timeout -k 3 20 strace -f -qq -o "$tmp/count.trace" -e trace=write \
  "$bin" export --layer prefectures -o "$tmp/ref/p.kml" > /dev/null 2> "$tmp/ref.err" < /dev/null
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ $rc = 124 ] || [ $rc = 137 ] && fail "export --layer prefectures -o p.kml: not finished after 20 s"
[ $rc = 0 ] || fail "export --layer prefectures -o p.kml: exit $rc: $(cat "$tmp/ref.err")"
kml_complete "$tmp/ref/p.kml" || fail "p.kml is not a complete KML of 367 Placemarks"
writes=$(grep -c -E ' write\([013-9]| write\([0-9][0-9]' "$tmp/count.trace")
[ "$writes" -ge 8 ] || fail "only $writes writes counted"
ok "KML of the prefectures in $((ms / 1000)).$(( ms % 1000 / 100 )) s, complete (367 Placemarks, $writes writes)"
"$bin" export --layer hubs -o "$tmp/ref/old.kml" 2> /dev/null || fail "export --layer hubs -o old.kml"

# 2. SIGINT on the Kth write.
interrupted() {  # interrupted K [--force]: SIGINT on the Kth write of an export to $tmp/i/p.kml; exit -> $rc
  local k=$1
  shift
  ( strace -f -qq -o /dev/null -e trace=write -e inject=write:signal=SIGINT:when=$k \
      "$bin" export --layer prefectures -o "$tmp/i/p.kml" "$@" > /dev/null 2> "$tmp/int.err" < /dev/null; exit $? ) 2> /dev/null
  rc=$?
  [ $rc = 4 ] || fail "SIGINT on write $k of $writes: exit $rc, not 4: $(head -3 "$tmp/int.err")"
  [ "$(grep -c . "$tmp/int.err")" = 1 ] && grep -q "(SIGINT)" "$tmp/int.err" || fail "SIGINT on write $k: message $(cat "$tmp/int.err")"
}
for k in $((writes / 4)) $((writes / 2)) $((writes * 3 / 4)); do
  rm -rf "$tmp/i"; mkdir "$tmp/i"
  interrupted $k
  left=$(ls -A "$tmp/i" | paste -sd' ')
  [ -z "$left" ] || fail "SIGINT on write $k of $writes: left $left"
done
ok "SIGINT on writes $((writes / 4)), $((writes / 2)), $((writes * 3 / 4)) of $writes: exit 4, no p.kml, nothing left ($(sed 's/^clusteratlas: //' "$tmp/int.err" | cut -c1-40)...)"
rm -rf "$tmp/i"; mkdir "$tmp/i"; cp "$tmp/ref/old.kml" "$tmp/i/p.kml"
interrupted $((writes / 2)) --force
cmp -s "$tmp/i/p.kml" "$tmp/ref/old.kml" || fail "SIGINT over an existing p.kml: the old file is gone"
left=$(ls -A "$tmp/i" | grep -v -x p.kml | paste -sd' ')
[ -z "$left" ] || fail "SIGINT over an existing p.kml: left $left"
ok "SIGINT over an existing p.kml (--force): exit 4, the old file byte for byte, nothing left"

# 3. A real Ctrl-C: the job keeps SIGINT at its default (job control on), gets it while writing.
mkdir "$tmp/c"
set -m
"$bin" export --layer prefectures -o "$tmp/c/p.kml" > /dev/null 2> "$tmp/c.err" < /dev/null &
job=$!
set +m
for i in $(seq 1 500); do
  ls -A "$tmp/c" | grep -q '^\.clusteratlas-tmp-' && break
  kill -0 $job 2> /dev/null || break
  sleep 0.01
done
sleep 0.5
sent=0
kill -INT $job 2> /dev/null && sent=1
stopped=0
for i in $(seq 1 50); do kill -0 $job 2> /dev/null || { stopped=1; break; }; sleep 0.1; done
[ $stopped = 1 ] || fail "Ctrl-C: the KML export still runs 5 s after SIGINT"
wait $job; rc=$?; job=""
left=$(ls -A "$tmp/c" | grep -v -x p.kml | paste -sd' ')
[ -z "$left" ] || fail "Ctrl-C (exit $rc): left $left"
if [ $rc = 0 ]; then
  kml_complete "$tmp/c/p.kml" || fail "Ctrl-C: exit 0 but p.kml is not complete"
  ok "Ctrl-C came after the export had finished$( [ $sent = 0 ] && echo ' (not sent)'): exit 0, complete p.kml, nothing left"
else
  [ ! -e "$tmp/c/p.kml" ] || fail "Ctrl-C: exit $rc but p.kml exists"
  ok "Ctrl-C while writing: exit $rc within 5 s, no p.kml, nothing left"
fi

echo "$passed passed, 0 failed"
