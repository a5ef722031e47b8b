#!/usr/bin/env python3
"""PDF typesetting figures (issue 4): the zh sample post and the generated 300-post volume to PDF,
median wall time and peak memory; the floors (bench/pdf_floor.cpp: Pango laying out every paragraph once;
those layouts drawn into a cairo PDF and the file finished) and the typesetter as a multiple of them; pandoc with xelatex / weasyprint on the same input when installed.

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
    """(Pango layout, cairo drawing and finishing) in ms, as bench/pdf_floor.cpp prints them."""
    out = subprocess.run([str(floor), *map(str, posts)], capture_output=True, text=True, check=True).stdout
    pango, cairo = (float(line.rsplit(" in ", 1)[1].split(" ms")[0]) for line in out.splitlines()[:2])
    return pango, cairo


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
        p_vol, c_vol = (x / 1000 for x in floor_ms(floor, volume))
        p_zh, c_zh = floor_ms(floor, [zh])
        print(f"floor: Pango lays out every paragraph once: volume {p_vol:.2f} s, zh post {p_zh:.0f} ms")
        print(f"floor: Pango + cairo (those layouts drawn, the PDF finished): volume {p_vol + c_vol:.2f} s, "
              f"zh post {p_zh + c_zh:.0f} ms")
        print(f"typesetter / Pango floor (volume): {t_vol / p_vol:.1f}x   (goal: within 2x)")
        print(f"typesetter / Pango + cairo floor: volume {t_vol / (p_vol + c_vol):.1f}x, zh post {t * 1000 / (p_zh + c_zh):.1f}x"
              "   (the typesetter's times include process start-up, the floors' do not)")
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
