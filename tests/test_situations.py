"""Each situation real documents bring, held by the model without loss (on the fixture package)."""

import datetime as dt
from pathlib import Path

import duckdb

from cityiso import queries
from cityiso.build import build
from tests.fixture_package import write_package


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def status(con: duckdb.DuckDBPyConnection, day: str, family: str | None = None) -> dict[str, str]:
    got = rows(con, "select certificate_id, status from status_on(?::date, ?)", day, family)
    return dict(got)


def test_one_event_concerns_two_certificates(package_con: duckdb.DuckDBPyConnection) -> None:
    linked = rows(
        package_con, "select certificate_id from event_certificates where event_id = 'tst-handover' order by 1"
    )
    families = rows(
        package_con,
        """select distinct c.family from event_certificates ec join certificates c using (certificate_id)
           where ec.event_id = 'tst-handover' order by 1""",
    )
    assert linked == [("tst-37120",), ("tst-9001",)]
    assert families == [("ISO 37120",), ("ISO 9001",)]


def test_one_event_told_by_two_sources_each_with_its_quote(package_con: duckdb.DuckDBPyConnection) -> None:
    evidence = rows(
        package_con,
        "select source_id, is_primary from evidence where record_table = 'events' and record_id = 'tst-surv-2' "
        "order by is_primary desc",
    )
    assert evidence == [("portal", True), ("body-news", False)]


def test_issue_date_from_one_source_and_expiry_from_another(tmp_path: Path) -> None:
    def edit(tables: dict, documents: dict) -> None:
        documents["body_news.txt"] += " Certyfikat ISO 37120 jest ważny do 19.09.2019 r."
        tables["certificates"][1].update(valid_until="2019-09-19", valid_until_as_written="do 19.09.2019 r.")
        tables["further_evidence"].append(
            dict(
                evidence_id="tst-37120-expiry",
                record_table="certificates",
                record_id="tst-37120",
                fields="valid_until valid_until_as_written",
                source_id="body-news",
                quote="Certyfikat ISO 37120 jest ważny do 19.09.2019 r.",
            )
        )

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        assert rows(con, "select valid_until from certificates where certificate_id = 'tst-37120'") == [
            (dt.date(2019, 9, 19),)
        ]
        assert rows(
            con, "select source_id, fields from evidence where record_id = 'tst-37120' order by is_primary desc"
        ) == [("portal", None), ("body-news", "valid_until valid_until_as_written")]


def test_expiry_words_not_in_any_quote_are_refused(tmp_path: Path) -> None:
    def edit(tables: dict, documents: dict) -> None:
        tables["certificates"][1].update(valid_until="2019-09-19", valid_until_as_written="do 19.09.2019 r.")

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    assert [(p.file, p.field) for p in problems] == [("data/certificates.csv", "valid_until_as_written")]


def test_one_registration_over_two_editions_has_no_false_gap(package_con: duckdb.DuckDBPyConnection) -> None:
    """2002 (ISO 9001:2000) to 2015 (ISO 9001:2008): some certificate of the registration holds every year."""
    for year in range(2002, 2015):
        day = f"{year}-06-01"
        held = {c: s for c, s in status(package_con, day, "ISO 9001").items() if c.startswith("pow-")}
        assert {"valid", "valid_approximate"} & set(held.values()), (day, held)
    assert status(package_con, "2016-01-01", "ISO 9001")["pow-9001-2008"] == "expired"


