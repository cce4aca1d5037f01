"""The curator's review page in a real Chromium: paste a text, accept, reject and edit drafted rows, write them into a
copy of data/ and build; screenshots of the page at two window sizes."""

import csv
import os
import shutil
from pathlib import Path

import pytest

from cityiso.loadtest import free_port, start_server, stop_server
from cityiso.paths import DATA_DIR
from tests.browser.conftest import SERVER_LOG, screenshot, wait_until_idle
from tests.test_draft_review import TEXT  # the same invented release the AppTest flow reviews

SOURCE_ID = "czestochowa-audyt-2021"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def curate_server(package_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """The dashboard with the review page (CITYISO_CURATE=1) writing into a copy of data/ (CITYISO_DATA)."""
    data = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*", ".*.tmp*"))
    log = data.parent / "streamlit.log"
    SERVER_LOG[:] = [log]
    port = free_port()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CITYISO_CURATE", "1")
        mp.setenv("CITYISO_DATA", str(data))
        assert os.environ["CITYISO_DATA"] == str(data)
        proc = start_server(package_db, port, log)
    yield f"http://127.0.0.1:{port}", data
    stop_server(proc)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r.get("source_id") == SOURCE_ID]


def _drafted(browser, server: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server}/review")
    wait_until_idle(page)
    page.locator(".st-key-pasted textarea").fill(TEXT)
    page.locator(".st-key-pasted textarea").press("Control+Enter")
    name = page.locator(".st-key-file_name input")
    name.fill("czestochowa_audyt_2021.txt")
    name.press("Enter")
    wait_until_idle(page)
    page.locator(".st-key-draft button").click()
    page.locator(".st-key-decision-findings-1").wait_for()
    wait_until_idle(page)
    return context, page


def test_review_flow_writes_exactly_the_accepted_rows(browser, curate_server) -> None:
    """Accept the event, reject one finding, edit the other: the copy's CSVs get exactly those rows and the build
    passes."""
    server, data = curate_server
    context, page = _drafted(browser, server, 1400, 900)
    try:
        page.locator(".st-key-decision-events-0").get_by_text("accept", exact=True).click()
        wait_until_idle(page)
        page.locator(".st-key-decision-findings-1").get_by_text("reject", exact=True).click()
        wait_until_idle(page)
        page.locator(".st-key-decision-findings-0").get_by_text("edit", exact=True).click()
        gloss = page.locator(".st-key-edit-findings-0-text_en input")
        gloss.wait_for()
        gloss.fill("Management's commitment to better services")
        gloss.press("Enter")
        wait_until_idle(page)
        page.locator(".st-key-write button").click()
        page.get_by_text("Written and built").wait_for()
        findings = _rows(data / "findings.csv")
        assert [(r["text_en"], r["quote"]) for r in findings] == [
            ("Management's commitment to better services", "zaangażowanie kierownictwa w doskonalenie usług")
        ]
        (event,) = _rows(data / "events.csv")
        assert (event["kind"], event["event_on"], event["body_id"]) == ("surveillance", "2021-03-12", "pcbc")
        assert (data / "sources" / "czestochowa_audyt_2021.txt").read_text(encoding="utf-8") == TEXT
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1920, 1080)])
def test_review_page_screenshots(browser, curate_server, width: int, height: int) -> None:
    """The drafted page at two window sizes, saved for a person to look at."""
    server, _data = curate_server
    context, page = _drafted(browser, server, width, height)
    try:
        page.get_by_text("The text, each drafted fact marked").evaluate("e => e.scrollIntoView()")
        # the facts tables draw on a canvas after the script run: wait until the first ones have one
        page.wait_for_function(
            "() => { const t = [...document.querySelectorAll('[data-testid=stDataFrame]')].slice(0, 2);"
            " return t.length === 2 && t.every(e => e.querySelector('canvas')); }"
        )
        assert screenshot(page, f"review-{width}x{height}").exists()
    finally:
        context.close()
