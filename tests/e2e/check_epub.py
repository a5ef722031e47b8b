#!/usr/bin/env python3
"""Asserts on an EPUB's structure and content (the text views the e2e tests check).

usage: check_epub.py BOOK.epub [--chapters N] [--lang TAG] [--chapter-langs a,b,...] [--images N] [--tables N]
                     [--min-nav N] [--title TEXT] [--contains TEXT]... [--absent TEXT]... [--cover]
                     [--chapter-titles-in-order]
Checks that always run: mimetype first and stored; container points at the OPF; every manifest item
exists and every spine item is in the manifest; each content document is well-formed XML with
xml:lang and lang equal; nav links resolve to existing files and ids; no script, event handler,
javascript:/data:/file: URL anywhere.
"""
import argparse
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("epub")
    ap.add_argument("--chapters", type=int)
    ap.add_argument("--lang")
    ap.add_argument("--chapter-langs")
    ap.add_argument("--images", type=int, help="images other than rendered diagrams")
    ap.add_argument("--diagrams", type=int, help="rendered diagram images, each with alt text")
    ap.add_argument("--tables", type=int, help="table images (the parts of long tables counted apart)")
    ap.add_argument("--min-nav", type=int)
    ap.add_argument("--title")
    ap.add_argument("--contains", action="append", default=[])
    ap.add_argument("--absent", action="append", default=[])
    ap.add_argument("--cover", action="store_true")
    a = ap.parse_args()

    z = zipfile.ZipFile(a.epub)
    infos = z.infolist()
    check(infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED,
          "mimetype must be the first, stored entry")
    check(z.read("mimetype") == b"application/epub+zip", "mimetype content")
    names = [i.filename for i in infos]
    check(names[1:] == sorted(names[1:]), "entries after mimetype must be sorted")

    container = ET.fromstring(z.read("META-INF/container.xml"))
    opf_path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    base = opf_path.rsplit("/", 1)[0] + "/"
    opf = ET.fromstring(z.read(opf_path))
    items = {i.get("id"): i for i in opf.find("opf:manifest", NS)}
    for i in items.values():
        check(base + i.get("href") in names, "manifest item missing from zip: " + i.get("href"))
    spine = [r.get("idref") for r in opf.find("opf:spine", NS)]
    for idref in spine:
        check(idref in items, "spine idref not in manifest: " + idref)

    title = opf.find("opf:metadata/dc:title", NS).text
    if a.title:
        check(title == a.title, f"title {title!r} != {a.title!r}")
    langs = [e.text for e in opf.findall("opf:metadata/dc:language", NS)]
    if a.lang:
        check(langs and langs[0] == a.lang, f"dc:language {langs} should start with {a.lang}")
    for prop in ["dcterms:modified", "schema:accessMode", "schema:accessModeSufficient",
                 "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary"]:
        check(opf.find(f"opf:metadata/opf:meta[@property='{prop}']", NS) is not None, "missing meta " + prop)
    ident = opf.find("opf:metadata/dc:identifier", NS).text
    check(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", ident or ""),
          "identifier must be a name-based (v5) UUID: " + str(ident))

    chapters = [items[i] for i in spine if items[i].get("href").startswith("text/c")]
    if a.chapters is not None:
        check(len(chapters) == a.chapters, f"{len(chapters)} chapters, expected {a.chapters}")
    all_images = [i for i in items.values() if i.get("media-type").startswith("image/")]
    diagrams = [i for i in all_images if i.get("href").startswith("images/diagram-")]
    tables = [i for i in all_images if i.get("href").startswith("images/table-")]
    images = [i for i in all_images if i not in diagrams and i not in tables]
    if a.tables is not None:
        check(len(tables) == a.tables, f"{len(tables)} table images, expected {a.tables}")
    if a.images is not None:
        check(len(images) == a.images, f"{len(images)} images, expected {a.images}")
    if a.diagrams is not None:
        check(len(diagrams) == a.diagrams, f"{len(diagrams)} diagram images, expected {a.diagrams}")
    if a.cover:
        check(any("cover-image" in (i.get("properties") or "") for i in images), "no cover-image")
    # Images the book draws stay within what readers accept (4 megapixels).
    for i in diagrams + tables:
        if i.get("media-type") == "image/png":
            data = z.read(base + i.get("href"))
            w, h = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
            check(w * h <= 4_000_000, f"{i.get('href')}: {w} x {h} px is over 4 megapixels")

    ids_by_file = {}
    all_text = []
    chapter_langs = []
    for i in items.values():
        if i.get("media-type") != "application/xhtml+xml":
            continue
        path = base + i.get("href")
        raw = z.read(path).decode("utf-8")
        doc = ET.fromstring(raw)
        xml_lang, lang = doc.get(XML_LANG), doc.get("lang")
        check(xml_lang and xml_lang == lang, f"{path}: xml:lang {xml_lang} and lang {lang} must match")
        if i in chapters:
            chapter_langs.append((spine.index(i.get("id")), xml_lang))
        ids_by_file[i.get("href")] = {e.get("id") for e in doc.iter() if e.get("id")}
        for e in doc.iter():
            check(not e.tag.endswith("}script"), f"{path}: script element")
            for k, v in e.attrib.items():
                check(not k.lower().startswith("on"), f"{path}: event attribute {k}")
                if k in ("href", "src"):
                    low = v.strip().lower()
                    check(not low.startswith(("javascript:", "data:", "file:", "vbscript:")), f"{path}: bad URL {v}")
        all_text.append("".join(doc.itertext()))
        for img in doc.iter("{http://www.w3.org/1999/xhtml}img"):
            if "diagram-" in img.get("src", "") or "table-" in img.get("src", ""):
                check(len(img.get("alt", "")) > 10, f"{path}: diagram or table image without alt text")
                all_text.append(img.get("alt", ""))

    if a.chapter_langs:
        got = [l for _, l in sorted(chapter_langs)]
        check(got == a.chapter_langs.split(","), f"chapter languages {got}, expected {a.chapter_langs}")

    nav_item = next(i for i in items.values() if "nav" in (i.get("properties") or "").split())
    nav = ET.fromstring(z.read(base + nav_item.get("href")))
    toc = [n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav")
           if n.get("{http://www.idpf.org/2007/ops}type") == "toc"][0]
    links = [x.get("href") for x in toc.iter("{http://www.w3.org/1999/xhtml}a")]
    if a.min_nav is not None:
        check(len(links) >= a.min_nav, f"{len(links)} nav entries, expected at least {a.min_nav}")
    for href in links:
        file, _, frag = href.partition("#")
        check(file in ids_by_file, "nav link to missing file " + href)
        if frag:
            check(frag in ids_by_file.get(file, set()), "nav link to missing id " + href)
    ncx = ET.fromstring(z.read(base + items["ncx"].get("href")))
    check(len(ncx.findall(".//ncx:navPoint", NS)) == len(links), "toc.ncx and nav.xhtml differ in entry count")

    text = "\n".join(all_text)
    for needle in a.contains:
        check(needle in text, "text not found: " + needle)
    for needle in a.absent:
        check(needle not in text, "text must not appear: " + needle)

    if failures:
        for f in failures:
            print(f"{a.epub}: FAIL: {f}")
        sys.exit(1)
    print(f"{a.epub}: ok ({len(chapters)} chapters, {len(links)} nav entries, {len(images)} images)")


if __name__ == "__main__":
    main()
