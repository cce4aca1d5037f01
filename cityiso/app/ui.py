"""Streamlit helpers every page shares: language, the database guard, the source line and chart output."""

import dataclasses
import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from cityiso import views
from cityiso.app import urlstate
from cityiso.csv_safe import csv_bytes
from cityiso.figures.common import chart_config
from cityiso.labels import DEFAULT_LANG, code_label, t
from cityiso.paths import ASSETS_DIR, served_db_path
from cityiso.queries import DEFAULT_FAMILY, OfficeFilter
from cityiso.safe_text import html, md
from cityiso.store import (  # noqa: F401
    DOWNLOADABLE_TABLES,
    DatabaseMissing,
    database_bytes,
    database_identity,
    fetch,
    table_csv,
)
from cityiso.views import View
from cityiso.views import chosen as chosen_view
from cityiso.views.tables import findings_table
from cityiso.vocabulary import SIZE_CLASSES

log = logging.getLogger(__name__)


def lang() -> str:
    """The active language, set by dashboard.py from the URL."""
    return st.session_state.get("lang", DEFAULT_LANG)


def data_or_stop(name: str, **params) -> pd.DataFrame:
    """A named result for the page as the query returns it (an office is named by its office_label, computed once by
    the build), or a plain message and the end of the page when the database is missing."""
    try:
        return fetch(name, **params)
    except DatabaseMissing as exc:
        # Only the file's name: the server's folders are no viewer's business.
        st.error(t("no_database", lang(), path=md(Path(str(exc)).name)))
        st.stop()
    except duckdb.IOException as exc:
        # The served file changed under its open connection (copied over in place, a disk error): a message, not a
        # traceback naming the server's folders; the log keeps the error. A rebuild moved onto the path is served
        # at the next view.
        log.warning("%s could not be read from the served database: %s", name, str(exc).splitlines()[0])
        st.error(t("database_unreadable", lang(), path=md(served_db_path().name)))
        st.stop()


@dataclass(frozen=True)
class Scope:
    """What a chart or table shows: the offices of an office filter, one standard family (None: every family), up
    to a day (None: no bound). Its source line counts the documents behind exactly that, and its evidence date is
    the latest evidence of exactly that (selection_info)."""

    selection: OfficeFilter = field(default_factory=OfficeFilter)
    family: str | None = None
    as_of: dt.date | None = None

    @classmethod
    def office(cls, office_id: str, family: str | None = None, as_of: dt.date | None = None) -> "Scope":
        """One office's scope (its profile, its history)."""
        return cls(OfficeFilter((office_id,)), family, as_of)


EVERYTHING = Scope()


def _selection_info(scope: Scope) -> pd.Series:
    return data_or_stop("selection_info", **scope.selection.params(), family=scope.family, as_of=scope.as_of).iloc[0]


def _dates_line(info: pd.Series) -> str:
    """The line a CSV download adds under its source line: the latest evidence's date and the build's, as
    YYYY-MM-DD."""
    evidence = info["latest_evidence_on"]
    # As precise as it is known: "2019", "2019-03" or "2019-03-14", never a year shown as its first day.
    digits = {"year": 4, "month": 7}.get(info["latest_evidence_precision"], 10)
    day = "—" if pd.isna(evidence) else pd.Timestamp(evidence).date().isoformat()[:digits]
    return t("csv.dates", lang(), built=pd.Timestamp(info["built_at"]).date().isoformat(), evidence=day)


def source_line(scope: Scope = EVERYTHING) -> str:
    """'Source: cityiso, 5 source documents; evidence up to …; built …' for the foot of a chart of `scope`."""
    return views.source_line(_selection_info(scope), lang())


def context(scope: Scope = EVERYTHING, findings: views.FindingsFilter | None = None) -> views.Context:
    """The views' context for `scope`: the page's cached fetch, its language, the scope's offices, family and day
    (today when it has none), the source line of exactly that, and which findings its findings views count (the
    auditors' praise when not given)."""
    return views.Context(
        data_or_stop,
        lang(),
        scope.selection,
        scope.family,
        scope.as_of or dt.date.today(),
        source_line(scope),
        findings or views.FindingsFilter(),
    )


