"""National trends, drawn from aggregated query results (never one mark per office): offices holding a valid
certificate per year by family, office kind and voivodeship; gains and losses per year; distributions and top
offices; where one office stands. Shared by the overview page and the summary deck."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import (
    CLAUSE_COLORS,
    NO_CLAUSE_COLOR,
    PALETTE,
    STATUS_COLORS,
    count_axis,
    family_color,
    frame,
    wrap,
)
from cityiso.labels import clause_label, code_label, t
from cityiso.safe_text import plotly_frame, plotly_text
from cityiso.vocabulary import STATUSES

# Light to the status colour of 'valid': a share of offices on one hue, readable with any colour vision.
SHARE_SCALE = [[0.0, "#F4F4F4"], [0.5, "#8FD3BE"], [1.0, STATUS_COLORS["valid"]]]
FLOW_COLORS = {
    "newly": "#009E73",
    "first_evidence": "#A6DCC8",  # the green of "newly", pale: held from here on, not shown to be a first
    "again": "#56B4E9",
    "lost": "#D55E00",
    "recertifications": "#000000",
}


def _years_axis(fig: go.Figure, years: list[int], lang: str) -> None:
    # Every fifth year labelled: 25 years of ticks would crowd a half-width chart.
    fig.update_xaxes(title_text=t("year", lang), showgrid=False, dtick=5 if len(years) > 12 else 1)


def held_by_family(df: pd.DataFrame, lang: str, source_line: str) -> go.Figure:
    """One line per standard family: offices holding a valid certificate of it (exactly or approximately) on
    31 December of each year."""
    rows = df[df["dimension"] == "family"]
    fig = go.Figure()
    order = rows.groupby("group_code")["count_held"].max().sort_values(ascending=False).index.tolist()
    for family in order:
        r = rows[rows["group_code"] == family]
        label = family  # the code alone ("ISO 9001"): six long names would crowd the legend
        fig.add_trace(
            go.Scatter(
                x=r["year"],
                y=r["count_held"],
                customdata=r[["count_valid", "count_valid_approximate"]].to_numpy(),
                mode="lines",
                name=plotly_text(label),
                line={"color": family_color(family), "width": 2.5},  # its editions' hue, as on every chart
                hovertemplate=f"{plotly_text(label)} · %{{x}}: %{{y}}<br>"
                + t("trends.hover_valid", lang, valid="%{customdata[0]}", approximate="%{customdata[1]}")
                + "<extra></extra>",
            )
        )
    _years_axis(fig, sorted(rows["year"].unique()), lang)
    fig.update_yaxes(title_text=t("trends.offices_held", lang), rangemode="tozero", gridcolor="#E5E5E5")
    frame(fig, t("trends.by_family", lang), source_line, height=460, subtitle=t("trends.year_end", lang), legend="top")
    return fig


def held_by_office_kind(df: pd.DataFrame, lang: str, source_line: str, family: str) -> go.Figure:
    """One line per kind of office: the share of its offices holding a valid certificate of the family on
    31 December of each year (a share, since the kinds differ a hundredfold in number)."""
    rows = df[df["dimension"] == "office_kind"]
    fig = go.Figure()
    for i, (kind, r) in enumerate(rows.groupby("group_code", sort=True)):
        label = f"{code_label('office_kind', kind, lang)} ({int(r['count_offices'].iloc[0])})"
        fig.add_trace(
            go.Scatter(
                x=r["year"],
                y=r["share_held"] * 100,
                customdata=r[["count_held", "count_offices"]].to_numpy(),
                mode="lines",
                name=plotly_text(label),
                line={"color": PALETTE[i % len(PALETTE)], "width": 2.5},
                hovertemplate=f"{plotly_text(label)} · %{{x}}: %{{y:.0f}}% (%{{customdata[0]}} / %{{customdata[1]}})"
                "<extra></extra>",
            )
        )
    _years_axis(fig, sorted(rows["year"].unique()), lang)
    fig.update_yaxes(title_text=t("trends.share_held", lang), range=[0, 100], ticksuffix="%", gridcolor="#E5E5E5")
    subtitle = f"{family} · {t('trends.year_end', lang)}" if family else t("trends.year_end", lang)
    frame(fig, t("trends.by_office_kind", lang), source_line, height=460, subtitle=subtitle, legend="top")
    return fig


def held_by_voivodeship(df: pd.DataFrame, lang: str, source_line: str, family: str) -> go.Figure:
    """Voivodeship by year: the share of its offices holding a valid certificate of the family (a heatmap: sixteen
    lines would be unreadable)."""
    rows = df[df["dimension"] == "voivodeship"]
    table = rows.pivot(index="group_code", columns="year", values="share_held").sort_index(ascending=False)
    held = rows.pivot(index="group_code", columns="year", values="count_held").reindex_like(table)
    total = rows.pivot(index="group_code", columns="year", values="count_offices").reindex_like(table)
    names = [plotly_text(v) for v in table.index]
    fig = go.Figure(
        go.Heatmap(
            z=(table * 100).round(1).to_numpy(),
            x=list(table.columns),
            y=names,
            customdata=np.dstack([held.to_numpy(), total.to_numpy()]),
            colorscale=SHARE_SCALE,
            zmin=0,
            zmax=100,
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": "%"}, "ticksuffix": "%", "thickness": 12},
            hovertemplate="%{y} · %{x}: %{z:.0f}% (%{customdata[0]} / %{customdata[1]})<extra></extra>",
        )
    )
    _years_axis(fig, list(table.columns), lang)
    subtitle = f"{family} · {t('trends.year_end', lang)}" if family else t("trends.year_end", lang)
    # The years' axis title sits lower under a heatmap's cells than under a line: 16 px more before the source line
    # (at 70 the two touched in Chromium).
    return frame(fig, t("trends.by_voivodeship", lang), source_line, height=460, subtitle=subtitle, bottom=86)


def flows_by_year(df: pd.DataFrame, lang: str, source_line: str, family: str) -> go.Figure:
    """Per year: offices newly certified, offices whose evidence starts that year without showing a first
    certification, and offices certified again (above zero), offices that lost their valid certificate (below zero),
    and recertification audits held (a line)."""
    fig = go.Figure()
    for column, key, sign in (
        ("count_newly_certified", "newly", 1),
        ("count_first_evidence", "first_evidence", 1),
        ("count_certified_again", "again", 1),
        ("count_lost", "lost", -1),
    ):
        label = t(f"trends.flow.{key}", lang)
        fig.add_trace(
            go.Bar(
                x=df["year"],
                y=sign * df[column],
                customdata=df[column],
                name=label,
                marker_color=FLOW_COLORS[key],
                hovertemplate=f"{label} · %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    label = t("trends.flow.recertifications", lang)
    fig.add_trace(
        go.Scatter(
            x=df["year"],
            y=df["count_recertifications"],
            name=label,
            mode="lines+markers",
            line={"color": FLOW_COLORS["recertifications"], "width": 2, "dash": "dot"},
            marker={"size": 6},
            hovertemplate=f"{label} · %{{x}}: %{{y}}<extra></extra>",
        )
    )
    fig.update_layout(barmode="relative")
    _years_axis(fig, df["year"].tolist(), lang)
    fig.update_yaxes(title_text=t("trends.offices", lang), gridcolor="#E5E5E5", zerolinecolor="#555555")
    subtitle = f"{family} · {t('trends.year_end', lang)}" if family else t("trends.year_end", lang)
    frame(fig, t("trends.flows", lang), source_line, height=460, subtitle=subtitle, legend="top")
    return fig


def status_history(history: pd.DataFrame, lang: str, source_line: str, office: str, family: str) -> go.Figure:
    """One office's status on 31 December of each year, one coloured square per year."""
    fig = go.Figure()
    for code in STATUSES:
        r = history[history["status"] == code]
        if r.empty:
            continue
        label = code_label("status", code, lang)
        fig.add_trace(
            go.Scatter(
                x=r["year"],
                y=[0] * len(r),
                mode="markers",
                name=label,
                marker={"symbol": "square", "size": 22, "color": STATUS_COLORS[code]},
                hovertemplate=f"%{{x}}: {label}<extra></extra>",
            )
        )
    _years_axis(fig, history["year"].tolist(), lang)
    fig.update_yaxes(visible=False, range=[-1, 1])
    subtitle = f"{plotly_text(office)} · {family}" if family else plotly_text(office)
    return frame(fig, t("trends.office_history", lang), source_line, height=260, subtitle=subtitle, legend="top")


