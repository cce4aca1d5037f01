"""The served database for the app: one read-only connection per file identity, named results cached by it."""

import logging
import os
import threading
import weakref
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from cityiso import queries
from cityiso.csv_safe import csv_bytes
from cityiso.paths import served_db_path

log = logging.getLogger(__name__)

# A file the app can serve has this table (every build writes it); anything else is not a cityiso database.
SANITY_CHECK = "select count(*) from build_info"


class DatabaseMissing(RuntimeError):
    """The database the app should serve has not been built (or the file there cannot be used)."""


Identity = tuple[int, int, int]  # st_ino, st_mtime_ns, st_size: a rebuild replaced onto the path changes it


# DuckDB's file holds its main header and two database headers (4 KiB each) before its first block.
HEADER_BYTES = 3 * 4096


def is_cut_short(size: int, block_size: int, used_blocks: int, last_data_block: int | None) -> bool:
    """Whether a DuckDB file of `size` bytes ends before a block it needs: every block in use its header counts
    (pragma_database_size), and the highest block any table's data lies in (pragma_storage_info; None when no
    table holds data). The free blocks the header also counts may lie past the end: DuckDB cuts them off."""
    needed = max(used_blocks, last_data_block + 1 if last_data_block is not None else 0)
    return size < HEADER_BYTES + block_size * needed


def _last_data_block(cur: duckdb.DuckDBPyConnection) -> int | None:
    """The highest block any table of the served database keeps its data in."""
    tables = cur.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = 'served'"
    ).fetchall()
    if not tables:
        return None
    parts = " union all ".join(
        'select block_id from pragma_storage_info(\'served."{}"."{}"\')'.format(
            schema.replace('"', '""').replace("'", "''"), table.replace('"', '""').replace("'", "''")
        )
        for schema, table in tables
    )
    return cur.execute(f"select max(block_id) from ({parts})").fetchone()[0]


class _Database:
    """One opened database file.

    DuckDB keeps one instance per path in a process, so connecting to the path again after a rebuild was replaced
    onto it returns the old file's data. Each file is therefore attached in its own fresh in-memory instance, which
    always reads the file that is at the path now; every cursor starts in it.

    A rebuilt file replaces it as the served one while a script run may still hold it (it took the database for a
    query, a download or an export, then another session's run saw the new file): it closes once the last holder
    lets it go, not before. (Each query asks for the served database anew, so a page view's later queries read the
    new file.)"""

    def __init__(self, path: Path, identity: Identity) -> None:
        self.identity = identity
        # Held open so the download is this very file, whatever is put at the path later.
        self._fd = os.open(path, os.O_RDONLY)
        # A cap on what DuckDB holds for the queries of one app process (it spills or pages beyond it), so the app
        # stays within its memory budget at national scale: $CITYISO_DUCKDB_MEMORY, default 200 MB.
        memory = os.environ.get("CITYISO_DUCKDB_MEMORY", "200MB")
        self._con = duckdb.connect(":memory:", config={"memory_limit": memory})
        self._closer = weakref.finalize(self, _close, self._con, self._fd)
        try:
            if _identity(os.fstat(self._fd)) != identity:
                raise DatabaseMissing("replaced while being opened")
            quoted = str(path).replace("'", "''")  # the server's own path, not user input
            self._con.execute(f"attach '{quoted}' as served (read_only)")
            with self.cursor() as cur:
                cur.execute(SANITY_CHECK).fetchone()
                # DuckDB reads blocks only when a query needs them: a truncated file opens and may even answer the
                # check above, so compare the file's size with the blocks it needs. Not with every block its header
                # counts: DuckDB cuts free blocks off the file's end and may still count them (two of three builds
                # at 3,000 offices: 16 and 34 free blocks, one of them past the end).
                block_size, used = cur.execute(
                    "select block_size, used_blocks from pragma_database_size() where database_name = 'served'"
                ).fetchone()
                last = _last_data_block(cur)
            if is_cut_short(identity[2], block_size, used, last):
                raise DatabaseMissing(
                    f"truncated: {identity[2]} bytes, short of {used} blocks in use and of block {last} of its data"
                )
        except Exception:
            self.close()
            raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        cur.execute("use served")
        return cur

    def file_bytes(self) -> bytes:
        return os.pread(self._fd, self.identity[2], 0)

    def close(self) -> None:
        self._closer()


def _close(con: duckdb.DuckDBPyConnection, fd: int) -> None:
    try:
        con.close()
    finally:
        os.close(fd)


_lock = threading.Lock()
_open: dict[str, _Database] = {}  # served path -> the last good database opened from it
_rejected: dict[str, Identity] = {}  # served path -> the identity of the broken file last warned about


