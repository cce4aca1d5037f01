"""What the build derives without storing a copy, checked against the rows it comes from: the view evidence (every
row's own quote, every further source's) and finding_words (each finding's words as a search reads them); and the
documents the build reads beside the CSV files."""

import json
from pathlib import Path

import duckdb

from cityiso import parquet
from cityiso.build import build, is_stale
from cityiso.data.ddl import EVIDENCE_COLUMNS
from cityiso.data.descriptor import package
from cityiso.data.documents import MAX_DOCUMENT_BYTES
from tests.fixture_package import write_package

FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


def test_evidence_is_a_view_with_the_documented_columns(package_con: duckdb.DuckDBPyConnection) -> None:
    kind = package_con.execute("select table_type from information_schema.tables where table_name = 'evidence'")
    assert kind.fetchone() == ("VIEW",)
    described = [tuple(c[:2]) for c in package_con.execute("describe evidence").fetchall()]
    assert described == [(name, sql_type.upper()) for name, sql_type, _required in EVIDENCE_COLUMNS]


def test_evidence_holds_every_quote_of_every_row(package_con: duckdb.DuckDBPyConnection) -> None:
    """The same rows as the curated tables say, worked out here in Python: a row's own quote as 'table:key', then
    each further source's under its own id."""
    expected = []
    for resource in package().resources:
        if not resource.has_quote or resource.name == "further_evidence":
            continue
        columns = ", ".join([*resource.primary_key, "source_id", "quote"])
        for *key, source_id, quote in package_con.execute(f"select {columns} from {resource.name}").fetchall():
            if source_id is None or quote is None or None in key:
                continue
            record_id = "/".join(key)
            expected.append((f"{resource.name}:{record_id}", resource.name, record_id, None, source_id, quote, True))
    expected += [
        (*row, False)
        for row in package_con.execute(
            "select evidence_id, record_table, record_id, fields, source_id, quote from further_evidence"
        ).fetchall()
    ]
    assert any(not row[-1] for row in expected) and any(row[-1] for row in expected)  # both kinds in the fixture
    assert sorted(package_con.execute("select * from evidence").fetchall(), key=repr) == sorted(expected, key=repr)


def test_parquet_export_declares_the_evidence_columns_that_always_hold_a_value(
    package_db: Path, package_con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    out = tmp_path / "parquet"
    assert parquet.main(["--db", str(package_db), "--out", str(out)]) == 0
    manifest = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in manifest["resources"] if r["name"] == "evidence")
    required = {f["name"] for f in resource["schema"]["fields"] if f.get("constraints", {}).get("required")}
    assert required == {"evidence_id", "record_table", "record_id", "source_id", "quote", "is_primary"}
    assert resource["rows"] == package_con.execute("select count(*) from evidence").fetchone()[0] > 0


def test_finding_words_hold_every_text_of_the_finding_folded(package_con: duckdb.DuckDBPyConnection) -> None:
    """Each finding's texts, quote and theme labels joined by spaces (a missing one left out), lower case with Polish
    diacritics folded: computed here in Python."""
    rows = package_con.execute(
        "select f.finding_id, f.text_pl, f.text_en, f.quote, t.label_pl, t.label_en, fw.haystack "
        "from findings as f join themes as t using (theme_id) join finding_words as fw using (finding_id)"
    ).fetchall()
    assert len(rows) == package_con.execute("select count(*) from findings").fetchone()[0] > 0
    assert any(any(ch in (r[1] or "") for ch in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") for r in rows)  # folding is put to work
    for _finding_id, *parts, haystack in rows:
        assert haystack == " ".join(p for p in parts if p is not None).lower().translate(FOLD)


def test_a_file_in_sources_no_source_names_is_no_problem_yet_an_input(tmp_path: Path) -> None:
    """The build reads every file listed in sources/ (in a thread, beside the CSV files): one no row of sources.csv
    names may be anything (here not UTF-8, with a control character, too large) without a problem, and it still
    counts in the fingerprint."""
    data = write_package(tmp_path)
    (data / "sources" / "unnamed.bin").write_bytes(b"\xff\xfe\x00 not text")
    (data / "sources" / "unnamed-control.txt").write_bytes(b"a\x01b")
    (data / "sources" / "unnamed-large.txt").write_bytes(b"x" * (MAX_DOCUMENT_BYTES + 1))
    out = tmp_path / "cityiso.duckdb"
    assert build(data, out) == []
    assert not is_stale(data, out)
    (data / "sources" / "unnamed.bin").write_bytes(b"\xff\xfe\x00 changed")
    assert is_stale(data, out)
