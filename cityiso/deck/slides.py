"""The council deck: for chosen offices and charts, slides with a title, a takeaway computed from the data,
a footer naming the sources and the date of the data, and a figure restyled for projection."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from cityiso.figures.common import for_slide, office_labels
from cityiso.figures.praise import by_clause_bars, by_theme_bars, theme_heatmap
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import clause_label, format_date, localized, t
from cityiso.queries import DEFAULT_FAMILY, OfficeFilter, findings_filters
from cityiso.views import national
from cityiso.views.compare import themes_only_in

CHARTS = ("map", "trends", "cycles", "clauses", "themes", "heatmap", "top", "distribution", "findings")
Fetch = Callable[..., pd.DataFrame]  # fetch(query_name, **params) -> rows
MAX_BULLETS = 6
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


def ordinal(n: int, lang: str) -> str:
    """'3.' in Polish, '3rd' in English."""
    if lang != "en":
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cycle_takeaway(spans: pd.DataFrame, lang: str, names: dict[str, str] | None = None) -> str:
    """Per office, its latest certificate in a phrase: 'Zabrze: 3rd certification cycle, valid until April 2018'
    (the last evidence, never an end the sources do not give, where no expiry is stated; the source's own words
    where it gives only bounds, 'w 2016 lub 2017 roku'). Offices in the order and with the names of `names`, else
    as spans lists them, named by office_labels."""
    present = set(spans["office_id"])
    order = [o for o in (names or {}) if o in present] + [o for o in dict.fromkeys(spans["office_id"])]
    names = office_labels(spans, names)
    phrases = []
    for office_id in dict.fromkeys(order):
        office, rows = names[office_id], spans[spans["office_id"] == office_id]
        last_evidence = rows[["last_event_on", "issued_on"]].max(axis=1)
        rows = rows.assign(last_evidence=last_evidence, latest=rows["valid_until"].fillna(last_evidence))
        dated = rows[rows["latest"].notna()]
        bounded = rows[rows["window_start_on"].notna()]
        if dated.empty and bounded.empty:
            phrases.append(f"{office}: {t('deck.no_dates', lang)}")
            continue
        c = dated.sort_values("latest").iloc[-1] if not dated.empty else bounded.iloc[-1]
        what = (
            t("deck.cycle", lang, n=ordinal(int(c["cycle_number"]), lang))
            if pd.notna(c["cycle_number"])
            else c["standard"]
        )
        if pd.notna(c["valid_until"]):
            when = t(
                "deck.valid_until",
                lang,
                date=format_date(c["valid_until"], c["valid_until_precision"], lang, genitive=True),
            )
        elif pd.notna(c["last_evidence"]):
            when = t("deck.last_evidence", lang, date=format_date(c["last_evidence"], "year", lang))
        elif isinstance(c["issued_on_as_written"], str):
            when = t("deck.last_evidence", lang, date=f"„{c['issued_on_as_written']}”")
        else:
            when = t("deck.last_evidence", lang, date=format_date(c["window_start_on"], "year", lang))
        phrases.append(f"{office}: {what}, {when}")
    return " · ".join(phrases)


def top_category_takeaway(df: pd.DataFrame, label: Callable[[pd.Series], str], lang: str) -> str:
    """'Most praised: 5 Leadership (10 of 34)'; categories tied at the top are all named, in the order of df
    ('Most praised: 5 Leadership, 7 Support (1 of 2)')."""
    totals = df.groupby(df.apply(label, axis=1), sort=False)["count_findings"].sum()
    top = totals[totals == totals.max()]
    return t("deck.most_praised", lang, what=", ".join(top.index), n=int(top.iloc[0]), total=int(totals.sum()))


def footer(documents: pd.Series, built: dt.datetime, lang: str) -> str:
    """The documents behind the chosen offices (selected_documents: their titles, or their number when many) and
    the date of the data."""
    if int(documents["count_documents"]) > FOOTER_TITLES:
        titles = t("deck.sources_count", lang, n=int(documents["count_documents"]))
    else:
        titles = "; ".join(documents["titles"])
    if len(titles) > 140:
        titles = titles[:139] + "…"
    return t("deck.footer", lang, sources=titles, date=format_date(built, "day", lang))


@dataclass
class _Deck:
    """What every slide builder needs: the data, the choices, and the shared footer and source line."""

    fetch: Fetch
    offices: list[str]  # the chosen offices when few (per-office slides); the first SUMMARY_ABOVE + 1 otherwise
    selection: OfficeFilter  # which offices: a summary counts every office it covers
    is_summary: bool
    family: str
    lang: str
    as_of: dt.date
    size: tuple[int, int]
    footer: str
    source: str
    names: dict[str, str]  # office_id -> its name on slides, as the app's office pickers show it

    @property
    def praise(self) -> dict:
        """Filters for what the auditors (voice auditor only) praised at the chosen offices' events of the
        family, dated or not."""
        return findings_filters(self.offices, family=self.family)

    def chart(self, key: str, title: str, takeaway: str, fig: go.Figure) -> list[Slide]:
        return [Slide(key, title, takeaway, self.footer, for_slide(fig, *self.size))]


def _title_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        head = national.headline(d.fetch, d.selection, d.as_of, d.family)
        what = t("deck.all_offices" if d.selection.is_everyone else "deck.selected_offices", d.lang)
        summary = t(
            "deck.summary_counts",
            d.lang,
            family=d.family,
            offices=int(head["count_offices"]),
            valid=int(head["count_valid"]),
            approximate=int(head["count_valid_approximate"]),
            audits=int(head["count_audits"]),
            praised=int(head["count_praised"]),
        )
        return [Slide("title", t("deck.summary_title", d.lang, what=what), summary, d.footer)]
    offices = d.fetch("offices_overview", family=d.family)
    chosen = offices[offices["office_id"].isin(d.offices)]
    names = ", ".join(d.names[o] for o in chosen["office_id"])
    summary = t(
        "deck.summary",
        d.lang,
        family=d.family,
        offices=len(chosen),
        certificates=int(chosen["count_certificates"].sum()),
        events=int(chosen["count_events"].sum()),
        praised=int(chosen["count_praised"].sum()),
    )
    return [Slide("title", t("deck.title", d.lang, names=names), summary, d.footer)]


def _view_slide(d: _Deck, view: national.View) -> list[Slide]:
    return d.chart(view.key, view.title, view.takeaway, view.figure)


def _map_slide(d: _Deck) -> list[Slide]:
    count = int(national.headline(d.fetch, d.selection, d.as_of, d.family)["count_offices"])
    view = national.status_map_view(d.fetch, d.selection, d.as_of, d.family, d.lang, d.source, count)
    return _view_slide(d, view)


def _trends_slides(d: _Deck) -> list[Slide]:
    """The summary's national trends: valid certificates per year by family, kind and voivodeship; gains and losses."""
    if not d.is_summary:
        return []
    by_year = national.status_by_year(d.fetch, d.selection, d.as_of, d.family)
    views = [
        national.held_by_family_view(by_year, d.lang, d.source, d.family),
        national.held_by_kind_view(by_year, d.lang, d.source, d.family),
        national.held_by_voivodeship_view(by_year, d.lang, d.source, d.family),
        national.flows_view(d.fetch, d.selection, d.as_of, d.family, d.lang, d.source),
    ]
    return [slide for view in views for slide in _view_slide(d, view)]


