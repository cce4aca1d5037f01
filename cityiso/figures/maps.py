"""The status map by voivodeship: Poland's 16 voivodeships (Natural Earth admin-1, data/geo/voivodeships.geojson)
drawn as filled x/y polygons, so nothing is fetched at view time and kaleido renders the same map for the deck."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from cityiso.figures.common import frame, wrap
from cityiso.labels import code_label, t
from cityiso.paths import VOIVODESHIPS_GEOJSON
from cityiso.safe_text import plotly_text

# Poland spans about 49-55 N: at 52 N a degree of longitude is cos(52°) ≈ 0.62 of a degree of latitude.
LAT_STRETCH = 1 / 0.616
X_RANGE, Y_RANGE = (13.8, 24.4), (48.8, 55.2)
# The share of the offices with evidence that hold a valid certificate: pale yellow (none) to green (all). Its low
# end is a colour, never the grey of "no evidence", so "not certified" and "not known" never look alike.
EVIDENCE_SCALE = [[0.0, "#FBE8A6"], [0.5, "#9DD6B4"], [1.0, "#009E73"]]
NO_EVIDENCE_FILL = "#D9D9D9"
HATCH = {"shape": "/", "fgcolor": "#4D4D4D", "size": 7, "solidity": 0.25}
BORDER = {"color": "#FFFFFF", "width": 1.2}
ENDED = ("expired", "lapsed", "withdrawn")
BOTTOM = 130  # px under the map: the colour scale and TERC's note side by side, then the source line


@dataclass(frozen=True)
class Voivodeship:
    name: str  # as offices.csv writes it ("śląskie")
    rings: tuple[tuple[tuple[float, float], ...], ...]  # outer rings, (lon, lat)
    label: tuple[float, float]  # where its figure stands (Natural Earth's label point)


@cache
def voivodeship_shapes(geojson_path: Path = VOIVODESHIPS_GEOJSON) -> tuple[Voivodeship, ...]:
    """The 16 voivodeships of the committed GeoJSON; read once per process."""
    data = json.loads(Path(geojson_path).read_text(encoding="utf-8"))
    shapes = []
    for feature in data["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = tuple(tuple(tuple(point) for point in polygon[0]) for polygon in polygons)
        shapes.append(Voivodeship(props["voivodeship"], rings, (props["label_lon"], props["label_lat"])))
    return tuple(shapes)


def _xy(rings) -> tuple[list, list]:
    """The rings of one shape as one x/y line, rings apart by a gap (None), for one filled trace."""
    xs: list = []
    ys: list = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs[:-1], ys[:-1]


def voivodeship_base(fig: go.Figure, shapes: tuple[Voivodeship, ...], fill: str = "#F2F2F2") -> None:
    """The voivodeships in one grey, under other marks (the map of single offices)."""
    for shape in shapes:
        xs, ys = _xy(shape.rings)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=fill,
                line={"color": "#B3B3B3", "width": 0.8},
                hoverinfo="skip",
                showlegend=False,
                name="outline",
            )
        )


def map_axes(fig: go.Figure) -> None:
    """Poland's extent, no axes, a degree of latitude stretched as at 52° N."""
    fig.update_xaxes(visible=False, range=list(X_RANGE))
    fig.update_yaxes(visible=False, range=list(Y_RANGE), scaleanchor="x", scaleratio=LAT_STRETCH)


def voivodeship_figures(counts: pd.DataFrame) -> pd.DataFrame:
    """national_status_by_voivodeship with what the map draws: held (valid, exactly or approximately), ended
    (expired, lapsed, withdrawn), with_evidence (every status but no_evidence), share_held_of_evidence (null: no
    evidence at all), existing (the offices in the data plus those TERC lists that the data lacks; TERC unknown:
    those in the data) and unknown (no_evidence plus TERC's offices without a document)."""
    rows = counts.copy()
    rows["held"] = rows["count_valid"] + rows["count_valid_approximate"]
    rows["ended"] = rows[[f"count_{s}" for s in ENDED]].sum(axis=1)
    rows["with_evidence"] = rows["count_offices"] - rows["count_no_evidence"]
    rows["share_held_of_evidence"] = (rows["held"] / rows["with_evidence"].where(rows["with_evidence"] > 0)).astype(
        "Float64"
    )
    unrecorded = rows["count_in_terc_unrecorded"].fillna(0).astype(int)
    rows["existing"] = rows["count_offices"] + unrecorded
    rows["unknown"] = rows["count_no_evidence"] + unrecorded
    return rows


