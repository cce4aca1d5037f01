"""The researchers' contract, on the fixture package: the tables and columns outside checks query, their keys and
types, and the status_on(as_of, family) macro with the certificates of tests/fixture_package.py."""

import datetime as dt
import hashlib

import duckdb
import pytest

from cityiso.vocabulary import STATUSES
from tests.fixture_package import DOCUMENTS

CONTRACT = {
    "offices": "office_id teryt office_kind place office_name voivodeship latitude longitude source_id quote",
    "certification_bodies": "body_id name short_name",
    "standards": "standard_id family edition transition_ends_on transition_ends_on_precision",
    "sources": "source_id file url title publisher publisher_type published_on published_on_precision retrieved_on "
    "language is_truncated text sha256",
    "certificates": "certificate_id office_id registration_id family standard_id edition_basis body_id "
    "standard_as_written issued_on issued_on_precision issued_on_is_inferred valid_until valid_until_precision "
    "valid_until_is_inferred validity_years iqnet source_id",
    "events": "event_id office_id body_id kind is_planned surveillance_ordinal event_on event_on_precision "
    "event_on_is_inferred units_audited outcome nonconformities_count source_id",
    "event_certificates": "event_id certificate_id",
    "finding_certificates": "finding_id certificate_id",
    "findings": "finding_id event_id office_id kind voice clause_standard_id clause clause_note theme_id text_pl "
    "text_en quote source_id",
    "themes": "theme_id label_pl label_en definition_en",
    "evidence": "evidence_id record_table record_id fields source_id quote is_primary",
    "codes": "domain code label_pl label_en",
    "build_info": "built_at data_sha256 data_version",
}

