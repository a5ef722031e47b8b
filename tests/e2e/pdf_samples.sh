#!/usr/bin/env bash
# Every sample post to PDF in all four languages, plus a print-edition book of all of them: qpdf, pdffonts,
# pdftotext (text in reading order, contents page numbers), outline, the right CJK face per language,
# and identical bytes from two runs.
source "$(dirname "$0")/lib.sh"
CHECK_PDF="python3 $ROOT/tests/e2e/check_pdf.py"

# Headings a post's outline holds: its title plus every ATX heading outside code fences, plus "Notes" when
# it has footnotes.
outline_size() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
body = text.split("---", 2)[2] if text.startswith("---") else text
n, fence = 1, None
for line in body.splitlines():
    m = re.match(r"^\s{0,3}(```+|~~~+)", line)
    if m:
        fence = None if fence and m.group(1)[0] == fence else (fence or m.group(1)[0])
        continue
    if not fence and re.match(r"^\s{0,3}#{1,6}\s", line):
        n += 1
if re.search(r"^\[\^[^\]]+\]:", body, re.M):
    n += 1
print(n)
PY
}

for lang in en zh ja ko; do
  for post in "$SAMPLES"/blog/$lang/*.md; do
    out=$WORK/$lang-$(basename "$post" .md).pdf
    if "$PP" -q "$post" -o "$out"; then
      title=$(sed -n "s/^title: *[\"']\{0,1\}\([^\"']*\).*/\1/p" "$post" | head -1)
      if $CHECK_PDF "$out" --lang "$lang" --expect "${title:0:20}" --outline "$(outline_size "$post")"; then pass "$lang/$(basename "$post")"
      else fail "$lang/$(basename "$post")"; fi
    else
      fail "postpress $lang/$(basename "$post")"
    fi
  done
done