def test_a_registration_runs_on_past_an_old_editions_transition_deadline(tmp_path: Path) -> None:
    """ISO 9001:2000 from 2002, the first evidence of ISO 9001:2008 only in 2011, after the 2000 edition's
    transition deadline (15 Nov 2010): the registration never lapsed, so the weeks between the deadline and the new
    certificate's first evidence are approximately valid under the new edition, never 'expired'."""

    def edit(tables: dict, documents: dict) -> None:
        documents["starostwo.txt"] = documents["starostwo.txt"].replace("w 2009 r.", "w 2011 r.")
        for row in [*tables["certificates"], *tables["events"]]:
            for column in ("issued_on", "event_on", "issued_on_as_written", "event_on_as_written", "quote"):
                if isinstance(row.get(column), str):
                    row[column] = row[column].replace("2009", "2011")

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        for day in ("2010-11-15", "2010-11-16", "2010-12-31", "2011-06-01"):
            held = {c: s for c, s in status(con, day, "ISO 9001").items() if c.startswith("pow-")}
            assert {"valid", "valid_approximate"} & set(held.values()), (day, held)
        # After the deadline the old edition's certificate has expired; the new one carries the registration.
        held = {c: s for c, s in status(con, "2010-12-01", "ISO 9001").items() if c.startswith("pow-")}
        assert held == {"pow-9001-2000": "expired", "pow-9001-2008": "valid_approximate"}
        office = queries.run(con, "office_status_on_date", as_of=dt.date(2010, 12, 1), family="ISO 9001")
        county = office.set_index("office_id").loc["testowo-powiat"]
        assert (county["status"], county["standard"]) == ("valid_approximate", "ISO 9001:2008")


def test_edition_unknown_is_a_value_with_a_reason(package_con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        package_con,
        "select certificate_id, standard_id, edition_basis, edition_reason is not null from certificates "
        "where edition_basis = 'unknown' order by 1",
    )
    assert got == [("pow-14001", None, "unknown", True), ("tst-37120", None, "unknown", True)]
    assert status(package_con, "2018-01-01", "ISO 14001") == {"pow-14001": "valid_approximate"}


def test_two_offices_in_one_town_are_told_apart_by_teryt_and_kind(package_con: duckdb.DuckDBPyConnection) -> None:
    got = rows(package_con, "select office_id, teryt, office_kind, place from offices order by teryt")
    assert got == [
        ("testowo-powiat", "1234", "county_office", "Testowo"),
        ("testowo", "1234011", "city_hall", "Testowo"),
    ]
    assert rows(package_con, "select certificate_id, site_name from certificate_sites") == [
        ("tst-9001", "Szkoła Podstawowa nr 1 w Testowie")
    ]


def test_a_planned_event_keeps_its_kind_and_ordinal(package_con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        package_con,
        "select event_id, kind, is_planned, surveillance_ordinal from events where kind = 'surveillance' order by 1",
    )
    assert got == [("pow-planned-surveillance", "surveillance", True, None), ("tst-surv-2", "surveillance", False, 2)]


def test_dates_keep_precision_inferred_part_and_bounds(package_con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        package_con,
        """select event_id, event_on, event_on_precision, event_on_is_inferred, event_on_inferred_part,
                  event_on_not_before, event_on_not_after
           from events where event_id in ('pow-planned-surveillance', 'pow-lapse', 'tst-surv-2') order by 1""",
    )
    assert got == [
        ("pow-lapse", None, None, True, None, dt.date(2015, 3, 1), dt.date(2017, 6, 30)),
        ("pow-planned-surveillance", dt.date(2017, 9, 20), "day", True, "year", None, None),
        ("tst-surv-2", dt.date(2018, 10, 1), "month", False, None, None, None),
    ]


def test_praise_and_no_nonconformities_are_separate_facts(package_con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        package_con,
        """select e.nonconformities_count, e.findings_status, count(*) filter (where f.kind = 'praise')
           from events e join findings f using (event_id) where e.event_id = 'tst-surv-2' group by all""",
    )
    assert got == [(0, "reported", 3)]
    # Not said is not none: the county office's recertification reports praise but nothing on nonconformities.
    assert rows(package_con, "select nonconformities_count from events where event_id = 'pow-recert-2012'") == [(None,)]


def test_a_lapse_ends_the_certification(package_con: duckdb.DuckDBPyConnection) -> None:
    assert rows(package_con, "select kind, outcome from events where event_id = 'pow-lapse'") == [
        ("lapse", "not_renewed")
    ]


