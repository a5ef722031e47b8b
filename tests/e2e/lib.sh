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

finish() {
  if ((fails)); then echo "$fails check(s) failed"; exit 1; fi
  echo "all checks passed"
}
