"""The certification timeline: one row per certificate (a registration's consecutive certificates share one),
validity as bars, events as markers by kind on every certificate they concern."""

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import (
    MODEBAR_PX,
    date_ticks,
    edition_color,
    frame,
    note_below,
    office_labels,
    stable_colors,
    wrap,
)
from cityiso.labels import code_label, format_date, t
from cityiso.safe_text import plotly_frame

EVENT_SYMBOLS = {
    "initial": "star",
    "surveillance": "circle",
    "recertification": "diamond",
    "transition": "triangle-up",
    "handover": "square",
    "council_presentation": "hexagon",
    "expiry": "x",
    "lapse": "bowtie",
    "suspension": "hourglass",
    "withdrawal": "cross",
    "unspecified": "circle-dot",
}
_DAY_MS = 86_400_000


def open_symbol(symbol: str) -> str:
    """The open (hollow) form of a Plotly marker symbol, for planned events: 'circle-dot' -> 'circle-open-dot'."""
    return symbol.replace("-dot", "-open-dot") if symbol.endswith("-dot") else f"{symbol}-open"


OPEN_ARROW = "→"


def _edition(r) -> str:
    return r.edition if isinstance(r.edition, str) else "?"


def row_labels(spans: pd.DataFrame, offices: Mapping[str, str] | None = None) -> dict[str, str]:
    """certificate_id -> its row's label, 'Łódź · ISO 9001:2015' (the office as `offices` names it, else by its
    office_label); certificates of one registration share a row ('Kalisz · ISO 9001:2000/2008'), any other two
    certificates never do."""
    offices = offices or office_labels(spans)
    rows: dict[tuple, list] = {}
    for r in spans.itertuples():
        key = (r.office_id, r.family, r.registration_id if isinstance(r.registration_id, str) else r.certificate_id)
        rows.setdefault(key, []).append(r)
    labels, taken = {}, {}
    for members in rows.values():
        first = members[0]
        editions = "/".join(dict.fromkeys(_edition(m) for m in members))
        label = f"{offices[first.office_id]} · {first.family}:{editions}"
        taken[label] = taken.get(label, 0) + 1
        if taken[label] > 1:
            label = f"{label} ({taken[label]})"
        labels.update({m.certificate_id: label for m in members})
    return labels


def _group(row, color_by: str) -> str:
    if color_by == "body":
        return row.body_short_name if isinstance(row.body_short_name, str) else "?"
    return row.standard


def _bar(
    rows: list,
    start: str,
    end: str,
    name: str,
    color: str,
    style: str,
    group: str,
    labels: dict,
    offices: dict,
    lang: str,
) -> go.Bar:
    """style: 'sure' (solid), 'loose' (hatched), 'open' (dotted and faded: no known end)."""
    starts = [pd.Timestamp(getattr(r, start)) for r in rows]
    # A bar covers whole days: from the first day's start to the last day's end.
    lengths = [(pd.Timestamp(getattr(r, end)) - s).days * _DAY_MS + _DAY_MS for r, s in zip(rows, starts, strict=True)]
    shape = {"sure": "", "loose": "/", "open": "."}[style]
    return go.Bar(
        base=[s.isoformat() for s in starts],
        x=lengths,
        y=[labels[r.certificate_id] for r in rows],
        orientation="h",
        name=name,
        legendgroup=group,
        marker={
            "color": color if style == "sure" else "rgba(255,255,255,0)",
            "line": {"color": color, "width": 1 if style == "open" else 1.5},
            "pattern": {"shape": shape, "fgcolor": color, "size": 8, "solidity": 0.25},
            "opacity": 0.45 if style == "open" else 1.0,
        },
        hovertext=[_certificate_hover(r, offices[r.office_id], lang) for r in rows],
        hoverinfo="text",
        customdata=[r.certificate_id for r in rows],
        width=0.5,
    )


def _certificate_hover(r, office: str, lang: str) -> str:
    issued = format_date(r.issued_on, r.issued_on_precision, lang, bool(r.issued_on_is_inferred))
    if pd.notna(r.valid_until):
        until = format_date(r.valid_until, r.valid_until_precision, lang, bool(r.valid_until_is_inferred))
    elif r.is_open:
        until = t("cycles.open", lang)
    else:
        until = t("cycles.ended", lang, date=format_date(r.definitive_end_on, "day", lang))
    lines = [
        f"<b>{office}</b> · {r.standard_as_written} ({r.standard})",
        f"{t('body', lang)}: {r.body_short_name if isinstance(r.body_short_name, str) else '—'}",
        f"{t('issued_on', lang)}: {issued}",
        f"{t('valid_until', lang)}: {until}"
        + (f" („{r.valid_until_as_written}”)" if isinstance(r.valid_until_as_written, str) else ""),
        f"<i>{wrap(r.quote, 80)}</i>",
    ]
    # Inferred dates and editions say why, as the method page promises.
    for what, reason in (
        (t("edition", lang), getattr(r, "edition_reason", None)),
        (t("issued_on", lang), getattr(r, "issued_on_inferred_reason", None)),
        (t("valid_until", lang), getattr(r, "valid_until_inferred_reason", None)),
    ):
        if isinstance(reason, str) and reason:
            lines.insert(-1, f"~ {what}: {wrap(reason, 80)}")
    return "<br>".join(lines)


