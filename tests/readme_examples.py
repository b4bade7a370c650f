#!/usr/bin/python3
"""Runs every example command of README.md as written: each line of a fenced code block that starts
with `build/clusteratlas`, with `build/clusteratlas` replaced by the binary under test. Synopsis
notation is expanded: `[...]` parts left out, then all put in, and each alternative of `a|b|c` once. Each run happens in a fresh folder and must exit 0. Lines that need a PostGIS server ("$PG")
are run by tests/postgis/postgis_test.sh; my.shp is made from the bundled prefectures first. Lines whose
comment says "(county layer)" run with the county layer ATLAS_COUNTY_LAYER names, and are skipped
(counted) where it was not built.

Usage: readme_examples.py PATH/TO/clusteratlas
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def commands(readme):
    inside, out = False, []
    lines = open(readme, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            inside = not inside
        elif inside and line.startswith("build/clusteratlas"):
            while line.endswith("\\"):  # continued lines
                i += 1
                line = line[:-1] + lines[i].strip()
            out.append((re.sub(r"\s+#.*$", "", line).strip(), "(county layer)" in line))
        i += 1
    return out


def expand(command):
    """The commands a synopsis stands for: every [optional part] left out, then all put in; for each,
    every alternative of a|b|c once (alternatives of several words advance together)."""
    out = []
    for include in (False, True):
        text = command
        while True:
            m = re.search(r"\[([^\[\]]*)\]", text)
            if not m:
                break
            text = text[:m.start()] + (m.group(1) if include else "") + text[m.end():]
        words = shlex.split(text)
        choices = [w.split("|") if "|" in w and not w.startswith("PG:") else [w] for w in words]
        for i in range(max(len(c) for c in choices)):
            variant = shlex.join([c[i % len(c)] for c in choices])
            if variant not in out:
                out.append(variant)
    return out


def invalid_features(folder):
    """Features of every vector file an example wrote that GEOS does not find valid ("file:layer:fid")."""
    from osgeo import ogr
    bad = []
    for name in sorted(os.listdir(folder)):
        if os.path.splitext(name)[1].lower() not in (".geojson", ".gpkg", ".fgb", ".shp", ".kml", ".csv"):
            continue
        if os.path.islink(os.path.join(folder, name)):
            continue
        ds = ogr.Open(os.path.join(folder, name))
        for layer in (ds.GetLayer(i) for i in range(ds.GetLayerCount())):
            for f in layer:
                g = f.GetGeometryRef()
                if g is not None and not g.IsEmpty() and g.GetDimension() == 2 and not g.IsValid():
                    bad.append("%s:%s:%d" % (name, layer.GetName(), f.GetFID()))
    return bad


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="readme-examples-")
    # The README's own "your data" example reads my.shp, layer "my", codes in "adcode".
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", os.path.join(work, "my.shp"),
                    os.path.join(ROOT, "geodata", "china.gpkg"), "prefectures", "-nln", "my",
                    "-sql", "SELECT code AS adcode, name_zh, name_en, province_code, geom FROM prefectures"],
                   check=True, capture_output=True)
    # ... and its render examples a CSV and a session, as the README says where they come from.
    with open(os.path.join(work, "province_area.csv"), "w") as f:
        subprocess.run([binary, "list", "provinces", "--format", "csv"], stdout=f, check=True)
    subprocess.run(["cp", os.path.join(ROOT, "tests", "data", "sessions", "industry.json"), work], check=True)
    # ... and its points examples the seven firms of tests/data/points.
    subprocess.run(["cp", os.path.join(ROOT, "tests", "data", "points", "firms.csv"), work], check=True)
    failures, runs, skipped, no_viewer, no_counties = [], 0, 0, 0, 0
    county_layer = os.environ.get("ATLAS_COUNTY_LAYER", "")
    for n, (command, needs_counties) in enumerate(commands(os.path.join(ROOT, "README.md"))):
        env = dict(os.environ)
        if needs_counties:
            if not os.path.isfile(county_layer):
                no_counties += 1
                continue
            env["CLUSTERATLAS_COUNTIES"] = county_layer
        pg = os.environ.get("README_PG")
        if ("$PG" in command) != bool(pg):  # README_PG set: only the PostGIS lines, with it for $PG
            skipped += 1
            continue
        command = command.replace('"$PG', '"' + pg) if pg else command
        # A build without the viewer (ATLAS_HAVE_VIEWER=0) has no render or view to run.
        if os.environ.get("ATLAS_HAVE_VIEWER", "1") == "0" and re.search(r"\b(render|view)\b", command):
            no_viewer += 1
            continue
        for variant in expand(command):
            runs += 1
            folder = os.path.join(work, "run%d-%d" % (n, runs))
            os.mkdir(folder)
            for f in os.listdir(work):
                if f.startswith("my.") or f in ("province_area.csv", "industry.json", "firms.csv"):
                    os.symlink(os.path.join(work, f), os.path.join(folder, f))
            args = shlex.split(variant)
            args[0] = binary
            r = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=120, env=env)
            status = "ok" if r.returncode == 0 else "FAIL (exit %d: %s)" % (r.returncode, r.stderr.strip()[:200])
            invalid = invalid_features(folder) if r.returncode == 0 else []
            if invalid:  # the README's exports must be valid polygons (GEOS IsValid), every feature
                status = "FAIL (%d invalid features: %s)" % (len(invalid), ", ".join(invalid[:5]))
            print("%s: %s" % (status, variant.replace(pg, "$PG") if pg else variant))
            if not status.startswith("ok"):
                failures.append(variant)
    print("%d README commands run, %d failed, %d left for the other run (README_PG)%s%s"
          % (runs, len(failures), skipped, ", %d render or view lines left out (no viewer in this build)" % no_viewer
             if no_viewer else "", ", %d county-layer lines left out (no county layer built)" % no_counties
             if no_counties else ""))
    subprocess.run(["rm", "-rf", work])
    # The README has over 30 commands to run here; a build without the viewer leaves out its render and view lines.
    least = 3 if os.environ.get("README_PG") else 30 if os.environ.get("ATLAS_HAVE_VIEWER", "1") == "1" else 20
    sys.exit(1 if failures or runs < least else 0)


main()
