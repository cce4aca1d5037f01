"""The drafter on invented documents unlike the curated ones, each compared with the rows a careful curator would
make from it by docs/CURATION.md (a fresh-eyes check: the drafter's rules were not written for these texts)."""

import datetime as dt
from pathlib import Path

import pytest

from cityiso.draft.core import Draft, draft

DOCS = Path(__file__).with_name("draft_documents")
# The register the drafts are matched against: frozen in tests/, never data/ (a curator adding a row changes nothing).
REGISTER = Path(__file__).with_name("draft_register")


def _v(row: dict, column: str):
    return row[column].value if column in row and row[column].value not in ("", None) else None


def _of(d: Draft, table: str, columns: tuple[str, ...]) -> list[tuple]:
    return [tuple(_v(r, c) for c in columns) for r in d.tables.get(table, [])]


SOURCE = ("title", "published_on", "published_on_as_written", "office_id")
OFFICE = ("office_id", "office_kind", "place", "office_name")
CERT = ("office_id", "family", "standard_as_written", "standard_id", "body_id", "valid_until", "validity_years")
EVENT = ("kind", "is_planned", "body_id", "event_on", "event_on_as_written", "outcome", "findings_status")
NC = ("nonconformities_count", "nonconformities_as_written")
FINDING = ("kind", "voice", "quote")


def _draft(name: str, published: dt.date | None = None) -> Draft:
    return draft((DOCS / name).read_text(encoding="utf-8"), source_id="x", published=published, data_dir=REGISTER)


def test_county_recertification() -> None:
    """A county office's recertification: dd.mm.yyyy dates, a numbered list of praise, the new certificate's expiry
    in a sentence of its own."""
    d = _draft("county_recertification.txt")
    assert _of(d, "offices", OFFICE) == [("kepno-powiat", "county_office", "Kępno", "Starostwo Powiatowe w Kępnie")]
    assert _of(d, "certificates", CERT) == [
        ("kepno-powiat", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "prs", "2022-11-27", None)
    ]
    # the text dates the audit, not the issue: the issue date stays empty, bounded below by the audit's day
    assert _of(d, "certificates", ("valid_until_as_written", "issued_on", "issued_on_not_before")) == [
        ("do 27.11.2022 r.", None, "2019-10-15")
    ]
    assert _of(d, "events", (*EVENT, "units_audited")) == [
        ("recertification", "false", "prs", "2019-10-15", "W dniu 15.10.2019 r.", "granted", "reported", 9)
    ]
    assert _of(d, "findings", FINDING) == [
        ("praise", "auditor", "1) przejrzysty system obsługi interesantów w Wydziale Komunikacji"),
        ("praise", "auditor", "2) skuteczne monitorowanie ryzyk w procesach"),
        ("praise", "auditor", "3) kompetentną i życzliwą kadrę"),
    ]


def test_newspaper_quotes_the_auditor() -> None:
    """A local paper quotes the lead auditor: his praise is the auditors' voice, 'nie stwierdzono żadnych
    niezgodności' is zero, the mayor's words are no finding."""
    d = _draft("newspaper_auditor.txt")
    assert _of(d, "sources", SOURCE) == [
        ("Gmina z certyfikatem jakości na kolejne lata", None, None, "kobylnica-gmina")
    ]
    assert _of(d, "offices", OFFICE) == [("kobylnica-gmina", "municipal_office", "Kobylnica", "Urząd Gminy Kobylnica")]
    assert _of(d, "certificates", (*CERT, "cycle_number")) == [
        ("kobylnica-gmina", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "dekra", None, None, 2)
    ]
    assert _of(d, "events", (*EVENT, *NC)) == [
        (
            "recertification",
            "false",
            "dekra",
            "2021-03",
            "w marcu 2021 roku",
            "granted",
            "reported",
            0,
            "Nie stwierdzono żadnych niezgodności.",
        )
    ]
    assert _of(d, "findings", FINDING) == [
        (
            "praise",
            "auditor",
            # the speaker's words without the attribution, as data/ and the corpus quote an item without its lead
            "Zwróciłem uwagę na bardzo dobrą organizację pracy Biura Obsługi Interesanta",
        )
    ]


def test_body_list_of_certified_offices() -> None:
    """A body's list of the offices it certified: one office and one certificate per item, each with its expiry;
    the document is about no single office."""
    d = _draft("body_client_list.txt")
    assert _of(d, "sources", ("office_id",)) == [(None,)]
    assert _of(d, "offices", OFFICE) == [
        ("kalisz", "city_hall", "Kalisz", "Urząd Miasta Kalisza"),
        ("brzeznica-gmina", "municipal_office", "Brzeźnica", "Urząd Gminy w Brzeźnicy"),
        ("wielun-powiat", "county_office", "Wieluń", "Starostwo Powiatowe w Wieluniu"),
    ]
    assert _of(d, "certificates", (*CERT, "issued_on")) == [
        ("kalisz", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "prs", "2023-02-14", None, "2020"),
        ("brzeznica-gmina", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "prs", "2023-06-30", None, "2020"),
        ("wielun-powiat", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "prs", "2023-11-09", None, "2020"),
    ]
    assert not d.tables["findings"]


