"""Named SQL results: each lives in queries/<name>.sql and is run with $named parameters."""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from cityiso.paths import QUERIES_DIR

# Year bounds that let every dated event through.
ALL_YEARS = (1, 9999)
# The family the dashboard shows unless the URL asks for another.
DEFAULT_FAMILY = "ISO 9001"
# Who counts as "the auditors" in charts and slides that say so.
AUDITOR_VOICES = ("auditor",)


@cache
def sql_text(name: str, queries_dir: Path = QUERIES_DIR) -> str:
    """The SQL of a named query; raise KeyError when no such file exists."""
    path = queries_dir / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named '{name}' in {queries_dir}")
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class OfficeFilter:
    """Which offices a view covers: those meeting every condition given; none given, every office. The same
    conditions go into the URL, so a selection never lists thousands of ids (queries/schema.sql: selected_offices)."""

    offices: tuple[str, ...] = ()  # offices chosen by name
    voivodeships: tuple[str, ...] = ()
    office_kinds: tuple[str, ...] = ()
    search: str = ""  # in the place, the office's name or its TERYT code
    size_classes: tuple[str, ...] = ()  # codes of vocabulary.SIZE_CLASSES, 'unknown' included

    def params(self) -> dict:
        """The query parameters (null: no condition)."""
        return {
            "offices": list(self.offices) or None,
            "voivodeships": list(self.voivodeships) or None,
            "office_kinds": list(self.office_kinds) or None,
            "search": self.search.strip() or None,
            "size_classes": list(self.size_classes) or None,
        }

    @property
    def is_everyone(self) -> bool:
        return not any(self.params().values())


# A query that takes the office filter and is given none of it covers every office.
_NO_FILTER = OfficeFilter().params()
# Parameters some queries take and others of the same family do not: filled in when absent, dropped when unused.
_OPTIONAL = {**_NO_FILTER, "grouped": False}
_PARAM = re.compile(r"\$([a-z_]+)")


@cache
def _parameters(name: str) -> frozenset[str]:
    text = "\n".join(line.split("--")[0] for line in sql_text(name).splitlines())
    return frozenset(_PARAM.findall(text))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query on its own cursor and return its rows; office-filter parameters not given are null, and
    the optional ones a query does not take are left out (so one set of filters serves the findings queries)."""
    wanted = _parameters(name)
    params = {k: v for k, v in params.items() if k in wanted or k not in _OPTIONAL}
    params = {**{k: v for k, v in _OPTIONAL.items() if k in wanted and k not in params}, **params}
    with con.cursor() as cur:
        return cur.execute(sql_text(name), params or None).df()


@contextmanager
def file_fetch(db: Path) -> Iterator[Callable[..., pd.DataFrame]]:
    """fetch(query_name, **params) -> rows over a built database file, opened read-only while the block runs: for a
    command (the deck's export), where the app fetches through its store."""
    with duckdb.connect(str(db), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


@dataclass(frozen=True)
class FindingsFilter:
    """Which findings a view counts beside its offices and family: kinds, voices, years and whether undated events'
    findings count; by default every item the auditors praised, dated or not (findings_filters' defaults)."""

    kinds: tuple[str, ...] = ("praise",)
    voices: tuple[str, ...] = AUDITOR_VOICES
    years: tuple[int, int] = ALL_YEARS
    include_undated: bool = True

    def params(self, offices: "OfficeFilter | list[str]", family: str | None) -> dict:
        """The findings queries' parameters for these findings of `offices` in `family`."""
        return findings_filters(offices, self.kinds, self.voices, self.years, self.include_undated, family)


def findings_filters(
    offices: "OfficeFilter | list[str]",
    kinds: list[str] | tuple[str, ...] = ("praise",),
    voices: list[str] | tuple[str, ...] = AUDITOR_VOICES,
    years: tuple[int, int] = ALL_YEARS,
    include_undated: bool = True,
    family: str | None = None,
) -> dict:
    """The parameters of the findings queries (findings_filtered, praised_by_category);
    by default every item the auditors praised at the offices' events of any family, dated or not."""
    chosen = offices.params() if isinstance(offices, OfficeFilter) else {**_NO_FILTER, "offices": list(offices)}
    return dict(
        **chosen,
        kinds=list(kinds),
        voices=list(voices),
        year_from=years[0],
        year_to=years[1],
        include_undated=include_undated,
        family=family,
    )
