"""The drafter's rules for situations real documents bring (issue 19), one invented sentence each."""

from pathlib import Path

import pytest

from cityiso.draft.core import draft
from cityiso.draft.dates import find_dates, publication_date

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