Shown = TypeVar("Shown")  # what a view function makes: a View, or the office profile's findings by clause

# The views every session shares (their figures built once): at most this many. At 3,000 offices the largest, the
# cycles' timeline of a page of 25 offices, holds about 3.7 MB (tracemalloc), the map 0.5 MB, most others less: at most
# about 90 MB, within the app's memory budget (cityiso.bench) next to the named results' cache.
CACHED_VIEWS = 24
# The views without a figure (views.without_figure: tables and text), kept apart so that they never push a chart out:
# at 3,000 offices the largest, the events of a timeline page of 25 offices with their quotes, holds about 0.9 MB
# (tracemalloc), an office's findings by clause 0.6 MB, most 0.1 MB or less: at most about 40 MB.
CACHED_TABLE_VIEWS = 48


@st.cache_resource(max_entries=CACHED_VIEWS, show_spinner=False)
def _shared_view(db_identity: tuple, name: str, context: tuple, arguments: str, _make: Callable[[], Shown]) -> Shown:
    return _make()


@st.cache_resource(max_entries=CACHED_TABLE_VIEWS, show_spinner=False)
def _shared_table_view(
    db_identity: tuple, name: str, context: tuple, arguments: str, _make: Callable[[], Shown]
) -> Shown:
    made = _make()
    if getattr(made, "figure", None) is not None:  # kept among the small ones, it would escape the charts' bound
        raise TypeError(f"{name} is marked without_figure but made a figure")
    return made


def shared_view(make: Callable[..., Shown], ctx: views.Context, *args, **kwargs) -> Shown:
    """`make(ctx, *args, **kwargs)`, made once per served database, view function, context (language, offices,
    family, day, source line, findings) and arguments, and shared by every session: building a page's Plotly
    figures took most of its script's time. What it makes (a View, or the office profile's findings by clause) is
    shared, not copied: pages only read it. Views without a figure (views.without_figure) are kept apart, more of
    them (CACHED_TABLE_VIEWS against CACHED_VIEWS). The arguments are
    told apart by a digest of their content (_feed: Streamlit's own hashing of a frame with list cells, or of every
    office's name, took longer than building the figure)."""
    try:
        db = database_identity()
    except DatabaseMissing:
        return make(ctx, *args, **kwargs)  # the page's own fetch says so
    context = (ctx.lang, repr(ctx.selection), ctx.family, ctx.as_of, ctx.source, repr(ctx.findings))
    name = f"{make.__module__}.{make.__qualname__}"
    digest = hashlib.sha256()
    _feed(digest, (args, sorted(kwargs.items())))
    shared = _shared_table_view if getattr(make, "without_figure", False) else _shared_view
    return shared(db, name, context, digest.hexdigest(), lambda: make(ctx, *args, **kwargs))


# What a digest takes by its repr, inside a mapping too.
PLAIN = (str, int, float, bool, type(None), dt.date)


def _feed(digest: "hashlib._Hash", value: object) -> None:
    """Feed a view's argument to a digest by its content: a frame as its JSON (with its dtypes), a dataclass, mapping
    or sequence item by item, anything else by its repr. (A frame's pickle differs between two equal frames.)"""
    if isinstance(value, pd.Series):
        value = value.to_frame()
    if isinstance(value, pd.DataFrame):
        digest.update(repr(value.dtypes.to_dict()).encode())
        digest.update(
            value.to_json(
                orient="split", date_format="iso", date_unit="us", double_precision=15, default_handler=str
            ).encode()
        )
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(type(value).__qualname__.encode())
        for f in dataclasses.fields(value):
            _feed(digest, getattr(value, f.name))
    elif isinstance(value, dict) and all(isinstance(k, PLAIN) and isinstance(v, PLAIN) for k, v in value.items()):
        digest.update(repr(value).encode())  # every office's name: at once
    elif isinstance(value, dict):
        digest.update(b"{%d" % len(value))
        for key, item in value.items():
            _feed(digest, key)
            _feed(digest, item)
    elif isinstance(value, (list, tuple)):
        digest.update(b"[%d" % len(value))
        for item in value:
            _feed(digest, item)
    else:
        digest.update(repr(value).encode())
    digest.update(b"\0")


