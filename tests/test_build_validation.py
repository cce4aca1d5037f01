"""Broken curated files: every problem is named by file, line and field, all of them in one run, and the last
good database survives. Cases run on the small fixture package of tests/fixture_package.py."""

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cityiso.build import build, is_stale
from tests.fixture_package import build_command, write_package


def cell(table: str, row: int, **values: str) -> Callable:
    """An edit that sets cells of one row of the fixture package."""

    def edit(rows: dict, documents: dict) -> None:
        rows[table][row].update(values)

    return edit


def add_row(table: str, **values: str) -> Callable:
    def edit(rows: dict, documents: dict) -> None:
        rows[table].append(values)

    return edit


def rewrite(file: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """An edit of a written file's bytes (encodings, delimiters, broken CSV)."""

    def edit(data: Path) -> None:
        path = data / file
        path.write_bytes(change(path.read_bytes()))

    return edit


def make_dir(data: Path) -> None:
    (data / "sources" / "portal.txt").unlink()
    (data / "sources" / "portal.txt").mkdir()


def make_link(data: Path) -> None:
    (data / "sources" / "portal.txt").unlink()
    (data / "sources" / "portal.txt").symlink_to("/etc/hostname")


def make_huge(data: Path) -> None:
    with (data / "sources" / "portal.txt").open("ab") as fh:
        fh.truncate(6_000_000)


@dataclass
class Case:
    name: str
    file: str
    line: int
    field: str
    words: str
    rows: Callable | None = None  # edit of the rows before they are written
    files: Callable[[Path], None] | None = None  # edit of the written files


CASES = [
    Case("month-13", "events.csv", 3, "event_on", "not a calendar date", cell("events", 1, event_on="2018-13")),
    Case("polish-dotted-date", "events.csv", 2, "event_on", "YYYY-MM-DD", cell("events", 0, event_on="30.09.2012r.")),
    Case("date-in-words", "events.csv", 2, "event_on", "is not a date", cell("events", 0, event_on="20 września 2016")),
    Case(
        "february-30",
        "certificates.csv",
        2,
        "issued_on",
        "not a calendar date",
        cell("certificates", 0, issued_on="2016-02-30"),
    ),
    Case(
        "inferred-day-of-a-year",
        "events.csv",
        3,
        "event_on_inferred_part",
        "contradicts",
        cell("events", 1, event_on="2018", event_on_inferred_part="day", event_on_inferred_reason="r"),
    ),
    Case(
        "inferred-part-without-reason",
        "events.csv",
        2,
        "event_on_inferred_part",
        "without a reason",
        cell("events", 0, event_on_inferred_part="year"),
    ),
    Case(
        "bounds-reversed",
        "events.csv",
        2,
        "event_on_not_after",
        "before",
        cell(
            "events",
            0,
            event_on="",
            event_on_as_written="w dniu 20 września 2016 r.",
            event_on_not_before="2017",
            event_on_not_after="2016",
            event_on_inferred_reason="r",
        ),
    ),
    Case(
        "date-outside-bounds",
        "events.csv",
        2,
        "event_on",
        "outside its bounds",
        cell("events", 0, event_on_not_before="2017", event_on_inferred_reason="r"),
    ),
    Case(
        "bounds-without-reason",
        "events.csv",
        2,
        "event_on_inferred_reason",
        "required with bounds",
        cell("events", 0, event_on="", event_on_not_before="2015", event_on_not_after="2016"),
    ),
    Case(
        "date-without-words",
        "events.csv",
        2,
        "event_on_as_written",
        "source's own words",
        cell("events", 0, event_on_as_written=""),
    ),
    Case(
        "reason-for-empty-date",
        "certificates.csv",
        3,
        "valid_until_inferred_reason",
        "empty",
        cell("certificates", 1, valid_until_inferred_reason="Three years."),
    ),
    Case(
        "unknown-event",
        "findings.csv",
        2,
        "event_id",
        "is not a event_id in events.csv",
        cell("findings", 0, event_id="nope"),
    ),
    Case("unknown-body", "certificates.csv", 2, "body_id", "not a body_id", cell("certificates", 0, body_id="nobody")),
    Case(
        "duplicate-id",
        "findings.csv",
        3,
        "finding_id",
        "used already on line 2",
        cell("findings", 1, finding_id="tst-f1"),
    ),
    Case("malformed-id", "findings.csv", 2, "finding_id", "is not an id", cell("findings", 0, finding_id="Tst F1")),
    Case("unknown-event-kind", "events.csv", 2, "kind", "is not allowed", cell("events", 0, kind="audit")),
    Case("unknown-voice", "findings.csv", 2, "voice", "is not allowed", cell("findings", 0, voice="auditors")),
    Case("yes-for-boolean", "events.csv", 2, "is_planned", "not true or false", cell("events", 0, is_planned="yes")),
    Case(
        "roman-ordinal",
        "events.csv",
        3,
        "surveillance_ordinal",
        "not a whole number",
        cell("events", 1, surveillance_ordinal="II"),
    ),
    Case("latitude-outside-poland", "offices.csv", 2, "latitude", "outside", cell("offices", 0, latitude="60")),
    Case("required-empty", "findings.csv", 2, "text_pl", "required", cell("findings", 0, text_pl="")),
    Case("very-long-field", "findings.csv", 2, "note", "at most 5000", cell("findings", 0, note="x" * 6000)),
    Case("malformed-teryt", "offices.csv", 2, "teryt", "TERYT", cell("offices", 0, teryt="12-34")),
    Case(
        "quote-not-in-source",
        "findings.csv",
        2,
        "quote",
        "does not occur verbatim",
        cell("findings", 0, quote="zaangażowanie kierownictwa w psucie usług"),
    ),
    Case(
        "quote-passages-out-of-order",
        "findings.csv",
        2,
        "quote",
        "after the passage before it",
        cell("findings", 0, quote="nowoczesne e-usługi [...] zaangażowanie kierownictwa"),
    ),
    Case(
        "written-form-not-in-quote",
        "certificates.csv",
        2,
        "standard_as_written",
        "does not stand verbatim",
        cell("certificates", 0, standard_as_written="ISO 9001:2008"),
    ),
    Case(
        "expiry-before-issue",
        "certificates.csv",
        2,
        "valid_until",
        "not after issued_on",
        cell("certificates", 0, valid_until="2015-01-01"),
    ),
    Case(
        "clause-outside-its-edition",
        "findings.csv",
        2,
        "clause",
        "not a standard_id/clause",
        cell("findings", 0, clause_standard_id="iso9001-2000", clause="5"),
    ),
    Case(
        "curator-clause-without-note", "findings.csv", 2, "clause_note", "required", cell("findings", 0, clause_note="")
    ),
    Case(
        "unknown-edition-with-standard",
        "certificates.csv",
        3,
        "standard_id",
        "must be empty",
        cell("certificates", 1, standard_id="iso37120-2014"),
    ),
    Case(
        "stated-edition-the-form-does-not-name",
        "certificates.csv",
        2,
        "edition_basis",
        "use inferred",
        cell("certificates", 0, standard_id="iso9001-2000", issued_on="2009", valid_until="2010"),
    ),
    Case(
        "planned-event-with-findings",
        "events.csv",
        3,
        "findings_status",
        "planned event",
        cell("events", 1, is_planned="true"),
    ),
    Case(
        "nonconformities-without-words",
        "events.csv",
        3,
        "nonconformities_as_written",
        "required",
        cell("events", 1, nonconformities_as_written=""),
    ),
    Case(
        "ordinal-on-a-handover",
        "events.csv",
        2,
        "surveillance_ordinal",
        "only surveillance",
        cell("events", 0, surveillance_ordinal="1", surveillance_ordinal_as_written="II audyt nadzoru"),
    ),
    Case(
        "same-teryt-and-kind",
        "offices.csv",
        4,
        "teryt",
        "already",
        add_row(
            "offices",
            office_id="testowo-bis",
            teryt="1234011",
            office_kind="city_hall",
            place="Testowo",
            office_name="Urząd Miasta Testowo",
            voivodeship="mazowieckie",
            latitude="52.1",
            longitude="21.0",
            geo_source_id="ref",
            source_id="portal",
            quote="Urząd Miasta Testowo",
        ),
    ),
    Case(
        "quote-names-another-body",
        "events.csv",
        2,
        "body_id",
        "names Polskiej Jednostki Testowej",
        cell("events", 0, body_id=""),
    ),
    Case(
        "reference-with-file",
        "sources.csv",
        5,
        "file",
        "must be empty for a reference",
        cell("sources", 3, file="portal.txt"),
    ),
    Case(
        "evidence-for-missing-row",
        "further_evidence.csv",
        2,
        "record_id",
        "not a row",
        cell("further_evidence", 0, record_id="nope"),
    ),
    Case(
        "evidence-naming-no-table",  # found by test_build_properties: a problem without a message before
        "further_evidence.csv",
        2,
        "record_table",
        "is required but empty",
        cell("further_evidence", 0, record_table=""),
    ),
    Case(
        "evidence-for-unknown-column",
        "further_evidence.csv",
        2,
        "fields",
        "not a column",
        cell("further_evidence", 0, fields="event_date"),
    ),
    Case(
        "source-path-escapes",
        "sources.csv",
        2,
        "file",
        "document's file name",
        cell("sources", 0, file="../../etc/passwd"),
    ),
    Case("source-missing", "sources.csv", 2, "file", "does not exist", cell("sources", 0, file="missing.txt")),
    # A row without its key is named, never a crash when the build files its quote as evidence (hypothesis found it).
    Case("event-without-id", "events.csv", 2, "event_id", "required", cell("events", 0, event_id="")),
    Case("source-is-a-folder", "sources.csv", 2, "file", "is a folder", files=make_dir),
    Case("source-is-a-link", "sources.csv", 2, "file", "is a link", files=make_link),
    Case("source-too-large", "sources.csv", 2, "file", "at most 5 MB", files=make_huge),
    Case(
        "source-not-utf8",
        "sources.csv",
        2,
        "file",
        "not UTF-8",
        files=rewrite("sources/portal.txt", lambda b: b.decode("utf-8").encode("cp1250")),
    ),
    Case(
        "csv-in-cp1250",
        "themes.csv",
        2,
        "",
        "not UTF-8",
        files=rewrite("themes.csv", lambda b: b.decode("utf-8").encode("cp1250")),
    ),
    Case(
        "semicolon-delimiter",
        "themes.csv",
        1,
        "",
        "separated by ';'",
        files=rewrite("themes.csv", lambda b: b.replace(b",", b";")),
    ),
    Case(
        "missing-column",
        "events.csv",
        1,
        "note",
        "missing from the header",
        files=rewrite("events.csv", lambda b: b"\n".join(line.rsplit(b",", 1)[0] for line in b.split(b"\n"))),
    ),
    Case(
        "extra-column",
        "themes.csv",
        1,
        "comment",
        "unknown column",
        files=rewrite("themes.csv", lambda b: b.replace(b"definition_en\n", b"definition_en,comment\n", 1)),
    ),
    Case(
        "row-with-too-few-fields",
        "themes.csv",
        5,
        "",
        "not valid CSV",
        files=rewrite("themes.csv", lambda b: b + b"broken,row\n"),
    ),
    Case(
        "unterminated-quote",
        "themes.csv",
        5,
        "",
        "not valid CSV",
        files=rewrite("themes.csv", lambda b: b + b'x,"unterminated,a,b,c\n'),
    ),
    Case(
        "file-missing",
        "event_certificates.csv",
        0,
        "",
        "file is missing",
        files=lambda data: (data / "event_certificates.csv").unlink(),
    ),
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_package_builds(tmp_path: Path) -> None:
    assert build(write_package(tmp_path), tmp_path / "db.duckdb") == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_broken_input_names_file_line_field(tmp_path: Path, good_db: Path, case: Case) -> None:
    data = write_package(tmp_path / "broken", case.rows)
    if case.files:
        case.files(data)
    before = _sha(good_db)
    problems = build(data, good_db)
    hits = [p for p in problems if p.file == f"data/{case.file}" and p.line == case.line and p.field == case.field]
    assert hits, "\n".join(map(str, problems))
    assert any(case.words in str(p) for p in hits), "\n".join(map(str, hits))
    assert all(p.message and not p.message.startswith("None") for p in problems), "\n".join(map(str, problems))
    assert _sha(good_db) == before, "a failed build replaced the last good database"


def test_every_problem_of_a_run_is_reported_together(tmp_path: Path) -> None:
    def edit(rows: dict, documents: dict) -> None:
        for change in (
            cell("events", 1, event_on="2018-13"),
            cell("findings", 0, voice="auditors"),
            cell("offices", 0, latitude="60"),
        ):
            change(rows, documents)

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    assert {(p.file, p.field) for p in problems} >= {
        ("data/events.csv", "event_on"),
        ("data/findings.csv", "voice"),
        ("data/offices.csv", "latitude"),
    }
    assert not (tmp_path / "db.duckdb").exists()


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    rewrite("themes.csv", lambda b: b"\xef\xbb\xbf" + b)(data)
    assert build(data, tmp_path / "db.duckdb") == []


def test_quote_may_cite_the_page_address(tmp_path: Path) -> None:
    """A date known only from the address is quoted as the address."""
    edit = cell(
        "events",
        1,
        quote="https://testowo.example/2018/10/iso [...] II audyt nadzoru odbył się w "
        "październiku 2018 r. [...] Nie stwierdzono niezgodności.",
        event_on_as_written="2018/10",
    )
    assert build(write_package(tmp_path, edit), tmp_path / "db.duckdb") == []


def test_command_line_reports_without_traceback(tmp_path: Path) -> None:
    data = write_package(tmp_path, cell("events", 1, event_on="2018-13"))
    run = build_command(data, tmp_path / "db.duckdb")
    assert run.returncode == 1
    assert "data/events.csv, line 3 (event_id=tst-surv-2), field 'event_on'" in run.stderr
    assert "docs/CURATION.md#dates" in run.stderr
    assert "Traceback" not in run.stderr
    assert "no database was written" in run.stderr


def test_stale_when_content_changes_even_with_the_same_mtime(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    out = tmp_path / "db.duckdb"
    assert build(data, out) == []
    assert not is_stale(data, out)
    document = data / "sources" / "portal.txt"
    copy = tmp_path / "edited.txt"
    copy.write_text(document.read_text(encoding="utf-8") + " Dopisek.", encoding="utf-8")
    stat = document.stat()
    shutil.copy(copy, document)
    os.utime(document, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as `cp -p` leaves it
    assert is_stale(data, out)


def test_stale_when_a_document_is_deleted(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    out = tmp_path / "db.duckdb"
    assert build(data, out) == []
    (data / "sources" / "body_news.txt").unlink()
    assert is_stale(data, out)


def test_stale_when_the_database_is_garbage(tmp_path: Path) -> None:
    data = write_package(tmp_path)
    out = tmp_path / "db.duckdb"
    out.write_bytes(b"not a database")
    assert is_stale(data, out)


def test_temporary_files_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "db.duckdb"
    leftover = tmp_path / ".db.duckdb.999999999.tmp"
    leftover.write_bytes(b"half a database")
    (tmp_path / ".db.duckdb.999999999.tmp.wal").write_bytes(b"")
    assert build(write_package(tmp_path), out) == []
    assert not leftover.exists()
    assert not (tmp_path / ".db.duckdb.999999999.tmp.wal").exists()


def test_a_quote_says_where_it_stops_matching(tmp_path: Path) -> None:
    """A quote that differs from its document by one character says where: the position, the passage matched just
    before, and the differing characters of each, invisible ones escaped."""
    problems = build(
        write_package(tmp_path, cell("findings", 0, quote="zaangażowanie kierownictwa\u200bw doskonalenie usług")),
        tmp_path / "db.duckdb",
    )
    (problem,) = [p for p in problems if p.field == "quote"]
    assert "matches up to character 27 of the passage" in problem.message
    assert "…'zaangażowanie kierownictwa'" in problem.message
    assert "the quote has '\\u200bw doskonalenie'" in problem.message
    assert "the document has ' w doskonalenie'" in problem.message
    assert "\u200b" not in str(problem)


def test_a_cause_repeated_in_many_quotes_is_said_once_with_its_count(tmp_path: Path) -> None:
    """Typographic apostrophes typed for the document's plain ones in three quotes: each row is named, and the cause
    once, with the count."""

    def edit(tables: dict, documents: dict) -> None:
        documents["portal.txt"] += "\nUrząd 'A' działa. Urząd 'B' działa. Urząd 'C' działa."
        for i, letter in enumerate("ABC"):
            tables["findings"][i].update(source_id="portal", quote=f"Urząd ‘{letter}' działa.")

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    rows = [p for p in problems if p.field == "quote" and p.line]
    summary = [p for p in problems if p.field == "quote" and not p.line]
    assert len(rows) == 3
    assert [(p.file, p.message[:2]) for p in summary] == [("data/findings.csv", "3 ")]
    assert "'‘'" in summary[0].message and "'''" in summary[0].message


@pytest.mark.parametrize("field", ["voivodeship", "latitude", "longitude", "geo_source_id", "office_name", "teryt"])
def test_a_problem_with_an_office_links_to_the_guide(field: str) -> None:
    from cityiso.data.problems import Problem

    assert str(Problem("data/offices.csv", 3, "office_id=x", field, "is required")).endswith(
        "(see docs/CURATION.md#offices)"
    )


def test_a_document_that_cannot_be_read_is_named_with_why(tmp_path: Path, good_db: Path, monkeypatch) -> None:
    """A document the build may not read (here its read fails as a permission would; the tests run as root) is a
    problem of that document, named with the row that cites it, not a database that 'cannot be written'."""
    from cityiso.data import documents

    data = write_package(tmp_path / "unreadable")
    victim = sorted((data / "sources").iterdir())[0]

    def refusing_open(path, *args, **kwargs):
        if Path(path).name == victim.name:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(documents, "open", refusing_open, raising=False)
    before = _sha(good_db)
    problems = build(data, good_db)
    assert problems, "the build went through without the document"
    assert any(victim.name in str(p) and "cannot be read (Permission denied)" in str(p) for p in problems), problems
    assert not any("cannot be written" in str(p) for p in problems), problems
    assert _sha(good_db) == before


def test_a_document_name_the_disk_refuses_is_named_with_why(tmp_path: Path, good_db: Path) -> None:
    """A file name longer than the disk allows (it fits the schema's pattern) is a problem of its sources.csv row,
    not a database that 'cannot be written'."""
    long_name = "a" * 300 + ".txt"

    def edit(rows: dict, documents: dict) -> None:
        rows["sources"][0]["file"] = long_name

    data = write_package(tmp_path / "long", edit)
    before = _sha(good_db)
    problems = build(data, good_db)
    hits = [p for p in problems if p.file == "data/sources.csv" and p.field == "file"]
    assert any("cannot be read (File name too long)" in str(p) for p in hits), "\n".join(map(str, problems))
    assert not any("cannot be written" in str(p) for p in problems), "\n".join(map(str, problems))
    assert not any("check its permissions" in str(p) for p in hits)  # the advice is for permissions only
    assert _sha(good_db) == before