# cairo's streams are deflated at zlib's fastest level (src/media/zlib_default_level.cpp): every zlib
# stream cairo wrote opens with level 1's header, 78 01, and none with the default level's 78 9C. An
# undecoded PNG's stream (/Predictor 15) is the file's own data, at whatever level its encoder chose.
levels=$(python3 - "$WORK/en-ebook-pipeline.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
heads = [data[m.end():m.end() + 2] for m in re.finditer(rb"\bstream\r?\n", data)
         if b"/Predictor 15" not in data[data.rfind(b" obj", 0, m.start()):m.start()]]
print(sum(h == b"\x78\x01" for h in heads), sum(h == b"\x78\x9c" for h in heads))
PY
)
[[ ${levels%% *} -gt 0 && ${levels#* } == 0 ]] && pass "PDF streams deflated at level 1 ($levels)" || fail "PDF stream levels (level 1, default): $levels"

# While cairo writes the font subsets at the end, its streams code Huffman only
# (src/media/default_deflate.hpp); the pages' contents, written before, still look for repeats. A
# Huffman-only stream's first block is dynamic and lists no length codes: exactly 257 literal/length
# codes, so its 5-bit HLIT is 0. Counted: CJK subsets, those Huffman only, pages, those Huffman only.
strategies=$(python3 - "$WORK/zh-ebook-pipeline.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
pages = set(re.findall(rb"/Contents (\d+) 0 R", data))
def hlit_zero(stream):  # after the 2-byte zlib header: BFINAL (1 bit), BTYPE (2), HLIT (5), least significant first
    bits = stream[2] | stream[3] << 8
    return (bits >> 1) & 3 == 2 and (bits >> 3) & 31 == 0
counts = [0, 0, 0, 0]
for m in re.finditer(rb"\bstream\r?\n", data):
    at = data.rfind(b" obj", 0, m.start())
    number, head = data[data.rfind(b"\n", 0, at) + 1:at].split()[0], data[at:m.start()]
    first = data[m.end():m.end() + 4]
    if b"/Subtype /CIDFontType0C" in head:
        counts[0] += 1
        counts[1] += hlit_zero(first)
    elif number in pages:
        counts[2] += 1
        counts[3] += hlit_zero(first)
print(*counts)
PY
)
read -r fonts fonts_huffman pages pages_huffman <<< "$strategies"
[[ $fonts -ge 4 && $fonts_huffman == "$fonts" && $pages -ge 5 && $pages_huffman == 0 ]] &&
  pass "CJK font subsets coded Huffman only, page contents not ($strategies)" ||
  fail "Huffman-only streams (CJK subsets, of them Huffman only, pages, of them Huffman only): $strategies"

# cairo's calls to zlib's deflateInit_ and FreeType's FT_Load_Sfnt_Table, and Pango's to cairo_show_glyphs
# and cairo_show_text_glyphs, bind to the executable's own definitions (src/media/zlib_default_level.cpp,
# src/text/cff_table_reads_override.cpp, src/text/glyph_use_override.cpp), as the dynamic linker reports
# them: the second keeps cairo from copying each CJK face's 15-24 MB CFF table, and the last two record
# which glyphs of it the PDF needs.
bindings=$(LD_DEBUG=bindings "$PP" -q "$SAMPLES/blog/zh/cjk-typography.md" -o "$WORK/bindings.pdf" 2>&1)
cairo_bindings=$(grep -cE "libcairo[^ ]* \[0\] to [^ ]*postpress \[0\]: normal symbol .(deflateInit_|FT_Load_Sfnt_Table)'" <<<"$bindings" || true)
pango_bindings=$(grep -oE "libpangocairo[^ ]* \[0\] to [^ ]*postpress \[0\]: normal symbol .cairo_show_(text_)?glyphs'" <<<"$bindings" |
  sort -u | wc -l)
[[ $cairo_bindings == 2 && $pango_bindings == 2 ]] &&
  pass "cairo binds to postpress's deflateInit_ and FT_Load_Sfnt_Table, Pango to its cairo_show_glyphs and cairo_show_text_glyphs" ||
  fail "bindings to postpress's own entry points: cairo's $cairo_bindings of 2, Pango's $pango_bindings of 2"

# A single post with its own contents.
if "$PP" -q "$SAMPLES/blog/en/ebook-pipeline.md" --toc -o "$WORK/toc.pdf" && $CHECK_PDF "$WORK/toc.pdf" --toc; then pass "single post with contents"
else fail "single post with contents"; fi

# The print edition of the whole sample blog: contents, chapters on right-hand pages, same bytes twice.
book=("$SAMPLES"/blog/en/*.md "$SAMPLES"/blog/zh/*.md "$SAMPLES"/blog/ja/*.md "$SAMPLES"/blog/ko/*.md)
if "$PP" -q "${book[@]}" --title "Sample Blog" --print --page-size B5 -o "$WORK/book.pdf"; then
  if $CHECK_PDF "$WORK/book.pdf" --toc --expect "Sample Blog"; then pass "print book"; else fail "print book"; fi
  size=$(pdfinfo "$WORK/book.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
  [[ $size == 498.9x708.66 ]] && pass "B5 page size" || fail "page size is $size, not B5"
  # Chapters open on right-hand (odd) pages: every chapter title's page number is odd.
  pages=$(python3 - "$WORK/book.pdf" <<'PY'
import json, subprocess, sys
j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", sys.argv[1]], capture_output=True, text=True).stdout)
print(" ".join(str(o["destpageposfrom1"]) for o in j["outlines"] if o["title"] not in ("Contents",)))
PY
)
  odd=1
  for p in $pages; do ((p % 2 == 1)) || odd=0; done
  ((odd)) && pass "chapters open on right-hand pages ($pages)" || fail "a chapter opens on a left-hand page: $pages"
  # Running heads: the book's title on left-hand pages, the chapter's title on right-hand ones.
  heads=$(python3 - "$WORK/book.pdf" <<'PY'
import subprocess, sys
pdf = sys.argv[1]
def first_line(p):
    t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
    return next((l.strip() for l in t.splitlines() if l.strip()), "")
# Body page 2 (a left-hand page in the first chapter) and body page 3 (right-hand) follow 4 front pages.
print(first_line(6) + "|" + first_line(7))
PY
)
  [[ ${heads%%|*} == "Sample Blog" ]] && pass "left running head is the book title" || fail "left running head: ${heads%%|*}"
  [[ ${heads#*|} == "From Blog Posts"* ]] && pass "right running head is the chapter title" || fail "right running head: ${heads#*|}"
  # Dot leaders are dashed strokes (a dot per zero-length dash), not a filled circle of four Bézier
  # curves per dot: the contents page's drawing holds dash settings and no curves.
  leaders=$(qpdf --qdf --object-streams=disable "$WORK/book.pdf" - | python3 -c '
import re, sys
page = sys.stdin.buffer.read().decode("latin-1").split("%% Contents for page 3")[1]
drawing = page.split("stream\n", 1)[1].split("endstream")[0]
print(len(re.findall(r"\sc(?=\s)", drawing)), drawing.count("[ 0 4.5] 0 d"))')
  [[ ${leaders%% *} == 0 && ${leaders#* } -gt 10 ]] && pass "dot leaders drawn as dashed strokes ($leaders)" \
    || fail "contents page curves and dash settings: $leaders"
  "$PP" -q "${book[@]}" --title "Sample Blog" --print --page-size B5 -o "$WORK/book2.pdf"
  cmp -s "$WORK/book.pdf" "$WORK/book2.pdf" && pass "same bytes twice" || fail "two runs differ"
else
  fail "postpress print book"
fi

# Links: external ones open their URL, internal ones (contents, footnotes) jump.
raw=$(tr -c '[:print:]\n' ' ' <"$WORK/book.pdf")
grep -q "/URI" <<<"$raw" && pass "external links" || fail "no external link annotations"
grep -q "/Dest\|/GoTo" <<<"$raw" && pass "internal links" || fail "no internal link annotations"

# Body links land where their targets are: one post links to a heading three pages into the next post and
# cites a footnote, whose note links back. The targets are resolved only after every chapter is laid out.
mkdir -p "$WORK/links"
padding=$(for i in $(seq 1 40); do printf 'Filler paragraph %s keeps the target pages apart from each other.\n\n' "$i"; done)
printf -- '---\ntitle: "Linking post"\npubDate: 2026-01-01\n---\n\nThe source sentence links [to the deep section](second.md#deep-section) and cites a note.[^n]\n\n%s\n\n[^n]: The footnote text sits at the end of this post.\n' "$padding" >"$WORK/links/first.md"
printf -- '---\ntitle: "Linked post"\npubDate: 2026-01-02\n---\n\n%s\n\n## Deep section\n\nThe deep section body.\n' "$padding" >"$WORK/links/second.md"
if "$PP" -q "$WORK/links/first.md" "$WORK/links/second.md" --title "Links" --no-toc -o "$WORK/links.pdf" &&
   $CHECK_PDF "$WORK/links.pdf" --link-targets "The deep section body" --link-targets "The footnote text sits" \
     --link-targets "The source sentence links"; then pass "body links land on their targets' pages"
else fail "body links"; fi

# Japanese glyph forms: a Japanese post embeds only the JP faces (checked above per post); a Chinese one SC.
finish
