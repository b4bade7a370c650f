#!/usr/bin/env bash
# Temporary files (output_file.hpp, interrupt.hpp): a private folder ".clusteratlas-tmp-<pid>-XXXXXX"
# beside the target, created exclusively (mode 700) so that nothing planted is followed; removed on
# SIGINT/SIGTERM/SIGHUP (exit 4, one line) and, after a SIGKILL, by the next write into the folder
# (the PID in its name is dead; a live writer's folder is kept); nothing at all for "-o -".
#  1. A symlink planted by another user at the old predictable name (".m.png.tmp-<PID>") is not
#     followed: the victim file is unchanged and m.png is a regular, complete PNG.
#  2. The render held 3 s just after creating its folder (strace): the folder is mode 700 and owned
#     by the runner; another user (nobody, when root) cannot put a link in it; a link put there anyway
#     (same user) is not followed: exit 4 "m.png: ... (File exists)", victim unchanged, nothing left.
#  3. SIGTERM, SIGHUP, SIGINT on the 1000th pwrite64 of a GeoPackage export (--layer all), over an
#     existing file (--force) and to a fresh name: exit 4, one line naming the signal, the old file
#     byte for byte / no file, nothing else in the folder.
#  4. SIGKILL there: the folder it leaves is named by the dead PID and the next export into the folder
#     removes it, but not the folder of a live process.
#  5. "export -o -" (SIGTERM on its 100th write; and piped into head -c 100): no file or folder is
#     created anywhere (every creating system call traced), exit 4 with one line.
#  6. SIGTERM on the first rename of a figure and its session, or a store and its levels: both are
#     put in place before the signal acts (exit 143, "after the output was put in place").
# Usage: temp_files.sh PATH/TO/clusteratlas. Exit 77 (CTest: skipped) without strace. Parts 1-2 plant
# as user nobody when run as root (setpriv), else as the same user (2 then skips the other-user part).
set -u
[ $# -ge 1 ] || { echo "usage: $0 PATH/TO/clusteratlas" >&2; exit 2; }
bin=$(realpath "$1")
tmp=$(mktemp -d)
pids=()
cleanup() { local p; for p in "${pids[@]}"; do kill -KILL "$p" 2> /dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/common.sh"
need_strace
export MESA_SHADER_CACHE_DISABLE=true   # the render creates no folder of its own but its temporary one
one_line() { [ "$(grep -c . "$1")" = 1 ]; }
other=()
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then other=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
chmod 755 "$tmp"

# 1. A symlink at the old predictable temporary name, planted by another user in a shared folder.
mkdir -m 0777 "$tmp/shared"
echo "the runner's private configuration" > "$tmp/victim"; chmod 600 "$tmp/victim"; cp -p "$tmp/victim" "$tmp/victim.orig"
bash -c "${other[*]} ln -s '$tmp/victim' '$tmp/shared/.m.png.tmp-'\$\$ && exec '$bin' render --size 64x48 -o '$tmp/shared/m.png'" \
  > /dev/null 2> "$tmp/plant.err" < /dev/null
rc=$?
[ $rc = 0 ] || fail "render beside a planted link: exit $rc: $(cat "$tmp/plant.err")"
cmp -s "$tmp/victim" "$tmp/victim.orig" || fail "the planted link was followed: the victim file was overwritten"
[ -f "$tmp/shared/m.png" ] && [ ! -L "$tmp/shared/m.png" ] || fail "m.png is not a regular file"
png_complete "$tmp/shared/m.png" || fail "m.png is not a complete PNG"
ok "a link planted at .m.png.tmp-<PID>${other:+ by user nobody} is not followed; m.png a regular, complete PNG"
rm -f "$tmp/shared"/.m.png.tmp-* "$tmp/shared/m.png"

# 2. The temporary folder itself, while the render is held just after creating it.
strace -f -qq -o /dev/null -e trace=mkdir,mkdirat -e inject=mkdir,mkdirat:delay_exit=3000000 \
  "$bin" render --size 64x48 -o "$tmp/shared/m.png" > /dev/null 2> "$tmp/held.err" < /dev/null &
held=$!; pids+=($held)
folder=""
for i in $(seq 1 200); do
  folder=$(ls -A "$tmp/shared" | grep '^\.clusteratlas-tmp-' | head -1)
  [ -n "$folder" ] && break
  kill -0 $held 2> /dev/null || break
  sleep 0.02
done
[ -n "$folder" ] || fail "the render created no .clusteratlas-tmp-* folder beside m.png: $(cat "$tmp/held.err")"
[[ $folder =~ ^\.clusteratlas-tmp-[0-9]+-.+$ ]] || fail "temporary folder '$folder' is not named by a PID"
[ "$(stat -c %a "$tmp/shared/$folder")" = 700 ] || fail "temporary folder mode $(stat -c %a "$tmp/shared/$folder"), not 700"
[ "$(stat -c %u "$tmp/shared/$folder")" = "$(id -u)" ] || fail "temporary folder not owned by the runner"
if [ ${#other[@]} -gt 0 ]; then
  "${other[@]}" ln -s "$tmp/victim" "$tmp/shared/$folder/m.png" 2> /dev/null && fail "user nobody could put a link in the temporary folder"
  other_note="user nobody cannot put a link in it; "
else
  other_note=""
  echo "skipped: the other-user part of 2 (needs root and setpriv)"
fi
ln -s "$tmp/victim" "$tmp/shared/$folder/m.png"
wait $held; rc=$?
[ $rc = 4 ] || fail "render with a link in its temporary folder: exit $rc, not 4: $(cat "$tmp/held.err")"
one_line "$tmp/held.err" && grep -q "m\.png: .*(File exists)" "$tmp/held.err" || fail "message: $(cat "$tmp/held.err")"
cmp -s "$tmp/victim" "$tmp/victim.orig" || fail "the link in the temporary folder was followed: the victim file was overwritten"
left=$(ls -A "$tmp/shared" | paste -sd' ')
[ -z "$left" ] || fail "left after the refused render: $left"
ok "temporary folder $(echo "$folder" | sed 's/[0-9][0-9]*-.*/<pid>-XXXXXX/'): mode 700, the runner's; ${other_note}a link in it is not followed ($(sed 's/^clusteratlas: //' "$tmp/held.err" | sed "s|$tmp/||g"))"

# 3. Signals the process can handle, inside the GeoPackage write.
mkdir "$tmp/ref"
"$bin" export --layer provinces -o "$tmp/ref/a.gpkg" 2> /dev/null || fail "reference export"
# signalled DIR SIGNAL CALL N ARGS...: export ARGS with SIGNAL on the Nth CALL; exit -> $rc, pid -> $xpid
signalled() {
  local d=$1 sig=$2 call=$3 n=$4
  shift 4
  ( strace -f -qq -o "$tmp/trace" -e trace=$call -e inject=$call:signal=$sig:when=$n \
      "$bin" export "$@" > /dev/null 2> "$tmp/sig.err" < /dev/null; exit $? ) 2> /dev/null
  rc=$?
  xpid=$(head -1 "$tmp/trace" | cut -d' ' -f1)
}
for sig in SIGTERM SIGHUP SIGINT; do
  rm -rf "$tmp/s"; mkdir "$tmp/s"; cp "$tmp/ref/a.gpkg" "$tmp/s/"
  signalled "$tmp/s" $sig pwrite64 1000 --layer all -o "$tmp/s/a.gpkg" --force
  [ $rc = 4 ] || fail "$sig over an existing file: exit $rc, not 4: $(cat "$tmp/sig.err")"
  one_line "$tmp/sig.err" && grep -q "($sig)" "$tmp/sig.err" || fail "$sig: message $(cat "$tmp/sig.err")"
  cmp -s "$tmp/s/a.gpkg" "$tmp/ref/a.gpkg" || fail "$sig over an existing file: a.gpkg is not the old file"
  left=$(ls -A "$tmp/s" | grep -v -x a.gpkg | paste -sd' ')
  [ -z "$left" ] || fail "$sig over an existing file: left $left"
  rm -rf "$tmp/s"; mkdir "$tmp/s"
  signalled "$tmp/s" $sig pwrite64 1000 --layer all -o "$tmp/s/a.gpkg"
  [ $rc = 4 ] || fail "$sig to a fresh name: exit $rc, not 4: $(cat "$tmp/sig.err")"
  left=$(ls -A "$tmp/s" | paste -sd' ')
  [ -z "$left" ] || fail "$sig to a fresh name: left $left"
  ok "$sig inside the write: exit 4, the old file kept / no file, nothing left ($(sed 's/^clusteratlas: //' "$tmp/sig.err" | cut -c1-60)...)"
done

# 4. SIGKILL inside the write: a leftover named by the dead PID, removed by the next export there,
# while the folder of a live writer stays.
rm -rf "$tmp/k"; mkdir "$tmp/k"; cp "$tmp/ref/a.gpkg" "$tmp/k/"
signalled "$tmp/k" SIGKILL pwrite64 1000 --layer all -o "$tmp/k/a.gpkg" --force
[ $rc = 137 ] || fail "SIGKILL: exit $rc, not 137"
cmp -s "$tmp/k/a.gpkg" "$tmp/ref/a.gpkg" || fail "SIGKILL: a.gpkg is not the old file"
left=$(ls -A "$tmp/k" | grep -v -x a.gpkg | paste -sd' ')
[ -n "$left" ] || fail "SIGKILL left no temporary folder: was the signal delivered inside the write?"
[[ $left =~ ^\.clusteratlas-tmp-$xpid-[^\ ]+$ ]] || fail "SIGKILL (pid $xpid) left '$left', not one folder named by its PID"
sleep 1000 & live=$!; pids+=($live)
mkdir -m 700 "$tmp/k/.clusteratlas-tmp-$live-Live00"; echo busy > "$tmp/k/.clusteratlas-tmp-$live-Live00/x"
"$bin" export --layer hubs -o "$tmp/k/h.geojson" > /dev/null 2> "$tmp/next.err" || fail "the next export: $(cat "$tmp/next.err")"
[ ! -e "$tmp/k/$left" ] || fail "the next export into the folder left the dead writer's $left"
[ -f "$tmp/k/.clusteratlas-tmp-$live-Live00/x" ] || fail "the next export removed the folder of a live process"
kill -KILL $live 2> /dev/null; wait $live 2> /dev/null
now=$(ls -A "$tmp/k" | grep -v -x -E "a\.gpkg|h\.geojson|\.clusteratlas-tmp-$live-Live00" | paste -sd' ')
[ -z "$now" ] || fail "after the next export: $now"
ok "SIGKILL inside the write: old file kept, $(echo "$left" | sed 's/-[^-]*$/-XXXXXX/' | sed "s/$xpid/<dead pid>/") removed by the next export, a live writer's folder kept"

# 5. "-o -": no file or folder anywhere. Every system call that creates a name is traced.
creating=mkdir,mkdirat,creat,open,openat,link,linkat,symlink,symlinkat,rename,renameat,renameat2
created() { grep -E '(mkdir|mkdirat|creat|link|linkat|symlink|symlinkat|rename|renameat|renameat2)\(.*\) = 0$|O_CREAT.*\) = [0-9]+$' "$1" | grep -v '"/dev/null"' | head -3; }
mkdir "$tmp/t" "$tmp/cwd"
( cd "$tmp/cwd" && TMPDIR="$tmp/t" strace -f -qq -o "$tmp/stdout.trace" -e trace=$creating,write -e inject=write:signal=SIGTERM:when=100 \
    "$bin" export --layer prefectures -o - > /dev/null 2> "$tmp/stdout.err" < /dev/null; exit $? ) 2> /dev/null
rc=$?
[ $rc = 4 ] || fail "SIGTERM during -o -: exit $rc, not 4: $(cat "$tmp/stdout.err")"
one_line "$tmp/stdout.err" || fail "SIGTERM during -o -: not one line: $(cat "$tmp/stdout.err")"
c=$(created "$tmp/stdout.trace"); [ -z "$c" ] || fail "SIGTERM during -o -: created $c"
ok "SIGTERM during 'export -o -': exit 4, no file or folder created"
set -o pipefail
( cd "$tmp/cwd" && TMPDIR="$tmp/t" strace -f -qq -o "$tmp/head.trace" -e trace=$creating \
    "$bin" export --layer prefectures -o - 2> "$tmp/head.err" < /dev/null ) | head -c 100 > "$tmp/head.out"
rc=$?
set +o pipefail
[ "$(stat -c %s "$tmp/head.out")" = 100 ] || fail "export -o - | head -c 100: head read $(stat -c %s "$tmp/head.out") bytes"
[ $rc = 4 ] || fail "export -o - | head -c 100: exit $rc, not 4: $(cat "$tmp/head.err")"
one_line "$tmp/head.err" && grep -q "stdout: .*Broken pipe" "$tmp/head.err" || fail "export -o - | head -c 100: message $(cat "$tmp/head.err")"
c=$(created "$tmp/head.trace"); [ -z "$c" ] || fail "export -o - | head -c 100: created $c"
[ -z "$(ls -A "$tmp/t" "$tmp/cwd" | grep -v ':$' | grep .)" ] || fail "export -o -: files in TMPDIR or the working folder"
ok "export -o - | head -c 100: exit 4 ($(sed 's/^clusteratlas: //' "$tmp/head.err")), no file or folder created"

# 6. SIGTERM on the first rename of a figure with its session (and of prepare's store with its levels):
#    the signal waits until both are in place; the figure was left without its session.
mkdir "$tmp/pair"
( cd "$tmp/pair" && strace -f -qq -o /dev/null -e trace=renameat2 -e inject=renameat2:signal=SIGTERM:when=1 \
    "$bin" render --size 200x150 --renderer cairo -o m.png --save-session s.json > /dev/null 2> "$tmp/pair.err" < /dev/null )
rc=$?
[ $rc = 143 ] || fail "SIGTERM on the figure's rename: exit $rc, not 143: $(cat "$tmp/pair.err")"
[ -f "$tmp/pair/m.png" ] && [ -f "$tmp/pair/s.json" ] || fail "SIGTERM on the figure's rename: left $(ls "$tmp/pair")"
grep -q "interrupted (SIGTERM) after the output was put in place" "$tmp/pair.err" || fail "pair: $(cat "$tmp/pair.err")"
# (prepare's first two renames are inside its own temporary folder; the third puts the store in place)
( cd "$tmp/pair" && strace -f -qq -o /dev/null -e trace=renameat2 -e inject=renameat2:signal=SIGTERM:when=3 \
    "$bin" prepare -o p.gpkg > /dev/null 2> "$tmp/prepare.err" < /dev/null )
[ -f "$tmp/pair/p.gpkg" ] && [ -f "$tmp/pair/p.levels" ] || fail "SIGTERM on the store's rename: left $(ls "$tmp/pair")"
[ -z "$(ls -A "$tmp/pair" | grep -v -x -e m.png -e s.json -e p.gpkg -e p.levels)" ] || fail "pair: left $(ls -A "$tmp/pair")"
ok "SIGTERM on the first rename of a figure and its session, a store and its levels: both put in place, then exit 143"

# 7. SIGTERM while prepare computes (before any write): it ended with 143 and no word. Now as export:
#    exit 4, one line, no store and no leftover. (Computing the bundled shapes takes seconds; the
#    signal comes after 0.5 s, well inside it.)
mkdir "$tmp/prep"
( cd "$tmp/prep" && exec timeout --preserve-status -s TERM 0.5 "$bin" prepare -o q.gpkg > /dev/null 2> "$tmp/prep.err" < /dev/null )
rc=$?
[ $rc = 4 ] || fail "SIGTERM while prepare computes: exit $rc, not 4: $(cat "$tmp/prep.err")"
one_line "$tmp/prep.err" && grep -q "terminated (SIGTERM); nothing written" "$tmp/prep.err" ||
  fail "SIGTERM while prepare computes: $(cat "$tmp/prep.err")"
[ -z "$(ls -A "$tmp/prep")" ] || fail "SIGTERM while prepare computes: left $(ls -A "$tmp/prep")"
ok "SIGTERM while prepare computes: exit 4, one line, nothing left"

echo "$passed passed, 0 failed"
