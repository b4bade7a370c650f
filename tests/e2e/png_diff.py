#!/usr/bin/env python3
"""Compares two PNGs of the same size (8-bit RGB or RGBA, non-interlaced, as ClusterAtlas writes
them) without third-party modules. Prints the share of pixels whose largest channel difference
exceeds TOLERANCE and the mean absolute difference; exits 1 when the share exceeds MAX_SHARE. BOX
(pixels, from the top left) compares only that rectangle of both images.

Usage: png_diff.py A.png B.png [MAX_SHARE=0.01] [TOLERANCE=8] [BOX=X,Y,WIDTH,HEIGHT]"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit(f"{path}: only 8-bit RGB(A) non-interlaced PNGs are supported")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        unfilter(kind, line, previous, channels)
        rows.append(line)
        previous = line
    return width, height, channels, rows


def unfilter(kind, line, previous, bpp):
    if kind == 0:
        return
    n = len(line)
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + previous[i]) & 255
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255


def main():
    a, b = read_png(sys.argv[1]), read_png(sys.argv[2])
    max_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
    tolerance = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    if a[:2] != b[:2]:
        print(f"sizes differ: {a[0]}x{a[1]} and {b[0]}x{b[1]}")
        return 1
    width, height = a[0], a[1]
    x0, y0 = 0, 0
    if len(sys.argv) > 5:
        x0, y0, width, height = (int(v) for v in sys.argv[5].split(","))
        if x0 < 0 or y0 < 0 or width <= 0 or height <= 0 or x0 + width > a[0] or y0 + height > a[1]:
            print(f"box {sys.argv[5]} is not inside {a[0]}x{a[1]}")
            return 1
    differing, total_abs = 0, 0
    for ra, rb in zip(a[3][y0:y0 + height], b[3][y0:y0 + height]):
        for x in range(x0, x0 + width):
            pa, pb = x * a[2], x * b[2]
            d = max(abs(ra[pa + k] - rb[pb + k]) for k in range(3))
            total_abs += d
            differing += d > tolerance
    share = differing / (width * height)
    print(f"{width}x{height}: {share:.4%} of pixels differ by more than {tolerance}; mean difference {total_abs / (width * height):.3f}")
    return 0 if share <= max_share else 1


if __name__ == "__main__":
    sys.exit(main())
