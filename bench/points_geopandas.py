#!/usr/bin/python3
"""Count CSV points per prefecture with geopandas (peer of ClusterAtlas in the points benchmark).

    /usr/bin/python3 bench/points_geopandas.py POINTS.csv PREFECTURES.gpkg OUT.csv [--predicate within]

Reads POINTS.csv (id,lon,lat,value; lon/lat in WGS84) with pandas, makes points with
geopandas.points_from_xy (EPSG:4326), reads the 'prefectures' layer of PREFECTURES.gpkg, joins
with geopandas.sjoin (predicate 'within' by default: a point on a border counts nowhere, as in
PostGIS ST_Contains) and writes code,points sorted by code for prefectures with at least one point.
"""
import argparse
import sys

import geopandas as gpd
import pandas as pd


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("points")
    p.add_argument("prefectures")
    p.add_argument("out")
    p.add_argument("--layer", default="prefectures")
    p.add_argument("--code-field", default="code")
    p.add_argument("--predicate", default="within", choices=["within", "intersects"])
    a = p.parse_args()

    df = pd.read_csv(a.points, usecols=["id", "lon", "lat"], dtype={"id": "int64", "lon": "float64", "lat": "float64"})
    pts = gpd.GeoDataFrame(df[["id"]], geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    del df
    pref = gpd.read_file(a.prefectures, layer=a.layer)[[a.code_field, "geometry"]]
    if pref.crs is None or pref.crs.to_epsg() != 4326:
        sys.exit(f"{a.prefectures}: layer {a.layer} is not EPSG:4326 ({pref.crs})")
    pref[a.code_field] = pref[a.code_field].astype(str)
    joined = gpd.sjoin(pts, pref, how="inner", predicate=a.predicate)
    counts = joined.groupby(a.code_field).size().rename("points").sort_index()
    counts = counts[counts > 0]
    counts.to_csv(a.out, index_label="code", header=True, lineterminator="\n")
    print(f"{len(pts)} points, {len(joined)} matches, {joined['id'].nunique()} points matched, "
          f"{len(counts)} prefectures with points", file=sys.stderr)


if __name__ == "__main__":
    main()
