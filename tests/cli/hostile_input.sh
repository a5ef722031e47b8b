#!/usr/bin/env bash
# The bad-input suite of docs/reliability.md: every input a person or a script might hand us, each with its
# exact outcome (the diagnostic, the exit code, how many diagnostics, which files exist afterwards). Inputs
# that must convert are also checked as books. Sizes are the issue's: a 50 MB post, 10,000-level nesting,
# a 100,000-cell table, a 10,000-node diagram.
source "$(dirname "$0")/../e2e/lib.sh"
cd "$WORK"
mkdir -p proj/posts proj/public/img && touch proj/postpress.yaml
cd proj

post() {  # post FILE BODY...: a post with a title, then the body
  local file=$1
  shift
  printf -- '---\ntitle: %s\n---\n\n' "${file%.md}" >"$file"
  printf '%b' "$@" >>"$file"
}

echo "## Encodings and line endings"
printf -- '---\ntitle: T\n---\n\nabc \xe4\xb8' >truncated-utf8.md
run 1 '^postpress: truncated-utf8.md:5:5: error: invalid UTF-8 byte sequence$' truncated-utf8.md -o out.epub
diagnostics 1
absent out.epub
printf -- '---\ntitle: T\n---\n\nok \xc0\xaf overlong\n' >overlong-utf8.md
run 1 '^postpress: overlong-utf8.md:5:4: error: invalid UTF-8 byte sequence$' overlong-utf8.md -o out.epub
printf -- '---\ntitle: T\n---\n\n\xed\xa0\x80 surrogate\n' >surrogate-utf8.md
run 1 '^postpress: surrogate-utf8.md:5:1: error: invalid UTF-8 byte sequence$' surrogate-utf8.md -o out.epub
printf '\xff\xfe-\x00-\x00-\x00\n\x00' >utf16le.md
run 1 '^postpress: utf16le.md:1:1: error: file is UTF-16 encoded; postpress reads UTF-8$' utf16le.md -o out.epub
printf '\xfe\xff\x00-\x00-\x00-\x00\n' >utf16be.md
run 1 '^postpress: utf16be.md:1:1: error: file is UTF-16 encoded; postpress reads UTF-8$' utf16be.md -o out.epub
absent out.epub
printf '\xef\xbb\xbf---\ntitle: With BOM\n---\n\nBody.\n' >utf8-bom.md
run 0 '^$' utf8-bom.md -o bom.epub
diagnostics 0
$CHECK_EPUB bom.epub --contains "With BOM" >/dev/null && pass "a UTF-8 BOM is skipped" || fail "UTF-8 BOM"
printf -- '---\ntitle: T\n---\n\nabc\0def\n' >nul.md
run 1 '^postpress: nul.md:5:4: error: file looks binary \(it contains a NUL byte\), not a Markdown post$' nul.md -o out.epub
absent out.epub
printf -- '---\ntitle: T\n---\n\nbell\a here\n' >control.md
run 0 '^postpress: control.md:5:5: warning: 1 control character\(s\) replaced by U\+FFFD$' control.md -o control.epub
# CRLF, lone CR and mixed endings give the same tree as LF.
printf -- '---\ntitle: Ends\n---\n\nline one\nline two\n\n- a\n- b\n' >lf.md
printf -- '---\r\ntitle: Ends\r\n---\r\n\r\nline one\r\nline two\r\n\r\n- a\r\n- b\r\n' >crlf.md
printf -- '---\ntitle: Ends\r\n---\r\n\nline one\rline two\r\n\n- a\r- b\n' >mixed.md
lf_tree=$("$PP" --dump-tree lf.md | tail -n +2)
for f in crlf mixed; do
  [[ $("$PP" --dump-tree $f.md | tail -n +2) == "$lf_tree" ]] && pass "$f endings read as LF" || fail "$f endings differ from LF"
done

echo "## Front matter"
printf -- '---\n- a\n- b\n---\n\nx\n' >fm-list.md
run 1 '^postpress: fm-list.md:2:1: error: front matter must be a mapping of fields \(title: ..., pubDate: ...\)$' fm-list.md -o out.epub
printf -- '---\njust text\n---\n\nx\n' >fm-scalar.md
run 1 '^postpress: fm-scalar.md:2:1: error: front matter must be a mapping' fm-scalar.md -o out.epub
printf -- '---\ntitle: [unclosed\n---\n\nx\n' >fm-broken.md
run 1 '^postpress: fm-broken.md:3:1: error: invalid YAML in front matter' fm-broken.md -o out.epub
printf -- '---\ntitle: x\n\nno closing line\n' >fm-open.md
run 1 '^postpress: fm-open.md:1:1: error: unterminated front matter' fm-open.md -o out.epub
absent out.epub
printf -- '---\ntitle: First\ntitle: Second\n---\n\nx\n' >fm-duplicate.md
run 0 "^postpress: fm-duplicate.md:3:1: warning: field 'title' is given twice \(first at line 2\); this one is ignored$" \
  fm-duplicate.md -o dup.epub