def _top_slides(d: _Deck) -> list[Slide]:
    if not d.is_summary:
        return []
    views = [national.top_view(d.fetch, d.selection, d.family, m, d.lang, d.source) for m in ("praised", "audits")]
    return [slide for view in views for slide in _view_slide(d, view)]


def _distribution_slides(d: _Deck) -> list[Slide]:
    if not d.is_summary:
        return []
    title = t("trends.distribution_certificates", d.lang)
    view = national.distribution_view(d.fetch, d.selection, d.family, "certificates", d.lang, d.source, title)
    return _view_slide(d, view)


def _cycles_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        return []  # one row per certificate of thousands of offices: the trends slides say it instead
    spans = d.fetch("certificate_spans", offices=d.offices, family=d.family)
    events = d.fetch("events_by_certificate", offices=d.offices, family=d.family)
    transitions = d.fetch("edition_transitions", family=d.family)
    # Only the deadlines of editions these offices held (as on the office page): others only stretch the axis.
    transitions = transitions[transitions["standard_id"].isin(spans["standard_id"])]
    fig = certification_timeline(spans, events, transitions, d.lang, d.source, as_of=d.as_of, names=d.names)
    return d.chart("cycles", t("cycles.chart", d.lang), cycle_takeaway(spans, d.lang, d.names), fig)


def _clauses_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        view = national.clause_totals_view(d.fetch, d.selection, d.family, d.lang, d.source)
        return _view_slide(d, view) if view.takeaway else []
    df = d.fetch("praised_by_clause", **d.praise)
    if df.empty:
        return []
    title = t("praised.by_clause", d.lang)
    takeaway = top_category_takeaway(
        df, lambda r: clause_label(r["clause"], r["clause_pl"], r["clause_en"], d.lang), d.lang
    )
    return d.chart("clauses", title, takeaway, by_clause_bars(df, d.lang, "count", title, d.source, d.names))


