"""A curator's checklist: what the five documents say, and what the database built from data/ must keep.

Each test names one fact, gap or contradiction of the documents. The rules themselves are in docs/CURATION.md.
"""

import hashlib
import re
from pathlib import Path

import duckdb
import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# The checks speak of the five seed documents and their offices only: a curator adding a correct document
# breaks none of them.
SEED_SOURCES = ("cze-nadal-iso", "cze-nowy-certyfikat", "stg-iso-2015", "zab-certyfikacja-2015", "leg-certyfikaty-iso")
SEED_OFFICES = ("czestochowa", "legionowo", "starogard-gdanski", "zabrze")
IN_SOURCES = "source_id in ('" + "', '".join(SEED_SOURCES) + "')"
IN_OFFICES = "office_id in ('" + "', '".join(SEED_OFFICES) + "')"


def one(con: duckdb.DuckDBPyConnection, sql: str, *params) -> tuple:
    rows = con.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def document(con: duckdb.DuckDBPyConnection, source_id: str) -> str:
    return one(con, "select text from sources where source_id = ?", source_id)[0]


# --- The checklist a curator keeps without Python ----------------------------------------------------------------


def test_the_data_checklist_holds_and_speaks_of_every_seed_office(real_con: duckdb.DuckDBPyConnection) -> None:
    """data/expectations.csv holds the facts of the documents as rows (checked by every build, so real_db's build
    proves them); a curator adds a fact there, not here."""
    covered = {t for (t,) in real_con.execute("select distinct match from expectations").fetchall()}
    assert {f"office_id={office}" for office in SEED_OFFICES if office != "starogard-gdanski"} <= covered
    assert "office_id=starogard-gdanski" in covered


# --- Offices ---------------------------------------------------------------------------------------------------


