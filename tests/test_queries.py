"""Named queries on small hand-made v2 rows (tests/fixtures.sql): given rows, expected rows."""

import datetime as dt

import duckdb
import pandas as pd
import pytest

from cityiso.queries import ALL_YEARS, findings_filters, run
from cityiso.vocabulary import FINDING_KINDS, VOICES
from tests.conftest import fixture_database

ALL = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
BOTH = ["alpha", "beta"]
ALL_FILTERS = dict(
    offices=BOTH,
    kinds=["praise"],
    voices=["auditor"],
    year_from=2000,
    year_to=2030,
    include_undated=True,
    family=None,
)


LATER = dt.date(2030, 1, 1)  # after every event of the fixture


def records(df) -> list[dict]:
    return df.astype(object).where(df.notna(), None).to_dict("records")


def status(con: duckdb.DuckDBPyConnection, as_of: str, family: str | None = "ISO 9001") -> dict[str, str]:
    df = run(con, "office_status_on_date", as_of=dt.date.fromisoformat(as_of), family=family)
    return dict(zip(df["office_id"], df["status"], strict=True))


def certificate_status(con: duckdb.DuckDBPyConnection, as_of: str, family: str | None = None) -> dict[str, str]:
    rows = con.execute(
        "select certificate_id, status from status_on($as_of, $family)",
        {"as_of": dt.date.fromisoformat(as_of), "family": family},
    ).fetchall()
    return dict(rows)


# Status on a date: the rules in the header of queries/schema.sql.


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2002-06-14", "no_evidence"),  # before the issue date
        ("2002-06-15", "valid_approximate"),
        ("2005-06-15", "valid_approximate"),  # three years after the issue date
        ("2005-06-16", "no_evidence"),  # past all evidence: never 'valid' (v1 showed it valid until 2010)
        ("2009-01-01", "no_evidence"),
        ("2011-01-01", "expired"),  # after the ISO 9001:2000 transition deadline
    ],
)
def test_issue_date_alone_is_approximate_for_three_years_then_no_evidence(fixture_con, as_of, expected) -> None:
    assert status(fixture_con, as_of)["gamma"] == expected


def test_issue_date_alone_is_never_valid(fixture_con) -> None:
    days = pd.date_range("2002-01-01", "2012-01-01", freq="MS")
    assert "valid" not in {status(fixture_con, d.date().isoformat())["gamma"] for d in days}


def test_office_with_only_iso_14001_is_not_counted_in_iso_9001(fixture_con) -> None:
    assert status(fixture_con, "2017-07-01")["beta"] == "no_evidence"
    assert status(fixture_con, "2017-07-01", "ISO 14001")["beta"] == "valid"
    iso9001 = run(fixture_con, "office_status_on_date", as_of=dt.date(2017, 7, 1), family="ISO 9001")
    assert iso9001.loc[iso9001["office_id"] == "beta", "certificate_id"].isna().all()


def test_status_on_date_is_the_best_certificate_of_the_family(fixture_con) -> None:
    assert status(fixture_con, "2017-07-01") == {
        "alpha": "valid",
        "beta": "no_evidence",
        "gamma": "expired",
        "delta": "valid_approximate",
        "epsilon": "valid",  # edition unknown, still in its family
        "zeta": "suspended",
    }


def test_status_rows_carry_their_evidence(fixture_con) -> None:
    df = run(fixture_con, "office_status_on_date", as_of=dt.date(2017, 7, 1), family="ISO 9001")
    alpha = df[df["office_id"] == "alpha"].iloc[0]
    assert list(alpha["evidence_ids"]) == ["certificates:cert-a", "events:a-2017", "events:a-2018"]
    assert alpha["standard"] == "ISO 9001:2015"


