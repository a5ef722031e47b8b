#!/usr/bin/env bash
# `postpress mermaid` on every fixture: drawable diagrams become valid images of the right size, invalid
# ones fail at the line expected.tsv names, unsupported types are refused with a clear message.
source "$(dirname "$0")/lib.sh"
FIX=$ROOT/tests/fixtures/mermaid
cd "$WORK"

lang_of() {
  case $1 in
    *-zh.mmd) echo zh-Hans ;; *-ja.mmd) echo ja ;; *-ko.mmd) echo ko ;; *) echo en ;;
  esac
}

while IFS=$'\t' read -r file type _ _ _ _ _ error_line; do
  [[ $file == file ]] && continue
  stem=${file%.mmd}
  case $type in
    flowchart|sequence)
      if err=$("$PP" mermaid "$FIX/$file" -o "$stem.png" --lang "$(lang_of "$file")" 2>&1); then
        python3 - "$stem.png" <<'PY' || fail "$file: bad PNG"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert 60 <= w <= 20000 and 60 <= h <= 20000, (w, h)
assert w % 2 == 0 and h % 2 == 0, "2x PNG has even dimensions"
PY
        pass "$file"
      else
        fail "$file did not render: $err"
      fi
      ;;
    invalid)
      code=0
      err=$("$PP" mermaid "$FIX/$file" -o "$stem.png" 2>&1) || code=$?
      if [[ $code == 1 ]] && grep -qE "^postpress: .*$file:$error_line:[0-9]+: error: " <<<"$err"; then pass "$file refused at line $error_line"
      else fail "$file: exit $code, expected an error at line $error_line: $err"; fi
      [[ ! -e $stem.png ]] || fail "$stem.png written for an invalid diagram"
      ;;
    other)
      code=0
      err=$("$PP" mermaid "$FIX/$file" -o "$stem.png" 2>&1) || code=$?
      [[ $code == 1 ]] && grep -q "diagrams are not drawn yet" <<<"$err" && pass "$file refused" || fail "$file: $err"
      ;;
  esac
done < "$FIX/expected.tsv"

# SVG and PDF of the same diagram; text as outlines in SVG; standard input to standard output.
"$PP" mermaid "$FIX/flow-lr-subgraphs-zh.mmd" --lang zh-Hans -o zh.svg || fail "svg"
svg=$(cat zh.svg)
[[ $svg == *"<svg"* && $svg != *"<text"* ]] && pass "SVG with outlined text" || fail "SVG output"
"$PP" mermaid "$FIX/seq-blocks-ja.mmd" --lang ja -o ja.pdf || fail "pdf"
qpdf --check ja.pdf >/dev/null 2>&1 && pass "PDF passes qpdf --check" || fail "qpdf --check ja.pdf"
# The diagram's language picks the Han glyph forms: Japanese gets the JP face, Chinese the SC face, embedded.
fonts=$(pdffonts ja.pdf)
grep -qE 'NotoSansCJKjp-Regular .* yes +yes' <<<"$fonts" && ! grep -q 'CJKsc' <<<"$fonts" && pass "ja diagram uses the JP font" \
  || fail "ja diagram fonts: $fonts"
# A Common-script character after Latin text ("A5・") gets Latin as its run language from Pango; the label
# must still take the Japanese face, not the Chinese fallback.
printf 'graph TD\n  A["A5・フォント埋め込み"]\n' >dot.mmd
"$PP" mermaid dot.mmd --lang ja -o dot.pdf || fail "dot pdf"
fonts=$(pdffonts dot.pdf)
grep -q 'CJKjp' <<<"$fonts" && ! grep -q 'CJKsc' <<<"$fonts" && pass "'・' after Latin stays in the JP face" \
  || fail "'・' fonts: $fonts"
"$PP" mermaid "$FIX/seq-oauth-zh.mmd" --lang zh-Hans -o zh.pdf || fail "zh pdf"
fonts=$(pdffonts zh.pdf)
grep -qE 'NotoSansCJKsc-Regular .* yes +yes' <<<"$fonts" && pass "zh diagram uses the SC font" || fail "zh diagram fonts: $fonts"
text=$(pdftotext zh.pdf -)
[[ $text == *"微信扫码登录流程"* ]] && pass "PDF text extracts" || fail "pdftotext: $text"
"$PP" mermaid - --to svg -o - < "$FIX/flow-td-basic.mmd" > stdin.svg && [[ -s stdin.svg ]] && pass "stdin to stdout" \
  || fail "stdin to stdout"
