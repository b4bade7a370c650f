# Shared by the viewer's end-to-end scripts (sourced after Xvfb is up): a scratch folder removed on
# exit with the viewer, and reading the JSON state the viewer writes (--state-file "$tmp/state.json").
tmp=$(mktemp -d)
viewer_pid=""
cleanup() { [ -n "$viewer_pid" ] && kill "$viewer_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
# A step that fails because the viewer is gone says so, with the viewer's last words.
on_error() {
  if [ -n "$viewer_pid" ] && ! kill -0 "$viewer_pid" 2>/dev/null; then
    wait "$viewer_pid"; echo "FAIL: the viewer exited (status $?) before line $1; its stderr:" >&2
    tail -5 "$tmp/viewer.err" >&2
  fi
}
trap 'on_error $LINENO' ERR
fail() { echo "FAIL: $*" >&2; exit 1; }
field() { python3 -c "import json,sys; d=json.load(open('$tmp/state.json')); print(eval('d' + sys.argv[1]))" "$1"; }
wait_for() {  # wait until a python expression over the state holds (up to ${2:-10} seconds)
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do
    [ -f "$tmp/state.json" ] && python3 -c "import json; d=json.load(open('$tmp/state.json')); exit(0 if ($1) else 1)" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1 (state: $(cat "$tmp/state.json" 2>/dev/null))"
}
