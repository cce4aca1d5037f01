"""Every page on a national-scale synthetic package (cityiso.synth: hundreds of offices, 25 years) in Chromium:
it opens without an exception, sends bounded figures, draws no more timeline rows than a page of offices, and a
screenshot of it at 1400x900 and 1920x1080 lands in test-artifacts/ for a person to read."""

import re

import pytest

from cityiso.build import build
from cityiso.server import free_port, start_server, stop_server
from cityiso.synth.__main__ import main as synth
from tests.browser.conftest import clean_tab, screenshot, wait_for_charts, wait_until_idle

OFFICES, YEARS = 300, 25
# Each page and the charts it draws (as on the fixture package).
PAGES = {"": 3, "cycles": 1, "praised": 3, "compare": 4, "office": 1, "presentation": 0, "sources": 0}
# A chart's figure JSON, as the browser holds it, stays far under the benchmark's 1 MB budget at this size.
MAX_FIGURE_BYTES = 1_000_000


@pytest.fixture(scope="module")
def national_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("national")
    assert synth(["--offices", str(OFFICES), "--years", str(YEARS), "--seed", "7", "--out", str(root / "data")]) == 0
    problems = build(root / "data", root / "national.duckdb")
    assert not problems, problems[:5]
    port = free_port()
    proc = start_server(root / "national.duckdb", port, root / "streamlit.log")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


# Plotly's width of each drawn chart: a chart is redrawn at a new window's width when its svg's width has changed.
CHART_WIDTHS = "() => [...document.querySelectorAll('.js-plotly-plot .main-svg')].map(svg => svg.getAttribute('width'))"


@pytest.mark.browser
@pytest.mark.parametrize("path", list(PAGES), ids=[p or "overview" for p in PAGES])
def test_every_page_is_readable_at_national_scale(module_tab, national_server: str, path: str) -> None:
    with clean_tab(module_tab, timeout=120_000) as tab:
        readable(tab, national_server, path)


def readable(tab, national_server: str, path: str) -> None:
    tab.goto(f"{national_server}/{path}?lang=pl", timeout=120_000)
    tab.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")?.dataset.testScriptState === 'notRunning'",
        timeout=120_000,
    )
    wait_until_idle(tab)
    assert tab.locator("[data-testid='stException']").count() == 0
    wait_for_charts(tab, PAGES[path])
    # A rerun that writing the URL requests can leave widgets as grey placeholders after the first idle state.
    tab.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=60_000)
    wait_until_idle(tab)
    sizes = tab.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".map(p => JSON.stringify({data: p.data, layout: p.layout}).length)"
    )
    assert all(size < MAX_FIGURE_BYTES for size in sizes), sizes
    if path == "cycles":  # one page of offices, never every office: at most 10 offices' rows by default
        rows = tab.evaluate(
            "() => { const p = document.querySelector('.js-plotly-plot'); return p.layout.yaxis.tickvals.length; }"
        )
        assert 0 < rows <= 10 * 3, rows  # ten offices a page by default, a row per registration and family
    if path == "":  # the counts at the top, as the language writes them: "34 512" in Polish, never "34512"
        values = tab.locator("[data-testid='stMetricValue']").all_inner_texts()
        assert any(re.search(r"\d\u00a0\d{3}", value) for value in values), values
        assert not any(re.search(r"\d{5}", value) for value in values), values
    name = f"national_{path or 'overview'}"
    assert screenshot(tab, f"{name}_1400x900").stat().st_size > 10_000  # something was drawn
    # The same page on a presentation screen: the window widened (the page's content does not depend on the size,
    # so it is not loaded again), every chart redrawn at its new width before the picture is taken.
    before = tab.evaluate(CHART_WIDTHS)
    tab.set_viewport_size({"width": 1920, "height": 1080})
    tab.wait_for_function(
        f"before => {{ const now = ({CHART_WIDTHS})();"
        " return now.length === before.length && now.every((w, i) => w !== before[i]); }",
        arg=before,
        timeout=30_000,
    )
    wait_until_idle(tab)
    assert screenshot(tab, f"{name}_1920x1080").stat().st_size > 10_000