def test_sources_carry_address_publisher_dates_language_and_truncation(package_con) -> None:
    got = rows(
        package_con,
        """select source_id, url, publisher_type, published_on, published_on_precision, language, is_truncated
           from sources where kind = 'document' order by 1""",
    )
    assert got == [
        ("body-news", None, "certification_body", None, None, "pl", True),
        ("portal", "https://testowo.example/2018/10/iso", "office", None, None, "pl", False),
        ("starostwo", None, "office", dt.date(2017, 6, 1), "month", "pl", False),
    ]


def test_a_clause_belongs_to_its_edition_and_maps_to_a_2015_heading(package_con) -> None:
    got = rows(
        package_con,
        """select f.finding_id, f.clause_standard_id, f.clause, c.heading_2015, f.clause_note is not null
           from findings f join clauses c on c.standard_id = f.clause_standard_id and c.clause = f.clause
           order by 1""",
    )
    assert got == [
        ("pow-f1", "iso9001-2008", "7.2", 8, True),
        ("tst-f1", "iso9001-2015", "5", 5, True),
        ("tst-f2", "iso9001-2015", "7", 7, True),
    ]


def test_a_finding_about_one_certificate_of_a_two_certificate_event(tmp_path: Path) -> None:
    """At the handover of ISO 9001 and ISO 37120 the auditors praise the city's indicators of ISO 37120: named in
    finding_certificates, the praise counts for ISO 37120 only; not named, it counts for every family of its event."""

    def edit(named: bool):
        def change(tables: dict, documents: dict) -> None:
            documents["portal.txt"] += "\nAudytorzy ISO 37120 docenili rzetelne wskaźniki miasta."
            (handover,) = [e for e in tables["events"] if e["event_id"] == "tst-handover"]
            handover["findings_status"] = "reported"
            tables["findings"].append(
                dict(
                    finding_id="tst-f37",
                    event_id="tst-handover",
                    kind="praise",
                    voice="auditor",
                    theme_id="it",
                    text_pl="Rzetelne wskaźniki",
                    text_en="Reliable indicators",
                    source_id="portal",
                    quote="Audytorzy ISO 37120 docenili rzetelne wskaźniki miasta.",
                )
            )
            if named:
                tables["finding_certificates"].append(dict(finding_id="tst-f37", certificate_id="tst-37120"))

        return change

    def praised(con: duckdb.DuckDBPyConnection, family: str) -> set[str]:
        chosen = queries.findings_filters(["testowo"], kinds=("praise",), voices=("auditor",), family=family)
        found = queries.run(con, "findings_filtered", **chosen)
        return set(found["finding_id"])

    counts = {}
    for named in (False, True):
        out = tmp_path / f"{named}.duckdb"
        assert build(write_package(tmp_path / str(named), edit(named)), out) == []
        with duckdb.connect(str(out), read_only=True) as con:
            counts[named] = {family: praised(con, family) for family in ("ISO 9001", "ISO 37120")}
            overview = queries.run(con, "offices_overview", family="ISO 9001").set_index("office_id")
            totals = queries.run(con, "praised_totals_by_clause", family="ISO 37120")
            counts[named]["overview 9001"] = int(overview.loc["testowo", "count_praised"])
            counts[named]["totals 37120"] = int(totals["count_praised"].sum())
    assert counts[False] == {
        "ISO 9001": {"tst-f1", "tst-f2", "tst-f37"},
        "ISO 37120": {"tst-f37"},
        "overview 9001": 3,
        "totals 37120": 1,
    }
    assert counts[True] == {
        "ISO 9001": {"tst-f1", "tst-f2"},
        "ISO 37120": {"tst-f37"},
        "overview 9001": 2,
        "totals 37120": 1,
    }


def test_a_finding_names_only_a_certificate_of_its_event(tmp_path: Path) -> None:
    def edit(tables: dict, documents: dict) -> None:
        tables["finding_certificates"].append(dict(finding_id="tst-f1", certificate_id="tst-37120"))

    problems = build(write_package(tmp_path, edit), tmp_path / "db.duckdb")
    assert [(p.file, p.field) for p in problems] == [("data/finding_certificates.csv", "certificate_id")]
    assert "tst-surv-2" in problems[0].message and "event_certificates" in problems[0].message


