"""A curator's checklist: what the five documents say, and what the database built from data/ must keep.

Each test names one fact, gap or contradiction of the documents. The rules themselves are in docs/CURATION.md.
"""

import datetime as dt
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


def test_documents_are_polish_office_pages_complete_and_undated(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        f"select distinct language, publisher_type, is_truncated, url, published_on from sources where {IN_SOURCES}"
    ).fetchall()
    # No document states its address or its publication date; none stops mid-sentence.
    assert rows == [("pl", "office", False, None, None)]


# --- Certificates ----------------------------------------------------------------------------------------------


def test_edition_stated_where_the_form_names_it_inferred_only_for_zabrze(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        f"select certificate_id, standard_as_written, edition_basis, standard_id from certificates where {IN_SOURCES} "
        "order by 1"
    ).fetchall()
    assert rows == [
        ("cze-2015-held-2019", "PN-EN ISO 9001:2015-10", "stated", "iso9001-2015"),
        ("cze-2015-new", "PN-EN ISO 9001:2015-10", "stated", "iso9001-2015"),
        ("leg-2009-regranted", "PN-EN ISO 9001:2009", "stated", "iso9001-2008"),
        ("stg-2008-first", "ISO 9001:2008", "stated", "iso9001-2008"),
        ("stg-2015", "ISO 9001:2015", "stated", "iso9001-2015"),
        ("zab-2015-third", "ISO 9001", "inferred", "iso9001-2008"),
    ]
    reason = one(real_con, "select edition_reason from certificates where certificate_id = 'zab-2015-third'")[0]
    assert "September 2015" in reason


def test_czestochowa_two_certificates_kept_apart(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        "select certificate_id, source_id, registration_id from certificates where office_id = 'czestochowa' order by 1"
    ).fetchall()
    assert rows == [("cze-2015-held-2019", "cze-nadal-iso", None), ("cze-2015-new", "cze-nowy-certyfikat", None)]


def test_no_document_ties_certificates_into_one_registration(real_con: duckdb.DuckDBPyConnection) -> None:
    assert one(real_con, f"select count(registration_id) from certificates where {IN_SOURCES}") == (0,)


# --- Events ----------------------------------------------------------------------------------------------------


def test_starogard_30_november_handover_is_undated_bounded_2015_2016(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select event_on, event_on_as_written, event_on_not_before, event_on_not_after, event_on_is_inferred,
                  event_on_inferred_part, body_id
           from events where event_id = 'stg-30-november-handover'""",
    )
    assert row == (None, "w dniu 30 listopada", dt.date(2015, 1, 1), dt.date(2016, 12, 31), True, None, "pihz")
    note = one(real_con, "select note from events where event_id = 'stg-30-november-handover'")[0]
    assert "contradicts" in note


def test_starogard_handover_of_30_september_2016(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con, "select event_on, event_on_precision, kind from events where event_id = 'stg-2016-09-30-handover'"
    )
    assert row == (dt.date(2016, 9, 30), "day", "handover")


def test_starogard_has_events_but_no_findings_reported(real_con: duckdb.DuckDBPyConnection) -> None:
    statuses = real_con.execute(
        "select distinct findings_status from events where office_id = 'starogard-gdanski'"
    ).fetchall()
    assert statuses == [("not_reported",)]
    assert one(real_con, "select count(*) from findings where office_id = 'starogard-gdanski'") == (0,)


def test_zabrze_audit_march_2015_three_good_practices_council_20_april(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        """select e.kind, e.event_on, e.event_on_precision, count(f.finding_id)
           from events e left join findings f using (event_id)
           where e.office_id = 'zabrze' group by all order by e.event_on"""
    ).fetchall()
    assert rows == [
        ("recertification", dt.date(2015, 3, 1), "month", 3),
        ("council_presentation", dt.date(2015, 4, 20), "day", 0),
    ]


def test_czestochowa_2019_audit_inferred_with_eleven_areas(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select event_on, event_on_precision, event_on_is_inferred, units_audited, kind, outcome, findings_status,
                  (select count(*) from audited_units u where u.event_id = e.event_id)
           from events e where event_id = 'cze-2019'""",
    )
    assert row == (dt.date(2019, 1, 1), "year", True, 11, "unspecified", "granted", "reported_partial", 9)


def test_czestochowa_next_audit_planned_october_2020_kind_not_stated(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        "select event_on, event_on_precision, kind, outcome, findings_status from events "
        "where office_id = 'czestochowa' and is_planned",
    )
    assert row == (dt.date(2020, 10, 1), "month", "unspecified", None, "not_applicable")


def test_legionowo_surveillance_undated_eight_items_no_certificate(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select e.kind, e.event_on, e.findings_status, count(f.finding_id),
                  (select count(*) from event_certificates l where l.event_id = e.event_id)
           from events e join findings f using (event_id) where e.event_id = 'leg-surveillance' group by all""",
    )
    assert row == ("surveillance", None, "reported", 8, 0)


def test_every_other_event_concerns_one_certificate_of_its_office(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        f"""select e.event_id, count(l.certificate_id), bool_and(c.office_id = e.office_id)
           from events e left join event_certificates l using (event_id)
           left join certificates c using (certificate_id) where e.{IN_SOURCES} group by all
           order by 1"""
    ).fetchall()
    assert {r[0]: r[1] for r in rows} == {
        "cze-2019": 1, "cze-2020-planned": 1, "cze-recertification": 1, "leg-regranted": 1, "leg-surveillance": 0,
        "stg-2010-first": 1, "stg-2016-09-30-handover": 1, "stg-30-november-handover": 1,
        "zab-2015-03-recertification": 1, "zab-2015-04-20-council": 1,
    }  # fmt: skip
    assert all(r[2] for r in rows if r[1])


def test_no_document_says_anything_about_nonconformities(real_con: duckdb.DuckDBPyConnection) -> None:
    sql = f"select count(nonconformities_count), count(nonconformities_as_written) from events where {IN_SOURCES}"
    assert one(real_con, sql) == (0, 0)
    assert one(real_con, f"select count(*) from findings where kind = 'nonconformity' and {IN_SOURCES}") == (0,)


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