def _themes_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        return []  # one bar per office and theme: the clause totals summarise praise instead
    df = d.fetch("praised_by_theme", **d.praise)
    if df.empty:
        return []
    title, column = t("praised.by_theme", d.lang), localized("theme", d.lang)
    takeaway = top_category_takeaway(df, lambda r: r[column], d.lang)
    return d.chart("themes", title, takeaway, by_theme_bars(df, d.lang, "count", title, d.source, d.names))


def _heatmap_slide(d: _Deck) -> list[Slide]:
    if d.is_summary:
        return []
    df = d.fetch("praised_by_theme", **d.praise)
    if df["office_id"].nunique() < 2:
        return []  # one office's themes are already on the theme slide
    unique = sum(len(themes_only_in(df, office)) for office in df["office_id"].unique())
    title = t("praised.heatmap", d.lang)
    takeaway = t("deck.unique_themes", d.lang, n=unique, total=df["theme_id"].nunique())
    return d.chart("heatmap", title, takeaway, theme_heatmap(df, d.lang, "count", title, d.source, d.names))


def _findings_slides(d: _Deck) -> list[Slide]:
    """One text slide per office, in the order of the title slide: what the auditors (and only they) praised."""
    if d.is_summary:
        return []
    findings = d.fetch("findings_filtered", **d.praise)
    slides = []
    for office_id in d.names:
        rows = findings[findings["office_id"] == office_id]
        if rows.empty:
            continue
        items = rows[localized("text", d.lang)].tolist()
        bullets = items[:MAX_BULLETS]
        if len(items) > MAX_BULLETS:
            bullets.append(t("deck.more", d.lang, n=len(items) - MAX_BULLETS))
        title = t("deck.findings_title", d.lang, office=d.names[office_id])
        takeaway = t("deck.findings_takeaway", d.lang, n=len(rows), events=rows["event_id"].nunique())
        slides.append(Slide("findings", title, takeaway, d.footer, bullets=bullets))
    return slides


BUILDERS: dict[str, Callable[[_Deck], list[Slide]]] = {
    "map": _map_slide,
    "trends": _trends_slides,
    "cycles": _cycles_slide,
    "clauses": _clauses_slide,
    "themes": _themes_slide,
    "heatmap": _heatmap_slide,
    "top": _top_slides,
    "distribution": _distribution_slides,
    "findings": _findings_slides,
}


def build_deck(
    fetch: Fetch,
    offices: "OfficeFilter | list[str]",
    lang: str,
    charts: tuple[str, ...] | list[str] = CHARTS,
    as_of: dt.date | None = None,
    size: tuple[int, int] = (1920, 1080),
    family: str = DEFAULT_FAMILY,
) -> list[Slide]:
    """The title slide, then the chosen charts' slides in a fixed order, from the data behind `fetch`, for one
    standard family (status, counts, cycles and praise are never summed across families).

    `offices` is an office filter or a list of chosen offices. Up to SUMMARY_ABOVE offices, each gets its own
    slides; more, and the deck summarises them (status map by voivodeship, trends, top offices, distributions,
    praise by clause) in a fixed number of slides. A chart with nothing to show (no praised items, a heatmap of one
    office, a per-office chart in a summary) is left out."""
    selection = offices if isinstance(offices, OfficeFilter) else OfficeFilter(tuple(offices))
    chosen = fetch("selected_office_names", **selection.params(), limit=SUMMARY_ABOVE + 1)
    is_summary = len(chosen) > SUMMARY_ABOVE
    ids = list(offices) if isinstance(offices, list) and not is_summary else chosen["office_id"].tolist()
    info = fetch("data_info").iloc[0]
    built = format_date(info["built_at"], "day", lang)
    # Every office's name as the app's pickers show it (place, and the office's name where two share a place).
    names = office_labels(fetch("offices_overview", family=None))
    documents = fetch("selected_documents", **selection.params(), limit=FOOTER_TITLES).iloc[0]
    deck = _Deck(
        fetch=fetch,
        offices=ids,
        selection=selection,
        is_summary=is_summary,
        family=family,
        lang=lang,
        as_of=as_of or dt.date.today(),
        size=size,
        footer=footer(documents, info["built_at"], lang),
        source=t("source_line", lang, n=int(info["count_documents"]), built=built),
        names=names,
    )
    slides = _title_slide(deck)
    for key in CHARTS:
        if key in charts:
            slides += BUILDERS[key](deck)
    return slides
