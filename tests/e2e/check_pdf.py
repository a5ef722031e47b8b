#!/usr/bin/env python3
"""Checks a postpress PDF with the real tools: qpdf --check, pdffonts, pdftotext, qpdf --json.

usage: check_pdf.py PDF [--lang ja|zh|ko|en] [--expect TEXT]... [--toc] [--outline N]
Prints one line per failed check and exits 1 if any failed.
"""
import argparse
import json
import re
import subprocess
import sys

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def page_text(pdf, first, last=None):
    return run("pdftotext", "-layout", "-f", str(first), "-l", str(last or first), pdf, "-").stdout


def squash(s):
    return re.sub(r"\s+", "", s)


def link_targets(pdf, front_pages=None):
    """The 1-based pages that the internal links on the first `front_pages` pages (all: None) jump to, in
    order."""
    objects = json.loads(run("qpdf", "--json=2", pdf).stdout)["qpdf"][1]
    pages = [p["object"] for p in json.loads(run("qpdf", "--json", "--json-key=pages", pdf).stdout)["pages"]]
    number = {ref: i + 1 for i, ref in enumerate(pages)}

    def value(ref):
        return objects["obj:" + ref]["value"]

    targets = []
    for ref in pages[:front_pages]:
        annots = value(ref).get("/Annots", [])
        for annot in value(annots) if isinstance(annots, str) else annots:
            dest = value(annot).get("/Dest")
            if dest:
                targets.append(number.get(dest[0]))
    return targets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--lang")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--toc", action="store_true")
    ap.add_argument("--outline", type=int)
    # The pages where these texts first appear must be exactly the pages the document's internal links
    # jump to: a link that lands a page off, or one more link target, fails.
    ap.add_argument("--link-targets", action="append", default=[])
    a = ap.parse_args()

    check = run("qpdf", "--check", a.pdf)
    if check.returncode != 0 or "No syntax or stream encoding errors" not in check.stdout or check.stderr.strip():
        fail("qpdf --check: " + (check.stdout + check.stderr).strip()[-400:])

    fonts = run("pdffonts", a.pdf).stdout.splitlines()[2:]
    if not fonts:
        fail("pdffonts lists no fonts")
    for line in fonts:
        cols = line.split()
        # name type... emb sub uni object ID: emb is the 5th column from the end
        if len(cols) < 7 or cols[-5] != "yes":
            fail("font not embedded: " + line)
    names = " ".join(l.split()[0] for l in fonts)
    wanted = {"ja": "jp", "zh": "sc", "ko": "kr"}
    if a.lang in wanted:
        if not re.search(r"CJK" + wanted[a.lang], names):
            fail(f"no CJK {wanted[a.lang]} face embedded for {a.lang}: {names}")
        for other in set(wanted.values()) - {wanted[a.lang]}:
            if re.search(r"CJK" + other + r"\b|CJK" + other + "-", names):
                fail(f"{a.lang} document embeds a CJK {other} face: {names}")

    info = run("pdfinfo", a.pdf).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    extracted = run("pdftotext", a.pdf, "-")
    text = extracted.stdout
    # Poppler reads what it can and complains on stderr: a font object cairo wrote wrongly (a CID font
    # taken for a simple one, say) still lists in pdffonts but shows up here.
    complaints = [l for l in extracted.stderr.splitlines() if l.startswith(("Syntax Error", "Syntax Warning"))]
    if complaints:
        fail("pdftotext: " + "; ".join(sorted(set(complaints)))[:400])
    flat = squash(text)
    last = -1
    for expected in a.expect:
        at = flat.find(squash(expected), last + 1)
        if at < 0:
            fail(f"text not found in reading order: {expected!r}")
        else:
            last = at

    meta = json.loads(run("qpdf", "--json", "--json-key=pagelabels", "--json-key=outlines", a.pdf).stdout)
    labels = meta.get("pagelabels", [])
    body_start = 0
    for entry in labels:
        if entry.get("label", {}).get("/S") == "/D":
            body_start = entry["index"]
    if not labels:
        fail("no page labels")

    def count(outlines):
        return sum(1 + count(o.get("kids", [])) for o in outlines)

    n_outline = count(meta.get("outlines", []))
    if a.outline is not None and n_outline != a.outline:
        fail(f"outline has {n_outline} entries, expected {a.outline}")

    if a.link_targets:
        texts = {}
        for wanted in a.link_targets:
            found = next((p for p in range(1, pages + 1) if squash(wanted) in squash(page_text(a.pdf, p))), None)
            if found is None:
                fail(f"link target text not found: {wanted!r}")
            texts[wanted] = found
        landed = set(link_targets(a.pdf))
        if landed != set(texts.values()):
            fail(f"internal links jump to pages {sorted(landed)}, but the texts are on {texts}")
        else:
            print(f"ok: internal links land on pages {sorted(landed)}")

    if a.toc:
        # Contents pages: entries end in a page number; each heading must be on that body page.
        checked = 0
        for p in range(1, body_start + 1):
            for line in page_text(a.pdf, p).splitlines():
                m = re.match(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", line)
                if not m:
                    continue
                title, number = m.group(1), int(m.group(2))
                physical = body_start + number
                if physical > pages:
                    fail(f"contents entry {title!r} points past the end (page {number})")
                    continue
                if squash(title)[:12] not in squash(page_text(a.pdf, physical)):
                    fail(f"contents says {title!r} is on page {number}, but pdftotext does not find it there")
                checked += 1
        if checked == 0:
            fail("no contents entries found")
        else:
            print(f"ok: {checked} contents entries land on their pages")
        # Each entry is also a link, written in entry order, to the page its number names. Entries whose
        # number pdftotext does not set apart are not read above, so the pages read must be found among
        # the links' targets in the same order.
        numbers = [int(m.group(1)) for p in range(1, body_start + 1) for line in page_text(a.pdf, p).splitlines()
                   if (m := re.match(r"^\s*\S.*?\S\s{2,}(\d+)\s*$", line))]
        targets = iter(link_targets(a.pdf, body_start))
        for n in numbers:
            if not any(t == body_start + n for t in targets):
                fail(f"no contents link, in entry order, jumps to page {body_start + n} (body page {n})")
                break

    if failures:
        sys.exit(1)
    print(f"ok: {a.pdf} ({pages} pages, {len(fonts)} fonts, {n_outline} outline entries)")


main()
