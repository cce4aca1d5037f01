"""Overview figures: the map of offices by status, and activity by year."""

import json
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import CLAUSE_COLORS, NO_CLAUSE_COLOR, STATUS_COLORS, frame, office_labels, wrap
from cityiso.figures.trends import SHARE_SCALE
from cityiso.labels import clause_label, code_label, format_date, t
from cityiso.paths import POLAND_OUTLINE
from cityiso.safe_text import plotly_frame, plotly_text
from cityiso.vocabulary import STATUSES

STATUS_ORDER = tuple(STATUSES)
# Poland spans about 49-55 N: at 52 N a degree of longitude is cos(52°) ≈ 0.62 of a degree of latitude.
LAT_STRETCH = 1 / 0.616


@cache
def outline_rings(geojson_path: Path = POLAND_OUTLINE) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The outer rings of a GeoJSON's (multi)polygons as (lon, lat) points; read once per process."""
    data = json.loads(Path(geojson_path).read_text(encoding="utf-8"))
    rings = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings.extend(tuple(tuple(point) for point in polygon[0]) for polygon in polygons)
    return tuple(rings)


# Offices closer than this (in degrees, both ways) share one spot on the map.
SAME_SPOT = 0.15
# The map's east edge, and about how many degrees of longitude a character of a 13 px label spans on it.
EAST_EDGE = 24.4
CHAR_DEGREES = 0.19
LONG_LABEL = 24  # characters


def label_positions(offices: pd.DataFrame) -> dict[str, str]:
    """office_id -> where its label stands by its marker: offices sharing a spot (a town's city hall and county
    office stand a few kilometres apart) get labels centred above and below it instead of one over the other; a
    lone office's label that would run past the map's east edge stands left of its marker."""
    spots: list[tuple[float, float, list]] = []
    for r in offices.itertuples():
        spot = next(
            (s for s in spots if abs(s[0] - r.longitude) < SAME_SPOT and abs(s[1] - r.latitude) < SAME_SPOT), None
        )
        if spot is None:
            spots.append((r.longitude, r.latitude, [r]))
        else:
            spot[2].append(r)
    positions = {}
    for _, _, members in spots:
        for i, r in enumerate(members):
            side = "left" if r.longitude + len(str(r.place)) * CHAR_DEGREES > EAST_EDGE else "right"
            # Centred above and below: two long names fit where one side of the marker has no room.
            shared = ("top center", "bottom center", f"middle {side}")
            positions[r.office_id] = f"middle {side}" if len(members) == 1 else shared[i % 3]
    return positions


def status_map(
    status: pd.DataFrame, rings: tuple, lang: str, as_of_label: str, source_line: str, family: str = ""
) -> go.Figure:
    """Each office placed on an outline of Poland, coloured by its certification status in one standard family."""
    status = plotly_frame(status)  # curated names are text, never Plotly markup
    fig = go.Figure()
    names = office_labels(status)
    positions = label_positions(status)
    _outline(fig, rings)
    for code in STATUS_ORDER:
        rows = status[status["status"] == code]
        if rows.empty:
            continue
        hover = [
            f"<b>{names[r.office_id]}</b><br>{code_label('status', code, lang)}"
            + (f"<br>{r.standard}" if isinstance(r.standard, str) else "")
            + (
                f"<br>{t('valid_until', lang)}: {format_date(r.valid_until, r.valid_until_precision, lang)}"
                if pd.notna(r.valid_until)
                else ""
            )
            for r in rows.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["longitude"],
                y=rows["latitude"],
                mode="markers+text",
                text=rows["place"],
                textposition=[positions[office_id] for office_id in rows["office_id"]],
                cliponaxis=False,  # a long label may use the blank beside the outline rather than be cut
                # A long name (a place and its office) in smaller type: it fits a half-width map.
                textfont={"size": [13 if len(str(p)) <= LONG_LABEL else 11 for p in rows["place"]]},
                marker={"size": 16, "color": STATUS_COLORS[code], "line": {"color": "white", "width": 1.5}},
                name=code_label("status", code, lang),
                hovertext=hover,
                hoverinfo="text",
                customdata=rows["office_id"],
            )
        )
    fig.update_xaxes(visible=False, range=[13.8, 24.4])
    fig.update_yaxes(visible=False, range=[48.8, 55.2], scaleanchor="x", scaleratio=LAT_STRETCH)
    subtitle = f"{family} · {t('as_of', lang)}: {as_of_label}" if family else f"{t('as_of', lang)}: {as_of_label}"
    frame(fig, t("overview.map", lang), source_line, height=560, subtitle=subtitle)
    # Inside the map, bottom left: the outline leaves that corner empty.
    legend = {
        "orientation": "v",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "bottom",
        "bgcolor": "rgba(255,255,255,0.8)",
    }
    return fig.update_layout(legend=legend)


