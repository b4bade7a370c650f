#!/usr/bin/env python3
"""The national map of ClusterAtlas's `render`, drawn by QGIS (PyQGIS, headless): the same layers
from the same GeoPackages with the same styling intent (land fill, prefecture and province lines,
the plan's regions filled semi-transparent in distinct colours, hub points, province labels), China
Albers, 1600x1200 PNG. Usage: qgis_render.py CHINA.gpkg ATLAS.gpkg OUT.png"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,  # noqa: E402
                       QgsFillSymbol, QgsLineSymbol, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsProject, QgsRendererCategory,
                       QgsCategorizedSymbolRenderer, QgsTextFormat, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling, QgsSingleSymbolRenderer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QPainter  # noqa: E402

PALETTE = ["#e41a1c", "#1f78b4", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#e7298a", "#009999",
           "#999900", "#6666cc", "#cc4c4c", "#33664c"]


def layer(path, name):
    result = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not result.isValid():
        sys.exit(f"{path}: no layer {name}")
    return result


def style(land, prefectures, regions, hubs):
    land.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "247,245,237", "outline_color": "97,97,107", "outline_width": "0.4"})))
    prefectures.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"color": "184,184,184", "width": "0.25"})))
    categories = []
    filled = 0
    for feature in regions.getFeatures():
        # As ClusterAtlas: the Bohai rim, the Yangtze belt and the Northeast group are outlines only.
        outline_only = feature["designation"] == "context" or feature["kind"] == "agglomeration_group"
        colour = QColor("#59598c") if outline_only else QColor(PALETTE[filled % len(PALETTE)])
        filled += 0 if outline_only else 1
        alpha = 0 if outline_only else 115
        symbol = QgsFillSymbol.createSimple({"color": f"{colour.red()},{colour.green()},{colour.blue()},{alpha}",
                                             "outline_color": colour.name(), "outline_width": "0.55"})
        categories.append(QgsRendererCategory(feature["id"], symbol, feature["id"]))
    regions.setRenderer(QgsCategorizedSymbolRenderer("id", categories))
    hubs.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"color": "30,30,30", "outline_color": "white", "size": "2.2"})))
    labels = QgsPalLayerSettings()
    labels.fieldName = "name_en"
    text = QgsTextFormat()
    text.setSize(9)
    labels.setFormat(text)
    land.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    land.setLabelsEnabled(True)


def main():
    china, atlas, out = sys.argv[1:4]
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    provinces, prefectures = layer(china, "provinces"), layer(china, "prefectures")
    regions, hubs = layer(atlas, "regions"), layer(atlas, "hubs")
    style(provinces, prefectures, regions, hubs)
    for item in (provinces, prefectures, regions, hubs):
        QgsProject.instance().addMapLayer(item, False)
    albers = QgsCoordinateReferenceSystem()
    albers.createFromProj("+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84 +units=m +no_defs")
    settings = QgsMapSettings()
    settings.setLayers([hubs, regions, prefectures, provinces])  # top first
    settings.setDestinationCrs(albers)
    settings.setOutputSize(QSize(1600, 1200))
    settings.setBackgroundColor(QColor(214, 227, 237))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    extent = QgsCoordinateTransform(provinces.crs(), albers, QgsProject.instance()).transformBoundingBox(provinces.extent())
    extent.scale(1.04)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(out, "PNG"):
        sys.exit(f"{out}: cannot write")
    app.exitQgis()


if __name__ == "__main__":
    main()
