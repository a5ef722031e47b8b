#!/usr/bin/env python3
"""Writes a post of at least MEGABYTES MiB, CJK and Latin with inline markup, a heading every 50
paragraphs ("## Section N"), for the size tests: make_big_post.py OUT MEGABYTES"""
import sys

out, megabytes = sys.argv[1], int(sys.argv[2])
para = ("中文排版需要避头尾规则，" * 8 + "and Latin words with *emphasis* and `code`.\n") * 4 + "\n"
with open(out, "w") as f:
    f.write("---\ntitle: Big\n---\n\n")
    size, n = 0, 0
    while size < megabytes * 1024 * 1024:
        if n % 50 == 0:
            f.write("## Section %d\n\n" % n)
        f.write(para)
        size += len(para.encode())
        n += 1
