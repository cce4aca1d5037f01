"""End to end in headless Chromium: every page, a filter, a chart selection, a shared link, the language switch."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import current_url, open_page, screenshot, wait_for_url, wait_until_idle

PAGES = [
    ("", {"pl": "Przegląd", "en": "Overview"}, 2),
    ("cycles", {"pl": "Cykle certyfikacji", "en": "Certification cycles"}, 1),
    ("praised", {"pl": "Obszary docenione", "en": "Praised areas"}, 3),
    ("compare", {"pl": "Porównanie urzędów", "en": "Compare offices"}, 3),
    ("city", {"pl": "Częstochowa", "en": "Częstochowa"}, 1),
    ("sources", {"pl": "Źródła i metodologia", "en": "Sources and method"}, 0),
    ("presentation", {"pl": "Tryb prezentacji", "en": "Presentation mode"}, 0),
]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("path", "titles", "charts"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_every_page_opens(page, server: str, path: str, titles: dict, charts: int, lang: str) -> None:
    open_page(page, server, path, lang=lang)
    assert page.locator("h1").first.inner_text().strip() == titles[lang]
    if charts:
        page.wait_for_selector(".js-plotly-plot")
    assert page.locator(".js-plotly-plot").count() == charts
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"{path or 'overview'}_{lang}_1400x900")


@pytest.mark.browser
@pytest.mark.parametrize(("path", "titles", "charts"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_pages_at_presentation_size(page, server: str, path: str, titles: dict, charts: int) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_page(page, server, path, lang="pl")
    if charts:
        page.wait_for_selector(".js-plotly-plot")
    screenshot(page, f"{path or 'overview'}_pl_1920x1080")


@pytest.mark.browser
def test_language_switch_survives_navigation(page, server: str) -> None:
    open_page(page, server)
    page.get_by_role("radio", name="EN", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Overview")
    wait_for_url(page, "lang=en")
    page.get_by_role("link", name="Certification cycles").click()
    expect(page.locator("h1").first).to_have_text("Certification cycles")
    wait_for_url(page, "/cycles?")
    assert "lang=en" in current_url(page)


@pytest.mark.browser
def test_shared_link_opens_the_same_view(page, server: str) -> None:
    open_page(page, server, "praised", lang="en", offices="zabrze", measure="share")
    assert page.locator("h1").first.inner_text().strip() == "Praised areas"
    chips = page.locator("[data-testid='stMultiSelect']").first.inner_text()
    assert "Zabrze" in chips and "Legionowo" not in chips
    assert page.get_by_label("share").is_checked()
    page.wait_for_selector(".js-plotly-plot")
    assert "Share of the audit" in page.locator(".js-plotly-plot").first.inner_text()


@pytest.mark.browser
def test_changing_a_filter_updates_chart_and_url(page, server: str) -> None:
    open_page(page, server, "praised", lang="pl")
    page.wait_for_selector(".js-plotly-plot")
    page.get_by_text("udział", exact=True).click()
    wait_until_idle(page)
    wait_for_url(page, "measure=share")
    assert "Udział w ustaleniach audytu" in page.locator(".js-plotly-plot").first.inner_text()


@pytest.mark.browser
def test_selecting_a_bar_lists_the_findings_behind_it(page, server: str) -> None:
    open_page(page, server, "praised", lang="en", offices="zabrze")
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    bars = chart.locator(".bars .point path")
    assert bars.count() == 3  # Zabrze's three praised items sit in clauses 4, 5 and 6
    bars.first.click(force=True)
    wait_until_idle(page)
    heading = page.get_by_text(re.compile(r"^Findings behind the selection"))
    heading.wait_for()
    table = page.locator("[data-testid='stDataFrame']").first
    table.scroll_into_view_if_needed()
    screenshot(page, "praised_selection_en")
    assert "Zabrze" in heading.inner_text()


@pytest.mark.browser
def test_selecting_a_heatmap_cell_lists_its_findings(page, server: str) -> None:
    open_page(page, server, "praised", lang="pl", offices="legionowo")
    heatmap = page.locator(".js-plotly-plot").nth(2)
    heatmap.scroll_into_view_if_needed()
    cells = heatmap.locator(".scatterlayer .point")
    assert cells.count() == 7  # Legionowo's eight praised items fall in seven themes
    cells.first.click(force=True)
    wait_until_idle(page)
    page.get_by_text(re.compile(r"^Ustalenia za wybranym elementem")).wait_for()


@pytest.mark.browser
def test_bad_url_parameter_shows_a_notice(page, server: str) -> None:
    open_page(page, server, "city", lang="en", office="gdansk")
    alert = page.locator("[data-testid='stAlert']").first
    assert "office=gdansk" in alert.inner_text()
    assert page.locator("h1").first.inner_text().strip() == "Częstochowa"


@pytest.mark.browser
def test_downloads_a_table_as_csv(page, server: str) -> None:
    open_page(page, server, "sources", lang="en")
    with page.expect_download() as download:
        page.get_by_role("button", name="findings.csv").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("finding_id,event_id,kind,voice,clause_standard_id,clause")
    assert len(text.splitlines()) >= 37


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_presenting_a_deck_full_screen(page, server: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, server, "presentation", lang="en", offices="zabrze", as_of="2016-10-01", screen=f"{width}x{height}")
    page.get_by_role("button", name="Start presenting").click()
    title = page.locator(".slide-title")
    expect(title).to_have_text("ISO certification: Zabrze")
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator("[data-testid='stMultiSelect']")).to_have_count(0)  # the setup widgets are gone
    page.get_by_role("button", name="▶").click()
    expect(title).to_have_text("Offices' certification status")
    page.get_by_role("button", name="▶").click()
    expect(title).to_have_text("Certificates and events over time")
    expect(page.locator(".slide-takeaway")).to_have_text("Zabrze: 3rd certification cycle, valid until April 2018")
    page.wait_for_selector(".js-plotly-plot")
    assert "Sources:" in page.locator(".slide-footer").inner_text()
    screenshot(page, f"presentation_slide3_en_{width}x{height}")
    page.get_by_role("button", name="◀").click()
    expect(title).to_have_text("Offices' certification status")
    wait_for_url(page, "slide=2")
    page.get_by_role("button", name="✕").click()
    expect(page.locator("h1").first).to_have_text("Presentation mode")


@pytest.mark.browser
def test_downloading_the_deck(page, server: str) -> None:
    from pptx import Presentation

    open_page(page, server, "presentation", lang="pl", offices="zabrze,legionowo")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Pobierz prezentację (PPTX)").click()
    assert download.value.suggested_filename == "cityiso_zabrze_legionowo_pl.pptx"
    deck = Presentation(str(download.value.path()))
    assert len(deck.slides) == 8  # title, map, cycles, clauses, themes, heatmap, one findings slide per office
    assert deck.slides[0].shapes[0].text_frame.text == "Certyfikacja ISO: Legionowo, Zabrze"
