#!/usr/bin/env bash
# Soak: the real viewer under Xvfb for FRAMES frames of random use (pan, zoom, hover, select, layer,
# filter, window and colouring toggles; --soak-seed), with a user CSV in the session so that every
# colouring is exercised. Fails on a crash or when resident memory grows more than 5% after warm-up:
# the median of the last fifth of the run against the median of the second fifth (medians, because a
# rebuilt scene or a choropleth lifts the resident size for a few hundred frames, then it falls back).
# Usage: viewer_soak.sh PATH/TO/clusteratlas [FRAMES=10000] [SEED=1]   (SOAK_LOG=FILE keeps the log)
set -euo pipefail
bin=$(realpath "$1")
frames=${2:-10000}
seed=${3:-1}
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"; fi
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/session.json" <<JSON
{"clusteratlas_session": 1, "size": [1280, 800],
 "data": {"path": "$here/../data/user/province_area.csv", "column": "area_km2"}}
JSON
start=$(date +%s)
"$bin" view --session "$tmp/session.json" --frames "$frames" --soak-seed "$seed" --soak-log "${SOAK_LOG:-$tmp/rss.txt}" \
  > "$tmp/out.txt" 2>&1 || { cat "$tmp/out.txt"; echo "FAIL: the viewer exited with $? after $(tail -1 "${SOAK_LOG:-$tmp/rss.txt}" | cut -d' ' -f1) frames"; exit 1; }
seconds=$(( $(date +%s) - start ))
# Under AddressSanitizer freed memory waits in a quarantine and the shadow grows with it: resident
# size says nothing about leaks there, so only crashes count (LeakSanitizer and the fuzzers look at leaks).
sanitized=$(ldd "$bin" | grep -q libasan && echo 1 || echo 0)
python3 - "${SOAK_LOG:-$tmp/rss.txt}" "$frames" "$seconds" "$sanitized" <<'PY'
import sys
rows = [tuple(map(int, line.split())) for line in open(sys.argv[1])]
frames, seconds, sanitized = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
last_frame, last = rows[-1]
median = lambda values: sorted(values)[len(values) // 2]
warm = median([r for f, r in rows if frames // 5 <= f < 2 * frames // 5])
end = median([r for f, r in rows if f >= 4 * frames // 5])
peak = max(r for _, r in rows)
growth = (end - warm) / warm
print(f"soak: {last_frame} frames in {seconds} s; resident memory (medians): {warm / 1024:.0f} MB after warm-up "
      f"(frames {frames // 5}-{2 * frames // 5}), {end / 1024:.0f} MB over the last fifth: growth {growth * 100:+.2f}%; "
      f"start {rows[0][1] / 1024:.0f} MB, peak {peak / 1024:.0f} MB, last {last / 1024:.0f} MB")
if last_frame < frames - 100: sys.exit(f"FAIL: only {last_frame} of {frames} frames")
if sanitized: print("AddressSanitizer build: no crash; memory growth not judged (quarantine)")
elif growth > 0.05: sys.exit("FAIL: resident memory grew more than 5% after warm-up")
PY
