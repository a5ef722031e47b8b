#!/usr/bin/env python3
"""Prints the distinct fill colours (rg operators) a PDF's pages draw with, one '#rrggbb' hex (no '#')
per line: qpdf decompresses the content streams so they can be read as text."""
import re
import subprocess
import sys
import tempfile

with tempfile.NamedTemporaryFile(suffix=".pdf") as out:
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", sys.argv[1], out.name], check=True)
    data = open(out.name, "rb").read()
colours = set()
for r, g, b in re.findall(rb"(?<![0-9.])([0-9.]+) ([0-9.]+) ([0-9.]+) rg\b", data):
    colours.add("".join(f"{round(float(v) * 255):02x}" for v in (r, g, b)))
print("\n".join(sorted(colours)))
