"""The council deck: for chosen offices and charts, slides with a title, a takeaway computed from the data,
a footer naming the sources and the date of the data, and a figure restyled for projection."""

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import for_slide
from cityiso.labels import format_date, t
from cityiso.views import (
    DEFAULT_FAMILY,
    Context,
    Fetch,
    FindingsFilter,
    OfficeFilter,
    View,
    chosen,
    national,
    praise,
)
from cityiso.views.cycles import status_lines, timeline_view

CHARTS = ("map", "trends", "cycles", "clauses", "themes", "heatmap", "top", "distribution", "findings")
MAX_BULLETS = 6  # findings a slide; more continue on the next slide
# More offices than this and the deck summarises them (status, trends, top offices, distributions) instead of
# giving each its own slides; the per-office charts (cycles, heatmap, findings) are for a few chosen offices only.
SUMMARY_ABOVE = 8
# A footer lists the documents' titles up to this many documents, else says how many there are.
FOOTER_TITLES = 20


@dataclass
class Slide:
    """One slide: what it says, where its evidence comes from, and its chart (None on text slides)."""

    key: str
    title: str
    takeaway: str
    footer: str
    figure: go.Figure | None = None
    bullets: list[str] = field(default_factory=list)
    chart: str = "title"  # the chosen chart (one of CHARTS) the slide belongs to; "title" for the title slide


@dataclass
class _Deck:
    """What every slide builder needs: the views' context (data, choices, source line), and the deck's own choices."""

    ctx: Context  # the data, the office filter (a summary counts every office it covers), family, day, language
    offices: list[str]  # the chosen offices when few (per-office slides); the first SUMMARY_ABOVE + 1 otherwise
    is_summary: bool
    size: tuple[int, int]
    footer: str
    names: dict[str, str]  # office_id -> office_label of each chosen office, by place: for one a chart has no rows of

    @property
    def in_order(self) -> list[str]:
        """The chosen offices in the order of `names` (by place), as the title, cycles and findings slides list them."""
        wanted = set(self.offices)
        return [o for o in self.names if o in wanted]

    @property
    def chosen(self) -> Context:
        """The views' context of the chosen offices (a summary's context covers every office of its filter)."""
        return replace(self.ctx, selection=OfficeFilter(tuple(self.offices)))

    @property
    def praise(self) -> Context:
        """The views' context of the chosen offices, counting what the auditors (voice auditor only) praised at their
        events of the family, dated or not (the context's default findings)."""
        return replace(self.chosen, findings=FindingsFilter())

    def chart(self, key: str, title: str, takeaway: str, fig: go.Figure) -> list[Slide]:
        """A chart's slide; a note the chart hung under its plot (for_slide takes it out) follows the takeaway."""
        figure = for_slide(fig, *self.size)
        notes = [note.replace("<br>", " ") for note in figure.layout.meta["notes"]]
        takeaway = " · ".join(part for part in (takeaway, *notes) if part)
        return [Slide(key, title, takeaway, self.footer, figure)]


def _title_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        head = national.headline(d.ctx)
        what = t("deck.all_offices" if d.ctx.selection.is_everyone else "deck.selected_offices", d.ctx.lang)
        summary = t(
            "deck.summary_counts",
            d.ctx.lang,
            family=d.ctx.family,
            offices=int(head["count_offices"]),
            valid=int(head["count_valid"]),
            approximate=int(head["count_valid_approximate"]),
            date=format_date(d.ctx.as_of, "day", d.ctx.lang),
            audits=int(head["count_audits"]),
            praised=int(head["count_praised"]),
        )
        return [Slide("title", t("deck.summary_title", d.ctx.lang, what=what), summary, d.footer)]
    order = d.in_order
    names = ", ".join(d.names[o] for o in order)
    totals = chosen.totals(d.chosen)
    summary = t(
        "deck.summary",
        d.ctx.lang,
        family=d.ctx.family,
        offices=int(totals["count_offices"]),
        certificates=int(totals["count_certificates"]),
        events=int(totals["count_events"]),
        praised=int(totals["count_praised"]),
    )
    # Each office's status in plain words, with its reason and date, as the overview and the profile say it.
    lines = status_lines(d.ctx, order)
    bullets = [f"{d.names[o]}: {lines[o]}" for o in order]
    return [Slide("title", t("deck.title", d.ctx.lang, names=names), summary, d.footer, bullets=bullets)]


