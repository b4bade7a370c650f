#!/usr/bin/python3
"""A synthetic county layer for bench/scale: N square cells over China, each a polygon of 4*K
vertices (its edges subdivided), with GB/T 2260-shaped county codes (PPCCDD) cycling over the
provinces' two-digit prefixes. Not geography: a layer of the size the renderer and the store must
stand, with the fields scripts/fetch-counties writes (code, name_zh, name_en, prefecture_code).

Usage: scale_gen.py OUT.gpkg [N] [K]   (defaults: 100000 cells, 8 vertices an edge)"""
import math
import sys

from osgeo import ogr, osr

PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
             52, 53, 54, 61, 62, 63, 64, 65]


def codes():
    for dd in range(1, 100):
        for cc in range(1, 90):
            for pp in PROVINCES:
                yield f"{pp:02d}{cc:02d}{dd:02d}", f"{pp:02d}{cc:02d}00"


def ring(x0, y0, size, k):
    pts = []
    for side in range(4):
        for i in range(k):
            t = i / k
            if side == 0:
                pts.append((x0 + t * size, y0))
            elif side == 1:
                pts.append((x0 + size, y0 + t * size))
            elif side == 2:
                pts.append((x0 + size - t * size, y0 + size))
            else:
                pts.append((x0, y0 + size - t * size))
    pts.append(pts[0])
    return pts


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    side = math.ceil(math.sqrt(n))
    west, south, extent = 80.0, 22.0, 30.0  # lon 80..110, lat 22..52: over China
    size = extent / side
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    layer = ds.CreateLayer("counties", srs, ogr.wkbMultiPolygon)
    for name in ("code", "name_zh", "name_en", "prefecture_code"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    gen = codes()
    for i in range(n):
        code, parent = next(gen)
        x0, y0 = west + (i % side) * size, south + (i // side) * size
        wkt = "MULTIPOLYGON(((" + ",".join(f"{x:.6f} {y:.6f}" for x, y in ring(x0, y0, size * 0.98, k)) + ")))"
        f = ogr.Feature(defn)
        f.SetField("code", code)
        f.SetField("name_zh", "单元" + code)
        f.SetField("name_en", "Cell " + code)
        f.SetField("prefecture_code", parent)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds.CommitTransaction()
    ds.ExecuteSQL("CREATE INDEX counties_prefecture_code ON counties(prefecture_code)")
    ds.ExecuteSQL("CREATE INDEX counties_code ON counties(code)")
    ds = None
    print(f"wrote {out}: {n} polygons of {4 * k} vertices")


if __name__ == "__main__":
    main()
