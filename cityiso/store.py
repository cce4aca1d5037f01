"""The served database for the app: one cached read-only connection, named results cached by path and parameters."""

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from cityiso import queries
from cityiso.paths import served_db_path


class DatabaseMissing(RuntimeError):
    """The database the app should serve has not been built."""


# The file's modification time is part of every key: a rebuild replaces the file, and the app must
# then read the new one, not the old one it still holds open.
@st.cache_resource(max_entries=2)
def _connection(db_path: str, db_mtime: float) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(db_path, read_only=True)


def _served() -> tuple[str, float]:
    path = served_db_path()
    if not path.exists():
        raise DatabaseMissing(str(path))
    return str(path), path.stat().st_mtime


@st.cache_data(max_entries=256, show_spinner=False)
def _fetch(db_path: str, db_mtime: float, name: str, params: tuple) -> pd.DataFrame:
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return queries.run(_connection(db_path, db_mtime), name, **bound)


def fetch(name: str, **params) -> pd.DataFrame:
    """A named query's rows from the served database (lists in params are frozen for the cache key)."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _fetch(*_served(), name, frozen)


DOWNLOADABLE_TABLES = (
    "offices",
    "certification_bodies",
    "body_aliases",
    "standards",
    "standard_forms",
    "sources",
    "certificates",
    "certificate_sites",
    "events",
    "event_certificates",
    "audited_units",
    "findings",
    "further_evidence",
    "evidence",
    "themes",
    "clauses",
    "codes",
)


@st.cache_data(max_entries=32, show_spinner=False)
def _table_csv(db_path: str, db_mtime: float, table: str) -> bytes:
    # The table name comes from the fixed list above, never from the user.
    columns = "* exclude (text)" if table == "sources" else "*"
    with _connection(db_path, db_mtime).cursor() as cur:
        frame = cur.execute(f"select {columns} from {table}").df()
    return frame.to_csv(index=False).encode("utf-8-sig")


def table_csv(table: str) -> bytes:
    """A whole table of the served database as CSV (UTF-8 with BOM, for spreadsheets)."""
    if table not in DOWNLOADABLE_TABLES:
        raise KeyError(table)
    return _table_csv(*_served(), table)


def database_bytes() -> bytes:
    """The served database file itself."""
    return Path(_served()[0]).read_bytes()
