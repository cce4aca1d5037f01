"""Overview figures: the map of offices by status, and activity by year."""

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import CLAUSE_COLORS, NO_CLAUSE_COLOR, STATUS_COLORS, frame, office_labels, wrap
from cityiso.figures.maps import map_axes, voivodeship_base
from cityiso.labels import clause_label, code_label, format_date, t
from cityiso.safe_text import plotly_frame
from cityiso.vocabulary import STATUSES

STATUS_ORDER = tuple(STATUSES)


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
            side = "left" if r.longitude + len(str(r.office_label)) * CHAR_DEGREES > EAST_EDGE else "right"
            # Centred above and below: two long names fit where one side of the marker has no room.
            shared = ("top center", "bottom center", f"middle {side}")
            positions[r.office_id] = f"middle {side}" if len(members) == 1 else shared[i % 3]
    return positions


# A symbol per kind of status, besides its colour: "no evidence" (we hold no document) is an open ring, never the
# mark of an office known to be without a certificate (ended: a cross).
STATUS_SYMBOLS = {
    "valid": "circle",
    "valid_approximate": "circle",
    "suspended": "diamond",
    "expired": "x",
    "lapsed": "x",
    "withdrawn": "x",
    "no_evidence": "circle-open",
}


def status_map(
    status: pd.DataFrame, shapes: tuple, lang: str, as_of_label: str, source_line: str, family: str = ""
) -> go.Figure:
    """Each office placed on Poland's voivodeships, coloured and shaped by its certification status in one
    standard family ("no evidence" an open ring, named as not knowing)."""
    status = plotly_frame(status)  # curated names are text, never Plotly markup
    fig = go.Figure()
    names = office_labels(status)
    positions = label_positions(status)
    voivodeship_base(fig, shapes)
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
                text=rows["office_label"],
                textposition=[positions[office_id] for office_id in rows["office_id"]],
                cliponaxis=False,  # a long label may use the blank beside the outline rather than be cut
                # A long name (a place and its office) in smaller type: it fits a half-width map.
                textfont={"size": [13 if len(str(p)) <= LONG_LABEL else 11 for p in rows["office_label"]]},
                marker=_marker(code),
                name=t("map.no_evidence_marker", lang) if code == "no_evidence" else code_label("status", code, lang),
                hovertext=hover,
                hoverinfo="text",
                customdata=rows["office_id"],
            )
        )
    map_axes(fig)
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


def _marker(code: str) -> dict:
    if code == "no_evidence":  # an open ring: its line is the mark
        return {"size": 15, "symbol": STATUS_SYMBOLS[code], "color": "#6E6E6E", "line": {"width": 2.5}}
    return {
        "size": 16,
        "symbol": STATUS_SYMBOLS[code],
        "color": STATUS_COLORS[code],
        "line": {"color": "white", "width": 1.5},
    }


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
