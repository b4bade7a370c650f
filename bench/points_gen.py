#!/usr/bin/python3
"""Write N random points uniform over China's bounding box as CSV (benchmark input).

    /usr/bin/python3 bench/points_gen.py N OUT.csv [--seed S]

Header id,lon,lat,value; id 1..N; lon uniform in [73.4991, 135.0869], lat uniform in
[18.1449, 53.5620] (the extent of the bundled prefectures layer), 6 decimals; value uniform in
[0, 100) with 2 decimals. Same N and seed give the same file byte for byte (numpy's PCG64).
"""
import argparse
import sys

import numpy as np

LON = (73.4991, 135.0869)
LAT = (18.1449, 53.5620)
CHUNK = 1_000_000


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of points")
    p.add_argument("out", help="CSV file to write (- for stdout)")
    p.add_argument("--seed", type=int, default=20240601, help="random seed (default 20240601)")
    a = p.parse_args()
    if a.n < 0:
        p.error("N must be >= 0")
    rng = np.random.Generator(np.random.PCG64(a.seed))
    out = sys.stdout if a.out == "-" else open(a.out, "w", newline="\n")
    with out:
        out.write("id,lon,lat,value\n")
        done = 0
        while done < a.n:
            k = min(CHUNK, a.n - done)
            ids = np.arange(done + 1, done + k + 1)
            lon = rng.uniform(LON[0], LON[1], k)
            lat = rng.uniform(LAT[0], LAT[1], k)
            val = rng.uniform(0.0, 100.0, k)
            # Round first so the text is exactly the coordinate every peer reads back.
            block = np.empty(k, dtype=[("id", "i8"), ("lon", "f8"), ("lat", "f8"), ("value", "f8")])
            block["id"], block["lon"], block["lat"], block["value"] = ids, lon, lat, val
            np.savetxt(out, block, fmt=["%d", "%.6f", "%.6f", "%.2f"], delimiter=",")
            done += k


if __name__ == "__main__":
    main()
