#!/usr/bin/env bash
# A Shapefile (.shp .shx .dbf .prj .cpg) replaced with --force is, after any crash, error or race,
# either all the old layer or all the new one, byte for byte (file_commit.hpp: journaled commit,
# rollback, guardian, folder lock), and nothing is left beside it.
#  1. SIGKILL, SIGTERM and SIGINT on entering each rename of the export in turn (strace), until one
#     completes: old or new set; SIGKILL exit 137 (its guardian finishes the commit, and its leftovers
#     go with the next export there); SIGINT/SIGTERM wait for the commit, then end the process by the
#     signal saying the output is in place (exit 128 + signal).
#  2. A rename that fails (strace makes the Nth fail with EACCES; a.shx made immutable; a folder named
#     a.shx): exit 4, one line naming the file and the reason, the old set back, nothing left.
#  3. Two --force writers at once (strace holds A for 3 s inside its commit; B runs then): B waits for
#     the folder lock, both succeed, the set is entirely B's.
# Usage: shapefile_commit.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) without strace.
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
immutable=""
a_pid=""
cleanup() {
  [ -n "$a_pid" ] && kill -KILL "$a_pid" 2> /dev/null
  [ -n "$immutable" ] && chattr -i "$immutable" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/common.sh"
need_strace
parts="shp shx dbf prj cpg"
renames=rename,renameat,renameat2

mkdir "$tmp/old" "$tmp/new" "$tmp/regions"
"$bin" export --layer provinces -o "$tmp/old/a.shp" 2> /dev/null || fail "reference export (provinces)"
"$bin" export --layer prefectures -o "$tmp/new/a.shp" 2> /dev/null || fail "reference export (prefectures)"
"$bin" export --layer regions -o "$tmp/regions/a.shp" 2> /dev/null || fail "reference export (regions)"
cmp -s "$tmp/old/a.dbf" "$tmp/new/a.dbf" && fail "the old and new references are identical"

# state DIR [REF...]: the name of the one reference folder ($tmp/REF) whose five files DIR/a.* equal,
# "absent" when DIR holds none of them, else "mixed(part=ref|other|missing ...)".
state() {
  local d=$1 ref p desc="" any=0
  shift
  local refs=("$@")
  [ ${#refs[@]} = 0 ] && refs=(old new)
  for p in $parts; do [ -e "$d/a.$p" ] && any=1; done
  [ $any = 0 ] && { echo absent; return; }
  for ref in "${refs[@]}"; do
    local whole=1
    for p in $parts; do cmp -s "$d/a.$p" "$tmp/$ref/a.$p" 2> /dev/null || whole=0; done
    [ $whole = 1 ] && { echo "$ref"; return; }
  done
  for p in $parts; do
    local s=missing
    if [ -e "$d/a.$p" ]; then
      s=other
      for ref in "${refs[@]}"; do cmp -s "$d/a.$p" "$tmp/$ref/a.$p" && { s=$ref; break; }; done
    fi
    desc+="$p=$s "
  done
  echo "mixed(${desc% })"
}
# leftovers DIR: entries other than the set's five files.
leftovers() { ls -A "$1" | grep -v -x -E 'a\.(shp|shx|dbf|prj|cpg)' | paste -sd' '; }
# settle DIR: waits (at most 5 s) until the commit folder is gone and the folder lock is free (a
# guardian may be finishing the commit of a killed writer).
settle() {
  local i
  for i in $(seq 1 50); do
    [ ! -e "$1/.a.shp.clusteratlas-commit" ] && { ! command -v flock > /dev/null || flock -n "$1" true; } && return
    sleep 0.1
  done
}
# reset DIR [REF]: DIR holds a copy of the reference set REF (default old), or nothing with "none".
reset() {
  rm -rf "$1"; mkdir "$1"
  [ "${2:-old}" = none ] || cp "$tmp/${2:-old}"/a.* "$1/"
}
# traced ERRFILE STRACE-ARGS...: the export of prefectures over $tmp/run/a.shp under strace; exit -> $rc
traced() {
  local err=$1
  shift
  ( strace -f -qq -o /dev/null "$@" "$bin" export --layer prefectures -o "$tmp/run/a.shp" --force \
      > /dev/null 2> "$err" < /dev/null; exit $? ) 2> /dev/null
  rc=$?
}

# 1. A signal on entering each rename in turn, until the export gets through all of them.
for sig in SIGKILL SIGTERM SIGINT; do
  seen=""
  completed=0
  for n in $(seq 1 12); do
    reset "$tmp/run"
    traced "$tmp/sig.err" -e trace=$renames -e inject=$renames:signal=$sig:when=$n
    settle "$tmp/run"
    s=$(state "$tmp/run")
    left=$(leftovers "$tmp/run")
    if [ $rc = 0 ]; then
      [ "$s" = new ] || fail "$sig at rename #$n: exit 0 but the set is $s"
      [ -z "$left" ] || fail "$sig at rename #$n: exit 0 but left $left"
      completed=1
      break
    fi
    # SIGINT and SIGTERM wait while the files are put in place (the commit is never cut in half): the
    # set is then the new one and the process ends by the signal, saying so; before the commit they
    # stop everything (exit 4, the old set).
    case $sig in
      SIGKILL) [ $rc = 137 ] || fail "SIGKILL at rename #$n: exit $rc" ;;
      *) signum=$(kill -l "$sig"); signum=$((signum))
         [ "$(grep -c . "$tmp/sig.err")" = 1 ] || fail "$sig at rename #$n: not one line: $(cat "$tmp/sig.err")"
         grep -q "($sig)" "$tmp/sig.err" || fail "$sig at rename #$n: message $(cat "$tmp/sig.err")"
         if [ "$s" = new ]; then
           [ $rc = $((128 + signum)) ] || fail "$sig at rename #$n: the new set, but exit $rc, not $((128 + signum))"
           grep -q "after the output was put in place" "$tmp/sig.err" || fail "$sig at rename #$n: message $(cat "$tmp/sig.err")"
         else
           [ $rc = 4 ] || fail "$sig at rename #$n: exit $rc, not 4: $(head -3 "$tmp/sig.err")"
         fi ;;
    esac
    case $s in old|new) ;; *) fail "$sig at rename #$n (exit $rc): the set is $s" ;; esac
    if [ -n "$left" ]; then
      [ $sig = SIGKILL ] || fail "$sig at rename #$n (exit $rc): left $left"
      "$bin" export --layer hubs -o "$tmp/run/next.geojson" 2> /dev/null || fail "the export after a SIGKILL at rename #$n failed"
      rm -f "$tmp/run/next.geojson"
      still=$(leftovers "$tmp/run")
      [ -z "$still" ] || fail "SIGKILL at rename #$n left $left; the next export left $still"
      s+="+leftover removed"
    fi
    seen+="#$n $s, "
  done
  [ $completed = 1 ] || fail "$sig: the export never completed within 12 renames"
  [ "$n" -ge 3 ] || fail "$sig: the export completed after $((n - 1)) renames; the commit was not exercised"
  ok "$sig on entering each of the $((n - 1)) renames: ${seen%, }; then complete"
