"""Extract Poland's outline from world-atlas's countries-50m.json (Natural Earth) into GeoJSON.

Usage: python tools/extract_poland_outline.py countries-50m.json data/geo/poland_outline.geojson
(countries-50m.json comes in the npm package world-atlas@2.0.2: `npm pack world-atlas@2.0.2`.)
"""

import json
import sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
    arcs.append(pts)


def ring(idx):
    out = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


feats = []
wanted = {"Poland"}
for g in topo["objects"]["countries"]["geometries"]:
    name = g["properties"]["name"]
    if name not in wanted:
        continue
    polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
    coords = [[ring(r) for r in poly] for poly in polys]
    feats.append(
        {
            "type": "Feature",
            "properties": {"name": name, "iso_n3": g.get("id")},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        }
    )
json.dump({"type": "FeatureCollection", "features": feats}, open(sys.argv[2], "w"), separators=(",", ":"))
