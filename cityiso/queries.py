"""Named SQL results: each lives in queries/<name>.sql and is run with $named parameters."""

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from cityiso.paths import QUERIES_DIR


@cache
def sql_text(name: str, queries_dir: Path = QUERIES_DIR) -> str:
    """The SQL of a named query; raise KeyError when no such file exists."""
    path = queries_dir / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named '{name}' in {queries_dir}")
    return path.read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query on its own cursor and return its rows."""
    with con.cursor() as cur:
        return cur.execute(sql_text(name), params or None).df()


def check_files(queries_dir: Path = QUERIES_DIR) -> list[Path]:
    """The data rules: queries that return the rows breaking a rule."""
    return sorted((queries_dir / "checks").glob("*.sql"))


def rule_text(path: Path) -> str:
    """A rule's one-line statement, from its leading comment."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("--").strip()