done

# 2a. The Nth rename fails (EACCES): exit 4, one line naming the file, the old set back.
for n in 1 2 3 4 5 6; do
  reset "$tmp/run"
  traced "$tmp/fail.err" -e trace=$renames -e inject=$renames:error=EACCES:when=$n
  [ $rc = 4 ] || fail "rename #$n failing: exit $rc, not 4: $(head -3 "$tmp/fail.err")"
  [ "$(grep -c . "$tmp/fail.err")" = 1 ] || fail "rename #$n failing: not one line: $(cat "$tmp/fail.err")"
  grep -q "$tmp/run/a\.[a-z]*: .*(Permission denied)" "$tmp/fail.err" || fail "rename #$n failing: message $(cat "$tmp/fail.err")"
  s=$(state "$tmp/run")
  [ "$s" = old ] || fail "rename #$n failing: the set is $s, not the old one ($(cat "$tmp/fail.err"))"
  left=$(leftovers "$tmp/run")
  [ -z "$left" ] || fail "rename #$n failing: left $left"
done
ok "each rename failing in turn: exit 4, the old set back, nothing left ($(sed 's/^clusteratlas: //' "$tmp/fail.err" | cut -c1-100))"
reset "$tmp/run" none
traced "$tmp/fail.err" -e trace=$renames -e inject=$renames:error=EACCES:when=4
[ $rc = 4 ] || fail "fresh target, rename #4 failing: exit $rc"
s=$(state "$tmp/run"); left=$(leftovers "$tmp/run")
[ "$s" = absent ] && [ -z "$left" ] || fail "fresh target, rename #4 failing: the set is $s, left: $left"
ok "fresh target, rename #4 failing: exit 4, no file placed, nothing left"

