"""One realistic parameter set per named query, as the pages call them: every office, the default family, a date
inside the data's range, a search word that occurs. A query that takes $params and is missing here fails loudly."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cityiso.paths import QUERIES_DIR
from cityiso.queries import DEFAULT_FAMILY, OfficeFilter, findings_filters


@dataclass(frozen=True)
class Context:
    """What the parameter sets are made of, read from the database being measured."""

    offices: list[str]
    family: str
    as_of: dt.date
    search: str
    source_id: str


# The pages' default selection is the office filter with no condition: every office, never a list of their ids.
EVERYONE = OfficeFilter()
PAGE = 10  # offices on a timeline page by default


def _offices_family(c: Context) -> dict:
    return {**EVERYONE.params(), "family": c.family}


def _dated(c: Context) -> dict:
    return {**_offices_family(c), "as_of": c.as_of}


def _page_of_offices(c: Context) -> dict:
    """A timeline page's offices (the cycles page asks for the spans and events of these, never of all)."""
    return {**OfficeFilter(offices=tuple(c.offices[:PAGE])).params(), "family": c.family}


def _praise(c: Context) -> dict:
    return findings_filters(EVERYONE, family=c.family)


def _page_of_findings(c: Context) -> dict:
    return {**_praise(c), "clause_keys": None, "theme_keys": None, "q": None, "limit": 100, "offset": 0}


# The one table of parameter sets, as the pages ask: every office through the office filter, ISO 9001, a timeline
# page of offices, one office for its profile, a page of findings or documents.
QUERY_PARAMS: dict[str, Callable[[Context], dict]] = {
    "audits_per_year": _dated,
    "findings_page": _page_of_findings,
    "national_distribution": _offices_family,
    "national_flows_by_year": _dated,
    "national_headline": _dated,
    "national_status_by_voivodeship": _dated,
    "national_status_by_year": _dated,
    "national_undated": _offices_family,
    "national_coverage": lambda c: {},  # the denominator: offices in TERC and in the register
    "office_page": lambda c: {**_offices_family(c), "limit": PAGE, "offset": 0},
    "office_peer_keys": lambda c: {"office": c.offices[0]},
    "office_sources": lambda c: {"office": c.offices[0]},
    # The widest peer group (every office): the overview asks for one kind, the compare page for a narrower group.
    "office_standing": lambda c: {**EVERYONE.params(), "family": c.family, "office": c.offices[0]},
    "office_status_by_year": lambda c: {"as_of": c.as_of, "family": c.family, "office": c.offices[0]},
    "praised_totals_by_clause": _offices_family,
    "selected_documents": lambda c: {**EVERYONE.params(), "family": c.family, "limit": 10},
    "selection_info": _dated,
    "selection_totals": _offices_family,
    "selected_office_names": lambda c: {**EVERYONE.params(), "limit": 10},
    "source_facts": lambda c: {"source_id": c.source_id},
    "source_text": lambda c: {"source_id": c.source_id},
    "top_offices": lambda c: {**_offices_family(c), "limit": 10},
    "top_praised_offices": lambda c: {**_praise(c), "limit": 25},
    "certificate_spans": _page_of_offices,
    "clauses": lambda c: {},
    "data_info": lambda c: {},
    "edition_transitions": lambda c: {"family": c.family},
    "events": _page_of_offices,
    "events_around": lambda c: {**_dated(c), "after": True, "limit": 5},  # the overview's "next known events"
    "events_by_certificate": _page_of_offices,
    "families": lambda c: {},
    "findings_filtered": lambda c: findings_filters([c.offices[0]], family=c.family),  # the office profile
    # The status of a page's offices: the cycles page asks for its page (10 by default), the map for at most 50 (and
    # draws voivodeships above that), the office profile for one; no page asks for every office of the country.
    "office_status_on_date": lambda c: {**_page_of_offices(c), "as_of": c.as_of},
    "offices_overview": _offices_family,  # every office (the overview, the map); the office profile asks for one
    # Every office covered: one bar per clause (the praised page asks it by theme too; by clause was the slower in the
    # A/B of 2026-12-06 03:00, by theme in the benchmark of 00:39: within a few ms of each other).
    "praised_by_category": lambda c: {**_praise(c), "category": "clause", "grouped": True},
    "praised_per_year_by_clause": _dated,
    "sources_overview": lambda c: {**EVERYONE.params(), "kind": "document", "q": None, "limit": 25, "offset": 0},
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
    # The document cited by the most facts: the one a reader opens is rarely the emptiest.
    cited = con.execute(
        "select source_id from findings group by source_id order by count(*) desc, source_id limit 1"
    ).fetchone()
    return Context(
        offices=offices,
        family=DEFAULT_FAMILY,
        as_of=as_of,
        search=row[0] if row else "skargi",
        source_id=cited[0] if cited else "",
    )


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