def test_cookie_and_menu_debris() -> None:
    """A page buried in menus, a cookie banner, a breadcrumb and counters: none of it is drafted from; the title is
    the page's heading and its 'Data publikacji' dates the source (the only value drafted from page furniture)."""
    d = _draft("cookie_debris.txt")
    text = d.text
    assert _of(d, "sources", SOURCE) == [("Certyfikat ISO dla naszego urzędu", "2021-05-12", "12.05.2021", "gniew")]
    assert _of(d, "offices", OFFICE) == [("gniew", "city_hall", "Gniew", "Urząd Miejski w Gniewie")]
    assert _of(d, "certificates", CERT) == [
        ("gniew", "ISO 9001", "ISO 9001:2015", "iso9001-2015", "bureau-veritas", None, 3)
    ]
    assert _of(d, "events", EVENT) == [
        ("unspecified", "false", "bureau-veritas", None, None, "granted", "not_reported")
    ]
    debris = {p.text for p in d.debris}
    banner = "Ta strona używa plików cookies. Korzystając ze strony wyrażasz zgodę na ich używanie."
    assert {banner, "Akceptuję"} <= debris
    assert "Strona główna » Aktualności » Certyfikat ISO dla naszego urzędu" in debris
    assert "Liczba odsłon: 234" in debris and "© 2021 Urząd Miejski w Gniewie" in debris
    spans = [(p.start, p.end) for p in d.debris]
    drafted = [v for t, rows in d.tables.items() if t != "sources" for r in rows for v in r.values()]
    assert not [v.value for v in drafted if v.span != (0, len(text)) and any(a <= v.span[0] < b for a, b in spans)]


def test_two_standards_polish_adoptions() -> None:
    """A marshal's office with ISO 9001 and ISO 14001 as PN-EN forms: two certificates, 9001:2009 is ISO 9001:2008
    and 14001:2005 is ISO 14001:2004 (standard_forms.csv); one audit for both, no nonconformities."""
    d = _draft("two_standards_pn.txt")
    assert _of(d, "offices", OFFICE) == [
        (
            "wojewodztwo-pomorskie",
            "marshal_office",
            "Województwo Pomorskie",
            "Urzędzie Marszałkowskim Województwa Pomorskiego",
        )
    ]
    assert _of(d, "certificates", (*CERT, "edition_basis")) == [
        (
            "wojewodztwo-pomorskie",
            "ISO 9001",
            "PN-EN ISO 9001:2009",
            "iso9001-2008",
            "tuv-rheinland",
            None,
            None,
            "stated",
        ),
        (
            "wojewodztwo-pomorskie",
            "ISO 14001",
            "PN-EN ISO 14001:2005",
            "iso14001-2004",
            "tuv-rheinland",
            None,
            None,
            "stated",
        ),
    ]
    assert _of(d, "events", (*EVENT, *NC)) == [
        (
            "surveillance",
            "false",
            "tuv-rheinland",
            "2014-02-03",
            "W dniu 3 lutego 2014 r.",
            None,
            "none_found",
            0,
            "Nie stwierdzono niezgodności.",
        )
    ]
    assert len(d.tables["event_certificates"]) == 2


@pytest.mark.parametrize(("published", "event_on"), [(dt.date(2022, 7, 8), "2022-06"), (None, None)])
def test_month_relative_to_publication(published: dt.date | None, event_on: str | None) -> None:
    """'W ubiegłym miesiącu' is the month before publication (inferred, whole); without a publication date it stays
    empty with its words, and the reasoning is the row's note (the build takes an inferred reason only with a date
    or its bounds)."""
    d = _draft("relative_month.txt", published)
    (event,) = d.tables["events"]
    assert _of(d, "events", (*EVENT, "surveillance_ordinal")) == [
        ("surveillance", "false", "sgs", event_on, "W ubiegłym miesiącu", None, "reported", 1)
    ]
    if published:
        assert "event_on_inferred_reason" in event and event["event_on_inferred_part"].value == "whole"
    else:
        assert "event_on_inferred_reason" not in event and "publication" in event["note"].value
    assert _of(d, "findings", FINDING) == [
        ("praise", "auditor", "zaangażowanie kierownictwa"),
        ("praise", "auditor", "sprawny obieg dokumentów"),
    ]
