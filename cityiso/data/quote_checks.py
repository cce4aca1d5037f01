"""Every quote stands verbatim (whitespace aside) in its source document, and every value marked `in_quote`
stands in its row's quote or in a further source's quote for that field."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import duckdb

from cityiso.data.descriptor import Package, Resource
from cityiso.data.field_checks import record_label

# A quote may join several passages of one document, in order, with this marker.
GAP = "[...]"


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace (line breaks, no-break spaces) into one space."""
    return " ".join(text.split())  # str.split() splits where str.isspace(), as the pattern \\s does


def quote_problem(quote: str, document: str) -> str | None:
    """Say what part of the quote is missing from the (normalised) document, or None when all of it is there."""
    position = 0
    for passage in (normalise_whitespace(p) for p in quote.split(GAP)):
        if not passage:
            return f"a passage around '{GAP}' is empty"
        found = document.find(passage, position)
        if found < 0:
            where = "in the document" if document.find(passage) < 0 else "after the passage before it"
            return f"'{_shorten(passage)}' does not occur verbatim {where}"
        position = found + len(passage)
    return None


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class QuoteProblem:
    resource: str
    ordinality: int
    record: str
    field: str
    message: str


class _Normalised(dict):
    """source_id -> the normalised searchable text, each document normalised once and only when asked for."""

    def __init__(self, documents: Mapping[str, Callable[[], str]]):
        super().__init__()
        self.documents = documents

    def __contains__(self, source_id: object) -> bool:
        return source_id in self.documents

    def __missing__(self, source_id: str) -> str:
        self[source_id] = normalise_whitespace(self.documents[source_id]())
        return self[source_id]


def quote_problems(
    con: duckdb.DuckDBPyConnection, package: Package, documents: Mapping[str, Callable[[], str]], table: str
) -> Iterator[QuoteProblem]:
    """Check every quote of every raw table against its source's normalised text.

    `documents` maps source_id to what reads its searchable text (address and text); `table` names a DuckDB table
    (source_id, searchable) of the same. SQL clears every row whose quote and values stand in the text as they
    are (a sufficient condition: whitespace only collapses); the rows it cannot clear are checked here."""
    normalised = _Normalised(documents)
    kinds = dict(con.execute("select source_id, kind from raw_sources").fetchall())
    further = _further_quotes(con)
    con.execute(
        f"""create or replace temp table quote_bodies as
        select source_id, replace(replace(searchable, chr(13) || chr(10), ' '), chr(10), ' ') as body from {table}"""
    )
    for resource in package.resources:
        if resource.has_quote:
            yield from _check_table(con, resource, normalised, kinds, further)
    con.execute("drop table quote_bodies")


def _cleared(in_quote: list[str]) -> str:
    """SQL true for a row r (raw_<table> with its passages `ps`) joined to its document d whose quote and in-quote
    values surely hold: each passage found, in order and without overlap, in the text with line breaks as spaces."""
    values = " and ".join(
        f"(r.{name} is null or contains(replace(r.quote, '{GAP}', ' '), r.{name}))" for name in in_quote
    )
    return f"""coalesce(d.source_id is not null and (
        case when r.ps is null then contains(d.body, r.quote)
        else list_bool_and(list_transform(r.ps, lambda p: p <> '' and contains(d.body, p)))
            and list_bool_and(list_transform(range(1, len(r.ps)),
                lambda i: instr(d.body, r.ps[i + 1]) >= instr(d.body, r.ps[i]) + length(r.ps[i])))
        end){f" and {values}" if values else ""}, false)"""


def _further_quotes(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], list[str]]:
    """(record_table, record_id, field) -> quotes of further sources that support that field."""
    out: dict[tuple[str, str, str], list[str]] = {}
    rows = con.execute(
        "select record_table, record_id, fields, quote from raw_further_evidence where quote is not null"
    )
    for table, record_id, fields, quote in rows.fetchall():
        for name in (fields or "").split():
            out.setdefault((table, record_id, name), []).append(normalise_whitespace(quote.replace(GAP, " ")))
    return out


def _check_table(con, resource: Resource, normalised, kinds, further) -> Iterator[QuoteProblem]:
    in_quote = [f.name for f in resource.fields if f.in_quote]
    key = " || '/' || ".join(f"r.{k}" for k in resource.primary_key)
    columns = ", ".join(
        ["r.ordinality", record_label(resource, "r"), key, "r.source_id", "r.quote", *(f"r.{n}" for n in in_quote)]
    )
    passages = f"list_transform(string_split(quote, '{GAP}'), lambda p: trim(p))"
    rows = f"select *, case when contains(quote, '{GAP}') then {passages} end as ps from raw_{resource.name}"
    for ordinality, record, record_id, source_id, quote, *values in con.execute(
        f"""select {columns} from ({rows}) as r left join quote_bodies as d on d.source_id = r.source_id
        where r.quote is not null and not {_cleared(in_quote)} order by r.ordinality"""
    ).fetchall():
        if source_id is None:
            continue  # reported as required
        if source_id not in normalised:
            if source_id in kinds:
                yield QuoteProblem(
                    resource.name,
                    ordinality,
                    record,
                    "quote",
                    f"source '{source_id}' has no document to quote from (is it a reference source?)",
                )
            continue
        document = normalised[source_id]
        # Fast path: text found as it is in a normalised text has single spaces only, so is normalised itself.
        if GAP not in quote and quote in document:
            quoted = quote
        else:
            quoted = normalise_whitespace(quote.replace(GAP, " "))
            missing = quote_problem(quote, document)
            if missing:
                yield QuoteProblem(resource.name, ordinality, record, "quote", f"{missing} of source '{source_id}'")
        for name, value in zip(in_quote, values, strict=True):
            if not value or value in quoted:
                continue
            wanted = normalise_whitespace(value)
            if wanted in quoted or any(wanted in q for q in further.get((resource.name, record_id, name), ())):
                continue
            yield QuoteProblem(
                resource.name,
                ordinality,
                record,
                name,
                f"'{_shorten(value)}' does not stand verbatim in the row's quote",
            )