def test_status_on_macro_returns_one_row_per_certificate_of_the_family(fixture_con) -> None:
    df = fixture_con.execute("select * from status_on(date '2017-07-01', 'ISO 9001') order by certificate_id").df()
    assert list(df.columns) == [
        "office_id",
        "certificate_id",
        "family",
        "standard_id",
        "status",
        "window_start_on",
        "window_end_on",
        "sure_start_on",
        "sure_end_on",
        "definitive_end_on",
        "end_reason",
        "evidence_ids",
    ]
    assert list(df["certificate_id"]) == ["cert-a", "cert-d1", "cert-d2", "cert-e", "cert-g", "cert-z"]
    every = fixture_con.execute("select count(*) from status_on(date '2017-07-01', null)").fetchone()
    assert every == (9,)


def test_edition_unknown_certificate_gets_a_status_in_its_family(fixture_con) -> None:
    assert certificate_status(fixture_con, "2018-01-01", "ISO 9001")["cert-e"] == "valid"
    assert certificate_status(fixture_con, "2020-03-01", "ISO 9001")["cert-e"] == "expired"


def test_registration_over_two_editions_has_no_false_gap(fixture_con) -> None:
    months = pd.date_range("2003-07-01", "2018-08-01", freq="MS")
    gaps = [d.date() for d in months if status(fixture_con, d.date().isoformat())["delta"] == "no_evidence"]
    assert gaps == []
    assert status(fixture_con, "2018-10-01")["delta"] == "expired"  # the ISO 9001:2008 transition deadline


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2017-06-01", "valid"),
        ("2017-06-10", "suspended"),  # the suspension, on its day
        ("2017-08-31", "suspended"),
        ("2017-09-01", "valid"),  # a later held audit maintained it
        ("2018-02-28", "valid"),
        ("2018-03-01", "lapsed"),  # the lapse event ends it on its date
        ("2025-01-01", "lapsed"),
    ],
)
def test_suspension_and_lapse(fixture_con, as_of: str, expected: str) -> None:
    assert certificate_status(fixture_con, as_of)["cert-z"] == expected


def test_withdrawal(fixture_con) -> None:
    assert certificate_status(fixture_con, "2016-05-31", "ISO 14001")["cert-z14"] == "valid_approximate"
    assert certificate_status(fixture_con, "2016-06-01", "ISO 14001")["cert-z14"] == "withdrawn"
    assert status(fixture_con, "2016-07-01", "ISO 14001")["zeta"] == "withdrawn"


def test_inferred_dates_give_only_approximate_validity(fixture_con) -> None:
    # cert-a: issued "2016" (the year), so validity is sure only from the end of 2016.
    assert certificate_status(fixture_con, "2016-06-01")["cert-a"] == "valid_approximate"
    assert certificate_status(fixture_con, "2017-01-02")["cert-a"] == "valid"
    assert certificate_status(fixture_con, "2019-06-01")["cert-a"] == "expired"


def test_certificate_windows_stop_at_the_transition_deadline(fixture_con) -> None:
    got = fixture_con.execute(
        "select window_end_on, definitive_end_on, ended_by from certificate_windows where certificate_id = 'cert-d1'"
    ).fetchone()
    assert got == (dt.date(2010, 11, 15), dt.date(2010, 11, 15), "expired")


# Offices, events, certificates.


def test_offices_overview_counts_one_family(fixture_con) -> None:
    df = run(fixture_con, "offices_overview", family="ISO 9001")
    got = {
        r["office_id"]: (r["count_certificates"], r["count_events"], r["count_audits"], r["count_praised"])
        for r in records(df)
    }
    # alpha: the planned audit is an event but not a held audit; praise by the body or the office is not counted.
    assert got["alpha"] == (1, 3, 2, 3)
    assert got["beta"] == (0, 0, 0, 0)  # only ISO 14001
    assert got["zeta"] == (1, 3, 1, 0)  # the ISO 14001 withdrawal is not an ISO 9001 event
    assert list(df["place"]) == ["Elbląg", "Gniezno", "Kalisz", "Łódź", "Zabrze", "Zamość"]
    assert run(fixture_con, "offices_overview", family="ISO 14001").set_index("office_id")["count_certificates"][
        "beta"
    ] == (1)


