"""Small pure helpers behind the pages: dates in words, selections, comparisons, URL parsers."""

import datetime as dt

import pandas as pd
import pytest

from cityiso.app import urlstate
from cityiso.labels import format_bounds, format_date
from cityiso.views.compare import themes_only_in
from cityiso.views.selection import Pick, latest_pick, selected_points


@pytest.mark.parametrize(
    ("date", "precision", "lang", "inferred", "text"),
    [
        (dt.date(2016, 9, 30), "day", "pl", False, "30 września 2016"),
        (dt.date(2016, 9, 30), "day", "en", False, "30 September 2016"),
        (dt.date(2015, 3, 1), "month", "pl", False, "marzec 2015"),
        (dt.date(2015, 3, 1), "month", "en", False, "March 2015"),
        (dt.date(2019, 1, 1), "year", "pl", True, "~2019"),
        (pd.Timestamp("2018-05-28"), "day", "pl", False, "28 maja 2018"),
        (None, None, "pl", False, "bez daty"),
        (pd.NaT, None, "en", False, "undated"),
    ],
)
def test_dates_in_the_languages_form(date, precision: str, lang: str, inferred: bool, text: str) -> None:
    assert format_date(date, precision, lang, inferred) == text


def test_a_new_pick_replaces_the_one_before_it() -> None:
    """Clicking the theme chart after the clause chart shows the theme's findings alone, not both charts' points."""
    clause = {"by_clause": [["a", 5]], "by_theme": [], "heatmap": []}
    assert latest_pick(clause, {}) == ("by_clause", Pick("clause", ("a|5",)))
    both = {**clause, "by_theme": [["b", "it"]]}
    assert latest_pick(both, clause) == ("by_theme", Pick("theme", ("b|it",)))
    assert latest_pick(both, both) is None  # a rerun with nothing clicked keeps the pick
    assert latest_pick({**clause, "by_clause": []}, clause) == ("by_clause", None)  # unselected: nothing picked
    # Points added with shift on one chart stay one pick; a finding with no clause has the key 'office|'.
    assert latest_pick({"by_clause": [["a", 5], ["a", None]]}, {}) == ("by_clause", Pick("clause", ("a|5", "a|")))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("clause:zabrze|5", Pick("clause", ("zabrze|5",))),
        ("theme:|leadership,a|it", Pick("theme", ("|leadership", "a|it"))),
        ("", None),
    ],
)
def test_a_pick_from_the_url(raw: str, expected) -> None:
    assert urlstate.pick("en")(raw) == expected


@pytest.mark.parametrize(
    "raw", ["clause", "office:a|5", "clause:a", "clause:a|5|6", "theme:a|" + "x" * 101, "clause:a|\x00"]
)
def test_a_bad_pick_from_the_url_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match=r"expected e\.g\. clause:zabrze"):
        urlstate.pick("en")(raw)


def test_selected_points_reads_streamlit_events() -> None:
    event = {"selection": {"points": [{"customdata": ["a", 5]}, {"x": 1}]}}
    assert selected_points(event) == [["a", 5]]
    assert selected_points(None) == []


def test_themes_praised_in_one_office_only() -> None:
    by_theme = pd.DataFrame(
        {"office_id": ["a", "a", "b"], "theme_id": ["comm", "eu", "comm"], "count_findings": [1, 2, 3]}
    )
    assert themes_only_in(by_theme, "a")["theme_id"].tolist() == ["eu"]
    assert themes_only_in(by_theme, "b").empty


@pytest.mark.parametrize(
    ("parser", "raw", "value"),
    [
        (urlstate.codes(["a", "b"], "en"), "a,b", ["a", "b"]),
        (urlstate.choice(["count", "share"], "en"), "share", "share"),
        (urlstate.date("en"), "2016-10-01", dt.date(2016, 10, 1)),
        (urlstate.year_range("en", 2010, 2020), "2015-2019", (2015, 2019)),
        (urlstate.flag("en"), "false", False),
    ],
)
def test_url_values_parse(parser, raw: str, value) -> None:
    assert parser(raw) == value


@pytest.mark.parametrize(
    ("parser", "raw", "why"),
    [
        (urlstate.codes(["a", "b"], "en"), "a,c", "unknown values c"),
        (urlstate.codes(["a", "b", "c"], "en", 2, 2), "a", "choose 2 to 2 offices"),
        (urlstate.choice(["count", "share"], "pl"), "percent", "dozwolone: count, share"),
        (urlstate.date("en"), "2016-13-01", "YYYY-MM-DD"),
        (urlstate.year_range("en", 2010, 2020), "2020-2010", "YYYY-YYYY"),
        (urlstate.year_range("en", 2010, 2020), "x", "YYYY-YYYY"),
        (urlstate.flag("en"), "yes", "true, false"),
    ],
)
def test_bad_url_values_say_why(parser, raw: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parser(raw)


@pytest.mark.parametrize(
    ("low", "high", "lang", "expected"),
    [
        (dt.date(2016, 1, 1), dt.date(2017, 12, 31), "pl", "~2016–2017"),
        (dt.date(2015, 3, 1), dt.date(2017, 6, 30), "en", "~March 2015–June 2017"),
        (dt.date(2015, 3, 1), None, "pl", "~od marca 2015"),
        (None, dt.date(2016, 9, 29), "en", "~until 29 September 2016"),
        (None, dt.date(2016, 9, 30), "en", "~until September 2016"),  # a month's last day reads as the month
        (None, None, "en", "undated"),
    ],
)
def test_bounds_in_words(low, high, lang: str, expected: str) -> None:
    assert format_bounds(low, high, lang) == expected
