"""The database tables, derived from the data package: one typed table per curated file, plus what the build adds."""

from cityiso.data.descriptor import Package, sql_columns

# Columns the build adds to a curated table.
EXTRA_COLUMNS = {
    "sources": [("sha256", "varchar"), ("text", "varchar")],  # the document file as built
    "findings": [("office_id", "varchar")],  # the office of the finding's event
}

# Columns stored with a compression of their own (DuckDB's default, DICT_FSST, elsewhere): the documents' full text
# compresses four times smaller and in half the CPU time with zstd (64k documents at 3,000 offices: 38 -> 9 MB,
# 0.67 -> 0.32 s), and one document is read as fast; short text (ids, findings) keeps the default, smaller there.
COLUMN_COMPRESSION = {("sources", "text"): "zstd"}

# Tables the build derives, for researchers who query the file.
DERIVED_TABLES = """
create table evidence (
    evidence_id varchar not null,       -- 'table:record_id' for a row's own quote, else further_evidence's id
    record_table varchar not null,
    record_id varchar not null,
    fields varchar,                     -- columns the quote supports; null: the row as a whole
    source_id varchar not null,
    quote varchar not null,
    is_primary boolean not null         -- the row's own quote (true) or a further source's (false)
);

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


def size_class_macro() -> str:
    """The SQL macro size_class(population): the code of cityiso.vocabulary.SIZE_BANDS a population falls in, and
    'unknown' for none (the one definition of the bands, written into every built database)."""
    from cityiso.vocabulary import SIZE_BANDS, UNKNOWN_SIZE

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
    """CREATE TABLE statements for every curated table and the derived tables, and the macro size_class. Keys are
    checked by the build (data/datapackage.json declares them), not declared here: an index per key would slow a
    national build."""
    statements = []
    for resource in package.resources:
        lines = [
            f"    {name} {sql_type}{_compression(resource.name, name)}"
            for name, sql_type in table_columns(package, resource.name)
        ]
        statements.append(f"create table {resource.name} (\n" + ",\n".join(lines) + "\n);")
    return "\n\n".join(statements) + "\n" + DERIVED_TABLES + "\n" + size_class_macro() + "\n"


def _compression(table: str, column: str) -> str:
    chosen = COLUMN_COMPRESSION.get((table, column))
    return f" using compression {chosen}" if chosen else ""