def test_selection_totals_sum_the_offices_of_the_overview(fixture_con) -> None:
    """The deck's title slide counts what the overview's rows of the chosen offices hold, for one family."""
    totals = records(run(fixture_con, "selection_totals", offices=["alpha", "zeta"], family="ISO 9001"))
    assert totals == [
        {"count_offices": 2, "count_certificates": 2, "count_events": 6, "count_audits": 3, "count_praised": 3}
    ]
    # beta holds only ISO 14001: a family it has no evidence of counts the office and nothing else.
    assert records(run(fixture_con, "selection_totals", offices=["beta"], family="ISO 9001")) == [
        {"count_offices": 1, "count_certificates": 0, "count_events": 0, "count_audits": 0, "count_praised": 0}
    ]
    every = run(fixture_con, "offices_overview", family=None)
    assert (
        run(fixture_con, "selection_totals", family=None)["count_certificates"][0] == every["count_certificates"].sum()
    )


def test_families_with_certificates_first(fixture_con) -> None:
    df = run(fixture_con, "families")
    assert records(df) == [
        {"family": "ISO 9001", "count_certificates": 6},
        {"family": "ISO 14001", "count_certificates": 2},
        {"family": "ISO 37120", "count_certificates": 1},
    ]


def test_events_in_date_order_with_their_certificates(fixture_con) -> None:
    df = run(fixture_con, "events", offices=BOTH, family=None)
    got = [(r["event_id"], list(r["certificate_ids"]), r["standards"], r["count_findings"]) for r in records(df)]
    assert got == [
        ("a-2017", ["cert-a", "cert-a37"], "ISO 37120:2014, ISO 9001:2015", 3),
        ("a-2018", ["cert-a"], "ISO 9001:2015", 2),
        ("a-plan", ["cert-a"], "ISO 9001:2015", 0),
        ("b-undated", ["cert-b"], "ISO 14001:2015", 2),
    ]


def test_planned_event_keeps_its_kind(fixture_con) -> None:
    df = run(fixture_con, "events", offices=["alpha"], family="ISO 9001").set_index("event_id")
    assert (df.loc["a-plan", "kind"], bool(df.loc["a-plan", "is_planned"])) == ("surveillance", True)


def test_event_on_two_certificates_appears_for_both(fixture_con) -> None:
    df = run(fixture_con, "events_by_certificate", offices=["alpha"], family=None)
    assert sorted(df.loc[df["event_id"] == "a-2017", "certificate_id"]) == ["cert-a", "cert-a37"]
    iso9001 = run(fixture_con, "events", offices=["alpha"], family="ISO 9001")["event_id"].tolist()
    iso37120 = run(fixture_con, "events", offices=["alpha"], family="ISO 37120")["event_id"].tolist()
    assert "a-2017" in iso9001 and iso37120 == ["a-2017"]


def test_certificate_spans_of_a_family(fixture_con) -> None:
    df = run(fixture_con, "certificate_spans", offices=ALL, family="ISO 9001")
    got = {
        r["certificate_id"]: (r["standard"], r["first_event_on"], r["last_event_on"], r["is_open"]) for r in records(df)
    }
    # The planned audit is not evidence: cert-a's last event is the 2018 audit.
    assert got["cert-a"] == ("ISO 9001:2015", dt.datetime(2017, 3, 1), dt.datetime(2018, 1, 1), False)
    assert got["cert-e"] == ("ISO 9001", None, None, False)  # edition unknown
    assert got["cert-z"][3] is False
    assert set(got) == {"cert-a", "cert-d1", "cert-d2", "cert-e", "cert-g", "cert-z"}
    other = run(fixture_con, "certificate_spans", offices=["alpha"], family="ISO 37120")
    assert records(other[["certificate_id", "is_open", "window_end_on"]]) == [
        {"certificate_id": "cert-a37", "is_open": True, "window_end_on": dt.datetime(2020, 3, 31)}
    ]


