"""A rebuilt database replaced onto the served path reaches viewers; a broken file put there does not."""

import datetime as dt
import gc
import logging
import os
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st

from cityiso import store


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "served.duckdb"
    monkeypatch.setenv("CITYISO_DB", str(path))
    st.cache_data.clear()
    yield path
    store.close_all()
    st.cache_data.clear()


def stamped_copy(database: Path, target: Path, built_at: dt.datetime) -> Path:
    """A copy of a built database whose build time is `built_at`, so a test can tell two builds apart."""
    shutil.copy(database, target)
    with duckdb.connect(str(target)) as con:
        con.execute("update build_info set built_at = ?", [built_at])
    return target


def built_at() -> dt.datetime:
    return store.fetch("data_info").iloc[0]["built_at"].to_pydatetime()


A = dt.datetime(2020, 1, 1)
B = dt.datetime(2021, 2, 2)


def test_an_atomic_replace_is_served_and_a_broken_file_is_not(
    package_db: Path, served: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    os.replace(stamped_copy(package_db, tmp_path / "a.duckdb", A), served)
    assert built_at() == A

    os.replace(stamped_copy(package_db, tmp_path / "b.duckdb", B), served)
    assert built_at() == B, "the rebuilt file must be served without a restart"
    good_bytes = served.read_bytes()
    assert store.database_bytes() == good_bytes

    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database\n" * 4096)
    os.replace(garbage, served)
    with caplog.at_level(logging.WARNING, logger="cityiso.store"):
        assert built_at() == B, "a broken file must not replace the last good database"
        assert built_at() == B
        assert store.database_bytes() == good_bytes, "the download is the database being served"
    problems = [r for r in caplog.records if r.name == "cityiso.store" and r.levelno == logging.WARNING]
    assert len(problems) == 1, "one warning per broken file, not one per query"
    assert "served.duckdb" in problems[0].getMessage()

    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(package_db.read_bytes()[: package_db.stat().st_size // 3])
    os.replace(truncated, served)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="cityiso.store"):
        assert built_at() == B
    assert any(r.name == "cityiso.store" for r in caplog.records)

    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()  # a valid DuckDB file without the project's tables
    os.replace(empty, served)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="cityiso.store"):
        assert built_at() == B
    assert any("build_info" in r.getMessage() for r in caplog.records)

    os.replace(stamped_copy(package_db, tmp_path / "c.duckdb", A), served)
    assert built_at() == A, "a good rebuild after a broken one is served again"


def test_a_run_holding_the_former_database_finishes_after_a_rebuild(
    package_db: Path, served: Path, tmp_path: Path
) -> None:
    """Two sessions: one run took the database for a query (or a download), then another run saw a rebuilt file and
    switched to it. What the first run holds still reads the file it began with (it failed with "Connection already
    closed"), and that file closes once nothing holds it."""
    os.replace(stamped_copy(package_db, tmp_path / "a.duckdb", A), served)
    _, former = store._database()
    former_bytes = served.read_bytes()
    os.replace(stamped_copy(package_db, tmp_path / "b.duckdb", B), served)
    assert built_at() == B

    with former.cursor() as cur:
        assert cur.execute("select built_at from build_info").fetchone()[0] == A
    assert former.file_bytes() == former_bytes

    closer = former._closer
    assert closer.alive
    del former
    gc.collect()
    assert not closer.alive, "the former database stays open after the last run let it go"


def test_a_broken_first_file_is_a_missing_database(served: Path, caplog: pytest.LogCaptureFixture) -> None:
    served.write_bytes(b"garbage" * 100)
    with caplog.at_level(logging.WARNING, logger="cityiso.store"), pytest.raises(store.DatabaseMissing):
        store.fetch("data_info")
    assert any(r.name == "cityiso.store" for r in caplog.records)


def test_free_blocks_past_the_files_end_are_no_truncation() -> None:
    """DuckDB may cut free blocks off a file's end while its header still counts them: a build at 3,000 offices left
    73,150,464 bytes (the 12 KiB of headers and 279 blocks of 256 KiB) whose header counts 280 blocks, 246 in use
    and 34 free, its tables' data up to block 278. That file is whole; a block less, or a third of it, is not."""
    size, block, used, last = 73_150_464, 262_144, 246, 278
    assert not store.is_cut_short(size, block, used, last)
    assert store.is_cut_short(size - block, block, used, last)
    assert store.is_cut_short(size // 3, block, used, last)
    assert not store.is_cut_short(store.HEADER_BYTES + 30 * block, block, 30, None)


@pytest.mark.parametrize("cut", [4096, 3 * 4096, 262_144])
def test_a_file_cut_short_by_a_little_is_refused(package_db: Path, served: Path, tmp_path: Path, cut: int) -> None:
    """A copy that stopped a header's or a block's length before the end opens in DuckDB and answers a first query,
    but a later query would fail reading it: it is refused and the last good database stays served."""
    os.replace(stamped_copy(package_db, tmp_path / "a.duckdb", A), served)
    assert built_at() == A
    short = stamped_copy(package_db, tmp_path / "short.duckdb", B)
    with open(short, "r+b") as fh:
        fh.truncate(short.stat().st_size - cut)
    os.replace(short, served)
    assert built_at() == A


def test_a_file_damaged_in_place_while_served_shows_a_message_not_a_traceback(
    package_db: Path, served: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A copy onto the served path rewrites the open file in place (cp does): until it is whole, what the open
    connection reads fails. The page says so in a sentence naming only the file; the log keeps the error."""
    from streamlit.testing.v1 import AppTest

    from cityiso.paths import ROOT

    shutil.copy(package_db, served)
    store.database_identity()  # served: its catalog read, none of its rows yet
    with open(served, "r+b") as fh:  # the same file, cut short while being copied over
        fh.truncate(served.stat().st_size // 3)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.query_params["lang"] = "en"
    with caplog.at_level(logging.WARNING, logger="cityiso.app.ui"):
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [
        "The database (served.duckdb) could not be read just now: the file may have been in the middle of being "
        "replaced. Reload the page in a moment."
    ]
    assert any("could not be read from the served database" in r.getMessage() for r in caplog.records)
