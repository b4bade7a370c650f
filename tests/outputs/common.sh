# Shared by the tests/outputs scripts (sourced): pass/fail reporting, the strace requirement, and
# what a complete PNG is.
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
# Skipped (exit 77), not failed, where the faults cannot be injected.
need_strace() {
  command -v strace > /dev/null || { echo "SKIPPED: needs strace (not installed)"; exit 77; }
  strace -f -qq -o /dev/null true 2> /dev/null || { echo "SKIPPED: strace cannot trace here (ptrace not permitted)"; exit 77; }
}
# A PNG that starts with the signature and ends with the IEND chunk.
png_complete() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(tail -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 49454e44ae426082 ]; }
