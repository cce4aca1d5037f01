"""The database tables, derived from the data package: one typed table per curated file, plus what the build adds."""

from cityiso.data.descriptor import Package, sql_columns
from cityiso.data.sizes import SIZE_BANDS, UNKNOWN_SIZE

# Columns the build adds to a curated table.
EXTRA_COLUMNS = {
    "sources": [("sha256", "varchar"), ("text", "varchar")],  # the document file as built
    "findings": [("office_id", "varchar")],  # the office of the finding's event
}

# Columns stored with a compression of their own (DuckDB's default, DICT_FSST, elsewhere): the documents' full text
# compresses four times smaller and in half the CPU time with zstd (64k documents at 3,000 offices: 38 -> 9 MB,
# 0.67 -> 0.32 s), and one document is read as fast; short text (ids, findings) keeps the default, smaller there.
COLUMN_COMPRESSION = {("sources", "text"): "zstd"}

# Tables the build derives, for researchers who query the file (and the view evidence: evidence_view).
DERIVED_TABLES = """
create table codes (
    domain varchar not null,            -- table.column, e.g. events.kind
    code varchar not null,
    label_pl varchar not null,
    label_en varchar not null
);

create table build_info (
    built_at timestamp not null,
    data_sha256 varchar not null,       -- of every curated file and document, in order
    data_version varchar not null       -- the data package's version
);
"""


# The columns of the view evidence, in order: name, type, and whether every row has a value (the Parquet export
# declares those required, as it does for a table's NOT NULL columns).
EVIDENCE_COLUMNS = (
    ("evidence_id", "varchar", True),
    ("record_table", "varchar", True),
    ("record_id", "varchar", True),
    ("fields", "varchar", False),
    ("source_id", "varchar", True),
    ("quote", "varchar", True),
    ("is_primary", "boolean", True),
)


def evidence_view(package: Package) -> str:
    """The SQL of the view evidence: every row's own quote (read where the row keeps it, not copied: a national
    build copied 590k quotes of findings), then the quotes of further sources."""
    branches = []
    for resource in package.resources:
        if not resource.has_quote or resource.name == "further_evidence":
            continue
        key = " || '/' || ".join(resource.primary_key)
        branches.append(
            f"select\n    '{resource.name}:' || {key} as evidence_id,\n    '{resource.name}' as record_table,\n"
            f"    {key} as record_id,\n    null::varchar as fields, source_id, quote, true as is_primary\n"
            f"from {resource.name}\n"
            f"where source_id is not null and quote is not null and {key} is not null"
        )
    branches.append(
        "select evidence_id, record_table, record_id, fields, source_id, quote, false\n"
        "from further_evidence\n"
        "where evidence_id is not null and record_table is not null and record_id is not null\n"
        "    and source_id is not null and quote is not null"
    )
    return (
        "-- Every quote behind every row: a row's own quote (evidence_id 'table:record_id', fields null: the row as a\n"
        "-- whole, is_primary true), then each further source's (further_evidence's id and the columns it supports).\n"
        "create view evidence as\n" + "\nunion all\n".join(branches) + ";\n"
    )


def size_class_macro() -> str:
    """The SQL macro size_class(population): the code of cityiso.data.sizes.SIZE_BANDS a population falls in, and
    'unknown' for none (the one definition of the bands, written into every built database)."""
    whens = [f"        when population >= {low} then '{code}'" for code, low in reversed(SIZE_BANDS)]
    return "\n".join(
        [
            "-- The size class of a place's population (offices.place_population); 'unknown' when it is not known.",
            "create macro size_class(population) as",
            "    case",
            f"        when population is null then '{UNKNOWN_SIZE}'",
            *whens,
            f"        else '{UNKNOWN_SIZE}'",
            "    end;",
        ]
    )


def table_columns(package: Package, name: str) -> list[tuple[str, str]]:
    """Every column of a built table, in order."""
    return sql_columns(package.resource(name)) + EXTRA_COLUMNS.get(name, [])


def create_tables(package: Package) -> str:
    """CREATE TABLE statements for every curated table and the derived tables, the view evidence and the macro
    size_class. Keys are checked by the build (data/datapackage.json declares them), not declared here: an index per
    key would slow a national build."""
    statements = []
    for resource in package.resources:
        lines = [
            f"    {name} {sql_type}{_compression(resource.name, name)}"
            for name, sql_type in table_columns(package, resource.name)
        ]
        statements.append(f"create table {resource.name} (\n" + ",\n".join(lines) + "\n);")
    return (
        "\n\n".join(statements)
        + "\n"
        + DERIVED_TABLES
        + "\n"
        + evidence_view(package)
        + "\n"
        + size_class_macro()
        + "\n"
    )


def _compression(table: str, column: str) -> str:
    chosen = COLUMN_COMPRESSION.get((table, column))
    return f" using compression {chosen}" if chosen else ""
