#!/usr/bin/env python3
"""Mermaid benchmarks: in-process time per diagram (pp_mermaid_bench), whole `postpress mermaid` processes
(median wall time, peak memory) and, when mermaid-cli is found, mmdc on the same files with the ratio.

usage: bench/bench_mermaid.py [--build DIR] [--runs N] [--mmdc PATH]
mmdc needs a browser: set PUPPETEER_CONFIG to a puppeteer config naming /usr/bin/chromium, or pass --mmdc-config.
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import measure, row  # noqa: E402  (same timing rules as the book benchmark)

root = pathlib.Path(__file__).resolve().parent.parent
fixtures = root / "tests" / "fixtures" / "mermaid"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(root / "build"))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--mmdc", default=shutil.which("mmdc") or "")
    ap.add_argument("--mmdc-config", default="")
    a = ap.parse_args()
    build = pathlib.Path(a.build)
    pp, inproc = build / "src" / "postpress", build / "pp_mermaid_bench"
    if not pp.exists() or not inproc.exists():
        sys.exit("build first: scripts/dev.sh build")
    print(f"machine: {os.cpu_count()} cores")
    print("\nin-process (fonts loaded), parse + layout + 2x PNG:")
    subprocess.run([inproc, fixtures, str(a.runs)], check=True)

    work = pathlib.Path(tempfile.mkdtemp(prefix="pp-mermaid-bench-"))
    files = ["flow-td-bench-zh.mmd", "flow-td-bench-cicd.mmd", "flow-lr-bench-etl.mmd", "seq-blocks.mmd"]
    print("\nwhole process, `postpress mermaid FILE -o out.png`:")
    results = {}
    for f in files:
        lang = {"zh": "zh-Hans", "ja": "ja", "ko": "ko"}.get(f.rsplit("-", 1)[-1].split(".")[0], "en")
        wall, peak = measure([pp, "mermaid", fixtures / f, "-o", work / "out.png", "--lang", lang], a.runs)
        results[f] = wall
        row(f"postpress mermaid {f}", wall, peak)
    if a.mmdc:
        print("\nmermaid-cli on the same files (one process per diagram, as in a build):")
        for f in files:
            cmd = [a.mmdc, "-i", fixtures / f, "-o", work / "mmdc.png", "-q"]
            if a.mmdc_config:
                cmd += ["-p", a.mmdc_config]
            try:
                wall, peak = measure(cmd, 3)
            except SystemExit as e:
                print(f"  mmdc failed on {f}: {e}")
                break
            row(f"mmdc {f}", wall, peak, results[f])
    else:
        print("\nmermaid-cli (mmdc) not found: no comparison")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
