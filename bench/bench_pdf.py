#!/usr/bin/env python3
"""PDF typesetting figures (issue 4): the zh sample post and the generated 300-post volume to PDF,
median wall time and peak memory; the floor (Pango laying out every paragraph once, bench/pdf_floor.cpp)
and the typesetter as a multiple of it; pandoc with xelatex / weasyprint on the same input when installed.

usage: bench/bench_pdf.py [--build build] [--runs 5] [--volume-runs 3]
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import measure  # noqa: E402  (median wall time via hyperfine when installed, peak RSS via wait4)

root = pathlib.Path(__file__).resolve().parent.parent


def floor_ms(floor, posts):
    out = subprocess.run([str(floor), *map(str, posts)], capture_output=True, text=True, check=True).stdout
    return float(out.split(" in ")[1].split(" ms")[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(root / "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--volume-runs", type=int, default=3)
    a = ap.parse_args()
    build = pathlib.Path(a.build)
    pp = build / "src" / "postpress"
    floor = build / "pp_pdf_floor"
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pp-bench-pdf-"))
    zh = root / "samples" / "blog" / "zh" / "ebook-pipeline.md"
    subprocess.run([sys.executable, str(root / "bench" / "gen_volume.py"), str(tmp / "vol"), "300"], check=True,
                   capture_output=True)
    volume = sorted((tmp / "vol" / "blog").glob("*/*.md"))

    print("job                                   median      peak RSS")
    t, rss = measure([str(pp), "-q", str(zh), "-o", str(tmp / "zh.pdf")], a.runs)
    print(f"zh sample post -> PDF                 {t * 1000:7.0f} ms  {rss:6.0f} MB   (target < 100 ms)")
    en = root / "samples" / "blog" / "en" / "reproducible-builds.md"
    t_en, rss_en = measure([str(pp), "-q", str(en), "-o", str(tmp / "en.pdf")], a.runs)
    print(f"en post (no CJK faces) -> PDF            {t_en * 1000:7.0f} ms  {rss_en:6.0f} MB")
    t_vol, rss_vol = measure([str(pp), "-q", *map(str, volume), "--title", "Volume", "-o", str(tmp / "vol.pdf")], a.volume_runs)
    pages = subprocess.run(["pdfinfo", str(tmp / "vol.pdf")], capture_output=True, text=True).stdout
    pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
    print(f"300-post volume -> PDF ({pages} pages)   {t_vol:7.2f} s   {rss_vol:6.0f} MB   (targets < 10 s, < 300 MB)")
    if floor.exists():
        f_vol = floor_ms(floor, volume) / 1000
        f_zh = floor_ms(floor, [zh])
        print(f"floor: Pango lays out every paragraph once: volume {f_vol:.2f} s, zh post {f_zh:.0f} ms")
        print(f"typesetter / floor (volume): {t_vol / f_vol:.1f}x   (goal: within 2x)")
    engines = [e for e in ("xelatex", "weasyprint") if shutil.which(e)]
    if shutil.which("pandoc") and engines:
        for engine in engines:
            extra = ["-V", "CJKmainfont=Noto Serif CJK SC"] if engine == "xelatex" else []
            t_p, rss_p = measure(["pandoc", str(zh), f"--pdf-engine={engine}", *extra, "-o", str(tmp / f"{engine}.pdf")], 1)
            print(f"pandoc --pdf-engine={engine} (zh post): {t_p:.2f} s, {rss_p:.0f} MB  -> postpress is {t_p / t:.0f}x faster")
    else:
        print("pandoc with xelatex/weasyprint not installed: no ratios (see docs/benchmarks.md for figures measured elsewhere)")
    shutil.rmtree(tmp, ignore_errors=True)


main()
