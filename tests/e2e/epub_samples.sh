#!/usr/bin/env bash
# Every sample post, a per-language book and an all-language book: epubcheck clean, and the structure
# and text a reader gets are what the posts say.
source "$(dirname "$0")/lib.sh"

declare -A lang_tag=([en]=en [zh]=zh-Hans [ja]=ja [ko]=ko)
pids=()
for post in "$SAMPLES"/blog/*/*.md; do
  lang=$(basename "$(dirname "$post")")
  out=$WORK/$lang-$(basename "${post%.md}").epub
  # The translated post has a hero image and an inline figure; the others a hero image only.
  images=1
  [[ $(basename "$post") == ebook-pipeline.md ]] && images=2
  diagrams=$(grep -c '^```mermaid' "$post" || true)
  tables=$(grep -cE '^\|[ :|-]*---' "$post" || true)
  if "$PP" --strict "$post" -o "$out"; then
    $CHECK_EPUB "$out" --chapters 1 --lang "${lang_tag[$lang]}" --images $images --diagrams "$diagrams" --tables "$tables" --min-nav 4 \
      --cover || fail "content $out"
  else
    fail "postpress $post"
  fi
done

# The translated post in four languages: the same structure, each in its own language.
$CHECK_EPUB "$WORK/zh-ebook-pipeline.epub" --contains "Promise<string>" --contains "中日韩文本、过宽的表格" \
  --absent "很多年 来" || fail "zh text"
$CHECK_EPUB "$WORK/ko-ebook-pipeline.epub" --contains "Promise<string>" || fail "ko text"
$CHECK_EPUB "$WORK/ja-vertical-notes.epub" --contains "組版(くみはん)" || fail "ja ruby"
# Diagrams are images whose alt text carries their labels, in the post's language.
$CHECK_EPUB "$WORK/zh-ebook-pipeline.epub" --contains "解析前置元数据" --diagrams 1 || fail "zh diagram alt text"
# SVG figures on request.
"$PP" --strict --figures svg "$SAMPLES/blog/en/reproducible-builds.md" -o "$WORK/svg-figures.epub" || fail "--figures svg"
python3 - "$WORK/svg-figures.epub" <<'PY' || fail "svg figures"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
svg = [n for n in names if n.startswith("EPUB/images/diagram-") and n.endswith(".svg")]
assert len(svg) == 2 and not any(n.startswith("EPUB/images/diagram-") and n.endswith(".png") for n in names), names
PY

# Footnotes, named ([^note]) and numbered, link both ways; none is left as "[^label]" text.
for lang in en zh ja ko; do
  python3 - "$WORK/$lang-ebook-pipeline.epub" <<'PY' || fail "$lang footnotes"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
html = z.read(next(n for n in z.namelist() if re.match(r"EPUB/text/c001", n))).decode()
refs = re.findall(r'<a id="(pp-fnref-\d+)" href="#(pp-fn-\d+)" epub:type="noteref"', html)
notes = re.findall(r'<li id="(pp-fn-\d+)" epub:type="endnote">', html)
assert len(refs) >= 2 and {r[1] for r in refs} == set(notes), (refs, notes)
assert all(f'href="#{r[0]}"' in html for r in refs), "missing back links"
assert "[^" not in re.sub(r"<pre.*?</pre>", "", html, flags=re.S), "unresolved footnote text"
PY
done

# All eight posts as one book, ordered by date, each chapter tagged with its own language.
book=$WORK/all.epub
"$PP" --strict --title "All samples" --author "Tester" --lang en --sort date "$SAMPLES"/blog/*/*.md -o "$book" \
  || fail "postpress book"
$CHECK_EPUB "$book" --chapters 8 --lang en --title "All samples" --min-nav 40 || fail "book structure"
python3 - "$book" <<'PY' || fail "book order, related links and languages"
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
opf = z.read("EPUB/package.opf").decode()
langs = re.findall(r"<dc:language>([^<]+)</dc:language>", opf)
assert langs[0] == "en" and set(langs) == {"en", "zh-Hans", "ja", "ko"}, langs
chapters = sorted(n for n in z.namelist() if re.match(r"EPUB/text/c\d+", n))
dates = [re.search(r'datetime="([^"]+)"', z.read(c).decode()).group(1) for c in chapters]
assert dates == sorted(dates), dates
# relatedPosts slugs that are chapters link inside the book, in the linking post's language.
zh = next(c for c in chapters if 'xml:lang="zh-Hans"' in z.read(c).decode() and "ebook-pipeline" in c)
html = z.read(zh).decode()
related = html[html.index('class="related"'):]
assert re.search(r'<a href="c\d+-cjk-typography\.xhtml">', related), related[:400]
assert "相关文章" in related
PY

for f in "$WORK"/*.epub; do epubcheck "$f" & pids+=($!); if ((${#pids[@]} >= 2)); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi; done
wait
finish
