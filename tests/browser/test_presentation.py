"""Presenting in headless Chromium on the fixture package (two offices of Testowo, eight slides): the keyboard moves
through the slides (arrows, a clicker's PageUp/PageDown, Space, Home/End), F asks for full screen, Esc leaves full
screen and then the presentation; at both projector sizes every slide's title, takeaway, chart or points, footer
and navigation lie within the screen and apart."""

import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, screenshot, wait_until_idle

OFFICES = "testowo,testowo-powiat"
SLIDES = 8  # title, map, cycles, clauses, themes, heatmap, one praise slide per office
DRAWN = """() => !document.querySelector("[data-testid='stSkeleton']")
    && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))"""


def present(page, server: str, **params: str) -> None:
    open_page(page, server, "presentation", lang="en", offices=OFFICES, as_of="2012-06-01", present="true", **params)
    expect(page.locator(".slide-title")).to_be_visible()
    listening(page)


# The key listener's frame loads after each script run: a key pressed before it listens goes nowhere (under load,
# and after a rerun that put a new frame in place of the one the last listener lived in).
LISTENING = "() => window.__cityisoPresenterKeys !== undefined && window.__cityisoPresenterKeys.frame.isConnected"


def listening(page) -> None:
    page.wait_for_function(LISTENING)


def slide_number(page) -> str | None:
    return page.evaluate("new URLSearchParams(location.search).get('slide')")


def press(page, key: str, expected: int) -> None:
    """Press a key once the last run has finished, and wait until the slide it moves to is shown."""
    wait_until_idle(page)
    listening(page)
    page.keyboard.press(key)
    page.wait_for_function("n => new URLSearchParams(location.search).get('slide') === n", arg=str(expected))
    expect(page.locator("[data-testid='stCaptionContainer']").last).to_have_text(f"{expected} / {SLIDES}")


@pytest.mark.browser
def test_keys_move_through_the_slides(page, server: str) -> None:
    present(page, server)
    expect(page.locator(".slide-title")).to_have_text(
        "ISO certification: " + "Testowo (Urząd Miasta Testowo), Testowo (Starostwo Powiatowe w Testowie)"
    )
    moves = [
        ("ArrowRight", 2),
        ("ArrowDown", 3),
        ("PageDown", 4),  # a clicker's forward button
        ("Space", 5),
        ("ArrowLeft", 4),
        ("ArrowUp", 3),
        ("PageUp", 2),  # a clicker's back button
        ("End", SLIDES),
        ("Home", 1),
    ]
    for key, expected in moves:
        press(page, key, expected)
    expect(page.locator(".slide-title")).to_have_text(
        "ISO certification: Testowo (Urząd Miasta Testowo), Testowo (Starostwo Powiatowe w Testowie)"
    )
    # Past the ends nothing moves: the first slide's ◀ is disabled, so ArrowLeft leaves slide 1 shown.
    wait_until_idle(page)
    page.keyboard.press("ArrowLeft")
    wait_until_idle(page)
    assert slide_number(page) == "1"


@pytest.mark.browser
def test_f_asks_for_full_screen_and_esc_leaves_it_then_the_presentation(page, server: str) -> None:
    present(page, server, slide="3")
    # Record the request (what was asked to go full screen).
    page.evaluate(
        "() => { const real = Element.prototype.requestFullscreen; window.__fullscreenAsked = [];"
        " Element.prototype.requestFullscreen = function (...a) {"
        " window.__fullscreenAsked.push(this.tagName); return real.apply(this, a); }; }"
    )
    wait_until_idle(page)
    page.keyboard.press("f")
    page.wait_for_function("() => window.__fullscreenAsked.length === 1")
    assert page.evaluate("window.__fullscreenAsked") == ["HTML"]  # the app's whole document
    # Headless Chromium here grants it (checked): the document is full screen until the first Esc.
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    page.keyboard.press("Escape")  # the first Esc only leaves full screen
    page.wait_for_function("() => document.fullscreenElement === null")
    expect(page.locator(".slide-title")).to_have_text("Certificates and events over time")
    assert slide_number(page) == "3"
    wait_until_idle(page)
    page.keyboard.press("Escape")
    expect(page.locator("h1").first).to_have_text("Presentation mode")
    page.wait_for_function("() => new URLSearchParams(location.search).get('present') === 'false'")
    # Back on the setup page the keys do nothing: typing F or an arrow neither moves nor asks for full screen.
    wait_until_idle(page)
    page.keyboard.press("f")
    page.keyboard.press("ArrowRight")
    wait_until_idle(page)
    assert page.evaluate("window.__fullscreenAsked.length") == 1
    expect(page.locator("h1").first).to_have_text("Presentation mode")