diagnostics 1
$CHECK_EPUB dup.epub --contains First >/dev/null && pass "the first title is kept" || fail "duplicate title"
{
  printf -- '---\ntitle: Laughs\n'
  printf 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
  prev=a
  for k in b c d e f g h i j; do printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $k $k $prev $prev $prev $prev $prev $prev $prev $prev $prev; prev=$k; done
  printf 'tags: *j\n---\n\nBody.\n'
} >billion-laughs.md
timeout 10 "$PP" billion-laughs.md -o laughs.epub 2>laughs.err && pass "billion laughs: converted within 10 s" || fail "billion laughs"
grep -qE "^postpress: billion-laughs.md:[0-9]+:[0-9]+: warning: .*aliases" laughs.err && pass "billion laughs: warned" \
  || fail "billion laughs warning: $(cat laughs.err)"
# Dates: every shape Astro's z.coerce.date() takes from front matter, and what it refuses.
n=0
for d in 2024-03-05 "'2024-03-05'" 2024-03-05T09:30:00Z 2024-03-05T09:30:00+08:00 "2024-03-05 09:30" \
         "'2024/03/05'" "'Mar 5, 2024'" "'March 5 2024'" "'5 March 2024'"; do
  n=$((n + 1))
  printf -- '---\ntitle: Dated\npubDate: %s\n---\n\nx\n' "$d" >date-$n.md
  out=$("$PP" --dump-tree date-$n.md 2>&1)
  [[ $out != *warning* ]] && pass "date $d accepted" || fail "date $d: $out"
done
for d in 2024-02-30 2024-13-01 "'yesterday'" "'2024-03-05T25:00'" "[2024]"; do
  n=$((n + 1))
  printf -- '---\ntitle: Dated\npubDate: %s\n---\n\nx\n' "$d" >date-$n.md
  run 0 "^postpress: date-$n.md:3:10: warning: " date-$n.md -o date-$n.epub
  written date-$n.epub
done

echo "## Size and depth"
make() { python3 "$ROOT/tests/cli/make_hostile_posts.py" "$@"; }
make big big.md 50
make deep deep.md
make table table.md
make chain nodes.md
make tangle edges.md
timeout 60 "$PP" -q big.md -o big.epub && pass "50 MB post converted" || fail "50 MB post"
$CHECK_EPUB big.epub --contains "Section 9000" >/dev/null && pass "50 MB post complete" || fail "50 MB post lost text"
run 1 '^postpress: big.md: error: cannot read post: file is larger than the 32 MiB limit$' --max-input-size 32M big.md -o small.epub
grep -q '^  hint: --max-input-size raises the limit$' <<<"$LAST_ERR" && pass "the hint names the flag" || fail "no hint: $LAST_ERR"
absent small.epub
run 2 "^postpress: error: --max-input-size needs a size such as 64M, 512K or 1G, not 'lots'$" --max-input-size lots big.md -o small.epub
for ext in epub pdf; do
  run 0 '^postpress: deep.md:5:129: warning: lists or quotes nested deeper than 64 levels are flattened$' deep.md -o deep.$ext
  written deep.$ext
done
grep -q '^  hint: --max-nesting raises the limit$' <<<"$LAST_ERR" && pass "the nesting hint names the flag" || fail "no hint: $LAST_ERR"
$CHECK_EPUB deep.epub --contains "list bottom" --contains "quote bottom" --contains "mixed bottom" --contains "html bottom" >/dev/null \
  && pass "deep text kept" || fail "deep text lost"
run 0 'nested deeper than 1000' --max-nesting 1000 deep.md -o deep-1000.epub
$CHECK_EPUB deep-1000.epub --contains "list bottom" >/dev/null && pass "--max-nesting 1000" || fail "--max-nesting 1000"
run 2 "^postpress: error: --max-nesting needs a number from 1 to 1000, not '5000'$" --max-nesting 5000 deep.md -o x.epub
for ext in epub pdf; do
  timeout 120 "$PP" -q table.md -o table.$ext && pass "100,000-cell table to $ext" || fail "100,000-cell table to $ext"
done
$CHECK_EPUB table.epub --contains r9999c9 >/dev/null && pass "table images, the last row in the alt text" || fail "table images"
# Narrow columns wrap "r9999c9" after the digits.
[[ $(pdftotext -f "$(pdfinfo table.pdf | sed -n 's/^Pages: *//p')" table.pdf - | grep -c '^r9999$') == 10 ]] \
  && pass "the last row on the last PDF page" || fail "table PDF"
