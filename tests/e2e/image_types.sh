#!/usr/bin/env bash
# Every image type a post may use, embedded with the media type its bytes say (not its name); WebP as PNG,
# in all four languages; SVG arrives without script.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
touch postpress.yaml
cp -r "$ROOT/tests/fixtures/images" img
declare -A title=([en]="Image types" [zh]="图片格式" [ja]="画像形式" [ko]="이미지 형식")
for lang in en zh ja ko; do
  mkdir -p "$lang"
  cat > "$lang/images.md" <<MD
---
title: '${title[$lang]}'
heroImage: ../img/sample.jpg
---

![PNG](../img/sample.png)

![JPEG](../img/sample.jpg) ![WebP](../img/sample.webp) ![GIF](../img/sample.gif)

![SVG](../img/sample.svg)

![disguised](../img/disguised.jpg)
MD
  "$PP" --strict "$lang/images.md" -o "$lang.epub" || fail "$lang conversion"
  python3 - "$lang.epub" <<'PY' || fail "$lang media types"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
opf = z.read("EPUB/package.opf").decode()
items = dict(re.findall(r'href="(images/[^"]+)" media-type="([^"]+)"', opf))
want = {"images/sample.png": "image/png", "images/sample.jpg": "image/jpeg", "images/sample-2.png": "image/png",
        "images/sample.gif": "image/gif", "images/sample.svg": "image/svg+xml", "images/disguised.png": "image/png"}
assert items == want, items
assert 'properties="cover-image"' in opf and re.search(r'href="images/sample.jpg"[^>]*cover-image', opf), "JPEG hero is the cover"
# JPEG bytes are carried as they are, never re-encoded.
assert z.read("EPUB/images/sample.jpg") == open("img/sample.jpg", "rb").read()
# WebP arrives as a lossless PNG of the same size (EPUB 3.2 readers need no WebP decoder).
import struct, zlib
png = z.read("EPUB/images/sample-2.png")
assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", png[:16]
assert struct.unpack(">II", png[16:24]) == (24, 16), struct.unpack(">II", png[16:24])
svg = z.read("EPUB/images/sample.svg").decode()
assert "script" not in svg and "onload" not in svg and "alert" not in svg and "SVG 图" in svg, svg
PY
  epubcheck "$lang.epub"
done

# A linked image alone in its paragraph is a figure in both outputs, and stays a link.
printf -- '---\ntitle: Linked\n---\n\n[![PNG](img/sample.png)](https://example.com/big)\n' > linked.md
if "$PP" --strict linked.md -o linked.epub && "$PP" --strict linked.md -o linked.pdf; then
  xhtml=$(unzip -p linked.epub 'EPUB/text/c*.xhtml')
  if grep -q '<figure class="image"><a href="https://example.com/big"[^>]*><img' <<<"$xhtml"; then pass "linked lone image: EPUB figure with its link"
  else fail "linked lone image in the EPUB: $(grep -o '<figure.\{0,120\}' <<<"$xhtml")"; fi
  if qpdf --qdf --object-streams=disable linked.pdf linked-qdf.pdf && grep -aq "/URI (https://example.com/big)" linked-qdf.pdf; then
    pass "linked lone image: PDF link annotation"
  else
    fail "linked lone image: no link annotation in the PDF"
  fi
  epubcheck linked.epub
else
  fail "linked.md conversion"
fi
finish
