"""Shared fixtures. Code tests use `package_db` (the small fixture package of tests/fixture_package.py, built by
the real build) or `fixture_con` (hand-made rows of fixtures.sql); only tests/test_data_checks.py and the
curated-data validation use `real_db`, the database built from data/."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cityiso.app.ui import FILTER_OPEN
from cityiso.build import build
from cityiso.data.ddl import create_tables
from cityiso.data.descriptor import package
from cityiso.paths import DATA_DIR, QUERIES_DIR, ROOT
from cityiso.queries import run
from cityiso.views.praise import category_frame
from tests.fixture_package import write_package

FIXTURES_SQL = Path(__file__).with_name("fixtures.sql")


def _built(data_dir: Path, out: Path) -> Path:
    problems = build(data_dir, out)
    assert not problems, "\n".join(map(str, problems))
    return out


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the curated files in data/ (for the curator's data checks only)."""
    return _built(DATA_DIR, tmp_path_factory.mktemp("real") / "cityiso.duckdb")


@pytest.fixture(scope="session")
def real_con(real_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the real database."""
    con = duckdb.connect(str(real_db), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def package_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the fixture package: two offices of Testowo (see tests/fixture_package.py)."""
    root = tmp_path_factory.mktemp("package")
    return _built(write_package(root), root / "cityiso.duckdb")


@pytest.fixture(scope="session")
def package_con(package_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the fixture package's database."""
    con = duckdb.connect(str(package_db), read_only=True)
    yield con
    con.close()


def fixture_database() -> duckdb.DuckDBPyConnection:
    """A new in-memory database with the v2 tables, the views and macros of schema.sql and the rows of fixtures.sql:
    for a test that adds rows of its own (fixture_con is shared)."""
    con = duckdb.connect()
    con.execute(create_tables(package()))
    con.execute((QUERIES_DIR / "schema.sql").read_text(encoding="utf-8"))
    con.execute(FIXTURES_SQL.read_text(encoding="utf-8"))
    return con


@pytest.fixture(scope="session")
def fixture_con() -> duckdb.DuckDBPyConnection:
    """fixture_database, shared by the tests that only read it."""
    con = fixture_database()
    yield con
    con.close()


@pytest.fixture
def open_page(package_db: Path, monkeypatch: pytest.MonkeyPatch):
    """Open a page as a visitor following a link: dashboard.py first, then the page, URL parameters kept;
    `filter_open`: the visitor has opened the office filter's box (closed, it draws no widget)."""

    def go(page: str = "overview", /, db: Path = package_db, filter_open: bool = False, **params: str) -> AppTest:
        monkeypatch.setenv("CITYISO_DB", str(db))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        if filter_open:
            at.session_state[FILTER_OPEN] = True
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        # Every notice the visit showed: the overview shares some parameters with the page (the office filter,
        # ?office=) and reads them first.
        seen = [w.value for w in at.warning]
        if page != "overview":
            at.switch_page(f"pages/{page}.py")
            for key, value in params.items():
                at.query_params[key] = value
            at.run()
            seen += [w.value for w in at.warning]
        at.notices = seen
        assert not at.exception, [e.message for e in at.exception]
        return at

    return go


@pytest.fixture(scope="session")
def good_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture package, built once."""
    root = tmp_path_factory.mktemp("good")
    out = root / "cityiso.duckdb"
    assert build(write_package(root), out) == []
    return out


@pytest.fixture
def good_db(tmp_path: Path, good_template: Path) -> Path:
    """A database built from the valid fixture package, as a previous good build, where this test's build writes."""
    out = tmp_path / "out" / "db.duckdb"
    out.parent.mkdir()
    out.write_bytes(good_template.read_bytes())
    return out


def broken_browser(folder: Path, how: str) -> Path:
    """A 'Chromium' for BROWSER_PATH that exits at once (how="crashes": one that dies at its start) or never answers
    (how="hangs")."""
    path = folder / f"chromium-{how}"
    path.write_text("#!/bin/sh\nexit 1\n" if how == "crashes" else "#!/bin/sh\nsleep 30\n")
    path.chmod(0o755)
    return path


def praised_by(con: duckdb.DuckDBPyConnection, category: str, **params) -> pd.DataFrame:
    """praised_by_category's rows for `category` in that category's own columns, as views hand them to figures."""
    return category_frame(run(con, "praised_by_category", category=category, **params), category)
