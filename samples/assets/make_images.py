#!/usr/bin/env python3
"""Generate the sample PNG images used by the postpress sample posts.

Standard library only (zlib + struct). The output is deterministic: running
the script twice produces byte-identical files.

    python3 samples/assets/make_images.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


class Canvas:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.px = bytearray(w * h * 3)

    def gradient(self, c0, c1):
        """Diagonal gradient from c0 (top-left) to c1 (bottom-right)."""
        w, h, span = self.w, self.h, self.w + self.h - 2
        for y in range(h):
            row = bytearray()
            for x in range(w):
                t = (x + y) / span
                row += bytes(round(a + (b - a) * t) for a, b in zip(c0, c1))
            self.px[y * w * 3:(y + 1) * w * 3] = row

    def put(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(c)

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1)):
            a, b = max(0, x0), min(self.w, x1)
            if a < b:
                self.px[(y * self.w + a) * 3:(y * self.w + b) * 3] = bytes(c) * (b - a)

    def circle(self, cx, cy, r, c):
        for y in range(cy - r, cy + r + 1):
            dx = int((r * r - (y - cy) ** 2) ** 0.5)
            self.rect(cx - dx, y, cx + dx + 1, y + 1, c)

    def triangle(self, p0, p1, p2, c):
        (ax, ay), (bx, by), (cx, cy) = p0, p1, p2
        def edge(px, py, qx, qy, x, y):
            return (qx - px) * (y - py) - (qy - py) * (x - px)
        area = edge(ax, ay, bx, by, cx, cy)
        for y in range(min(ay, by, cy), max(ay, by, cy) + 1):
            for x in range(min(ax, bx, cx), max(ax, bx, cx) + 1):
                e = (edge(ax, ay, bx, by, x, y), edge(bx, by, cx, cy, x, y),
                     edge(cx, cy, ax, ay, x, y))
                if all(v * area >= 0 for v in e):
                    self.put(x, y, c)

    def png(self):
        stride = self.w * 3
        raw = bytearray()
        for y in range(self.h):
            row = self.px[y * stride:(y + 1) * stride]
            # PNG filter type 1 (Sub): store the difference to the pixel on
            # the left, which makes smooth gradients compress very well.
            sub = bytearray(row[:3])
            sub += bytes((row[i] - row[i - 3]) & 0xFF for i in range(3, stride))
            raw += b"\x01" + sub

        def chunk(tag, data):
            body = tag + data
            return (struct.pack(">I", len(data)) + body
                    + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF))

        ihdr = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
                + chunk(b"IEND", b""))


def hero_pipeline():
    c = Canvas(1200, 630)
    c.gradient((32, 58, 110), (94, 196, 182))
    c.circle(960, 170, 110, (245, 196, 92))
    c.rect(120, 380, 420, 470, (238, 240, 245))
    c.rect(470, 380, 770, 470, (205, 225, 240))
    c.rect(820, 380, 1080, 470, (250, 140, 110))
    c.triangle((160, 120), (340, 120), (250, 280), (120, 170, 220))
    return c


def hero_cjk():
    c = Canvas(1200, 630)
    c.gradient((120, 30, 60), (250, 200, 120))
    c.circle(260, 300, 160, (250, 240, 225))
    c.circle(260, 300, 90, (200, 60, 70))
    for i in range(5):
        c.rect(620 + i * 100, 140 + i * 30, 680 + i * 100, 520, (255, 235, 200))
    c.triangle((1000, 60), (1160, 60), (1160, 220), (70, 40, 90))
    return c


def figure_layout():
    c = Canvas(800, 400)
    c.rect(0, 0, 800, 400, (250, 250, 247))
    c.rect(60, 340, 760, 344, (60, 60, 70))        # x axis
    c.rect(60, 40, 64, 344, (60, 60, 70))          # y axis
    for y in range(80, 340, 60):                   # grid lines
        c.rect(64, y, 760, y + 1, (215, 215, 220))
    heights = [120, 210, 170, 260, 90, 230]
    colors = [(66, 110, 180), (230, 120, 80)]
    for i, hgt in enumerate(heights):
        x = 100 + i * 110
        c.rect(x, 340 - hgt, x + 70, 340, colors[i % 2])
    return c


def main():
    for name, make in [("hero-pipeline.png", hero_pipeline),
                       ("hero-cjk.png", hero_cjk),
                       ("figure-layout.png", figure_layout)]:
        data = make().png()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
