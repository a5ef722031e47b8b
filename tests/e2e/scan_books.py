#!/usr/bin/env python3
"""Security scan of every EPUB and PDF under a folder (the test suite's work folder): nothing a reading
system could run, and no reference that leaves the book.

EPUB: no script or active elements, no on* event attributes, no javascript:/vbscript:/data:/file: URL in
any link-bearing attribute or CSS url(), no entry whose name escapes the container, every manifest item
inside the container. PDF: no JavaScript, Launch, SubmitForm or ImportData actions, and no such URI.

Exit status 1 on any finding; 1 too when no book is found, so the scan cannot pass by scanning nothing.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "applet", "form", "input", "button", "textarea",
                   "select", "frame", "frameset", "base", "foreignObject", "handler", "listener"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite",
                  "longdesc", "usemap", "xlink:href", "{http://www.w3.org/1999/xlink}href"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file|livescript|mocha):", re.I)
CSS_BAD = re.compile(r"url\(\s*['\"]?\s*(javascript|vbscript|data|file):|expression\s*\(|-moz-binding|behavior\s*:", re.I)
PDF_BAD = re.compile(rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|GoToE|RichMedia)\b|/URI\s*\(\s*(javascript|vbscript|file|data):", re.I)


def normalised_url(value):
    # Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
    return re.sub(r"[\x00-\x20]", "", value)


def local_name(tag):
    return tag.rsplit("}", 1)[-1]


def scan_markup(name, data, findings):
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        findings.append(f"{name}: not well-formed XML ({e})")
        return
    for el in root.iter():
        tag = local_name(el.tag) if isinstance(el.tag, str) else ""
        if tag in ACTIVE_ELEMENTS:
            findings.append(f"{name}: <{tag}> element")
        if tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            findings.append(f"{name}: <meta http-equiv=refresh>")
        for attr, value in el.attrib.items():
            short = local_name(attr)
            if short.lower().startswith("on"):
                findings.append(f"{name}: event attribute {short}= on <{tag}>")
            if attr in URL_ATTRIBUTES or short in URL_ATTRIBUTES:
                for part in value.split(",") if short == "srcset" else [value]:
                    if BAD_SCHEME.match(normalised_url(part)):
                        findings.append(f"{name}: {short}={value[:60]!r} on <{tag}>")
            if short == "style" and CSS_BAD.search(value):
                findings.append(f"{name}: style={value[:60]!r} on <{tag}>")
        if tag == "style" and el.text and CSS_BAD.search(el.text):
            findings.append(f"{name}: <style> with an active url or expression")


def scan_epub(path, findings):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for entry in names:
            if entry.startswith("/") or ".." in entry.split("/") or "\\" in entry:
                findings.append(f"{path}: entry {entry!r} escapes the container")
        for entry in names:
            data = z.read(entry)
            where = f"{path.name}!{entry}"
            if entry.endswith((".xhtml", ".html", ".opf", ".ncx", ".svg", ".xml", ".smil")):
                scan_markup(where, data, findings)
            elif entry.endswith(".css") and CSS_BAD.search(data.decode("utf-8", "replace")):
                findings.append(f"{where}: active CSS")
        opf = next((n for n in names if n.endswith(".opf")), None)
        if opf:
            base = opf.rsplit("/", 1)[0] + "/" if "/" in opf else ""
            for item in ET.fromstring(z.read(opf)).iter("{http://www.idpf.org/2007/opf}item"):
                href = item.get("href", "")
                if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("/") or (base + href) not in names:
                    findings.append(f"{path.name}: manifest item {href!r} is not a file inside the book")


def scan_pdf(path, findings):
    # qpdf's QDF form has every stream uncompressed and every object in the open, so one pass sees all.
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), "-"], capture_output=True)
    if qdf.returncode not in (0, 3):
        findings.append(f"{path}: qpdf could not read it")
        return
    for m in PDF_BAD.finditer(qdf.stdout):
        findings.append(f"{path.name}: {m.group(0)[:60]!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--min-books", type=int, default=1)
    args = ap.parse_args()
    findings = []
    epubs = sorted(pathlib.Path(args.folder).rglob("*.epub"))
    pdfs = sorted(pathlib.Path(args.folder).rglob("*.pdf"))
    epubs = [p for p in epubs if p.is_file() and zipfile.is_zipfile(p)]
    pdfs = [p for p in pdfs if p.is_file() and p.read_bytes()[:5] == b"%PDF-"]
    for p in epubs:
        scan_epub(p, findings)
    for p in pdfs:
        scan_pdf(p, findings)
    for f in findings:
        print("FAIL:", f)
    books = len(epubs) + len(pdfs)
    print(f"scanned {len(epubs)} EPUB and {len(pdfs)} PDF files: {len(findings)} finding(s)")
    if books < args.min_books:
        print(f"FAIL: fewer than {args.min_books} books to scan")
        return 1
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
