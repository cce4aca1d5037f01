"""What every chart shares: the colour-blind-safe palette, the frame (title, source line) and the modebar."""

import textwrap
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from cityiso.safe_text import plotly_text

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
EDITION_COLORS = {"2000": "#E69F00", "2008": "#CC79A7", "2015": "#0072B2"}
CLAUSE_COLORS = {4: "#E69F00", 5: "#0072B2", 6: "#009E73", 7: "#CC79A7", 8: "#56B4E9", 9: "#D55E00", 10: "#000000"}
NO_CLAUSE_COLOR = "#BBBBBB"
FONT = "Source Sans Pro, Arial, sans-serif"


def color_for(key: str, keys: list[str]) -> str:
    """A stable palette colour for one of an ordered set of keys."""
    return PALETTE[keys.index(key) % len(PALETTE)]


def office_labels(df: pd.DataFrame, names: Mapping[str, str] | None = None) -> dict[str, str]:
    """office_id -> how a chart names each office of df: `names` where given, else its place, with the office's
    name (its id where df has no name) added where two offices share a place: two offices never share a label."""
    offices = df.drop_duplicates("office_id")
    own = offices["office_name"].fillna(offices["office_id"]) if "office_name" in offices else offices["office_id"]
    shared = offices["place"].duplicated(keep=False)
    labels = offices["place"].where(~shared, offices["place"] + " (" + own + ")")
    given = {office_id: plotly_text(name) for office_id, name in (names or {}).items()}
    return dict(zip(offices["office_id"], labels, strict=True)) | given


LEGENDS = {
    "right": {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.01, "xanchor": "left"},
    "top": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "xanchor": "left"},
}


def frame(
    fig: go.Figure,
    title: str,
    source_line: str,
    height: int = 460,
    subtitle: str = "",
    legend: str = "right",
    bottom: int = 70,
) -> go.Figure:
    """Title (and subtitle) on top, the legend at the right or above the plot, the source line at the bottom."""
    text = f"{title}<br><sup>{subtitle}</sup>" if subtitle else title
    top = (80 if subtitle else 60) + (30 if legend == "top" else 0)
    fig.update_layout(
        title={"text": text, "x": 0.0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 18}},
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": top, "b": bottom},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={**LEGENDS[legend], "font": {"size": 12}},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    # The source line sits in the bottom margin, below the axis title, whatever the plot's height.
    note_below(fig, source_line, bottom - 18, 11, name="source_line")
    return fig


def note_below(fig: go.Figure, text: str, depth: int, size: int, name: str = "") -> None:
    """A line of small grey text `depth` pixels below the plot area, ending at its right edge: it runs left
    over the empty corner under the category labels instead of past the chart's edge."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-depth,
        showarrow=False,
        xanchor="right",
        yanchor="top",
        font={"size": size, "color": "#555555"},
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


def for_slide(fig: go.Figure, width: int, height: int) -> go.Figure:
    """A copy restyled for a projector: no title or source line (the slide has its own), large type,
    sized to the chart area of a slide of width x height pixels."""
    slide = go.Figure(fig)
    scale = height / 1080
    slide.update_layout(
        title={"text": ""},
        font={"size": round(22 * scale)},
        legend={"font": {"size": round(20 * scale)}},
        width=round(width * 0.92),
        height=round(height * 0.62),
        margin={"t": round(70 * scale), "b": round(60 * scale), "l": round(20 * scale), "r": round(20 * scale)},
    )
    slide.update_xaxes(tickfont={"size": round(18 * scale)}, title_font={"size": round(20 * scale)})
    slide.update_yaxes(tickfont={"size": round(18 * scale)}, title_font={"size": round(20 * scale)})
    # A slide is wide: category labels wrapped for a half-width chart go back on one line.
    for axis in (slide.layout.xaxis, slide.layout.yaxis):
        if axis.ticktext:
            axis.ticktext = [str(text).replace("<br>", " ") for text in axis.ticktext]
    slide.layout.annotations = [a for a in slide.layout.annotations if a.name != "source_line"]
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
    slide.update_traces(textfont={"size": round(24 * scale)}, selector={"mode": "markers+text"})
    return slide
