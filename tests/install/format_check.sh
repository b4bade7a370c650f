#!/usr/bin/env bash
# Every C++ source follows the project's .clang-format (clang-format 14, Debian 12): prints the
# files that differ and fails. Usage: format_check.sh SOURCE_DIR
set -uo pipefail
cd "${1:?source dir}" || exit 1
command -v clang-format > /dev/null || { echo "clang-format is not installed (scripts/install-deps)"; exit 1; }
mapfile -t files < <(find src tests fuzz -name '*.cpp' -o -name '*.hpp' | sort)
out=$(clang-format --dry-run -Werror "${files[@]}" 2>&1)
rc=$?
if [ $rc != 0 ] || [ -n "$out" ]; then
  # A file that differs, or clang-format itself failing (a bad .clang-format): either is a failure.
  echo "clang-format --dry-run -Werror exited $rc; files not formatted (run: clang-format -i FILE):" >&2
  grep -oE '^[^:]+\.(cpp|hpp)' <<<"$out" | sort -u >&2
  grep -v '^[^:]*\.[ch]pp:' <<<"$out" | head -3 >&2
  exit 1
fi
echo "ok: ${#files[@]} files follow .clang-format"
