"""What every chart shares: the colour-blind-safe palette, the frame (title, source line) and the modebar."""

import datetime as dt
import hashlib
import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from cityiso.labels import MONTHS_SHORT

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
STATUS_COLORS = {
    "valid": "#009E73",
    "valid_approximate": "#56B4E9",
    "suspended": "#E69F00",
    "expired": "#D55E00",
    "lapsed": "#CC79A7",
    "withdrawn": "#000000",
    "no_evidence": "#999999",
}
# Paul Tol's "muted" scheme: nine colours told apart with every common colour-vision deficiency, none of them the
# hues of the editions below (an office is never mistaken for a standard).
OFFICE_PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
# One hue per family of standards (Okabe–Ito), one shade per edition: the older the edition, the lighter. Every
# standard_id of the standards table (data/standards.csv and the synthetic national package) has its own colour.
EDITION_COLORS = {
    "iso9001-2000": "#9CCBEC",
    "iso9001-2008": "#3D8FCC",
    "iso9001-2015": "#004C7A",
    "iso14001-2004": "#7ED6B8",
    "iso14001-2015": "#00664A",
    "iso27001-2005": "#EBC3DA",
    "iso27001-2013": "#CC79A7",
    "iso27001-2022": "#7E2F5C",
    "iso37001-2016": "#E69F00",
    "iso37120-2014": "#F2A779",
    "iso37120-2018": "#A84A00",
    "iso45001-2018": "#3A3A3A",
}
# A family's certificate whose edition no source states: a greyed tint of the family's hue.
UNKNOWN_EDITION_COLORS = {
    "ISO 9001": "#B3C3D1",
    "ISO 14001": "#B3CCC3",
    "ISO 27001": "#D3C3CC",
    "ISO 37001": "#D9CBB0",
    "ISO 37120": "#D9C3B3",
    "ISO 45001": "#BDBDBD",
}
CLAUSE_COLORS = {4: "#E69F00", 5: "#0072B2", 6: "#009E73", 7: "#CC79A7", 8: "#56B4E9", 9: "#D55E00", 10: "#000000"}
NO_CLAUSE_COLOR = "#BBBBBB"
FONT = "Source Sans Pro, Arial, sans-serif"


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def stable_colors(keys: Iterable[str], palette: tuple[str, ...] = OFFICE_PALETTE) -> dict[str, str]:
    """key -> its colour: the palette colour its hash picks, the same in every chart. Where two keys shown together
    pick one colour, the keys are taken in the order of their hashes (then ids) and a later one takes the next
    colour still free: no two keys share a colour while there are no more keys than colours. A key's colour depends
    only on the set of keys given (pass every key a page shows, not only those with data in one chart)."""
    colours: dict[str, str] = {}
    taken: set[int] = set()
    for key in sorted(set(keys), key=lambda k: (_hash(k), k)):
        slot = _hash(key) % len(palette)
        if len(taken) < len(palette):
            while slot in taken:
                slot = (slot + 1) % len(palette)
        taken.add(slot)
        colours[key] = palette[slot]
    return colours


def office_colors(office_ids: Iterable[str], among: Iterable[str] | None = None) -> dict[str, str]:
    """office_id -> its colour, from its id (stable_colors). `among`: every office the page or deck shows; a chart
    that has data for only some of them gives those the colours they have in every other chart. Offices of
    `office_ids` missing from `among` are added to it."""
    shown = list(dict.fromkeys(office_ids))
    everyone = list(dict.fromkeys([*(among or []), *shown]))
    colours = stable_colors(everyone)
    return {office_id: colours[office_id] for office_id in shown}


def edition_color(standard_id: str | None, family: str = "") -> str:
    """The colour of a standard edition (standard_id), the same on every chart: EDITION_COLORS; a family's
    certificate of no known edition (standard_id missing) in a greyed tint of its family's hue (grey for a family the
    table does not know); an edition the table does not know in a colour its id picks."""
    if isinstance(standard_id, str) and standard_id:
        return EDITION_COLORS.get(standard_id) or PALETTE[_hash(standard_id) % len(PALETTE)]
    return UNKNOWN_EDITION_COLORS.get(family, NO_CLAUSE_COLOR)


def family_color(family: str) -> str:
    """A standard family's colour: the colour of its latest edition in EDITION_COLORS (its hue), else its id's."""
    prefix = family.replace(" ", "").replace("/", "").lower() + "-"
    editions = sorted(k for k in EDITION_COLORS if k.startswith(prefix))
    return EDITION_COLORS[editions[-1]] if editions else PALETTE[_hash(family) % len(PALETTE)]