def test_teryt_only_where_the_curator_is_sure(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(real_con.execute(f"select office_id, teryt from offices where {IN_OFFICES}").fetchall())
    assert rows == {"czestochowa": "2464011", "zabrze": "2478011", "legionowo": "1408011", "starogard-gdanski": None}
    note = one(real_con, "select note from offices where office_id = 'starogard-gdanski'")[0]
    assert "TERYT not confirmed" in note


def test_both_czestochowa_releases_name_the_office(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        "select source_id, is_primary from evidence where record_table = 'offices' and record_id = 'czestochowa' "
        "order by is_primary desc"
    ).fetchall()
    assert rows == [("cze-nadal-iso", True), ("cze-nowy-certyfikat", False)]


# --- Sources ---------------------------------------------------------------------------------------------------


def test_five_documents_are_the_seeds_byte_for_byte(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(f"select file, seed_file, sha256 from sources where {IN_SOURCES}").fetchall()
    assert len(rows) == 5
    if not SEEDS.is_dir():
        pytest.skip(f"no seed folder at {SEEDS} to compare with")
    for file, seed_file, sha256 in rows:
        assert "/" not in file
        assert hashlib.sha256((SEEDS / seed_file).read_bytes()).hexdigest() == sha256, file


# --- Findings --------------------------------------------------------------------------------------------------


def czestochowa_bullets(text: str) -> list[str]:
    """Each '- ' item of the 2015 report, continuation lines joined, without its closing ';' or '.'."""
    items, current = [], None
    for line in text.splitlines():
        if line.startswith("- "):
            current = [line[2:]]
            items.append(current)
        elif current is not None and line.strip() and not line.startswith("w zakresie") and not line.startswith("Na "):
            current.append(line)
        else:
            current = None
    return [ws(" ".join(item)).rstrip(";.").strip() for item in items]


def test_czestochowa_report_each_bullet_one_finding(real_con: duckdb.DuckDBPyConnection) -> None:
    bullets = czestochowa_bullets(document(real_con, "cze-nowy-certyfikat"))
    assert len(bullets) == 14
    quotes = [ws(q) for (q,) in real_con.execute(
        "select quote from findings where event_id = 'cze-recertification' and kind = 'praise'"
    ).fetchall()]  # fmt: skip
    assert len(quotes) == len(bullets)
    for bullet in bullets:
        holding = [q for q in quotes if q.endswith(bullet) or q.endswith(bullet + ";")]
        assert len(holding) == 1, bullet
    for quote in quotes:
        assert sum(bullet in quote for bullet in bullets) == 1, quote


def test_zabrze_and_legionowo_lists_one_item_one_finding(real_con: duckdb.DuckDBPyConnection) -> None:
    zabrze = [
        ws(line[2:]) for line in document(real_con, "zab-certyfikacja-2015").splitlines() if line.startswith("- ")
    ]
    quotes = [ws(q) for (q,) in real_con.execute("select quote from findings where office_id = 'zabrze'").fetchall()]
    assert sorted(quotes) == sorted(zabrze)
    numbers = real_con.execute(
        "select regexp_extract(quote, '^([0-9])\\)', 1) from findings where event_id = 'leg-surveillance' order by 1"
    ).fetchall()
    assert [n for (n,) in numbers] == [str(n) for n in range(1, 9)]


@pytest.mark.parametrize(("clause", "count", "heading"), [
    ("5", 6, "w zakresie przywództwa"),
    ("7", 1, "w zakresie wsparcia"),
    ("8", 3, "w zakresie działań operacyjnych"),
    ("9", 1, "w zakresie oceny efektów działania"),
    ("10", 3, "w zakresie doskonalenia"),
])  # fmt: skip
def test_czestochowa_report_headings_give_the_clauses(
    real_con: duckdb.DuckDBPyConnection, clause: str, count: int, heading: str
) -> None:
    quotes = real_con.execute(
        """select quote from findings
           where event_id = 'cze-recertification' and clause_basis = 'heading' and clause = ?""",
        [clause],
    ).fetchall()
    assert len(quotes) == count
    assert all(q.startswith(heading + ":") for (q,) in quotes)


def test_every_curator_coded_clause_carries_a_note(real_con: duckdb.DuckDBPyConnection) -> None:
    bare = real_con.execute(
        "select finding_id from findings where clause_basis = 'curator' and coalesce(trim(clause_note), '') = ''"
    ).fetchall()
    assert bare == []
    assert one(real_con, f"select count(*) from findings where clause_basis = 'curator' and {IN_SOURCES}") == (17,)


def test_findings_are_coded_to_the_2015_headings_or_to_none(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        f"select distinct clause_standard_id, clause is null, clause_basis is null from findings where {IN_SOURCES} "
        "order by 1"
    ).fetchall()
    assert rows == [("iso9001-2015", False, False), (None, True, True)]
    uncoded = real_con.execute(
        f"select finding_id from findings where clause is null and {IN_SOURCES} order by 1"
    ).fetchall()
    assert uncoded == [("cze-2019-04",), ("cze-recert-01",), ("leg-surv-07",)]


def test_the_auditors_speak_in_every_finding(real_con: duckdb.DuckDBPyConnection) -> None:
    # Every finding comes from an audit report; no finding was said at a handover by a certification body.
    assert real_con.execute(f"select distinct voice from findings where {IN_SOURCES}").fetchall() == [("auditor",)]
    kinds = real_con.execute(
        f"select distinct e.kind from findings f join events e using (event_id) where f.{IN_SOURCES} order by 1"
    ).fetchall()
    assert kinds == [("recertification",), ("surveillance",), ("unspecified",)]


def test_office_priorities_are_not_auditors_praise(real_con: duckdb.DuckDBPyConnection) -> None:
    # Starogard's list of priorities and Zabrze's self-description are the offices' words, not findings.
    hits = real_con.execute(
        "select finding_id from findings where quote ilike '%Przyjazna obsługa%' or quote ilike '%procesowe podejście%'"
    ).fetchall()
    assert hits == []


# --- Codebook --------------------------------------------------------------------------------------------------


def test_older_editions_clauses_map_onto_the_2015_headings(real_con: duckdb.DuckDBPyConnection) -> None:
    for standard_id in ("iso9001-2000", "iso9001-2008"):
        rows = real_con.execute(
            "select clause, heading_2015 from clauses where standard_id = ? order by clause", [standard_id]
        ).fetchall()
        assert rows == [("4", 4), ("5", 5), ("6", 7), ("7", 8), ("8", 9), ("8.5", 10)]
    assert one(real_con, "select count(*) from clauses where standard_id = 'iso9001-2015'") == (7,)


def test_forms_without_an_edition_name_none(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute("select form from standard_forms where standard_id is null order by form").fetchall()
    assert {("ISO 9001",), ("PN-EN ISO 9001",)} <= set(rows)


def test_every_edition_but_the_latest_has_its_transition_deadline(real_con: duckdb.DuckDBPyConnection) -> None:
    """A curator never adds an edition or a deadline from memory: every edition is in standards.csv, each older one
    with the date its certificates stopped being valid (ISO 37120 excepted: certified outside IAF accreditation,
    its note says no deadline is known), each cited to a reference source."""
    editions = real_con.execute(
        """select family, edition, transition_ends_on is not null, note, source_id from standards
           order by family, edition"""
    ).fetchall()
    latest = {family: edition for family, edition, *_ in editions}
    for family, edition, has_deadline, _note, source_id in editions:
        if edition != latest[family] and family != "ISO 37120":
            assert has_deadline, (family, edition)
        assert source_id.startswith("ref-"), (family, edition)
    assert {f for f, *_ in editions} >= {"ISO 9001", "ISO 14001", "ISO 27001", "ISO 37120", "ISO 37001"}
    assert any("No transition deadline" in (n or "") for f, _e, _d, n, _s in editions if f == "ISO 37120")


def test_the_14001_and_27001_deadlines_are_the_iaf_dates(real_con: duckdb.DuckDBPyConnection) -> None:
    """ISO 14001:1996 until 15 May 2006, 14001:2004 until 15 September 2018 (IAF, with ISO); ISO/IEC 27001:2005 until
    1 October 2015, 27001:2013 until 31 October 2025 (IAF resolution, IAF MD 26)."""
    rows = real_con.execute("select standard_id, strftime(transition_ends_on, '%Y-%m-%d') from standards").fetchall()
    deadlines = dict(rows)
    assert (deadlines["iso14001-1996"], deadlines["iso14001-2004"]) == ("2006-05-15", "2018-09-15")
    assert (deadlines["iso27001-2005"], deadlines["iso27001-2013"]) == ("2015-10-01", "2025-10-31")


# --- Counts ----------------------------------------------------------------------------------------------------


def test_counts_of_the_curated_evidence_of_the_five_documents(real_con: duckdb.DuckDBPyConnection) -> None:
    counts = one(
        real_con,
        f"""select (select count(*) from offices where {IN_OFFICES}),
                  (select count(*) from certificates where {IN_SOURCES}),
                  (select count(*) from events where {IN_SOURCES}),
                  (select count(*) from event_certificates where event_id in (select event_id from events
                      where {IN_SOURCES})),
                  (select count(*) from audited_units where {IN_SOURCES}),
                  (select count(*) from findings where kind = 'praise' and {IN_SOURCES}),
                  (select count(*) from findings where kind = 'confirmed_conformity' and {IN_SOURCES}),
                  (select count(*) from further_evidence where {IN_SOURCES})""",
    )
    assert counts == (4, 6, 10, 9, 9, 32, 2, 1)
