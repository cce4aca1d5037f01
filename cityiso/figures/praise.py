"""What auditors praised: by ISO clause, by theme, and offices against themes."""

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import SLIDE_MARGIN_PX, frame, office_colors, office_labels, slide_chart, wrap
from cityiso.labels import clause_label, localized, t
from cityiso.safe_text import plotly_frame

MEASURES = ("count", "share")


def _value_column(measure: str) -> str:
    return "share_of_events" if measure == "share" else "count_findings"


def _axis_title(measure: str, lang: str) -> str:
    return t("share", lang) if measure == "share" else t("count", lang)


def _value_format(measure: str) -> str:
    return ".0%" if measure == "share" else "d"


def _value_axis(measure: str, lang: str, top: float) -> dict:
    """The value axis: percentages for shares; whole steps for small counts (no '1 1 2 2' ticks)."""
    axis = {"title_text": _axis_title(measure, lang), "tickformat": _value_format(measure), "gridcolor": "#E5E5E5"}
    if measure == "count" and top <= 12:
        axis["dtick"] = 1
    return axis


# From a light but visible blue, so that a count of 1 still shows against white.
HEAT_SCALE = [[0.0, "#DCEAF7"], [1.0, "#08306B"]]


def _office_bars(
    fig: go.Figure,
    df: pd.DataFrame,
    rows_of: list[str],
    keys: list[list],
    measure: str,
    lang: str,
    offices: Sequence[str] | None,
) -> None:
    """One horizontal bar trace per office (two offices of one place stay apart) in its colour among `offices`
    (office_colors), rows named by `rows_of`, customdata `keys` (what a selection returns)."""
    value = _value_column(measure)
    labelled = df.assign(row_label=rows_of, key=keys)
    labels = office_labels(df)
    colors = office_colors(df["office_id"], offices)
    for office_id, rows in labelled.groupby("office_id", sort=False):
        office = labels[office_id]
        fig.add_trace(
            go.Bar(
                y=rows["row_label"],
                x=rows[value],
                orientation="h",
                name=office,
                marker_color=colors[office_id],
                customdata=rows["key"].tolist(),
                hovertemplate=f"<b>{office}</b><br>%{{y}}<br>%{{x:{_value_format(measure)}}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(**_value_axis(measure, lang, df[value].max()))


def _category_axis(fig: go.Figure, title: str, order: list[str]) -> None:
    """Rows in the given order, top to bottom, labels wrapped for a half-width chart."""
    fig.update_yaxes(
        title_text=title,
        categoryorder="array",
        categoryarray=order[::-1],
        tickvals=order,
        ticktext=[wrap(c, 28) for c in order],
        tickfont={"size": 11},
    )


# The categories praise is counted by: praised_by_category's, in each one's own columns (views.praise.category_frame).
CATEGORIES = ("clause", "theme")


def category_label(category: str, lang: str) -> Callable[[Mapping], str]:
    """How a row of praised_by_category (views.praise.category_frame) names its category: '5 Leadership'
    (clause_label), or the theme's label."""
    if category == "clause":
        return lambda r: clause_label(r["clause"], r["clause_pl"], r["clause_en"], lang)
    column = localized("theme", lang)
    return lambda r: r[column]


def _clause_rows(df: pd.DataFrame, lang: str, measure: str) -> tuple[list[str], list[str], list[list]]:
    """ISO clauses top down from 4, "no clause" last; customdata (office_id, clause), "" where no clause fits."""
    order = sorted(df["clause"].dropna().astype(int).unique().tolist())
    labels = {c: clause_label(c, *df.loc[df["clause"] == c, ["clause_pl", "clause_en"]].iloc[0], lang) for c in order}
    rows = [labels[c] for c in order] + ([t("no_clause", lang)] if df["clause"].isna().any() else [])
    rows_of = [labels[int(c)] if pd.notna(c) else t("no_clause", lang) for c in df["clause"]]
    keys = [[cid, "" if pd.isna(c) else int(c)] for cid, c in zip(df["office_id"], df["clause"], strict=True)]
    return rows, rows_of, keys


def _theme_rows(df: pd.DataFrame, lang: str, measure: str) -> tuple[list[str], list[str], list[list]]:
    """Themes, the most praised on top; customdata (office_id, theme_id)."""
    label = localized("theme", lang)
    rows = df.groupby(label)[_value_column(measure)].sum().sort_values(ascending=False).index.tolist()
    return rows, df[label].tolist(), df[["office_id", "theme_id"]].to_numpy().tolist()


def category_bars(
    df: pd.DataFrame,
    category: str,
    lang: str,
    measure: str,
    title: str,
    source_line: str,
    offices: Sequence[str] | None = None,
) -> go.Figure:
    """Horizontal grouped bars of praised_by_category's rows for `category` ('clause' or 'theme'; in its own columns:
    views.praise.category_frame): one row per category, one bar per office (named by its office_label); customdata
    is (office_id, category)."""
    rows_for = {"clause": _clause_rows, "theme": _theme_rows}
    if category not in rows_for:
        raise ValueError(f"unknown category {category!r} (known: {', '.join(CATEGORIES)})")
    df = plotly_frame(df)  # curated labels are text, never Plotly markup
    fig = go.Figure()
    rows, rows_of, keys = rows_for[category](df, lang, measure)
    _office_bars(fig, df, rows_of, keys, measure, lang, offices)
    _category_axis(fig, t(category, lang), rows)
    return frame(fig, title, source_line, height=max(500, 140 + 40 * len(rows)), legend="top")


# The heatmap's squares are drawn in pixels, whatever the chart's width, so its layout is chosen for the plot it is
# drawn in: on the page, the plot of a 1400-px window (about 500 px between the theme names and the colour bar, 34 px
# a theme); on a slide, its chart (slide_chart) less the theme names, the colour bar, the office names and margins.
HEAT_PLOT_PX = 500
HEAT_ROW_PX = 34
HEAT_SQUARE_PX = (12, 30)  # the smallest and the largest square (a slide's larger type scales them)
CHAR_PX = 7.5  # the width of a character of an office's name at the page's 13 px type
FLAT_NAME = (10, 16)  # characters of a line of a name lying flat: fewer fit and it stands upright; at most this many
COLUMN_NAME = 30  # characters of an office's name over an upright column
MIN_NUMBER_PX = 9  # the smallest type a number in a square is drawn in


class HeatLayout(NamedTuple):
    """How the heatmap is laid out: its office names as shown over the columns, upright or flat, its squares' side in
    px, and how much larger its type is than the page's (a slide's)."""

    names: list[str]
    upright: bool
    side: int
    type_scale: float


def heat_layout(
    columns: int, rows: int, slide: tuple[int, int] | None, themes: list[str], names: list[str]
) -> HeatLayout:
    """Names flat, in lines as long as a column holds (FLAT_NAME), where a column holds at least the shortest and
    every word of the names; else upright (turned a quarter, never slanted: at a wide window Plotly's own choice
    slanted them by 30 degrees and neighbours ran into each other), but never on a slide. Squares as large as a gap
    between neighbours allows across and down, within HEAT_SQUARE_PX. On the page (slide None) the plot is
    HEAT_PLOT_PX wide and HEAT_ROW_PX a row; on a slide of `slide` pixels, what its chart leaves once the theme names
    (`themes`, on one line), the colour bar, the office names (`names`, as laid out) and the margins have their
    room."""
    chart_width, chart_height, k = slide_chart(*slide) if slide else (0, 0, 1)
    width = HEAT_PLOT_PX
    if slide:
        width = chart_width - CHAR_PX * k * max((len(x) for x in themes), default=0) - 130 * k - 40
    across = max(width, 1) / max(columns, 1)
    line = min(FLAT_NAME[1], int(across / (CHAR_PX * k)))
    # Flat only where no word of a name would be broken across lines ("Marszałkowski" over two); a line may end after
    # a hyphen ("warmińsko-" / "mazurskie)").
    longest = max((len(part) for name in names for part in re.split(r"\s+|(?<=-)", name)), default=0)
    upright = line < max(FLAT_NAME[0], longest)
    if slide and upright:
        # A slide's heatmap (of a few offices) lies flat whatever its words: standing names took the rows' height.
        # A line then holds the longest word up to FLAT_NAME's most, a little over its column if it must.
        upright, line = False, max(line, min(FLAT_NAME[1], longest))
    shown = column_names(names, upright, line)
    height = HEAT_ROW_PX * rows
    if slide:  # the names' lines above the plot (13 px type, 1.3 apart, scaled), the axis title, the margins
        lines = max((x.count("<br>") + 1 for x in shown), default=0)
        height = chart_height - (17 * lines + 40) * k - sum(SLIDE_MARGIN_PX) * slide[1] / 1080
    down = max(height, 1) / max(rows, 1)
    smallest, largest = (round(px * k) for px in HEAT_SQUARE_PX)
    return HeatLayout(shown, upright, max(smallest, min(largest, int(min(across, down)) - 2)), k)


def column_names(labels: list[str], upright: bool, line: int = FLAT_NAME[1]) -> list[str]:
    """The heatmap's column names: lying flat, a long office label wrapped over lines of `line` characters; upright,
    cut to COLUMN_NAME characters, keeping its start and its end where two cuts would read the same (two offices of
    one place differ at the end: "Testowo (Starostwo…"). The whole label is in the hover."""
    if not upright:
        return [wrap(x, line) for x in labels]
    cut = [x if len(x) <= COLUMN_NAME else x[: COLUMN_NAME - 1] + "…" for x in labels]
    half = (COLUMN_NAME - 1) // 2
    twice = {c for c in cut if cut.count(c) > 1}
    return [
        x[:half] + "…" + x[-half:] if c in twice and len(x) > COLUMN_NAME else c
        for x, c in zip(labels, cut, strict=True)
    ]


def theme_heatmap(
    df: pd.DataFrame,
    lang: str,
    measure: str,
    title: str,
    source_line: str,
    offices: Sequence[str] | None = None,
    slide: tuple[int, int] | None = None,
) -> go.Figure:
    """Themes (rows, most praised on top) against offices (columns, one per office, named by its
    office_label), drawn as selectable squares shaded by the measure; customdata is (office_id, theme_id). Laid out
    (heat_layout) for the page's plot, or for the chart of a slide of `slide` (width, height) pixels (for_slide)."""
    df = plotly_frame(df)  # curated labels are text, never Plotly markup
    value = _value_column(measure)
    label = localized("theme", lang)
    themes = df.groupby(label)[value].sum().sort_values(ascending=True).index.tolist()
    labels = office_labels(df)
    columns = df["office_id"].map(labels)
    offices = list(dict.fromkeys(columns))
    fmt = _value_format(measure)
    top = df[value].max()
    shape = heat_layout(len(offices), len(themes), slide, themes, offices)
    side = shape.side
    # Numbers inside their squares, at most half a square high ('45%' then fits across) and never under 9 px: in
    # squares too small for that, none (the colour and the hover tell the value).
    number_px = min(round(11 * shape.type_scale), side // 2)
    fig = go.Figure(
        go.Scatter(
            x=columns,
            y=df[label],
            mode="markers+text" if number_px >= MIN_NUMBER_PX else "markers",
            marker={
                "symbol": "square",
                "size": side,
                "color": df[value],
                "colorscale": HEAT_SCALE,
                "showscale": True,
                # The bar's title along it, not above it: above, a long one ("share of the audit's findings")
                # widened the bar and narrowed the plot.
                "colorbar": {"title": {"text": _axis_title(measure, lang), "side": "right"}, "tickformat": fmt}
                | ({} if measure == "share" or top > 10 else {"dtick": 1}),
                "line": {"color": "#FFFFFF", "width": 1},
            },
            text=[f"{v:{fmt}}" for v in df[value]],
            textfont={
                "size": max(MIN_NUMBER_PX, number_px),
                "color": ["#FFFFFF" if v > top * 0.55 else "#222222" for v in df[value]],
            },
            customdata=df[["office_id", "theme_id"]].to_numpy().tolist(),
            hovertemplate="<b>%{x}</b><br>%{y}<br>%{text}<extra></extra>",
            showlegend=False,
        )
    )
    short = shape.names
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=offices,
        tickvals=offices,
        ticktext=short,
        title_text=t("office", lang),
        side="top",
        showgrid=False,
        tickangle=90 if shape.upright else 0,
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=themes,
        title_text=t("theme", lang),
        showgrid=False,
        tickvals=themes,
        ticktext=[wrap(x, 36) for x in themes],
    )
    upright = 7 * max((len(x) for x in short), default=0) + 10 if shape.upright else 0
    lines = max((x.count("<br>") + 1 for x in short), default=1) if not upright else 0
    fig = frame(fig, title, source_line, height=max(420, 200 + 34 * len(themes) + upright))
    # The column names and the axis title sit above the plot: room for them under the chart's title (else Plotly
    # grows the margin upwards and the axis title lands beside the chart's title).
    return fig.update_layout(margin_t=fig.layout.margin.t + upright + 14 * lines + 26)
