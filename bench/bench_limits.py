#!/usr/bin/env python3
"""Hostile-input figures (issue 6, docs/reliability.md): the size and depth inputs of the bad-input suite,
timed through the CLI, median wall time and peak memory; and the reason for the diagram edge limit, the
densest diagram the default admits laid out by Graphviz's dot with and without postpress's effort caps
(when the graphviz package's `dot` is installed).

usage: bench/bench_limits.py [--build build] [--runs 1] [--pdf-big]   (--pdf-big adds the 50 MB post to PDF: ~1 min)
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import measure  # noqa: E402  (median wall time via hyperfine when installed, peak RSS via wait4)

root = pathlib.Path(__file__).resolve().parent.parent
make = root / "tests" / "cli" / "make_hostile_posts.py"
# What graphviz_layout.cpp sets past 150 nodes or 200 edges.
effort_caps = ["-Gmclimit=0.1", "-Gnslimit=2", "-Gnslimit1=2", "-Gsearchsize=10"]


def tangle_dot(post, out):
    edges = [line.split("-->") for line in post.read_text().splitlines() if "-->" in line]
    body = "".join(f"{a.strip()} -> {b.strip()};\n" for a, b in edges)
    out.write_text('digraph g { nodesep=0.7; ranksep=0.7; splines=spline; node[shape=box,width=1,height=0.5];\n'
                   + body + "}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(root / "build"))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--pdf-big", action="store_true")
    a = ap.parse_args()
    pp = pathlib.Path(a.build) / "src" / "postpress"
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pp-bench-limits-"))
    (tmp / "postpress.yaml").touch()
    for kind, name, extra in [("big", "big.md", ["50"]), ("deep", "deep.md", []), ("table", "table.md", []),
                              ("chain", "chain.md", []), ("tangle", "tangle.md", [])]:
        subprocess.run([sys.executable, str(make), kind, str(tmp / name), *extra], check=True)

    jobs = [("50 MB post -> EPUB", ["big.md", "-o", "big.epub"]),
            ("10,000 nesting levels -> EPUB (--max-nesting 1000)", ["--max-nesting", "1000", "deep.md", "-o", "deep.epub"]),
            ("10,000 nesting levels -> PDF (--max-nesting 1000)", ["--max-nesting", "1000", "deep.md", "-o", "deep.pdf"]),
            ("100,000-cell table -> EPUB", ["table.md", "-o", "table.epub"]),
            ("100,000-cell table -> PDF", ["table.md", "-o", "table.pdf"]),
            ("10,000-node diagram (refused) -> EPUB", ["chain.md", "-o", "chain.epub"]),
            ("500 edges among 150 nodes -> EPUB", ["tangle.md", "-o", "tangle.epub"])]
    if a.pdf_big:
        jobs.insert(1, ("50 MB post -> PDF", ["big.md", "-o", "big.pdf"]))
    print("job                                                  median      peak RSS")
    for label, args in jobs:
        t, rss = measure([str(pp), "-q", *args], a.runs, cwd=tmp)
        print(f"{label:52} {t:7.2f} s  {rss:6.0f} MB")

    dot = shutil.which("dot")
    if not dot:
        print("(install graphviz for the uncapped dot comparison)")
        return
    tangle_dot(tmp / "tangle.md", tmp / "tangle.gv")
    for label, caps in [("dot, 500-edge tangle, uncapped", []), ("dot, 500-edge tangle, postpress's caps", effort_caps)]:
        start = time.perf_counter()
        subprocess.run([dot, "-Tplain", *caps, str(tmp / "tangle.gv")], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        print(f"{label:52} {time.perf_counter() - start:7.2f} s")


if __name__ == "__main__":
    main()
