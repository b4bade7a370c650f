#!/usr/bin/python3
"""The peers' input for the dissolve benchmark: one feature per (region, member part), so that other
tools can dissolve the plan's (overlapping) regions with a plain GROUP BY / -dissolve on one field,
from the same member geometry ClusterAtlas unites (analysis/region_shapes.cpp):
- a prefecture-level member counts whole;
- a member the plan's data scopes to counties (plan.json `counties`), when the county layer has every
  county the scope names, is its prefecture cut to the listed counties (intersection with their
  union) or, when only exclusions are listed, with the excluded ones cut out (difference); parts
  under 1 km2 (slivers between the two layers' borders) are dropped.
What the peers then do not do is ClusterAtlas's filling of the gaps of the source that lie in no
other unit (geo/operations.hpp dissolve): where a cut leaves gaps between a part and its neighbours
(the county layer's borders and the prefecture layer's differ by tens of metres), their unions are
smaller by those gaps.
Inputs are ClusterAtlas exports (prefectures with their `regions`; counties, optional) and the plan.
Untimed preparation; uses GDAL's Python bindings (Debian python3-gdal), hence /usr/bin/python3.

Usage: members.py PREFECTURES.geojson COUNTIES.geojson|- PLAN.json OUT.geojson"""
import json
import sys

from osgeo import ogr, osr

prefectures_path, counties_path, plan_path, out_path = sys.argv[1:5]

wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
albers = osr.SpatialReference()  # China Albers equal-area, for the 1 km2 sliver test only
albers.ImportFromProj4("+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m")
to_albers = osr.CoordinateTransformation(wgs84, albers)


def geometries(path):
    """code -> (properties, ogr geometry) of a GeoJSON file."""
    out = {}
    if path == "-":
        return out
    with open(path, encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            out[feature["properties"]["code"]] = (
                feature["properties"], ogr.CreateGeometryFromJson(json.dumps(feature["geometry"])))
    return out


def without_slivers(geometry):
    geometry = ogr.ForceToMultiPolygon(geometry)
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(geometry.GetGeometryCount()):
        part = geometry.GetGeometryRef(i)
        if part.GetGeometryType() != ogr.wkbPolygon:
            continue
        projected = part.Clone()
        projected.Transform(to_albers)
        if projected.GetArea() >= 1e6:
            parts.AddGeometry(part)
    return parts


def union(geometries_):
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geometries_:
        g = ogr.ForceToMultiPolygon(g)
        for i in range(g.GetGeometryCount()):
            collection.AddGeometry(g.GetGeometryRef(i))
    return collection.UnionCascaded()


def scoped_part(prefecture, scope, counties):
    """The prefecture cut to its scope, or None when the county layer lacks a county it names."""
    named = scope["included"] + scope["partly_included"] + scope["excluded"]
    if not counties or any(code not in counties for code in named):
        return None
    if not scope["included"]:
        cut = union([counties[c][1] for c in scope["excluded"]])
        return without_slivers(prefecture.Difference(cut))
    kept = [counties[c][1] for c in scope["included"] + scope["partly_included"]]
    return without_slivers(prefecture.Intersection(union(kept)))


prefectures = geometries(prefectures_path)
counties = geometries(counties_path)
with open(plan_path, encoding="utf-8") as f:
    plan = json.load(f)
scopes = {(r["id"], m["code"]): m["counties"] for r in plan["regions"] for m in r["members"]
          if isinstance(m, dict) and "counties" in m}

features = []
for code, (properties, geometry) in prefectures.items():
    for region in properties["regions"]:
        part = None
        if (region, code) in scopes:
            part = scoped_part(geometry, scopes[(region, code)], counties)
        features.append({"type": "Feature", "properties": {"region": region, "code": code},
                         "geometry": json.loads((part or geometry).ExportToJson())})
with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f)