def _hover(r, lang: str, terc_line: str) -> str:
    label = lambda s: code_label("status", s, lang)  # noqa: E731
    lines = [f"<b>{plotly_text(r.voivodeship)}</b>", f"{label('valid')}: {r.count_valid}"]
    if r.count_valid_approximate:
        lines.append(f"{label('valid_approximate')}: {r.count_valid_approximate}")
    if r.count_suspended:
        lines.append(f"{label('suspended')}: {r.count_suspended}")
    lines.append(f"{t('map.ended', lang)}: {r.ended}")
    lines.append(f"{t('map.no_evidence_known', lang)}: {r.count_no_evidence}")
    lines.append(wrap(terc_line, 48))
    return "<br>".join(lines)


def terc_line(r, lang: str, state_on: str | None) -> str:
    """What TERC says of one voivodeship's row: how many offices exist and how many the data has no document on."""
    if state_on is None:
        return t("map.terc_unknown", lang)
    if pd.isna(r.count_in_terc):
        return t("map.terc_by_name", lang)
    total, unrecorded = int(r.count_in_terc), int(r.count_in_terc_unrecorded)
    return t("map.terc_total", lang, date=state_on, total=total, known=total - unrecorded, unrecorded=unrecorded)


def status_choropleth(
    counts: pd.DataFrame,
    shapes: tuple[Voivodeship, ...],
    lang: str,
    as_of_label: str,
    source_line: str,
    family: str = "",
    terc_state_on: str | None = None,
    terc_note: str = "",
) -> go.Figure:
    """Each voivodeship filled by the share of its offices with evidence that hold a valid certificate; grey and
    hatched where no office has evidence, hatched over the colour where over half of the offices (TERC's count
    where imported) have none; the counts per status and TERC's denominator on hover."""
    rows = {r.voivodeship: r for r in voivodeship_figures(counts).itertuples()}
    fig = go.Figure()
    labels = []
    for shape in shapes:
        r = rows.get(shape.name)
        xs, ys = _xy(shape.rings)
        known = r is not None and r.with_evidence > 0
        mostly_unknown = r is not None and r.existing > 0 and r.unknown / r.existing > 0.5
        fill = sample_colorscale(EVIDENCE_SCALE, [float(r.share_held_of_evidence)])[0] if known else NO_EVIDENCE_FILL
        hover = (
            _hover(r, lang, terc_line(r, lang, terc_state_on))
            if r is not None
            else f"<b>{plotly_text(shape.name)}</b><br>{t('map.none_known', lang)}"
        )
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=fill,
                fillpattern={**HATCH, "bgcolor": fill} if (not known or mostly_unknown) else None,
                line=BORDER,
                hoveron="fills",
                text=hover,
                hoverinfo="text",
                name=shape.name,
                showlegend=False,
            )
        )
        share = f"{round(100 * float(r.share_held_of_evidence))}%" if known else "—"
        labels.append((shape, share, hover))
    fig.add_trace(
        go.Scatter(
            x=[s.label[0] for s, _, _ in labels],
            y=[s.label[1] for s, _, _ in labels],
            mode="text",
            text=[share for _, share, _ in labels],
            textfont={"color": "#111111"},  # the figure's size: larger on a slide
            hovertext=[hover for _, _, hover in labels],
            hoverinfo="text",
            customdata=[s.name for s, _, _ in labels],
            name=t("map.voivodeships", lang),
            showlegend=False,
        )
    )
    # The colour scale, on a trace that draws nothing.
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={
                "color": [0],
                "colorscale": EVIDENCE_SCALE,
                "cmin": 0,
                "cmax": 100,
                "showscale": True,
                "colorbar": {
                    "title": {"text": wrap(t("map.share_of_evidence", lang), 24), "side": "top"},
                    "ticksuffix": "%",
                    "thickness": 10,
                    "len": 0.45,
                    "orientation": "h",
                    # Under the map, left; the TERC note beside it, right.
                    "x": 0.0,
                    "xanchor": "left",
                    "y": -0.03,
                    "yanchor": "top",
                },
            },
            hoverinfo="skip",
            showlegend=False,
            name="scale",
        )
    )
    for name, fill in ((t("map.none_known", lang), NO_EVIDENCE_FILL), (t("map.mostly_unknown", lang), "#9DD6B4")):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                fill="toself",
                fillcolor=fill,
                fillpattern={**HATCH, "bgcolor": fill},
                line=BORDER,
                name=name,
                hoverinfo="skip",
            )
        )
    map_axes(fig)
    when = f"{t('as_of', lang)}: {as_of_label}"
    by = t("map.by_voivodeship", lang)
    subtitle = f"{family} · {when} · {by}" if family else f"{when} · {by}"
    frame(fig, t("overview.map", lang), source_line, height=600, subtitle=subtitle, legend="top", bottom=BOTTOM)
    if terc_note:
        fig.add_annotation(
            text=wrap(terc_note, 32),
            xref="paper",
            yref="paper",
            x=0.5,
            y=0,
            yshift=-10,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": 11, "color": "#555555"},
            name="terc_note",
        )
    return fig