# A diagram over the size limit is refused with its real size, from a file and from standard input alike;
# standard input is not read without bound.
python3 -c "
print('graph TD')
for i in range(3000): print(f'  n{i} --> n{i+1}')" > big.mmd
for from in file stdin; do
  rc=0
  if [[ $from == file ]]; then err=$("$PP" mermaid big.mmd -o big.svg 2>&1) || rc=$?
  else err=$("$PP" mermaid - --to svg -o big.svg < big.mmd 2>&1) || rc=$?; fi
  [[ $rc == 1 && $err == *"error: the diagram is 51792 bytes, more than the limit of 50000 (--max-diagram-edges raises the limit)" ]] \
    && pass "oversized diagram from $from" || fail "oversized diagram from $from: exit $rc: $err"
done
rc=0; err=$(head -c 2000000 /dev/zero | tr '\0' a | "$PP" mermaid - --to svg -o big.svg 2>&1) || rc=$?
[[ $rc == 1 && $err == "postpress: <stdin>: error: cannot read diagram: file is larger than the 1 MiB limit" ]] \
  && pass "standard input read to a bound" || fail "unbounded stdin: exit $rc: $err"
"$PP" mermaid "$FIX/flow-td-basic.mmd" -o basic.png --scale 1 && python3 -c "
import struct; d=open('basic.png','rb').read(); w,h=struct.unpack('>II',d[16:24]); assert w < 400, w" && pass "--scale 1" \
  || fail "--scale 1"
# --opt=value as in the main command; a SOURCE_DATE_EPOCH that is not a number is warned about, not used.
"$PP" mermaid "$FIX/flow-td-basic.mmd" -o eq.png --scale=1 && pass "--scale=1" || fail "--scale=1"
rc=0; err=$(SOURCE_DATE_EPOCH=garbage "$PP" mermaid "$FIX/flow-td-basic.mmd" --to=pdf -o epoch.pdf 2>&1) || rc=$?
[[ $rc == 0 && $err == *"SOURCE_DATE_EPOCH='garbage' is not a number of seconds"* ]] && pass "bad SOURCE_DATE_EPOCH warned" \
  || fail "bad SOURCE_DATE_EPOCH: exit $rc: $err"
# Reproducible: the same source gives the same bytes.
"$PP" mermaid "$FIX/flow-td-big-architecture.mmd" -o big1.png && "$PP" mermaid "$FIX/flow-td-big-architecture.mmd" -o big2.png
cmp -s big1.png big2.png && pass "same bytes twice" || fail "PNG output differs between runs"
# Huge diagrams: drawn at a lower scale with a warning when a 2x PNG would be too big; refused by the
# parser's node limit beyond that, with the limit named.
python3 -c "
print('graph LR')
for i in range(1500): print(f'  N{i} --> N{i+1}')" > wide.mmd
# Past the default 500 edges (Mermaid's maxEdges): the flag admits it.
err=$("$PP" mermaid wide.mmd --max-diagram-edges 1500 -o wide.png 2>&1) && [[ $err == *"drawn at scale"*"to stay within PNG limits"* ]] \
  && pass "over-wide PNG drawn smaller, with a warning" || fail "over-wide PNG: $err"
python3 -c "
print('graph TD')
for i in range(2500): print(f'  A{i}[node {i}]')" > too-many.mmd
code=0; err=$("$PP" mermaid too-many.mmd -o too-many.png 2>&1) || code=$?
[[ $code == 1 && $err == *"too-many.mmd:"*"error:"*"2000"* && ! -e too-many.png ]] && pass "node limit named" \
  || fail "node limit: exit $code: $err"
code=0; err=$("$PP" mermaid missing.mmd -o x.png 2>&1) || code=$?
[[ $code == 1 && $err == *"missing.mmd: error: cannot read diagram"* ]] && pass "missing input" || fail "missing input: $err"
code=0; err=$("$PP" mermaid "$FIX/flow-td-basic.mmd" -o x.gif 2>&1) || code=$?
[[ $code == 2 && $err == *"cannot tell the format"* ]] && pass "unknown format" || fail "unknown format: $err"
finish