# The columns whose type a query relies on (dates compare as dates, flags as booleans, counts as numbers).
TYPES = {
    "offices": {"office_id": "VARCHAR", "teryt": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE"},
    "certificates": {
        "certificate_id": "VARCHAR",
        "issued_on": "DATE",
        "issued_on_is_inferred": "BOOLEAN",
        "valid_until": "DATE",
        "validity_years": "INTEGER",
        "iqnet": "BOOLEAN",
        "cycle_number": "INTEGER",
    },
    "events": {
        "event_id": "VARCHAR",
        "event_on": "DATE",
        "is_planned": "BOOLEAN",
        "surveillance_ordinal": "INTEGER",
        "nonconformities_count": "INTEGER",
    },
    "event_certificates": {"event_id": "VARCHAR", "certificate_id": "VARCHAR"},
    "finding_certificates": {"finding_id": "VARCHAR", "certificate_id": "VARCHAR"},
    "findings": {"finding_id": "VARCHAR", "clause": "VARCHAR", "office_id": "VARCHAR"},
    "sources": {"source_id": "VARCHAR", "published_on": "DATE", "retrieved_on": "DATE", "is_truncated": "BOOLEAN"},
    "evidence": {"evidence_id": "VARCHAR", "is_primary": "BOOLEAN"},
}


def column_types(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    return dict(con.execute(f"select column_name, column_type from (describe {relation})").fetchall())


@pytest.mark.parametrize("table", CONTRACT)
def test_contract_columns_exist(package_con: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = set(column_types(package_con, table))  # table name from the list above
    assert set(CONTRACT[table].split()) <= columns


@pytest.mark.parametrize("table", TYPES)
def test_key_columns_have_their_types(package_con: duckdb.DuckDBPyConnection, table: str) -> None:
    types = column_types(package_con, table)
    assert {c: types.get(c) for c in TYPES[table]} == TYPES[table]


def test_evidence_ids_identify_rows(package_con: duckdb.DuckDBPyConnection) -> None:
    """The build derives evidence (a row's own quote, each further source's): one row per evidence_id. The curated
    tables' keys need no such check here: the build refuses a duplicate or empty key (tests/test_build_validation),
    and the column is declared not null."""
    rows, distinct = package_con.execute("select count(*), count(distinct evidence_id) from evidence").fetchone()
    assert rows > 0 and distinct == rows


def test_dates_keep_the_first_day_of_their_period_and_its_precision(package_con: duckdb.DuckDBPyConnection) -> None:
    """'w październiku 2018 r.' is October 2018, 'w 2009 r.' the year 2009: the first day plus its precision."""
    events = package_con.execute(
        "select event_id, event_on, event_on_precision, event_on_is_inferred from events "
        "where event_id in ('tst-surv-2', 'pow-transition', 'pow-planned-surveillance', 'pow-lapse') order by 1"
    ).fetchall()
    assert events == [
        ("pow-lapse", None, None, True),  # known only by bounds: after the expiry, before the text
        ("pow-planned-surveillance", dt.date(2017, 9, 20), "day", True),  # '20 września br.' in a 2017 text
        ("pow-transition", dt.date(2009, 1, 1), "year", False),
        ("tst-surv-2", dt.date(2018, 10, 1), "month", False),
    ]
    assert package_con.execute(
        "select issued_on, issued_on_not_before, issued_on_not_after, issued_on_is_inferred from certificates "
        "where certificate_id = 'pow-14001'"
    ).fetchone() == (None, dt.date(2016, 1, 1), dt.date(2017, 12, 31), True)


def test_findings_carry_their_event_office_and_sources_their_document(package_con: duckdb.DuckDBPyConnection) -> None:
    offices = dict(package_con.execute("select finding_id, office_id from findings").fetchall())
    assert offices == {"tst-f1": "testowo", "tst-f2": "testowo", "tst-f3": "testowo", "pow-f1": "testowo-powiat"}
    file, text, sha256 = package_con.execute(
        "select file, text, sha256 from sources where source_id = 'portal'"
    ).fetchone()
    assert file == "portal.txt"  # the file's name inside data/sources/
    assert text == DOCUMENTS["portal.txt"]
    assert sha256 == hashlib.sha256(DOCUMENTS["portal.txt"].encode("utf-8")).hexdigest()
    assert package_con.execute("select distinct edition from standards order by 1").fetchall() == [
        ("2000",),
        ("2008",),
        ("2014",),
        ("2015",),
    ]


def test_status_on_returns_its_columns_with_their_types(package_con: duckdb.DuckDBPyConnection) -> None:
    types = column_types(package_con, "select * from status_on(date '2018-11-01', 'ISO 9001')")
    assert {c: types.get(c) for c in ("office_id", "certificate_id", "status", "evidence_ids")} == {
        "office_id": "VARCHAR",
        "certificate_id": "VARCHAR",
        "status": "VARCHAR",
        "evidence_ids": "VARCHAR[]",
    }
    assert (types.get("window_start_on"), types.get("window_end_on")) == ("DATE", "DATE")


# On each date, the status of each certificate of the family, as the fixture's sources show it.
STATUS_CASES = [
    # 2005: the county's ISO 9001:2000 certificate of 15 March 2002 states no expiry (approximate, a 3-year
    # cycle, continued by the 2008 certificate of the same registration); the 2009 and 2016 ones are not issued.
    (
        "2005-06-01",
        "ISO 9001",
        {"pow-9001-2000": "valid_approximate", "pow-9001-2008": "no_evidence", "tst-9001": "no_evidence"},
    ),
    # 2012: ISO 9001:2000 ended with its transition (15 Nov 2010); the 2008 certificate runs 2009 to 14.03.2015.
    ("2012-06-01", "ISO 9001", {"pow-9001-2000": "expired", "pow-9001-2008": "valid", "tst-9001": "no_evidence"}),
    # 2018: the city hall's ISO 9001:2015 certificate, 20.09.2016 to 19.09.2019 by exact dates.
    ("2018-11-01", "ISO 9001", {"pow-9001-2000": "expired", "pow-9001-2008": "expired", "tst-9001": "valid"}),
    ("2020-01-01", "ISO 9001", {"pow-9001-2000": "expired", "pow-9001-2008": "expired", "tst-9001": "expired"}),
    # ISO 37120: handed over on 20.09.2016 with no expiry: valid that day, approximate after it, for 3 years.
    ("2016-09-20", "ISO 37120", {"tst-37120": "valid"}),
    ("2017-01-01", "ISO 37120", {"tst-37120": "valid_approximate"}),
    ("2020-01-01", "ISO 37120", {"tst-37120": "no_evidence"}),
    # ISO 14001 issued "w 2016 lub 2017 roku": approximate from 2016; the planned surveillance is no evidence.
    ("2015-06-01", "ISO 14001", {"pow-14001": "no_evidence"}),
    ("2018-01-01", "ISO 14001", {"pow-14001": "valid_approximate"}),
]


@pytest.mark.parametrize(("as_of", "family", "expected"), STATUS_CASES, ids=[f"{c[1]}@{c[0]}" for c in STATUS_CASES])
def test_status_on_a_date(package_con: duckdb.DuckDBPyConnection, as_of: str, family: str, expected: dict) -> None:
    rows = package_con.execute(
        "select certificate_id, status from status_on($as_of::date, $family)", {"as_of": as_of, "family": family}
    ).fetchall()
    assert dict(rows) == expected


def test_status_on_every_family_and_windows(package_con: duckdb.DuckDBPyConnection) -> None:
    rows = package_con.execute(
        "select certificate_id, office_id, status, window_start_on, window_end_on "
        "from status_on(date '2017-01-01', null) order by certificate_id"
    ).fetchall()
    assert rows == [
        ("pow-14001", "testowo-powiat", "valid_approximate", dt.date(2016, 1, 1), dt.date(2020, 12, 31)),
        # ends the day before the next certificate of its registration ("w 2009 r.") starts
        ("pow-9001-2000", "testowo-powiat", "expired", dt.date(2002, 3, 15), dt.date(2008, 12, 31)),
        ("pow-9001-2008", "testowo-powiat", "expired", dt.date(2009, 1, 1), dt.date(2015, 3, 14)),
        ("tst-37120", "testowo", "valid_approximate", dt.date(2016, 9, 20), dt.date(2019, 9, 20)),
        ("tst-9001", "testowo", "valid", dt.date(2016, 9, 20), dt.date(2019, 9, 19)),
    ]
    assert {status for (_, _, status, _, _) in rows} <= set(STATUSES)


def test_status_on_evidence_ids_name_rows_of_evidence(package_con: duckdb.DuckDBPyConnection) -> None:
    evidence = dict(
        package_con.execute(
            "select certificate_id, evidence_ids from status_on(date '2018-11-01', null) order by 1"
        ).fetchall()
    )
    known = {r[0] for r in package_con.execute("select evidence_id from evidence").fetchall()}
    assert {i for ids in evidence.values() for i in ids} <= known
    # The certificate's own quote and the held, dated events on it; a planned event is no evidence.
    assert evidence["tst-9001"] == ["certificates:tst-9001", "events:tst-handover", "events:tst-surv-2"]
    assert evidence["pow-9001-2008"] == [
        "certificates:pow-9001-2008",
        "events:pow-transition",
        "events:pow-recert-2012",
    ]
    assert evidence["pow-14001"] == ["certificates:pow-14001"]
