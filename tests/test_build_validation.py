"""Broken curated files: every problem is named by file, line and field, and the last good database survives."""

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cityiso.build import build, is_stale, main
from cityiso.paths import ROOT


def replace_in(file: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        text = (data / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def append_to(file: str, line: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        with (data / file).open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    return edit


CASES = [
    # (case id, edit, file, line, field, words the message must contain)
    (
        "bad-month",
        replace_in("audits.csv", ",2015-03,W marcu", ",2015-13,W marcu"),
        "audits.csv",
        8,
        "audit_on",
        "not a calendar date",
    ),
    (
        "day-month-year",
        replace_in("audits.csv", ",2016-09-30,W dniu", ",30.09.2016,W dniu"),
        "audits.csv",
        6,
        "audit_on",
        "YYYY-MM-DD",
    ),
    (
        "expiry-before-issue",
        replace_in("certificates.csv", ",2018-04,do kwietnia", ",2014-04,do kwietnia"),
        "certificates.csv",
        6,
        "valid_until",
        "not after issued_on",
    ),
    (
        "quote-not-verbatim",
        replace_in("findings.csv", "bardzo małą liczbę skarg", "bardzo niską liczbę skarg"),
        "findings.csv",
        35,
        "quote",
        "does not occur verbatim",
    ),
    (
        "unknown-theme",
        replace_in("findings.csv", ",auditor,,,public_finance,", ",auditor,,,finance,"),
        "findings.csv",
        5,
        "theme_id",
        "'finance' is not a theme_id in themes.csv",
    ),
    (
        "unknown-kind",
        replace_in("findings.csv", "leg-surveillance,praise,", "leg-surveillance,pochwała,"),
        "findings.csv",
        30,
        "kind",
        "not allowed",
    ),
    (
        "clause-out-of-range",
        replace_in(
            "findings.csv",
            "zab-2015-03-recertification,praise,auditor,6,",
            "zab-2015-03-recertification,praise,auditor,11,",
        ),
        "findings.csv",
        28,
        "clause",
        "outside 4..10",
    ),
    (
        "clause-without-basis",
        replace_in("findings.csv", ",auditor,4,curator,civic", ",auditor,4,,civic"),
        "findings.csv",
        27,
        "clause_basis",
        "required with a clause",
    ),
    (
        "duplicate-id",
        append_to("themes.csv", "it_eservices,Inne,Other,x,y"),
        "themes.csv",
        20,
        "theme_id",
        "used already on line 13",
    ),
    (
        "missing-reference",
        replace_in("audits.csv", "leg-surveillance,legionowo,", "leg-surveillance,legnica,"),
        "audits.csv",
        11,
        "city_id",
        "'legnica' is not a city_id in cities.csv",
    ),
    (
        "boolean",
        replace_in("audits.csv", ",true,,,not_applicable", ",tak,,,not_applicable"),
        "audits.csv",
        3,
        "is_planned",
        "not true or false",
    ),
    (
        "date-not-in-quote",
        replace_in("audits.csv", ",W marcu 2015 roku,", ",W kwietniu 2015 roku,"),
        "audits.csv",
        8,
        "audit_on_as_written",
        "does not stand verbatim in the row's quote",
    ),
    (
        "inferred-without-date",
        replace_in("certificates.csv", ",2015,do 28.05.2018 r.,", ",,do 28.05.2018 r.,"),
        "certificates.csv",
        7,
        "issued_on_inferred_reason",
        "date that is empty",
    ),
    (
        "unknown-standard-form",
        replace_in("certificates.csv", "PN-EN ISO 9001:2009,iso9001-2008,,", "PN-EN ISO 9001:2009,iso9001-2015,,"),
        "certificates.csv",
        7,
        "standard_id",
        "disagrees with standard_forms.csv",
    ),
    (
        "wrong-body-for-quote",
        replace_in("audits.csv", "leg-surveillance,legionowo,,pcbc,", "leg-surveillance,legionowo,,dekra,"),
        "audits.csv",
        11,
        "body_id",
        "names PCBC",
    ),
    (
        "status-without-findings",
        replace_in("audits.csv", ",certificate_granted,reported,zab", ",certificate_granted,none_found,zab"),
        "audits.csv",
        8,
        "findings_status",
        "3 finding(s)",
    ),
    (
        "edition-after-transition",
        replace_in("certificates.csv", ",2018-05-28,do 28.05.2018", ",2019-05-28,do 28.05.2018"),
        "certificates.csv",
        7,
        "valid_until",
        "2018-09-15",
    ),
    (
        "issued-before-edition",
        replace_in("certificates.csv", 'ISO 9001,iso9001-2008,"The text', 'ISO 9001,iso9001-2015,"The text'),
        "certificates.csv",
        6,
        "issued_on",
        "is before ISO 9001:2015 was published (2015-09)",
    ),
    (
        "missing-column",
        replace_in("cities.csv", "city_id,name,", "city_id,nazwa,"),
        "cities.csv",
        1,
        "name",
        "missing from the header",
    ),
    (
        "wrong-field-count",
        append_to("clauses.csv", "11,Dodatkowy"),
        "clauses.csv",
        9,
        "",
        "has 2 fields where the header has 5",
    ),
]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def built(data_copy: Path) -> Path:
    """A good database built from the copy, standing where a broken rebuild would replace it."""
    out = data_copy / "cityiso.duckdb"
    assert build(data_copy, out) == []
    return out


@pytest.mark.parametrize(("edit", "file", "line", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_input_is_named_and_old_database_survives(
    data_copy: Path, built: Path, capsys: pytest.CaptureFixture, edit, file: str, line: int, field: str, words: str
) -> None:
    before = fingerprint(built)
    edit(data_copy)
    assert main(["--data", str(data_copy), "--out", str(built)]) == 1
    err = capsys.readouterr().err
    where = f"data/{file}, line {line}"
    matching = [
        m
        for m in err.splitlines()
        if (m.startswith(where) and f"field '{field}'" in m) or (not field and m.startswith(where))
    ]
    assert matching, f"no message for {where}, field {field!r} in:\n{err}"
    assert any(words in m for m in matching), f"{words!r} not in {matching}"
    assert "was left as it was" in err
    assert fingerprint(built) == before
    assert not list(data_copy.glob(".*.tmp*")), "a temporary database was left behind"


def test_many_problems_are_reported_in_one_run(data_copy: Path, capsys: pytest.CaptureFixture) -> None:
    for case in CASES[:6]:
        case[1](data_copy)
    assert main(["--data", str(data_copy), "--out", str(data_copy / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "6 problem(s)" in err
    assert not (data_copy / "x.duckdb").exists()


def test_command_line_reports_without_traceback(data_copy: Path, tmp_path: Path) -> None:
    CASES[0][1](data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "cityiso.build", "--data", str(data_copy), "--out", str(tmp_path / "x.duckdb")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/audits.csv, line 8 (audit_id=zab-2015-03-recertification), field 'audit_on'" in result.stderr


def test_good_build_reports_what_it_built(data_copy: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data", str(data_copy), "--out", str(data_copy / "ok.duckdb")]) == 0
    assert "4 cities, 6 certificates, 10 audits, 36 findings" in capsys.readouterr().out


def test_rebuild_only_when_data_is_newer(data_copy: Path, built: Path) -> None:
    assert not is_stale(data_copy, built)
    (data_copy / "findings.csv").touch()
    assert is_stale(data_copy, built)
