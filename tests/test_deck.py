"""The council deck from the real curated data: which slides, their titles, takeaways and footers."""

import datetime as dt

import duckdb
import pytest

from cityiso.deck import CHARTS, build_deck, ordinal
from cityiso.figures.common import for_slide
from cityiso.queries import run

AS_OF = dt.date(2016, 10, 1)


@pytest.fixture
def fetch(real_con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(real_con, name, **params)


def test_one_city_deck_in_english(fetch) -> None:
    slides = build_deck(fetch, ["zabrze"], "en", as_of=AS_OF)
    assert [s.key for s in slides] == ["title", "map", "cycles", "clauses", "themes", "findings"]
    assert [s.title for s in slides] == [
        "ISO certification: Zabrze",
        "Offices' certification status",
        "Certificates and events over time",
        "Findings by ISO 9001:2015 clause",
        "Findings by theme",
        "What the auditors praised: Zabrze",
    ]
    assert slides[0].takeaway == "Offices: 1 · certificates: 1 · events: 2 · praised items: 3"
    assert slides[1].takeaway == "Status on 1 October 2016: valid: 1"
    assert slides[2].takeaway == "Zabrze: 3rd certification cycle, valid until April 2018"
    assert slides[5].bullets[0] == "Building civil society: consultations on the participatory budget"
    for slide in slides:
        assert slide.footer.startswith("Sources: Certyfikacja Systemu Zarządzania Jakością – 2015 r. · data as of ")


def test_comparison_deck_in_polish(fetch) -> None:
    slides = build_deck(fetch, ["czestochowa", "zabrze", "legionowo"], "pl", as_of=AS_OF)
    assert [s.key for s in slides] == ["title", "map", "cycles", "clauses", "themes", "heatmap"] + ["findings"] * 3
    takeaways = {s.key: s.takeaway for s in slides}
    assert takeaways["cycles"] == (
        "Częstochowa: ISO 9001:2015, ostatni dowód: 2019 · Legionowo: ISO 9001:2008, ważny do 28 maja 2018 · "
        "Zabrze: 3. cykl certyfikacji, ważny do kwietnia 2018"
    )
    assert takeaways["clauses"] == "Najczęściej doceniane: 5 Przywództwo (11 z 34)"
    assert slides[-3].bullets[-1] == "… i 17 więcej"  # Częstochowa has 23 praised items; six are listed


def test_office_without_findings_gets_no_praise_slides(fetch) -> None:
    slides = build_deck(fetch, ["starogard-gdanski"], "pl", as_of=AS_OF)
    assert [s.key for s in slides] == ["title", "map", "cycles"]


def test_chosen_charts_only_and_every_chart_slide_has_a_figure(fetch) -> None:
    slides = build_deck(fetch, ["legionowo"], "en", charts=["themes", "cycles"], as_of=AS_OF)
    assert [s.key for s in slides] == ["title", "cycles", "themes"]
    assert all(s.figure is not None for s in slides[1:])


def test_slide_figures_drop_title_and_source_line_and_grow_type(fetch) -> None:
    slides = build_deck(fetch, ["zabrze"], "en", charts=["themes"], as_of=AS_OF, size=(1280, 720))
    fig = slides[1].figure
    assert fig.layout.title.text == ""
    assert not [a for a in fig.layout.annotations if a.name == "source_line"]
    assert (fig.layout.width, fig.layout.height) == (1178, 446)
    assert fig.layout.font.size == round(22 * 720 / 1080)


def test_for_slide_leaves_the_original_figure_alone(fetch) -> None:
    from cityiso.figures.praise import by_theme_bars

    df = fetch(
        "praised_by_theme",
        offices=["zabrze"],
        kinds=["praise"],
        voices=["auditor"],
        year_from=2000,
        year_to=2030,
        include_undated=True,
    )
    fig = by_theme_bars(df, "en", "count", "T", "S")
    for_slide(fig, 1920, 1080)
    assert fig.layout.title.text == "T"


@pytest.mark.parametrize(("n", "en"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (22, "22nd")])
def test_ordinals(n: int, en: str) -> None:
    assert ordinal(n, "en") == en
    assert ordinal(n, "pl") == f"{n}."


def test_all_charts_are_known() -> None:
    assert CHARTS == ("map", "cycles", "clauses", "themes", "heatmap", "findings")
