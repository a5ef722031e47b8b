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
# An opaque 8-bit PNG goes into the PDF undecoded: the image's stream is the file's own IDAT data, which
# qpdf, undoing FlateDecode and the PNG predictor, turns into the pixels the PNG holds.
printf -- '---\ntitle: PNG 图片\n---\n\n![PNG](img/sample.png)\n' > png.md
if "$PP" --strict png.md -o png.pdf; then
  python3 - png.pdf img/sample.png <<'PY' && pass "PNG embedded undecoded in the PDF, same pixels" || fail "PNG in the PDF"
import struct, subprocess, sys, zlib
pdf, png = sys.argv[1], open(sys.argv[2], "rb").read()
chunks, at = [], 8
while at < len(png):
    n, = struct.unpack(">I", png[at:at + 4]); chunks.append((png[at + 4:at + 8], png[at + 8:at + 8 + n])); at += 12 + n
idat = b"".join(d for t, d in chunks if t == b"IDAT")
w, h = struct.unpack(">II", png[16:24])
raw, rows, prev, bpp, stride = zlib.decompress(idat), [], bytearray(w * 3), 3, w * 3
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); prev = line
listing = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
images = [l.split() for l in listing if l.split()[3:5] == [str(w), str(h)]]
assert len(images) == 1, listing
obj = images[0][10]
show = lambda *extra: subprocess.run(["qpdf", "--show-object=" + obj, *extra, pdf], capture_output=True, check=True).stdout
assert show("--raw-stream-data") == idat, "the stream is not the PNG's IDAT data"
assert b"/Predictor 15" in show(), show()
assert show("--filtered-stream-data") == b"".join(rows), "decoded pixels differ from the PNG's"
PY
  qpdf --check png.pdf > /dev/null && pass "qpdf --check png.pdf" || fail "qpdf --check png.pdf"
else
  fail "png.md conversion"
fi
finish
