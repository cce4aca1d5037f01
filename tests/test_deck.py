"""The council deck from the fixture package (tests/fixture_package.py): which slides, their titles, takeaways
computed from the data, footers naming the sources, and what the auditors (and only they) praised."""

import datetime as dt
import itertools
from pathlib import Path

import duckdb
import pytest

from cityiso.build import build
from cityiso.deck.slides import CHARTS, build_deck
from cityiso.figures.common import for_slide
from cityiso.labels import format_date
from cityiso.queries import OfficeFilter, findings_filters, run
from cityiso.views.cycles import ordinal
from tests.fixture_package import write_package

# The fixture's town has two offices: the app (and so the deck) names each by its place and office name.
CITY = "Testowo (Urząd Miasta Testowo)"
COUNTY = "Testowo (Starostwo Powiatowe w Testowie)"
AS_OF = dt.date(2012, 6, 1)  # the county's ISO 9001:2008 valid, no evidence yet for the city hall
# What the certification body said at the 2nd surveillance ("Urząd jest wzorem dla innych samorządów.").
BODY_REMARK = {"en": "A model for others", "pl": "Wzór dla innych"}


@pytest.fixture(scope="module")
def fetch(package_con: duckdb.DuckDBPyConnection):
    return lambda name, **params: run(package_con, name, **params)


def built_on(package_con: duckdb.DuckDBPyConnection, lang: str) -> str:
    return format_date(package_con.execute("select max(built_at) from build_info").fetchone()[0], "day", lang)


def test_city_hall_deck_in_english(fetch, package_con: duckdb.DuckDBPyConnection) -> None:
    slides = build_deck(fetch, ["testowo"], "en", as_of=dt.date(2018, 11, 1))
    assert [s.key for s in slides] == ["title", "map", "cycles", "clauses", "themes", "findings"]
    assert [s.title for s in slides] == [
        f"ISO certification: {CITY}",
        "Offices' certification status",
        "Certificates and events over time",
        "Findings by ISO 9001:2015 clause",
        "Findings by theme",
        f"What the auditors praised: {CITY}",
    ]
    takeaways = [s.takeaway for s in slides]
    # ISO 9001 only: one certificate, the handover and the 2nd surveillance, two items the auditors praised.
    assert takeaways[0] == "ISO 9001 · offices: 1 · certificates: 1 · events: 2 · items the auditors praised: 2"
    assert takeaways[1] == "ISO 9001, status on 1 November 2018: valid: 1"
    assert takeaways[2] == f"{CITY}: ISO 9001:2015, valid until 19 September 2019"
    # One item each: a tie is stated, not settled by chance.
    assert takeaways[3] == "Most praised, tied: 5 Leadership, 7 Support (1 each of 2)"
    assert (
        takeaways[4] == "Most praised, tied: IT, Leadership commitment (1 each of 2)"
    )  # tied themes in theme_id order
    assert takeaways[5] == "Praised items: 2 · audits: 1"
    assert slides[5].bullets == ["Management commitment", "E-services"]
    # Both documents about the city hall (its portal, the body's news), never the curator's reference.
    # "As of" is the latest evidence (the surveillance of October 2018, known to the month); the build date apart.
    built = built_on(package_con, "en")
    footer = f"Sources: “Audit w Testowie”; “ISO w urzędzie” · evidence up to October 2018 · built {built}"
    assert {s.footer for s in slides} == {footer}


def test_praised_slides_count_only_the_auditors_voice(fetch) -> None:
    """The certification body's remark (voice certification_body) is neither a bullet nor counted anywhere."""
    slides = {s.key: s for s in build_deck(fetch, ["testowo"], "pl", as_of=dt.date(2018, 11, 1))}
    assert BODY_REMARK["pl"] not in slides["findings"].bullets
    assert slides["findings"].bullets == ["Zaangażowanie kierownictwa", "E-usługi"]
    assert slides["findings"].takeaway == "Obszary docenione: 2 · audyty: 1"
    themes = {t.name: dict(zip(t.y, t.x, strict=True)) for t in slides["themes"].figure.data}
    # The body's remark is coded 'leadership' too: counted, it would make Leadership 2.
    assert themes == {CITY: {"Zaangażowanie kierownictwa": 1, "Informatyzacja": 1}}
    clauses = {t.name: dict(zip(t.y, t.x, strict=True)) for t in slides["clauses"].figure.data}
    assert clauses == {CITY: {"5 Przywództwo": 1, "7 Wsparcie": 1}}  # the remark has no clause: no such row


