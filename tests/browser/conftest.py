"""A real dashboard server and a real Chromium (Debian's package, driven by Playwright) for end-to-end tests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from cityiso.paths import ROOT

CHROMIUM = os.environ.get("CITYISO_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run the browser tests",
        allow_module_level=True,
    )
sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The dashboard served on loopback from the real database, started the way ./run start does."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {**os.environ, "CITYISO_DB": str(real_db)}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cityiso.serve",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        os.killpg(proc.pid, signal.SIGTERM)
        pytest.fail(f"the dashboard did not start:\n{log.read_text()}")
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server: str, request: pytest.FixtureRequest):
    """A fresh 1400x900 page; after the test, every request it made must have stayed on this machine."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname or r.url.split(":")[0]))
    page.set_default_timeout(30_000)
    yield page
    context.close()
    outside = {h for h in hosts if h not in ("127.0.0.1", "localhost", "data", "blob")}
    assert not outside, f"the page called outside this machine: {sorted(outside)}"


def open_page(page, server: str, path: str = "", **params: str) -> None:
    """Go to a page of the app and wait until it has finished running."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    page.goto(f"{server}/{path}" + (f"?{query}" if query else ""))
    wait_until_idle(page)


def wait_until_idle(page) -> None:
    """Wait for the app's script run to finish (Streamlit shows a status widget while it runs)."""
    page.wait_for_selector("[data-testid='stMain']")
    page.wait_for_timeout(300)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(300)


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