def test_edition_transitions(fixture_con) -> None:
    df = run(fixture_con, "edition_transitions", family="ISO 9001")
    assert list(df["standard"]) == ["ISO 9001:2000", "ISO 9001:2008"]
    assert run(fixture_con, "edition_transitions", family="ISO 14001").empty


def test_audits_per_year_of_a_family(fixture_con) -> None:
    df = run(fixture_con, "audits_per_year", offices=["alpha", "zeta"], family="ISO 9001", as_of=LATER)
    assert records(df) == [{"year": 2017, "count_audits": 2}, {"year": 2018, "count_audits": 1}]


def test_yearly_counts_and_the_headline_stop_at_the_as_of_date(fixture_con) -> None:
    """At the end of 2017 the 2018 audit and its praised item have not happened: no chart or headline counts them."""
    end_2017 = dt.date(2017, 12, 31)
    audits = run(fixture_con, "audits_per_year", offices=["alpha", "zeta"], family="ISO 9001", as_of=end_2017)
    assert records(audits) == [{"year": 2017, "count_audits": 2}]
    praised = run(fixture_con, "praised_per_year_by_clause", offices=["alpha"], family=None, as_of=end_2017)
    assert praised["count_praised"].sum() == 2 and set(praised["year"]) == {2017}
    head = lambda day: run(fixture_con, "national_headline", offices=["alpha"], family=None, as_of=day).iloc[0]  # noqa: E731
    assert (head(end_2017)["count_audits"], head(end_2017)["count_praised"]) == (1, 2)
    assert (head(LATER)["count_audits"], head(LATER)["count_praised"]) == (2, 3)


# Findings: the auditors' voice by default, clauses counted under their ISO 9001:2015 heading.


def test_praised_by_clause_counts_and_shares(fixture_con) -> None:
    df = run(fixture_con, "praised_by_category", category="clause", **ALL_FILTERS)
    got = [(r["office_id"], r["category"], r["count_findings"], round(r["share_of_events"], 4)) for r in records(df)]
    # alpha: event a-2017 has two items the auditors praised (5, and 7.1.6 under heading 7), a-2018 one
    # (ISO 9001:2008 5.1 under heading 5): heading 5 share = (1/2 + 1/1) / 2 events = 0.75; 7 = (1/2) / 2.
    assert got == [("alpha", "5", 2, 0.75), ("alpha", "7", 1, 0.25), ("beta", None, 1, 1.0)]
    assert list(df["category_en"][:2]) == ["Leadership", "Support"]


def test_certification_body_voice_is_not_in_the_default_auditor_counts(fixture_con) -> None:
    default = run(fixture_con, "praised_by_category", category="clause", **findings_filters(["alpha"]))
    assert default.set_index("category")["count_findings"].to_dict() == {"5": 2, "7": 1}  # f6 (the body) left out
    every_voice = findings_filters(["alpha"], voices=("auditor", "certification_body", "office", "press"))
    by_clause = run(fixture_con, "praised_by_category", category="clause", **every_voice)
    assert by_clause["count_findings"].sum() == 5
    per_year = run(fixture_con, "praised_per_year_by_clause", offices=["alpha"], family=None, as_of=LATER)
    assert per_year["count_praised"].sum() == 3


@pytest.mark.parametrize(
    ("filters", "expected_ids"),
    [
        ({}, ["f1", "f2", "f3", "f4"]),
        ({"kinds": ["observation"]}, ["f5"]),
        ({"year_from": 2018}, ["f3", "f4"]),
        ({"year_from": 2018, "include_undated": False}, ["f3"]),
        ({"offices": ["beta"]}, ["f4"]),
        ({"voices": ["office"]}, ["f7"]),
        ({"voices": ["certification_body"]}, ["f6"]),
        ({"voices": ["press"]}, []),
        ({"family": "ISO 14001"}, ["f4"]),
        ({"family": "ISO 37120"}, ["f1", "f2"]),
    ],
)
def test_findings_filtered(fixture_con, filters: dict, expected_ids: list[str]) -> None:
    df = run(fixture_con, "findings_filtered", **{**ALL_FILTERS, **filters})
    assert list(df["finding_id"]) == expected_ids