# A comment of an asset: /* ... */ in CSS, a whole line of // in JavaScript.
_ASSET_COMMENT = re.compile(r"/\*.*?\*/|^\s*//[^\n]*\n", re.S | re.M)


@cache
def asset(name: str) -> str:
    """A style sheet or script of cityiso/assets/ as the page gets it: without its comments (they are for the
    maintainer; in the page their English words would stand in the Polish interface)."""
    return _ASSET_COMMENT.sub("", (ASSETS_DIR / name).read_text(encoding="utf-8"))


def office_names() -> dict[str, str]:
    """office_id -> its label (office_label: the place, with the office's name where another office shares the
    place), for the pickers."""
    df = data_or_stop("offices_overview", family=None)
    # As Python lists first: zipping the Arrow-backed columns themselves took 4.6 ms at 3,000 offices, this 0.8 ms.
    return dict(zip(df["office_id"].tolist(), df["office_label"].tolist(), strict=True))


# Parameters of links shared before v2, and the names they have now.
LEGACY_PARAMS = {"cities": "offices", "city": "office"}


def map_legacy_params() -> None:
    """Old shared links keep working: ?cities= becomes ?offices=, ?city= becomes ?office=."""
    for old, new in LEGACY_PARAMS.items():
        if old in st.query_params:
            value = st.query_params[old]
            del st.query_params[old]
            if new not in st.query_params:
                st.query_params[new] = value


def offices_filter(
    label: str, key: str = "offices", low: int = 1, high: int | None = None, default: list[str] | None = None
) -> list[str]:
    """A multiselect of offices bound to ?offices=…; its default, when it applies, is remembered as this page's
    (PAGE_DEFAULT), so the office filter of the next page does not take it for the visitor's choice."""
    names = office_names()
    ids = list(names)
    fallback = default if default is not None else ids
    before = st.session_state.get(key)
    urlstate.bind(key, urlstate.codes(ids, lang(), low, high), fallback)
    carried = st.session_state[key]
    defaulted = before is None and carried == fallback  # neither the session nor the link chose
    if st.session_state.pop(EDITED, None) == key:
        pass  # the visitor's own change in this picker, even below `low`: the page says what it needs
    elif not carried:  # none chosen by name on the page before (the office filter's "every office"): the default
        st.session_state[key], defaulted = fallback, True
    elif len(carried) < low or (high is not None and len(carried) > high):
        # More or fewer offices than this page takes, carried over from a page that takes any number (the office
        # filter): its default instead, and a notice saying so.
        urlstate.notice(key, ",".join(carried), t("why.count", lang(), low=low, high=high))
        st.session_state[key], defaulted = fallback, True
    if defaulted:
        st.session_state[PAGE_DEFAULT] = (key, list(fallback))
    chosen = st.multiselect(
        label, ids, key=key, format_func=names.get, max_selections=high, on_change=_edited, args=(key,)
    )
    urlstate.write(key, chosen)
    return chosen


def _edited(key: str) -> None:
    """The visitor changed the offices picker `key` (offices_filter): its value is theirs, not one carried over."""
    st.session_state[EDITED] = key


# The offices a page chose by itself (compare's default), under the key they went in: not the visitor's choice.
PAGE_DEFAULT = "offices_page_default"
# The offices picker the visitor has just changed (offices_filter): its value is not checked as a carried one.
EDITED = "offices_edited"
# The office filter's box (a widget of each page) and whether the visitor left it open, kept for every page.
FILTER_BOX = "filter_box"
FILTER_OPEN = "filter_open"


