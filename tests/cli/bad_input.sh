#!/usr/bin/env bash
# Bad input: the exact diagnostic, the exit code, and which files exist afterwards.
source "$(dirname "$0")/../e2e/lib.sh"
cd "$WORK"
mkdir -p proj && touch proj/postpress.yaml  # a project root, so image containment is tested against it
printf 'PNG\n' > proj/not-an-image.png
cp "$SAMPLES/assets/figure-layout.png" proj/fig.png


printf -- '---\ntitle: ok\ntags: [a, b\n---\n\nBody\n' > proj/bad-yaml.md
run 1 '^postpress: proj/bad-yaml.md:4:1: error: invalid YAML in front matter' proj/bad-yaml.md -o out.epub
absent out.epub

printf -- '---\ntitle: never closed\n\nBody\n' > proj/unterminated.md
run 1 '^postpress: proj/unterminated.md:1:1: error: unterminated front matter' proj/unterminated.md -o out.epub

printf -- '---\ntitle: x\n---\n\nline two\nbad \xff\xfe byte\n' > proj/bad-utf8.md
run 1 '^postpress: proj/bad-utf8.md:6:5: error: invalid UTF-8 byte sequence' proj/bad-utf8.md -o out.epub

printf 'abc\x00def' > proj/binary.md
run 1 '^postpress: proj/binary.md:1:4: error: file looks binary' proj/binary.md -o out.epub
cp proj/fig.png proj/picture.md
run 1 '^postpress: proj/picture.md:3:1: error: file looks binary' proj/picture.md -o out.epub

printf '\xff\xfet\x00i\x00' > proj/utf16.md
run 1 '^postpress: proj/utf16.md:1:1: error: file is UTF-16 encoded' proj/utf16.md -o out.epub

run 1 '^postpress: proj/missing.md: error: cannot read post: No such file or directory' proj/missing.md -o out.epub
mkdir -p proj/folder.md
run 1 '^postpress: proj/folder.md: error: cannot read post: is a directory' proj/folder.md -o out.epub
absent out.epub

# An existing output survives a failed run untouched, and no temp file is left behind.
echo OLD > keep.epub
run 1 'invalid YAML' proj/bad-yaml.md -o keep.epub
unchanged keep.epub
no_temp_files

# Missing image: a warning at the image's line, a placeholder, and the book is still written.
printf -- '---\ntitle: Pictures\n---\n\nText.\n\n![a chart](nowhere.png)\n' > proj/missing-image.md
run 0 '^postpress: proj/missing-image.md:7:1: warning: image not found: .nowhere.png.' proj/missing-image.md -o img.epub
[[ -s img.epub ]] && pass "written despite missing image" || fail "img.epub missing"
# Output is read into a variable first: `unzip | grep -q` fails at random under pipefail (SIGPIPE).
xhtml=$(unzip -p img.epub 'EPUB/text/*.xhtml')
grep -q 'class="missing-image">\[Image not available: a chart\]' <<<"$xhtml" \
  && pass "placeholder" || fail "no placeholder for the missing image"
# --strict turns it into an error and writes nothing.
run 1 '^postpress: proj/missing-image.md:7:1: error: image not found' --strict proj/missing-image.md -o strict.epub
absent strict.epub

printf -- '---\ntitle: Escape\nheroImage: ../../../../../../etc/passwd\n---\n\n![x](../../../../../../etc/hostname)\n' > proj/escape.md
run 0 'proj/escape.md:3:1: warning: image refused: .*leaves the project folder' proj/escape.md -o escape.epub
run 0 'proj/escape.md:6:1: warning: image refused' proj/escape.md -o escape.epub
listing=$(unzip -l escape.epub)
grep -qE 'passwd|hostname' <<<"$listing" && fail "file from outside the project embedded" || pass "nothing from outside embedded"

printf -- '---\ntitle: Liar\n---\n\n![x](not-an-image.png)\n' > proj/liar.md
run 0 "warning: 'not-an-image.png' is not a PNG, JPEG, GIF, WebP or SVG image" proj/liar.md -o liar.epub