def _event_hover(e, office: str, lang: str) -> str:
    date = format_date(e.event_on, e.event_on_precision, lang, bool(e.event_on_is_inferred))
    written = f" („{e.event_on_as_written}”)" if isinstance(e.event_on_as_written, str) else ""
    body = f"<br>{t('body', lang)}: {e.body_short_name}" if isinstance(e.body_short_name, str) else ""
    planned = f" ({t('planned', lang)})" if e.is_planned else ""
    # An inferred date ('~') says why, as the method page promises.
    reason = getattr(e, "event_on_inferred_reason", None)
    why = f"<br>~ {wrap(reason, 80)}" if e.event_on_is_inferred and isinstance(reason, str) else ""
    return (
        f"<b>{office}</b> · {code_label('event_kind', e.kind, lang)}{planned}<br>{date}{written}{why}{body}"
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


def _bars(fig: go.Figure, spans: pd.DataFrame, labels: dict, offices: dict, lang: str, color_by: str) -> None:
    groups = sorted({_group(r, color_by) for r in spans.itertuples()})
    # One colour per edition (standard_id) on every chart; a certification body's colour comes from its name.
    colors = (
        {_group(r, color_by): edition_color(r.standard_id, r.family) for r in spans.itertuples()}
        if color_by == "edition"
        else stable_colors(groups)
    )
    for group in groups:
        rows = [r for r in spans.itertuples() if _group(r, color_by) == group and pd.notna(r.window_start_on)]
        color = colors[group]
        loose = [r for r in rows if pd.notna(r.window_end_on) and not r.is_open]
        still_open = [r for r in rows if pd.notna(r.window_end_on) and r.is_open]
        sure = [
            r
            for r in rows
            if pd.notna(r.sure_start_on) and pd.notna(r.sure_end_on) and r.sure_end_on >= r.sure_start_on
        ]
        for members, start, end, style in (
            (loose, "window_start_on", "window_end_on", "loose"),
            (still_open, "window_start_on", "window_end_on", "open"),
            (sure, "sure_start_on", "sure_end_on", "sure"),
        ):
            if members:
                name = f"{group} ({t('cycles.' + style, lang)})"
                fig.add_trace(_bar(members, start, end, name, color, style, group, labels, offices, lang))
    arrows = [r for r in spans.itertuples() if r.is_open and pd.notna(r.window_end_on)]
    if arrows:
        # An open certificate has no known end: an arrow where its window fades out says it may run on.
        fig.add_trace(
            go.Scatter(
                x=[r.window_end_on for r in arrows],
                y=[labels[r.certificate_id] for r in arrows],
                mode="text",
                text=[OPEN_ARROW] * len(arrows),
                textfont={"size": 20, "color": "#555555"},
                textposition="middle right",
                name=f"{OPEN_ARROW} {t('cycles.open', lang)}",
                customdata=[r.certificate_id for r in arrows],
                hoverinfo="skip",
            )
        )


def _markers(fig: go.Figure, events: pd.DataFrame, labels: dict, offices: dict, lang: str) -> list[str]:
    """Events as markers, one per certificate they concern (planned ones open); returns the rows used."""
    dated = events[events["event_on"].notna()].copy()
    no_certificate = t("cycles.no_certificate", lang)
    dated["row"] = [
        labels.get(c, f"{offices[o]} · {no_certificate}") if isinstance(c, str) else f"{offices[o]} · {no_certificate}"
        for c, o in zip(dated["certificate_id"], dated["office_id"], strict=True)
    ]
    for kind, symbol in EVENT_SYMBOLS.items():
        for planned in (False, True):
            rows = dated[(dated["kind"] == kind) & (dated["is_planned"] == planned)]
            if rows.empty:
                continue
            name = code_label("event_kind", kind, lang) + (f" ({t('planned', lang)})" if planned else "")
            fig.add_trace(
                go.Scatter(
                    x=rows["event_on"],
                    y=rows["row"],
                    mode="markers",
                    name=name,
                    marker={
                        "symbol": open_symbol(symbol) if planned else symbol,
                        "size": 13,
                        "color": "#222222",
                        "line": {"color": "#222222" if planned else "white", "width": 1.5 if planned else 1},
                        # An inferred date is drawn faded.
                        "opacity": [0.45 if inferred else 1.0 for inferred in rows["event_on_is_inferred"]],
                    },
                    hovertext=[_event_hover(e, offices[e.office_id], lang) for e in rows.itertuples()],
                    hoverinfo="text",
                    customdata=rows[["event_id", "certificate_id"]].astype(object).to_numpy().tolist(),
                )
            )
    return list(dict.fromkeys(dated["row"]))


def certification_timeline(
    spans: pd.DataFrame,
    events: pd.DataFrame,
    transitions: pd.DataFrame,
    lang: str,
    source_line: str,
    color_by: str = "edition",
    as_of: dt.date | None = None,
) -> go.Figure:
    """Each certificate on its own row (solid where exact dates show validity, hatched where approximate,
    faded with an arrow where no end is known), events (events_by_certificate) as markers on every certificate
    they concern, edition transition deadlines and the as-of date as vertical lines; certificates with no dated
    evidence are named in a note under the chart. Offices are named by their office_label."""
    # Curated text is text, never Plotly markup (which renders <a href>, <b>, <span style>).
    spans, events, transitions = plotly_frame(spans), plotly_frame(events), plotly_frame(transitions)
    fig = go.Figure()
    who = pd.concat([spans[["office_id", "office_label"]], events[["office_id", "office_label"]]], ignore_index=True)
    offices = office_labels(who)
    labels = row_labels(spans, offices)
    _bars(fig, spans, labels, offices, lang, color_by)
    event_rows = _markers(fig, events, labels, offices, lang)
    for i, r in enumerate(transitions.itertuples()):
        _vertical_line(
            fig,
            pd.Timestamp(r.transition_ends_on).date(),
            t("cycles.transition", lang, edition=r.standard),
            "#D55E00",
            "dot",
            i % 2,
        )
    if as_of is not None:
        _vertical_line(
            fig,
            as_of,
            f"{t('as_of', lang)}: {format_date(as_of, 'day', lang)}",
            "#0072B2",
            "solid",
            min(len(transitions), 2),  # a row of its own above the deadlines' two rows
        )
    drawn = [labels[r.certificate_id] for r in spans.itertuples() if pd.notna(r.window_start_on)]
    rows = list(dict.fromkeys([*drawn, *event_rows]))
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=rows[::-1],
        # Long office names wrap: on one line they left the dates a sliver of the chart.
        tickvals=rows,
        ticktext=[wrap(r, 40) for r in rows],
        title_text=t("cycles.row", lang),
        showgrid=False,
    )
    shown = [*spans["window_start_on"], *spans["window_end_on"], *events.get("event_on", []), as_of]
    shown += list(transitions["transition_ends_on"]) if "transition_ends_on" in transitions else []
    fig.update_xaxes(type="date", title_text=t("date", lang), gridcolor="#E5E5E5", **date_ticks(shown, lang))
    fig.update_layout(barmode="overlay", hoverlabel={"align": "left"})
    undated = [labels[r.certificate_id] for r in spans.itertuples() if pd.isna(r.window_start_on)]
    # The legend runs in rows under the chart, so the dates get the whole width: about three short entries a row
    # at 1280 px, two when a label is long ("ISO 9001:2015 (approximate validity)"), 30 px a row (measured in
    # Chromium: at 22 px and three a row the legend ran over the source line and the undated note).
    shown = [trace for trace in fig.data if trace.showlegend is not False]
    per_row = 2 if any(len(trace.name or "") > 24 for trace in shown) else 3
    legend = 30 * -(-len(shown) // per_row) + 10
    bottom = 70 + (22 if undated else 0)
    height = max(340, 230 + 50 * len(rows)) + legend
    # The source under the axis, on one line: the timeline is as wide as the page.
    frame(fig, t("cycles.chart", lang), source_line, height=height, bottom=bottom, source_width=160)
    fig.update_layout(
        margin={"b": bottom + legend},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left"},
    )
    if undated:
        text = t("cycles.undated_certificates", lang, n=len(undated), names="; ".join(undated))
        note_below(fig, wrap(text, 160), bottom - 40, 11, name="undated_note")
    return fig.update_layout(margin={"t": MODEBAR_PX + 110})  # room for the staggered line labels