def test_deck_of_two_offices_in_one_town_in_polish(fetch, package_con: duckdb.DuckDBPyConnection) -> None:
    slides = build_deck(fetch, ["testowo-powiat", "testowo"], "pl", as_of=dt.date(2012, 6, 1))
    assert [s.key for s in slides] == ["title", "map", "cycles", "clauses", "themes", "heatmap", "findings", "findings"]
    takeaways = {s.key: s.takeaway for s in slides}
    assert slides[0].title == f"Certyfikacja ISO: {CITY}, {COUNTY}"
    # ISO 9001: the city's certificate and the county's 2000 and 2008 ones; the county's transition,
    # recertification and lapse (its planned surveillance concerns ISO 14001).
    assert takeaways["title"] == (
        "ISO 9001 · urzędy: 2 · certyfikaty: 3 · zdarzenia: 5 · obszary docenione przez audytorów: 3"
    )
    # June 2012: the county's 2008 certificate runs 2009 to 14.03.2015; the city's is issued only in 2016.
    assert takeaways["map"] == "ISO 9001, stan na 1 czerwca 2012: ważny: 1, brak dowodów: 1"
    assert takeaways["cycles"] == (
        f"{CITY}: ISO 9001:2015, ważny do 19 września 2019 · {COUNTY}: ISO 9001:2008, ważny do 14 marca 2015"
        # The county's undated lapse is not on the timeline: the slide says so, counted from the chart's rows.
        " · Zdarzenia bez daty (poza osią czasu): 1 — Nieprzedłużenie certyfikacji: 1"
    )
    assert takeaways["clauses"] == (
        "Najczęściej doceniane, ex aequo: 5 Przywództwo, 7 Wsparcie, 8 Procesy związane z klientem (po 1 z 3)"
    )
    assert takeaways["heatmap"] == "Tematy docenione tylko w jednym urzędzie: 3 z 3"
    assert [(s.title, s.bullets) for s in slides[-2:]] == [
        (f"Co docenili audytorzy: {CITY}", ["Zaangażowanie kierownictwa", "E-usługi"]),
        (f"Co docenili audytorzy: {COUNTY}", ["Sprawna obsługa interesantów"]),
    ]
    built = built_on(package_con, "pl")
    footer = f"Źródła: „Audit w Testowie”; „ISO w urzędzie”; „ISO w starostwie” · dowody do marca 2012 · baza z {built}"
    assert {s.footer for s in slides} == {footer}


def test_two_offices_of_one_place_stay_apart_on_every_chart(fetch) -> None:
    slides = {s.key: s for s in build_deck(fetch, ["testowo", "testowo-powiat"], "en", as_of=dt.date(2012, 6, 1))}
    for key in ("clauses", "themes"):
        traces = slides[key].figure.data
        assert [t.name for t in traces] == [CITY, COUNTY], key
        assert traces[0].marker.color != traces[1].marker.color
    heatmap = slides["heatmap"].figure
    assert list(heatmap.layout.xaxis.categoryarray) == [CITY, COUNTY]
    assert sorted(zip(heatmap.data[0].x, heatmap.data[0].y, strict=True)) == [
        (COUNTY, "Client service"),
        (CITY, "IT"),
        (CITY, "Leadership commitment"),
    ]
    # Laid out for the slide (its larger type; the page's largest square is 30 px), its names lying flat.
    assert heatmap.data[0].marker.size > 30 and heatmap.layout.xaxis.tickangle == 0
    rows = set(slides["cycles"].figure.layout.yaxis.categoryarray)
    assert rows == {f"{CITY} · ISO 9001:2015", f"{COUNTY} · ISO 9001:2000/2008"}


def test_status_and_counts_are_per_family(fetch) -> None:
    """On 1 January 2018 the county's ISO 9001 certificate has expired (14.03.2015) and its ISO 14001 one, issued
    'w 2016 lub 2017 roku', is valid only approximately; no auditor praised anything about ISO 14001."""
    as_of = dt.date(2018, 1, 1)
    iso14001 = build_deck(fetch, ["testowo-powiat"], "en", as_of=as_of, family="ISO 14001")
    assert [s.key for s in iso14001] == ["title", "map", "cycles"]  # praise slides with nothing to show are left out
    assert [s.takeaway for s in iso14001] == [
        "ISO 14001 · offices: 1 · certificates: 1 · events: 1 · items the auditors praised: 0",
        "ISO 14001, status on 1 January 2018: valid (approximate): 1",
        f"{COUNTY}: ISO 14001, last evidence: „w 2016 lub 2017 roku”",  # the bounds in the source's words
    ]
    planned = next(t for t in iso14001[2].figure.data if t.name == "Surveillance audit (planned)")
    assert list(planned.x) == [dt.datetime(2017, 9, 20)] and planned.marker.symbol == "circle-open"
    iso9001 = build_deck(fetch, ["testowo-powiat"], "en", charts=["map"], as_of=as_of)
    assert iso9001[1].takeaway == "ISO 9001, status on 1 January 2018: expired: 1"
    iso37120 = build_deck(fetch, ["testowo"], "en", charts=["map"], as_of=dt.date(2017, 1, 1), family="ISO 37120")
    assert iso37120[1].takeaway == "ISO 37120, status on 1 January 2017: valid (approximate): 1"


def test_cycles_slide_draws_the_deadlines_of_editions_held_with_labels_apart(fetch) -> None:
    city = build_deck(fetch, ["testowo"], "en", charts=["cycles"], as_of=dt.date(2018, 11, 1))[1].figure
    labels = [a.text for a in city.layout.annotations]
    assert labels == ["Status on: 1 November 2018"]  # ISO 9001:2015 only: no deadline of 2000 or 2008 editions
    county = build_deck(fetch, ["testowo-powiat"], "en", charts=["cycles"], as_of=dt.date(2012, 6, 1))[1].figure
    lines = {a.text: a for a in county.layout.annotations}
    assert set(lines) == {"end of ISO 9001:2000", "end of ISO 9001:2008", "Status on: 1 June 2012"}
    # Staggered in two rows; on a slide the type grows and so does the step between rows.
    rows = sorted(lines.values(), key=lambda a: a.yshift)
    assert [a.text for a in rows] == ["end of ISO 9001:2000", "end of ISO 9001:2008", "Status on: 1 June 2012"]
    assert all(b.yshift - a.yshift >= a.font.size for a, b in itertools.pairwise(rows))
    assert county.layout.margin.t >= rows[-1].yshift + rows[-1].font.size  # the highest label is not cut off


def _third_cycle_and_eight_praised_items(rows: dict, documents: dict) -> None:
    """The city hall's certificate is its third cycle, and the auditors praised six more items at its audit."""
    more = ["archiwum", "szkolenia", "stronę internetową", "budżet obywatelski", "konsultacje", "kontrolę zarządczą"]
    documents["portal.txt"] += "\nTo trzeci cykl certyfikacji. Audytorzy docenili też: " + ", ".join(more) + "."
    certificate = next(c for c in rows["certificates"] if c["certificate_id"] == "tst-9001")
    certificate.update(
        cycle_number="3", cycle_as_written="trzeci cykl", quote=certificate["quote"] + " [...] trzeci cykl"
    )
    first = next(f for f in rows["findings"] if f["finding_id"] == "tst-f1")
    for i, item in enumerate(more, start=4):
        rows["findings"].append(first | dict(finding_id=f"tst-f{i}", text_pl=item, text_en=f"item {i}", quote=item))