def test_findings_keep_the_clause_as_coded(fixture_con) -> None:
    df = run(fixture_con, "findings_filtered", **ALL_FILTERS).set_index("finding_id")
    assert (df.loc["f3", "clause"], df.loc["f3", "clause_standard_id"], df.loc["f3", "clause_as_coded"]) == (
        5,
        "iso9001-2008",
        "5.1",
    )


def test_praised_by_theme(fixture_con) -> None:
    df = run(fixture_con, "praised_by_category", category="theme", **ALL_FILTERS)
    got = [(r["office_id"], r["category"], r["count_findings"]) for r in records(df)]
    assert got == [("alpha", "comm", 2), ("alpha", "it", 1), ("beta", "it", 1)]
    assert df["category_en"].notna().all()  # each theme by its own label


def test_yearly_praise_by_heading(fixture_con) -> None:
    df = run(fixture_con, "praised_per_year_by_clause", offices=BOTH, family="ISO 9001", as_of=LATER)
    assert [(r["year"], r["clause"], r["count_praised"]) for r in records(df)] == [
        (2017, 5, 1),
        (2017, 7, 1),
        (2018, 5, 1),
    ]


@pytest.mark.parametrize(
    ("q", "expected_ids"),
    [
        ("skargi", ["f3"]),  # "Skargi" in the text; case folded
        ("lacza", ["f2"]),  # "Łącza": diacritics folded
        ("komunikacja", ["f1", "f3", "f6"]),  # theme label counts
        ("e-services", ["f2", "f7"]),
        ("dialog mieszkancami", ["f1"]),  # every word must match
        ("nic takiego", []),
    ],
)
def test_findings_page_search_folds_polish(fixture_con, q: str, expected_ids: list[str]) -> None:
    """The findings table's search (findings_page's $q) over every kind and voice of the two offices' findings."""
    params = findings_filters(BOTH, kinds=FINDING_KINDS, voices=VOICES, years=(1900, 2100))
    df = run(fixture_con, "findings_page", **params, clause_keys=None, theme_keys=None, q=q, limit=100, offset=0)
    assert sorted(df["finding_id"]) == expected_ids


@pytest.mark.parametrize("q", [None, "", "  ", "?!", " - … „” "])
def test_a_search_without_a_letter_or_digit_narrows_nothing(fixture_con, q: str | None) -> None:
    """Such a search holds no word to look for (search_stems keeps none), so findings_page takes the short way of no
    search (findings_not_narrowed), not the scan of every finding's words, and shows what no search shows."""
    assert fixture_con.execute("select findings_not_narrowed(null, null, ?)", [q]).fetchone()[0] is True
    params = findings_filters(BOTH, kinds=FINDING_KINDS, voices=VOICES, years=(1900, 2100))
    page = run(fixture_con, "findings_page", **params, clause_keys=None, theme_keys=None, q=q, limit=100, offset=0)
    unsearched = run(
        fixture_con, "findings_page", **params, clause_keys=None, theme_keys=None, q=None, limit=100, offset=0
    )
    pd.testing.assert_frame_equal(page, unsearched)


@pytest.mark.parametrize("q", ["a", "Ł", "7", "?ą!"])
def test_a_search_with_a_letter_or_digit_narrows(fixture_con, q: str) -> None:
    assert fixture_con.execute("select findings_not_narrowed(null, null, ?)", [q]).fetchone()[0] is False


# Codebook, sources, build.