# Diagrams that cannot be drawn: a warning at the post's own line inside the block, the source kept as a
# listing, the book written; --strict stops it.
printf -- '---\ntitle: Diagrams\n---\n\nText.\n\n```mermaid\ngantt\n  title Plan\n```\n\n```mermaid\ngraph TD\n  A[oops --> B\n```\n' > proj/diagrams.md
run 0 "^postpress: proj/diagrams.md:8:1: warning: diagram not drawn: 'gantt' diagrams are not drawn yet" proj/diagrams.md -o diagrams.epub
run 0 '^postpress: proj/diagrams.md:14:[0-9]+: warning: diagram not drawn: ' proj/diagrams.md -o diagrams.epub
xhtml=$(unzip -p diagrams.epub 'EPUB/text/*.xhtml')
[[ $(grep -o 'class="code diagram"' <<<"$xhtml" | wc -l) == 2 ]] && pass "undrawable diagrams stay listings" \
  || fail "undrawable diagrams not kept as listings"
run 1 '^postpress: proj/diagrams.md:8:1: error: diagram not drawn' --strict proj/diagrams.md -o diagrams-strict.epub
# `check` finds the same problems at the same lines, writing nothing.
run 0 "^postpress: proj/diagrams.md:8:1: warning: diagram not drawn: 'gantt' diagrams are not drawn yet" check proj/diagrams.md
run 0 '^postpress: proj/diagrams.md:14:[0-9]+: warning: diagram not drawn: ' check proj/diagrams.md
run 1 '^postpress: proj/diagrams.md:14:[0-9]+: error: diagram not drawn: ' check --strict proj/diagrams.md
absent diagrams-strict.epub

# Usage errors: exit 2.
printf -- '---\ntitle: A\n---\n\nA\n' > proj/a.md
printf -- '---\ntitle: B\n---\n\nB\n' > proj/b.md
run 2 'a book of 2 posts needs a title' proj/a.md proj/b.md -o two.epub
absent two.epub
run 2 "unknown option '--frobnicate'" --frobnicate proj/a.md -o x.epub
# A switch given a value is refused, never taken as the switch ("--strict=no" used to mean strict).
run 2 "^postpress: error: option '--strict' takes no value$" --strict=no proj/a.md -o x.epub
run 2 "^postpress: error: option '--no-toc' takes no value$" --no-toc=yes proj/a.md -o x.pdf
run 2 "^postpress: error: option '--quiet' takes no value$" mermaid --quiet=1 a.mmd -o x.svg
run 2 "^postpress: error: --max-diagram-edges needs a number from 1 to 100000, not '0'$" mermaid --max-diagram-edges=0 a.mmd -o x.svg
run 2 'no output file given' proj/a.md
run 2 'no input posts given' -o x.epub
run 2 "cannot tell the format of 'x.txt'" proj/a.md -o x.txt
run 2 "unknown --tables format 'pictures'" proj/a.md --tables pictures -o x.epub
absent x.epub
run 2 "the output 'proj/a.md' is also an input" proj/a.md -o proj/a.md --to epub
run 1 "cannot create a file in 'no/such/dir'" proj/a.md -o no/such/dir/x.epub

# Outputs that are not plain files: a device is written, never replaced; a symlink stays a symlink.
"$PP" proj/a.md --to epub -o /dev/null || fail "writing to /dev/null"
[[ -c /dev/null ]] && pass "/dev/null is still a device" || fail "/dev/null was replaced by a file"
echo OLD > real.epub && ln -sf real.epub link.epub
"$PP" proj/a.md -o link.epub || fail "writing through a symlink"
[[ -L link.epub && $(head -c 2 real.epub) == PK ]] && pass "symlink kept, target replaced" || fail "symlink output"
"$PP" proj/a.md --to epub -o - > stdout.epub && [[ $(head -c 2 stdout.epub) == PK ]] && pass "-o - writes the book to stdout" \
  || fail "-o - did not write the book"
run 2 'writing to standard output needs --to epub' proj/a.md -o -
mkdir -p adir.epub
run 1 "cannot write 'adir.epub': is a directory" proj/a.md -o adir.epub

# Links that would run script never reach the book.
printf -- '---\ntitle: Evil\n---\n\n[click](javascript:alert(1)) <a href="javascript:alert(2)" onclick="x()">two</a>\n\n<script>alert(3)</script>\n\n<img src="x.png" onerror="alert(4)">\n' > proj/evil.md
"$PP" proj/evil.md -o evil.epub 2>/dev/null || fail "evil.md must convert"
xhtml=$(unzip -p evil.epub 'EPUB/text/*.xhtml')
if grep -qiE 'javascript:|onclick|onerror|<script|alert\(' <<<"$xhtml"; then fail "script reached the book"
else pass "no script in the book"; fi

finish
