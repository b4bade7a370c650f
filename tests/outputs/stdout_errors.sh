#!/usr/bin/env bash
# Data that cannot be written to stdout is an output error (README: exit 4), as a file target on a
# full disk is: one line "stdout: cannot write (REASON)", never exit 0 with nothing written.
#  - export -o - to /dev/full (No space left on device) and with stdout closed (Bad file descriptor);
#  - list, show, compare, coverage and info to /dev/full;
#  - export -o - | head -c 100: head gets its 100 bytes, the export exits 4 (Broken pipe) and leaves
#    nothing in TMPDIR or the working folder.
# Usage: stdout_errors.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) without /dev/full.
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/common.sh"
[ -c /dev/full ] || { echo "SKIPPED: no /dev/full"; exit 77; }
mkdir "$tmp/t" "$tmp/cwd"
cd "$tmp/cwd" || fail "cd"
export TMPDIR="$tmp/t"

# check WHAT REASON RC: $tmp/err holds exactly one line "stdout: cannot write (REASON)" and RC is 4.
check() {
  [ "$3" = 4 ] || fail "$1: exit $3, not 4: $(head -3 "$tmp/err")"
  [ "$(grep -c . "$tmp/err")" = 1 ] || fail "$1: not one line: $(cat "$tmp/err")"
  grep -q "stdout: cannot write ($2)" "$tmp/err" || fail "$1: message $(cat "$tmp/err")"
}

"$bin" export --layer prefectures -o - > /dev/full 2> "$tmp/err" < /dev/null
check "export -o - > /dev/full" "No space left on device" $?
ok "export -o - > /dev/full: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err"))"
"$bin" export --layer prefectures -o - 2> "$tmp/err" < /dev/null >&-
check "export -o - with stdout closed" "Bad file descriptor" $?
ok "export -o - with stdout closed: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err"))"

for args in "list prefectures --format csv" "list provinces" "list regions --format json" "list industries" \
            "show yangtze_river_delta" "compare 长三角 珠三角" "coverage --by province --format csv" "info"; do
  "$bin" $args > /dev/full 2> "$tmp/err" < /dev/null
  check "$args > /dev/full" "No space left on device" $?
done
ok "list, show, compare, coverage and info > /dev/full: exit 4, one line each"
for args in "list prefectures --format csv" "coverage --by region"; do
  "$bin" $args 2> "$tmp/err" < /dev/null >&-
  check "$args with stdout closed" "Bad file descriptor" $?
done
ok "list and coverage with stdout closed: exit 4, one line each"

set -o pipefail
"$bin" export --layer prefectures -o - 2> "$tmp/err" < /dev/null | head -c 100 > "$tmp/head.out"
rc=$?
set +o pipefail
[ "$(stat -c %s "$tmp/head.out")" = 100 ] || fail "export -o - | head -c 100: head read $(stat -c %s "$tmp/head.out") bytes"
check "export -o - | head -c 100" "Broken pipe" $rc
left=$(ls -A "$tmp/t" "$tmp/cwd" | grep -v ':$' | grep . | paste -sd' ')
[ -z "$left" ] || fail "export -o - | head -c 100 left $left in TMPDIR or the working folder"
ok "export -o - | head -c 100: head read 100 bytes, exit 4 ($(sed 's/^clusteratlas: //' "$tmp/err")), nothing left"

echo "$passed passed, 0 failed"