def filter_choices() -> tuple[list[str], list[str], list[str]]:
    """What the office filter offers: every office's id, the voivodeships and the kinds of office (offices_overview)."""
    overview = data_or_stop("offices_overview", family=None)
    voivodeships = sorted(overview["voivodeship"].dropna().unique().tolist())
    kinds = [k for k in dict.fromkeys(overview["office_kind"].dropna()) if k]
    return overview["office_id"].tolist(), voivodeships, kinds


def office_filter_from_url() -> OfficeFilter:
    """The office filter as the URL sets it, without widgets (the presentation while presenting draws none); a bad
    value gets the same notice as in office_filter."""
    current = lang()
    ids, voivodeships, kinds = filter_choices()
    return OfficeFilter(
        tuple(urlstate.read("offices", urlstate.codes(ids, current), [])),
        tuple(urlstate.read("voivodeships", urlstate.codes(voivodeships, current), [])),
        tuple(urlstate.read("office_kinds", urlstate.codes(kinds, current), [])),
        urlstate.read("office_q", urlstate.search_text(current), ""),
        tuple(urlstate.read("size_classes", urlstate.codes(list(SIZE_CLASSES), current), [])),
    )


def office_filter(key: str = "offices", chosen_offices: bool = True) -> OfficeFilter:
    """The office filter the pages share: a search, voivodeships, kinds of office, size classes of the place and
    (optionally) offices chosen by name, each bound to the URL (?office_q=, ?voivodeships=, ?office_kinds=,
    ?size_classes=, ?offices=). Nothing given: every office. The URL holds the conditions, never the list of every
    office that meets them.

    The widgets sit in a box whose label says what the filter keeps (filter_summary). The box is closed until the
    visitor opens it, and the session keeps it as it was left, on every page; a closed box draws no widget, and the
    values the session holds (seeded from the URL) apply. Drawn at every visit, the widgets cost the browser
    0.2-0.4 s, most of it the office picker's list of every office. A notice about a bad value in the URL shows
    above the box, in sight."""
    current = lang()
    _ids, voivodeships, kinds = filter_choices()
    names = office_names() if chosen_offices else None  # None: no offices chosen by name on this page
    urlstate.bind("office_q", urlstate.search_text(current), "")
    urlstate.bind("voivodeships", urlstate.codes(voivodeships, current), [])
    urlstate.bind("office_kinds", urlstate.codes(kinds, current), [])
    urlstate.bind("size_classes", urlstate.codes(list(SIZE_CLASSES), current), [])
    state = st.session_state
    if chosen_offices:
        page_default = state.pop(PAGE_DEFAULT, None)
        if page_default == (key, state.get(key)):  # the offices the last page chose by itself: none chosen here
            state[key] = []
        urlstate.bind(key, urlstate.codes(list(names), current), [])
    chosen = OfficeFilter(
        tuple(state[key]) if chosen_offices else (),
        tuple(state["voivodeships"]),
        tuple(state["office_kinds"]),
        state["office_q"],
        tuple(state["size_classes"]),
    )
    state[FILTER_BOX] = state.get(FILTER_OPEN, False)  # as the visitor left it, on whichever page
    box = st.expander(
        filter_summary(chosen, current), key=FILTER_BOX, on_change=_remember_filter_box, icon=":material/filter_alt:"
    )
    if box.open:
        with box:
            _filter_widgets(key, voivodeships, kinds, names, current)
    for name, value in (
        ("office_q", chosen.search),
        ("voivodeships", chosen.voivodeships),
        ("office_kinds", chosen.office_kinds),
        ("size_classes", chosen.size_classes),
        *([(key, chosen.offices)] if chosen_offices else []),
    ):
        urlstate.write(name, value)
    return chosen


def _remember_filter_box() -> None:
    """The visitor opened or closed the filter's box: kept for every page (the box's own state stays on its page,
    and its identity changes with its label)."""
    st.session_state[FILTER_OPEN] = st.session_state[FILTER_BOX]


SUMMARY_SEARCH_CHARS = 40  # of the search, in the filter box's label


