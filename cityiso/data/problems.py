"""A problem in the curated data, located by file, line and field, with the guide's section on the rule."""

from dataclasses import dataclass

from cityiso.safe_text import visible

GUIDE = "docs/CURATION.md"

# The guide's section for a field, by the end of its name or its name.
_SECTIONS = (
    (("_as_written", "_inferred_reason", "_inferred_part", "_not_before", "_not_after", "_on", "valid_until"), "dates"),
    (("quote",), "quotes"),
    (("voice",), "voice"),
    (("clause", "clause_basis", "clause_note", "clause_standard_id"), "clauses"),
    (("findings_status", "nonconformities_count"), "findings"),
    (("standard_id", "edition_basis", "edition_reason", "standard_as_written", "family"), "editions"),
    (("file", "url", "kind", "citation"), "sources"),
    (
        (
            "teryt",
            "office_kind",
            "office_id",
            "place",
            "office_name",
            "voivodeship",
            "latitude",
            "longitude",
            "geo_source_id",
        ),
        "offices",
    ),
)


def guide_section(field: str) -> str:
    """The anchor of the guide's section explaining the rules of a field ('' when none fits)."""
    for endings, section in _SECTIONS:
        if field in endings or field.endswith(endings):
            return f"{GUIDE}#{section}"
    return ""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the curated data, located by file, line and field."""

    file: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        """One line: where, what, and the guide's section; invisible and control characters shown escaped."""
        where = self.file if not self.line else f"{self.file}, line {self.line}"
        if self.record:
            where += f" ({self.record})"
        if self.field:
            where += f", field '{self.field}'"
        section = guide_section(self.field)
        # A value quoted from a curated file may carry terminal escapes, bidi overrides or zero-width characters.
        return visible(f"{where}: {self.message}" + (f" (see {section})" if section else ""))
