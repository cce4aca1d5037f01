"""Many documents at once on a real `./run curate` server in a real Chromium (issue 19): three invented documents
uploaded together into the fixture package (tests/fixture_package.py, written to tmp), one refused as a text the data
holds already; rows reviewed by keyboard only (keys never fire while typing), a merge offer taken, each document saved;
the data folder's files and the database the server serves checked. Screenshots of the queue for a person to look at.
One server for the module."""

import csv
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import SERVER_LOG, screenshot, wait_until_idle
from tests.fixture_package import DOCUMENTS, write_package
from tests.test_curate_safety import start_curate, stop_curate
from tests.test_draft_queue import LATER, SURVEILLANCE

UPLOADS = {
    "testowo_audyt_2018.txt": SURVEILLANCE,  # tells the fixture's event tst-surv-2 again: merged
    "testowo_audyt_2019.txt": LATER,  # a new audit: accepted
    "portal_kopia.txt": "\n".join(DOCUMENTS["portal.txt"].split(" ")),  # the portal's text wrapped anew: refused
}


@pytest.fixture(scope="module")
def queue_server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("curate-queue")
    data = write_package(root)
    log = root / "streamlit.log"
    SERVER_LOG[:] = [log]
    proc, port = start_curate(data, root / "served.duckdb", log)
    yield f"http://127.0.0.1:{port}", data, root / "served.duckdb"
    stop_curate(proc)


def _rows(path: Path, source_id: str) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r.get("source_id") == source_id]


def _text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def _listening(page) -> None:
    """Wait until the key listener of this page run is attached (its frame in the page): a key pressed before it
    is lost, as a person's would be while the page loads."""
    page.wait_for_function("() => window.__cityisoReviewKeys && window.__cityisoReviewKeys.frame.isConnected")


def _press(page, key: str, expect: str) -> None:
    """Press a key on the page (not in a field), once the listener is there, and wait until the page shows
    `expect` and is idle."""
    _listening(page)
    page.keyboard.press(key)
    page.wait_for_function(
        "t => document.querySelector(\"[data-testid='stMain']\").innerText.includes(t)", arg=expect, timeout=30_000
    )
    wait_until_idle(page)


def draft_all(page, drafted: str) -> None:
    """Click the draft button and wait for `drafted`. Drafting three documents cold (the morphology dictionary loaded
    first) took 12 s in a whole run and over 30 s once under load; and a click that lands while the page is still
    settling can be lost (once in five whole runs the text never came): then the page is idle, the button still
    there, and it is clicked once more."""
    page.locator(".st-key-draft button").click()
    for attempt in range(2):
        try:
            page.get_by_text(drafted).wait_for(timeout=60_000)
            return
        except PlaywrightTimeout:
            if attempt:
                raise
            wait_until_idle(page)
            if page.get_by_text(drafted).count():  # drafted while the page settled
                return
            if not page.locator(".st-key-draft button").count():
                raise
            page.locator(".st-key-draft button").click()


def _cursor_is(page, table: str, i: int) -> bool:
    return page.locator(f".st-key-cursor-row .st-key-decision-{table}-{i}").count() == 1


@pytest.mark.browser
def test_three_documents_reviewed_by_keyboard_with_a_merge(browser, queue_server) -> None:
    server, data, served = queue_server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname or r.url.split(":")[0]))
    try:
        page.goto(f"{server}/review?lang=en")
        wait_until_idle(page)
        page.locator(".st-key-upload input[type=file]").set_input_files(
            [{"name": n, "mimeType": "text/plain", "buffer": t.encode("utf-8")} for n, t in UPLOADS.items()]
        )
        page.wait_for_function(
            "n => document.querySelectorAll('.st-key-upload [data-testid=stFileChipName]').length === n",
            arg=len(UPLOADS),
        )
        wait_until_idle(page)
        draft_all(page, "0 of 3 reviewed")
        wait_until_idle(page)
        shown = _text(page)
        assert "already in the data as portal.txt (source portal)" in shown
        assert "Document 1 of 3: testowo_audyt_2018.txt" in shown
        assert "matches the existing row tst-surv-2" in shown
        assert _cursor_is(page, "sources", 0)
        screenshot(page, "review-queue-drafted-en")

        # Keys typed into a field are text, never commands.
        field = page.locator(".st-key-url input")
        field.click()
        field.type("jam")
        assert field.input_value() == "jam"
        wait_until_idle(page)
        assert "waiting (0 of 3 rows decided)" in _text(page) and _cursor_is(page, "sources", 0)
        field.fill("")
        page.locator("h1").click()  # out of the field
        wait_until_idle(page)

        _press(page, "j", "waiting (0 of 3 rows decided)")
        page.wait_for_function("() => document.querySelector('.st-key-cursor-row .st-key-decision-events-0')")
        _press(page, "k", "waiting (0 of 3 rows decided)")
        page.wait_for_function("() => document.querySelector('.st-key-cursor-row .st-key-decision-sources-0')")
        _press(page, "a", "waiting (1 of 3 rows decided)")
        assert _cursor_is(page, "events", 0), "a decision moves to the next row"
        _press(page, "m", "waiting (2 of 3 rows decided)")
        _press(page, "r", "1 of 3 reviewed")
        screenshot(page, "review-queue-decided-en")
        _press(page, "s", "Written and built")
        assert "1 of 3 reviewed · 1 saved · 1 refused" in _text(page)
        assert "Document 2 of 3: testowo_audyt_2019.txt" in _text(page), "the next document is current"
        page.get_by_text("Queue of documents").scroll_into_view_if_needed()
        screenshot(page, "review-queue-overview-en")

        _press(page, "p", "Document 1 of 3")
        _press(page, "n", "Document 2 of 3")
        _press(page, "Shift+A", "2 of 3 reviewed")
        _press(page, "s", "2 of 3 reviewed · 2 saved · 1 refused")
        screenshot(page, "review-queue-saved-en")
    finally:
        context.close()
    assert hosts <= {"127.0.0.1", "localhost", "data", "blob"}, f"the page called outside this machine: {hosts}"

    merged = _rows(data / "further_evidence.csv", "testowo-audyt-2018")
    assert [(r["record_table"], r["record_id"]) for r in merged] == [("events", "tst-surv-2")]
    assert "październiku 2018" in merged[0]["quote"]
    assert _rows(data / "events.csv", "testowo-audyt-2018") == [], "the same event is not written twice"
    assert _rows(data / "findings.csv", "testowo-audyt-2018") == [], "the finding was rejected"
    (later,) = _rows(data / "events.csv", "testowo-audyt-2019")
    assert (later["event_on"], later["kind"]) == ("2019-11-05", "surveillance")
    assert (data / "sources" / "testowo_audyt_2018.txt").read_text(encoding="utf-8") == SURVEILLANCE
    assert (data / "sources" / "testowo_audyt_2019.txt").read_text(encoding="utf-8") == LATER
    assert not (data / "sources" / "portal_kopia.txt").exists()
    assert not (data / ".cityiso-journal").exists()
    with duckdb.connect(str(served), read_only=True) as con:
        sources = con.execute("select source_id from sources where source_id like 'testowo-audyt-%' order by 1")
        assert sources.fetchall() == [("testowo-audyt-2018",), ("testowo-audyt-2019",)]
        evidence = con.execute(
            "select record_table, record_id from evidence where source_id = 'testowo-audyt-2018'"
        ).fetchall()
        assert evidence == [("events", "tst-surv-2")]
        assert con.execute("select count(*) from events where event_id = 'tst-surv-2'").fetchone() == (1,)


@pytest.mark.browser
def test_queue_screenshot_in_polish(browser, queue_server) -> None:
    """The queue with a merge offer, in Polish, for a person to look at (a new session: nothing of the test above)."""
    server, _data, _served = queue_server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(90_000)  # the first draft in a fresh server loads the gazetteer and morfeusz2
    try:
        page.goto(f"{server}/review?lang=pl")
        wait_until_idle(page)
        page.locator(".st-key-pasted textarea").fill(
            SURVEILLANCE.replace("Audyt nadzoru w Testowie", "Drugi komunikat o audycie")
        )
        page.locator(".st-key-pasted textarea").press("Control+Enter")
        name = page.locator(".st-key-file_name input")
        name.fill("testowo_audyt_2018_b.txt")
        name.press("Enter")
        wait_until_idle(page)
        draft_all(page, "Przejrzane: 0 z 1")
        wait_until_idle(page)
        page.locator("h1").click()  # out of the fields
        _press(page, "a", "1 z 3")
        page.locator(".st-key-cursor-row").scroll_into_view_if_needed()
        assert "pasuje do istniejącego wiersza tst-surv-2" in _text(page)
        screenshot(page, "review-queue-pl")
    finally:
        context.close()