def _view_slide(d: _Deck, view: View) -> list[Slide]:
    """A view on a slide: its chart, and its takeaway with its note (what the chart leaves out) after it."""
    takeaway = " · ".join(part for part in (view.takeaway, view.note) if part)
    return d.chart(view.key, view.title, takeaway, view.figure)


def _map_slide(d: _Deck) -> list[Slide]:
    count = int(national.headline(d.ctx)["count_offices"])
    view = national.status_map_view(d.ctx, count)
    return _view_slide(d, view)


def _trends_slides(d: _Deck) -> list[Slide]:
    """The summary's national trends: valid certificates per year by family, kind and voivodeship; gains and losses."""
    if not d.is_summary:
        return []
    views = [
        national.held_by_family_view(d.ctx),
        national.held_by_kind_view(d.ctx),
        national.held_by_voivodeship_view(d.ctx),
        national.flows_view(d.ctx),
    ]
    return [slide for view in views for slide in _view_slide(d, view)]


def _top_slides(d: _Deck) -> list[Slide]:
    if not d.is_summary:
        return []
    views = [national.top_view(d.ctx, m) for m in ("praised", "audits")]
    return [slide for view in views for slide in _view_slide(d, view)]


def _distribution_slides(d: _Deck) -> list[Slide]:
    if not d.is_summary:
        return []
    title = t("trends.distribution_certificates", d.ctx.lang)
    view = national.distribution_view(d.ctx, "certificates", title)
    return _view_slide(d, view)


def _cycles_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        return []  # one row per certificate of thousands of offices: the trends slides say it instead
    return _view_slide(d, timeline_view(d.chosen, show_day=True, order=list(d.names)))


def _category_slide(d: _Deck, category: str) -> list[Slide]:
    """What the auditors praised at the chosen offices, by `category` (views.praise.CATEGORIES); a summary has the
    clause totals instead, and no theme slide (one bar per office and theme would not read)."""
    if d.is_summary:
        if category != "clause":
            return []
        view = national.clause_totals_view(d.ctx)
        return _view_slide(d, view) if view.takeaway else []
    title = t(f"praised.by_{category}", d.ctx.lang)
    view = praise.category_view(d.praise, category, "count", title, names=d.names, offices=d.offices)
    return _view_slide(d, view) if not view.rows.empty else []


def _heatmap_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        return []
    view = praise.heatmap_view(d.praise, "count", t("praised.heatmap", d.ctx.lang), slide=d.size)
    # One office's themes are already on the theme slide.
    return _view_slide(d, view) if view.rows["office_id"].nunique() >= 2 else []


def _findings_slides(d: _Deck) -> list[Slide]:
    """Per office, in the order of the title slide, what the auditors (and only they) praised: MAX_BULLETS a
    slide, the rest on the next slides (never cut)."""
    if d.is_summary:
        return []
    return [
        Slide("findings", title, takeaway, d.footer, bullets=bullets)
        for title, takeaway, bullets in praise.findings_slides(d.praise, d.in_order, MAX_BULLETS)
    ]


def chart_order(charts: Sequence[str]) -> list[str]:
    """The charts in the order given, each once; an unknown chart is an error (the page and the command name it)."""
    order = list(dict.fromkeys(charts))
    unknown = [key for key in order if key not in CHARTS]
    if unknown:
        raise ValueError(f"unknown chart(s): {', '.join(unknown)} (known: {', '.join(CHARTS)})")
    return order


def chosen_offices(fetch: Fetch, selection: OfficeFilter) -> tuple[pd.DataFrame, bool]:
    """The offices a deck of `selection` speaks of (office_id, office_label; at most SUMMARY_ABOVE + 1 of them)
    and whether the deck summarises them (more than SUMMARY_ABOVE) instead of giving each office its own slides: the
    deck's rule, which the presentation page asks too."""
    offices = chosen.names(fetch, selection, SUMMARY_ABOVE + 1)
    return offices, len(offices) > SUMMARY_ABOVE


