"""Shared fixtures: the real curated data built once, a copy of data/ to break, and a small fixture database."""

import shutil
from pathlib import Path

import duckdb
import pytest

from cityiso.build import build
from cityiso.paths import DATA_DIR, QUERIES_DIR

FIXTURES_SQL = Path(__file__).with_name("fixtures.sql")


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the real curated files in data/."""
    out = tmp_path_factory.mktemp("real") / "cityiso.duckdb"
    problems = build(DATA_DIR, out)
    assert not problems, "\n".join(map(str, problems))
    return out


@pytest.fixture(scope="session")
def real_con(real_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the real database."""
    con = duckdb.connect(str(real_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ (without any built database), laid out as in the repository."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    return target


@pytest.fixture(scope="session")
def fixture_con() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the v2 tables, the views and macros of schema.sql and the rows of fixtures.sql."""
    from cityiso.data.ddl import create_tables
    from cityiso.data.descriptor import package

    con = duckdb.connect()
    con.execute(create_tables(package()))
    con.execute((QUERIES_DIR / "schema.sql").read_text(encoding="utf-8"))
    con.execute(FIXTURES_SQL.read_text(encoding="utf-8"))
    yield con
    con.close()
