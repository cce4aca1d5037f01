"""One realistic parameter set per named query, as the pages call them: every office, the default family, a date
inside the data's range, a search word that occurs. A query that takes $params and is missing here fails loudly."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cityiso.paths import QUERIES_DIR
from cityiso.queries import DEFAULT_FAMILY, findings_filters


@dataclass(frozen=True)
class Context:
    """What the parameter sets are made of, read from the database being measured."""

    offices: list[str]
    family: str
    as_of: dt.date
    search: str


def _offices_family(c: Context) -> dict:
    return {"offices": c.offices, "family": c.family}


def _praise(c: Context) -> dict:
    return findings_filters(c.offices, family=c.family)


# The one table of parameter sets (pages: overview, cycles and compare ask for all offices and ISO 9001 by default).
QUERY_PARAMS: dict[str, Callable[[Context], dict]] = {
    "audits_per_year": _offices_family,
    "certificate_spans": _offices_family,
    "clauses": lambda c: {},
    "codes": lambda c: {},
    "data_info": lambda c: {},
    "edition_transitions": lambda c: {"family": c.family},
    "events": _offices_family,
    "events_by_certificate": _offices_family,
    "families": lambda c: {},
    "findings_filtered": _praise,
    "findings_search": lambda c: {"q": c.search, "offices": c.offices},
    "office_status_on_date": lambda c: {"as_of": c.as_of, "family": c.family},
    "offices_overview": lambda c: {"family": c.family},
    "praised_by_clause": _praise,
    "praised_by_theme": _praise,
    "praised_per_year_by_clause": _offices_family,
    "sources_overview": lambda c: {},
    "themes": lambda c: {},
}


def named_queries(queries_dir: Path = QUERIES_DIR) -> list[str]:
    """Every named query: queries/*.sql except schema.sql (the data rules live in queries/checks/)."""
    return sorted(p.stem for p in queries_dir.glob("*.sql") if p.stem != "schema")


def declared_params(sql: str) -> set[str]:
    """The $names a query's SQL binds (comments and string literals left out: headers mention params in prose)."""
    # One left-to-right scan, so a quote inside a comment or "--" inside a string cannot mislead it.
    return {m for m in re.findall(r"--[^\n]*|'(?:[^']|'')*'|\$([A-Za-z_]\w*)", sql) if m}


def context(con: duckdb.DuckDBPyConnection) -> Context:
    """All offices, ISO 9001, the middle of the dated events' span, and the commonest long word of the findings."""
    offices = [r[0] for r in con.execute("select office_id from offices order by office_id").fetchall()]
    first, last = con.execute("select min(event_on), max(event_on) from events").fetchone()
    as_of = first + (last - first) / 2 if first and last else dt.date.today()
    row = con.execute(
        """
        select w from (select unnest(string_split_regex(lower(text_pl), '[^[:alpha:]]+')) as w from findings)
        where length(w) >= 6
        group by w
        order by count(*) desc, w
        limit 1
        """
    ).fetchone()
    return Context(offices=offices, family=DEFAULT_FAMILY, as_of=as_of, search=row[0] if row else "skargi")


def query_params(ctx: Context, queries_dir: Path = QUERIES_DIR) -> dict[str, dict]:
    """Each named query's parameter set; raise ValueError naming every query whose set is missing or mismatched."""
    problems, chosen = [], {}
    for name in named_queries(queries_dir):
        wanted = declared_params((queries_dir / f"{name}.sql").read_text(encoding="utf-8"))
        if name not in QUERY_PARAMS:
            problems.append(f"{name}: no parameter set in QUERY_PARAMS (it binds {sorted(wanted) or 'nothing'})")
            continue
        params = QUERY_PARAMS[name](ctx)
        if set(params) != wanted:
            problems.append(f"{name}: the bench gives {sorted(params)}, the SQL binds {sorted(wanted)}")
        chosen[name] = params
    if problems:
        raise ValueError("named queries without a matching benchmark parameter set:\n  " + "\n  ".join(problems))
    return chosen
