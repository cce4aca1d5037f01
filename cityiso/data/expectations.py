"""The curated data's own checklist (expectations.csv): what the documents say and the data must keep, written by a
curator as rows, without Python or SQL, and checked by every build.

A row names a table (`record_table`), the rows it speaks of (`match`: `column=value` pairs joined by `;`, every one
holding; an empty value matches an empty cell), how many there are (`count`, optional) and what each of them holds
(`expect`, the same form; `column~=words`: the cell contains the words). Values compare as the built table shows
them as text: dates `2018-05-28`, flags `true`, numbers `3`. A table is named from the descriptor, a column from the
built table, and every value is passed as a parameter, so a row can only ask, never change anything or reach outside
the database."""

from dataclasses import dataclass

import duckdb

from cityiso.data.descriptor import Package

SEPARATOR = ";"


@dataclass(frozen=True)
class Unmet:
    """One expectation that does not hold: its row (ordinality), the field at fault and what is wrong."""

    ordinality: int
    record: str
    field: str
    message: str


# `column~=words` in `expect`: the cell contains these words (a reason, a note), instead of being them.
CONTAINS = "~"


def parse_pairs(text: str | None) -> list[tuple[str, str | None]]:
    """'office_id=legionowo; iqnet=true' -> [('office_id', 'legionowo'), ('iqnet', 'true')]; an empty value is None
    (an empty cell); 'note~=contradicts' -> [('note~', 'contradicts')]. Raises ValueError for a part without '='."""
    pairs = []
    for part in (text or "").split(SEPARATOR):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"'{part.strip()}' is not column=value")
        column, value = part.split("=", 1)
        pairs.append((column.strip(), value.strip() or None))
    return pairs


def _holds(value: str | None, column: str, wanted: str | None) -> bool:
    if column.endswith(CONTAINS):
        return value is not None and wanted is not None and wanted in value
    return value == wanted


def unmet_expectations(con: duckdb.DuckDBPyConnection, package: Package) -> list[Unmet]:
    """Every expectation of raw_expectations that the built tables do not meet."""
    rows = con.execute(
        "select ordinality, expectation_id, says, record_table, match, expect, count "
        "from raw_expectations order by ordinality"
    ).fetchall()
    tables = {r.name: r for r in package.resources}
    unmet: list[Unmet] = []
    for ordinality, expectation_id, says, table, match, expect, count in rows:
        record = f"expectation_id={expectation_id}"

        def fail(field: str, message: str, ordinality: int = ordinality, record: str = record) -> None:
            unmet.append(Unmet(ordinality, record, field, message))

        if table not in tables or table == "expectations":
            fail("record_table", f"'{table}' is not a table of the data package")
            continue
        # The built table's columns: the file's, and those the build derives (issued_on_precision, ..._is_inferred).
        columns = {c for (c,) in con.execute(f"select column_name from (describe {table})").fetchall()}
        try:
            matched, expected = parse_pairs(match), parse_pairs(expect)
        except ValueError as exc:
            fail("match" if "=" not in (match or "") else "expect", str(exc))
            continue
        unknown = [c for c, _ in (*matched, *expected) if c.removesuffix(CONTAINS) not in columns]
        if any(c.endswith(CONTAINS) for c, _ in matched):
            fail("match", f"'{CONTAINS}=' (contains) is for expect; match names rows by equal values")
            continue
        if unknown:
            field = "match" if unknown[0] in {c for c, _ in matched} else "expect"
            fail(field, f"'{unknown[0]}' is not a column of {table}")
            continue
        found = _rows(con, table, tables[table].primary_key, matched, [c.removesuffix(CONTAINS) for c, _ in expected])
        if count is not None and count.strip().isdigit() and len(found) != int(count):
            fail("count", f"{len(found)} {table} row(s) match {match!r}, not {int(count)}: {says}")
            continue
        if not found and count is None:
            fail("match", f"no {table} row matches {match!r}: {says}")
            continue
        for key, *values in found:
            for (column, wanted), value in zip(expected, values, strict=True):
                if not _holds(value, column, wanted):
                    shown = "empty" if value is None else repr(value)
                    should = f"containing {wanted!r}" if column.endswith(CONTAINS) else f"not {wanted or 'empty'!r}"
                    name = column.removesuffix(CONTAINS)
                    fail("expect", f"{table} row {key} has {name} {shown}, {should}: {says}")
    return unmet


def _rows(con, table: str, primary_key: tuple[str, ...], matched, expected: list[str]) -> list[tuple]:
    """(key, expected columns as text...) of the rows of `table` meeting every pair of `matched`."""
    key = " || '/' || ".join(f"cast({c} as varchar)" for c in primary_key) or "'(no key)'"
    conditions = [f"cast({c} as varchar) is not distinct from ?" for c, _ in matched] or ["true"]
    wanted = "".join(f", cast({c} as varchar)" for c in expected)
    sql = f"select {key}{wanted} from {table} where {' and '.join(conditions)} order by 1"
    return con.execute(sql, [v for _, v in matched]).fetchall()