def office_labels(df: pd.DataFrame) -> dict[str, str]:
    """office_id -> how a chart names each office of df: its office_label, as every named query returns it (computed
    once by the build, queries/schema.sql office_labels: two offices never share one, whatever the selection)."""
    offices = df.drop_duplicates("office_id")
    return dict(zip(offices["office_id"], offices["office_label"], strict=True))


# A half-width chart in a 1000 px window is 237-262 px wide, and 11 px type takes about 5.8 px a character: lines
# of at most 36 characters fit it (on one line, 70 ran past its left edge and were cut, on the page and in the
# modebar's download).
SOURCE_WIDTH = 36
SOURCE_LINE_PX = 14

LEGENDS = {
    "right": {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.01, "xanchor": "left"},
    "top": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "xanchor": "left"},
}


# Plotly's modebar (download, zoom) shows over the top right corner of a chart while the pointer is on it, 25 px tall
# and 224 px wide: a strip this tall above the title keeps it off a title of any length, in any column width.
MODEBAR_PX = 30
# A subtitle's line holds this many characters (small type in a half-width chart at 1366 px holds about 60).
SUBTITLE_WIDTH = 60
SUBTITLE_LINE_PX = 14


def frame(
    fig: go.Figure,
    title: str,
    source_line: str,
    height: int = 460,
    subtitle: str = "",
    legend: str = "right",
    bottom: int = 70,
    source_width: int = SOURCE_WIDTH,
) -> go.Figure:
    """Title (and subtitle) on top, under a strip left for the modebar, the legend at the right or above the plot,
    the source line at the bottom, broken into lines of at most `source_width` characters (the bottom margin grows by
    a line for each). `height` is the chart's without the modebar's strip, which the figure adds."""
    # A long subtitle (an office's full name) in lines that fit a half-width chart, each line more room above.
    lines = textwrap.wrap(subtitle, SUBTITLE_WIDTH) if subtitle else []
    text = f"{title}<br><sup>{'<br>'.join(lines)}</sup>" if lines else title
    more = SUBTITLE_LINE_PX * max(0, len(lines) - 1)
    total = height + MODEBAR_PX + more
    top = (80 if subtitle else 60) + more
    placed = LEGENDS[legend]
    if legend == "top":
        # Under the title, across the whole figure (a narrow plot, long category labels at its left, made the legend
        # wrap upwards over the title): a row per three entries, 26 px a row, the top margin grown to match.
        entries = sum(trace.showlegend is not False for trace in fig.data)
        rows = max(1, -(-entries // 3))
        title_px = (70 if subtitle else 45) + more
        placed = {**placed, "yref": "container", "xref": "container", "y": 1 - (MODEBAR_PX + title_px) / total}
        placed |= {"x": 0.01, "yanchor": "top"}
        top = title_px + 26 * rows + 12
    source = wrap(source_line, source_width)
    # The title's top a fixed distance under the modebar's strip, whatever the height (a share of a short chart's
    # height put its first line above the edge). Plotly anchors a title of two lines by its first line's box, about
    # 20 px higher than the whole (measured in Chromium): a subtitle moves it down by as much.
    title_y = 1 - (MODEBAR_PX + 6 + (20 + more if subtitle else 0)) / total
    fig.update_layout(
        title={"text": text, "x": 0.0, "xanchor": "left", "y": title_y, "yanchor": "top", "font": {"size": 18}},
        font={"family": FONT, "size": 13},
        height=total,
        margin={"l": 10, "r": 10, "t": MODEBAR_PX + top, "b": bottom + SOURCE_LINE_PX * source.count("<br>")},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={**placed, "font": {"size": 12}},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    # The source line sits in the bottom margin, below the axis title, whatever the plot's height.
    note_below(fig, source, bottom - 18, 11, name="source_line", side=_source_side(fig, legend))
    return fig


def _colorbar_right(trace) -> bool:
    if trace.type == "heatmap":
        return trace.showscale is not False and (trace.colorbar.orientation or "v") == "v"
    marker = getattr(trace, "marker", None)
    return bool(marker is not None and marker.showscale and (marker.colorbar.orientation or "v") == "v")


def _source_side(fig: go.Figure, legend: str) -> str:
    """Where the source line hangs from the plot: its right edge; its left edge where a legend at the right (Plotly
    draws one for two traces or more) narrows the plot; its middle where a colour bar at the right does (such a
    chart's category labels take the left)."""
    if legend == "right" and sum(trace.showlegend is not False for trace in fig.data) > 1:
        return "left"
    return "center" if any(_colorbar_right(trace) for trace in fig.data) else "right"


def note_below(fig: go.Figure, text: str, depth: int, size: int, name: str = "", side: str = "right") -> None:
    """A line of small grey text `depth` pixels below the plot area, ending at its right edge: it runs left
    over the empty corner under the category labels instead of past the chart's edge (side="left": starting at
    its left edge, running right over the space a legend at the right leaves; "center": under its middle)."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x={"right": 1, "left": 0, "center": 0.5}[side],
        y=0,
        yshift=-depth,
        showarrow=False,
        xanchor=side,
        yanchor="top",
        font={"size": size, "color": "#555555"},
        align=side,
        name=name,
    )


def wrap(text: str, width: int = 70) -> str:
    """Break long hover text into lines."""
    return "<br>".join(textwrap.wrap(str(text), width)) if text else ""


def chart_config(filename: str, fmt: str = "png") -> dict:
    """The modebar: its download button saves the chart under a meaningful file name."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d"],
    }


def _hangs_below(annotation) -> bool:
    """A line of text hung under the plot by a fixed depth in pixels (note_below: the source line, a note)."""
    return annotation.yref == "paper" and (annotation.y or 0) <= 0 and (annotation.yshift or 0) < 0


# A slide's chart (for_slide): these shares of the slide's width and height, its tick labels SLIDE_TICK_PX high on a
# 1080-px slide (the page's: 13 px), its top and bottom margins.
SLIDE_CHART = (0.92, 0.62)
SLIDE_TICK_PX = 18
SLIDE_MARGIN_PX = (70, 60)


def slide_chart(width: int, height: int) -> tuple[int, int, float]:
    """A slide's chart in px (width, height) and how much larger its type is than the page's charts', on a slide of
    width x height pixels."""
    return round(width * SLIDE_CHART[0]), round(height * SLIDE_CHART[1]), SLIDE_TICK_PX / 13 * height / 1080


def for_slide(fig: go.Figure, width: int, height: int) -> go.Figure:
    """A copy restyled for a projector: no title or source line (the slide has its own; both are kept in the
    layout's meta for with_title_and_source), large type, sized to the chart area of a slide of width x height
    pixels. A note hung under the plot (note_below) leaves the chart too, into the meta's 'notes' for the slide's
    own text: its fixed depth, set for the page's small type, put it over the slide's larger tick labels, axis title
    and legend (which Plotly places itself)."""
    slide = go.Figure(fig)
    sources = [a.text for a in fig.layout.annotations if a.name == "source_line"]
    notes = [a.text for a in fig.layout.annotations if _hangs_below(a) and a.name != "source_line"]
    slide.layout.meta = {
        "title": fig.layout.title.text or "",
        "source_line": sources[0].replace("<br>", " ") if sources else "",
        "notes": notes,
    }
    scale = height / 1080
    slide.update_layout(
        title={"text": ""},
        font={"size": round(22 * scale)},
        legend={"font": {"size": round(20 * scale)}},
        width=slide_chart(width, height)[0],
        height=slide_chart(width, height)[1],
        margin={
            "t": round(SLIDE_MARGIN_PX[0] * scale),
            "b": round(SLIDE_MARGIN_PX[1] * scale),
            "l": round(20 * scale),
            "r": round(20 * scale),
        },
    )
    tick = round(SLIDE_TICK_PX * scale)
    # Tick labels a little off the plot: where two axes start at the same corner, the y axis's first label (centred
    # on the x axis) and the x axis's first label (centred on the y axis) otherwise share their corner of the plot.
    # An axis title's distance from its tick labels is set here, not left to the default template: Streamlit makes
    # its own template the default once imported (the app, the tests), which sets none, and Plotly then placed the
    # title by its older rule, over the tick labels.
    titles = {"title_font": {"size": round(20 * scale)}, "title_standoff": round(12 * scale), "automargin": True}
    slide.update_xaxes(tickfont={"size": tick}, ticklabelstandoff=tick // 3, **titles)
    slide.update_yaxes(tickfont={"size": tick}, ticklabelstandoff=tick // 2, **titles)
    for trace in slide.data:
        marker = getattr(trace, "marker", None)
        bar = marker.colorbar if marker is not None and marker.showscale else None
        if bar is not None and bar.orientation == "h" and (bar.y or 0) < 0:
            # A colour bar under the plot (a half-width page's map has height to spare) would take a slide's height,
            # which it lacks: into the plot's bottom right corner, which a map centred on a wide slide leaves empty
            # (its title stays level: turned upright beside the bar it runs off a PDF page's reading).
            bar.update(x=0.96, xanchor="right", y=0.02, yanchor="bottom", len=0.28)  # room for the last tick label
        if _colorbar_right(trace):
            # A colour bar's title above it ran into its top tick label (centred on the bar's end) in large type:
            # beside the labels instead.
            bar = trace.colorbar if trace.type == "heatmap" else trace.marker.colorbar
            bar.title.side = "right"
    # A slide is wide: category labels wrapped for a half-width chart (at the left of bars and timelines) go back on
    # one line. Names over columns (the heatmap's) stay as the figure wrapped them for the slide's columns.
    if slide.layout.yaxis.ticktext:
        slide.layout.yaxis.ticktext = [str(text).replace("<br>", " ") for text in slide.layout.yaxis.ticktext]
    slide.layout.annotations = [a for a in slide.layout.annotations if not _hangs_below(a)]
    above = 0.0
    for annotation in slide.layout.annotations:
        size = round(18 * scale)
        if (annotation.yshift or 0) > 0 and annotation.font.size:
            # Labels staggered in rows above the plot (the timeline's line labels) keep apart as their type grows,
            # and the top margin makes room for the highest.
            annotation.yshift = annotation.yshift * size / annotation.font.size
            above = max(above, annotation.yshift + size + 6)
        annotation.font.size = size
    slide.layout.margin.t = max(slide.layout.margin.t, round(above))
    for trace in slide.data:
        if getattr(trace, "mode", None) == "markers+text":
            # Text on markers grows with the slide; inside squares drawn for the slide's plot (the heatmap's), only
            # as large as the figure made it for its squares.
            inside = trace.type == "scatter" and trace.marker.symbol == "square" and trace.textfont.size
            trace.textfont.size = trace.textfont.size if inside else round(24 * scale)
    return slide


def with_title_and_source(fig: go.Figure) -> go.Figure:
    """A slide's figure (for_slide) as a chart on its own, as a downloaded image shows it: its title back on top
    and its source line, with the date of the data, right under it (the bottom may hold the legend), the figure
    taller by as much. Any other figure as it is: frame() gave it both."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if not (meta.get("title") or meta.get("source_line")):
        return fig
    alone = go.Figure(fig)
    size = alone.layout.font.size or 13
    title_size = round(size * 1.35)
    small = [meta.get("source_line") or "", *meta.get("notes", [])]  # the source line, then the notes under the plot
    lines = [meta.get("title") or ""] + [
        f"<span style='font-size:{size}px;color:#555555'>{line}</span>" for line in small if line
    ]
    below = max(1, sum(line.count("<br>") + 1 for line in small if line))  # lines under the title
    block = round(title_size * 1.3 * (meta.get("title", "").count("<br>") + 1) + size * 1.4 * below) + 16
    height = (alone.layout.height or 460) + block
    alone.update_layout(
        title={
            "text": "<br>".join(lines),
            "font": {"size": title_size},
            "x": 0.0,
            "xanchor": "left",
            "xref": "container",
            # Kaleido sets a title of several lines with its first baseline at y: a line's height below the top.
            "y": 1 - (10 + title_size) / height,
            "yanchor": "top",
            "yref": "container",
            "pad": {"l": 10},
        },
        height=height,
        margin={"t": (alone.layout.margin.t or 0) + block},
        meta={},
    )
    return alone


def count_axis(top: float, ticks: int = 6) -> dict:
    """An axis of counts in whole steps (1, 2, 5, 10, 20, 50, …), about `ticks` of them up to `top`: never a tick at
    0.5 office or 2.5 audits."""
    steps = (m * 10**e for e in range(12) for m in (1, 2, 5))
    step = next(s for s in steps if top / s <= ticks)
    return {"tickformat": "d", "tick0": 0, "dtick": step, "rangemode": "tozero"}


def date_ticks(dates, lang: str, ticks: int = 10) -> dict:
    """A date axis labelled in the page's language: one tick a year (or every 2, 5, 10 years) when the dates span
    three years or more, else every 1, 3 or 6 months with the month's short name ('mar 2016'), never Plotly's
    English month names. Empty when there are no dates (Plotly's defaults then)."""
    known = [pd.Timestamp(d) for d in dates if d is not None and not pd.isna(d)]
    if not known:
        return {}
    first, last = min(known), max(known)
    if (last - first).days >= 3 * 365:
        step = next(s for s in (1, 2, 5, 10, 20, 50) if (last.year - first.year + 1) / s <= ticks)
        years = range(first.year - first.year % step, last.year + 2, step)
        values = [dt.date(y, 1, 1).isoformat() for y in years]
        return {"tickmode": "array", "tickvals": values, "ticktext": [str(y) for y in years]}
    months = (last.year - first.year) * 12 + last.month - first.month + 2
    step = next(s for s in (1, 3, 6, 12) if months / s <= ticks)
    start = dt.date(first.year, (first.month - 1) // step * step + 1, 1)
    values, texts, day = [], [], start
    while day <= (last + pd.offsets.MonthBegin(1)).date():
        values.append(day.isoformat())
        texts.append(f"{MONTHS_SHORT[lang][day.month - 1]} {day.year}")
        month = day.month - 1 + step
        day = dt.date(day.year + month // 12, month % 12 + 1, 1)
    return {"tickmode": "array", "tickvals": values, "ticktext": texts}
