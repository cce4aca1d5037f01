"""The curator's review page in a real Chromium on a real `./run curate` server (loopback, loopback host names only)
writing into a copy of data/ and building its own served database: paste a text, accept, reject and edit drafted
rows, write them; the database the server serves has them. Screenshots in both languages."""

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from cityiso.paths import DATA_DIR
from tests.browser.conftest import SERVER_LOG, screenshot, wait_until_idle
from tests.test_curate_safety import TEXT, start_curate, stop_curate

SOURCE_ID = "czestochowa-audyt-2021"
NAME = "czestochowa_audyt_2021.txt"


@pytest.fixture(scope="module")
def curate_server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("curate-server")
    data = root / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*", ".*.tmp*", ".cityiso-*"))
    log = root / "streamlit.log"
    SERVER_LOG[:] = [log]
    proc, port = start_curate(data, root / "served.duckdb", log)
    yield f"http://127.0.0.1:{port}", data, root / "served.duckdb"
    stop_curate(proc)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r.get("source_id") == SOURCE_ID]


def _drafted(browser, server: str, lang: str, width: int = 1400, height: int = 900, text: str = TEXT):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server}/review?lang={lang}")
    wait_until_idle(page)
    page.locator(".st-key-pasted textarea").fill(text)
    page.locator(".st-key-pasted textarea").press("Control+Enter")
    name = page.locator(".st-key-file_name input")
    name.fill(NAME)
    name.press("Enter")
    wait_until_idle(page)
    page.locator(".st-key-draft button").click()
    page.locator(".st-key-decision-findings-1").wait_for()
    wait_until_idle(page)
    return context, page


@pytest.mark.browser
def test_review_flow_on_run_curate_writes_the_rows_and_the_served_database(browser, curate_server) -> None:
    server, data, served = curate_server
    context, page = _drafted(browser, server, "en")
    try:
        page.locator(".st-key-decision-findings-1").get_by_text("reject", exact=True).click()
        wait_until_idle(page)
        page.locator(".st-key-decision-findings-0").get_by_text("edit", exact=True).click()
        gloss = page.locator(".st-key-edit-findings-0-text_en input")
        gloss.wait_for()
        gloss.fill("Management's commitment to better services")
        gloss.press("Enter")
        wait_until_idle(page)
        page.locator(".st-key-kb_accept_rest button").click()  # the rows not decided yet: accepted
        page.get_by_text("1 of 1 reviewed").wait_for()
        wait_until_idle(page)
        page.locator(".st-key-write button").click()
        page.get_by_text("Written and built").wait_for()
        assert [r["text_en"] for r in _rows(data / "findings.csv")] == ["Management's commitment to better services"]
        assert (data / "sources" / NAME).read_text(encoding="utf-8") == TEXT
        assert not (data / "cityiso.duckdb").exists()
        with duckdb.connect(str(served), read_only=True) as con:
            found = con.execute("select count(*) from findings where source_id = $s", {"s": SOURCE_ID}).fetchone()
        assert found == (1,), "the server's own database has the saved row"
        assert not (data / ".cityiso-journal").exists()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_review_page_screenshots(browser, curate_server, lang: str) -> None:
    """The drafted page in each language, saved for a person to look at."""
    server, _data, _served = curate_server
    # A text of its own: the flow above may have saved TEXT already, and a text the data holds is refused.
    context, page = _drafted(browser, server, lang, text=TEXT + f"Komunikat ({lang}).\n")
    try:
        marked = {"pl": "Tekst z zaznaczonymi faktami ze szkicu", "en": "The text, each drafted fact marked"}[lang]
        page.get_by_text(marked).evaluate("e => e.scrollIntoView()")
        page.wait_for_function(
            "() => { const t = [...document.querySelectorAll('[data-testid=stDataFrame]')].slice(0, 2);"
            " return t.length === 2 && t.every(e => e.querySelector('canvas')); }"
        )
        assert screenshot(page, f"review-curate-{lang}").exists()
    finally:
        context.close()