def test_a_date_deduced_whole_needs_a_reason_not_words(tmp_path: Path) -> None:
    """An issue date worked out from a handover and a stated validity has no words in the text: a reason and part
    'whole' stand for them; a date given with neither words nor a reason is still refused."""

    def deduced(reason: str | None):
        def edit(tables: dict, documents: dict) -> None:
            cert = next(c for c in tables["certificates"] if c["certificate_id"] == "tst-37120")
            cert.update(valid_until="2019-09-19", valid_until_as_written="", valid_until_inferred_part="whole")
            cert["valid_until_inferred_reason"] = reason or ""

        return edit

    reason = "Handed over on 20 September 2016 with the ISO 9001 certificate; the body's certificates run 3 years."
    assert build(write_package(tmp_path / "a", deduced(reason)), tmp_path / "a.duckdb") == []
    problems = build(write_package(tmp_path / "b", deduced(None)), tmp_path / "b.duckdb")
    assert ("data/certificates.csv", "valid_until_as_written") in {(p.file, p.field) for p in problems}


CHAIN = (
    "Starostwo Powiatowe w Testowie uzyskało certyfikat ISO 9001 dnia 30.09.2002 r. Audyty recertyfikujące "
    "odbyły się w latach 2005, 2008, 2011 i 2014, a certyfikat był ważny do 29.09.2017 r."
)


def test_a_renewal_chain_in_one_sentence_takes_one_certificate_and_its_events(tmp_path: Path) -> None:
    """The guide's recipe (docs/CURATION.md, "Renewal chains and transitions"): a sentence naming no edition, the
    first certification's date, the renewal years and the last validity is one certificate of unknown edition with
    one recertification event a year, each linked to it. It builds, and the certification holds from the first date
    to the last day of validity without a gap."""

    def edit(tables: dict, documents: dict) -> None:
        documents["chain.txt"] = CHAIN
        tables["sources"].append(
            dict(
                source_id="chain",
                kind="document",
                file="chain.txt",
                title="Certyfikat",
                publisher="Starostwo",
                publisher_type="office",
                office_id="testowo-powiat",
                language="pl",
                is_truncated="false",
            )
        )
        tables["certificates"].append(
            dict(
                certificate_id="pow-chain",
                office_id="testowo-powiat",
                family="ISO 9001",
                standard_as_written="ISO 9001",
                edition_basis="unknown",
                edition_reason="The text names no edition (it spans ISO 9001:2000 and 2008).",
                issued_on="2002-09-30",
                issued_on_as_written="30.09.2002 r.",
                valid_until="2017-09-29",
                valid_until_as_written="do 29.09.2017 r.",
                source_id="chain",
                quote=CHAIN,
            )
        )
        for year in (2005, 2008, 2011, 2014):
            tables["events"].append(
                dict(
                    event_id=f"pow-chain-{year}",
                    office_id="testowo-powiat",
                    kind="recertification",
                    is_planned="false",
                    event_on=str(year),
                    event_on_as_written=str(year),
                    findings_status="not_reported",
                    source_id="chain",
                    quote="Audyty recertyfikujące odbyły się w latach 2005, 2008, 2011 i 2014",
                )
            )
            tables["event_certificates"].append(dict(event_id=f"pow-chain-{year}", certificate_id="pow-chain"))

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        days = [f"{year}-06-01" for year in range(2003, 2018)] + ["2010-12-01", "2017-09-29"]
        assert {day: status(con, day, "ISO 9001")["pow-chain"] for day in days} == dict.fromkeys(days, "valid")
        assert status(con, "2017-09-30", "ISO 9001")["pow-chain"] == "expired"