def filter_summary(chosen: OfficeFilter, current: str) -> str:
    """The filter box's label, as Markdown: 'Which offices' and what the filter keeps, e.g. 'Which offices: “gda” ·
    pomorskie · city offices · 3 offices chosen'; a condition with more than two values by its count. The search,
    which a link sets, is shortened to SUMMARY_SEARCH_CHARS and loses its invisible format characters (a direction
    override would make it read as other conditions)."""
    search = "".join(c for c in chosen.search if unicodedata.category(c) != "Cf")
    parts = [t("filter.quoted", current, text=md(urlstate.shorten(search, SUMMARY_SEARCH_CHARS)))] if search else []
    for values, label, count_key in (
        (chosen.voivodeships, lambda v: v, "filter.n_voivodeships"),
        (chosen.office_kinds, lambda k: code_label("office_kind", k, current), "filter.n_office_kinds"),
        (chosen.size_classes, lambda k: code_label("size_class", k, current), "filter.n_size_classes"),
    ):
        if len(values) > 2:
            parts.append(t(count_key, current, n=len(values)))
        elif values:
            parts.append(", ".join(md(label(v)) for v in values))
    if chosen.offices:
        parts.append(t("filter.n_offices", current, n=len(chosen.offices)))
    title = t("filter.expander", current)
    return f"{title}: {' · '.join(parts)}" if parts else title


def _filter_widgets(
    key: str, voivodeships: list[str], kinds: list[str], names: dict[str, str] | None, current: str
) -> None:
    """The office filter's widgets, their values from the session (office_filter binds them first); the offices
    chosen by name among them unless `names` is None."""
    columns = st.columns([2, 2, 2, 2, 3] if names is not None else [1, 1, 1, 1])
    columns[0].text_input(
        t("filter.search", current),
        key="office_q",
        help=t("filter.search_help", current),
        max_chars=urlstate.SEARCH_CHARS,
    )
    columns[1].multiselect(
        t("filter.voivodeships", current), voivodeships, key="voivodeships", placeholder=t("filter.all", current)
    )
    columns[2].multiselect(
        t("filter.office_kinds", current),
        kinds,
        key="office_kinds",
        format_func=lambda k: code_label("office_kind", k, current),
        placeholder=t("filter.all", current),
    )
    columns[3].multiselect(  # 'population unknown' among them; none chosen: every office, those unknown included
        t("filter.size_classes", current),
        list(SIZE_CLASSES),
        key="size_classes",
        format_func=lambda k: code_label("size_class", k, current),
        placeholder=t("filter.all", current),
        help=t("filter.size_classes_help", current),
    )
    if names is not None:
        columns[4].multiselect(
            t("filter.offices", current),
            list(names),
            key=key,
            format_func=names.get,
            placeholder=t("filter.all", current),
            help=t("filter.offices_help", current),
            max_selections=urlstate.MAX_ITEMS,
        )


PER_PAGE = (10, 20, 50)


