"""Every quote stands verbatim (whitespace aside) in its source document, and every value marked `in_quote`
stands in its row's quote or in a further source's quote for that field."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import duckdb

from cityiso.data.descriptor import Package, Resource
from cityiso.data.field_checks import record_label
from cityiso.safe_text import visible

# A quote may join several passages of one document, in order, with this marker.
GAP = "[...]"


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace (line breaks, no-break spaces) into one space."""
    return " ".join(text.split())  # str.split() splits where str.isspace(), as the pattern \\s does


def mismatch(quote: str, document: str) -> tuple[str | None, tuple[str, str] | None]:
    """What part of the quote is missing from the (normalised) document and where it stops matching, with the first
    character that differs in the quote and in the document (None, None when all of it is there)."""
    position = 0
    for passage in (normalise_whitespace(p) for p in quote.split(GAP)):
        if not passage:
            return f"a passage around '{GAP}' is empty", None
        found = document.find(passage, position)
        if found < 0:
            if document.find(passage) >= 0:
                return f"'{visible(_shorten(passage))}' does not occur verbatim after the passage before it", None
            return _where_it_stops(passage, document, position)
        position = found + len(passage)
    return None, None


def _best_occurrence(passage: str, matched: int, document: str, start: int, most: int = 200) -> int:
    """Where the document holds the passage's first `matched` characters with the most of the rest agreeing after
    one differing character (a typed apostrophe for a plain one): the place the curator meant, not merely the first."""
    best, best_score, at = -1, -1, document.find(passage[:matched], start)
    rest = passage[matched + 1 : matched + 41]
    for _ in range(most):
        if at < 0:
            break
        following = document[at + matched + 1 : at + matched + 41]
        score = next(
            (i for i, (a, b) in enumerate(zip(rest, following, strict=False)) if a != b), min(len(rest), len(following))
        )
        if score > best_score:
            best, best_score = at, score
        at = document.find(passage[:matched], at + 1)
    return best


def _where_it_stops(passage: str, document: str, start: int) -> tuple[str, tuple[str, str] | None]:
    """The longest beginning of the passage that the document holds (after `start`), and what follows it in each: a
    beginning found means every shorter one is found too, so the length is found by halving."""
    low, high = 0, len(passage)
    while low < high:
        middle = (low + high + 1) // 2
        if document.find(passage[:middle], start) >= 0:
            low = middle
        else:
            high = middle - 1
    said = f"'{visible(_shorten(passage))}' does not occur verbatim in the document"
    if low == 0:
        return said, None
    at = _best_occurrence(passage, low, document, start) + low
    matched = passage[max(0, low - 30) : low]
    ours, theirs = passage[low : low + 15], document[at : at + 15]
    return (
        f"{said}: it matches up to character {low + 1} of the passage (…'{visible(matched)}'), where the quote has "
        f"'{visible(ours)}' and the document has '{visible(theirs) or '(its end)'}' (character {at + 1} of the "
        "document, with every run of whitespace as one space)",
        (ours[:1], theirs[:1]),
    )


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


# A difference shared by this many quotes of one file is one cause (typographic quotes, a dash, a space in a number):
# said once, with the count, besides each row's own message.
REPEATED_CAUSE = 3


def _repeated_causes(resource: Resource, causes: list[tuple[str, str]]) -> Iterator[QuoteProblem]:
    counted: dict[tuple[str, str], int] = {}
    for cause in causes:
        counted[cause] = counted.get(cause, 0) + 1
    for (ours, theirs), count in sorted(counted.items(), key=lambda item: -item[1]):
        if count >= REPEATED_CAUSE:
            shown = f"'{visible(theirs)}'" if theirs else "its end"
            yield QuoteProblem(
                resource.name,
                0,
                "",
                "quote",
                f"{count} quotes stop matching their documents the same way, the quote having '{visible(ours)}' where "
                f"the document has {shown}: one cause, to fix in every row at once",
            )


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
    causes: list[tuple[str, str]] = []
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
            missing, cause = mismatch(quote, document)
            if missing:
                yield QuoteProblem(resource.name, ordinality, record, "quote", f"{missing} of source '{source_id}'")
            if cause:
                causes.append(cause)
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
                f"'{visible(_shorten(value))}' does not stand verbatim in the row's quote",
            )
    yield from _repeated_causes(resource, causes)