def test_clauses_of_every_edition_with_their_2015_heading(fixture_con) -> None:
    df = run(fixture_con, "clauses")
    assert [(r["standard_id"], r["clause"], r["heading_2015"]) for r in records(df)] == [
        ("iso9001-2008", "5.1", 5),
        ("iso9001-2015", "5", 5),
        ("iso9001-2015", "7", 7),
        ("iso9001-2015", "7.1.6", 7),
    ]


def test_themes_codes_and_data_info(fixture_con) -> None:
    assert list(run(fixture_con, "themes").columns) == [
        "theme_id",
        "label_pl",
        "label_en",
        "definition_pl",
        "definition_en",
    ]
    # The codes table is the researchers' (tests/test_contract.py): no page runs a query of its own on it.
    assert ("findings.voice", "auditor") in set(fixture_con.execute("select domain, code from codes").fetchall())
    info = records(run(fixture_con, "data_info"))[0]
    assert (info["data_version"], info["count_documents"], info["first_event_on"]) == (
        "2.0.0",
        2,
        dt.datetime(2004, 6, 1),
    )


def test_sources_overview_describes_each_source(fixture_con) -> None:
    df = run(fixture_con, "sources_overview", kind=None, q=None, limit=100, offset=0).set_index("source_id")
    a, b = df.loc["src-a"], df.loc["src-b"]
    assert (a["url"], a["publisher"], a["publisher_type"], a["published_on_precision"], a["language"]) == (
        "https://lodz.example/iso",
        "UMŁ",
        "office",
        "month",
        "pl",
    )
    assert bool(b["is_truncated"]) and not bool(a["is_truncated"])
    assert (a["count_certificates"], a["count_events"], a["count_findings"]) == (8, 12, 5)


def test_unknown_query_name_is_a_clear_error(fixture_con) -> None:
    with pytest.raises(KeyError, match="no query named 'nope'"):
        run(fixture_con, "nope")


def test_findings_filters_default_to_what_the_auditors_praised() -> None:
    assert findings_filters(["alpha"]) == {
        "offices": ["alpha"],
        "voivodeships": None,
        "office_kinds": None,
        "search": None,
        "size_classes": None,
        "kinds": ["praise"],
        "voices": ["auditor"],
        "year_from": ALL_YEARS[0],
        "year_to": ALL_YEARS[1],
        "include_undated": True,
        "family": None,
    }


def test_findings_filters_feed_the_findings_queries(fixture_con) -> None:
    df = run(fixture_con, "findings_filtered", **findings_filters(BOTH, kinds=("praise", "observation")))
    assert list(df["finding_id"]) == ["f1", "f2", "f3", "f4", "f5"]


def test_sources_overview_pages_and_filters(fixture_con) -> None:
    every = run(fixture_con, "sources_overview", kind=None, q=None, limit=100, offset=0)
    total = int(every["count_sources"].iloc[0])
    assert total == len(every) > 1
    first = run(fixture_con, "sources_overview", kind=None, q=None, limit=1, offset=0)
    second = run(fixture_con, "sources_overview", kind=None, q=None, limit=1, offset=1)
    assert len(first) == len(second) == 1 and first["source_id"][0] != second["source_id"][0]
    assert int(first["count_sources"].iloc[0]) == total  # the count is of every match, not of the page
    title = every["title"].dropna().iloc[0]
    found = run(fixture_con, "sources_overview", kind=None, q=title.upper(), limit=100, offset=0)
    assert title in found["title"].tolist()  # case does not matter
    assert (
        run(fixture_con, "sources_overview", kind="reference", q=None, limit=100, offset=0)["kind"]
        .eq("reference")
        .all()
    )


def test_selected_offices_is_a_filter(fixture_con) -> None:
    offices = run(fixture_con, "offices_overview", family=None)
    every = set(offices["office_id"])
    assert set(run(fixture_con, "office_page", family=None, limit=1000, offset=0)["office_id"]) == every
    place = offices["place"].iloc[0]
    folded = place.lower().translate(str.maketrans("ąćęłńóśźż", "acelnoszz"))
    by_search = run(fixture_con, "office_page", family=None, search=folded, limit=1000, offset=0)
    assert set(by_search["office_id"]) == set(offices.loc[offices["place"] == place, "office_id"])
    kind = offices["office_kind"].iloc[0]
    by_kind = run(fixture_con, "office_page", family=None, office_kinds=[kind], limit=1000, offset=0)
    assert set(by_kind["office_id"]) == set(offices.loc[offices["office_kind"] == kind, "office_id"])
    voivodeship = offices["voivodeship"].iloc[0]
    both = run(
        fixture_con, "office_page", family=None, office_kinds=[kind], voivodeships=[voivodeship], limit=1000, offset=0
    )
    wanted = offices[(offices["office_kind"] == kind) & (offices["voivodeship"] == voivodeship)]
    assert set(both["office_id"]) == set(wanted["office_id"])
    page = run(fixture_con, "office_page", family=None, limit=1, offset=0)
    assert len(page) == 1 and int(page["count_offices"].iloc[0]) == len(every)


def test_an_office_row_comes_from_one_certification() -> None:
    """An office holding two ISO 9001 certificates: its status, edition and latest evidence all come from the one
    that gives the status (the valid 2015 certificate issued in January 2016), never the latest evidence of the other
    (its lapse in September 2016)."""
    with fixture_database() as con:
        con.execute(
            """
            insert into certificates (certificate_id, office_id, family, standard_as_written, edition_basis,
                standard_id, issued_on, issued_on_precision, issued_on_is_inferred, valid_until, valid_until_precision,
                valid_until_is_inferred, source_id, quote) values
                ('cert-g15', 'gamma', 'ISO 9001', 'ISO 9001:2015', 'stated', 'iso9001-2015', '2016-01-04', 'day',
                    false, '2019-01-03', 'day', false, 'src-a', 'q');
            insert into events (event_id, office_id, kind, is_planned, event_on, event_on_precision,
                event_on_is_inferred, findings_status, source_id, quote) values
                ('g-lapse', 'gamma', 'lapse', false, '2016-09-30', 'day', false, 'not_reported', 'src-a', 'q');
            insert into event_certificates (event_id, certificate_id) values ('g-lapse', 'cert-g');
            """
        )
        df = run(con, "office_status_on_date", as_of=dt.date(2017, 6, 1), family="ISO 9001")
    gamma = df.set_index("office_id").loc["gamma"]
    assert (gamma["status"], gamma["certificate_id"], gamma["standard"]) == ("valid", "cert-g15", "ISO 9001:2015")
    assert (pd.Timestamp(gamma["latest_evidence_on"]).date(), gamma["latest_evidence_precision"]) == (
        dt.date(2016, 1, 4),
        "day",
    )


