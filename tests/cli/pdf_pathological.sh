#!/usr/bin/env bash
# PDF typesetting of hostile input: a 5,000-row table, a 2,000-character code line, a paragraph with no
# break opportunity, a 20,000 x 20,000 image, a missing image. Each must give a valid PDF (qpdf --check)
# quickly, with warnings where something was left out, and never crash.
source "$(dirname "$0")/../e2e/lib.sh"
cd "$WORK"
printf 'postpress: true\n' >postpress.yaml

{
  printf -- '---\ntitle: Big table\nlang: en\n---\n\n| # | name | note |\n|---|:---:|---:|\n'
  for i in $(seq 1 5000); do printf '| %d | row %d | some text that wraps in a narrow column %d |\n' "$i" "$i" "$i"; done
} >table.md
{
  printf -- '---\ntitle: Long lines\nlang: zh\n---\n\n```js\n'
  printf 'x%.0s' $(seq 1 2000); printf '\n```\n\n'
  printf 'a%.0s' $(seq 1 3000); printf '\n\n'
  printf '汉%.0s' $(seq 1 3000); printf '\n'
} >lines.md
# A PNG whose header claims 20,000 x 20,000 pixels: refused from the header, never decoded.
python3 - <<'PY'
import struct, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
open("huge.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
PY
printf -- '---\ntitle: Images\nlang: ja\n---\n\n![huge](huge.png)\n\n![gone](missing.png)\n\n本文。\n' >images.md

check_pdf() {  # name, post, expected warning pattern (or "")
  local out=$WORK/$1.pdf log rc=0
  log=$(timeout 120 "$PP" "$2" -o "$out" 2>&1) || rc=$?
  if ((rc != 0)); then fail "$1: exit $rc: $log"; return; fi
  qpdf --check "$out" >/dev/null 2>&1 && pass "$1: qpdf --check" || fail "$1: qpdf --check"
  if [[ -n $3 ]]; then [[ $log =~ $3 ]] && pass "$1: warns" || fail "$1: no warning matching '$3': $log"; fi
}
check_pdf table table.md ""
pages=$(pdfinfo "$WORK/table.pdf" | sed -n 's/^Pages: *//p')
((pages > 50)) && pass "table spans $pages pages" || fail "table has only $pages pages"
text=$(pdftotext -f 3 -l 3 -layout "$WORK/table.pdf" -)
[[ $text == *"name"*"note"* ]] && pass "header row repeated on page 3" || fail "no header row on page 3"
last=$(pdftotext -f "$pages" -l "$pages" "$WORK/table.pdf" -)
[[ $last == *"row 5000"* ]] && pass "last row on the last page" || fail "row 5000 missing from the last page"
check_pdf lines lines.md ""
check_pdf images images.md "images.md:6:1: warning: image 'huge.png'.*megapixel"
log=$("$PP" images.md -o "$WORK/images2.pdf" 2>&1 || true)
[[ $log == *"images.md:8:1: warning: image 'missing.png'"* ]] && pass "missing image warned at its line" || fail "missing image: $log"
# A theme with a misspelt key and a bad value: warnings at their lines, the rest applied.
printf 'page:\n  size: A4\n  margin:\n    topp: 20mm\n    inner: wide\n' >theme.yaml
log=$("$PP" images.md --theme theme.yaml -o "$WORK/themed.pdf" 2>&1 || true)
[[ $log == *"theme.yaml:4:11: warning: unknown theme key 'page.margin.topp'"* ]] && pass "unknown theme key at its line" \
  || fail "unknown theme key: $log"
[[ $log == *"theme.yaml:5:12: warning: "*"'wide' is not a length"* ]] && pass "bad theme value at its line" || fail "bad value: $log"
size=$(pdfinfo "$WORK/themed.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
[[ $size == 595.28x841.89 ]] && pass "theme page size applied" || fail "themed page size $size"
printf 'page: [oops\n' >broken.yaml
log=$("$PP" images.md --theme broken.yaml -o "$WORK/broken.pdf" 2>&1) && fail "broken theme accepted" || {
  [[ $log == *"broken.yaml:"*"error:"* && ! -e $WORK/broken.pdf ]] && pass "broken theme is an error at its line" || fail "broken theme: $log"; }
rc=0; "$PP" images.md --page-size A7x -o "$WORK/bad-size.pdf" >/dev/null 2>&1 || rc=$?
((rc == 2)) && pass "bad --page-size is a usage error" || fail "bad --page-size exit $rc"

# An output that cannot be made leaves no file behind.
"$PP" images.md --strict -o "$WORK/strict.pdf" >/dev/null 2>&1 && fail "--strict with warnings succeeded" || pass "--strict fails"
[[ ! -e $WORK/strict.pdf ]] && pass "no half-written PDF" || fail "a PDF was written under --strict"
finish