class Slides(list):
    """A deck's slides, and the chosen charts that gave none with the reason why (chart key -> words), so a chart
    is never dropped in silence."""

    def __init__(self, slides=(), skipped: dict[str, str] | None = None):
        super().__init__(slides)
        self.skipped = dict(skipped or {})

    def pick(self, charts: Sequence[str]) -> "Slides":
        """The title slide, then the slides of `charts` in that order (a deck built with every chart reordered
        without drawing anything again), and why a picked chart gives none."""
        order = chart_order(charts)
        picked = Slides(
            [s for s in self if s.chart == "title"], {k: self.skipped[k] for k in order if k in self.skipped}
        )
        for key in order:
            picked += [s for s in self if s.chart == key]
        return picked


def skip_reason(key: str, d: _Deck) -> str:
    """Why a chosen chart gave no slide for this deck."""
    if key in ("trends", "top", "distribution") and not d.is_summary:
        return t("deck.skip.summary_only", d.ctx.lang, n=SUMMARY_ABOVE)
    if key in ("cycles", "themes", "heatmap", "findings") and d.is_summary:
        return t("deck.skip.few_only", d.ctx.lang, n=SUMMARY_ABOVE)
    if key == "heatmap":
        return t("deck.skip.two_offices", d.ctx.lang)
    return t("deck.skip.nothing", d.ctx.lang)


BUILDERS: dict[str, Callable[[_Deck], list[Slide]]] = {
    "map": _map_slide,
    "trends": _trends_slides,
    "cycles": _cycles_slide,
    "clauses": functools.partial(_category_slide, category="clause"),
    "themes": functools.partial(_category_slide, category="theme"),
    "heatmap": _heatmap_slide,
    "top": _top_slides,
    "distribution": _distribution_slides,
    "findings": _findings_slides,
}


def build_deck(
    fetch: Fetch,
    offices: "OfficeFilter | list[str]",
    lang: str,
    charts: Sequence[str] = CHARTS,
    as_of: dt.date | None = None,
    size: tuple[int, int] = (1920, 1080),
    family: str = DEFAULT_FAMILY,
) -> Slides:
    """The title slide, then the chosen charts' slides in the order of `charts` (each chart once), from the data
    behind `fetch`, for one standard family (status, counts, cycles and praise are never summed across families).

    `offices` is an office filter or a list of chosen offices. Up to SUMMARY_ABOVE offices, each gets its own
    slides; more, and the deck summarises them (status map by voivodeship, trends, top offices, distributions,
    praise by clause) in a fixed number of slides. A chart with nothing to show (no praised items, a heatmap of one
    office, a per-office chart in a summary) is left out, and the deck's `skipped` says why."""
    order = chart_order(charts)
    selection = offices if isinstance(offices, OfficeFilter) else OfficeFilter(tuple(offices))
    named, is_summary = chosen_offices(fetch, selection)
    if named.empty:  # an empty office filter would mean every office below: a deck of nobody is refused instead
        raise ValueError("no office is chosen: a deck speaks of at least one")
    ids = list(offices) if isinstance(offices, list) and not is_summary else named["office_id"].tolist()
    # The footer and the source line speak of what the deck shows: its offices, its family, up to its day.
    ctx, footer = chosen.with_sources(Context(fetch, lang, selection, family, as_of or dt.date.today()), FOOTER_TITLES)
    deck = _Deck(
        ctx=ctx,
        offices=ids,
        is_summary=is_summary,
        size=size,
        footer=footer,
        # The chosen offices' labels (office_label, as every page names them), for the title slide and for chosen
        # offices a chart has no rows of (not_reported_note).
        names=dict(zip(named["office_id"], named["office_label"], strict=True)),
    )
    slides = Slides(_title_slide(deck))
    for key in order:
        made = BUILDERS[key](deck)
        for slide in made:
            slide.chart = key
        slides += made
        if not made:
            slides.skipped[key] = skip_reason(key, deck)
    return slides