def test_a_municipality_holds_the_certificate_with_its_units_as_sites(tmp_path: Path) -> None:
    """A gmina holds the certificate; the city hall is the office the register follows, the gmina's units are sites.
    The first certificate's scope is a number of units, the next one names them: both build, and the office's
    certificate table says who holds each and what it covers."""
    from cityiso.views.tables import certificates_table

    def edit(tables: dict, documents: dict) -> None:
        documents["portal.txt"] += (
            "\nPosiadaczem certyfikatu jest Gmina Miasto Testowo; system obejmuje 7 jednostek organizacyjnych."
        )
        cert = next(c for c in tables["certificates"] if c["certificate_id"] == "tst-9001")
        cert.update(
            holder_kind="municipality",
            holder_as_written="Gmina Miasto Testowo",
            sites_count="7",
            sites_count_as_written="7 jednostek",
        )
        cert["quote"] += " [...] Posiadaczem certyfikatu jest Gmina Miasto Testowo; system obejmuje 7 jednostek"

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        spans = queries.run(con, "certificate_spans", **queries.OfficeFilter(("testowo",)).params(), family="ISO 9001")
    shown = dict(zip(spans["certificate_id"], certificates_table(spans, "pl")["Posiadacz i zakres"], strict=True))
    assert shown["tst-9001"] == "gmina: Gmina Miasto Testowo · 7 jednostek · Szkoła Podstawowa nr 1 w Testowie"
    english = certificates_table(spans, "en")["Holder and scope"].tolist()
    assert "municipality: Gmina Miasto Testowo · 7 units · Szkoła Podstawowa nr 1 w Testowie" in english


def test_an_ended_certificate_never_hides_the_successor_that_outlived_it(tmp_path: Path) -> None:
    """The county's ISO 9001:2008 certificate ended in 2015 (not renewed); in 2018 it gained an ISO 9001:2015 one,
    with no evidence after its issue. Today the office reads as the new certificate does (no evidence), in its status
    and its status by year; before the new one was issued, as the old one ended."""

    def edit(tables: dict, documents: dict) -> None:
        documents["starostwo_2018.txt"] = (
            "Testowo, maj 2018\nStarostwo Powiatowe w Testowie otrzymało 10 maja 2018 r. certyfikat ISO 9001:2015."
        )
        old = next(s for s in tables["sources"] if s["source_id"] == "starostwo")
        tables["sources"].append(
            old
            | dict(
                source_id="starostwo-2018",
                file="starostwo_2018.txt",
                title="Nowy certyfikat",
                published_on="2018-05",
                published_on_as_written="maj 2018",
            )
        )
        tables["certificates"].append(
            dict(
                certificate_id="pow-9001-2015",
                office_id="testowo-powiat",
                family="ISO 9001",
                standard_as_written="ISO 9001:2015",
                edition_basis="stated",
                standard_id="iso9001-2015",
                issued_on="2018-05-10",
                issued_on_as_written="10 maja 2018 r.",
                source_id="starostwo-2018",
                quote="otrzymało 10 maja 2018 r. certyfikat ISO 9001:2015",
            )
        )

    out = tmp_path / "db.duckdb"
    assert build(write_package(tmp_path, edit), out) == []
    with duckdb.connect(str(out), read_only=True) as con:
        today = dt.date(2026, 12, 1)
        held = {c: s for c, s in status(con, today.isoformat(), "ISO 9001").items() if c.startswith("pow-")}
        assert held["pow-9001-2015"] == "no_evidence" and held["pow-9001-2008"] in ("expired", "lapsed")

        def county(day: dt.date) -> tuple[str, str]:
            office = queries.run(con, "office_status_on_date", as_of=day, family="ISO 9001")
            row = office.set_index("office_id").loc["testowo-powiat"]
            return row["status"], row["standard"]

        assert county(today) == ("no_evidence", "ISO 9001:2015")
        assert county(dt.date(2017, 6, 1))[1] == "ISO 9001:2008"  # the new one not yet issued
        by_year = queries.run(con, "office_status_by_year", office="testowo-powiat", as_of=today, family="ISO 9001")
        assert by_year.set_index("year").loc[2026, "status"] == "no_evidence"
