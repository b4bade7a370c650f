#!/usr/bin/env python3
"""Explodes prefectures into one feature per (region, member prefecture) pair, so that other tools
can dissolve the plan's (overlapping) regions with a plain GROUP BY / -dissolve on one field.
Input: a prefectures GeoJSON exported by clusteratlas (property `regions` lists the regions holding
each prefecture). Output: GeoJSON with a `region` property. Standard library only."""
import json
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    prefectures = json.load(f)
features = []
for feature in prefectures["features"]:
    for region in feature["properties"]["regions"]:
        features.append({"type": "Feature", "properties": {"region": region, "code": feature["properties"]["code"]},
                         "geometry": feature["geometry"]})
with open(target, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f)
