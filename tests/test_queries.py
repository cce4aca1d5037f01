"""Named queries on small hand-made rows (tests/fixtures.sql): given rows, expected rows."""

import datetime as dt

import duckdb
import pytest

from cityiso.queries import run

BOTH = ["alpha", "beta"]
ALL_FILTERS = dict(
    cities=BOTH, kinds=["praise"], voices=["auditor"], year_from=2000, year_to=2030, include_undated=True
)


def records(df) -> list[dict]:
    return df.astype(object).where(df.notna(), None).to_dict("records")


def test_cities_overview_counts_evidence(fixture_con: duckdb.DuckDBPyConnection) -> None:
    df = run(fixture_con, "cities_overview")
    got = records(
        df[["city_id", "count_certificates", "count_events", "count_audits", "count_praised", "last_event_on"]]
    )
    assert got == [
        # Łódź sorts before Zabrze in Polish order; the planned audit is an event but not a held audit.
        {
            "city_id": "alpha",
            "count_certificates": 1,
            "count_events": 3,
            "count_audits": 2,
            "count_praised": 3,
            "last_event_on": dt.datetime(2018, 1, 1),
        },
        {
            "city_id": "beta",
            "count_certificates": 1,
            "count_events": 1,
            "count_audits": 1,
            "count_praised": 1,
            "last_event_on": None,
        },
    ]


def test_praised_by_clause_counts_and_shares(fixture_con: duckdb.DuckDBPyConnection) -> None:
    df = run(fixture_con, "praised_by_clause", **ALL_FILTERS)
    got = [(r["city_id"], r["clause"], r["count_findings"], round(r["share_of_events"], 4)) for r in records(df)]
    # alpha: event a-2017 has two praised items (clauses 5 and 7), a-2018 one (clause 5):
    # clause 5 share = (1/2 + 1/1) / 2 events = 0.75; clause 7 = (1/2) / 2 = 0.25.
    assert got == [("alpha", 5, 2, 0.75), ("alpha", 7, 1, 0.25), ("beta", None, 1, 1.0)]


@pytest.mark.parametrize(
    ("filters", "expected_ids"),
    [
        ({}, ["f1", "f2", "f3", "f4"]),
        ({"kinds": ["observation"]}, ["f5"]),
        ({"year_from": 2018}, ["f3", "f4"]),
        ({"year_from": 2018, "include_undated": False}, ["f3"]),
        ({"cities": ["beta"]}, ["f4"]),
        ({"voices": ["office"]}, []),
    ],
)
def test_findings_filtered(fixture_con: duckdb.DuckDBPyConnection, filters: dict, expected_ids: list[str]) -> None:
    df = run(fixture_con, "findings_filtered", **{**ALL_FILTERS, **filters})
    assert list(df["finding_id"]) == expected_ids


def test_praised_by_theme(fixture_con: duckdb.DuckDBPyConnection) -> None:
    df = run(fixture_con, "praised_by_theme", **ALL_FILTERS)
    got = [(r["city_id"], r["theme_id"], r["count_findings"]) for r in records(df)]
    assert got == [("alpha", "comm", 2), ("alpha", "it", 1), ("beta", "it", 1)]


@pytest.mark.parametrize(
    ("q", "expected_ids"),
    [
        ("skargi", ["f3"]),  # "Skargi" in the text; case folded
        ("lacza", ["f2"]),  # "Łącza": diacritics folded
        ("komunikacja", ["f1", "f3"]),  # theme label counts
        ("e-services", ["f2"]),
        ("dialog mieszkancami", ["f1"]),  # every word must match
        ("nic takiego", []),
        ("   ", []),
    ],
)
def test_findings_search_folds_polish(fixture_con: duckdb.DuckDBPyConnection, q: str, expected_ids: list[str]) -> None:
    assert list(run(fixture_con, "findings_search", q=q, cities=BOTH)["finding_id"]) == expected_ids


def test_events_in_date_order_with_standard(fixture_con: duckdb.DuckDBPyConnection) -> None:
    df = run(fixture_con, "events", cities=BOTH)
    got = [(r["audit_id"], r["standard"], r["count_findings"]) for r in records(df)]
    assert got == [
        ("a-2017", "ISO 9001:2015", 2),
        ("a-2018", "ISO 9001:2015", 1),
        ("a-plan", "ISO 9001:2015", 0),
        ("b-undated", "ISO 14001:2015", 2),
    ]


def test_certificate_spans_hold_other_families(fixture_con: duckdb.DuckDBPyConnection) -> None:
    df = run(fixture_con, "certificate_spans", cities=BOTH)
    got = [(r["certificate_id"], r["family"], r["first_event_on"], r["last_event_on"]) for r in records(df)]
    # The planned audit is not evidence: cert-a's last event is the 2018 audit.
    assert got == [
        ("cert-a", "ISO 9001", dt.datetime(2017, 3, 1), dt.datetime(2018, 1, 1)),
        ("cert-b", "ISO 14001", None, None),
    ]


def test_unknown_query_name_is_a_clear_error(fixture_con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(KeyError, match="no query named 'nope'"):
        run(fixture_con, "nope")


def test_findings_filters_default_to_every_praised_item() -> None:
    from cityiso.queries import ALL_YEARS, findings_filters

    assert findings_filters(["alpha"]) == {
        "cities": ["alpha"],
        "kinds": ["praise"],
        "voices": ["auditor", "certification_body", "office"],
        "year_from": ALL_YEARS[0],
        "year_to": ALL_YEARS[1],
        "include_undated": True,
    }


def test_findings_filters_feed_the_findings_queries(fixture_con: duckdb.DuckDBPyConnection) -> None:
    from cityiso.queries import findings_filters

    df = run(fixture_con, "findings_filtered", **findings_filters(BOTH, kinds=("praise", "observation")))
    assert list(df["finding_id"]) == ["f1", "f2", "f3", "f4", "f5"]
