#!/usr/bin/env bash
# Inputs built to hurt: deep nesting, a 10 MB post, one enormous line. Each must finish (the CTest
# TIMEOUT bounds it) and give a valid, complete book.
source "$(dirname "$0")/../e2e/lib.sh"
cd "$WORK"
touch postpress.yaml

python3 - <<'PY'
depth = 3000
with open("deep-quotes.md", "w") as f:
    f.write("---\ntitle: Deep quotes\n---\n\n" + "> " * depth + "bottom\n")
with open("deep-lists.md", "w") as f:
    f.write("---\ntitle: Deep lists\n---\n\n")
    for i in range(depth):
        f.write("  " * i + "- level %d\n" % i)
with open("deep-html.md", "w") as f:
    f.write("---\ntitle: Deep HTML\n---\n\n" + "<div>" * 5000 + "x" + "</div>" * 5000 + "\n\n" + "<span>" * 5000 + "\n")
with open("emphasis.md", "w") as f:
    f.write("---\ntitle: Emphasis\n---\n\n" + "*a **b " * 20000 + "\n")
with open("footnotes.md", "w") as f:
    # 80,000 lines, then 80,000 references on the last one: finding each reference's line by scanning
    # from the top made this quadratic (about 40 s here, against 1 s with the line index).
    f.write("---\ntitle: Footnotes\n---\n\n" + "line\n\n" * 40000 + "x[^n]" * 80000 + "\n\n[^n]: The note.\n")
with open("long-line.md", "w") as f:
    f.write("---\ntitle: Long line\n---\n\n" + "x" * 2_000_000 + "\n\n```\n" + "y" * 200_000 + "\n```\n")
PY
python3 "$ROOT/tests/cli/make_hostile_posts.py" big big.md 10

for post in deep-quotes deep-lists deep-html emphasis big long-line footnotes; do
  # A generous bound that only an accidentally quadratic pass exceeds.
  if timeout 20 "$PP" -q "$post.md" -o "$post.epub"; then
    pass "$post converted"
    $CHECK_EPUB "$post.epub" --chapters 1 >/dev/null || fail "$post structure"
  else
    fail "$post did not convert"
  fi
done
warnings=$("$PP" deep-quotes.md -o deep-quotes-2.epub 2>&1)
grep -q "flattened" <<<"$warnings" && pass "depth warning" || fail "no flattening warning"
$CHECK_EPUB big.epub --contains "Section 7000" >/dev/null || fail "big post lost text"
epubcheck big.epub
finish