run 0 '^postpress: nodes.md:6:1: warning: diagram not drawn: the diagram is 177793 bytes, more than the limit of 50000 \(--max-diagram-edges raises the limit\)$' \
  nodes.md -o nodes.epub
diagnostics 1
written nodes.epub
run 0 '^postpress: nodes.md:2007:9: warning: diagram not drawn: too many edges: more than 2000 \(--max-diagram-edges raises the limit\)$' \
  --max-diagram-edges 2000 nodes.md -o nodes.epub
# 500 random edges among 150 nodes is the densest diagram the default admits: laid out with capped effort.
timeout 60 "$PP" -q edges.md -o edges.epub && pass "500-edge tangle drawn within 60 s" || fail "500-edge tangle"
$CHECK_EPUB edges.epub --diagrams 1 >/dev/null && pass "tangle image" || fail "tangle image"

echo "## Images"
cp "$SAMPLES/assets/figure-layout.png" good.png
head -c 300 good.png >truncated.png
: >empty.png
cp "$ROOT/tests/fixtures/images/sample.jpg" photo.png
head -c 400 "$ROOT/tests/fixtures/images/sample.jpg" >truncated.jpg
printf 'GIF89a' >stub.gif
printf '<html>not an image</html>' >page.png
python3 - <<'PY'
import struct, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
open("huge.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
PY
post images.md '![t](truncated.png)\n\n![e](empty.png)\n\n![p](photo.png)\n\n![tj](truncated.jpg)\n\n![g](stub.gif)\n\n' \
  '![h](page.png)\n\n![huge](huge.png)\n'
run 0 '' images.md -o images.epub
diagnostics 6
said "images.md:5:1: warning: 'truncated.png' is cut short \(the png file ends early\); left out" \
     "images.md:7:1: warning: 'empty.png' is not a PNG, JPEG, GIF, WebP or SVG image; left out" \
     "images.md:11:1: warning: 'truncated.jpg' is cut short \(the jpg file ends early\); left out" \
     "images.md:13:1: warning: 'stub.gif' is a damaged gif image \(no readable size\); left out" \
     "images.md:15:1: warning: 'page.png' is not a PNG, JPEG, GIF, WebP or SVG image; left out" \
     "images.md:17:1: warning: image 'huge.png' is 20000 x 20000 pixels, over the 100-megapixel limit; left out"
list=$(unzip -Z1 images.epub)
[[ $list == *images/photo.jpg* && $(grep -c '^EPUB/images/' <<<"$list") == 1 ]] \
  && pass "only the JPEG named .png is embedded, as .jpg" || fail "embedded images: $list"
run 0 '' images.md -o images.pdf
diagnostics 6
said "images.md:5:1: warning: image 'truncated.png' cannot be shown: corrupt PNG: the file ends early" \
     "images.md:11:1: warning: image 'truncated.jpg' cannot be shown: corrupt JPEG: the file ends early" \
     "images.md:17:1: warning: image 'huge.png' cannot be shown: image is 20000 x 20000 pixels, over the 100-megapixel limit \(--max-image-pixels raises it\)"
run 0 '' --max-image-pixels 500M images.md -o images-500.epub
grep -q huge <<<"$LAST_ERR" && fail "--max-image-pixels 500M still refused huge.png" || pass "--max-image-pixels raises the limit"
run 2 "^postpress: error: --max-image-pixels needs a pixel count such as 100M or 40000000, not '1e9'$" --max-image-pixels 1e9 images.md -o x.epub

echo "## Text that spells an image's placeholder marker"
# An undecoded PNG is found in cairo's PDF by a marker made of the file's SHA-1, which anyone can write:
# into a heading (an outline title, written uncompressed), or into a JPEG's comment. Neither may take the
# PNG's place, nor stop the conversion.
marker="postpress-png-$(sha1sum good.png | cut -c1-40)"
python3 - "$ROOT/tests/fixtures/images/sample.jpg" "$marker" <<'PY'
import struct, sys
jpeg, marker = open(sys.argv[1], "rb").read(), sys.argv[2].encode()
open("marked.jpg", "wb").write(jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(marker) + 2) + marker + jpeg[2:])
PY
post marker.md "# $marker\n\n![png](good.png)\n\n![jpeg](marked.jpg)\n\nThe words $marker in a paragraph.\n"
run 0 '' marker.md -o marker.pdf
diagnostics 0
images=$(pdfimages -list marker.pdf | awk 'NR > 2 {print $4 "x" $5 " " $9}' | sort | tr '\n' ' ')
[[ $images == "24x16 jpeg 800x400 image " ]] \
  && pass "the PNG and the JPEG carrying its marker each keep their own data" || fail "marker.pdf images: $images"
