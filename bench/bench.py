#!/usr/bin/env python3
"""postpress benchmarks: median wall time and peak memory of whole CLI runs, with the same work done
by Pandoc (and the cmark-gfm parse floor) when those are installed.

usage: bench/bench.py [--build DIR] [--runs N] [--posts N] [--no-pandoc]
"""
import argparse
import json
import os
import pathlib
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = pathlib.Path(__file__).resolve().parent.parent


def measure(cmd, runs, cwd=None, stdin_path=None):
    """Median wall seconds and max peak RSS (MB) over `runs` runs of cmd. Wall time comes from hyperfine
    when it is installed (it starts processes without Python's overhead, ~0.5 ms a run)."""
    hyperfine = shutil.which("hyperfine")
    if hyperfine and stdin_path is None and runs > 1:
        _, peak = measure_direct(cmd, 1, cwd)
        report = pathlib.Path(tempfile.mkstemp(suffix=".json")[1])
        command = " ".join(shlex.quote(str(c)) for c in cmd)
        subprocess.run([hyperfine, "-N", "--style", "none", "--warmup", "2", "--runs", str(runs), "--export-json", report, command],
                       cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = json.loads(report.read_text())["results"][0]["median"]
        report.unlink()
        return wall, peak
    return measure_direct(cmd, runs, cwd, stdin_path)


def measure_direct(cmd, runs, cwd=None, stdin_path=None):
    walls, peaks = [], []
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if stdin_path:
            stdin.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(map(str, cmd))}\n{proc.stderr.read().decode()}")
    return statistics.median(walls), max(peaks)


def row(name, wall, peak, ref=None):
    ratio = f"  {wall / ref:8.1f}x postpress" if ref else ""
    print(f"  {name:<44} {wall * 1000:10.1f} ms {peak:8.1f} MB{ratio}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(root / "build"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--posts", type=int, default=300)
    ap.add_argument("--no-pandoc", action="store_true")
    a = ap.parse_args()
    pp = pathlib.Path(a.build) / "src" / "postpress"
    if not pp.exists():
        sys.exit(f"no {pp}: build first (scripts/dev.sh build)")
    pandoc = None if a.no_pandoc else shutil.which("pandoc")
    cmark = shutil.which("cmark-gfm")

    work = pathlib.Path(tempfile.mkdtemp(prefix="pp-bench-"))
    subprocess.run([sys.executable, root / "bench" / "gen_volume.py", work / "vol", str(a.posts)], check=True)
    posts = sorted(str(p) for p in (work / "vol" / "blog").rglob("*.md"))
    volume_md = work / "volume.md"
    volume_md.write_text("\n\n".join(pathlib.Path(p).read_text(encoding="utf-8").split("---\n", 2)[2] for p in posts),
                         encoding="utf-8")
    zh = root / "samples" / "blog" / "zh" / "ebook-pipeline.md"
    print(f"machine: {os.cpu_count()} cores; runs: {a.runs} (volume: {max(3, a.runs // 3)})")

    print("\none post (samples/blog/zh/ebook-pipeline.md) to EPUB")
    one, one_mem = measure([pp, zh, "-o", work / "one.epub"], a.runs)
    row("postpress", one, one_mem)
    if pandoc:
        w, m = measure([pandoc, "-f", "gfm", "-o", work / "one-pandoc.epub", zh], max(3, a.runs // 5), cwd=zh.parent)
        row("pandoc -f gfm", w, m, one)

    print(f"\n{a.posts}-post volume ({volume_md.stat().st_size / 1e6:.1f} MB of Markdown) to one EPUB")
    vol_runs = max(3, a.runs // 3)
    vol, vol_mem = measure([pp, "--title", "Volume", *posts, "-o", work / "vol.epub"], vol_runs)
    row("postpress", vol, vol_mem)
    w, m = measure([pp, "-j", "1", "--title", "Volume", *posts, "-o", work / "vol1.epub"], vol_runs)
    row("postpress -j 1", w, m, vol)
    if cmark:
        # The Debian 12 cmark-gfm command has no footnote switch; the extensions are the rest of ours.
        w, m = measure([cmark, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
                        "-e", "tagfilter"], vol_runs, stdin_path=volume_md)
        row("floor: cmark-gfm parse+HTML of the same text", w, m, vol)
    if pandoc:
        w, m = measure([pandoc, "-f", "gfm", "--metadata", "title=Volume", "-o", work / "vol-pandoc.epub", *posts], 1,
                       cwd=work / "vol")
        row("pandoc -f gfm (one run)", w, m, vol)
    print(f"\nEPUB sizes: one post {(work / 'one.epub').stat().st_size / 1024:.0f} KiB, "
          f"volume {(work / 'vol.epub').stat().st_size / 1e6:.1f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
