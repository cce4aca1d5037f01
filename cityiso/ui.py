"""Streamlit helpers every page shares: language, the database guard, the source line and chart output."""

import datetime as dt
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from cityiso import urlstate
from cityiso.csv_safe import csv_bytes
from cityiso.figures.common import chart_config
from cityiso.labels import DEFAULT_LANG, format_date, t
from cityiso.safe_text import md
from cityiso.store import DatabaseMissing, fetch


def lang() -> str:
    """The active language, set by dashboard.py from the URL."""
    return st.session_state.get("lang", DEFAULT_LANG)


def data_or_stop(name: str, **params) -> pd.DataFrame:
    """A named result, or a plain message and the end of the page when the database is missing."""
    try:
        return fetch(name, **params)
    except DatabaseMissing as exc:
        # Only the file's name: the server's folders are no viewer's business.
        st.error(t("no_database", lang(), path=md(Path(str(exc)).name)))
        st.stop()


def source_line() -> str:
    """'Source: cityiso, 5 source documents; data as of …' for the foot of every chart."""
    info = data_or_stop("data_info").iloc[0]
    built = format_date(info["built_at"], "day", lang())
    return t("source_line", lang(), n=int(info["count_documents"]), built=built)


def all_city_ids() -> list[str]:
    return data_or_stop("cities_overview")["city_id"].tolist()


def city_names() -> dict[str, str]:
    df = data_or_stop("cities_overview")
    return dict(zip(df["city_id"], df["name"], strict=True))


def cities_filter(
    label: str, key: str = "cities", low: int = 1, high: int | None = None, default: list[str] | None = None
) -> list[str]:
    """A multiselect of offices bound to ?cities=…"""
    names = city_names()
    ids = list(names)
    urlstate.bind(key, urlstate.codes(ids, lang(), low, high), default if default is not None else ids)
    chosen = st.multiselect(label, ids, key=key, format_func=names.get, max_selections=high)
    urlstate.write(key, chosen)
    return chosen


def as_of_input(key: str = "as_of") -> dt.date:
    """A date input bound to ?as_of=… (today by default)."""
    urlstate.bind(key, urlstate.date(lang()), dt.date.today())
    value = st.date_input(t("as_of", lang()), key=key, format="YYYY-MM-DD")
    urlstate.write(key, value)
    return value


def chart(fig: go.Figure, key: str, filename: str, on_select: bool = False):
    """Draw a figure with a modebar download named after it; return the selection event when asked."""
    config = chart_config(f"cityiso_{filename}_{lang()}")
    if on_select:
        return st.plotly_chart(fig, key=key, on_select="rerun", selection_mode="points", config=config)
    st.plotly_chart(fig, key=key, config=config)
    return None


def download_csv(df: pd.DataFrame, filename: str, key: str) -> None:
    """A CSV download of a table as shown (UTF-8 with BOM, text that would start a formula prefixed with ')."""
    st.download_button(
        t("download_csv", lang()),
        data=lambda: csv_bytes(df),
        file_name=f"{filename}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )
