"""The drafter's rules for situations real documents bring (issue 19), one invented sentence each."""

import datetime as dt
from pathlib import Path

import pytest

from cityiso.draft.core import _no_reason_without_a_date, _quote_holds_as_written, _quote_keeps_to_its_body, draft
from cityiso.draft.dates import find_dates, publication_date
from cityiso.draft.known import known
from cityiso.draft.model import Drafted, quote_of
from cityiso.draft.names import bodies, offices
from cityiso.draft.text import sentences
from cityiso.draft.units import units

# The register the drafts are matched against: frozen in tests/, never data/ (a curator adding a row changes nothing).
REGISTER = Path(__file__).with_name("draft_register")


def _draft(text: str, **kw):
    return draft(text, source_id="x", data_dir=REGISTER, **kw)


def _v(row: dict, column: str):
    return row[column].value if column in row and row[column].value not in ("", None) else None


def _rows(d, table: str, *columns: str) -> list[tuple]:
    return [tuple(_v(r, c) for c in columns) for r in d.tables.get(table, [])]


# Dates


def test_ordinal_day() -> None:
    """'11-go czerwca 2007' is the eleventh of June 2007, its words with the ordinal ending."""
    (d,) = find_dates("Audyt odbył się 11-go czerwca 2007 r. w urzędzie.")
    assert (d.value, d.words) == ("2007-06-11", "11-go czerwca 2007 r.")


def test_iso_date() -> None:
    """A date written 2011-10-18 is that day."""
    (d,) = find_dates("Opublikowano 2011-10-18 w dziale aktualności.")
    assert (d.value, d.words) == ("2011-10-18", "2011-10-18")


@pytest.mark.parametrize("sentence", ["Audyt trwał 14-15.10.2019 r.", "Audyt trwał 14-15 października 2019 r."])
def test_range_of_days_is_its_first_day(sentence: str) -> None:
    """A range of days is dated by its first day, the last day kept as its bound."""
    (d,) = find_dates(sentence)
    assert (d.value, d.last) == ("2019-10-14", "2019-10-15")


def test_list_of_years() -> None:
    """'w latach 2005, 2008, 2011 i 2014' is four year dates, each with its own words."""
    found = find_dates("Audyty odnowienia odbyły się w latach 2005, 2008, 2011 i 2014.")
    assert [(d.value, d.words) for d in found] == [(y, y) for y in ("2005", "2008", "2011", "2014")]


def test_page_date_line_is_publication() -> None:
    """A line holding only a date and its (true) weekday is the page's own date."""
    d = publication_date("Aktualności\n2011-10-18, Wtorek\nGmina Testowo otrzymała certyfikat ISO 9001.")
    assert (d.value, d.words) == ("2011-10-18", "2011-10-18")


def test_widget_date_is_not_publication() -> None:
    """'Dziś jest czwartek, 3 grudnia 2026' is a widget's today, not the page's date."""
    assert publication_date("Dziś jest czwartek, 3 grudnia 2026\nGmina Testowo otrzymała certyfikat.") is None


def test_date_line_resolves_this_year() -> None:
    """The page's date line gives 'br.' its year."""
    d = _draft("2013-03-05, Wtorek\nAudyt nadzoru w Urzędzie Gminy Testowo odbył się 20 lutego br.")
    assert _rows(d, "events", "event_on") == [("2013-02-20",)]
    assert _rows(d, "sources", "published_on") == [("2013-03-05",)]


# Events


CHAIN = (
    "Urząd Gminy Testowo uzyskał certyfikat ISO 9001 dnia 12.03.2003 r. Audyty odnowieniowe przeprowadzono "
    "w latach 2006, 2009 i 2012, a certyfikat był ważny do 11.03.2015 r."
)


def test_renewal_years_are_one_event_each() -> None:
    """A list of renewal years is one recertification a year, after the initial certification dated before it, each
    linked to the one certificate, whose issue date is the first certification's and whose edition is unknown (the
    dates span two editions)."""
    d = _draft(CHAIN)
    assert _rows(d, "events", "kind", "event_on", "event_on_as_written") == [
        ("initial", "2003-03-12", "dnia 12.03.2003 r."),
        *[("recertification", y, y) for y in ("2006", "2009", "2012")],
    ]
    assert _rows(d, "certificates", "issued_on", "valid_until", "edition_basis") == [
        ("2003-03-12", "2015-03-11", "unknown")
    ]
    assert len(d.tables["event_certificates"]) == 4


def test_renewal_years_in_the_grants_sentence() -> None:
    """'certyfikat uzyskany 12.03.2003 r.; audyty odnowieniowe w latach 2006 i 2009' in one sentence: the grant is the
    initial certification, each year a recertification."""
    d = _draft(
        "Urząd Gminy Testowo: certyfikat ISO 9001 uzyskany 12.03.2003 r.; audyty odnowieniowe w latach 2006 i 2009."
    )
    assert _rows(d, "events", "kind", "event_on") == [
        ("initial", "2003-03-12"),
        ("recertification", "2006"),
        ("recertification", "2009"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("W Urzędzie Gminy Testowo odbył się audyt pośredni systemu ISO 9001.", "surveillance"),
        ("W Urzędzie Gminy Testowo przeprowadzono audyt sprawdzający ISO 9001.", "surveillance"),
        ("W Urzędzie Gminy Testowo odbył się kolejny audyt nadzoru ISO 9001.", "surveillance"),
        ("Urząd Gminy Testowo przeszedł pomyślnie audyt odnowieniowy ISO 9001.", "recertification"),
        ("Urząd Gminy Testowo uzyskał przedłużenie certyfikatu ISO 9001.", "recertification"),
        ("Urząd Gminy Testowo ponownie uzyskał certyfikat ISO 9001.", "recertification"),
        ("W Urzędzie Gminy Testowo odbył się zewnętrzny audyt ISO 9001.", "unspecified"),
        ("Burmistrz odebrał certyfikat ISO 9001 dla Urzędu Gminy Testowo.", "handover"),
        ("Uroczyste wręczenie certyfikatu ISO 9001 Urzędowi Gminy Testowo odbyło się w ratuszu.", "handover"),
    ],
)
def test_event_words(sentence: str, kind: str) -> None:
    """Audits named by what they do, renewals and handovers get their kind."""
    assert _rows(_draft(sentence), "events", "kind") == [(kind,)]


def test_internal_audit_before_its_noun_is_no_event() -> None:
    """'wewnętrzny audyt' is the office's own audit, not the certification's."""
    assert _rows(_draft("W Urzędzie Gminy Testowo trwa wewnętrzny audyt."), "events", "kind") == []


def test_given_up_certification_is_a_lapse() -> None:
    """'wygasła ważność certyfikatu ... zaprzestanie utrzymywania systemu' is a lapse, outcome lapsed."""
    d = _draft(
        "Z dniem 30.06.2016 r. wygasła ważność certyfikatu ISO 9001 Urzędu Gminy Testowo w związku z zaprzestaniem "
        "utrzymywania systemu."
    )
    assert _rows(d, "events", "kind", "outcome", "event_on") == [("lapse", "lapsed", "2016-06-30")]


def test_certificate_ran_out_is_an_expiry() -> None:
    """'Certyfikat wygasł' with nothing said of renewal is an expiry."""
    d = _draft("Certyfikat ISO 9001 Urzędu Gminy Testowo wygasł 30 czerwca 2016 r.")
    assert _rows(d, "events", "kind", "event_on") == [("expiry", "2016-06-30")]


def test_range_dates_an_event_with_bounds() -> None:
    """An audit of 14-15.10.2019 is dated 14 October, bounded to the 15th, with the reason."""
    d = _draft("W dniach 14-15.10.2019 r. w Urzędzie Gminy Testowo odbył się audyt nadzoru ISO 9001.")
    (event,) = d.tables["events"]
    assert (_v(event, "event_on"), _v(event, "event_on_not_before"), _v(event, "event_on_not_after")) == (
        "2019-10-14",
        "2019-10-14",
        "2019-10-15",
    )
    assert _v(event, "event_on_inferred_reason")


def test_month_year_dates_its_sentences_event() -> None:
    """'w grudniu 2023 roku' dates the audit its sentence tells."""
    d = _draft("W grudniu 2023 roku w Urzędzie Gminy Testowo odbył się audyt recertyfikacyjny ISO 9001:2015.")
    assert _rows(d, "events", "kind", "event_on", "event_on_as_written") == [
        ("recertification", "2023-12", "W grudniu 2023 roku")
    ]


def test_implementation_period_is_no_validity() -> None:
    """'wdrażany do czerwca 2001 r.' ends the work of putting the system in place, not the certificate."""
    d = _draft("System ISO 9001 był wdrażany do czerwca 2001 r., a certyfikat Urząd Gminy Testowo otrzymał w lipcu.")
    assert _rows(d, "certificates", "valid_until") == [(None,)]


def test_validity_with_glued_abbreviation() -> None:
    """'ważny do 30.09.2012r.' is the certificate's expiry."""
    d = _draft("Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2008. Certyfikat obowiązuje do 30.09.2012r.")
    assert _rows(d, "certificates", "valid_until", "valid_until_as_written") == [("2012-09-30", "do 30.09.2012r.")]


# Standards


@pytest.mark.parametrize(
    ("sentence", "written", "standard_id"),
    [
        (
            "Urząd Gminy Testowo ma certyfikat zgodności z normą PN EN ISO 9001:2009.",
            "PN EN ISO 9001:2009",
            "iso9001-2008",
        ),
        ("Urząd Gminy Testowo ma certyfikat zgodności z normą PN-EN 9001 : 2009.", "PN-EN 9001 : 2009", "iso9001-2008"),
        ("Urząd Gminy Testowo ma certyfikat ISO: 9001.", "ISO: 9001", None),
        ("Urząd Gminy Testowo ma certyfikat ISO:9001.", "ISO:9001", None),
    ],
)
def test_standard_written_loosely(sentence: str, written: str, standard_id: str | None) -> None:
    """A standard written with spaces for dashes, without 'ISO' or with a colon is its canonical form's edition,
    kept as written."""
    d = _draft(sentence)
    assert _rows(d, "certificates", "family", "standard_as_written", "standard_id") == [
        ("ISO 9001", written, standard_id)
    ]


def test_two_editions_kept_and_flagged() -> None:
    """Two editions of one family named on one page are two certificates as written, each flagged in its note."""
    d = _draft("Urząd Gminy Testowo wdrożył ISO 9001:2008, a w 2018 roku przeszedł na ISO 9001:2015.")
    rows = _rows(d, "certificates", "standard_as_written", "standard_id")
    assert rows == [("ISO 9001:2008", "iso9001-2008"), ("ISO 9001:2015", "iso9001-2015")]
    assert all("two editions" in c["note"].value for c in d.tables["certificates"])


def test_every_certificate_a_sentence_names() -> None:
    """'certyfikaty ISO 9001 i ISO 37120' are two certificates, both linked to the handover."""
    d = _draft("Burmistrz odebrał certyfikaty ISO 9001 i ISO 37120 dla Urzędu Gminy Testowo 5 maja 2017 r.")
    assert _rows(d, "certificates", "family") == [("ISO 9001",), ("ISO 37120",)]
    assert _rows(d, "events", "kind", "event_on") == [("handover", "2017-05-05")]
    assert len(d.tables["event_certificates"]) == 2


def test_both_systems_link_every_certificate() -> None:
    """An audit 'obu systemów' in a sentence naming no standard concerns each certificate the text names."""
    d = _draft(
        "Urząd Gminy Testowo ma certyfikaty ISO 9001:2015 i ISO 14001:2015. W marcu 2020 r. odbył się audyt "
        "nadzoru obu systemów."
    )
    assert len(d.tables["event_certificates"]) == 2


def test_year_then_full_stop_ends_a_sentence() -> None:
    """'ISO 9001:2015. Audytorzy ...' is two sentences: a four-digit number is no ordinal abbreviation."""
    assert len(sentences("Urząd ma certyfikat ISO 9001:2015. Audytorzy docenili obsługę.")) == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Certyfikat obowiązuje przez rok. Audytorzy docenili obsługę.", 2),
        ("Wdrożenie trwało pięć lat. Audytorzy docenili obsługę.", 2),
        ("Audytorzy ocenili m.in. Wydział Komunikacji i obsługę klientów.", 1),
        ("Wręczenie odbyło się w Urzędzie m. st. Warszawy w marcu.", 1),
        ("Certyfikat wręczył prof. Nowak podczas sesji rady.", 1),
    ],
)
def test_short_word_before_full_stop(text: str, count: int) -> None:
    """A short word before a full stop ends a sentence unless it is a known abbreviation ('rok.' does, 'm.in.' not)."""
    assert len(sentences(text)) == count


# Drafts that build


def test_every_certificate_has_its_quote() -> None:
    """A certificate's quote holds its standard as written and its expiry's words."""
    d = _draft("Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015. Certyfikat jest ważny do 1.02.2027 r.")
    (cert,) = d.tables["certificates"]
    assert "ISO 9001:2015" in cert["quote"].value and "do 1.02.2027 r." in cert["quote"].value


def test_missing_required_fields_are_named() -> None:
    """A new office's row has its source, and its note names the required fields the text cannot give."""
    d = _draft("Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015.")
    (office,) = d.tables["offices"]
    assert _v(office, "source_id") == "x"
    assert "voivodeship, latitude, longitude" in office["note"].value


# Certification bodies


@pytest.mark.parametrize(
    ("sentence", "body_id"),
    [
        ("Audyt przeprowadził Polski Rejestr Statków.", "prs"),
        ("Certyfikat wydało Centrum Certyfikacji Jakości WAT.", "ccj-wat"),
        ("Certyfikat wydał Lloyd's Register Quality Assurance.", "lrqa"),
        ("Audytorzy firmy Germanischer Lloyd odwiedzili urząd.", "germanischer-lloyd"),
        ("Audyt prowadziła jednostka TUV Nord.", "tuv-nord"),
        ("Certyfikat wystawiła firma DEKRA Certification.", "dekra"),
        ("Audyt przeprowadził UDT-CERT.", "udt"),
        ("Certyfikat wydało DNV GL.", "dnv"),
    ],
)
def test_body_names(sentence: str, body_id: str) -> None:
    """A body named by any of its aliases, in any letter case for a name, 'TUV' for 'TÜV'."""
    assert [m.value for m in bodies(sentence, known(REGISTER))] == [body_id]


def test_declined_alias_by_lemmas() -> None:
    """A declined form of a multi-word alias ('Polski Rejestr Statków' in the dative) is that body."""
    (m,) = bodies("Dziękujemy Polskiemu Rejestrowi Statków za audyt.", known(REGISTER))
    assert (m.value, m.words) == ("prs", "Polskiemu Rejestrowi Statków")


def test_acronym_needs_its_case() -> None:
    """A three-letter acronym is matched as written only: 'prs' in lower case is no body."""
    assert bodies("Skrót prs nic nie znaczy.", known(REGISTER)) == []


# Voices and finding kinds

AUDIT = "W dniu 5 marca 2021 r. w Urzędzie Gminy Testowo odbył się audyt nadzoru ISO 9001:2015.\n"


def test_official_praising_the_office_is_no_finding() -> None:
    """A mayor praising the office's system after the audit is the office about itself: never the auditors' praise,
    and no finding (docs/CURATION.md#findings)."""
    d = _draft(AUDIT + "Wójt podkreślił, że audyt pokazał sprawną obsługę mieszkańców.")
    assert _rows(d, "findings", "voice") == []


def test_official_reporting_the_auditors_is_the_auditors() -> None:
    """An official who reports what the auditors praised passes on the auditors' voice."""
    d = _draft(AUDIT + "Wójt podkreślił, że audytorzy docenili sprawną obsługę mieszkańców.")
    assert {v for (v,) in _rows(d, "findings", "voice")} == {"auditor"}


def test_list_of_audited_units_is_units_not_praise() -> None:
    """A list under 'Audytem objęto:' is one audited unit per bullet, no finding."""
    d = _draft(AUDIT + "Audytem objęto:\n- Wydział Finansowy,\n- Referat Podatków.\n")
    assert _rows(d, "audited_units", "unit_name") == [("Wydział Finansowy",), ("Referat Podatków",)]
    assert d.tables["findings"] == []


def test_list_of_confirmed_conformities() -> None:
    """A list under 'Audytorzy potwierdzili:' is confirmed conformity, not praise."""
    d = _draft(AUDIT + "Audytorzy potwierdzili:\n- zgodność systemu z wymaganiami normy,\n- skuteczność działań.\n")
    assert _rows(d, "findings", "kind", "voice") == [("confirmed_conformity", "auditor")] * 2


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Audytowano 3 obszary: Wydział Dróg, Straż Miejską oraz Referat Podatków i Opłat.",
            ["Wydział Dróg", "Straż Miejska", "Referat Podatków i Opłat"],
        ),
        (
            "Sprawdzono m.in. wydziały: Geodezji, Spraw Obywatelskich oraz Kultury.",
            ["Wydział Geodezji", "Wydział Spraw Obywatelskich", "Wydział Kultury"],
        ),
        (
            "W trakcie audytu odwiedzono Referat Finansowy i Gminny Ośrodek Kultury.",
            ["Referat Finansowy", "Gminny Ośrodek Kultury"],
        ),
        ("Audytem objęto Urząd Gminy oraz Referat Oświaty.", ["Referat Oświaty"]),
    ],
)
def test_units_named_in_prose(sentence: str, names: list[str]) -> None:
    """Units named after a verb of auditing are one unit each, in the nominative; 'i' joins words of one name
    unless a unit's noun follows; the office itself is no unit."""
    _count, named = units(sentences(sentence)[0])
    assert [n.value for n, _w in named] == names[: len(named)] and len(named) == len(names)


def test_lead_is_its_lines_last_sentence() -> None:
    """'Odwiedzono dwa wydziały. W raporcie wymieniono:' leads a list of praise, not of units."""
    d = _draft(AUDIT + "Odwiedzono Wydział Dróg. W raporcie wśród mocnych stron wymieniono:\n- sprawną obsługę,\n")
    assert _rows(d, "findings", "kind") == [("praise",)]


OFFICE = "Urząd Gminy Testowo ma certyfikat ISO 9001:2015. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (OFFICE + "Audyt certyfikujący odbył się w maju 2016 r.", [("initial", "2016-05")]),
        (OFFICE + "W maju 2016 r. odbył się audyt. Była to pierwsza certyfikacja urzędu.", [("initial", "2016-05")]),
        (OFFICE + "Co roku urząd przechodzi audyty nadzoru.", []),
        (OFFICE + "Rada postanowiła nie przystępować do audytu odnowieniowego.", []),
        (OFFICE + "Urząd przygotowuje się do przejścia na normę ISO 9001:2015 w 2018 r.", []),
        (
            OFFICE + "Audyt przeprowadzono w marcu 2016 r., a certyfikat wręczono wójtowi 20 kwietnia 2016 r.",
            [("unspecified", "2016-03"), ("handover", "2016-04-20")],
        ),
        (
            OFFICE + "Wójt odebrał certyfikat 20 kwietnia 2016 r. Certyfikat odebrał z rąk prezesa jednostki.",
            [("handover", "2016-04-20")],
        ),
        (OFFICE + "Na zdjęciu: wójt odbiera certyfikat (fot. UG).", []),
        (
            "Urząd Gminy Testowo uzyskał certyfikat ISO 9001:2000 w 2004 r. Certyfikat przedłużono w 2007 r.",
            [("initial", "2004"), ("recertification", "2007")],
        ),
        (OFFICE + "Audyt przejścia na nową wersję normy odbył się w maju 2018 r.", [("transition", "2018-05")]),
    ],
)
def test_event_rules(text: str, expected: list[tuple]) -> None:
    """Certification audits and first certifications are initial; habits, declined audits, preparations and photo
    captions are no events; two clauses with their own dates are two events; an undated second mention of a
    handover is the same handover; a plain grant before a renewal is the first certification; a transition audit."""
    assert _rows(_draft(text), "events", "kind", "event_on") == expected


def test_issue_told_by_a_participle_is_no_event() -> None:
    """'certyfikat ..., wydany przez ... w dniu 1.10.2009 r.' dates the certificate's issue; no event is told."""
    d = _draft("Urząd Gminy Testowo posiada certyfikat ISO 9001:2008, wydany przez PCBC w dniu 1.10.2009 r.")
    assert _rows(d, "events", "kind") == []
    assert _rows(d, "certificates", "issued_on") == [("2009-10-01",)]


def test_expiry_is_the_certificates_validity_end() -> None:
    """The day a certificate ran out is its valid_until."""
    d = _draft("Z dniem 15 stycznia 2013 r. wygasła ważność certyfikatu ISO 9001 Urzędu Gminy Testowo.")
    assert _rows(d, "certificates", "valid_until") == [("2013-01-15",)]


def test_year_of_an_edition_is_no_event_date() -> None:
    """'normy z 2008 r.' names an edition, not the audit's date."""
    d = _draft("W Urzędzie Gminy Testowo odbył się audyt nadzoru według normy z 2008 r.")
    assert _rows(d, "events", "event_on") == [(None,)]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015. Certyfikat jest ważny trzy lata.", 3),
        ("Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015 na kolejne trzy lata.", 3),
    ],
)
def test_validity_in_words(sentence: str, years: int) -> None:
    """A validity written as a word ('trzy lata') is its number of years."""
    assert _rows(_draft(sentence), "certificates", "validity_years") == [(years,)]


def test_range_from_to() -> None:
    """'od 12 do 14 września 2005 roku' is a range dated by its first day, not a start date."""
    (d,) = find_dates("Audyt trwał od 12 do 14 września 2005 roku.")
    assert (d.value, d.last, d.lead) == ("2005-09-12", "2005-09-14", "od…do")


def test_record_entry_date_is_publication() -> None:
    """A BIP record's 'Data wprowadzenia: 2010-01-20' is its date."""
    assert publication_date("Tekst o certyfikacie.\nData wprowadzenia: 2010-01-20\n").value == "2010-01-20"


# Offices


@pytest.mark.parametrize(
    ("sentence", "office"),
    [
        ("Bełchatowski magistrat przeszedł audyt ISO 9001.", ("belchatow", "city_hall", "Bełchatów")),
        ("Kępińskie starostwo otrzymało certyfikat ISO 9001.", ("kepno-powiat", "county_office", "Kępno")),
        ("Certyfikat ISO 9001 trafił do kieleckiego ratusza.", ("kielce", "city_hall", "Kielce")),
    ],
)
def test_office_from_a_towns_adjective(sentence: str, office: tuple) -> None:
    """A town's adjective with 'magistrat', 'ratusz' or 'starostwo' names that town's office (the adjective's lemma
    turned back into a place morfeusz2 and GeoNames know)."""
    assert _rows(_draft(sentence), "offices", "office_id", "office_kind", "place") == [office]


def test_named_office_beats_an_adjective() -> None:
    """An office named in full is preferred to one only an adjective names."""
    d = _draft("Urząd Gminy Testowo wdrożył ISO 9001. Radomski magistrat też to zrobił.")
    assert _rows(d, "sources", "office_id") == [("testowo-gmina",)]


def test_region_adjective_is_no_town() -> None:
    """'śląski urząd' names a region, no town's office."""
    assert _rows(_draft("Śląski urząd otrzymał certyfikat ISO 9001."), "offices", "place") == []


def test_office_from_the_postal_address() -> None:
    """A page naming no office is placed by the postcode of its contact line, a city hall unless it speaks of a
    gmina or county, and says it is unsure."""
    d = _draft(
        "Urząd ponownie uzyskał certyfikat ISO 9001:2015.\nKontakt: ul. Długa 1, 81-300 Gdynia, tel. 58 000 00 00"
    )
    (office,) = d.tables["offices"]
    assert (_v(office, "office_id"), _v(office, "place")) == ("gdynia", "Gdynia")
    assert "Not named in the text" in office["office_id"].reason


def test_office_from_the_web_address() -> None:
    """With no office named and no postcode, a host label that is a town's ASCII name places the page."""
    d = _draft("Starosta poinformował, że urząd otrzymał certyfikat ISO 9001.", url="https://www.bip.kepno.pl/a/1")
    assert _rows(d, "offices", "office_id", "office_kind", "place") == [("kepno-powiat", "county_office", "Kępno")]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Audyt w Urzędzie Miejskim w Bielsku-Białej.", "Bielsko-Biała"),
        ("Audyt w Urzędzie Miasta w Ostrowi Mazowieckiej.", "Ostrów Mazowiecka"),
        ("Audyt w Urzędzie Gminy Suchy Las.", "Suchy Las"),
        ("Audyt w Urzędzie Gminy Zielonki.", "Zielonki"),
    ],
)
def test_place_names_of_several_words(sentence: str, place: str) -> None:
    """A declined place name of two words or with a hyphen is the nominative GeoNames knows; one written in the
    nominative stays as written."""
    (m,) = offices(sentence, known(REGISTER))
    assert m.extra[1] == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "W raporcie zapisano jedno spostrzeżenie: należy uzupełnić rejestr ryzyk.",
            [("observation", "auditor", "należy uzupełnić rejestr ryzyk")],
        ),
        (
            "W wyniku audytu stwierdzono:\na) jedną niezgodność drobną w Wydziale Dróg,\n"
            "b) dwa spostrzeżenia o procesach.",
            [
                ("nonconformity", "auditor", "a) jedną niezgodność drobną w Wydziale Dróg"),
                ("observation", "auditor", "b) dwa spostrzeżenia o procesach"),
            ],
        ),
        (
            "Audytorzy zalecili, aby ankiety objęły także przedsiębiorców.",
            [("recommendation", "auditor", "Audytorzy zalecili, aby ankiety objęły także przedsiębiorców.")],
        ),
        ("Audytor zarekomendował wydanie nowego certyfikatu.", []),
        (
            "– Bardzo dobrze działa obsługa skarg, a karty usług są czytelne – mówi nam audytor wiodący.",
            [
                ("praise", "auditor", "Bardzo dobrze działa obsługa skarg"),
                ("praise", "auditor", "karty usług są czytelne"),
            ],
        ),
        (
            "„Urząd bardzo dobrze prowadzi rejestr wniosków” – mówi nam audytor wiodący.",
            [("praise", "auditor", "Urząd bardzo dobrze prowadzi rejestr wniosków")],
        ),
        (
            "W raporcie audytorzy wyróżnili m.in. sprawne rozliczanie faktur oraz porządek w archiwum.",
            [("praise", "auditor", "sprawne rozliczanie faktur"), ("praise", "auditor", "porządek w archiwum")],
        ),
        (
            "Wśród mocnych stron raport wymienia przejrzyste procedury, a także porządek w archiwum.",
            [
                ("praise", "auditor", "Wśród mocnych stron raport wymienia przejrzyste procedury"),
                ("praise", "auditor", "porządek w archiwum"),
            ],
        ),
        (
            "Zdaniem audytorów mocną stroną urzędu jest punkt obsługi, który działa także w soboty.",
            [("praise", "auditor", "mocną stroną urzędu jest punkt obsługi, który działa także w soboty")],
        ),
        (
            "Audyt potwierdził zgodność systemu z normą; urząd zachowuje certyfikat.",
            [("confirmed_conformity", "auditor", "Audyt potwierdził zgodność systemu z normą")],
        ),
        (
            "Zalecono, by wyniki ankiet omawiać na naradach kierownictwa.",
            [("recommendation", "auditor", "Zalecono, by wyniki ankiet omawiać na naradach kierownictwa.")],
        ),
        (
            "W marcu przeprowadziliśmy audyt w urzędzie. Szczególnie cenimy sposób, w jaki gmina prowadzi konsultacje.",
            [
                (
                    "praise",
                    "certification_body",
                    "Szczególnie cenimy sposób, w jaki gmina prowadzi konsultacje.",
                )
            ],
        ),
        ("Szczególnie cenimy sposób, w jaki nasza gmina prowadzi konsultacje.", []),
        (
            "„Ten urząd pokazał, że można pracować bez papieru” – mówi dyrektor jednostki certyfikującej.",
            [("praise", "certification_body", "Ten urząd pokazał, że można pracować bez papieru")],
        ),
        ("„Administracja coraz częściej dba o jakość” – mówi dyrektor jednostki certyfikującej.", []),
        (
            "Audytorzy wskazali jedną niezgodność drobną: brak planu szkoleń na 2020 rok. Urząd ma 30 dni na poprawę.",
            [("nonconformity", "auditor", "brak planu szkoleń na 2020 rok")],
        ),
        ("\nAudyt potwierdził zgodność systemu\n\nTekst strony.", []),
        (
            "Dyrektor oddziału jednostki certyfikującej podkreślił, że urząd wzorowo prowadzi ankiety.",
            [("praise", "certification_body", "urząd wzorowo prowadzi ankiety")],
        ),
        (
            "Według raportu urząd sprawnie obsługuje wnioski, a kierownictwo dba o szkolenia.",
            [
                ("praise", "auditor", "urząd sprawnie obsługuje wnioski"),
                ("praise", "auditor", "kierownictwo dba o szkolenia"),
            ],
        ),
        (
            "Audytorzy potwierdzili, że system jest skutecznie utrzymywany, a certyfikat zachowuje ważność.",
            [("confirmed_conformity", "auditor", "Audytorzy potwierdzili, że system jest skutecznie utrzymywany")],
        ),
    ],
)
def test_finding_rules(text: str, expected: list[tuple]) -> None:
    """An item named after a colon takes the lead's noun for its kind; items under 'stwierdzono:' their own words'
    kind; recommendations (not of a certificate) are findings, an impersonal 'Zalecono' the audit's whoever it names;
    a reported speech is its speaker's, cut at ', a ', without its dash, quotation marks and attribution; a body's
    representative's 'że' clause is the body's; 'Według raportu' praises, a praised item keeping its relative clause;
    several things after a praising verb are the things alone, after a listing verb the first keeps its lead; a
    confirmation is the clause saying it, up to a semicolon; a body that writes 'we audited' praises in 'cenimy',
    which without it is nobody's finding; a speaker crediting the office with an achievement praises it; an item named
    after '<kind> <adjective>:' ends with its sentence; a heading is no confirmation."""
    d = _draft(AUDIT + text)
    assert _rows(d, "findings", "kind", "voice", "quote") == expected


def test_legal_form_ends_a_sentence() -> None:
    """'... przez DEKRA Certification Sp. z o.o. Audytor wiodący ...' is two sentences."""
    assert len(sentences("Audyt przeprowadziła firma Testowa Sp. z o.o. Audytor wiodący docenił obsługę.")) == 2


def test_two_days_joined_by_i() -> None:
    """'22 i 23 stycznia 2018 r.' is a range dated by its first day."""
    (d,) = find_dates("Audyt przeprowadzono 22 i 23 stycznia 2018 r. w urzędzie.")
    assert (d.value, d.last) == ("2018-01-22", "2018-01-23")


def test_range_this_year() -> None:
    """'12-13 października br.' takes the publication's year and its first day."""
    (d,) = find_dates("W dniach 12-13 października br. odbył się audyt.", dt.date(2011, 10, 18))
    assert (d.value, d.last) == ("2011-10-12", "2011-10-13")


def test_date_opening_a_sentence_is_no_sentence() -> None:
    """'W dniach 15-16.05.2012 r. Polskie Centrum ... przeprowadziło audyt' is one sentence, dated."""
    d = _draft(
        "W dniach 15-16.05.2012 r. Polskie Centrum Badań i Certyfikacji przeprowadziło w Urzędzie Gminy Testowo "
        "audyt nadzoru."
    )
    assert _rows(d, "events", "kind", "event_on") == [("surveillance", "2012-05-15")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Urząd Miasta Testowo – historia\n2003 – urząd otrzymuje pierwszy certyfikat ISO 9001:2000.\n"
            "2006 – kolejna recertyfikacja.\n",
            [("initial", "2003"), ("recertification", "2006")],
        ),
        (
            "W maju 2020 r. w Urzędzie Gminy Testowo odbył się audyt przejścia na normę ISO 9001:2015, połączony z "
            "audytem nadzoru ISO 14001:2015.",
            [("transition", "2020-05"), ("surveillance", "2020-05")],
        ),
        (
            "Wójt Gminy Testowo odebrał certyfikat ISO 9001. Uroczystość odbyła się 15 maja 2019 r. w ratuszu.",
            [("handover", "2019-05-15")],
        ),
    ],
)
def test_more_event_rules(text: str, expected: list[tuple]) -> None:
    """A timeline's year dates its line; 'recertyfikacja' alone is a recertification; an audit 'połączony z audytem'
    is two events of one date; 'Uroczystość odbyła się ...' dates the handover before it."""
    assert _rows(_draft(text), "events", "kind", "event_on") == expected


def test_both_certificates_valid_until() -> None:
    """'Oba certyfikaty są ważne do ...' is every certificate's expiry."""
    d = _draft(
        "Urząd Gminy Testowo utrzymał certyfikaty ISO 9001:2015 i ISO 14001:2015. "
        "Oba certyfikaty są ważne do 18.01.2025 r."
    )
    assert _rows(d, "certificates", "valid_until") == [("2025-01-18",), ("2025-01-18",)]


def test_units_named_without_a_count() -> None:
    """Units named after 'Audytem objęto' are audited units even when no count is given."""
    d = _draft(AUDIT + "Audytem objęto Wydział Dróg oraz Referat Oświaty.")
    assert _rows(d, "audited_units", "unit_name") == [("Wydział Dróg",), ("Referat Oświaty",)]


def test_units_in_a_sentence_of_their_own() -> None:
    """'Sprawdzono m.in. wydziały: ...' after the audit's sentence names that audit's units."""
    d = _draft(AUDIT + "Sprawdzono m.in. wydziały: Geodezji oraz Kultury.")
    assert _rows(d, "audited_units", "unit_name") == [("Wydział Geodezji",), ("Wydział Kultury",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Na sesji w dniu 24 stycznia 2008 r. radni wysłuchali informacji o wynikach audytu, przeprowadzonego w "
            "Urzędzie Gminy Testowo w grudniu 2007 r. przez audytorów PCBC.",
            [("council_presentation", "2008-01-24"), ("unspecified", "2007-12")],
        ),
        (
            "System był w Urzędzie Gminy Testowo wdrażany do marca 2012 r., a certyfikat ISO 9001 urząd otrzymał "
            "w maju "
            "2012 r.",
            [("initial", "2012-05")],
        ),
    ],
)
def test_council_and_first_certificate(text: str, expected: list[tuple]) -> None:
    """Councillors hearing the results at a session is a council presentation, the audit in its participle clause
    an event of its own; the certificate that follows the system's implementation is the first."""
    assert _rows(_draft(text), "events", "kind", "event_on") == expected


def test_roman_numeral_is_no_place() -> None:
    """'Urząd Miasta Świdnik II audyt' names Świdnik, the numeral is the audit's."""
    (m,) = offices("W Urzędzie Miasta Świdnik II audyt pośredni zakończył się.", known(REGISTER))
    assert m.extra[1] == "Świdnik"


def test_observation_list_and_a_nonconformity_in_prose() -> None:
    """A list under 'zapisał dwie obserwacje:' is observations; 'Audytorzy wskazali jedną niezgodność' is a
    nonconformity, not praise."""
    d = _draft(AUDIT + "W raporcie zapisano dwie obserwacje:\n1. Warto rozważyć ankietę.\n2. Karty usług są stare.\n")
    assert {k for (k,) in _rows(d, "findings", "kind")} == {"observation"}
    d = _draft(AUDIT + "Audytorzy wskazali jedną niezgodność drobną w Wydziale Dróg.")
    assert _rows(d, "findings", "kind") == [("nonconformity",)]


def test_publication_label_beats_creation_label() -> None:
    """'Data publikacji' dates the page before 'Data wytworzenia' does."""
    d = publication_date("Tekst.\nData wytworzenia: 2015-02-10\nData publikacji: 2015-02-12\n")
    assert d.value == "2015-02-12"


def test_date_with_dashes() -> None:
    """'Dodano: 05-03-2009' is the fifth of March 2009."""
    assert publication_date("Tekst.\nDodano: 05-03-2009 przez: Administrator\n").value == "2009-03-05"


def test_praise_after_no_nonconformity() -> None:
    """'nie stwierdzili niezgodności, zwrócili natomiast uwagę na ...' is one praise: the clause after the comma."""
    d = _draft(AUDIT + "Audytorzy nie stwierdzili niezgodności, zwrócili natomiast uwagę na wzorowe archiwum.")
    assert _rows(d, "findings", "kind", "quote") == [("praise", "zwrócili natomiast uwagę na wzorowe archiwum")]


def test_certificates_plural_validity() -> None:
    """'Certyfikaty są ważne trzy lata.' is each certificate's validity."""
    d = _draft(
        "Urząd Gminy Testowo otrzymał certyfikaty ISO 9001:2015 i ISO 14001:2015. Certyfikaty są ważne trzy lata."
    )
    assert _rows(d, "certificates", "validity_years") == [(3,), (3,)]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Zespół audytorów ocenił system jako skuteczny.", True),
        ("Audytorzy ocenili, że urząd spełnia wymagania normy.", True),
        ("System został oceniony przez audytorów w zakresie zgodności z wymaganiami normy.", False),
    ],
)
def test_judged_conformity(sentence: str, found: bool) -> None:
    """The auditors judging the system effective is confirmed conformity; an audit described is not."""
    d = _draft(AUDIT + sentence)
    assert (_rows(d, "findings", "kind") == [("confirmed_conformity",)]) is found


def test_list_of_offices_names_what_is_missing() -> None:
    """A body's list of certified offices: each new office row has its source, and every required field is filled
    or named in its note."""
    d = _draft(
        "SGS Polska przyznało certyfikaty ISO 9001:2015 urzędom:\n- Urząd Gminy w Pcimiu – ważny do 1.03.2024 r.,\n"
        "- Urząd Miasta Zabrze – ważny do 2.04.2024 r.\n"
    )
    (office,) = d.tables["offices"]
    assert _v(office, "source_id") == "x"
    for column in ("voivodeship", "latitude", "longitude", "office_name", "quote"):
        assert _v(office, column) or column in office["note"].value
    assert all(c["quote"].value for c in d.tables["certificates"])


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("Audytorzy docenili m.in. nowe standardy obsługi w urzędzie i dostępność usług przez internet.", 2),
        ("Audytorzy docenili sprawny system przyjmowania i rozpatrywania skarg.", 1),
    ],
)
def test_praise_items_joined_by_i(sentence: str, items: int) -> None:
    """Two things praised joined by 'i' are two items; 'i' inside one thing's genitive is not a cut."""
    assert len(_draft(AUDIT + sentence).tables["findings"]) == items


def test_loose_form_is_an_inferred_edition() -> None:
    """'PN EN ISO 9001:2009' is not a form standard_forms.csv lists: its edition is inferred, with the reason."""
    (cert,) = _draft("Urząd Gminy Testowo ma certyfikat zgodności z normą PN EN ISO 9001:2009.").tables["certificates"]
    assert (_v(cert, "edition_basis"), _v(cert, "standard_id")) == ("inferred", "iso9001-2008")
    assert _v(cert, "edition_reason")


def test_nonconformity_words_stand_in_the_events_quote() -> None:
    """'Nie stwierdzono niezgodności.' in a sentence of its own is in the event's quote."""
    (event,) = _draft(AUDIT + "Nie stwierdzono niezgodności.").tables["events"]
    assert "Nie stwierdzono niezgodności." in event["quote"].value


# Rows that agree with their quotes (drafts that build)


def test_an_issue_date_before_its_edition_belongs_to_an_earlier_certificate() -> None:
    """'First certified in 2004 … now to ISO 9001:2015': the certificate to the 2015 edition was not issued in 2004;
    the 2004 certificate is a row of its own, to the edition current then (inferred), with the initial event."""
    d = _draft(
        "Urząd Gminy Kobyla Góra po raz pierwszy uzyskał certyfikat w 2004 r. Certyfikat przedłużano po audytach w "
        "latach 2010, 2013, 2016 i 2019. Obecny certyfikat potwierdza zgodność z normą ISO 9001:2015."
    )
    assert _rows(d, "certificates", "standard_id", "edition_basis", "issued_on") == [
        ("iso9001-2015", "stated", None),
        ("iso9001-2000", "inferred", "2004"),
    ]
    first = {r["event_id"].value for r in d.tables["events"] if _v(r, "kind") == "initial"}
    assert {r["certificate_id"].value for r in d.tables["event_certificates"] if r["event_id"].value in first} == {
        "x-cert-2"
    }


def test_a_quote_leaves_out_a_sentence_about_another_body_s_audit() -> None:
    """An audit by one body keeps no passage of its quote that names another body and holds none of its values."""
    text = "Audytorzy SGS Polska sprawdzili starostwo w marcu 2020 r. Urząd miasta ma certyfikat od Bureau Veritas."
    first, second = (0, text.index(" Urząd")), (text.index("Urząd"), len(text))
    row = {"body_id": Drafted("sgs", (10, 20), 1.0), "quote": quote_of(text, [first, second])}
    row["event_on_as_written"] = Drafted("w marcu 2020 r.", (text.index("w marcu"), text.index("r.") + 2), 1.0)
    _quote_keeps_to_its_body(text, row, bodies(text, known(REGISTER)))
    assert row["quote"].value == text[: first[1]]


def test_a_written_date_stands_in_its_event_s_quote() -> None:
    """Every value kept as the document writes it stands in its row's quote (the build checks it)."""
    text = "Audyt nadzoru przeprowadzono w urzędzie. Trwał od 4 do 6 marca 2020 r. i zakończył się pomyślnie."
    row = {"quote": quote_of(text, [(0, text.index(" Trwał"))])}
    start = text.index("od 4")
    row["event_on_as_written"] = Drafted(
        "od 4 do 6 marca 2020 r.", (start, start + len("od 4 do 6 marca 2020 r.")), 1.0
    )
    _quote_holds_as_written(text, row)
    assert "od 4 do 6 marca 2020 r." in row["quote"].value and row["quote"].value.startswith("Audyt nadzoru")


def test_an_undated_event_keeps_its_reasoning_in_its_note() -> None:
    """A reason for a date the drafter could not give, without bounds, is no inferred date: it goes to the note."""
    row = {"event_on_inferred_reason": Drafted("The text gives no year.", (0, 5), 0.5)}
    _no_reason_without_a_date(row)
    assert "event_on_inferred_reason" not in row and row["note"].value == "The text gives no year."
    bounded = {
        "event_on_not_before": Drafted("2015", (0, 4), 1.0),
        "event_on_inferred_reason": Drafted("Why.", (0, 4), 1),
    }
    _no_reason_without_a_date(bounded)
    assert bounded["event_on_inferred_reason"].value == "Why."  # bounds: the reasoning stays with them


# Issue dates: only where the text dates the issue or award (tests/draft_corpus/README.md)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        (
            "W maju 2018 r. audytorzy przeprowadzili w Urzędzie Gminy Testowo audyt recertyfikacyjny, po którym "
            "zarekomendowali przyznanie certyfikatu ISO 9001:2015.",
            "2018-05",
        ),
        (
            "W dniu 4 czerwca 2018 r. zakończył się audyt w Urzędzie Gminy Testowo, którego wynikiem jest "
            "przedłużenie certyfikatu ISO 9001:2015 na kolejne trzy lata.",
            None,
        ),
    ],
)
def test_an_audit_s_date_is_no_issue_date(text: str, bound: str | None) -> None:
    """An audit whose outcome is a grant or a renewal dates the audit, not the certificate (a grant's audit bounds
    the issue from below)."""
    (cert,) = _draft(text).tables["certificates"]
    assert (_v(cert, "issued_on"), _v(cert, "issued_on_not_before")) == (None, bound)


@pytest.mark.parametrize(
    "sentence",
    [
        "Urząd Gminy Testowo otrzymał certyfikat ISO 9001:2015 w 2019 r.",
        "W 2019 r. Urząd Gminy Testowo uzyskuje certyfikat ISO 9001:2015.",
        "W 2019 r. audyt w Urzędzie Gminy Testowo zakończył się wydaniem nowego certyfikatu ISO 9001:2015.",
    ],
)
def test_a_grant_s_own_date_is_the_issue_date(sentence: str) -> None:
    """A clause telling the grant by a verb, or the issuing by its noun ('wydaniem certyfikatu'), dates the issue."""
    (cert,) = _draft(sentence).tables["certificates"]
    assert (_v(cert, "issued_on"), _v(cert, "issued_on_as_written").lower()) == ("2019", "w 2019 r.")


def test_an_expiry_date_is_no_issue_date() -> None:
    """The day a certificate ran out is no issue date, though the sentence says who issued it."""
    d = _draft("Z dniem 1 lutego 2014 r. wygasła ważność certyfikatu ISO 9001 wydanego Urzędowi Gminy Testowo.")
    (cert,) = d.tables["certificates"]
    assert (_v(cert, "issued_on"), _v(cert, "valid_until")) == (None, "2014-02-01")


@pytest.mark.parametrize(
    "sentence",
    [
        "Urząd Gminy Testowo posiada certyfikat ISO 9001 od 2005 r., a gminna biblioteka – od 2012 r.",
        "Urząd Gminy Testowo od 2005 r. posiada certyfikat ISO 9001, a gminna biblioteka – od 2012 r.",
    ],
)
def test_held_since_dates_the_grant(sentence: str) -> None:
    """'posiada certyfikat ISO 9001 od 2005 r.' dates the office's grant; another holder's 'od' after ', a' does not."""
    assert _rows(_draft(sentence), "certificates", "issued_on", "issued_on_as_written") == [("2005", "od 2005 r.")]


def test_held_since_before_an_edition_inferred_later() -> None:
    """Held since 2005 and audited in 2020: the edition current in 2020 is not inferred for a certificate held since
    before it was published."""
    d = _draft("Urząd Gminy Testowo od 2005 r. posiada certyfikat ISO 9001. W marcu 2020 r. przeszedł audyt nadzoru.")
    assert _rows(d, "certificates", "issued_on", "standard_id", "edition_basis") == [("2005", None, "unknown")]


def test_a_heading_dates_the_grant_it_tells() -> None:
    """A heading 'Recertyfikacja ISO – 2019 r.' over a grant with no date of its own: issued that year, inferred."""
    d = _draft(
        "Recertyfikacja ISO – 2019 r.\n\nUrząd Gminy Testowo otrzymał certyfikat ISO 9001:2015 ważny do 10.06.2022 r."
    )
    assert _rows(d, "certificates", "issued_on", "issued_on_inferred_part") == [("2019", "whole")]


# Certificates of other holders


@pytest.mark.parametrize(
    "sentence",
    [
        "Wykonawca musi posiadać certyfikat ISO 9001:2015 ważny co najmniej do 30.06.2024 r.",
        "Miejskie Przedsiębiorstwo Komunikacji w Testowie uzyskało certyfikat ISO 14001:2015. Audyt w spółce "
        "przeprowadził TÜV NORD w marcu 2021 r.",
    ],
)
def test_another_holder_s_certificate_is_no_row(sentence: str) -> None:
    """A contractor's required certificate or a municipal company's, on an office's page: no certificate, no event."""
    d = _draft(f"Urząd Gminy Testowo\n\nOgłoszenie\n\n{sentence}")
    assert (d.tables["certificates"], d.tables["events"]) == ([], [])


def test_legal_form_s_a_ends_a_sentence() -> None:
    """'... audytorów PCBC S.A. Był to audyt ...' is two sentences."""
    assert len(sentences("Audyt przeprowadzili audytorzy Testcert S.A. Był to audyt odnowieniowy.")) == 2


# Two offices of one town on one page


def test_a_second_office_gets_its_own_certificate() -> None:
    """A city hall the county office's page also tells a certificate of is its own office, certificate and audit."""
    d = _draft(
        "Starostwo Powiatowe w Kępnie otrzymało w marcu 2020 r. certyfikat ISO 9001:2015 od PRS. "
        "Urząd Miasta Kępno przeszedł audyt nadzoru w 2019 r.; jego certyfikat wydało Bureau Veritas."
    )
    assert _rows(d, "offices", "office_id") == [("kepno-powiat",), ("kepno",)]
    assert _rows(d, "sources", "office_id") == [(None,)]  # a page about two offices is cited by the rows of each
    assert _rows(d, "certificates", "office_id", "family", "standard_as_written", "body_id") == [
        ("kepno-powiat", "ISO 9001", "ISO 9001:2015", "prs"),
        ("kepno", "ISO 9001", None, "bureau-veritas"),
    ]
    assert _rows(d, "events", "office_id", "kind", "event_on") == [
        ("kepno-powiat", "unspecified", "2020-03"),
        ("kepno", "surveillance", "2019"),
    ]


def test_an_office_named_by_its_kind_after_its_full_name() -> None:
    """'Urząd Gminy otrzymał certyfikat ważny do ...' after both offices of Mielec were named is the gmina's."""
    d = _draft(
        "Urząd Miasta Mielec i Urząd Gminy Mielec mają certyfikaty ISO 9001:2015. Urząd Miasta Mielec przeszedł "
        "audyt nadzoru w maju 2021 r. Urząd Gminy otrzymał certyfikat ważny do 3 marca 2024 r."
    )
    assert _rows(d, "certificates", "office_id", "valid_until") == [("mielec", None), ("mielec-gmina", "2024-03-03")]


def test_a_town_s_adjective_with_urzad_is_the_document_s_office() -> None:
    """'kórnickiego urzędu' on the page of Kórnik's gmina office does not tell a city hall: no second office."""
    d = _draft(
        "Pierwszy certyfikat dla kórnickiego urzędu\n\nUrząd Miasta i Gminy Kórnik otrzymał certyfikat ISO 9001."
    )
    assert _rows(d, "offices", "office_id") == [("kornik-gmina",)]


def test_a_list_page_s_group_events_are_each_office_s() -> None:
    """A body's news: a handover told in the list's lead and audits told of 'all three offices' after it are one
    event per listed office, each linked to that office's certificate."""
    d = _draft(
        "Certyfikaty dla trzech urzędów\n\n"
        "3 marca 2022 r. przedstawiciele TÜV NORD wręczyli certyfikaty ISO 9001:2015 następującym urzędom:\n"
        "- Urzędowi Miasta Kępno,\n- Urzędowi Gminy Mielec,\n- Starostwu Powiatowemu w Bochni.\n\n"
        "Wszystkie trzy urzędy przeszły audyty certyfikujące w styczniu 2022 r."
    )
    assert sorted(_rows(d, "events", "office_id", "kind", "event_on")) == sorted(
        (office, kind, date)
        for office in ("kepno", "mielec-gmina", "bochnia-powiat")
        for kind, date in (("handover", "2022-03-03"), ("initial", "2022-01"))
    )
    assert len(d.tables["event_certificates"]) == 6


def test_an_edition_to_move_to_is_no_certificate() -> None:
    """'przygotowuje się do przejścia na normę ISO 9001:2015' names the edition to come: the certificate is the one
    held."""
    d = _draft(
        "Urząd Gminy Testowo posiada certyfikat ISO 9001:2008 ważny do 15.09.2018 r. Urząd przygotowuje się do "
        "przejścia na normę ISO 9001:2015."
    )
    assert _rows(d, "certificates", "standard_id") == [("iso9001-2008",)]


def test_the_new_edition_s_validity() -> None:
    """'certyfikat zgodności z nową wersją normy, ważny do ...' after a transition between two editions is the newer
    edition's validity, not the older one's nor another family's."""
    d = _draft(
        "W maju 2024 r. w Urzędzie Gminy Testowo odbył się audyt przejścia z ISO/IEC 27001:2013 na ISO/IEC "
        "27001:2022 oraz audyt nadzoru ISO 9001:2015. Urząd otrzymał certyfikat zgodności z nową wersją normy, "
        "ważny do 31 maja 2027 r."
    )
    assert _rows(d, "certificates", "standard_id", "valid_until") == [
        ("iso27001-2013", None),
        ("iso27001-2022", "2027-05-31"),
        ("iso9001-2015", None),
    ]


def test_a_timeline_line_with_a_later_validity_is_the_next_certificate() -> None:
    """'2021 – kolejna recertyfikacja, certyfikat ważny do maja 2024 r.' after the 2018 line's certificate valid to
    2021 is the next period's certificate: same edition (inferred), issued in the line's year."""
    d = _draft(
        "Urząd Gminy Testowo – historia systemu\n"
        "2018 – urząd uzyskuje certyfikat ISO 9001:2015 ważny do 20.05.2021 r.\n"
        "2021 – kolejna recertyfikacja, certyfikat ważny do maja 2024 r.\n"
    )
    assert _rows(d, "certificates", "standard_id", "issued_on", "valid_until") == [
        ("iso9001-2015", "2018", "2021-05-20"),
        ("iso9001-2015", "2021", "2024-05"),
    ]


def test_a_handover_of_a_certificate_named_before() -> None:
    """'Ten drugi ... burmistrz odebrał 5 czerwca 2019 r.' after a sentence naming certificates is a handover."""
    d = _draft(
        "Urząd Miasta Kępno ma certyfikaty ISO 9001:2015 i ISO 14001:2015. Ten drugi burmistrz odebrał 5 czerwca "
        "2019 r. w Poznaniu."
    )
    assert _rows(d, "events", "kind", "event_on") == [("handover", "2019-06-05")]


def test_who_issued_a_certificate_is_no_event() -> None:
    """'Certyfikat ISO 9001 wydało wcześniej PCBC' (no date, no kind) says who issued it: no event, the body kept."""
    d = _draft("Certyfikat ISO 9001 dla Urzędu Miasta Kępno wydało wcześniej PCBC.")
    assert d.tables["events"] == [] and _rows(d, "certificates", "body_id") == [("pcbc",)]


def test_renewed_each_time_for_years() -> None:
    """'Certyfikat przedłużano w latach 2014 i 2017, każdorazowo na trzy lata' gives the certificate's validity in
    years."""
    d = _draft(
        "Urząd Gminy Testowo ma certyfikat ISO 9001:2015. Certyfikat przedłużano po audytach w latach 2014 i 2017, "
        "każdorazowo na trzy lata."
    )
    assert _rows(d, "certificates", "validity_years") == [(3,)]


def test_two_offices_events_in_text_order_beside_an_issue_date() -> None:
    """With a second office, events keep the text's order (each with its office) when the first office's issue date
    is told by a participle (no event row)."""
    d = _draft(
        "Urząd Miasta Kępno przeszedł audyt nadzoru w maju 2020 r.; jego certyfikat ISO 9001:2015 wydało Bureau "
        "Veritas. Starostwo Powiatowe w Kępnie ma certyfikat ISO 9001:2015, wydany przez PRS w dniu 1.10.2019 r. "
        "Starostwo Powiatowe w Kępnie przeszło audyt nadzoru w czerwcu 2020 r."
    )
    assert _rows(d, "events", "office_id", "event_on") == [("kepno", "2020-05"), ("kepno-powiat", "2020-06")]
