"""The curated data's own checklist (expectations.csv), on the fixture package: a fact that holds passes, one that does
not is named by file, line and field with the sentence it says, and a row can only ask, never reach further."""

from pathlib import Path

import pytest

from cityiso.build import build
from cityiso.data.expectations import parse_pairs
from tests.fixture_package import write_package


def with_expectations(*rows: dict):
    def edit(tables: dict, documents: dict) -> None:
        tables["expectations"] = [dict(row, expectation_id=f"e{i}") for i, row in enumerate(rows, 1)]

    return edit


def problems(tmp_path: Path, *rows: dict) -> list[tuple[str, int, str, str]]:
    found = build(write_package(tmp_path, with_expectations(*rows)), tmp_path / "db.duckdb")
    return [(p.file, p.line, p.field, p.message) for p in found]


COUNTY = dict(says="The county office's first certificate.", record_table="certificates")


def test_facts_that_hold_build(tmp_path: Path) -> None:
    assert (
        problems(
            tmp_path,
            dict(COUNTY, match="certificate_id=pow-9001-2000", count="1", expect="issued_on=2002-03-15; body_id=tuv-t"),
            dict(
                COUNTY, match="office_id=testowo-powiat; family=ISO 9001", count="2", expect="registration_id=pow-qms"
            ),
            dict(COUNTY, match="certificate_id=pow-9001-2008", expect="issued_on_precision=year; iqnet="),
        )
        == []
    )


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        (dict(COUNTY, match="certificate_id=pow-9001-2000", expect="issued_on=2002-03-16"), "expect", "2002-03-15"),
        (dict(COUNTY, match="office_id=testowo-powiat", count="4"), "count", "3 certificates row(s)"),
        (dict(COUNTY, match="certificate_id=nowhere"), "match", "no certificates row matches"),
        (dict(COUNTY, match="nowhere=x"), "match", "'nowhere' is not a column"),
        (dict(COUNTY, match="certificate_id=pow-9001-2000", expect="body_id"), "expect", "is not column=value"),
        (dict(COUNTY, record_table="pg_catalog"), "record_table", "not a table of the data package"),
        (dict(COUNTY, expect="quote~=co roku"), "expect", "containing 'co roku'"),
        (dict(COUNTY, match="quote~=2002"), "match", "is for expect"),
    ],
)
def test_a_fact_that_does_not_hold_is_named(tmp_path: Path, row: dict, field: str, words: str) -> None:
    row = {"match": "certificate_id=pow-9001-2000", **row}
    ((file, line, found_field, message),) = problems(tmp_path, row)
    assert (file, line, found_field) == ("data/expectations.csv", 2, field)
    assert words in message


def test_a_value_is_a_parameter_never_sql(tmp_path: Path) -> None:
    """A value holding SQL is compared as text: it matches nothing and runs nothing."""
    row = dict(COUNTY, match="certificate_id=x' or '1'='1")
    ((_file, _line, field, message),) = problems(tmp_path, row)
    assert field == "match" and "no certificates row matches" in message


def test_pairs_read_empty_values_as_empty_cells() -> None:
    assert parse_pairs("a=1; b=; c = x y ") == [("a", "1"), ("b", None), ("c", "x y")]