@pytest.fixture(scope="module")
def fetch_more(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("more")
    out = Path(root) / "cityiso.duckdb"
    problems = build(write_package(root, _third_cycle_and_eight_praised_items), out)
    assert not problems, "\n".join(map(str, problems))
    with duckdb.connect(str(out), read_only=True) as con:
        yield lambda name, **params: run(con, name, **params)


def test_cycle_ordinal_and_a_long_list_of_praise(fetch_more) -> None:
    deck = build_deck(fetch_more, ["testowo"], "en", as_of=dt.date(2018, 11, 1))
    slides = {s.key: s for s in deck}
    assert slides["cycles"].takeaway == f"{CITY}: 3rd certification cycle, valid until 19 September 2019"
    assert slides["clauses"].takeaway == "Most praised: 5 Leadership (7 of 8)"
    # Eight praised items at six a slide: the last two continue on a second slide, none is cut.
    findings = [s for s in deck if s.key == "findings"]
    assert [s.takeaway for s in findings] == ["Praised items: 8 · audits: 1"] * 2
    assert [len(s.bullets) for s in findings] == [6, 2]
    assert findings[0].bullets[:2] == ["Management commitment", "E-services"]
    assert [s.title for s in findings] == [f"What the auditors praised: {CITY} ({i}/2)" for i in (1, 2)]
    polish = build_deck(fetch_more, ["testowo"], "pl", charts=["cycles", "findings"], as_of=dt.date(2018, 11, 1))
    assert polish[1].takeaway == f"{CITY}: 3. cykl certyfikacji, ważny do 19 września 2019"
    assert [len(s.bullets) for s in polish[2:]] == [6, 2]


def test_chosen_charts_only_and_every_chart_slide_has_a_figure(fetch) -> None:
    slides = build_deck(fetch, ["testowo-powiat"], "en", charts=["themes", "cycles"], as_of=dt.date(2012, 6, 1))
    assert [s.key for s in slides] == ["title", "themes", "cycles"]  # in the order chosen
    assert all(s.figure is not None for s in slides[1:])
    assert slides[1].takeaway == "Most praised: Client service (1 of 1)"


def test_a_chosen_chart_that_gives_no_slide_is_named_with_the_reason(fetch) -> None:
    """One office: no heatmap (it needs two), no trends (a summary's); never dropped in silence."""
    slides = build_deck(
        fetch, ["testowo-powiat"], "en", charts=["themes", "heatmap", "trends"], as_of=dt.date(2012, 6, 1)
    )
    assert [s.key for s in slides] == ["title", "themes"]
    assert slides.skipped == {
        "heatmap": "needs at least two offices with the auditors' findings",
        "trends": "only in a summary of more than 8 offices",
    }


def test_the_title_slide_gives_each_office_s_status_in_plain_words(fetch) -> None:
    (title,) = build_deck(fetch, ["testowo", "testowo-powiat"], "en", charts=[], as_of=dt.date(2016, 10, 1))
    assert title.bullets == [
        "Testowo (Urząd Miasta Testowo): valid until 19 September 2019 (latest evidence: 20 September 2016)",
        "Testowo (Starostwo Powiatowe w Testowie): expired: it was valid until 14 March 2015",
    ]


def test_slide_figures_drop_title_and_source_line_and_grow_type(fetch) -> None:
    slides = build_deck(fetch, ["testowo"], "en", charts=["themes"], as_of=dt.date(2018, 11, 1), size=(1280, 720))
    fig = slides[1].figure
    assert fig.layout.title.text == ""
    assert not [a for a in fig.layout.annotations if a.name == "source_line"]
    assert (fig.layout.width, fig.layout.height) == (1178, 446)
    assert fig.layout.font.size == round(22 * 720 / 1080)


def test_for_slide_leaves_the_original_figure_alone(fetch) -> None:
    from cityiso.figures.praise import category_bars
    from cityiso.views.praise import category_frame

    rows = fetch("praised_by_category", category="theme", **findings_filters(["testowo"], family="ISO 9001"))
    df = category_frame(rows, "theme")
    fig = category_bars(df, "theme", "en", "count", "T", "S")
    for_slide(fig, 1920, 1080)
    assert fig.layout.title.text == "T"
    assert [a.text for a in fig.layout.annotations if a.name == "source_line"] == ["S"]


@pytest.mark.parametrize(("n", "en"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (22, "22nd")])
def test_ordinals(n: int, en: str) -> None:
    assert ordinal(n, "en") == en
    assert ordinal(n, "pl") == f"{n}."


def test_all_charts_are_known() -> None:
    assert CHARTS == ("map", "trends", "cycles", "clauses", "themes", "heatmap", "top", "distribution", "findings")


def test_the_deck_follows_the_chosen_order_each_chart_once(fetch) -> None:
    """The user's order, not CHARTS's: what the auditors praised first, the map last; a repeated chart counts once."""
    slides = build_deck(
        fetch, ["testowo", "testowo-powiat"], "en", charts=["findings", "cycles", "findings", "map"], as_of=AS_OF
    )
    assert [s.chart for s in slides] == ["title", "findings", "findings", "cycles", "map"]
    assert [s.title for s in slides][1:] == [
        f"What the auditors praised: {CITY}",
        f"What the auditors praised: {COUNTY}",
        "Certificates and events over time",
        "Offices' certification status",
    ]


def test_a_deck_of_no_office_is_refused_not_made_of_every_office(fetch) -> None:
    """An office filter that matches nobody would read as "no condition" further down (every office): refused."""
    with pytest.raises(ValueError, match="no office is chosen"):
        build_deck(fetch, OfficeFilter(search="no such place anywhere"), "en", as_of=AS_OF)


def test_an_unknown_chart_is_named(fetch) -> None:
    with pytest.raises(ValueError, match=r"unknown chart\(s\): praised "):
        build_deck(fetch, ["testowo"], "en", charts=["map", "praised"], as_of=AS_OF)


def test_picking_from_the_whole_deck_is_building_in_that_order(fetch) -> None:
    """The page builds every chart once and picks the user's order from it: the same slides as building that order,
    and only the picked charts' reasons for giving no slide."""
    whole = build_deck(fetch, ["testowo-powiat"], "en", as_of=AS_OF)
    order = ["themes", "heatmap", "map", "cycles"]
    picked = whole.pick(order)
    built = build_deck(fetch, ["testowo-powiat"], "en", charts=order, as_of=AS_OF)
    assert [(s.chart, s.title, s.takeaway) for s in picked] == [(s.chart, s.title, s.takeaway) for s in built]
    assert [s.chart for s in picked] == ["title", "themes", "map", "cycles"]
    assert picked.skipped == built.skipped == {"heatmap": "needs at least two offices with the auditors' findings"}
    assert set(whole.skipped) == {"trends", "heatmap", "top", "distribution"}  # every chart that gives nothing
    assert [s.chart for s in whole.pick([])] == ["title"]
