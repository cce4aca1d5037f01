"""Every page fits the screens it is read on, from a 1280 px monitor and a 1366x768 laptop to a 1920x1080 one:
the main area never scrolls sideways, and every chart and table lies within the main block's content box.

The fixture package is made wide on purpose: an office name of over a hundred characters (chips, chart labels,
titles), a source address of some three hundred without a space and a long file name (the sources' lists and
tables). This file has its own server: the database is its own; the Chromium is the session's."""

import pytest

from cityiso.build import build
from cityiso.loadtest.pages import PAGES
from cityiso.server import free_port, start_server, stop_server
from tests.browser.conftest import clean_tab, screenshot, wait_for_charts, wait_until_idle
from tests.fixture_package import write_package

pytestmark = pytest.mark.browser

SCREENS = [(1280, 800), (1366, 768), (1920, 1080)]  # 1400-1440 px lies between the two it is tested at
SHOTS = {(1366, 768), (1920, 1080)}  # saved in test-artifacts/screenshots/ for a person to look at

LONG_NAME = (
    "Urząd Miasta i Gminy Testowo Wielkie (Wydział Organizacyjny, Kadr i Spraw Obywatelskich oraz Zarządzania Jakością)"
)
LONG_URL = "https://testowo.example/aktualnosci/" + "certyfikat-iso-9001-dla-urzedu-miasta-testowo-" * 6 + "?id=1"
LONG_FILE = "2018_10_" + "portal_urzedu_miasta_testowo_" * 4 + "iso.txt"  # no hyphen: no line break either


def wide(rows: dict, documents: dict) -> None:
    """The city hall's name, and its portal's address and file, made long (the name, its own quote, is appended
    to the portal's document, where a quote must stand verbatim)."""
    (office,) = [r for r in rows["offices"] if r["office_id"] == "testowo"]
    office.update(office_name=LONG_NAME, quote=LONG_NAME)
    (portal,) = [r for r in rows["sources"] if r["source_id"] == "portal"]
    documents[LONG_FILE] = documents.pop(portal["file"]) + "\n" + LONG_NAME + "\n"
    portal.update(url=LONG_URL, file=LONG_FILE)


@pytest.fixture(scope="module")
def wide_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("wide")
    problems = build(write_package(root, wide), root / "wide.duckdb")
    assert not problems, "\n".join(map(str, problems))
    port = free_port()
    proc = start_server(root / "wide.duckdb", port, root / "streamlit.log")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


# The main area's and the document's sideways scroll, the main block's content box (inside its padding), and the
# charts and tables that reach past it.
MEASURE = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const block = main.querySelector("[data-testid='stMainBlockContainer']");
  const box = block.getBoundingClientRect(), style = getComputedStyle(block);
  const left = box.left + parseFloat(style.paddingLeft), right = box.right - parseFloat(style.paddingRight);
  const outside = [...main.querySelectorAll(".js-plotly-plot, [data-testid='stDataFrame'], .plain-table-box")]
    .map(el => [el.dataset.testid || el.className || 'plotly chart', el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5))
    .map(([name, r]) => [name, Math.round(r.left), Math.round(r.right)]);
  // A plain table (ui.plain_table) must fit inside its box, wrapping long words: never cut or scrolled at the right.
  const clipped = [...main.querySelectorAll(".plain-table-box")]
    .map(el => [el.clientWidth, el.querySelector('table').getBoundingClientRect().width])  // inside the box's border
    .filter(([box, table]) => box > 0 && table > box + 0.5)
    .map(([box, table]) => ['plain table', Math.round(box), Math.round(table)]);
  return {
    main: [main.scrollWidth, main.clientWidth],
    clipped,
    document: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    content: [Math.round(left), Math.round(right)],
    outside,
    elements: main.querySelectorAll(".js-plotly-plot, [data-testid='stDataFrame']").length,
  };
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen(module_tab, wide_server: str, name: str, screen: tuple[int, int]) -> None:
    width, height = screen
    with clean_tab(module_tab, width, height) as tab:
        tab.goto(f"{wide_server}/{PAGES[name].path}?lang=pl")
        wait_until_idle(tab)
        wait_for_charts(tab, PAGES[name].charts)
        tab.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")")
        wait_until_idle(tab)
        assert tab.locator("[data-testid='stException']").count() == 0
        sizes = tab.evaluate(MEASURE)
        if screen in SHOTS:
            screenshot(tab, f"layout_{name}_{width}x{height}")

    scroll, client = sizes["main"]
    assert scroll <= client, f"the main area scrolls sideways at {width}x{height}: {scroll} > {client} px"
    scroll, client = sizes["document"]
    assert scroll <= client, f"the page scrolls sideways at {width}x{height}: {scroll} > {client} px"
    assert not sizes["outside"], f"past the main block's content box {sizes['content']}: {sizes['outside']}"
    assert not sizes["clipped"], f"a table wider than its box (box, table px), cut at the right: {sizes['clipped']}"
    assert sizes["elements"] >= PAGES[name].charts  # the charts were measured, not missed


