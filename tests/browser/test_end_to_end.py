"""End to end in headless Chromium on the fixture package (two offices of Testowo): every page in both languages,
filters, a chart selection, shared links old and new, the language switch, downloads, presenting a deck."""

import csv
import io
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    current_url,
    open_page,
    screenshot,
    wait_for_charts,
    wait_for_url,
    wait_until_idle,
)

CITY = "Testowo (Urząd Miasta Testowo)"
COUNTY = "Testowo (Starostwo Powiatowe w Testowie)"

# path, its title and a text of the fixture it shows in each language, its charts
PAGES = [
    ("", {"pl": "Przegląd", "en": "Overview"}, {"pl": "Testowo", "en": "Testowo"}, 3),  # map, activity, one trend
    ("cycles", {"pl": "Cykle certyfikacji", "en": "Certification cycles"}, {"pl": "2000/2008", "en": "2000/2008"}, 1),
    ("praised", {"pl": "Obszary docenione", "en": "Praised areas"}, {"pl": "Informatyzacja", "en": "IT"}, 3),
    ("compare", {"pl": "Porównanie urzędów", "en": "Compare offices"}, {"pl": "Obsługa", "en": "Client service"}, 4),
    (
        "office",
        {"pl": CITY, "en": CITY},
        {"pl": "zaangażowanie kierownictwa w doskonalenie usług", "en": "zaangażowanie kierownictwa w doskonalenie"},
        1,
    ),
    (
        "sources",
        {"pl": "Źródła i metodologia", "en": "Sources and method"},
        {"pl": "ISO w starostwie", "en": "ISO w starostwie"},
        0,
    ),
    (
        "presentation",
        {"pl": "Tryb prezentacji", "en": "Presentation mode"},
        {"pl": f"Certyfikacja ISO: {CITY}", "en": f"ISO certification: {CITY}"},
        0,
    ),
]
PAGE_IDS = [p[0] or "overview" for p in PAGES]


def title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("path", "titles", "shows", "charts"), PAGES, ids=PAGE_IDS)
def test_every_page_opens(page, server: str, path: str, titles: dict, shows: dict, charts: int, lang: str) -> None:
    open_page(page, server, path, lang=lang)
    assert title(page) == titles[lang]
    wait_for_charts(page, charts)
    expect(page.locator("[data-testid='stMain']")).to_contain_text(shows[lang])
    assert page.locator("[data-testid='stException']").count() == 0
    assert scrolling_legends(page) == 0
    screenshot(page, f"{path or 'overview'}_{lang}_1400x900")


def scrolling_legends(page) -> int:
    """Charts whose legend is taller than its room: Plotly then scrolls it and hides entries (its scrollbar shows)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .legend .scrollbar')]"
        ".filter(bar => Number(bar.getAttribute('height')) > 0).length"
    )


@pytest.mark.browser
def test_language_switch_survives_navigation(page, server: str) -> None:
    open_page(page, server)
    page.get_by_role("radio", name="EN", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Overview")
    wait_for_url(page, "lang=en")
    wait_until_idle(page)
    page.get_by_role("link", name="Certification cycles").click()
    expect(page.locator("h1").first).to_have_text("Certification cycles")
    wait_for_url(page, "/cycles?")
    assert "lang=en" in current_url(page)
    wait_until_idle(page)
    page.get_by_role("radio", name="PL", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Cykle certyfikacji")
    wait_for_url(page, "lang=pl")


def chosen_offices(page) -> str:
    """The chips of the office filter's offices chosen by name, its box opened first: closed, it draws no widget
    (the pages are opened in English here)."""
    chips = page.locator("[data-testid='stMultiSelect']").filter(has_text="Chosen offices")
    expect(chips).to_have_count(0)
    open_filter(page)
    return chips.first.inner_text()


def open_filter(page) -> None:
    """Click the office filter's box open, and wait until it shows its widgets."""
    page.locator("[data-testid='stExpander'] summary").filter(has_text="Which offices").click()
    expect(page.get_by_text("Find an office", exact=True)).to_be_visible()
    wait_until_idle(page)


