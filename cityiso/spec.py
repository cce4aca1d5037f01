"""What each curated file in data/ holds: its columns, their types, allowed values and references."""

from dataclasses import dataclass

from cityiso import vocabulary as v

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


@dataclass(frozen=True)
class Column:
    """One column of a curated file and the rule its values keep."""

    name: str
    kind: str = "text"  # text | id | ref | enum | bool | int | float | date | quote
    required: bool = False
    ref: str | None = None  # table whose key a `ref` column names
    values: tuple[str, ...] = ()  # allowed codes of an `enum` column
    low: float | None = None
    high: float | None = None
    in_quote: bool = False  # the value must stand verbatim in the row's quote
    unique: bool = False


@dataclass(frozen=True)
class Table:
    """One curated file and the database table built from it."""

    name: str
    key: str | None
    columns: tuple[Column, ...]
    # How a row's quote finds its document: a column naming a source, or (column, table) to follow.
    quote_source: str | tuple[str, str] | None = None

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _text(name: str, **kw) -> Column:
    return Column(name, "text", **kw)


def _enum(name: str, codes: dict, **kw) -> Column:
    return Column(name, "enum", values=tuple(codes), **kw)


def _date(name: str) -> tuple[Column, ...]:
    """A partial date, the words the source uses for it, and the curator's reason when inferred."""
    return (
        Column(name, "date"),
        _text(f"{name}_as_written", in_quote=True),
        _text(f"{name}_inferred_reason"),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "source_id",
        (
            Column("source_id", "id", required=True),
            _enum("kind", v.SOURCE_KINDS, required=True),
            _text("file"),
            _text("seed_file"),
            _text("title", required=True),
            Column("city_id", "ref", ref="cities"),
            *_date("published_on"),
            _text("citation"),
            _text("note"),
        ),
    ),
    Table(
        "cities",
        "city_id",
        (
            Column("city_id", "id", required=True),
            _text("name", required=True, unique=True),
            _text("office_name", required=True),
            _enum("office_type", v.OFFICE_TYPES, required=True),
            _text("voivodeship", required=True),
            Column("latitude", "float", required=True, low=49.0, high=55.0),
            Column("longitude", "float", required=True, low=14.0, high=24.2),
            Column("geo_source_id", "ref", required=True, ref="sources"),
            Column("office_source_id", "ref", required=True, ref="sources"),
            Column("office_quote", "quote", required=True),
            _text("note"),
        ),
        quote_source="office_source_id",
    ),
    Table(
        "certification_bodies",
        "body_id",
        (
            Column("body_id", "id", required=True),
            _text("name", required=True, unique=True),
            _text("short_name", required=True, unique=True),
            Column("source_id", "ref", required=True, ref="sources"),
            _text("note"),
        ),
    ),
    Table(
        "body_aliases",
        None,
        (
            Column("body_id", "ref", required=True, ref="certification_bodies"),
            _text("alias", required=True, unique=True),
        ),
    ),
    Table(
        "standards",
        "standard_id",
        (
            Column("standard_id", "id", required=True),
            _text("family", required=True),
            Column("edition", "text", required=True),
            _text("title", required=True),
            Column("published_on", "date"),
            Column("transition_ends_on", "date"),
            Column("source_id", "ref", required=True, ref="sources"),
            _text("note"),
        ),
    ),
    Table(
        "standard_forms",
        None,
        (
            _text("form", required=True, unique=True),
            Column("standard_id", "ref", required=True, ref="standards"),
            _text("note"),
        ),
    ),
    Table(
        "clauses",
        "clause",
        (
            Column("clause", "int", required=True, low=4, high=10, unique=True),
            _text("label_pl", required=True),
            _text("label_en", required=True),
            _text("definition_pl", required=True),
            _text("definition_en", required=True),
        ),
    ),
    Table(
        "themes",
        "theme_id",
        (
            Column("theme_id", "id", required=True),
            _text("label_pl", required=True, unique=True),
            _text("label_en", required=True, unique=True),
            _text("definition_pl", required=True),
            _text("definition", required=True),
        ),
    ),
    Table(
        "certificates",
        "certificate_id",
        (
            Column("certificate_id", "id", required=True),
            Column("city_id", "ref", required=True, ref="cities"),
            _text("standard_as_written", required=True, in_quote=True),
            Column("standard_id", "ref", required=True, ref="standards"),
            _text("standard_inferred_reason"),
            Column("body_id", "ref", ref="certification_bodies"),
            *_date("issued_on"),
            *_date("valid_until"),
            Column("validity_years", "int", low=1, high=10),
            _text("scope", in_quote=True),
            Column("iqnet", "bool"),
            Column("cycle_number", "int", low=1, high=20),
            _text("cycle_as_written", in_quote=True),
            Column("source_id", "ref", required=True, ref="sources"),
            Column("quote", "quote", required=True),
            _text("note"),
        ),
        quote_source="source_id",
    ),
    Table(
        "audits",
        "audit_id",
        (
            Column("audit_id", "id", required=True),
            Column("city_id", "ref", required=True, ref="cities"),
            Column("certificate_id", "ref", ref="certificates"),
            Column("body_id", "ref", ref="certification_bodies"),
            _enum("kind", v.EVENT_KINDS, required=True),
            *_date("audit_on"),
            Column("is_planned", "bool", required=True),
            Column("units_audited", "int", low=1, high=500),
            _enum("outcome", v.OUTCOMES),
            _enum("findings_status", v.FINDINGS_STATUSES, required=True),
            Column("source_id", "ref", required=True, ref="sources"),
            Column("quote", "quote", required=True),
            _text("note"),
        ),
        quote_source="source_id",
    ),
    Table(
        "audited_units",
        None,
        (
            Column("audit_id", "ref", required=True, ref="audits"),
            _text("unit_name", required=True),
            _text("unit_name_as_written", required=True, in_quote=True),
            Column("quote", "quote", required=True),
        ),
        quote_source=("audit_id", "audits"),
    ),
    Table(
        "findings",
        "finding_id",
        (
            Column("finding_id", "id", required=True),
            Column("audit_id", "ref", required=True, ref="audits"),
            _enum("kind", v.FINDING_KINDS, required=True),
            _enum("voice", v.VOICES, required=True),
            Column("clause", "int", low=4, high=10),
            _enum("clause_basis", v.CLAUSE_BASES),
            Column("theme_id", "ref", required=True, ref="themes"),
            _text("text_pl", required=True),
            _text("text_en", required=True),
            Column("quote", "quote", required=True),
            _text("note"),
        ),
        quote_source=("audit_id", "audits"),
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

# The contract names the audit date's flag plainly; every other `X_inferred_reason` gives `X_is_inferred`.
INFERRED_FLAG_NAMES = {("audits", "audit_on"): "is_inferred"}