# 2b. a.shx immutable (root, on a file system with chattr): its replacement fails with EPERM.
reset "$tmp/run"
if chattr +i "$tmp/run/a.shx" 2> /dev/null; then
  immutable="$tmp/run/a.shx"
  "$bin" export --layer prefectures -o "$tmp/run/a.shp" --force > /dev/null 2> "$tmp/imm.err"; rc=$?
  chattr -i "$tmp/run/a.shx"; immutable=""
  [ $rc = 4 ] || fail "a.shx immutable: exit $rc, not 4"
  [ "$(grep -c . "$tmp/imm.err")" = 1 ] || fail "a.shx immutable: not one line: $(cat "$tmp/imm.err")"
  grep -q "a\.shx: .*(Operation not permitted)" "$tmp/imm.err" || fail "a.shx immutable: message $(cat "$tmp/imm.err")"
  s=$(state "$tmp/run"); left=$(leftovers "$tmp/run")
  [ "$s" = old ] || fail "a.shx immutable: the set is $s"
  [ -z "$left" ] || fail "a.shx immutable: left $left"
  ok "a.shx immutable: exit 4, the old set back ($(sed 's/^clusteratlas: //' "$tmp/imm.err" | cut -c1-100))"
else
  echo "skipped: a.shx immutable (chattr +i needs root on a file system that supports it)"
fi

# 2c. A folder named a.shx in the way: refused before anything is replaced.
reset "$tmp/run"
rm "$tmp/run/a.shx"; mkdir "$tmp/run/a.shx"
"$bin" export --layer prefectures -o "$tmp/run/a.shp" --force > /dev/null 2> "$tmp/dir.err"; rc=$?
[ $rc = 4 ] || fail "a.shx a folder: exit $rc, not 4"
[ "$(grep -c . "$tmp/dir.err")" = 1 ] || fail "a.shx a folder: not one line: $(cat "$tmp/dir.err")"
grep -q "a\.shx: .*folder" "$tmp/dir.err" || fail "a.shx a folder: message $(cat "$tmp/dir.err")"
for p in shp dbf prj cpg; do cmp -s "$tmp/run/a.$p" "$tmp/old/a.$p" || fail "a.shx a folder: a.$p replaced"; done
[ -d "$tmp/run/a.shx" ] || fail "a.shx a folder: the folder is gone"
[ -z "$(ls -A "$tmp/run/a.shx")" ] || fail "a.shx a folder: files written into it"
left=$(leftovers "$tmp/run" | tr ' ' '\n' | grep -v -x 'a.shx' | paste -sd' ')
[ -z "$left" ] || fail "a.shx a folder: left $left"
ok "a folder named a.shx: exit 4, nothing replaced ($(sed 's/^clusteratlas: //' "$tmp/dir.err" | cut -c1-100))"

# 3. Two --force writers: A (provinces) held 3 s on entering its 3rd rename, inside its commit;
# B (prefectures) starts then. Over an existing set of the regions layer.
reset "$tmp/run" regions
strace -f -qq -o /dev/null -e trace=$renames -e inject=$renames:delay_enter=3000000:when=3 \
  "$bin" export --layer provinces -o "$tmp/run/a.shp" --force > /dev/null 2> "$tmp/a.err" < /dev/null &
a_pid=$!
# A is inside its commit once its commit folder is there or it has replaced a file of the set.
in_commit() {
  [ -e "$tmp/run/.a.shp.clusteratlas-commit" ] && return 0
  local p
  for p in shp shx dbf; do cmp -s "$tmp/run/a.$p" "$tmp/regions/a.$p" || return 0; done
  return 1
}
for i in $(seq 1 200); do
  in_commit && break
  kill -0 $a_pid 2> /dev/null || break
  sleep 0.05
done
in_commit && kill -0 $a_pid 2> /dev/null || fail "writer A never paused inside its commit: $(cat "$tmp/a.err")"
"$bin" export --layer prefectures -o "$tmp/run/a.shp" --force > /dev/null 2> "$tmp/b.err" < /dev/null; rb=$?
wait $a_pid; ra=$?; a_pid=""
settle "$tmp/run"
s=$(state "$tmp/run" old new regions); left=$(leftovers "$tmp/run")
[ $ra = 0 ] || fail "concurrent writers: A exit $ra: $(cat "$tmp/a.err")"
[ $rb = 0 ] || fail "concurrent writers: B exit $rb: $(cat "$tmp/b.err")"
[ "$s" = new ] || fail "concurrent writers (both exit 0): the set is $s, not entirely B's (prefectures)"
[ -z "$left" ] || fail "concurrent writers: left $left"
grep -q "waiting for another clusteratlas" "$tmp/b.err" || fail "concurrent writers: B did not wait for A's lock: $(cat "$tmp/b.err")"
ok "two --force writers: B waited for A's commit, both exit 0, the set is entirely B's (the last)"

echo "$passed passed, 0 failed"
