#!/usr/bin/env bash
# A post that tries every way we know to get script or outside files into a book: the EPUB and the PDF
# must come out clean (scan_books.py), with a warning for each thing removed. The scanner itself must
# catch a planted script, so its own silence means something.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir -p proj books && touch proj/postpress.yaml
cp "$ROOT/tests/fixtures/hostile/evil.md" proj/
SCAN="python3 $ROOT/tests/e2e/scan_books.py"

run 0 "^postpress: proj/evil.md:4:12: warning: hero image from a 'javascript:' URL removed$" proj/evil.md -o books/evil.pdf
written books/evil.pdf
run 0 "^postpress: proj/evil.md:11:1: warning: link to a 'javascript:' URL removed; its text is kept$" proj/evil.md -o books/evil.epub
written books/evil.epub
said "proj/evil.md:12:31: warning: link to a 'vbscript:' URL removed; its text is kept" \
     "proj/evil.md:12:55: warning: link to a 'data:' URL removed; its text is kept" \
     "proj/evil.md:13:1: warning: link to a 'file:' URL removed; its text is kept" \
     "proj/evil.md:17:1: warning: image from a 'data:' URL removed" \
     "proj/evil.md:22:1: warning: raw HTML <svg> is not allowed in a book and was removed" \
     "proj/evil.md:24:44: warning: raw HTML <object> is not allowed in a book and was removed" \
     "proj/evil.md:33:1: warning: raw HTML <base> is not allowed in a book and was removed" \
     "proj/evil.md:44:7: warning: link to a 'javascript:' URL removed; its text is kept" \
     "proj/evil.md:4:12: warning: hero image from a 'javascript:' URL removed"
epubcheck books/evil.epub
$SCAN books && pass "the hostile post's books are clean" || fail "scan found active content"

# The scanner finds what it is for.
mkdir -p planted/EPUB
printf '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><a href=" java\tscript:x()">a</a><img src="x.png" onerror="x()"/><script>x()</script></body></html>' >planted/EPUB/c.xhtml
(cd planted && zip -q -r ../planted.epub EPUB)
mkdir -p planted-out && mv planted.epub planted-out/
out=$($SCAN planted-out 2>&1) && fail "the scanner passed a planted script" || {
  [[ $out == *"<script> element"* && $out == *"event attribute onerror="* && $out == *"href="* ]] \
    && pass "the scanner catches script, handlers and javascript: links" || fail "scanner output: $out"; }
rm -r planted planted-out  # e2e.scan_all_books scans this folder too
out=$($SCAN empty-folder-that-is-not-there 2>&1) && fail "the scanner passed with no books" || pass "no books is a failure"
finish
