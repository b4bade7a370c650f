#!/usr/bin/env python3
"""Share of a window dump's pixels (xwd -silent, ZPixmap, 24/32 bits) that have the colour of the
pixel at X,Y (the sea in a map view): what a user sees as empty map. With a rectangle, only its
pixels count (the map between the viewer's docked panels).
Usage: xwd_stats.py FILE.xwd X Y [RX RY RW RH]    prints the share, 0-1, with 3 decimals."""
import struct
import sys


def read_xwd(path):
    data = open(path, "rb").read()
    fields = struct.unpack(">25I", data[:100])
    header_size, fmt, width, height = fields[0], fields[2], fields[4], fields[5]
    byte_order, bpp, stride, ncolors = fields[7], fields[11], fields[12], fields[19]
    if fmt != 2 or bpp not in (24, 32):
        sys.exit(f"{path}: not a 24/32-bit ZPixmap window dump (format {fmt}, {bpp} bits)")
    pixels = data[header_size + ncolors * 12:]
    if len(pixels) < stride * height:
        sys.exit(f"{path}: truncated ({len(pixels)} bytes of pixels, {stride * height} expected)")
    step = bpp // 8
    def pixel(x, y):
        p = pixels[y * stride + x * step: y * stride + x * step + 3]
        return p if byte_order == 0 else p[::-1]  # 0: LSBFirst, BGR(X) in memory
    return width, height, pixel


def main():
    width, height, pixel = read_xwd(sys.argv[1])
    sea = pixel(int(sys.argv[2]), int(sys.argv[3]))
    rx, ry, rw, rh = (int(v) for v in sys.argv[4:8]) if len(sys.argv) >= 8 else (0, 0, width, height)
    same = total = 0
    for y in range(ry, min(ry + rh, height), 4):
        for x in range(rx, min(rx + rw, width), 4):
            total += 1
            same += pixel(x, y) == sea
    print(f"{same / total:.3f}")


main()