def distribution_bars(
    dist: pd.DataFrame,
    measure: str,
    lang: str,
    source_line: str,
    title: str,
    mark: float | None = None,
    subtitle: str = "",
) -> go.Figure:
    """Offices per value (or bin of values) of a measure; `mark` draws where one office stands."""
    rows = dist[dist["measure"] == measure]
    labels = [str(a) if a == b else f"{a}–{b}" for a, b in zip(rows["bin_from"], rows["bin_to"], strict=True)]
    colors = [
        PALETTE[1] if mark is not None and a <= mark <= b else PALETTE[0]
        for a, b in zip(rows["bin_from"], rows["bin_to"], strict=True)
    ]
    width = rows["bin_to"] - rows["bin_from"] + 1
    fig = go.Figure(
        go.Bar(
            # A numeric axis (bars centred on their bin): the axis labels itself at readable steps.
            x=rows["bin_from"] + (width - 1) / 2,
            y=rows["count_offices"],
            width=width * 0.9,
            marker_color=colors,
            customdata=labels,
            hovertemplate="%{customdata}: %{y}<extra></extra>",
            name=t("trends.offices", lang),
        )
    )
    top_value = float(rows["bin_to"].max()) if len(rows) else 0
    # Half a bin either side of the bars (each centred on its bin): from zero, the first bar was cut in half and the
    # axis's first label sat in the plot's corner, on the y axis's first label.
    span = [float(rows["bin_from"].min()) - 0.5, top_value + 0.5] if len(rows) else None
    axis = count_axis(top_value) | ({"range": span, "rangemode": "normal"} if span else {})
    fig.update_xaxes(title_text=t(f"trends.measure.{measure}", lang), showgrid=False, **axis)
    top_count = float(rows["count_offices"].max()) if len(rows) else 0
    fig.update_yaxes(title_text=t("trends.offices", lang), gridcolor="#E5E5E5", **count_axis(top_count))
    return frame(fig, title, source_line, height=400, subtitle=subtitle)