@pytest.mark.browser
def test_the_filter_box_opens_at_a_click_and_stays_open_on_the_next_page(page, server: str) -> None:
    """Closed, the office filter draws no widget; opened by a click, a search typed in it rewrites the URL and the
    box's label, and the box is still open on the next page."""
    open_page(page, server, "cycles", lang="en")
    expect(page.get_by_text("Find an office", exact=True)).to_have_count(0)
    open_filter(page)
    search = page.get_by_role("textbox", name="Find an office")
    search.fill("Testowo")
    search.press("Enter")
    wait_for_url(page, "office_q=Testowo")
    wait_until_idle(page)
    box = page.locator("[data-testid='stExpander'] summary").first
    expect(box).to_have_text(re.compile("Which offices: “Testowo”"))
    page.get_by_role("link", name="Praised areas").click()
    expect(page.locator("h1").first).to_have_text("Praised areas")
    expect(page.get_by_role("textbox", name="Find an office")).to_have_value("Testowo")


@pytest.mark.browser
def test_shared_link_opens_the_same_view(page, server: str) -> None:
    open_page(page, server, "praised", lang="en", offices="testowo", measure="share")
    assert title(page) == "Praised areas"
    chips = chosen_offices(page)
    assert CITY in chips and "Starostwo" not in chips
    assert page.get_by_label("share").is_checked()
    wait_for_charts(page, 3)
    chart = page.locator(".js-plotly-plot").first
    assert "Share of the audit" in chart.inner_text()
    assert "Customer-related" not in chart.inner_text()  # the county's clause: not chosen


@pytest.mark.browser
@pytest.mark.parametrize(("path", "old", "new"), [("praised", "cities", "offices"), ("cycles", "cities", "offices")])
def test_old_list_link_still_chooses_the_offices(page, server: str, path: str, old: str, new: str) -> None:
    """Links shared before v2 said ?cities=: they open the same offices, and the address is rewritten."""
    open_page(page, server, path, lang="en", **{old: "testowo-powiat"})
    chips = chosen_offices(page)
    assert COUNTY in chips and CITY not in chips
    wait_for_url(page, f"{new}=testowo-powiat")
    assert f"{old}=" not in current_url(page)


@pytest.mark.browser
def test_old_office_link_opens_that_office(page, server: str) -> None:
    """A link shared when the profile was /city?city=… opens the same office's profile, now at /office?office=…"""
    open_page(page, server, "city", lang="en", city="testowo-powiat")
    wait_for_url(page, "/office?")
    assert title(page) == COUNTY
    expect(page.get_by_role("combobox", name="Office")).to_have_value(COUNTY)
    expect(page.locator("[data-testid='stMain']")).to_contain_text("Starostwo Powiatowe w Testowie · County office")
    wait_for_url(page, "office=testowo-powiat")
    address = urlparse(current_url(page))
    assert address.path == "/office" and parse_qs(address.query) == {"lang": ["en"], "office": ["testowo-powiat"]}


@pytest.mark.browser
def test_changing_a_filter_updates_chart_and_url(page, server: str) -> None:
    open_page(page, server, "praised", lang="pl")
    wait_for_charts(page, 3)
    page.get_by_text("udział", exact=True).click()
    wait_for_url(page, "measure=share")
    wait_until_idle(page)
    expect(page.locator(".js-plotly-plot").first).to_contain_text("Udział w ustaleniach audytu")


@pytest.mark.browser
def test_choosing_a_family_redraws_the_cycles(page, server: str) -> None:
    open_page(page, server, "cycles", lang="en")
    wait_for_charts(page, 1)
    chart = page.locator(".js-plotly-plot").first
    assert "ISO 9001:2000/2008" in chart.inner_text() and "ISO 14001" not in chart.inner_text()
    page.locator("[data-testid='stSelectbox']").filter(has_text="Standard").click()
    page.get_by_role("option", name=re.compile(r"^ISO 14001")).click()
    wait_for_url(page, "family=ISO+14001")
    wait_until_idle(page)
    expect(chart).to_contain_text("ISO 14001")
    expect(chart).not_to_contain_text("ISO 9001:2000/2008")
    expect(page.locator("[data-testid='stMain']")).to_contain_text("Status (ISO 14001)")


@pytest.mark.browser
def test_opening_a_table_box_draws_its_grid_and_writes_the_url(page, server: str) -> None:
    """The cycles page draws no data grid until a table's box is opened; opened, the box shows the table and the URL
    says so (a shared link opens it again)."""
    open_page(page, server, "cycles", lang="en")
    wait_for_charts(page, 1)
    main = page.locator("[data-testid='stMain']")
    assert main.locator("[data-testid='stDataFrame']").count() == 0
    page.get_by_text("Events (table)", exact=True).click()
    wait_for_url(page, "tables=events")
    wait_until_idle(page)
    expect(main.locator("[data-testid='stDataFrame']")).to_have_count(1)
    page.goto(page.url)  # the shared link
    wait_until_idle(page)
    expect(main.locator("[data-testid='stDataFrame']")).to_have_count(1)