[[ $(qpdf --check marker.pdf 2>&1) == *"No syntax or stream encoding errors"* ]] && pass "marker.pdf passes qpdf" \
  || fail "qpdf on marker.pdf"

echo "## Image paths"
cp good.png public/img/site.png
ln -s /etc/hostname outside.png
ln -s loop-b.png loop-a.png && ln -s loop-a.png loop-b.png
mkdir -p ../elsewhere && cp good.png ../elsewhere/other.png
post posts/paths.md '![up](../../elsewhere/other.png)\n\n![abs](/etc/hostname)\n\n![site](/img/site.png)\n\n' \
  '![link](../outside.png)\n\n![loop](../loop-a.png)\n\n![url](https://example.com/x.png)\n\n![file](file:///etc/passwd)\n\n' \
  '![nul](x%00.png)\n\n![data](data:image/png;base64,iVBORw0KGgo=)\n'
for ext in epub pdf; do
  run 0 '' posts/paths.md -o paths.$ext
  diagnostics 8
done
run 0 '' posts/paths.md -o paths.epub
said "posts/paths.md:5:1: warning: image refused: '../../elsewhere/other.png' \(the path leaves the project folder\)" \
     "posts/paths.md:7:1: warning: image not found: '/etc/hostname' \(no such file in the project's public/ folder or root \(paths starting with / are site paths\)\)" \
     "posts/paths.md:11:1: warning: image refused: '../outside.png' \(the path leaves the project folder\)" \
     "posts/paths.md:13:1: warning: image not found: '../loop-a.png' \(cannot resolve the path: too many levels of symbolic links\)" \
     "posts/paths.md:15:1: warning: remote image not embedded: 'https://example.com/x.png' \(only local files can go into a book\)" \
     "posts/paths.md:17:1: warning: image from a 'file:' URL removed" \
     "posts/paths.md:19:1: warning: image not found: 'x%00.png' \(empty path\)" \
     "posts/paths.md:21:1: warning: image from a 'data:' URL removed"
[[ $(unzip -Z1 paths.epub | grep -c '^EPUB/images/') == 1 ]] && pass "only the site image is embedded" || fail "paths.epub images"
run 0 '' --resource-path ../elsewhere posts/paths.md -o paths-wider.epub
diagnostics 7
[[ $(unzip -Z1 paths-wider.epub | grep -c '^EPUB/images/') == 2 ]] && pass "--resource-path admits the other folder" \
  || fail "--resource-path"

# The PDF draws the title page after the body, but its hero image's warning still comes first, in source order.
printf -- '---\ntitle: Hero\nheroImage: ./no-hero.png\n---\n\n![gone](./no-body.png)\n' >posts/hero.md
run 0 '' posts/hero.md -o hero.pdf
diagnostics 2
[[ $(sed -nE 's/^postpress: ([^ ]+): warning: .*/\1/p' <<<"$LAST_ERR") == $'posts/hero.md:3:1\nposts/hero.md:6:1' ]] \
  && pass "PDF warnings in source order, hero image first" || fail "PDF warning order: $LAST_ERR"

echo "## Input and output paths"
post a.md 'Hello.\n'
ln -s loop-post-b.md loop-post-a.md && ln -s loop-post-a.md loop-post-b.md
run 1 '^postpress: loop-post-a.md: error: cannot read post: Too many levels of symbolic links$' loop-post-a.md -o loop.epub
absent loop.epub
ln -s a.md alias.md
run 2 "^postpress: error: the output 'alias.md' is also an input$" a.md -o alias.md --to epub
ln a.md hard.md
run 2 "^postpress: error: the output 'hard.md' is also an input$" a.md -o hard.md --to epub
[[ $(head -c 3 a.md) == --- ]] && pass "the input survives" || fail "a.md was overwritten"
run 1 "^postpress: error: cannot create a file in '/proc/self'" a.md -o /proc/self/book.epub
if [[ $(id -u) != 0 ]]; then  # root writes anywhere: the permission case only means something for others
  mkdir -p locked && chmod 555 locked
  run 1 "^postpress: error: cannot create a file in 'locked': Permission denied$" a.md -o locked/book.epub
  chmod 755 locked
fi
# A full disk, as the file-size limit makes it: the write fails, and neither the book nor a temp file stays.
echo OLD >full.epub
code=0
(trap '' XFSZ; ulimit -f 8; exec "$PP" big.md --max-input-size 64M -o full.epub) 2>full.err || code=$?
((code == 1)) && grep -q "^postpress: error: cannot write 'full.epub': File too large$" full.err \
  && pass "a full disk is an error" || fail "full disk: exit $code: $(cat full.err)"
unchanged full.epub
no_temp_files

finish
