"""Allowed codes of the curated files with their Polish and English labels, read from data/datapackage.json."""

from cityiso.data.descriptor import package
from cityiso.data.sizes import UNKNOWN_SIZE


def _codes(table: str, column: str) -> dict[str, tuple[str, str]]:
    field = package().resource(table).field(column)
    return {code: (pl, en) for code, pl, en in field.labels}


SOURCE_KINDS = _codes("sources", "kind")
PUBLISHER_TYPES = _codes("sources", "publisher_type")
OFFICE_KINDS = _codes("offices", "office_kind")
FAMILIES = _codes("standards", "family")
EDITION_BASES = _codes("certificates", "edition_basis")
HOLDER_KINDS = _codes("certificates", "holder_kind")
EVENT_KINDS = _codes("events", "kind")
OUTCOMES = _codes("events", "outcome")
FINDINGS_STATUSES = _codes("events", "findings_status")
FINDING_KINDS = _codes("findings", "kind")
VOICES = _codes("findings", "voice")
CLAUSE_BASES = _codes("findings", "clause_basis")
INFERRED_PARTS = _codes("events", "event_on_inferred_part")

# Not a column's codes: how precise a built date is (the form the curator wrote).
PRECISIONS = {
    "day": ("dzień", "day"),
    "month": ("miesiąc", "month"),
    "year": ("rok", "year"),
}

# Certificate status on a date, as the status_on macro (queries/schema.sql) returns it.
STATUSES = {
    "valid": ("ważny", "valid"),
    "valid_approximate": ("ważny (w przybliżeniu)", "valid (approximate)"),
    "suspended": ("zawieszony", "suspended"),
    "expired": ("wygasł", "expired"),
    "lapsed": ("nieprzedłużony", "lapsed"),
    "withdrawn": ("cofnięty", "withdrawn"),
    "no_evidence": ("brak dowodów", "no evidence"),
}

# Size classes of an office's place by its population: the bands and size_class are the data's (cityiso.data.sizes,
# which the build turns into the SQL macro size_class); here their labels, in the bands' order.
SIZE_CLASSES = {
    "under_20k": ("poniżej 20 tys. mieszkańców", "under 20,000 inhabitants"),
    "20k_100k": ("20–100 tys. mieszkańców", "20,000–99,999 inhabitants"),
    "100k_500k": ("100–500 tys. mieszkańców", "100,000–499,999 inhabitants"),
    "500k_plus": ("500 tys. mieszkańców i więcej", "500,000 inhabitants or more"),
    UNKNOWN_SIZE: ("liczba mieszkańców nieznana", "population unknown"),
}


# By domain, for labels; the build writes the data package's own codes into the database.
ALL = {
    "source_kind": SOURCE_KINDS,
    "publisher_type": PUBLISHER_TYPES,
    "office_kind": OFFICE_KINDS,
    "family": FAMILIES,
    "edition_basis": EDITION_BASES,
    "holder_kind": HOLDER_KINDS,
    "event_kind": EVENT_KINDS,
    "outcome": OUTCOMES,
    "findings_status": FINDINGS_STATUSES,
    "finding_kind": FINDING_KINDS,
    "voice": VOICES,
    "clause_basis": CLAUSE_BASES,
    "inferred_part": INFERRED_PARTS,
    "precision": PRECISIONS,
    "status": STATUSES,
    "size_class": SIZE_CLASSES,
}