def _identity(stat: os.stat_result) -> Identity:
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _database() -> tuple[str, _Database]:
    """The database to serve: the file at the served path when it changed and can be used, else the last good one."""
    path = served_db_path()
    key = str(path)
    with _lock:
        current = _open.get(key)
        try:
            identity = _identity(path.stat())
        except FileNotFoundError:
            if current is None:
                raise DatabaseMissing(key) from None
            if _rejected.get(key) != (0, 0, 0):
                log.warning("database %s disappeared; still serving the last good one", path.name)
                _rejected[key] = (0, 0, 0)
            return key, current
        if current is not None and current.identity == identity:
            return key, current
        if current is not None and _rejected.get(key) == identity:
            return key, current
        try:
            opened = _Database(path, identity)
        except Exception as exc:
            if _rejected.get(key) != identity:
                log.warning(
                    "database %s cannot be served (%s: %s); %s",
                    path,
                    type(exc).__name__,
                    str(exc).splitlines()[0] if str(exc) else "",
                    "still serving the last good one" if current else "nothing to serve",
                )
                _rejected[key] = identity
            if current is None:
                raise DatabaseMissing(key) from exc
            return key, current
        _open[key] = opened
        _rejected.pop(key, None)
        if current is not None:  # closed once nothing holds it (_Database)
            log.info("serving the rebuilt database %s", path.name)
        return key, opened


def close_all() -> None:
    """Close every open database (tests; a server closes them at exit)."""
    with _lock:
        for database in _open.values():
            database.close()
        _open.clear()
        _rejected.clear()


def _served() -> tuple[str, Identity, _Database]:
    key, database = _database()
    return key, database.identity, database


def database_identity() -> tuple[str, Identity]:
    """The served database's path and identity: what a cache of anything made from its rows is keyed by (a rebuilt
    file has another identity)."""
    key, identity, _ = _served()
    return key, identity


# What one app process keeps of the named results (st.cache_data, shared by every session): at most this many, none
# longer than CACHED_ROWS_AT_MOST rows, so a session that tries many filters stays within the app's memory budget (500
# MB, cityiso.bench). A page's results at 3,000 offices are at most about 1.3 MB (office_status_on_date's 3,000 rows);
# a whole list asked for a download (findings_page with its limit at every match: 350k rows, about 240 MB in pandas)
# is made when clicked and never kept.
CACHED_RESULTS = 64
CACHED_ROWS_AT_MOST = 5_000


def _run(database: _Database, name: str, params: tuple) -> pd.DataFrame:
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return queries.run(database, name, **bound)


@st.cache_data(max_entries=CACHED_RESULTS, show_spinner=False)
def _fetch(db_path: str, db_identity: Identity, name: str, params: tuple, _database: _Database) -> pd.DataFrame:
    return _run(_database, name, params)


def fetch(name: str, **params) -> pd.DataFrame:
    """A named query's rows from the served database (lists in params are frozen for the cache key); results longer
    than CACHED_ROWS_AT_MOST rows are returned but not kept."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    db_path, identity, database = _served()
    limit = params.get("limit")
    if isinstance(limit, int) and limit > CACHED_ROWS_AT_MOST:  # a whole list, not a page: never cached
        return _run(database, name, frozen)
    frame = _fetch(db_path, identity, name, frozen, database)
    if len(frame) > CACHED_ROWS_AT_MOST:
        _fetch.clear(db_path, identity, name, frozen, database)
    return frame


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
    "finding_certificates",
    "further_evidence",
    "expectations",
    "evidence",
    "themes",
    "clauses",
    "codes",
)


# A whole table as CSV is made when its download is clicked; only the last one is kept (the findings table at 3,000
# offices is far larger than any page's results).
@st.cache_data(max_entries=1, show_spinner=False)
def _table_csv(
    db_path: str, db_identity: Identity, table: str, preface: tuple[str, ...], _database: _Database
) -> bytes:
    # The table name comes from the fixed list above, never from the user.
    columns = "* exclude (text)" if table == "sources" else "*"
    with _database.cursor() as cur:
        frame = cur.execute(f"select {columns} from {table}").df()
    return csv_bytes(frame, preface)


def table_csv(table: str, preface: tuple[str, ...] = ()) -> bytes:
    """A whole table of the served database as CSV (UTF-8 with BOM, for spreadsheets), after the three preface lines
    every download of the app starts with (title, source line, dates: csv_safe)."""
    if table not in DOWNLOADABLE_TABLES:
        raise KeyError(table)
    db_path, identity, database = _served()
    return _table_csv(db_path, identity, table, tuple(preface), database)


def database_bytes() -> bytes:
    """The served database file itself: the one the app serves now, even if a broken file was put at its path."""
    return _served()[2].file_bytes()
