"""Partial dates and quote matching, the two primitives every curated fact rests on."""

import datetime as dt

import pytest

from cityiso.dates import parse_partial_date
from cityiso.quotes import quote_problem


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"),
        ("2018-04", dt.date(2018, 4, 1), dt.date(2018, 4, 30), "month"),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month"),
        ("2016-09-30", dt.date(2016, 9, 30), dt.date(2016, 9, 30), "day"),
    ],
)
def test_partial_date_keeps_its_period(text: str, start: dt.date, end: dt.date, precision: str) -> None:
    date = parse_partial_date(text)
    assert (date.start, date.end, date.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2015-13", "not a calendar date"),
        ("2015-02-30", "not a calendar date"),
        ("30.09.2016", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2016-9-30", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("około 2015", "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_bad_date_says_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_partial_date(text)


DOCUMENT = "Audit objął\n11 obszarów\u00a0działań. Kolejny audit odbędzie się w 2020 r."


@pytest.mark.parametrize(
    ("quote", "ok"),
    [
        ("objął 11 obszarów działań", True),  # line break and no-break space fold to one space
        ("Audit objął [...] w 2020 r.", True),  # passages in order
        ("w 2020 r. [...] Audit objął", False),  # passages out of order
        ("objął 12 obszarów", False),
        ("OBJĄŁ 11 obszarów", False),  # case matters: a quote is verbatim
    ],
)
def test_quote_found_whitespace_aside(quote: str, ok: bool) -> None:
    assert (quote_problem(quote, DOCUMENT) is None) is ok