def yearly_activity(praised: pd.DataFrame, audits: pd.DataFrame, lang: str, source_line: str) -> go.Figure:
    """Praised items per year stacked by ISO clause, with the audits held each year as a line (rows without a
    year, undated events, are left out: the view's note counts them)."""
    praised, audits = plotly_frame(praised[praised["year"].notna()]), plotly_frame(audits[audits["year"].notna()])
    fig = go.Figure()
    years = sorted(set(praised["year"]).union(audits["year"]))
    for clause, rows in praised.groupby("clause", dropna=False, sort=True):
        first = rows.iloc[0]
        label = clause_label(clause, first["clause_pl"], first["clause_en"], lang)
        color = NO_CLAUSE_COLOR if pd.isna(clause) else CLAUSE_COLORS[int(clause)]
        fig.add_trace(
            go.Bar(
                x=rows["year"],
                y=rows["count_praised"],
                name=label,
                marker_color=color,
                width=0.8,  # of a year: a bar never spreads over the years without events next to it
                hovertemplate=f"{wrap(label, 40)}<br>%{{x}}: %{{y}}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=audits["year"],
            y=audits["count_audits"],
            name=t("audits_held", lang),
            mode="lines+markers",
            line={"color": "#000000", "width": 2, "dash": "dot"},
            marker={"size": 9, "symbol": "diamond"},
        )
    )
    fig.update_layout(barmode="stack")
    # Every year labelled when few, every fifth when many (25 labels crowd a half-width chart).
    ticks = {"tickmode": "array", "tickvals": years} if len(years) <= 12 else {"dtick": 5}
    fig.update_xaxes(title_text=t("year", lang), showgrid=False, **ticks)
    top = max([0, *praised.groupby("year")["count_praised"].sum(), *audits["count_audits"]])
    # Whole steps for small counts (no '0.5 audits').
    fig.update_yaxes(
        title_text=t("count", lang), gridcolor="#E5E5E5", rangemode="tozero", **({"dtick": 1} if top <= 12 else {})
    )
    return frame(fig, t("overview.trend", lang), source_line, height=560, legend="right" if len(years) <= 12 else "top")


# More offices than this on a map and single markers overlap: the map shows voivodeships instead.
MAP_MARKERS_MAX = 50


def _outline(fig: go.Figure, rings: tuple) -> None:
    for ring in rings:
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in ring],
                y=[p[1] for p in ring],
                mode="lines",
                fill="toself",
                fillcolor="#F2F2F2",
                line={"color": "#9A9A9A", "width": 1},
                hoverinfo="skip",
                showlegend=False,
                name="outline",
            )
        )


def status_map_by_voivodeship(
    counts: pd.DataFrame, rings: tuple, lang: str, as_of_label: str, source_line: str, family: str = ""
) -> go.Figure:
    """One bubble per voivodeship at its offices' mean position, sized by its selected offices and filled by the
    share holding a valid certificate (exactly or approximately); the count per status on hover."""
    fig = go.Figure()
    _outline(fig, rings)
    rows = []
    for voivodeship, r in counts.groupby("voivodeship", sort=True):
        by_status = dict(zip(r["status"], r["count_offices"], strict=True))
        total = int(sum(by_status.values()))
        held = int(by_status.get("valid", 0) + by_status.get("valid_approximate", 0))
        lines = "<br>".join(
            f"{code_label('status', s, lang)}: {by_status[s]}" for s in STATUS_ORDER if by_status.get(s)
        )
        rows.append(
            dict(
                voivodeship=voivodeship,
                latitude=r["latitude"].iloc[0],
                longitude=r["longitude"].iloc[0],
                total=total,
                held=held,
                share=held / total if total else 0.0,
                hover=f"<b>{plotly_text(voivodeship)}</b><br>{lines}",
            )
        )
    table = pd.DataFrame(rows, columns=["voivodeship", "latitude", "longitude", "total", "held", "share", "hover"])
    biggest = max(table["total"].max() if len(table) else 1, 1)
    fig.add_trace(
        go.Scatter(
            x=table["longitude"],
            y=table["latitude"],
            mode="markers+text",
            # The share inside the bubble; the counts per status on hover (a label beside it would overlap the next).
            text=[f"{round(100 * s)}%" for s in table["share"]],
            textposition="middle center",
            textfont={"size": 11, "color": "#111111"},
            marker={
                # Area proportional to the number of offices, within a size that leaves neighbours apart.
                "size": [22 + 14 * (n / biggest) ** 0.5 for n in table["total"]],
                "color": table["share"] * 100,
                "colorscale": SHARE_SCALE,
                "cmin": 0,
                "cmax": 100,
                "line": {"color": "#555555", "width": 1},
                "colorbar": {
                    "title": {"text": t("map.share_held", lang), "side": "top"},
                    "ticksuffix": "%",
                    "thickness": 10,
                    "len": 0.5,
                    "orientation": "h",
                    "x": 0.0,
                    "xanchor": "left",
                    "y": 0.02,
                    "yanchor": "bottom",
                },
            },
            hovertext=table["hover"],
            hoverinfo="text",
            customdata=table["voivodeship"],
            name=t("map.voivodeships", lang),
            showlegend=False,
        )
    )
    fig.update_xaxes(visible=False, range=[13.8, 24.4])
    fig.update_yaxes(visible=False, range=[48.8, 55.2], scaleanchor="x", scaleratio=LAT_STRETCH)
    when = f"{t('as_of', lang)}: {as_of_label}"
    subtitle = (
        f"{family} · {when} · {t('map.by_voivodeship', lang)}"
        if family
        else f"{when} · {t('map.by_voivodeship', lang)}"
    )
    return frame(fig, t("overview.map", lang), source_line, height=560, subtitle=subtitle)