# Every chart's own text in its place: the title inside the chart and clear of the modebar (Plotly's toolbar shows
# over the top right corner on hover: frame() keeps a strip for it above the title), and every axis title inside
# the chart, clear of the tick labels and of the text hung under the plot (the source line, notes).
CHART_TEXT = """() => {
  const meets = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5
    && a.bottom <= b.bottom + 0.5;
  const found = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const svg = plot.querySelector('svg.main-svg').getBoundingClientRect();
    const title = plot.querySelector('.g-gtitle text');
    const name = title ? title.textContent.slice(0, 50) : `chart ${i}`;
    const bar = plot.querySelector('.modebar');
    if (!title || !bar) { found.push([name, 'no title or no modebar']); return; }
    const box = title.getBoundingClientRect();
    if (meets(box, bar.getBoundingClientRect())) found.push([name, 'modebar over the title']);
    if (!inside(box, svg)) found.push([name, 'title cut']);
    const ticks = [...plot.querySelectorAll('.xtick text, .ytick text, [class*="tick"] > text')];
    const notes = [...plot.querySelectorAll('.annotation-text')];
    plot.querySelectorAll('[class^="g-x"][class$="title"] > text, [class^="g-y"][class$="title"] > text')
      .forEach((axis) => {
        const r = axis.getBoundingClientRect();
        if (!r.width) return;
        if (!inside(r, svg)) found.push([name, 'axis title cut', axis.textContent]);
        ticks.filter((tk) => meets(r, tk.getBoundingClientRect()))
          .forEach((tk) => found.push([name, 'axis title on a tick label', axis.textContent, tk.textContent]));
        notes.filter((n) => meets(r, n.getBoundingClientRect()))
          .forEach((n) => found.push([name, 'axis title on a note', axis.textContent, n.textContent.slice(0, 30)]));
      });
  });
  return found;
}"""
DRAWN = """n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return plots.length >= n && plots.every(p => p.querySelector('.main-svg .g-gtitle text')); }"""
# Both languages on the laptop's screen (the labels differ in length), Polish on the 1400 px one.
TEXT_CASES = [("pl", (1366, 768)), ("en", (1366, 768))]  # the narrowest laptop: a wider one gives charts more room
# Every page with charts, the overview also with one office's standing (two more charts).
CHART_PAGES = {"overview": "?office=testowo", "cycles": "cycles?", "praised": "praised?", "compare": "compare?"}
CHART_PAGES |= {"office": "office?office=testowo"}


@pytest.mark.parametrize(("lang", "screen"), TEXT_CASES, ids=[f"{lang}-{w}x{h}" for lang, (w, h) in TEXT_CASES])
@pytest.mark.parametrize("name", list(CHART_PAGES))
def test_chart_titles_are_whole_and_clear(module_tab, wide_server: str, name: str, lang: str, screen) -> None:
    """A tall window (the width is what lays a chart out): every chart of the page drawn and measured."""
    width, height = screen
    with clean_tab(module_tab, width, 4000) as tab:
        tab.goto(f"{wide_server}/{CHART_PAGES[name]}&lang={lang}")
        wait_until_idle(tab)
        tab.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")")
        least = PAGES[name].charts + (1 if name == "overview" else 0)
        tab.wait_for_function(DRAWN, arg=least, timeout=30_000)
        wait_until_idle(tab)
        found = tab.evaluate(CHART_TEXT)
    assert found == [], f"at {width}x{height}: {found}"