BOXES = """() => {
    const box = sel => { const e = document.querySelector(sel); if (!e) return null;
        const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {title: box('.slide-title'), takeaway: box('.slide-takeaway'), chart: box('.js-plotly-plot'),
            points: box('.slide-bullets'), footer: box('.slide-footer'), previous: box('.st-key-previous'),
            next: box('.st-key-next'), exit: box('.st-key-exit')};
}"""


def apart(a: list, b: list) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_every_slide_fits_the_screen_without_overlaps(page, server: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    present(page, server, screen=f"{width}x{height}")
    for number in range(1, SLIDES + 1):
        if number > 1:
            press(page, "ArrowRight", number)
        wait_until_idle(page)
        page.wait_for_function(DRAWN)
        boxes = {k: v for k, v in page.evaluate(BOXES).items() if v is not None}
        assert {"title", "takeaway", "footer", "next"} <= set(boxes), number
        for name, (left, top, right, bottom) in boxes.items():
            assert 0 <= left < right <= width and 0 <= top < bottom <= height, (number, name, boxes[name])
        for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
            assert apart(box_a, box_b), (number, a, b, box_a, box_b)
        if number in (1, 3, 7):
            screenshot(page, f"presenting_slide{number}_en_{width}x{height}")


THUMBNAILS = "[data-testid='stImage'] img"
LOADED = f"""n => {{ const images = [...document.querySelectorAll("{THUMBNAILS}")];
    return images.length === n && images.every(i => i.complete && i.naturalWidth > 0); }}"""


def thumbnail_titles(page) -> list[str]:
    return page.locator(THUMBNAILS).evaluate_all("images => images.map(i => i.alt)")


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1920, 1080)])
def test_the_setup_shows_the_deck_s_thumbnails_in_the_chosen_order(page, server: str, width: int, height: int) -> None:
    """Before export the deck is shown as pictures of its slides in the link's order; an arrow moves a chart and
    the pictures and the link follow."""
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, server, "presentation", lang="en", offices=OFFICES, as_of="2012-06-01", slides="findings,map")
    page.wait_for_function(LOADED, arg=4, timeout=60_000)
    city, county = "Testowo (Urząd Miasta Testowo)", "Testowo (Starostwo Powiatowe w Testowie)"
    praised = [f"What the auditors praised: {city}", f"What the auditors praised: {county}"]
    assert thumbnail_titles(page) == [f"ISO certification: {city}, {county}", *praised, "Offices' certification status"]
    # Each picture is a whole slide, 16:9, as wide as its column lets it be.
    sizes = page.locator(THUMBNAILS).evaluate_all("images => images.map(i => [i.naturalWidth, i.naturalHeight])")
    assert sizes == [[640, 360]] * 4
    screenshot(page, f"presentation_setup_en_{width}x{height}")
    wait_until_idle(page)
    # The button under its help's tooltip (Streamlit keeps a second, hidden copy of a button with help beside it).
    page.locator(".st-key-up_map [data-testid='stTooltipHoverTarget'] button").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('slides') === 'map,findings'")
    wait_until_idle(page)
    page.wait_for_function(LOADED, arg=4, timeout=60_000)
    assert thumbnail_titles(page)[1:] == ["Offices' certification status", *praised]
