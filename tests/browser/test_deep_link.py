"""A shared deep link opened first on a fresh server runs the page through dashboard.py (navigation, language),
not as a legacy pages/ script: this pins what cityiso/app/serve.py relies on (it switches Streamlit's pages/
discovery off with PagesManager.uses_pages_directory, not a public API); a Streamlit upgrade that changes it
fails here."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from cityiso.server import free_port, start_server, stop_server
from tests.browser.conftest import open_page


@pytest.fixture
def fresh_server(package_db: Path, tmp_path: Path) -> str:
    """A server no browser has visited yet (the session's server has served the overview already)."""
    port = free_port()
    proc = start_server(package_db, port, tmp_path / "streamlit.log")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


@pytest.mark.browser
def test_a_deep_link_first_on_a_fresh_server_gets_navigation_and_its_language(browser, fresh_server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        open_page(page, fresh_server, "cycles", lang="en")
        expect(page.locator("h1").first).to_have_text("Certification cycles")
        nav = page.locator("[data-testid='stSidebarNav']")
        expect(nav).to_contain_text("Overview")  # dashboard.py's st.navigation, in the link's language
        expect(nav).to_contain_text("Sources and method")
    finally:
        context.close()
