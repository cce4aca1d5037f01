"""What the five documents say, as the built database must keep it: facts, gaps and contradictions."""

import datetime as dt

import duckdb
import pytest


def one(con: duckdb.DuckDBPyConnection, sql: str, *params) -> tuple:
    rows = con.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_four_offices_in_their_voivodeships(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute("select name, voivodeship, office_type from cities order by name collate pl").fetchall()
    assert rows == [
        ("Częstochowa", "śląskie", "city_hall"),
        ("Legionowo", "mazowieckie", "city_hall"),
        ("Starogard Gdański", "pomorskie", "city_hall"),
        ("Zabrze", "śląskie", "city_hall"),
    ]


def test_zabrze_third_certificate_until_april_2018(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select valid_until, valid_until_precision, cycle_number, body_id, standard_as_written, standard_id,
                  standard_is_inferred, issued_on_is_inferred
           from certificates where city_id = 'zabrze'""",
    )
    assert row == (dt.date(2018, 4, 1), "month", 3, "dekra", "ISO 9001", "iso9001-2008", True, True)


def test_zabrze_audit_in_march_2015_with_three_good_practices(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select a.audit_on, a.audit_on_precision, a.kind, count(f.finding_id)
           from audits a join findings f using (audit_id)
           where a.city_id = 'zabrze' group by all""",
    )
    assert row == (dt.date(2015, 3, 1), "month", "recertification", 3)


def test_legionowo_pn_en_2009_is_iso_9001_2008_with_iqnet(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select c.standard_as_written, s.family, s.edition, c.valid_until, c.valid_until_precision, c.iqnet
           from certificates c join standards s using (standard_id) where c.city_id = 'legionowo'""",
    )
    assert row == ("PN-EN ISO 9001:2009", "ISO 9001", "2008", dt.date(2018, 5, 28), "day", True)


def test_legionowo_surveillance_lists_eight_items_undated(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select a.kind, a.audit_on, a.findings_status, count(*)
           from audits a join findings f using (audit_id) where a.audit_id = 'leg-surveillance' group by all""",
    )
    assert row == ("surveillance", None, "reported", 8)


def test_starogard_handover_without_a_year_stays_undated(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        "select audit_on, audit_on_as_written, body_id from audits where audit_id = 'stg-30-november-handover'",
    )
    assert row == (None, "w dniu 30 listopada", "pihz")


def test_starogard_has_events_but_no_findings_reported(real_con: duckdb.DuckDBPyConnection) -> None:
    statuses = real_con.execute(
        "select distinct findings_status from audits where city_id = 'starogard-gdanski'"
    ).fetchall()
    assert statuses == [("not_reported",)]
    assert one(real_con, "select count(*) from findings where city_id = 'starogard-gdanski'") == (0,)


def test_czestochowa_2019_audit_is_inferred_with_eleven_units(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        """select audit_on, audit_on_precision, is_inferred, units_audited, kind, findings_status,
                  (select count(*) from audited_units u where u.audit_id = a.audit_id)
           from audits a where audit_id = 'cze-2019'""",
    )
    assert row == (dt.date(2019, 1, 1), "year", True, 11, "unspecified", "reported_partial", 9)


def test_czestochowa_next_audit_planned_october_2020(real_con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        real_con,
        "select audit_on, audit_on_precision, is_planned, kind from audits "
        "where city_id = 'czestochowa' and is_planned",
    )
    assert row == (dt.date(2020, 10, 1), "month", True, "planned")


@pytest.mark.parametrize(
    ("clause", "count_heading_coded"),
    [(5, 7), (7, 1), (8, 3), (9, 2), (10, 3)],
)
def test_czestochowa_report_headings_code_its_clauses(
    real_con: duckdb.DuckDBPyConnection, clause: int, count_heading_coded: int
) -> None:
    row = one(
        real_con,
        """select count(*) from findings
           where audit_id = 'cze-recertification' and clause_basis = 'heading' and clause = ?""",
        clause,
    )
    assert row == (count_heading_coded,)


def test_office_priorities_are_not_auditors_praise(real_con: duckdb.DuckDBPyConnection) -> None:
    # Starogard's list of priorities and Zabrze's self-description are the offices' words, not findings.
    hits = real_con.execute(
        "select finding_id from findings where quote ilike '%Przyjazna obsługa%' or quote ilike '%procesowe podejście%'"
    ).fetchall()
    assert hits == []


def test_counts_of_the_curated_evidence(real_con: duckdb.DuckDBPyConnection) -> None:
    counts = one(
        real_con,
        """select (select count(*) from certificates), (select count(*) from audits),
                  (select count(*) from findings where kind = 'praise'),
                  (select count(*) from findings where kind = 'confirmed_conformity')""",
    )
    assert counts == (6, 10, 34, 2)
