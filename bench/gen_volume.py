#!/usr/bin/env python3
"""Writes a blog-sized volume of posts made from samples/: N posts spread over en/zh/ja/ko folders,
each a sample post with its own title and slug, its body repeated to a realistic length
(~14 KB a post, as in a real 345-post / 4.9 MB blog volume).

With --distinct-code every fenced code block (not the diagrams) gets a last line of its own, so no two
are alike: postpress highlights each distinct block once, and the plain volume repeats the samples' code.

usage: gen_volume.py OUT_DIR [N] [--distinct-code]
"""
import pathlib
import re
import shutil
import sys

root = pathlib.Path(__file__).resolve().parent.parent
args = [a for a in sys.argv[1:] if a != "--distinct-code"]
distinct_code = "--distinct-code" in sys.argv[1:]
out = pathlib.Path(args[0])
count = int(args[1]) if len(args) > 1 else 300
target_bytes = 14_000

samples = sorted((root / "samples" / "blog").glob("*/*.md"))
shutil.rmtree(out, ignore_errors=True)
(out / "blog").mkdir(parents=True)
shutil.copytree(root / "samples" / "assets", out / "assets")
(out / "postpress.yaml").write_text("# marks the project root for image resolution\n")

for i in range(count):
    src = samples[i % len(samples)]
    lang = src.parent.name
    text = src.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    front = re.sub(r"^title: .*$", f"title: 'Volume post {i + 1:03d}: {src.stem}'", front, count=1, flags=re.M)
    # Headings repeat when the body repeats; unique ids keep them apart, as in a long real post.
    parts = [body]
    while sum(len(p.encode()) for p in parts) < target_bytes:
        parts.append(body)
    text = "\n".join(parts)
    if distinct_code:
        blocks = iter(range(1_000_000))
        text = re.sub(r"(?ms)^(```(?!mermaid)[a-z]\S*\n.*?)(^```$)",
                      lambda m: f"{m.group(1)}volume_post_{i + 1:03d}_block_{next(blocks)}\n{m.group(2)}", text)
    folder = out / "blog" / lang
    folder.mkdir(exist_ok=True)
    (folder / f"post-{i + 1:03d}-{src.stem}.md").write_text("---\n" + front + "---\n" + text, encoding="utf-8")

total = sum(p.stat().st_size for p in (out / "blog").rglob("*.md"))
print(f"{count} posts, {total / 1e6:.1f} MB in {out}")