@pytest.mark.browser
def test_selecting_a_bar_lists_the_findings_behind_it(page, server: str) -> None:
    """A click on a bar heads the findings with its category and shows each as a card with its quote; a click on
    another chart replaces that pick (never adds to it), and the pick is in the URL."""
    open_page(page, server, "praised", lang="en", offices="testowo")
    wait_for_charts(page, 3)
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    bars = chart.locator(".bars .point path")
    assert bars.count() == 2  # the auditors praised the city hall under clauses 5 and 7 (the body's remark has none)
    bars.first.click(force=True)
    heading = page.get_by_text(re.compile(r"^Findings behind the selection"))
    heading.wait_for()
    wait_until_idle(page)
    assert heading.inner_text() == f"Findings behind the selection: 5 Leadership · {CITY}"
    wait_for_url(page, "pick=clause")
    picked = page.locator(".st-key-picked_findings")
    expect(picked.locator("blockquote")).to_have_count(1)  # one finding under clause 5, shown as a card
    picked.scroll_into_view_if_needed()
    screenshot(page, "praised_selection_en")
    heatmap = page.locator(".js-plotly-plot").nth(2)
    heatmap.scroll_into_view_if_needed()
    heatmap.locator(".scatterlayer .point").first.click(force=True)
    expect(heading).to_have_text(re.compile(r"Theme: "), timeout=20_000)
    wait_until_idle(page)
    wait_for_url(page, "pick=theme")
    expect(picked.locator("blockquote")).to_have_count(1)  # the cell's finding alone, not the bar's as well


@pytest.mark.browser
def test_selecting_a_heatmap_cell_lists_its_findings(page, server: str) -> None:
    open_page(page, server, "praised", lang="pl")
    wait_for_charts(page, 3)
    heatmap = page.locator(".js-plotly-plot").nth(2)
    heatmap.scroll_into_view_if_needed()
    cells = heatmap.locator(".scatterlayer .point")
    assert cells.count() == 3  # city hall: IT, leadership; county office: client service
    cells.first.click(force=True)
    heading = page.get_by_text(re.compile(r"^Ustalenia za wybranym elementem"))
    heading.wait_for()
    assert heading.inner_text() == f"Ustalenia za wybranym elementem: Temat: Informatyzacja · {CITY}"


@pytest.mark.browser
def test_bad_url_parameter_shows_a_notice(page, server: str) -> None:
    open_page(page, server, "office", lang="en", office="gdansk")
    alert = page.locator("[data-testid='stAlert']").first
    assert "office=gdansk" in alert.inner_text()
    assert title(page) == CITY
    expect(page.get_by_role("combobox", name="Office")).to_have_value(CITY)


