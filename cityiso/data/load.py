"""Typed tables from the raw ones, set-based: casts, partial dates split into day and precision, derived columns."""

import duckdb

from cityiso.data.ddl import table_columns
from cityiso.data.descriptor import Package, Resource
from cityiso.data.field_checks import PADDED_DATE, PERIOD_END

_PRECISION = "case length({c}) when 4 then 'year' when 7 then 'month' when 10 then 'day' end"


def _typed(resource: Resource, column: str, sql_type: str) -> str:
    """The SQL that computes one typed column from raw_<table> (bad values become NULL: they are reported)."""
    names = set(resource.field_names)
    if column.endswith("_precision") and column.removesuffix("_precision") in names:
        return _PRECISION.format(c=column.removesuffix("_precision"))
    if column.endswith("_is_inferred") and f"{column.removesuffix('_is_inferred')}_inferred_reason" in names:
        return f"{column.removesuffix('_is_inferred')}_inferred_reason is not null"
    if column not in names:
        return "null"
    field = resource.field(column)
    if field.is_date:
        day = PADDED_DATE.format(c=column)
        return PERIOD_END.format(c=column, d=day) if column.endswith("_not_after") else day
    if sql_type == "boolean":
        return f"case {column} when 'true' then true when 'false' then false end"
    if sql_type == "varchar":
        return column
    return f"try_cast({column} as {sql_type})"


# The sources' columns that the build takes from the documents (cityiso.data.ddl.EXTRA_COLUMNS).
_FROM_DOCUMENTS = ("text", "sha256")


def load_tables(con: duckdb.DuckDBPyConnection, package: Package, ddl: str) -> None:
    """Create every table (ddl) and fill each curated one from its raw table, but the sources (load_sources): the
    build fills them while the documents they take their text from are still being read."""
    con.execute(ddl)
    for resource in package.resources:
        if resource.name != "sources":
            _load(con, package, resource, f"raw_{resource.name}")
    con.execute("update findings set office_id = e.office_id from events as e where e.event_id = findings.event_id")


def load_sources(con: duckdb.DuckDBPyConnection, package: Package, documents: str) -> None:
    """Fill the sources from raw_sources, with their text and hash from the table named `documents` (text, sha256),
    whose rows stand side by side with raw_sources' rows in the order of the file (null for a source without a
    document): raw_sources sorted by ordinality (64k short rows) first, then taken by position."""
    _load(
        con,
        package,
        package.resource("sources"),
        f"(select * from raw_sources order by ordinality) positional join {documents} as d",
    )


def _load(con: duckdb.DuckDBPyConnection, package: Package, resource: Resource, rows: str) -> None:
    """Insert the typed columns of one curated table, computed from `rows` (its raw table, in the file's order)."""
    columns = table_columns(package, resource.name)
    select = ", ".join(
        f"d.{name}" if name in _FROM_DOCUMENTS and resource.name == "sources" else _typed(resource, name, sql_type)
        for name, sql_type in columns
    )
    # A raw table holds its file's rows in order and a plain scan keeps that order (DuckDB preserves insertion
    # order), so nothing is sorted again: sorting the findings of a whole country cost as much as typing them.
    con.execute(f"insert into {resource.name} ({', '.join(n for n, _ in columns)}) select {select} from {rows}")
