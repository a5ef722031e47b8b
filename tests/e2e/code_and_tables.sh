#!/usr/bin/env bash
# Code and tables in both outputs, in four languages: highlighted code as coloured runs in the PDF and
# Pandoc-class spans in the EPUB (plain when the language is unknown), line numbers, tables as images in
# the EPUB (a long one cut into parts, each with the header in its picture and its alt text, 2x pixels),
# --tables html, and epubcheck on all of it.
source "$(dirname "$0")/lib.sh"

declare -A word=([en]="Service" [zh]="服务" [ja]="サービス" [ko]="서비스")
declare -A table_label=([en]="Table: " [zh]="表格：" [ja]="表：" [ko]="표: ")
for lang in en zh ja ko; do
  {
    printf -- '---\ntitle: "Code and tables %s"\npubDate: 2026-01-02\nlang: %s\n---\n\n' "$lang" "$lang"
    printf 'Intro %s.\n\n```python\ndef handler(event):\n    # %s\n    return {"status": 200, "items": [1, 2.5]}\n```\n\n' "${word[$lang]}" "${word[$lang]}"
    printf '```foolang\nif x then y # not a comment here\n```\n\n'
    printf '| %s | Port | **Notes** |\n|:---|---:|:---:|\n' "${word[$lang]}"
    for i in $(seq 1 60); do printf '| %s-%02d | %d | `cfg-%d` and text %s |\n' "${word[$lang]}" "$i" $((8000 + i)) "$i" "${word[$lang]}"; done
    printf '\n| A | B |\n|---|---|\n| short | [link](https://example.com/) |\n'
  } >"$WORK/$lang.md"

  # --- EPUB: tables as images (default) ---
  epub=$WORK/$lang.epub
  if "$PP" -q "$WORK/$lang.md" -o "$epub" --code-line-numbers; then
    epubcheck "$epub"
    rm -rf "$WORK/x-$lang" && mkdir -p "$WORK/x-$lang" && (cd "$WORK/x-$lang" && unzip -q "$epub")
    if python3 - "$WORK/x-$lang" "${table_label[$lang]}" "${word[$lang]}" <<'PY'; then pass "$lang: table images"; else fail "$lang: table images"; fi
import glob, re, struct, sys, html
root, label, word = sys.argv[1], sys.argv[2], sys.argv[3]
xhtml = open(glob.glob(root + "/EPUB/text/c*.xhtml")[0], encoding="utf-8").read()
assert "<table" not in xhtml, "an XHTML table is left"
figures = re.findall(r'<figure class="table-image">(.*?)</figure>', xhtml)
assert len(figures) == 2, f"{len(figures)} table figures"
long_parts = re.findall(r'<img src="\.\./([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)"', figures[0])
assert len(long_parts) >= 3, f"the 60-row table is {len(long_parts)} image(s)"
rows_seen = []
for href, alt, w, h in long_parts:
    alt = html.unescape(alt)
    assert alt.startswith(label + word), f"alt does not open with the header: {alt[:40]!r}"
    rows_seen += re.findall(re.escape(word) + r"-(\d\d)", alt)
    png = open(f"{root}/EPUB/{href}", "rb").read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pw, ph = struct.unpack(">II", png[16:24])
    assert abs(pw - 2 * int(w)) <= 2 and abs(ph - 2 * int(h)) <= 2, f"{href}: {pw}x{ph} px for {w}x{h}"
    assert int(h) <= 660, f"a part is {h} px tall"
# Every row once, in order, across the parts' alt texts.
assert rows_seen == [f"{i:02d}" for i in range(1, 61)], rows_seen[:5]
# Highlighted python with line numbers; the unknown language stays plain text (numbers only).
blocks = re.findall(r'<pre class="([^"]*)" data-lang="([^"]+)"><code[^>]*>(.*?)</code></pre>', xhtml, re.S)
python = [b for b in blocks if b[1] == "python"][0]
foolang = [b for b in blocks if b[1] == "foolang"][0]
assert "highlighted" in python[0]
for cls in ("kw", "cf", "co", "st", "dv"):
    assert f'<span class="{cls}">' in python[2], f"no {cls} span in python"