@pytest.mark.browser
def test_downloads_a_table_as_csv(page, server: str) -> None:
    """Whole tables' CSVs, made when their buttons are clicked, four clicked one right after another: each delivers
    its file (a click used to rerun the page, which renewed every download's id, and a quick next click fetched
    nothing: 2 of 18 in a test of the owner's). Read as the README says: three preface lines, then the table."""
    open_page(page, server, "sources", lang="en")
    names = ["offices.csv", "certificates.csv", "events.csv", "findings.csv"]
    got, sent = [], []

    def on_download(download) -> None:
        got.append(download)

    def on_websocket(ws) -> None:
        ws.on("framesent", lambda frame: sent.append(frame))  # a function of our own: Playwright marks its handlers

    # On the module's shared tab (tests/browser/conftest.py): the listeners go when the test ends.
    page.on("download", on_download)
    page.on("websocket", on_websocket)
    try:
        page.reload()  # the socket opened from now on is watched
        wait_until_idle(page)
        page.get_by_role("button", name=names[0], exact=True).wait_for()
        before = len(sent)
        for name in names:
            page.get_by_role("button", name=name, exact=True).click()
        deadline = time.monotonic() + 30
        while len(got) < len(names) and time.monotonic() < deadline:
            page.wait_for_timeout(200)
    finally:
        page.remove_listener("download", on_download)
        page.remove_listener("websocket", on_websocket)
    assert sorted(d.suggested_filename for d in got) == sorted(f"cityiso_{n}" for n in names)
    # A rerun request carries the page's query string; a download's own request (its file, made on the click) does not.
    reruns = [f for f in sent[before:] if isinstance(f, bytes) and b"lang=en" in f]
    assert not reruns, "a download click asked the server to run the page again"
    findings = next(d for d in got if d.suggested_filename == "cityiso_findings.csv")
    text = findings.path().read_text(encoding="utf-8-sig")
    title, source, dates, table = text.split("\n", 3)
    assert "# Table findings" in title and "# Source: cityiso" in source and "built" in dates
    rows = list(csv.DictReader(io.StringIO(table)))
    assert list(rows[0])[:6] == ["finding_id", "event_id", "kind", "voice", "clause_standard_id", "clause"]
    assert sorted((r["finding_id"], r["voice"]) for r in rows) == [
        ("pow-f1", "auditor"),
        ("tst-f1", "auditor"),
        ("tst-f2", "auditor"),
        ("tst-f3", "certification_body"),
    ]


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_presenting_a_deck_full_screen(page, server: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_page(
        page, server, "presentation", lang="en", offices="testowo", as_of="2018-11-01", screen=f"{width}x{height}"
    )
    page.get_by_role("button", name="Start presenting").click()
    slide_title = page.locator(".slide-title")
    takeaway = page.locator(".slide-takeaway")
    expect(slide_title).to_have_text(f"ISO certification: {CITY}")
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator("[data-testid='stExpander']")).to_have_count(0)  # the setup widgets are gone, the filter too
    expect(page.locator("[data-testid='stDateInput']")).to_have_count(0)
    # Each ▶ moves to the slide after the one its run drew: click only once that run has finished.
    wait_until_idle(page)
    page.get_by_role("button", name="▶").click()
    expect(slide_title).to_have_text("Offices' certification status")
    expect(takeaway).to_have_text("ISO 9001, status on 1 November 2018: valid: 1")
    wait_until_idle(page)
    page.get_by_role("button", name="▶").click()
    expect(slide_title).to_have_text("Certificates and events over time")
    expect(takeaway).to_have_text(f"{CITY}: ISO 9001:2015, valid until 19 September 2019")
    wait_until_idle(page)
    wait_for_charts(page, 1)
    footer = "Sources: “Audit w Testowie”; “ISO w urzędzie” · evidence up to October 2018 · built "
    expect(page.locator(".slide-footer")).to_contain_text(footer)
    screenshot(page, f"presentation_slide3_en_{width}x{height}")
    page.get_by_role("button", name="◀").click()
    expect(slide_title).to_have_text("Offices' certification status")
    wait_for_url(page, "slide=2")
    wait_until_idle(page)
    page.get_by_role("button", name="✕").click()
    expect(page.locator("h1").first).to_have_text("Presentation mode")


@pytest.mark.browser
def test_shared_link_to_a_slide_shows_only_the_auditors_praise(page, server: str) -> None:
    open_page(page, server, "presentation", lang="en", offices="testowo", present="true", slide="6")
    expect(page.locator(".slide-title")).to_have_text(f"What the auditors praised: {CITY}")
    expect(page.locator(".slide-takeaway")).to_have_text("Praised items: 2 · audits: 1")
    expect(page.locator(".slide-bullets li")).to_have_text(["Management commitment", "E-services"])
    assert "A model for others" not in page.locator("[data-testid='stMain']").inner_text()  # the body's remark
    screenshot(page, "presentation_slide6_en_1400x900")


@pytest.mark.browser
def test_downloading_the_deck(page, server: str) -> None:
    from pptx import Presentation

    open_page(page, server, "presentation", lang="pl", offices="testowo,testowo-powiat", as_of="2012-06-01")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Pobierz prezentację (PPTX)").click()
    assert download.value.suggested_filename == "cityiso_testowo_testowo-powiat_pl.pptx"
    deck = Presentation(str(download.value.path()))
    assert len(deck.slides) == 8  # title, map, cycles, clauses, themes, heatmap, one praise slide per office
    texts = [{s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame} for slide in deck.slides]
    assert texts[0]["title"] == f"Certyfikacja ISO: {CITY}, {COUNTY}"
    assert texts[1]["takeaway"] == "ISO 9001, stan na 1 czerwca 2012: ważny: 1, brak dowodów: 1"
    assert [t["title"] for t in texts[-2:]] == [f"Co docenili audytorzy: {CITY}", f"Co docenili audytorzy: {COUNTY}"]