@pytest.mark.parametrize(
    ("issued_on", "issued_precision", "expected"),
    [
        ("2016-01-01", "day", "year"),  # the issue date shares the latest day with two events: the broadest of three
        ("2015-06-01", "day", "year"),  # the issue is earlier: of the two events on the latest day, the broader date's
        ("2016-01-01", "year", "year"),
    ],
)
def test_latest_evidence_precision_on_a_shared_day_follows_a_rule(issued_on, issued_precision, expected) -> None:
    """Where pieces of evidence share the latest day, latest_evidence_precision is the broadest of their precisions
    (a date known to its year may fall anywhere in it), as the headline's is: never whichever row a parallel grouping
    happens to meet first (the events are inserted finest first, the order a first-come choice would take)."""
    with fixture_database() as con:
        con.execute(
            """
            insert into events (event_id, office_id, kind, is_planned, event_on, event_on_precision,
                event_on_is_inferred, findings_status, source_id, quote) values
                ('g-day', 'gamma', 'surveillance', false, '2016-01-01', 'day', false, 'not_reported', 'src-a', 'q'),
                ('g-year', 'gamma', 'surveillance', false, '2016-01-01', 'year', false, 'not_reported', 'src-a', 'q');
            insert into event_certificates (event_id, certificate_id) values
                ('g-year', 'cert-gt'), ('g-day', 'cert-gt');
            """
        )
        con.execute(
            """
            insert into certificates (certificate_id, office_id, family, standard_as_written, edition_basis,
                standard_id, issued_on, issued_on_precision, issued_on_is_inferred, valid_until, valid_until_precision,
                valid_until_is_inferred, source_id, quote) values
                ('cert-gt', 'gamma', 'ISO 9001', 'ISO 9001:2015', 'stated', 'iso9001-2015', $issued_on::date,
                    $precision, false, '2019-01-03', 'day', false, 'src-a', 'q')
            """,
            {"issued_on": issued_on, "precision": issued_precision},
        )
        df = run(con, "office_status_on_date", as_of=dt.date(2017, 6, 1), family="ISO 9001")
    gamma = df.set_index("office_id").loc["gamma"]
    assert (gamma["status"], gamma["certificate_id"]) == ("valid", "cert-gt")
    assert (pd.Timestamp(gamma["latest_evidence_on"]).date(), gamma["latest_evidence_precision"]) == (
        dt.date(2016, 1, 1),
        expected,
    )


def test_headline_latest_event_precision_on_a_shared_day_follows_a_rule() -> None:
    """Where held events share the latest day, the headline's latest_event_precision is the broadest of their
    precisions (inserted finest first, the order a first-come choice would take), never whichever a parallel grouping
    meets first."""
    with fixture_database() as con:
        con.execute(
            """
            insert into events (event_id, office_id, kind, is_planned, event_on, event_on_precision,
                event_on_is_inferred, findings_status, source_id, quote) values
                ('g-late-day', 'gamma', 'surveillance', false, '2029-06-01', 'day', false, 'not_reported', 'src-a',
                    'q'),
                ('g-late-month', 'gamma', 'surveillance', false, '2029-06-01', 'month', false, 'not_reported', 'src-a',
                    'q');
            insert into event_certificates (event_id, certificate_id) values
                ('g-late-day', 'cert-g'), ('g-late-month', 'cert-g');
            """
        )
        df = run(con, "national_headline", as_of=dt.date(2029, 12, 31), family="ISO 9001")
    assert (pd.Timestamp(df["latest_event_on"][0]).date(), df["latest_event_precision"][0]) == (
        dt.date(2029, 6, 1),
        "month",
    )


def test_office_sources_are_the_documents_its_source_line_counts(package_con) -> None:
    """An office profile lists the documents behind its facts (the county office's document is not the town hall's),
    as many as the source line under its charts counts."""
    for office, expected in (("testowo", {"portal", "body-news"}), ("testowo-powiat", {"starostwo"})):
        listed = run(package_con, "office_sources", office=office)
        assert set(listed["source_id"]) == expected
        counted = run(package_con, "selection_info", offices=[office], family=None, as_of=None)
        assert int(counted["count_documents"].iloc[0]) == len(listed)
    assert run(package_con, "office_sources", office="no-such-office").empty


@pytest.mark.parametrize("q", [None, "skargi"])
def test_findings_page_takes_the_largest_limit_past_an_offset(fixture_con, q: str | None) -> None:
    """A limit meaning "every match" (the largest 32-bit number) with an offset gives the rest of the findings,
    narrowed or not, as a page of a plain list would."""
    params = findings_filters(BOTH, kinds=FINDING_KINDS, voices=VOICES, years=(1900, 2100))
    params |= {"clause_keys": None, "theme_keys": None, "q": q}
    every = run(fixture_con, "findings_page", **params, limit=100, offset=0)
    rest = run(fixture_con, "findings_page", **params, limit=2**31 - 1, offset=1)
    assert list(rest["finding_id"]) == list(every["finding_id"])[1:]
