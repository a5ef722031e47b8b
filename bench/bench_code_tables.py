#!/usr/bin/env python3
"""Cost of syntax highlighting and table images (issue 5): the generated 300-post volume to EPUB and to PDF
with them (the defaults) and without (--no-highlight, and --tables html for the EPUB), median wall time and
peak memory, and the slowdown they cause (target: under 30%); each feature's share alone for the EPUB; a
one-post EPUB with one table with and without its image. Also the volume's code blocks, tables and the
distinct table images they make (the volume repeats sample bodies).

usage: bench/bench_code_tables.py [--build build] [--runs 3]
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import measure  # noqa: E402

root = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(root / "build"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    pp = pathlib.Path(a.build) / "src" / "postpress"
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pp-bench-code-"))
    subprocess.run([sys.executable, str(root / "bench" / "gen_volume.py"), str(tmp / "vol"), "300"], check=True,
                   capture_output=True)
    volume = sorted((tmp / "vol" / "blog").glob("*/*.md"))
    text = "".join(p.read_text(encoding="utf-8") for p in volume)
    fences = len(re.findall(r"(?m)^```[a-z]", text)) - len(re.findall(r"(?m)^```mermaid", text))
    tables = len(re.findall(r"(?m)^\|[ :]*-{3,}", text))
    print(f"300-post volume: {fences} highlighted code blocks, {tables} tables")
    subprocess.run([str(pp), "-q", *map(str, volume), "--title", "Volume", "-o", str(tmp / "count.epub")], check=True)
    names = subprocess.run(["unzip", "-Z1", str(tmp / "count.epub")], capture_output=True, text=True).stdout.split()
    print(f"  distinct table images in the EPUB: {sum(n.startswith('EPUB/images/table-') for n in names)}")
    print("job                                          median      peak RSS")
    base = [str(pp), "-q", *map(str, volume), "--title", "Volume"]
    for fmt, plain_flags in (("epub", ["--no-highlight", "--tables", "html"]), ("pdf", ["--no-highlight"])):
        t_on, rss_on = measure(base + ["-o", str(tmp / f"on.{fmt}")], a.runs)
        t_off, rss_off = measure(base + plain_flags + ["-o", str(tmp / f"off.{fmt}")], a.runs)
        print(f"volume -> {fmt.upper():4} with highlighting and tables  {t_on:6.2f} s  {rss_on:6.0f} MB")
        print(f"volume -> {fmt.upper():4} {' '.join(plain_flags):30} {t_off:6.2f} s  {rss_off:6.0f} MB")
        print(f"  slowdown: {100 * (t_on / t_off - 1):+.0f}%   (target: under +30%)")
        if fmt == "epub":
            for alone in (["--no-highlight"], ["--tables", "html"]):
                t, _ = measure(base + alone + ["-o", str(tmp / "alone.epub")], a.runs)
                print(f"  {' '.join(alone):28} {t:6.2f} s  (the other feature's share: {100 * (t_on / t - 1):+.0f}%)")
    # The volume repeats the samples' code, which postpress highlights once per distinct block; the same
    # volume with every code block made distinct shows the cost for a blog whose code never repeats.
    subprocess.run([sys.executable, str(root / "bench" / "gen_volume.py"), str(tmp / "distinct"), "300", "--distinct-code"],
                   check=True, capture_output=True)
    distinct = [str(pp), "-q", *map(str, sorted((tmp / "distinct" / "blog").glob("*/*.md"))), "--title", "Volume"]
    t_on, rss_on = measure(distinct + ["-o", str(tmp / "d-on.epub")], a.runs)
    t_off, rss_off = measure(distinct + ["--no-highlight", "--tables", "html", "-o", str(tmp / "d-off.epub")], a.runs)
    print(f"every code block distinct -> EPUB, with both   {t_on:6.2f} s  {rss_on:6.0f} MB")
    print(f"every code block distinct -> EPUB, without     {t_off:6.2f} s  {rss_off:6.0f} MB")
    print(f"  slowdown: {100 * (t_on / t_off - 1):+.0f}%   (target: under +30%)")
    one = next(p for p in volume if "cjk-typography" in p.name)
    for flags in ([], ["--tables", "html"]):
        t, _ = measure([str(pp), "-q", str(one), "-o", str(tmp / "one.epub"), *flags], max(a.runs, 5))
        print(f"one post with a table -> EPUB {' '.join(flags) or '(table image)':14} {t * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
