"""The data package declares the format once: Frictionless agrees with the build, and every code has its labels."""

from pathlib import Path

import frictionless
import pytest

from cityiso.build import build
from cityiso.data.codebook import render
from cityiso.data.descriptor import package
from cityiso.paths import DATA_DIR, ROOT
from tests.fixture_package import write_package
from tests.test_build_validation import CASES


def _frictionless_errors(data: Path) -> list[str]:
    report = frictionless.validate(str(data / "datapackage.json"))
    return [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]


def test_curated_data_passes_frictionless_validate() -> None:
    assert _frictionless_errors(DATA_DIR) == []


def test_fixture_package_passes_frictionless_validate(tmp_path: Path) -> None:
    assert _frictionless_errors(write_package(tmp_path)) == []


# Cases of a declared constraint (type, pattern, enum, range, length, keys): Frictionless, reading only the
# descriptor, rejects them as the build does.
DECLARED = {
    "polish-dotted-date",
    "unknown-event",
    "duplicate-id",
    "malformed-id",
    "unknown-voice",
    "yes-for-boolean",
    "roman-ordinal",
    "latitude-outside-poland",
    "required-empty",
    "very-long-field",
    "malformed-teryt",
    "clause-outside-its-edition",
    "source-path-escapes",
}


@pytest.mark.parametrize("case", [c for c in CASES if c.name in DECLARED], ids=lambda c: c.name)
def test_frictionless_and_the_build_reject_the_same_declared_breaks(tmp_path: Path, case) -> None:
    data = write_package(tmp_path, case.rows)
    assert _frictionless_errors(data), "Frictionless accepted it"
    assert build(data, tmp_path / "db.duckdb"), "the build accepted it"


def test_every_code_has_polish_and_english_labels() -> None:
    for resource in package().resources:
        for field in resource.fields:
            if field.labels:  # coded fields (a voivodeship is a name, not a code)
                labelled = [code for code, pl, en in field.labels if pl and en]
                assert labelled == list(field.enum), f"{resource.name}.{field.name}"


def test_every_field_is_described_in_both_languages() -> None:
    missing = [
        f"{r.name}.{f.name}" for r in package().resources for f in r.fields if not (f.description and f.description_pl)
    ]
    assert missing == []


def test_codebook_is_rendered_from_the_descriptor() -> None:
    """docs/CODEBOOK.md is what `python -m cityiso.data.codebook` writes today."""
    assert (ROOT / "docs" / "CODEBOOK.md").read_text(encoding="utf-8") == render(package()), (
        "regenerate it: .venv/bin/python -m cityiso.data.codebook > docs/CODEBOOK.md"
    )


def test_codebook_example_query_runs(package_con) -> None:
    text = (ROOT / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    sql = text.split("```sql\n", 1)[1].split("```", 1)[0]
    rows = package_con.execute(sql).fetchall()
    assert rows and all(len(r) == 3 for r in rows)
