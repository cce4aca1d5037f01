"""What a user sees, shared by pages and slides: named query results in, a View (figure or table, title,
takeaway, note) out. A page only lays views out; a slide only places them. Every view function takes `fetch`
(fetch(query_name, **params) -> rows): the page's cached fetch or the deck's."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cityiso.labels import format_date, t

# What a view is asked about (which offices, which findings), as pages and slides name it: they import views only,
# never the query layer.
from cityiso.queries import AUDITOR_VOICES, DEFAULT_FAMILY, OfficeFilter, findings_filters  # noqa: F401

Fetch = Callable[..., pd.DataFrame]  # fetch(query_name, **params) -> rows


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
