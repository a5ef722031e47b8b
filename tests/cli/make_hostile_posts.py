#!/usr/bin/env python3
"""Writes the size and depth inputs of the bad-input suite (tests/cli/hostile_input.sh), which
bench/bench_limits.py times too:

  make_hostile_posts.py big OUT MEGABYTES  a post of at least MEGABYTES MiB: CJK and Latin with inline markup,
                                           a heading every 50 paragraphs ("## Section N")
  make_hostile_posts.py deep OUT           10,000 nested lists, quotes, list-in-quote and <div>s
  make_hostile_posts.py table OUT          a 10,000 x 10 table (100,000 cells)
  make_hostile_posts.py chain OUT          a 10,000-node flowchart chain
  make_hostile_posts.py tangle OUT         500 random edges among 150 nodes: the densest diagram the default
                                           --max-diagram-edges admits
"""
import random
import sys


def front(title):
    return "---\ntitle: %s\n---\n\n" % title


def big(out, megabytes):
    para = ("中文排版需要避头尾规则，" * 8 + "and Latin words with *emphasis* and `code`.\n") * 4 + "\n"
    with open(out, "w") as f:
        f.write(front("Big"))
        size, n = 0, 0
        while size < int(megabytes) * 1024 * 1024:
            if n % 50 == 0:
                f.write("## Section %d\n\n" % n)
            f.write(para)
            size += len(para.encode())
            n += 1


def deep(out):
    with open(out, "w") as f:
        f.write(front("Deep") + "- " * 10000 + "list bottom\n\n" + "> " * 10000 + "quote bottom\n\n" +
                "1. > " * 5000 + "mixed bottom\n\n" + "<div>" * 10000 + "html bottom" + "</div>" * 10000 + "\n")


def table(out):
    with open(out, "w") as f:
        f.write(front("Table") + "| " + " | ".join("h%d" % c for c in range(10)) + " |\n|" + "---|" * 10 + "\n")
        for r in range(10000):
            f.write("| " + " | ".join("r%dc%d" % (r, c) for c in range(10)) + " |\n")


def diagram(out, title, edges):
    with open(out, "w") as f:
        f.write(front(title) + "```mermaid\ngraph TD\n" + "".join("  n%d --> n%d\n" % e for e in edges) + "```\n")


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "big":
        big(out, sys.argv[3])
    elif kind == "deep":
        deep(out)
    elif kind == "table":
        table(out)
    elif kind == "chain":
        diagram(out, "Nodes", [(i, i + 1) for i in range(10000)])
    elif kind == "tangle":
        rng = random.Random(7)
        diagram(out, "Edges", [(rng.randrange(150), rng.randrange(150)) for _ in range(500)])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