def paged(name: str, params: dict, per_page: int, key: str, count_column: str) -> tuple[pd.DataFrame, int, int]:
    """One page of a paged named query (it takes $limit and $offset, and `count_column` counts every match), its
    number bound to ?<key>= and drawn here as a number input. Returns the page's rows, their offset and the count
    of every match. One query a run; a second only when the page asked for lies past the last (the filter changed
    under it, or the URL asked for it): then the last page is shown."""
    current = lang()
    urlstate.bind(key, urlstate.positive_int(current), 1)

    def page_rows(page: int) -> pd.DataFrame:
        return data_or_stop(name, **params, limit=per_page, offset=(page - 1) * per_page)

    rows = page_rows(st.session_state[key])
    if rows.empty and st.session_state[key] > 1:
        first = page_rows(1)
        last = max(1, -(-int(first[count_column].max() or 0) // per_page)) if not first.empty else 1
        st.session_state[key] = last
        rows = first if last == 1 else page_rows(last)
    total = int(rows[count_column].iloc[0]) if not rows.empty else 0
    pages = max(1, -(-total // per_page))
    page = st.number_input(t("paging.page", current), min_value=1, max_value=pages, step=1, key=key)
    urlstate.write(key, page)
    return rows, (page - 1) * per_page, total


def source_page(params: dict, per_page: int) -> tuple[pd.DataFrame, int, int]:
    """One page of the source documents (sources_overview: `params` are its kind, office filter and search), its
    number bound to ?source_page=: the page's rows, their offset and how many documents match in all."""
    return paged("sources_overview", params, per_page, "source_page", "count_sources")


def office_page(selection: OfficeFilter, family: str | None, key: str = "page") -> OfficeFilter:
    """The offices of a selection that this page of a timeline or table shows, busiest first: offices per page and
    the page number are bound to the URL (?per_page=, ?page=), and a caption says which of how many these are."""
    current = lang()
    left, right, _ = st.columns([1, 1, 4])
    with left:
        urlstate.bind("per_page", urlstate.choice([str(n) for n in PER_PAGE], current), str(PER_PAGE[0]))
        per_page = int(st.selectbox(t("paging.per_page", current), [str(n) for n in PER_PAGE], key="per_page"))
        urlstate.write("per_page", per_page)
    with right:
        params = {**selection.params(), "family": family}
        rows, offset, total = paged("office_page", params, per_page, key, "count_offices")
    if total:
        st.caption(t("paging.showing", current, first=offset + 1, last=offset + len(rows), total=total))
    return OfficeFilter(offices=tuple(rows["office_id"]))


FINDINGS_PER_PAGE = 100
CARDS_PER_PAGE = 20  # a card takes a few lines: a page of them stays a page


def _findings_paged(params: dict, key: str, per_page: int) -> tuple[pd.DataFrame, int]:
    """A page of findings_page's rows with the page number (?<key>_page=) beside how many match; returns the rows
    and the count of every match."""
    current = lang()
    left, right = st.columns([1, 5])
    with left:
        rows, offset, total = paged("findings_page", params, per_page, f"{key}_page", "count_matching")
    with right:
        shown = t("paging.findings", current, first=offset + 1, last=offset + len(rows), total=total)
        st.caption(shown if total else t("nothing_found", current))
    return rows, total


def _download_all_findings(params: dict, total: int, key: str, title: str, scope: "Scope") -> None:
    """The CSV of every matching finding, fetched only when clicked."""
    current = lang()
    download_csv(
        lambda: findings_table(data_or_stop("findings_page", **params, limit=total, offset=0), current),
        f"cityiso_findings_{current}",
        f"dl_{key}",
        title=title or t("praised.all_findings", current),
        scope=scope,
    )


def table_boxes(labels: dict[str, str]) -> dict[str, "st.delta_generator.DeltaGenerator"]:
    """A box for each long table (name -> its label), closed unless ?tables= names it or the visitor opens it; what
    goes in a box is made only while it is open (a data grid drawn at every visit costs the browser about 0.4 s).
    Returns the open boxes by name, to fill; ?tables= lists this page's open ones, and the session keeps every page's
    (a box opened on one page is open again when the visitor comes back)."""
    current = lang()
    urlstate.bind("tables", urlstate.codes(list(labels), current), [])
    opened = {}
    for name, label in labels.items():
        box_key = f"table_{name}"
        st.session_state.setdefault(box_key, name in st.session_state["tables"])
        box = st.expander(label, key=box_key, on_change="rerun", icon=":material/table:")
        if box.open:
            opened[name] = box
    others = [name for name in st.session_state["tables"] if name not in labels]
    st.session_state["tables"] = [*others, *opened]
    urlstate.write("tables", list(opened))
    return opened


def findings_table_page(
    params: dict, key: str, download: bool = False, title: str = "", scope: Scope = EVERYTHING
) -> pd.DataFrame:
    """A page of findings_page's rows as a table, with how many match and the page number (?<key>_page=); the
    CSV download (when asked) holds every matching finding, fetched only when clicked, under `title` (by default
    'All findings for these filters'). Returns the page's rows."""
    rows, total = _findings_paged(params, key, FINDINGS_PER_PAGE)
    st.dataframe(findings_table(rows, lang()), hide_index=True)
    if download and total:
        _download_all_findings(params, total, key, title, scope)
    return rows


def findings_cards_page(params: dict, key: str, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """A page of findings_page's rows, each as a card a reader can take in at any width: what was found, the
    verbatim quote, and who said it where and when (office, date, clause, theme, voice, source), with how many match
    and the page number (?<key>_page=); a CSV download of them all. Returns the page's rows."""
    current = lang()
    rows, total = _findings_paged(params, key, CARDS_PER_PAGE)
    table = findings_table(rows, current)
    columns = {c: t(c, current) for c in ("office", "date", "clause", "theme", "text", "quote", "voice", "source")}
    for r in table.to_dict("records"):
        with st.container(border=True):
            st.markdown(f"**{md(r[columns['text']])}**")
            st.markdown(f"> „{md(r[columns['quote']])}”")
            st.caption(
                " · ".join(
                    md(str(r[columns[c]]))
                    for c in ("office", "date", "clause", "theme", "voice", "source")
                    if r[columns[c]]
                )
            )
    if total:
        _download_all_findings(params, total, key, "", scope)
    return rows


def families() -> list[str]:
    """The standard families, those with certificates first (the named result families)."""
    return chosen_view.families(data_or_stop)


def family_input(key: str = "family") -> str:
    """A choice of standard family bound to ?family=… (ISO 9001 by default); families with certificates first."""
    choices = families()
    current = lang()  # fixed now: the label function is also called outside the script run
    urlstate.bind(key, urlstate.choice(choices, current), DEFAULT_FAMILY)
    value = st.selectbox(
        t("family", current),
        choices,
        key=key,
        format_func=lambda f: code_label("family", f, current),
        help=t("family_help", current),
    )
    urlstate.write(key, value)
    return value


def data_info() -> pd.Series:
    """What the served data is (data_info's one row): its version, build time, first and last dates, documents."""
    return data_or_stop("data_info").iloc[0]


def event_years() -> tuple[int, int]:
    """The first and the last year of the data's events: the ends of a year slider."""
    info = data_info()
    return info["first_event_on"].year, info["last_event_on"].year


def date_range() -> tuple[dt.date, dt.date]:
    """The dates an as-of date can take: from 1 January of the year of the first dated fact to 31 December of the
    year of the last (a planned audit, an expiry) or of today, whichever is later."""
    info = data_info()
    today = dt.date.today()
    first = info["first_dated_on"]
    last = info["last_dated_on"]
    low = dt.date(pd.Timestamp(first).year, 1, 1) if pd.notna(first) else dt.date(today.year, 1, 1)
    high = dt.date(max(today.year, pd.Timestamp(last).year if pd.notna(last) else today.year), 12, 31)
    return low, high


def as_of_input(key: str = "as_of") -> dt.date:
    """A date input bound to ?as_of=… (today by default) reaching every date of the data (date_range)."""
    low, high = date_range()
    urlstate.bind(key, urlstate.date(lang(), low, high), dt.date.today())
    value = st.date_input(
        t("as_of", lang()),
        key=key,
        format="YYYY-MM-DD",
        min_value=low,
        max_value=high,
        help=t("as_of_help", lang()),
    )
    urlstate.write(key, value)
    return value


def chart(fig: go.Figure, key: str, filename: str, on_select: bool = False):
    """Draw a figure with a modebar download named after it (the image carries the figure's title and source line,
    as every figure is framed); return the selection event when asked."""
    config = chart_config(f"cityiso_{filename}_{lang()}")
    if on_select:
        return st.plotly_chart(fig, key=key, on_select="rerun", selection_mode="points", config=config)
    st.plotly_chart(fig, key=key, config=config)
    return None


def csv_preface(title: str, scope: Scope = EVERYTHING) -> tuple[str, str, str]:
    """The three lines every CSV download starts with: its title, the source line and the dates of the data (both
    for what the table shows), from one look-up of what it shows."""
    info = _selection_info(scope)
    return (title, views.source_line(info, lang()), _dates_line(info))


def download_csv(
    df: pd.DataFrame | Callable[[], pd.DataFrame], filename: str, key: str, *, title: str, scope: Scope = EVERYTHING
) -> None:
    """A CSV download of a table as shown (UTF-8 with BOM, text that would start a formula prefixed with '), its
    first three lines its title, the source line and the date of the data (csv_safe: pd.read_csv(f, skiprows=3)).
    `df` may be a function making the table: it runs only when the button is clicked."""
    preface = csv_preface(title, scope)
    st.download_button(
        t("download_csv", lang()),
        data=lambda: csv_bytes(df() if callable(df) else df, preface),
        file_name=f"{filename}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        help=t("csv.help", lang()),
        on_click="ignore",  # no rerun: it renews every download's id (a quick second click fetched nothing)
    )


PLAIN_TABLE_CLASS = "plain-table"


def _cell(tag: str, value: object, number: bool) -> str:
    text = "" if pd.api.types.is_scalar(value) and pd.isna(value) else value
    attribute = ' class="number"' if number else ""
    return f"<{tag}{attribute}>{html(text)}</{tag}>"


def plain_table_html(table: pd.DataFrame) -> str:
    """A table as an HTML table whose every header and cell is escaped text (a missing value: an empty cell; any
    other value as str() gives it, so a view formats its dates and fractions itself); numeric columns align right.
    layout.css sets it as Streamlit sets st.table."""
    numeric = [pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d) for d in table.dtypes]
    head = "".join(_cell("th", c, n) for c, n in zip(table.columns, numeric, strict=True))
    body = "".join(
        "<tr>" + "".join(_cell("td", v, n) for v, n in zip(row, numeric, strict=True)) + "</tr>"
        for row in table.itertuples(index=False, name=None)
    )
    return (
        f'<div class="{PLAIN_TABLE_CLASS}-box"><table class="{PLAIN_TABLE_CLASS}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def is_plain_table(body: str) -> bool:
    """Whether an st.html body is a plain table (curated text in it is escaped, so it cannot pass for one)."""
    return f'<table class="{PLAIN_TABLE_CLASS}">' in body


def plain_table(table: pd.DataFrame) -> None:
    """A table as plain HTML that wraps its cells and prints every column (a data grid scrolls sideways and prints
    cut), every value escaped (plain_table_html). Not st.table: its cells render Markdown, and it makes the browser
    load 0.7 MB of code that a data grid shares (arrowFormatUtils), about 0.15-0.3 s at a visit's first sight."""
    st.html(plain_table_html(table))


def show(
    view: View,
    filename: str,
    key: str | None = None,
    on_select: bool = False,
    download: bool = False,
    context: str = "",
    static: bool = False,
    scope: Scope = EVERYTHING,
):
    """Lay out a view as every page does: its chart (or table, with a CSV download when asked, titled by the
    view's title and `context`, e.g. the family), its takeaway and its note (what the chart leaves out) under it.
    `static`: the table as plain HTML that wraps its cells (plain_table), so printing shows every column (a
    st.dataframe grid scrolls sideways and prints cut). Returns the chart's selection event when asked."""
    event = None
    if view.figure is not None:
        event = chart(view.figure, key or view.key, filename, on_select=on_select)
    if view.table is not None and not view.table.empty:
        if static:
            plain_table(view.table)
        else:
            st.dataframe(view.table, hide_index=True)
        if download:
            title = f"{view.title} · {context}" if context else view.title
            download_csv(view.table, f"cityiso_{filename}_{lang()}", f"dl_{key or view.key}", title=title, scope=scope)
    for text in (view.takeaway, view.note):
        if text:
            st.caption(md(text))
    return event