assert python[2].count('<span class="ln" aria-hidden="true">') == 3
assert "highlighted" not in foolang[0]
assert re.sub(r'<span class="ln"[^>]*>[^<]*</span>', "", foolang[2]).find("<span") < 0, "foolang has token spans"
PY
  else
    fail "$lang: postpress epub"
  fi

  # --- EPUB: --tables html ---
  if "$PP" -q "$WORK/$lang.md" -o "$WORK/$lang-html.epub" --tables html; then
    rc=0; unzip -p "$WORK/$lang-html.epub" 'EPUB/text/c*.xhtml' | grep -c "<table" >/dev/null || rc=$?
    if ((rc == 0)) && ! unzip -l "$WORK/$lang-html.epub" | grep -q "table-"; then pass "$lang: --tables html"
    else fail "$lang: --tables html"; fi
  else
    fail "$lang: postpress --tables html"
  fi

  # --- PDF: syntax colours in the drawing, the header repeated ---
  pdf=$WORK/$lang.pdf
  if "$PP" -q "$WORK/$lang.md" -o "$pdf"; then
    colours=$(python3 "$ROOT/tests/e2e/pdf_colours.py" "$pdf")
    # keyword, comment, string, number: the print theme's syntax colours
    missing=""
    for c in 1c3f94 696969 2b6a12 9a4300; do grep -qx "$c" <<<"$colours" || missing+=" $c"; done
    if [[ -z $missing ]]; then pass "$lang: pdf syntax colours"; else fail "$lang: pdf syntax colours missing:$missing"; fi
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    header_pages=$(for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$pdf" - | grep -c "^Port$" || true; done | grep -c "^[1-9]" || true)
    rows_pages=$(for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$pdf" - | grep -cE -- "${word[$lang]}-[0-9]{2}" || true; done | grep -c "^[1-9]" || true)
    if ((rows_pages >= 2 && header_pages == rows_pages)); then pass "$lang: pdf table header on all $rows_pages pages"
    else fail "$lang: pdf header on $header_pages pages, rows on $rows_pages"; fi
  else
    fail "$lang: postpress pdf"
  fi
done

# --figures svg draws table images as SVG too.
if "$PP" -q "$WORK/en.md" -o "$WORK/svg.epub" --figures svg; then
  names=$(unzip -Z1 "$WORK/svg.epub")
  if grep -q '^EPUB/images/table-.*\.svg$' <<<"$names" && ! grep -q '^EPUB/images/table-.*\.png$' <<<"$names"; then
    pass "--figures svg: table images as SVG"
  else
    fail "--figures svg: $(grep table- <<<"$names" | head -3)"
  fi
  epubcheck "$WORK/svg.epub"
else
  fail "postpress --figures svg"
fi

# The same table in two posts is one image, unless it cites footnotes (numbered per post).
for n in 1 2; do
  {
    printf -- '---\ntitle: Post %s\n---\n\n' "$n"
    [[ $n == 2 ]] && printf 'First[^a].\n\n'
    printf '| K | V |\n|---|---|\n| x | y |\n\n| K | Note |\n|---|---|\n| x | see[^b] |\n\n'
    [[ $n == 2 ]] && printf '[^a]: A.\n'
    printf '[^b]: B.\n'
  } >"$WORK/dup$n.md"
done
if "$PP" -q "$WORK/dup1.md" "$WORK/dup2.md" --title Dup -o "$WORK/dup.epub"; then
  count=$(unzip -Z1 "$WORK/dup.epub" | grep -c '^EPUB/images/table-' || true)
  if [[ $count == 3 ]]; then pass "shared table once, note-citing table per post"; else fail "$count table images, expected 3"; fi
else
  fail "postpress dup"
fi

# Code and diagrams as later children of list items: each is highlighted and drawn (they used to be laid
# out from copies, which missed the caches keyed by block and could show one item's diagram in another).
{
  printf -- '---\ntitle: Nested\n---\n\n- one\n\n  ```mermaid\n  graph TD\n    Alpha --> Beta\n  ```\n\n'
  printf -- '- two\n\n  ```mermaid\n  graph TD\n    Gamma --> Delta\n  ```\n\n'
  printf -- '- three\n\n  ```python\n  def f():\n      return 1\n  ```\n'
} >"$WORK/nested.md"
if "$PP" -q "$WORK/nested.md" -o "$WORK/nested.pdf"; then
  text=$(pdftotext "$WORK/nested.pdf" -)
  if [[ $text == *Alpha* && $text == *Gamma* && $text == *Delta* ]]; then pass "diagrams in list items each drawn"
  else fail "diagrams in list items: $(tr '\n' ' ' <<<"$text")"; fi
  if grep -qx 1c3f94 <<<"$(python3 "$ROOT/tests/e2e/pdf_colours.py" "$WORK/nested.pdf")"; then pass "code in a list item highlighted"
  else fail "code in a list item not highlighted"; fi
else
  fail "postpress nested.pdf"
fi

# A table whose one row is taller than a screen: drawn smaller rather than over the readers' 4 megapixels
# (check_epub checks every drawn PNG).
python3 -c "print('---\ntitle: Tall\n---\n\n| A | B |\n|---|---|\n| ' + 'word ' * 30000 + '| x |')" >"$WORK/tall.md"
if "$PP" -q "$WORK/tall.md" -o "$WORK/tall.epub"; then
  $CHECK_EPUB "$WORK/tall.epub" --tables 1 && pass "tall table image within 4 megapixels" || fail "tall table image"
else
  fail "postpress tall.md"
fi

# Plain code only: none of the syntax colours may appear.
printf -- '---\ntitle: Plain\n---\n\n```foolang\ndef x(): return "s" # 42\n```\n\n```\nmore 1 "two"\n```\n' >"$WORK/plain.md"
if "$PP" -q "$WORK/plain.md" -o "$WORK/plain.pdf"; then
  colours=$(python3 "$ROOT/tests/e2e/pdf_colours.py" "$WORK/plain.pdf")
  found=""
  for c in 1c3f94 696969 2b6a12 9a4300 6a2c91 0d5e63; do grep -qx "$c" <<<"$colours" && found+=" $c"; done
  if [[ -z $found ]]; then pass "plain code has no syntax colours"; else fail "plain code coloured:$found"; fi
else
  fail "postpress plain.pdf"
fi
finish
