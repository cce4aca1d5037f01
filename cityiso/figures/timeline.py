"""The certification timeline: one row per office, certificates as bars, events as markers."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import EDITION_COLORS, color_for, frame, wrap
from cityiso.labels import code_label, format_date, t

EVENT_SYMBOLS = {
    "initial": "star",
    "surveillance": "circle",
    "recertification": "diamond",
    "transition": "triangle-up",
    "handover": "square",
    "council_presentation": "hexagon",
    "planned": "circle-open",
    "expiry": "x",
    "unspecified": "circle-dot",
}
_DAY_MS = 86_400_000


def _group(row, color_by: str) -> str:
    if color_by == "body":
        return row.body_short_name if isinstance(row.body_short_name, str) else "?"
    return f"{row.family}:{row.edition}"


def _bar(rows: list, start: str, end: str, name: str, color: str, exact: bool, group: str, hover: list[str]) -> go.Bar:
    starts = [pd.Timestamp(getattr(r, start)) for r in rows]
    # A bar covers whole days: from the first day's start to the last day's end.
    lengths = [(pd.Timestamp(getattr(r, end)) - s).days * _DAY_MS + _DAY_MS for r, s in zip(rows, starts, strict=True)]
    return go.Bar(
        base=[s.isoformat() for s in starts],
        x=lengths,
        y=[r.city_name for r in rows],
        orientation="h",
        name=name,
        legendgroup=group,
        # Approximate validity: a light, hatched bar, so it differs from an exact one in the legend too.
        marker={
            "color": color if exact else "rgba(255,255,255,0)",
            "line": {"color": color, "width": 1.5},
            "pattern": {"shape": "" if exact else "/", "fgcolor": color, "size": 8, "solidity": 0.25},
        },
        hovertext=hover,
        hoverinfo="text",
        customdata=[r.certificate_id for r in rows],
        width=0.5,
    )


def _certificate_hover(r, lang: str) -> str:
    issued = format_date(r.issued_on, r.issued_on_precision, lang, bool(r.issued_on_is_inferred))
    until = format_date(r.valid_until, r.valid_until_precision, lang, bool(r.valid_until_is_inferred))
    lines = [
        f"<b>{r.city_name}</b> · {r.standard_as_written} ({r.family}:{r.edition})",
        f"{t('body', lang)}: {r.body_short_name if isinstance(r.body_short_name, str) else '—'}",
        f"{t('issued_on', lang)}: {issued}",
        f"{t('valid_until', lang)}: {until}"
        + (f" („{r.valid_until_as_written}”)" if isinstance(r.valid_until_as_written, str) else ""),
        f"<i>{wrap(r.quote, 80)}</i>",
    ]
    return "<br>".join(lines)


def _event_hover(e, lang: str) -> str:
    date = format_date(e.audit_on, e.audit_on_precision, lang, bool(e.is_inferred))
    written = f" („{e.audit_on_as_written}”)" if isinstance(e.audit_on_as_written, str) else ""
    body = f"<br>{t('body', lang)}: {e.body_short_name}" if isinstance(e.body_short_name, str) else ""
    return (
        f"<b>{e.city_name}</b> · {code_label('event_kind', e.kind, lang)}<br>{date}{written}{body}"
        f"<br><i>{wrap(e.quote, 80)}</i>"
    )


def _vertical_line(fig: go.Figure, when: dt.date, text: str, color: str, dash: str, row: int) -> None:
    """A dated vertical line labelled above the plot; `row` staggers labels that would touch."""
    fig.add_shape(type="line", x0=when, x1=when, y0=0, y1=1, yref="paper", line={"color": color, "dash": dash})
    fig.add_annotation(
        x=when,
        y=1,
        yref="paper",
        yshift=2 + 16 * row,
        text=text,
        showarrow=False,
        xanchor="center",
        yanchor="bottom",
        font={"size": 11, "color": color},
        bgcolor="rgba(255,255,255,0.85)",
    )


def certification_timeline(
    spans: pd.DataFrame,
    events: pd.DataFrame,
    transitions: pd.DataFrame,
    lang: str,
    source_line: str,
    color_by: str = "edition",
    as_of: dt.date | None = None,
) -> go.Figure:
    """Certificates' validity as bars (solid where exact dates show it, light where approximate),
    events as markers by kind, edition transition deadlines and the as-of date as vertical lines."""
    fig = go.Figure()
    groups = sorted({_group(r, color_by) for r in spans.itertuples()})
    for group in groups:
        rows = [r for r in spans.itertuples() if _group(r, color_by) == group]
        edition = group.rsplit(":", 1)[-1]
        color = (
            EDITION_COLORS.get(edition, color_for(group, groups)) if color_by == "edition" else color_for(group, groups)
        )
        loose = [r for r in rows if pd.notna(r.loose_start_on) and pd.notna(r.loose_end_on)]
        sure = [
            r
            for r in loose
            if pd.notna(r.sure_start_on) and pd.notna(r.sure_end_on) and r.sure_end_on >= r.sure_start_on
        ]
        if loose:
            fig.add_trace(
                _bar(
                    loose,
                    "loose_start_on",
                    "loose_end_on",
                    f"{group} ({t('cycles.loose', lang)})",
                    color,
                    False,
                    group,
                    [_certificate_hover(r, lang) for r in loose],
                )
            )
        if sure:
            fig.add_trace(
                _bar(
                    sure,
                    "sure_start_on",
                    "sure_end_on",
                    f"{group} ({t('cycles.sure', lang)})",
                    color,
                    True,
                    group,
                    [_certificate_hover(r, lang) for r in sure],
                )
            )
    dated = events[events["audit_on"].notna()]
    for kind, symbol in EVENT_SYMBOLS.items():
        rows = dated[dated["kind"] == kind]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["audit_on"],
                y=rows["city_name"],
                mode="markers",
                name=code_label("event_kind", kind, lang),
                marker={
                    "symbol": symbol,
                    "size": 13,
                    "color": "#222222",
                    "line": {"color": "white", "width": 1},
                    # An inferred date is drawn faded.
                    "opacity": [0.45 if inferred else 1.0 for inferred in rows["is_inferred"]],
                },
                hovertext=[_event_hover(e, lang) for e in rows.itertuples()],
                hoverinfo="text",
                customdata=rows["audit_id"],
            )
        )
    for i, r in enumerate(transitions.itertuples()):
        _vertical_line(
            fig, r.transition_ends_on.date(), t("cycles.transition", lang, edition=r.standard), "#D55E00", "dot", i % 2
        )
    if as_of is not None:
        _vertical_line(
            fig,
            as_of,
            f"{t('as_of', lang)}: {format_date(as_of, 'day', lang)}",
            "#0072B2",
            "solid",
            len(transitions) % 2,
        )
    offices = list(dict.fromkeys([*spans["city_name"], *events["city_name"]]))
    fig.update_yaxes(categoryorder="array", categoryarray=offices[::-1], title_text=t("office", lang), showgrid=False)
    fig.update_xaxes(type="date", title_text=t("date", lang), gridcolor="#E5E5E5")
    fig.update_layout(barmode="overlay", hoverlabel={"align": "left"})
    frame(fig, t("cycles.chart", lang), source_line, height=max(340, 230 + 60 * len(offices)))
    return fig.update_layout(margin={"t": 110})  # room for the staggered line labels
