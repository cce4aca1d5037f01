"""What a user sees, shared by pages and slides: named query results in, a View (figure or table, title,
takeaway, note) out. A page only lays views out; a slide only places them. A view takes a Context (how to fetch
named results, which offices, which family, up to which day, the language, the source line under its charts) and
fetches its own named result through it: the page's cached fetch or the deck's."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from cityiso.labels import format_date, t

# What a view is asked about (which offices, which findings, among which kinds and voices), as pages and slides
# name it, and the fetch over a database file the deck's command uses: pages and slides import views only, never the
# query layer or the vocabulary.
from cityiso.queries import AUDITOR_VOICES, DEFAULT_FAMILY, FindingsFilter, OfficeFilter, file_fetch  # noqa: F401
from cityiso.vocabulary import FINDING_KINDS, VOICES  # noqa: F401

Fetch = Callable[..., pd.DataFrame]  # fetch(query_name, **params) -> rows


def without_figure(make: Callable) -> Callable:
    """Marks a view function whose result holds tables and text, never a figure: small, so the app shares many more
    of them than of the views with charts (ui.shared_view keeps them apart)."""
    make.without_figure = True
    return make


@dataclass(frozen=True)
class Context:
    """What every view of a page or a deck is asked about, given once: `fetch` (fetch(query_name, **params) -> rows),
    the language, the office filter, the standard family (None: every family), the day the view stands on, the
    source line its charts carry (selection_info's documents for exactly this), and which findings the findings views
    count (kinds, voices, years, undated: the auditors' praise by default)."""

    fetch: Fetch
    lang: str
    selection: OfficeFilter = field(default_factory=OfficeFilter)
    family: str | None = DEFAULT_FAMILY
    as_of: dt.date = field(default_factory=dt.date.today)
    source: str = ""
    findings: FindingsFilter = field(default_factory=FindingsFilter)

    @property
    def offices(self) -> dict:
        """The office filter's query parameters."""
        return self.selection.params()

    def rows(self, name: str, **params) -> pd.DataFrame:
        """A named result for this context's offices and family (more parameters as the query needs)."""
        return self.fetch(name, **self.offices, family=self.family, **params)

    def finding_rows(self, name: str, **params) -> pd.DataFrame:
        """A findings query's result (praised_by_category, findings_filtered, ...) for this context's offices, family
        and findings (more parameters as the query needs)."""
        return self.fetch(name, **self.findings.params(self.selection, self.family), **params)


@dataclass
class View:
    """One thing to show: its chart or table, its title, a takeaway computed from the same rows, and a note
    (what the chart leaves out, e.g. undated events, counted from the same rows; empty when nothing is left out)."""

    key: str
    title: str
    takeaway: str
    figure: go.Figure | None = None
    table: pd.DataFrame | None = None
    note: str = ""
    rows: pd.DataFrame | None = None  # the named result it was drawn from, where a page or slide asks more of it


def data_dates(info: pd.Series, lang: str) -> dict[str, str]:
    """data_info's two dates in words: `evidence`, the latest evidence (what "data as of" means), and `built`,
    the day the database was built."""
    evidence = info["latest_evidence_on"]
    return {
        "evidence": format_date(evidence, info["latest_evidence_precision"], lang, genitive=True)
        if pd.notna(evidence)
        else "—",  # nothing dated (yet, on the view's day)
        "built": format_date(info["built_at"], "day", lang),
    }


def source_line(info: pd.Series, lang: str) -> str:
    """'Source: cityiso, 5 source documents; evidence up to 12 May 2020; built 1 December 2026.' from data_info
    (the whole data) or selection_info (what a view shows), for the foot of every chart, on pages, slides and
    downloads alike."""
    return t("source_line", lang, n=int(info["count_documents"]), **data_dates(info, lang))
