"""A real dashboard server on the fixture package (tests/fixture_package.py) and a real Chromium (Debian's
package, driven by Playwright) for end-to-end tests; a failing test's report ends with the server's log."""

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest

from cityiso.loadtest.sessions import BROWSER_ARGS, CHROMIUM
from cityiso.paths import ROOT
from cityiso.server import free_port, start_server, stop_server

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# The server's log, for the reports of failing tests (a page that times out usually left a traceback there).
SERVER_LOG: list[Path] = []

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run the browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api")
sync_playwright, PlaywrightError = sync_api.sync_playwright, sync_api.Error


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test, marked or not, so `-m "not browser"` leaves out all of them
    (before `-m` deselects: tryfirst)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = (yield).get_result()
    if report.failed and SERVER_LOG and SERVER_LOG[0].exists():
        report.sections.append(("streamlit server log (last 4000 characters)", SERVER_LOG[0].read_text()[-4000:]))


@pytest.fixture(scope="session")
def server(package_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The dashboard served on loopback from the fixture package's database, started the way ./run start does."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    SERVER_LOG[:] = [log]
    try:
        proc = start_server(package_db, port, log)
    except RuntimeError as exc:
        pytest.fail(f"the dashboard did not start: {exc}")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=BROWSER_ARGS,
        )
        yield browser
        browser.close()


class ReusedTab:
    """One tab a test module's tests share (through clean_tab), replaced by a new one in the same context when a test
    left it closed or unable to leave its page, so one broken tab fails one test, not the rest of the module."""

    def __init__(self, context) -> None:
        self.context = context
        self.tab = context.new_page()

    def blank(self):
        """The tab on a blank page, its last page left (_leave), or a new tab."""
        try:
            if not self.tab.is_closed():
                _leave(self.tab)
                return self.tab
        except PlaywrightError:
            with suppress(PlaywrightError):
                self.tab.close()
        self.tab = self.context.new_page()
        return self.tab


@pytest.fixture(scope="module")
def module_tab(browser) -> Iterator[ReusedTab]:
    """One tab for a test module, reused by its tests (each through `clean_tab`, at the size it asks): a visit in a
    tab that has loaded the app before skips loading and compiling Streamlit's scripts again. Measured on 2 cores:
    0.8-1.0 s a visit against 1.6-2.2 s in a fresh context; a fresh tab in the same context gained little."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield ReusedTab(context)
    context.close()


@contextmanager
def clean_tab(reused: ReusedTab, width: int = 1400, height: int = 900, timeout: int = 30_000) -> Iterator:
    """The module's tab as a fresh one would be for one test: on a blank page (the last test's page and its session
    left, the local and session storage of the app's page it was on cleared), no cookies, screen media, this window
    size; after the test, its page left again. The HTTP cache stays: that is the point. What a test hangs on the tab
    itself (a listener) it removes."""
    tab = reused.blank()
    tab.context.clear_cookies()
    tab.emulate_media(media="null")
    tab.set_viewport_size({"width": width, "height": height})
    tab.set_default_timeout(timeout)
    try:
        yield tab
    finally:
        with suppress(PlaywrightError):  # a page the test broke: the next test's clean_tab replaces the tab
            _leave(tab)


def _leave(tab) -> None:
    """Forget what the app's page stored in this tab's local and session storage, then go to a blank page (which
    closes its session)."""
    if tab.url.startswith("http"):
        with suppress(PlaywrightError):  # a page a failed test left broken still leaves: its error is the test's
            tab.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
    tab.goto("about:blank")


@pytest.fixture
def page(module_tab, server: str):
    """A clean 1400x900 tab (clean_tab); after the test, every request it made must have stayed on this machine."""
    hosts: set[str] = set()

    def on_request(r) -> None:
        hosts.add(urlparse(r.url).hostname or r.url.split(":")[0])

    with clean_tab(module_tab) as tab:
        tab.on("request", on_request)
        try:
            yield tab
        finally:
            tab.remove_listener("request", on_request)
    outside = {h for h in hosts if h not in ("127.0.0.1", "localhost", "data", "blob")}
    assert not outside, f"the page called outside this machine: {sorted(outside)}"


def open_page(page, server: str, path: str = "", **params: str) -> None:
    """Go to a page of the app and wait until its first script run has finished."""
    page.goto(f"{server}/{path}" + (f"?{urlencode(params, safe=',')}" if params else ""))
    wait_until_idle(page)


# Streamlit marks its root with the script's state: 'initial' before the first run, then 'running' or
# 'rerunRequested' while a run is under way and 'notRunning' once it is done (and the status widget is gone).
IDLE = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    return app !== null && app.dataset.testConnectionState === "CONNECTED"
        && app.dataset.testScriptState === "notRunning"
        && !document.querySelector("[data-testid='stStatusWidget']");
}"""


def wait_until_idle(page) -> None:
    """Wait until the app has connected and no script run is under way. After a click, first wait for what the
    click changes (an address, a text): the rerun it requests may not have started yet."""
    page.wait_for_function(IDLE, timeout=30_000)


def wait_for_charts(page, count: int) -> None:
    """Wait until `count` Plotly charts have been drawn on the page (they render after the script run)."""
    page.wait_for_function(
        "n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];"
        " return plots.length === n && plots.every(p => p.querySelector('.main-svg')); }",
        arg=count,
        timeout=30_000,
    )


def screenshot(page, name: str) -> Path:
    """Save a screenshot as a test artefact (test-artifacts/screenshots/)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def current_url(page) -> str:
    """The address bar as the user sees it (Streamlit updates it with history.replaceState)."""
    return page.evaluate("location.href")


def wait_for_url(page, part: str) -> None:
    """Wait until the address bar contains `part`."""
    page.wait_for_function("part => location.href.includes(part)", arg=part, timeout=15_000)
