"""Extract Poland's outline from world-atlas's countries-50m.json (Natural Earth) into GeoJSON.

Usage: python tools/extract_poland_outline.py countries-50m.json data/geo/poland_outline.geojson
(countries-50m.json comes in the npm package world-atlas@2.0.2: `npm pack world-atlas@2.0.2`.)
"""

import json
import sys
from pathlib import Path


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    """TopoJSON's delta-encoded, quantized arcs as lists of [lon, lat]."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    """One polygon ring from arc indexes (a negative index is an arc walked backwards)."""
    points: list[list[float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def main(source: str, target: str, name: str = "Poland") -> None:
    topo = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["properties"]["name"] != name:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "iso_n3": geometry.get("id")},
                "geometry": {"type": "MultiPolygon", "coordinates": [[ring(arcs, r) for r in p] for p in polygons]},
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    Path(target).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
