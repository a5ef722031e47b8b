# Shared by the e2e and cli test scripts: $1 postpress binary, $2 project root, $3 scratch folder.
set -euo pipefail
PP=$(realpath "$1")
ROOT=$(realpath "$2")
WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
SAMPLES=$ROOT/samples
CHECK_EPUB="python3 $ROOT/tests/e2e/check_epub.py"
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "ok: $*"; }

# epubcheck with zero errors and zero warnings (the JVM flag halves its start-up time).
epubcheck() {
  local log
  log=$(java -XX:TieredStopAtLevel=1 -jar /usr/share/java/epubcheck.jar "$1" 2>&1) || true
  if grep -q "No errors or warnings detected" <<<"$log"; then pass "epubcheck $(basename "$1")"
  else fail "epubcheck $(basename "$1")"; echo "$log" | grep -E "ERROR|WARNING|FATAL" | head -20; fi
}

# run EXPECTED_EXIT STDERR_REGEX ARGS...: runs postpress, checks exit code and that stderr matches.
# The stderr is kept in LAST_ERR for further checks.
LAST_ERR=
run() {
  local want=$1 pattern=$2
  shift 2
  local code=0
  LAST_ERR=$("$PP" "$@" 2>&1 >/dev/null) || code=$?
  if [[ $code != "$want" ]]; then fail "postpress $* exited $code, expected $want; stderr: $LAST_ERR"; return; fi
  if ! grep -qE -- "$pattern" <<<"$LAST_ERR"; then fail "postpress $*: stderr does not match /$pattern/: $LAST_ERR"; return; fi
  pass "postpress $* -> $code"
}
# diagnostics N: the last run printed exactly N warnings and errors (nothing unexpected beside the one matched).
diagnostics() {
  local n
  n=$(grep -cE '^postpress: .*(warning|error): ' <<<"$LAST_ERR" || true)
  [[ $n == "$1" ]] && pass "$1 diagnostic(s)" || fail "expected $1 diagnostic(s), got $n: $LAST_ERR"
}
# said REGEX...: the last run printed each of these diagnostic lines (after "postpress: ", to the line's end).
said() {
  local want
  for want in "$@"; do
    grep -qE "^postpress: $want\$" <<<"$LAST_ERR" && pass "said: $want" || fail "not said: /$want/ in: $LAST_ERR"
  done
}
written() { [[ -s $1 ]] && pass "$1 written" || fail "$1 was not written"; }
absent() { [[ ! -e $1 ]] && pass "$1 not written" || fail "$1 must not exist"; }
unchanged() { [[ $(cat "$1") == OLD ]] && pass "$1 kept" || fail "$1 was changed"; }
no_temp_files() { local t; t=$(find . -name '.*.tmp-*'); [[ -z $t ]] && pass "no temp files" || fail "temp files left: $t"; }

finish() {
  if ((fails)); then echo "$fails check(s) failed"; exit 1; fi
  echo "all checks passed"
}