def top_offices_bars(top: pd.DataFrame, measure: str, lang: str, source_line: str, title: str) -> go.Figure:
    """The offices with the most of a measure, longest bar on top; ties beyond the last shown are said below."""
    rows = plotly_frame(top[top["measure"] == measure]).iloc[::-1]
    labels = [
        f"{p} · {code_label('office_kind', k, lang)}"
        for p, k in zip(rows["office_label"], rows["office_kind"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["value"],
            y=labels,
            orientation="h",
            marker_color=PALETTE[0],
            text=rows["value"],
            textposition="outside",
            cliponaxis=False,
            customdata=rows[["office_name", "voivodeship", "rank"]].to_numpy(),
            hovertemplate=t("trends.hover_office", lang, office="%{customdata[0]}", voivodeship="%{customdata[1]}")
            + f"<br>%{{x}} · {t('trends.hover_rank', lang, rank='%{customdata[2]}')}<extra></extra>",
            name=t(f"trends.measure.{measure}", lang),
        )
    )
    top_value = float(rows["value"].max()) if len(rows) else 0
    fig.update_xaxes(title_text=t(f"trends.measure.{measure}", lang), gridcolor="#E5E5E5", **count_axis(top_value))
    fig.update_yaxes(type="category")
    tied = int(rows["count_tied_beyond"].iloc[0]) if len(rows) else 0
    subtitle = t("trends.tied_beyond", lang, n=tied) if tied else ""
    return frame(fig, title, source_line, height=max(360, 90 + 34 * len(rows)), subtitle=subtitle)


def clause_totals_bars(df: pd.DataFrame, lang: str, source_line: str, title: str) -> go.Figure:
    """Items the auditors praised per ISO 9001:2015 heading, summed over the selected offices."""
    df = plotly_frame(df)
    labels = [clause_label(r.clause, r.clause_pl, r.clause_en, lang) for r in df.itertuples()]
    colors = [NO_CLAUSE_COLOR if pd.isna(c) else CLAUSE_COLORS.get(int(c), PALETTE[0]) for c in df["clause"]]
    fig = go.Figure(
        go.Bar(
            x=df["count_praised"],
            y=[wrap(label, 30) for label in labels],
            orientation="h",
            marker_color=colors,
            customdata=df["count_offices"],
            text=df["count_praised"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<br>" + t("trends.at_offices", lang, n="%{customdata}") + "<extra></extra>",
            name=t("praised_items", lang),
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text=t("praised_items", lang), gridcolor="#E5E5E5")
    return frame(fig, title, source_line, height=420)
